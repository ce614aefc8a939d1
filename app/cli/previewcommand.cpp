// SPDX-License-Identifier: Apache-2.0
// `uisctl preview`: each node's first rows, as the designer's Data Preview shows them, from the
// runners' dry run (`uis-preview:` lines). With --session auto (the default) the runner uses
// the shared warm pair (runners/uis_runners/sessions) and falls back to a cold engine itself.
#include "argparser.h"
#include "clicontext.h"
#include "cliloop.h"
#include "previewtarget.h"
#include "sessionoption.h"

#include "enginepaths.h"
#include "enginesessions.h"
#include "pipelinecompiler.h"
#include "specloader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QTemporaryDir>

namespace uis::cli {

namespace {

const char *const kHelp =
    "usage: uisctl preview FILE [--engine spark|flink|both] [--limit N] [--node NAME]\n"
    "                      [--format table|json] [--session auto|none|URL] [--timeout SECONDS]\n"
    "                      [--target NAME [--env NAME | --url URL]]\n\n"
    "Prints the first rows of each source and transform of FILE, as the Data Preview shows\n"
    "them; sinks are not written.\n"
    "  --engine   spark, flink or both; default: the spec's own engine\n"
    "  --limit    rows per node (default 20)\n"
    "  --node     only this node\n"
    "  --format   table (default) or json: one JSON object per engine and line,\n"
    "             {\"engine\", \"nodes\": [{\"node\", \"columns\": [{\"name\", \"type\"}],\n"
    "             \"rows\": [[...]]}], \"seconds\"}\n"
    "  --timeout  seconds one engine may take (default 600)\n";
const char *const kHelpEnd =
    "  --target   the session servers a target of the DCP server names (`spark_connect`,\n"
    "             `sql_gateway`; `uisctl targets` lists them): a team cluster's, next to its\n"
    "             data. --env or --url picks the server, as for `uisctl submit`\n"
    "Progress goes to stderr. Exit: 0 previewed, 1 the spec or an engine failed, 2 usage error.\n";

struct NodeRows
{
    QString name;
    QJsonArray columns;
    QJsonArray rows;
};

struct EnginePreview
{
    QList<NodeRows> nodes;
    QString failure;
    double seconds = 0;
    int exitCode = 0;
};

class PreviewRun
{
public:
    PreviewRun(const LoadedSpec &loaded, const QString &work, int limit, const QString &session,
               int timeout, CliContext &ctx)
        : m_loaded(loaded), m_work(work), m_limit(limit), m_session(session), m_timeout(timeout),
          m_ctx(ctx)
    {
    }

    EnginePreview run(Engine engine)
    {
        EnginePreview out;
        const QString en = engineName(engine);
        const bool flink = engine == Engine::Flink;
        const QString target = flink ? QStringLiteral("flink-job") : QStringLiteral("spark-job");
        const QString jobPath = QDir(m_work).filePath(target + QStringLiteral(".json"));
        CompileOptions options;
        options.master = QStringLiteral("local[*]");
        options.flinkTarget = QStringLiteral("local");
        options.jobConfigPath = jobPath;
        const CompileResult compiled = PipelineCompiler::compile(m_loaded, engine, options);
        const Artifact *job = compiled.artifact(target);
        if (!compiled.succeeded() || !job) {
            QStringList why;
            for (const Diagnostic &d : compiled.diagnostics) {
                if (d.severity == Severity::Error && why.size() < 3)
                    why << d.message;
            }
            out.failure = QStringLiteral("the spec does not compile for %1: %2")
                              .arg(en, why.join(QStringLiteral("; ")));
            return out;
        }
        QFile f(jobPath);
        if (!f.open(QIODevice::WriteOnly) || f.write(job->content) != job->content.size()) {
            out.failure = QStringLiteral("cannot write %1").arg(jobPath);
            return out;
        }
        f.close();
        const QString runners = EnginePaths::runnersDir();
        const QString python = EnginePaths::pythonWith(
            runners, flink ? QStringLiteral("pyflink") : QStringLiteral("pyspark"), &out.failure);
        if (python.isEmpty())
            return out;
        const QString runner = runners + (flink ? QStringLiteral("/flink/uis_flink_runner.py")
                                                : QStringLiteral("/spark/uis_spark_runner.py"));
        QElapsedTimer timer;
        timer.start();
        runProcess(python,
                   QStringList{runner} +
                       EngineSessions::dryRunArguments(jobPath, m_limit, m_session),
                   en, &out);
        out.seconds = double(timer.elapsed()) / 1000.0;
        return out;
    }

private:
    void runProcess(const QString &program, const QStringList &args, const QString &en,
                    EnginePreview *out)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
        env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
        EnginePaths::addRunnerEnvironment(env, EnginePaths::enginesHome(EnginePaths::runnersDir()));
        p.setProcessEnvironment(env);
        p.setStandardErrorFile(QDir(m_work).filePath(en + QStringLiteral(".log")));
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(program, args);
        if (!p.waitForStarted(30000)) {
            out->failure = p.errorString();
            return;
        }
        QByteArray pending;
        QElapsedTimer timer;
        timer.start();
        auto drain = [&] {
            pending += p.readAllStandardOutput();
            qsizetype nl;
            while ((nl = pending.indexOf('\n')) >= 0) {
                line(en, QString::fromUtf8(pending.left(nl)), out);
                pending.remove(0, nl + 1);
            }
        };
        while (!p.waitForFinished(100)) {
            drain();
            if (p.state() == QProcess::NotRunning)
                break;
            if (timer.elapsed() > qint64(m_timeout) * 1000) {
                p.terminate(); // the runner interrupts its warm session's work
                if (!p.waitForFinished(5000))
                    p.kill();
                out->failure =
                    QStringLiteral("%1 did not finish within %2 s").arg(en).arg(m_timeout);
                return;
            }
        }
        drain();
        out->exitCode = p.exitStatus() == QProcess::CrashExit ? -1 : p.exitCode();
        if (out->exitCode != 0 && out->failure.isEmpty())
            out->failure =
                QStringLiteral("the %1 runner failed (exit %2)").arg(en).arg(out->exitCode);
    }

