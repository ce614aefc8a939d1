// SPDX-License-Identifier: Apache-2.0
// `uisctl test`: the golden-data cases of a spec's `*.tests.yaml`, run on the real engines
// (UIS-SPEC.md, "Pipeline tests"). All cases of one engine run in one runner process (Spark
// starts once); each case's sinks are captured under its own folder and compared here.
#include "argparser.h"
#include "clicontext.h"
#include "cliloop.h"
#include "sessionoption.h"

#include "enginepaths.h"
#include "flink/flinkcompiler.h"
#include "goldencompare.h"
#include "jsonconvert.h"
#include "pipelinetests.h"
#include "sinkcolumns.h"
#include "spark/sparkcompiler.h"
#include "specloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

#include <memory>

namespace uis::cli {

namespace {

const char *const kHelp =
    "usage: uisctl test FILE [--tests FILE] [--engine spark|flink|both]\n"
    "                   [--format text|json|junit] [--case NAME] [--timeout SECONDS]\n"
    "                   [--keep DIR] [--session auto|none|URL]\n\n"
    "Runs the golden-data cases of FILE's tests file (default: <name>.tests.yaml next to it) on\n"
    "the real engines (`make deps` or `uisctl engines install`): each endpoint reads the case's\n"
    "rows as one bounded stream, each sink is captured and compared with the case's `expect`\n"
    "rows.\n"
    "  --engine   spark, flink, or both (every engine the spec compiles for); default: the\n"
    "             spec's own engine\n"
    "  --format   text (a row diff per failing case: `-` missing, `+` unexpected; default),\n"
    "             json (per case and engine: status, diff, duration), junit (JUnit XML)\n"
    "  --case     run only the case called NAME\n"
    "  --timeout  seconds one engine may take for all its cases (default 900)\n"
    "  --keep DIR keep the job configs, inputs, captures and engine logs in DIR\n";
const char *const kHelpEnd =
    "Progress goes to stderr. Exit: 0 every case passed on every engine that applies, 1 a case\n"
    "failed or the spec or tests file has errors, 2 usage or I/O error.\n";

struct SinkResult
{
    QString sink;
    GoldenDiff diff;
};

struct CaseResult
{
    QString name;
    QString status; ///< passed, failed, error
    QString error;
    double seconds = 0;
    QList<SinkResult> sinks;

    QStringList diffLines() const
    {
        QStringList out;
        for (const SinkResult &s : sinks) {
            if (s.diff.passed())
                continue;
            out << QStringLiteral("sink %1: expected %2 row(s), captured %3")
                       .arg(s.sink)
                       .arg(s.diff.expectedCount)
                       .arg(s.diff.actualCount);
            for (const QString &l : s.diff.lines())
                out << QStringLiteral("  ") + l;
        }
        return out;
    }
};

struct EngineResult
{
    Engine engine = Engine::None;
    QString status; ///< ran, skipped, error
    QString reason;
    QString session;     ///< warm or cold: where the cases ran
    QString sessionNote; ///< why a warm run went cold
    double seconds = 0;
    QList<CaseResult> cases;
};

struct Launch
{
    QString program;
    QStringList arguments;
    QString error;
};

// A cold Spark run is a spark-submit (local[*]); a warm one (and its cold fallback, which starts
// its own local session) is the runner under the project's Python, as Flink's always is.
Launch launchFor(Engine engine, const QString &session, const QString &jobPath,
                 const QString &inputsPath, const QString &captureDir)
{
    Launch l;
    const QString runners = EnginePaths::runnersDir();
    const QString home = EnginePaths::enginesHome(runners);
    if (!EnginePaths::javaAvailable()) {
        l.error = QStringLiteral("Java is not installed: the engines need a JDK 17");
        return l;
    }
    if (engine == Engine::Spark && session == QLatin1String("none")) {
        if (EnginePaths::pythonWith(runners, QStringLiteral("pyspark"), &l.error).isEmpty())
            return l;
        l.program = EnginePaths::sparkSubmit(home);
        l.arguments << QStringLiteral("--master") << QStringLiteral("local[*]")
                    << QStringLiteral("--deploy-mode") << QStringLiteral("client")
                    << QStringLiteral("--conf")
                    << QStringLiteral("spark.ui.showConsoleProgress=false")
                    << QStringLiteral("--driver-java-options")
                    << QStringLiteral("-Dlog4j2.level=WARN");
        const QStringList jars = EnginePaths::sparkJars(home);
        if (!jars.isEmpty())
            l.arguments << QStringLiteral("--jars") << jars.join(QLatin1Char(','));
        l.arguments << runners + QStringLiteral("/spark/uis_spark_runner.py");
    } else {
        const bool spark = engine == Engine::Spark;
        l.program = EnginePaths::pythonWith(
            runners, spark ? QStringLiteral("pyspark") : QStringLiteral("pyflink"), &l.error);
        if (l.program.isEmpty())
            return l;
        l.arguments << runners + (spark ? QStringLiteral("/spark/uis_spark_runner.py")
                                        : QStringLiteral("/flink/uis_flink_runner.py"));
    }
    const QString runner = l.arguments.last();
    if (!QFileInfo::exists(runner)) {
        l.error = QStringLiteral("the UIS runner is missing (%1): set UIS_RUNNERS_DIR").arg(runner);
        return l;
    }
    l.arguments << QStringLiteral("--job-config") << jobPath << QStringLiteral("--test-inputs")
                << inputsPath << QStringLiteral("--capture-dir") << captureDir
                << SessionOption::runnerArguments(session);
    return l;
}

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()).trimmed() : QString();
}

