// SPDX-License-Identifier: Apache-2.0
// uisctl upgrade-check JOB|SNAPSHOT SPEC: can the new version start from the old job's state?
// With a job id the DCP server checks against the job's newest savepoint or retained checkpoint;
// with a path the engine's check runs here, on this machine's engines. The engine decides either
// way (runners/uis_runners/flink/upgrade_check.py, spark/upgrade_check.py).
#include "argparser.h"
#include "clicontext.h"
#include "cliloop.h"
#include "jobcommandsupport.h"

#include "dcpclient.h"
#include "enginepaths.h"
#include "environmentstore.h"
#include "submitrequestbuilder.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace uis::cli {

namespace {

const char *const kHelp =
    "usage: uisctl upgrade-check JOB|SNAPSHOT SPEC [--env NAME | --url URL] [--old SPEC]\n"
    "                            [--format text|json]\n\n"
    "Says, before anything is stopped, whether SPEC (the new version) can start from the old\n"
    "job's state, node by node: restored, dropped (needs allow_non_restored_state) or\n"
    "incompatible (the restore would fail). The engine decides: Flink maps the snapshot's\n"
    "operator states onto the new job graph and restores a copy on a local mini-cluster; Spark\n"
    "starts the new query on a copy of the checkpoint.\n"
    "  JOB       a job id of the DCP server: its newest savepoint or retained checkpoint\n"
    "  SNAPSHOT  a savepoint or checkpoint folder: checked here with the local engines\n"
    "  --old SPEC  with SNAPSHOT: the old version, so that state it drops is named by node\n"
    "Exit: 0 every node restored, 1 otherwise, 2 usage or I/O error.\n";

/// The runner's job file: the compiled job config with the Flink script under `sql`.
QByteArray runnerJob(const QJsonObject &body)
{
    const QJsonObject config = body.value(QLatin1String("config")).toObject();
    QJsonObject job =
        config.value(QLatin1String("uis")).toObject().value(QLatin1String("job_config")).toObject();
    const QString sql =
        config.value(QLatin1String("flink")).toObject().value(QLatin1String("sql")).toString();
    if (!sql.isEmpty())
        job.insert(QStringLiteral("sql"), sql);
    return QJsonDocument(job).toJson();
}

/// Runs the engine's check on this machine; returns the report or sets `error`.
QJsonObject checkLocally(const QString &snapshot, const SubmitRequest &next,
                         const SubmitRequest *old, QString *error)
{
    QTemporaryDir work;
    auto write = [&](const QString &name, const QByteArray &data) {
        QFile f(work.filePath(name));
        return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
    };
    if (!work.isValid() || !write(QStringLiteral("new.json"), runnerJob(next.body)) ||
        (old && !write(QStringLiteral("old.json"), runnerJob(old->body)))) {
        *error = QStringLiteral("cannot write the check's job files");
        return {};
    }
    const bool flink = next.engine == QLatin1String("flink");
    const QString runners = EnginePaths::runnersDir();
    const QString python = EnginePaths::pythonWith(
        runners, flink ? QStringLiteral("pyflink") : QStringLiteral("pyspark"), error);
    if (python.isEmpty())
        return {};
    QStringList args{runners + (flink ? QStringLiteral("/flink/uis_flink_runner.py")
                                      : QStringLiteral("/spark/uis_spark_runner.py")),
                     QStringLiteral("--upgrade-check"),
                     QFileInfo(snapshot).absoluteFilePath(),
                     QStringLiteral("--job-config"),
                     work.filePath(QStringLiteral("new.json")),
                     QStringLiteral("--output"),
                     work.filePath(QStringLiteral("report.json"))};
    if (old)
        args << QStringLiteral("--old-job-config") << work.filePath(QStringLiteral("old.json"));
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(python, args);
    if (!p.waitForStarted(30000) || !p.waitForFinished(-1)) {
        *error = QStringLiteral("cannot run %1: %2").arg(python, p.errorString());
        return {};
    }
    const QByteArray out = p.readAllStandardOutput();
    QFile report(work.filePath(QStringLiteral("report.json")));
    if (p.exitCode() != 0 || !report.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("the check failed (exit %1)").arg(p.exitCode());
        for (const QByteArray &line : out.split('\n'))
            if (line.startsWith("uis-runner: FAILED: "))
                *error = QString::fromUtf8(line.mid(20));
        return {};
    }
    return QJsonDocument::fromJson(report.readAll()).object();
}

void printTable(CliContext &ctx, const QJsonObject &report)
{
    const QJsonArray ops = report.value(QLatin1String("operators")).toArray();
    int node = 4, kind = 4;
    for (const QJsonValue &v : ops) {
        node = qMax(node, int(v[QLatin1String("node")].toString().size()));
        kind = qMax(kind, int(v[QLatin1String("kind")].toString().size()));
    }
    ctx.out << QStringLiteral("NODE").leftJustified(node + 2)
            << QStringLiteral("KIND").leftJustified(kind + 2)
            << QStringLiteral("VERDICT").leftJustified(14) << "REASON\n";
    for (const QJsonValue &v : ops)
        ctx.out << v[QLatin1String("node")].toString().leftJustified(node + 2)
                << v[QLatin1String("kind")].toString().leftJustified(kind + 2)
                << v[QLatin1String("verdict")].toString().leftJustified(14)
                << v[QLatin1String("reason")].toString() << "\n";
    const QJsonObject trial = report.value(QLatin1String("trial")).toObject();
    if (trial.value(QLatin1String("status")).toString() == QLatin1String("failed") && ops.isEmpty())
        ctx.out << "trial restore failed: " << trial.value(QLatin1String("cause")).toString()
                << "\n";
    ctx.out << (report.value(QLatin1String("restorable")).toBool()
                    ? "restorable: the new version starts from the old job's state\n"
                    : "NOT restorable as it is\n");
}

} // namespace