    void line(const QString &en, const QString &text, EnginePreview *out)
    {
        static const QString preview = QStringLiteral("uis-preview: ");
        static const QString progress = QStringLiteral("uis-runner: ");
        if (text.startsWith(progress)) {
            const QString what = text.mid(progress.size());
            if (what.startsWith(QLatin1String("FAILED: ")))
                out->failure = what.mid(8);
            // The session's story (starting, warm at URL, cold and why) and failures.
            if (what.startsWith(QLatin1String("FAILED")) ||
                EngineSessions::parseProgress(what).kind != SessionEvent::Kind::None)
                m_ctx.err << "uisctl preview: " << en << ": " << what << '\n';
            m_ctx.err.flush();
            return;
        }
        if (!text.startsWith(preview))
            return;
        const QJsonObject e = QJsonDocument::fromJson(text.mid(preview.size()).toUtf8()).object();
        const QString event = e.value(QLatin1String("event")).toString();
        const QString node = e.value(QLatin1String("node")).toString();
        if (event == QLatin1String("schema")) {
            out->nodes << NodeRows{node, e.value(QLatin1String("columns")).toArray(), {}};
        } else if (event == QLatin1String("row")) {
            for (NodeRows &n : out->nodes) {
                if (n.name != node)
                    continue;
                const QJsonObject data = e.value(QLatin1String("data")).toObject();
                QJsonArray row;
                for (const QJsonValue &c : std::as_const(n.columns))
                    row.append(data.value(c.toObject().value(QLatin1String("name")).toString()));
                n.rows.append(row);
            }
        }
    }

    const LoadedSpec &m_loaded;
    QString m_work;
    int m_limit;
    QString m_session;
    int m_timeout;
    CliContext &m_ctx;
};

QString cell(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("null");
    if (v.isString())
        return v.toString();
    if (v.isDouble()) // the shortest text that reads back as the same number (187.37)
        return QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QString::fromUtf8(
        QJsonDocument(v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject()))
            .toJson(QJsonDocument::Compact));
}

void printTable(const QString &en, const EnginePreview &r, CliContext &ctx)
{
    ctx.out << en << ": " << r.nodes.size() << " node(s) in " << QString::number(r.seconds, 'f', 1)
            << " s\n";
    for (const NodeRows &n : r.nodes) {
        QStringList head;
        for (const QJsonValue &c : n.columns)
            head << c.toObject().value(QLatin1String("name")).toString();
        QList<QStringList> lines{head};
        for (const QJsonValue &row : n.rows) {
            QStringList cells;
            for (const QJsonValue &v : row.toArray())
                cells << cell(v);
            lines << cells;
        }
        QList<qsizetype> width(head.size(), 0);
        for (const QStringList &l : std::as_const(lines)) {
            for (qsizetype i = 0; i < l.size() && i < width.size(); ++i)
                width[i] = std::max(width[i], l[i].size());
        }
        ctx.out << "\n== " << n.name << " (" << n.rows.size() << " row(s))\n";
        for (const QStringList &l : std::as_const(lines)) {
            QStringList padded;
            for (qsizetype i = 0; i < l.size() && i < width.size(); ++i)
                padded << l[i].leftJustified(width[i]);
            ctx.out << padded.join(QStringLiteral("  ")).trimmed() << '\n';
        }
    }
    ctx.out << '\n';
}

QJsonObject toJson(const QString &en, const EnginePreview &r)
{
    QJsonArray nodes;
    for (const NodeRows &n : r.nodes) {
        nodes.append(QJsonObject{{QStringLiteral("node"), n.name},
                                 {QStringLiteral("columns"), n.columns},
                                 {QStringLiteral("rows"), n.rows}});
    }
    QJsonObject o{{QStringLiteral("engine"), en},
                  {QStringLiteral("nodes"), nodes},
                  {QStringLiteral("seconds"), r.seconds}};
    if (!r.failure.isEmpty())
        o.insert(QStringLiteral("error"), r.failure);
    return o;
}

} // namespace