QString tail(const QString &path, int lines)
{
    const QStringList all = readText(path).split(QLatin1Char('\n'));
    return all.mid(std::max<qsizetype>(0, all.size() - lines)).join(QLatin1Char('\n'));
}

class TestRun
{
public:
    TestRun(const QString &specPath, const LoadedSpec &loaded, const PipelineTests &tests,
            const QString &workDir, int timeoutSeconds, const QString &session, CliContext &ctx)
        : m_specPath(specPath), m_loaded(loaded), m_tests(tests), m_work(workDir),
          m_timeout(timeoutSeconds), m_session(session), m_ctx(ctx)
    {
    }

    EngineResult run(Engine engine, bool mustApply)
    {
        EngineResult r;
        r.engine = engine;
        const QString en = engineName(engine);
        const QList<PipelineTestCase> cases = m_tests.casesFor(engine);
        if (cases.isEmpty()) {
            r.status = QStringLiteral("skipped");
            r.reason = QStringLiteral("no test case runs on %1").arg(en);
            return r;
        }
        CompileOptions options;
        options.master = QStringLiteral("local[*]");
        options.flinkTarget = QStringLiteral("local");
        const CompileResult compiled = engine == Engine::Spark
                                           ? SparkCompiler::compile(m_loaded, options)
                                           : FlinkCompiler::compile(m_loaded, options);
        const QString target =
            engine == Engine::Spark ? QStringLiteral("spark-job") : QStringLiteral("flink-job");
        const Artifact *job = compiled.artifact(target);
        if (!compiled.succeeded() || !job) {
            QString why;
            for (const Diagnostic &d : compiled.diagnostics) {
                if (d.severity == Severity::Error) {
                    why = d.message;
                    break;
                }
            }
            r.status = mustApply ? QStringLiteral("error") : QStringLiteral("skipped");
            r.reason =
                mustApply ? QStringLiteral("the spec does not compile for %1: %2").arg(en, why)
                          : QStringLiteral("does not apply: the spec does not compile for "
                                           "%1 (%2)")
                                .arg(en, why.isEmpty() ? QStringLiteral("no %1").arg(target) : why);
            return r;
        }
        const QString dir = QDir(m_work).filePath(en);
        QDir().mkpath(dir);
        const QString jobPath = dir + QStringLiteral("/") + target + QStringLiteral(".json");
        const QString inputsPath = dir + QStringLiteral("/inputs.json");
        const QString captureDir = dir + QStringLiteral("/captures");
        QJsonArray caseArray;
        QStringList caseDirs;
        for (int i = 0; i < cases.size(); ++i) {
            const PipelineTestCase &c = cases[i];
            QJsonObject inputs;
            for (const PipelineTestRows &rows : c.inputs) {
                QJsonArray list = inputs.value(rows.name).toArray();
                for (const SourceNode &row : rows.rows)
                    list.append(GoldenCompare::rowFromNode(row));
                inputs.insert(rows.name, list);
            }
            const QString caseDir = QStringLiteral("%1/%2").arg(captureDir).arg(i);
            caseDirs << caseDir;
            caseArray.append(QJsonObject{{QStringLiteral("name"), c.name},
                                         {QStringLiteral("inputs"), inputs},
                                         {QStringLiteral("capture_dir"), caseDir}});
        }
        QFile jf(jobPath), inf(inputsPath);
        if (!jf.open(QIODevice::WriteOnly) || jf.write(job->content) != job->content.size() ||
            !inf.open(QIODevice::WriteOnly)) {
            r.status = QStringLiteral("error");
            r.reason = QStringLiteral("cannot write into %1").arg(dir);
            return r;
        }
        jf.close();
        inf.write(QJsonDocument(QJsonObject{{QStringLiteral("cases"), caseArray}}).toJson());
        inf.close();

        const Launch launch = launchFor(engine, m_session, jobPath, inputsPath, captureDir);
        if (!launch.error.isEmpty()) {
            r.status = QStringLiteral("error");
            r.reason = launch.error;
            return r;
        }
        m_ctx.err << "uisctl test: " << en << ": " << cases.size() << " case(s) in one " << en
                  << " run\n";
        m_ctx.err.flush();
        const QString logPath = dir + QStringLiteral("/engine.log");
        QElapsedTimer timer;
        timer.start();
        m_warm = false;
        m_coldWhy.clear();
        const int rc = runProcess(launch, logPath, en);
        r.seconds = double(timer.elapsed()) / 1000.0;
        r.session = m_warm ? QStringLiteral("warm") : QStringLiteral("cold");
        r.sessionNote = m_coldWhy;

        bool anyCase = false;
        for (int i = 0; i < cases.size(); ++i) {
            const QString secs = readText(caseDirs[i] + QStringLiteral("/_seconds.txt"));
            anyCase = anyCase || !secs.isEmpty();
        }
        if (rc == -2) {
            r.status = QStringLiteral("error");
            r.reason = QStringLiteral("%1 did not finish within %2 s (log: %3)")
                           .arg(en)
                           .arg(m_timeout)
                           .arg(logPath);
        } else if (!anyCase) {
            r.status = QStringLiteral("error");
            r.reason = QStringLiteral("the %1 runner failed (exit %2): %3")
                           .arg(en)
                           .arg(rc)
                           .arg(m_failure.isEmpty() ? tail(logPath, 5) : m_failure);
        } else {
            r.status = QStringLiteral("ran");
        }
        for (int i = 0; i < cases.size(); ++i)
            r.cases << compareCase(cases[i], caseDirs[i], r);
        return r;
    }

private:
    // Runs the engine; its stdout progress lines go to stderr, everything else to the log.
    // Returns the exit code, -1 when it crashed or could not start, -2 after the time limit.
    int runProcess(const Launch &launch, const QString &logPath, const QString &en)
    {
        CliLoop::application();
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
        env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
        EnginePaths::addRunnerEnvironment(env, EnginePaths::enginesHome(EnginePaths::runnersDir()));
        p.setProcessEnvironment(env);
        p.setProgram(launch.program);
        p.setArguments(launch.arguments);
        p.setStandardErrorFile(logPath);
        p.setStandardInputFile(QProcess::nullDevice());
        p.start();
        if (!p.waitForStarted(30000)) {
            m_failure = p.errorString();
            return -1;
        }
        QElapsedTimer timer;
        timer.start();
        QByteArray pending;
        QFile log(logPath + QStringLiteral(".stdout"));
        log.open(QIODevice::WriteOnly);
        auto drain = [&] {
            pending += p.readAllStandardOutput();
            qsizetype nl;
            while ((nl = pending.indexOf('\n')) >= 0) {
                const QString line = QString::fromUtf8(pending.left(nl));
                pending.remove(0, nl + 1);
                log.write(line.toUtf8() + '\n');
                static const QString prefix = QStringLiteral("uis-runner: ");
                if (!line.startsWith(prefix))
                    continue;
                const QString text = line.mid(prefix.size());
                if (text.startsWith(QLatin1String("FAILED: ")))
                    m_failure = text.mid(8);
                noteSession(text);
                if (text.startsWith(QLatin1String("test case ")) ||
                    text.startsWith(QLatin1String("FAILED")) ||
                    text.startsWith(QLatin1String("exit ")) || SessionOption::isNote(text)) {
                    m_ctx.err << "uisctl test: " << en << ": " << text << '\n';
                    m_ctx.err.flush();
                }
            }
        };
        while (!p.waitForFinished(250)) {
            drain();
            if (p.state() == QProcess::NotRunning)
                break;
            if (timer.elapsed() > qint64(m_timeout) * 1000) {
                p.terminate(); // a warm runner interrupts its work on the server
                if (!p.waitForFinished(5000)) {
                    p.kill();
                    p.waitForFinished(5000);
                }
                return -2;
            }
        }
        drain();
        if (p.exitStatus() == QProcess::CrashExit)
            return -1;
        return p.exitCode();
    }

