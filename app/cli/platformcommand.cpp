// SPDX-License-Identifier: Apache-2.0
// uisctl platform start|status|stop: a local Flink session cluster, Spark standalone master and
// worker, Kafka broker and S3 store on 127.0.0.1 (core/platform), for dcp-local's targets.
#include "argparser.h"
#include "clicontext.h"
#include "cliloop.h"

#include "platformhealth.h"
#include "platformmanager.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

namespace uis::cli {

namespace {

const char *const kPlatformHelp =
    "usage: uisctl platform start|status|stop [--dir DIR] [options]\n\n"
    "A local platform on 127.0.0.1 only: a Flink session cluster (JobManager and one TaskManager\n"
    "with 2 slots), a Spark standalone master and worker, a Kafka broker (KRaft), an S3 store\n"
    "(Versity S3 Gateway; without it, the rest starts and says how to add it), an Iceberg REST\n"
    "catalog, and the session servers warm previews use: spark-connect (Spark Connect, sc://)\n"
    "and flink-sql-gateway (the SQL Gateway in front of the session cluster). The services keep\n"
    "running after `start` returns.\n"
    "  start     start what is not running (a second start reuses what runs), wait until every\n"
    "            service answers, write DIR/targets.yaml (for dcp-local --targets) and\n"
    "            DIR/platform.env (S3 endpoint and keys, Kafka bootstrap), then start dcp-local\n"
    "            with --targets DIR/targets.yaml and platform.env in its environment (on the\n"
    "            default data directory for the default DIR, else DIR/dcp-local; a dcp-local\n"
    "            running there without these targets is restarted with them)\n"
    "  status    print each service's state, address and health (whether it answers its probe\n"
    "            now: Flink /overview, Spark /json/, a Kafka Metadata request, S3 ListBuckets,\n"
    "            Spark Connect's HTTP/2 handshake, the gateway's /v1/info)\n"
    "  stop      stop the processes `start` started (dcp-local too), and wait for them to end\n"
    "Options:\n"
    "  --dir DIR         where data, logs and state live (default: "
    "~/.local/share/uis-studio/platform)\n"
    "  --venv DIR        the .venv with pyspark and apache-flink (default: UIS_VENV, then the\n"
    "                    .venv next to this build, then the engines of `uisctl engines install`)\n"
    "  --ports LIST      fixed ports, e.g. flink-jobmanager.rest=8081,spark-master.master=7077\n"
    "                    (roles: s3.api kafka.broker kafka.controller flink-jobmanager.rest\n"
    "                    flink-jobmanager.rpc spark-master.master spark-master.ui "
    "spark-worker.ui\n"
    "                    spark-connect.grpc flink-sql-gateway.rest);\n"
    "                    other ports are chosen free on the first start and then kept\n"
    "  --timeout S       seconds each service may take to answer (default 240)\n"
    "  --format F        status output: text (default) or json\n"
    "Exit: 0 ok; 1 a service failed; 2 usage error or a port in use by another program.\n";

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

/// The running services' probes, all at once: service → "" when it answers, else why not.
QMap<QString, QString> checkHealth(const PlatformManager &manager,
                                   const QList<ServiceStatus> &services)
{
    QStringList running;
    for (const ServiceStatus &s : services) {
        if (s.state == QLatin1String("running"))
            running << s.name;
    }
    const PlatformRecipe recipe(manager.layout());
    PlatformHealth health(
        recipe, PlatformState::read(manager.layout().statePath()).value_or(PlatformState{}));
    QMap<QString, QString> problems;
    CliLoop loop;
    QObject::connect(&health, &PlatformHealth::finished, [&](const QMap<QString, QString> &p) {
        problems = p;
        loop.quit();
    });
    health.check(running);
    loop.exec();
    return problems;
}

QJsonObject statusJson(const PlatformManager &manager, const QList<ServiceStatus> &services,
                       const QMap<QString, QString> &health)
{
    const PlatformLayout &layout = manager.layout();
    const auto state = PlatformState::read(layout.statePath()).value_or(PlatformState{});
    QJsonArray list;
    for (const ServiceStatus &s : services) {
        list.append(QJsonObject{
            {QStringLiteral("name"), s.name},
            {QStringLiteral("state"), s.state},
            {QStringLiteral("url"), orNull(s.url)},
            {QStringLiteral("ui"), orNull(s.ui)},
            {QStringLiteral("pid"), s.pid > 0 ? QJsonValue(double(s.pid)) : QJsonValue()},
            // null when it does not run; else whether it answers its probe now, and why not.
            {QStringLiteral("healthy"),
             health.contains(s.name) ? QJsonValue(health.value(s.name).isEmpty()) : QJsonValue()},
            {QStringLiteral("health"), orNull(health.value(s.name))}});
    }
    const ServiceRecord *s3 = state.service(QStringLiteral("s3"));
    const ServiceRecord *kafka = state.service(QStringLiteral("kafka"));
    // The platform's dcp-local (started with the targets), else one running on its data directory.
    const ServiceStatus dcpStatus = manager.dcpStatus();
    QString dcpUrl = dcpStatus.state == QLatin1String("running") ? dcpStatus.url : QString();
    if (dcpUrl.isEmpty())
        dcpUrl = manager.dcp().runningUrl();
    QJsonObject dcp{{QStringLiteral("url"), orNull(dcpUrl)},
                    {QStringLiteral("token_file"),
                     dcpUrl.isEmpty() ? QJsonValue() : QJsonValue(manager.dcp().tokenPath())}};
    const bool haveClientFiles = QFileInfo::exists(layout.targetsPath());
    return QJsonObject{
        {QStringLiteral("dir"), layout.dir()},
        {QStringLiteral("services"), list},
        {QStringLiteral("s3"),
         QJsonObject{{QStringLiteral("endpoint"), orNull(s3 ? s3->url : QString())},
                     {QStringLiteral("access_key"), orNull(state.accessKey)},
                     {QStringLiteral("secret_key"), orNull(state.secretKey)}}},
        {QStringLiteral("kafka"),
         QJsonObject{{QStringLiteral("bootstrap"), orNull(kafka ? kafka->url : QString())}}},
        {QStringLiteral("dcp"), dcp},
        {QStringLiteral("targets_file"),
         haveClientFiles ? QJsonValue(layout.targetsPath()) : QJsonValue()},
        {QStringLiteral("env_file"), haveClientFiles ? QJsonValue(layout.envPath()) : QJsonValue()},
    };
}

void printServices(QTextStream &out, const QList<ServiceStatus> &services,
                   const QMap<QString, QString> &health = {})
{
    for (const ServiceStatus &s : services) {
        out << QStringLiteral("%1 %2 %3").arg(s.name, -18).arg(s.state, -8).arg(s.url);
        if (!s.ui.isEmpty() && s.ui != s.url)
            out << "  (UI " << s.ui << ")";
        if (health.contains(s.name)) {
            const QString problem = health.value(s.name);
            out << (problem.isEmpty() ? QStringLiteral("  healthy")
                                      : QStringLiteral("  NOT ANSWERING: ") + problem);
        }
        out << '\n';
    }
}

/// Starts `act` on the manager (start or stop), printing its progress to stderr, and waits for
/// `done(ok, error)`. Returns the error, or "" on success.
template <typename Done>
QString runUntil(PlatformManager &manager, CliContext &ctx, Done done,
                 void (PlatformManager::*act)())
{
    CliLoop loop;
    bool ok = false;
    QString error;
    QObject::connect(&manager, &PlatformManager::progress, [&ctx](const QString &m) {
        ctx.err << m << '\n';
        ctx.err.flush();
    });
    QObject::connect(&manager, done, [&](bool success, const QString &e) {
        ok = success;
        error = e;
        loop.quit();
    });
    (manager.*act)();
    loop.exec();
    return ok ? QString() : (error.isEmpty() ? QStringLiteral("failed") : error);
}

int runStart(PlatformManager &manager, CliContext &ctx)
{
    QObject::connect(&manager, &PlatformManager::serviceReady,
                     [&ctx](const QString &name, const QString &url) {
                         ctx.err << name << ": ready at " << url << '\n';
                         ctx.err.flush();
                     });
    QObject::connect(&manager, &PlatformManager::serviceFailed,
                     [&ctx](const QString &name, const QString &e) {
                         ctx.err << "uisctl platform: " << name << " failed: " << e << '\n';
                         ctx.err.flush();
                     });
    if (const QString error =
            runUntil(manager, ctx, &PlatformManager::started, &PlatformManager::start);
        !error.isEmpty()) {
        ctx.err << "uisctl platform: " << error << '\n';
        return manager.conflicts().isEmpty() ? ExitErrors : ExitUsage;
    }
    const PlatformLayout &layout = manager.layout();
    printServices(ctx.out, manager.status());
    const PlatformState state = manager.state();
    ctx.out << "s3 endpoint        " << state.service(QStringLiteral("s3"))->url << "  (keys in "
            << layout.envPath() << ")\n"
            << "kafka bootstrap    " << state.service(QStringLiteral("kafka"))->url << '\n'
            << "targets file       " << layout.targetsPath() << '\n'
            << "environment        . " << layout.envPath() << '\n'
            << "dcp-local          " << manager.dcpStatus().url << "  (--targets "
            << layout.targetsPath() << ", token in " << manager.dcp().tokenPath() << ")\n";
    return ExitOk;
}

int runStop(PlatformManager &manager, CliContext &ctx)
{
    if (const QString error =
            runUntil(manager, ctx, &PlatformManager::stopped, &PlatformManager::stop);
        !error.isEmpty()) {
        ctx.err << "uisctl platform: " << error << '\n';
        return ExitErrors;
    }
    ctx.out << "platform stopped\n";
    return ExitOk;
}

} // namespace

int runPlatform(const QStringList &args, CliContext &ctx)
{
    ArgParser p({QStringLiteral("dir"), QStringLiteral("venv"), QStringLiteral("ports"),
                 QStringLiteral("timeout"), QStringLiteral("format")},
                {QStringLiteral("help")});
    if (const auto exit = p.parseCommand(args, ctx, "platform", QString::fromUtf8(kPlatformHelp)))
        return *exit;
    const QStringList verbs{QStringLiteral("start"), QStringLiteral("status"),
                            QStringLiteral("stop")};
    if (p.positional().size() != 1 || !verbs.contains(p.positional().first())) {
        ctx.err << kPlatformHelp;
        return ExitUsage;
    }
    const QString format = p.value(QStringLiteral("format"), QStringLiteral("text"));
    if (format != QLatin1String("text") && format != QLatin1String("json")) {
        ctx.err << "uisctl platform: --format must be text or json\n";
        return ExitUsage;
    }
    QMap<QString, quint16> ports;
    const QStringList roles{QStringLiteral("s3.api"),
                            QStringLiteral("kafka.broker"),
                            QStringLiteral("kafka.controller"),
                            QStringLiteral("flink-jobmanager.rest"),
                            QStringLiteral("flink-jobmanager.rpc"),
                            QStringLiteral("spark-master.master"),
                            QStringLiteral("spark-master.ui"),
                            QStringLiteral("spark-worker.ui"),
                            QStringLiteral("spark-connect.grpc"),
                            QStringLiteral("flink-sql-gateway.rest")};
    for (const QString &item :
         p.value(QStringLiteral("ports")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList kv = item.split(QLatin1Char('='));
        bool ok = false;
        const uint port = kv.size() == 2 ? kv.at(1).toUInt(&ok) : 0;
        if (!ok || port == 0 || port > 65535 || !roles.contains(kv.at(0).trimmed())) {
            ctx.err << "uisctl platform: bad --ports entry `" << item
                    << "` (ROLE=PORT, roles: " << roles.join(QLatin1Char(' ')) << ")\n";
            return ExitUsage;
        }
        ports.insert(kv.at(0).trimmed(), quint16(port));
    }
    CliLoop::application();
    PlatformManager manager(
        PlatformLayout(p.value(QStringLiteral("dir"), PlatformLayout::defaultDir()),
                       p.value(QStringLiteral("venv"))));
    manager.setRequestedPorts(ports);
    if (p.isSet(QStringLiteral("timeout")))
        manager.setTimeout(qMax(1, p.value(QStringLiteral("timeout")).toInt()));

    const QString verb = p.positional().first();
    if (verb == QLatin1String("start"))
        return runStart(manager, ctx);
    if (verb == QLatin1String("stop"))
        return runStop(manager, ctx);
    QString error;
    const QList<ServiceStatus> services = manager.status(&error);
    if (!error.isEmpty()) {
        ctx.err << "uisctl platform: " << error << '\n';
        return ExitUsage;
    }
    const QMap<QString, QString> health = checkHealth(manager, services);
    if (format == QLatin1String("json"))
        ctx.out
            << QJsonDocument(statusJson(manager, services, health)).toJson(QJsonDocument::Indented);
    else
        printServices(ctx.out, services + QList<ServiceStatus>{manager.dcpStatus()}, health);
    return ExitOk;
}

} // namespace uis::cli