int runPreview(const QStringList &args, CliContext &ctx)
{
    ArgParser p({QStringLiteral("engine"), QStringLiteral("limit"), QStringLiteral("node"),
                 QStringLiteral("format"), QStringLiteral("session"), QStringLiteral("timeout"),
                 QStringLiteral("target"), QStringLiteral("env"), QStringLiteral("url")},
                {QStringLiteral("help")});
    const QString help = QString::fromUtf8(kHelp) + QString::fromUtf8(SessionOption::help()) +
                         QString::fromUtf8(kHelpEnd);
    if (const auto exit = p.parseCommand(args, ctx, "preview", help))
        return *exit;
    const QString format = p.value(QStringLiteral("format"), QStringLiteral("table"));
    const QString engineArg = p.value(QStringLiteral("engine"));
    const QString target = p.value(QStringLiteral("target")).trimmed();
    bool okLimit = true, okTimeout = true;
    const int limit = p.value(QStringLiteral("limit"), QStringLiteral("20")).toInt(&okLimit);
    const int timeout = p.value(QStringLiteral("timeout"), QStringLiteral("600")).toInt(&okTimeout);
    QString usage;
    if (format != QLatin1String("table") && format != QLatin1String("json"))
        usage = QStringLiteral("--format must be table or json");
    else if (!engineArg.isEmpty() && engineArg != QLatin1String("spark") &&
             engineArg != QLatin1String("flink") && engineArg != QLatin1String("both"))
        usage = QStringLiteral("--engine must be spark, flink or both");
    else if (!okLimit || limit <= 0)
        usage = QStringLiteral("--limit must be a positive number of rows");
    else if (!okTimeout || timeout <= 0)
        usage = QStringLiteral("--timeout must be a positive number of seconds");
    else if (p.isSet(QStringLiteral("target")) && p.isSet(QStringLiteral("session")))
        usage = QStringLiteral("give --session or --target, not both");
    else if (p.isSet(QStringLiteral("target")) && target.isEmpty())
        usage = QStringLiteral("--target expects the name of one of the DCP server's targets");
    else if (target.isEmpty() && (p.isSet(QStringLiteral("env")) || p.isSet(QStringLiteral("url"))))
        usage = QStringLiteral("--env and --url go with --target");
    else if (p.positional().size() != 1)
        usage = QStringLiteral("give exactly one FILE");
    if (!usage.isEmpty()) {
        ctx.err << "uisctl preview: " << usage << '\n';
        return ExitUsage;
    }
    const std::optional<QString> chosen = SessionOption::read(p, "preview", ctx);
    if (!chosen)
        return ExitUsage;
    QString session = *chosen;
    const QString file = p.positional().first();
    if (!QFileInfo(file).isFile()) {
        ctx.err << "uisctl preview: " << file << ": no such file\n";
        return ExitUsage;
    }
    const LoadedSpec loaded = SpecLoader::loadFile(file);
    if (!loaded.valid()) {
        for (const Diagnostic &d : loaded.diagnostics)
            ctx.err << formatDiagnostic(file, d) << '\n';
        ctx.err << "uisctl preview: the spec has errors\n";
        return ExitErrors;
    }
    QList<Engine> engines{engineFor(loaded.spec)};
    if (engineArg == QLatin1String("both"))
        engines = {Engine::Spark, Engine::Flink};
    else if (!engineArg.isEmpty())
        engines = {engineFromName(engineArg)};
    QTemporaryDir tmp(QDir::tempPath() + QStringLiteral("/uisctl-preview-XXXXXX"));
    if (!tmp.isValid()) {
        ctx.err << "uisctl preview: cannot create a temporary folder\n";
        return ExitUsage;
    }
    CliLoop::application(); // the runners are found next to this binary
    if (!target.isEmpty()) {
        QStringList names;
        for (Engine e : std::as_const(engines))
            names << engineName(e);
        if (const int rc = sessionOfTarget(p, target, names, ctx, &session); rc >= 0)
            return rc;
        ctx.err << "uisctl preview: target " << target << ": " << session << '\n';
    }
    PreviewRun run(loaded, tmp.path(), limit, session, timeout, ctx);
    const QString only = p.value(QStringLiteral("node"));
    bool ok = true;
    for (Engine e : engines) {
        const QString en = engineName(e);
        EnginePreview r = run.run(e);
        if (!only.isEmpty())
            r.nodes.removeIf([&only](const NodeRows &n) { return n.name != only; });
        if (!r.failure.isEmpty()) {
            ok = false;
            ctx.err << "uisctl preview: " << en << ": " << r.failure << '\n';
        } else if (!only.isEmpty() && r.nodes.isEmpty()) {
            ok = false;
            ctx.err << "uisctl preview: " << en << ": no node `" << only << "`\n";
        }
        if (format == QLatin1String("json"))
            ctx.out << QString::fromUtf8(
                           QJsonDocument(toJson(en, r)).toJson(QJsonDocument::Compact))
                    << '\n';
        else
            printTable(en, r, ctx);
        ctx.out.flush();
    }
    return ok ? ExitOk : ExitErrors;
}

} // namespace uis::cli