    // Where the cases ran: warm once the runner names its warm server, cold again when it says
    // it goes to the cold path.
    void noteSession(const QString &text)
    {
        if (!SessionOption::isNote(text))
            return;
        if (SessionOption::wentCold(text)) {
            m_warm = false;
            m_coldWhy = text.section(QLatin1String("; running the cold "), 0, 0);
        } else if (text.startsWith(QLatin1String("warm "))) {
            m_warm = true;
        }
    }

    CaseResult compareCase(const PipelineTestCase &c, const QString &caseDir,
                           const EngineResult &engine)
    {
        CaseResult out;
        out.name = c.name;
        out.seconds = readText(caseDir + QStringLiteral("/_seconds.txt")).toDouble();
        if (engine.status != QLatin1String("ran")) {
            out.status = QStringLiteral("error");
            out.error = engine.reason;
            return out;
        }
        const QString error = readText(caseDir + QStringLiteral("/_error.txt"));
        if (!error.isEmpty()) {
            out.status = QStringLiteral("error");
            out.error = error;
            return out;
        }
        if (!QFileInfo::exists(caseDir + QStringLiteral("/_seconds.txt"))) {
            out.status = QStringLiteral("error");
            out.error = QStringLiteral("the case did not run");
            return out;
        }
        bool passed = true;
        for (const PipelineTestRows &rows : c.expect) {
            QList<QJsonObject> expected;
            for (const SourceNode &row : rows.rows)
                expected << GoldenCompare::rowFromNode(row);
            QFile f(caseDir + QLatin1Char('/') + rows.name + QStringLiteral(".jsonl"));
            const QList<QJsonObject> actual = f.open(QIODevice::ReadOnly)
                                                  ? GoldenCompare::readJsonLines(f.readAll())
                                                  : QList<QJsonObject>();
            QStringList columns = c.columns; // else the expected rows' keys, in file order
            for (const SourceNode &row : rows.rows) {
                for (const SourceNode &cell : row.children()) {
                    if (c.columns.isEmpty() && !columns.contains(cell.key()))
                        columns << cell.key();
                }
            }
            SinkResult s{rows.name, GoldenCompare::compare(expected, actual, columns, c.ordered)};
            passed = passed && s.diff.passed();
            out.sinks << s;
        }
        out.status = passed ? QStringLiteral("passed") : QStringLiteral("failed");
        return out;
    }