int runUpgradeCheck(const QStringList &args, CliContext &ctx)
{
    ArgParser p(jobCommonOptions() << QStringLiteral("old"), {QStringLiteral("help")});
    if (const int rc = prepareJobCommand(p, args, ctx, "upgrade-check", kHelp, 2); rc >= 0)
        return rc;
    QString what = p.positional().at(0);
    if (what.startsWith(QLatin1String("file:"))) // as Flink names savepoints
        what = QUrl(what).toLocalFile();
    const QString spec = p.positional().at(1);
    if (!QFileInfo(spec).isFile()) {
        ctx.err << "uisctl upgrade-check: " << spec << ": no such file\n";
        return ExitUsage;
    }
    SubmitRequest next;
    if (const int rc = compileSubmitRequest(spec, ctx, "upgrade-check", &next); rc >= 0)
        return rc;
    SubmitRequestBuilder::resolveFromEnvironment(&next);

    QJsonObject report;
    if (QFileInfo::exists(what)) {
        std::unique_ptr<SubmitRequest> old;
        if (p.isSet(QStringLiteral("old"))) {
            old = std::make_unique<SubmitRequest>();
            if (const int rc = compileSubmitRequest(p.value(QStringLiteral("old")), ctx,
                                                    "upgrade-check", old.get());
                rc >= 0)
                return rc;
        }
        ctx.err << "uisctl upgrade-check: checking " << spec << " against " << what
                << " with the local engine (this takes a minute)\n";
        ctx.err.flush();
        QString error;
        report = checkLocally(what, next, old.get(), &error);
        if (!error.isEmpty()) {
            ctx.err << "uisctl upgrade-check: " << error << "\n";
            return ExitUsage;
        }
    } else {
        DcpClient client;
        Environment env;
        if (const QString e = setupJobClient(p, &client, &env); !e.isEmpty()) {
            ctx.err << "uisctl upgrade-check: " << e << "\n";
            return ExitUsage;
        }
        if (!p.isSet(QStringLiteral("timeout")))
            client.setTimeout(DcpClient::kUpgradeCheckTimeoutMs); // the check takes minutes
        std::unique_ptr<DcpReply> reply(client.upgradeCheck(what, next.bodyToSend()));
        if (!CliLoop::await(reply.get()))
            return reportJobError(ctx, "upgrade-check", reply->error());
        report = reply->json();
    }
    if (p.value(QStringLiteral("format")) == QLatin1String("json"))
        ctx.out << QJsonDocument(report).toJson();
    else
        printTable(ctx, report);
    return report.value(QLatin1String("restorable")).toBool() ? ExitOk : ExitErrors;
}

} // namespace uis::cli