    QString m_specPath;
    const LoadedSpec &m_loaded;
    const PipelineTests &m_tests;
    QString m_work;
    int m_timeout;
    QString m_session;
    CliContext &m_ctx;
    QString m_failure;
    bool m_warm = false;
    QString m_coldWhy;
};

QString xmlEscape(QString s)
{
    s.replace(QLatin1Char('&'), QStringLiteral("&amp;"));
    s.replace(QLatin1Char('<'), QStringLiteral("&lt;"));
    s.replace(QLatin1Char('>'), QStringLiteral("&gt;"));
    s.replace(QLatin1Char('"'), QStringLiteral("&quot;"));
    return s;
}

QString junit(const QString &specName, const QList<EngineResult> &results)
{
    int tests = 0, failures = 0, errors = 0, skipped = 0;
    double total = 0;
    QString body;
    for (const EngineResult &e : results) {
        const QString en = engineName(e.engine);
        int f = 0, er = 0, sk = 0;
        QString cases;
        if (e.status == QLatin1String("skipped")) {
            sk = 1;
            cases += QStringLiteral("    <testcase classname=\"%1.%2\" name=\"%2\" time=\"0\">\n"
                                    "      <skipped message=\"%3\"/>\n    </testcase>\n")
                         .arg(xmlEscape(specName), en, xmlEscape(e.reason));
        } else if (e.cases.isEmpty()) {
            er = 1;
            cases += QStringLiteral("    <testcase classname=\"%1.%2\" name=\"%2\" time=\"0\">\n"
                                    "      <error message=\"%3\"/>\n    </testcase>\n")
                         .arg(xmlEscape(specName), en, xmlEscape(e.reason));
        }
        for (const CaseResult &c : e.cases) {
            cases += QStringLiteral("    <testcase classname=\"%1.%2\" name=\"%3\" time=\"%4\"")
                         .arg(xmlEscape(specName), en, xmlEscape(c.name))
                         .arg(c.seconds, 0, 'f', 3);
            if (c.status == QLatin1String("passed")) {
                cases += QStringLiteral("/>\n");
                continue;
            }
            if (c.status == QLatin1String("failed")) {
                ++f;
                const QStringList diff = c.diffLines();
                cases +=
                    QStringLiteral(">\n      <failure message=\"%1\">%2</failure>\n"
                                   "    </testcase>\n")
                        .arg(xmlEscape(diff.value(0)), xmlEscape(diff.join(QLatin1Char('\n'))));
            } else {
                ++er;
                cases += QStringLiteral(">\n      <error message=\"%1\">%2</error>\n"
                                        "    </testcase>\n")
                             .arg(xmlEscape(c.error.section(QLatin1Char('\n'), 0, 0)),
                                  xmlEscape(c.error));
            }
        }
        const int n =
            e.status == QLatin1String("skipped") || e.cases.isEmpty() ? 1 : int(e.cases.size());
        body +=
            QStringLiteral("  <testsuite name=\"%1\" tests=\"%2\" failures=\"%3\" errors=\"%4\" "
                           "skipped=\"%5\" time=\"%6\">\n")
                .arg(en)
                .arg(n)
                .arg(f)
                .arg(er)
                .arg(sk)
                .arg(e.seconds, 0, 'f', 3) +
            cases + QStringLiteral("  </testsuite>\n");
        tests += n;
        failures += f;
        errors += er;
        skipped += sk;
        total += e.seconds;
    }
    return QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<testsuites name=\"uisctl test %1\" tests=\"%2\" failures=\"%3\" "
                          "errors=\"%4\" skipped=\"%5\" time=\"%6\">\n")
               .arg(xmlEscape(specName))
               .arg(tests)
               .arg(failures)
               .arg(errors)
               .arg(skipped)
               .arg(total, 0, 'f', 3) +
           body + QStringLiteral("</testsuites>\n");
}

void rowsJson(const QList<QJsonObject> &rows, QJsonArray *out)
{
    for (const QJsonObject &r : rows)
        out->append(r);
}

QByteArray json(const QString &file, const QString &testsPath, const QList<EngineResult> &results,
                bool passed)
{
    QJsonArray engines;
    for (const EngineResult &e : results) {
        QJsonArray cases;
        for (const CaseResult &c : e.cases) {
            QJsonArray sinks;
            for (const SinkResult &s : c.sinks) {
                QJsonArray missing, unexpected;
                rowsJson(s.diff.missing, &missing);
                rowsJson(s.diff.unexpected, &unexpected);
                sinks.append(QJsonObject{{QStringLiteral("sink"), s.sink},
                                         {QStringLiteral("passed"), s.diff.passed()},
                                         {QStringLiteral("expected"), s.diff.expectedCount},
                                         {QStringLiteral("captured"), s.diff.actualCount},
                                         {QStringLiteral("missing"), missing},
                                         {QStringLiteral("unexpected"), unexpected}});
            }
            QJsonObject o{{QStringLiteral("name"), c.name},
                          {QStringLiteral("status"), c.status},
                          {QStringLiteral("duration"), c.seconds},
                          {QStringLiteral("diff"), QJsonArray::fromStringList(c.diffLines())},
                          {QStringLiteral("sinks"), sinks}};
            if (!c.error.isEmpty())
                o.insert(QStringLiteral("error"), c.error);
            cases.append(o);
        }
        QJsonObject o{{QStringLiteral("engine"), engineName(e.engine)},
                      {QStringLiteral("status"), e.status},
                      {QStringLiteral("duration"), e.seconds},
                      {QStringLiteral("cases"), cases}};
        if (!e.reason.isEmpty())
            o.insert(QStringLiteral("reason"), e.reason);
        if (!e.session.isEmpty())
            o.insert(QStringLiteral("session"), e.session);
        if (!e.sessionNote.isEmpty())
            o.insert(QStringLiteral("session_note"), e.sessionNote);
        engines.append(o);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("file"), file},
                                     {QStringLiteral("tests"), testsPath},
                                     {QStringLiteral("passed"), passed},
                                     {QStringLiteral("engines"), engines}})
        .toJson(QJsonDocument::Indented);
}

} // namespace

int runTest(const QStringList &args, CliContext &ctx)
{
    ArgParser p({QStringLiteral("tests"), QStringLiteral("engine"), QStringLiteral("format"),
                 QStringLiteral("timeout"), QStringLiteral("keep"), QStringLiteral("case"),
                 QStringLiteral("session")},
                {QStringLiteral("help")});
    const QString help = QString::fromUtf8(kHelp) + QString::fromUtf8(SessionOption::help()) +
                         QString::fromUtf8(kHelpEnd);
    if (const auto exit = p.parseCommand(args, ctx, "test", help))
        return *exit;
    const QString format = p.value(QStringLiteral("format"), QStringLiteral("text"));
    if (format != QLatin1String("text") && format != QLatin1String("json") &&
        format != QLatin1String("junit")) {
        ctx.err << "uisctl test: --format must be text, json or junit\n";
        return ExitUsage;
    }
    const QString engineArg = p.value(QStringLiteral("engine"));
    if (!engineArg.isEmpty() && engineArg != QLatin1String("spark") &&
        engineArg != QLatin1String("flink") && engineArg != QLatin1String("both")) {
        ctx.err << "uisctl test: --engine must be spark, flink or both\n";
        return ExitUsage;
    }
    bool okTimeout = true;
    const int timeout = p.value(QStringLiteral("timeout"), QStringLiteral("900")).toInt(&okTimeout);
    if (!okTimeout || timeout <= 0) {
        ctx.err << "uisctl test: --timeout must be a positive number of seconds\n";
        return ExitUsage;
    }
    const std::optional<QString> session = SessionOption::read(p, "test", ctx);
    if (!session)
        return ExitUsage;
    if (p.positional().size() != 1) {
        ctx.err << "uisctl test: give exactly one FILE\n" << help;
        return ExitUsage;
    }
    const QString file = p.positional().first();
    if (!QFileInfo(file).isFile()) {
        ctx.err << "uisctl test: " << file << ": no such file\n";
        return ExitUsage;
    }
    const LoadedSpec loaded = SpecLoader::loadFile(file);
    for (const Diagnostic &d : loaded.diagnostics) {
        if (d.code == QLatin1String("UIS-E-IO")) {
            ctx.err << formatDiagnostic(file, d) << '\n';
            return ExitUsage;
        }
    }
    if (!loaded.valid()) {
        for (const Diagnostic &d : loaded.diagnostics)
            ctx.err << formatDiagnostic(file, d) << '\n';
        ctx.err << "uisctl test: the spec has errors\n";
        return ExitErrors;
    }
    const QString testsPath = p.value(QStringLiteral("tests"), PipelineTests::pathForSpec(file));
    if (!QFileInfo(testsPath).isFile()) {
        ctx.err << "uisctl test: " << testsPath << ": no such file (write the cases there, or "
                << "give --tests)\n";
        return ExitUsage;
    }
    PipelineTests tests = PipelineTests::readFile(testsPath);
    if (p.isSet(QStringLiteral("case"))) {
        const QString only = p.value(QStringLiteral("case"));
        tests.cases.removeIf([&only](const PipelineTestCase &c) { return c.name != only; });
        if (tests.cases.isEmpty() && !hasErrors(tests.diagnostics)) {
            ctx.err << "uisctl test: " << testsPath << " has no case `" << only << "`\n";
            return ExitUsage;
        }
    }

    const Engine own = engineFor(loaded.spec);
    QList<Engine> engines;
    if (engineArg == QLatin1String("both"))
        engines = {Engine::Spark, Engine::Flink};
    else if (engineArg == QLatin1String("spark"))
        engines = {Engine::Spark};
    else if (engineArg == QLatin1String("flink"))
        engines = {Engine::Flink};
    else
        engines = {own};

    DiagnosticList diags = tests.diagnostics;
    if (!hasErrors(diags)) {
        diags += tests.check(loaded.spec);
        // A column must exist in the sink on the engines asked for (the same on both).
        diags += tests.checkColumns(SinkColumns::of(loaded, engines.first()));
    }
    std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic &a, const Diagnostic &b) {
        return std::pair(a.line, a.column) < std::pair(b.line, b.column);
    });
    for (const Diagnostic &d : diags)
        ctx.err << formatDiagnostic(testsPath, d) << '\n';
    if (hasErrors(diags)) {
        ctx.err << "uisctl test: " << testsPath << " has errors\n";
        return ExitErrors;
    }

    std::unique_ptr<QTemporaryDir> tmp;
    QString work = p.value(QStringLiteral("keep"));
    if (work.isEmpty()) {
        tmp = std::make_unique<QTemporaryDir>(QDir::tempPath() +
                                              QStringLiteral("/uisctl-test-XXXXXX"));
        if (!tmp->isValid()) {
            ctx.err << "uisctl test: cannot create a temporary folder\n";
            return ExitUsage;
        }
        work = tmp->path();
    } else if (!QDir().mkpath(work)) {
        ctx.err << "uisctl test: cannot create " << work << '\n';
        return ExitUsage;
    }

    CliLoop::application(); // the runners are found next to this binary
    TestRun run(file, loaded, tests, QDir(work).absolutePath(), timeout, *session, ctx);
    QList<EngineResult> results;
    bool passed = true;
    int ran = 0;
    for (Engine e : engines) {
        // The spec's own engine must work; another engine applies only when the spec compiles
        // for it (an engine or connector error means it does not apply).
        EngineResult r = run.run(e, e == own || engines.size() == 1);
        if (r.status == QLatin1String("skipped"))
            ctx.err << "uisctl test: " << engineName(e) << ": skipped: " << r.reason << '\n';
        if (r.status == QLatin1String("error"))
            passed = false;
        if (r.status != QLatin1String("skipped"))
            ++ran;
        for (const CaseResult &c : std::as_const(r.cases))
            passed = passed && c.status == QLatin1String("passed");
        results << r;
    }
    if (ran == 0)
        passed = false;

    if (format == QLatin1String("junit")) {
        ctx.out << junit(loaded.spec.name, results);
    } else if (format == QLatin1String("json")) {
        ctx.out << QString::fromUtf8(json(file, testsPath, results, passed));
    } else {
        int nPassed = 0, nFailed = 0;
        for (const EngineResult &r : std::as_const(results)) {
            const QString en = engineName(r.engine);
            if (r.status == QLatin1String("skipped")) {
                ctx.out << en << ": does not apply — " << r.reason << '\n';
                continue;
            }
            ctx.out << en << ": " << r.cases.size() << " case(s) in "
                    << QString::number(r.seconds, 'f', 1) << " s"
                    << (r.session.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(r.session))
                    << '\n';
            if (r.status == QLatin1String("error") && r.cases.isEmpty())
                ctx.out << "  ERROR " << r.reason << '\n';
            for (const CaseResult &c : r.cases) {
                const bool ok = c.status == QLatin1String("passed");
                (ok ? nPassed : nFailed)++;
                ctx.out << "  "
                        << (ok                                    ? "PASS "
                            : c.status == QLatin1String("failed") ? "FAIL "
                                                                  : "ERROR")
                        << ' ' << c.name << " (" << QString::number(c.seconds, 'f', 1) << " s)\n";
                if (!c.error.isEmpty())
                    ctx.out << "      " << c.error.section(QLatin1Char('\n'), 0, 2) << '\n';
                for (const QString &l : c.diffLines())
                    ctx.out << "      " << l << '\n';
            }
        }
        ctx.out << (passed ? "PASSED" : "FAILED") << ": " << nPassed << " passed, " << nFailed
                << " failed\n";
    }
    return passed ? ExitOk : ExitErrors;
}

} // namespace uis::cli
