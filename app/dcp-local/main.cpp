// SPDX-License-Identifier: Apache-2.0
// dcp-local: the DCP job API (DCP-API.md) on the user's machine, so that submit → status → logs
// → cancel works with no cluster. The server is the uis_server library (DcpServer); this file
// only turns the command line into a ServerConfig, starts the server and stops it on a signal.
#include "dcpserver.h"
#include "serverconfig.h"
#include "signalwatcher.h"

#include "formatrules.h"
#include "localserverinfo.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <sys/stat.h>

using namespace uis;
using namespace uis::dcplocal;

namespace {

void say(const QString &line)
{
    std::fprintf(stdout, "dcp-local: %s\n", qUtf8Printable(line));
    std::fflush(stdout);
}

int fail(const QString &message)
{
    std::fprintf(stderr, "dcp-local: error: %s\n", qUtf8Printable(message));
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    // Job records, logs and configs are the user's alone.
    ::umask(077);
    // Qt's own event dispatcher, not GLib's: it coalesces wake-ups, where GLib's writes its
    // eventfd on every posted event, two extra syscalls per API request under load. dcp-local
    // has no GUI and no GLib sources to integrate with.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("dcp-local"));
    QCoreApplication::setApplicationVersion(QStringLiteral(UIS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The DCP job API on this machine: submit, status, logs and cancel of Spark and Flink jobs "
        "run as local processes, or on the clusters that --targets names. Every request needs "
        "`Authorization: Bearer <token>`; the token "
        "is DIR/token."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listenOpt(
        QStringLiteral("listen"),
        QStringLiteral("Address and port (default 127.0.0.1:8080; port 0 picks a free one)."),
        QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:8080"));
    const QCommandLineOption dataOpt(QStringLiteral("data-dir"),
                                     QStringLiteral("Job records, logs and the token (default %1).")
                                         .arg(LocalServerInfo::defaultDataDir()),
                                     QStringLiteral("DIR"));
    const QCommandLineOption maxOpt(
        QStringLiteral("max-concurrent"),
        QStringLiteral("Jobs running at once; the rest wait as PENDING (default 2)."),
        QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption sparkOpt(
        QStringLiteral("spark-submit"),
        QStringLiteral("spark-submit to use (default: .venv/bin/spark-submit, then PATH)."),
        QStringLiteral("PATH"));
    const QCommandLineOption flinkOpt(
        QStringLiteral("flink"),
        QStringLiteral("Program that runs the Flink runner (default: .venv/bin/python)."),
        QStringLiteral("PATH"));
    const QCommandLineOption bodyOpt(QStringLiteral("max-body"),
                                     QStringLiteral("Request body limit in bytes (default 4 MiB)."),
                                     QStringLiteral("BYTES"), QString::number(4 * 1024 * 1024));
    const QCommandLineOption graceOpt(
        QStringLiteral("kill-grace"),
        QStringLiteral("Seconds between SIGTERM and SIGKILL on cancel (default 10)."),
        QStringLiteral("SECONDS"), QStringLiteral("10"));
    const QCommandLineOption runnersOpt(
        QStringLiteral("runners-dir"),
        QStringLiteral("The runners/ folder (default: UIS_RUNNERS_DIR, then next to the program)."),
        QStringLiteral("DIR"));
    const QCommandLineOption targetsOpt(
        QStringLiteral("targets"),
        QStringLiteral("YAML file naming the execution targets: local, flink-session (rest_url), "
                       "spark-standalone (master, master_ui). Default: everything runs locally."),
        QStringLiteral("FILE"));
    const QCommandLineOption pollOpt(
        QStringLiteral("poll-interval"),
        QStringLiteral("Seconds between two questions to a cluster about its jobs (default 5)."),
        QStringLiteral("SECONDS"), QStringLiteral("5"));
    const QCommandLineOption metricsIntervalOpt(
        QStringLiteral("metrics-interval"),
        QStringLiteral("Seconds between two samples of a running job's metrics (default 5)."),
        QStringLiteral("SECONDS"), QStringLiteral("5"));
    const QCommandLineOption retentionOpt(
        QStringLiteral("metrics-retention"),
        QStringLiteral("How long metric points are kept, e.g. `7 days`, `12h` (default 7 days)."),
        QStringLiteral("DURATION"), QStringLiteral("7 days"));
    const QCommandLineOption alertsOpt(
        QStringLiteral("alerts"),
        QStringLiteral("YAML file of alert rules (job_failed, restarts, kafka_lag, no_rows, "
                       "checkpoint_failures) and their channels (webhook, email, desktop)."),
        QStringLiteral("FILE"));
    parser.addOptions({listenOpt, dataOpt, maxOpt, sparkOpt, flinkOpt, bodyOpt, graceOpt,
                       runnersOpt, targetsOpt, pollOpt, metricsIntervalOpt, retentionOpt,
                       alertsOpt});
    parser.process(app);
    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("unexpected argument `%1` (see --help)")
                        .arg(parser.positionalArguments().first()));

    ServerConfig config;
    if (!ServerConfig::parseListen(parser.value(listenOpt), &config.address, &config.port))
        return fail(QStringLiteral("--listen expects HOST:PORT, e.g. 127.0.0.1:8080"));
    bool ok = false;
    config.runner.maxConcurrent = parser.value(maxOpt).toInt(&ok);
    if (!ok || config.runner.maxConcurrent < 1)
        return fail(QStringLiteral("--max-concurrent expects a positive integer"));
    config.maxBodyBytes = parser.value(bodyOpt).toLongLong(&ok);
    if (!ok || config.maxBodyBytes < 1024)
        return fail(QStringLiteral("--max-body expects a number of bytes (at least 1024)"));
    const double grace = parser.value(graceOpt).toDouble(&ok);
    if (!ok || grace < 0)
        return fail(QStringLiteral("--kill-grace expects a number of seconds"));
    config.runner.killGraceMs = int(grace * 1000);
    config.runner.sparkSubmit = parser.value(sparkOpt);
    config.runner.flink = parser.value(flinkOpt);
    config.runner.runnersDir = parser.value(runnersOpt);
    config.dataDir = parser.value(dataOpt); // "" is the default data directory
    config.targetsFile = parser.value(targetsOpt);
    config.alertsFile = parser.value(alertsOpt);
    const double poll = parser.value(pollOpt).toDouble(&ok);
    if (!ok || poll < 0.1 || poll > 3600)
        return fail(QStringLiteral("--poll-interval expects a number of seconds (0.1 to 3600)"));
    config.pollIntervalMs = int(poll * 1000);
    const double sampleEvery = parser.value(metricsIntervalOpt).toDouble(&ok);
    if (!ok || sampleEvery < 0.5 || sampleEvery > 3600)
        return fail(QStringLiteral("--metrics-interval expects a number of seconds (0.5 to 3600)"));
    config.metricsIntervalMs = int(sampleEvery * 1000);
    const std::optional<double> keep = FormatRules::durationMs(parser.value(retentionOpt));
    if (!keep || *keep < 60'000)
        return fail(QStringLiteral("--metrics-retention expects a duration of at least a minute, "
                                   "e.g. `7 days` or `12h`"));
    config.metricsRetentionMs = qint64(*keep);

    DcpServer server(config);
    QObject::connect(&server, &DcpServer::message, &app, say);
    if (const QString error = server.start(); !error.isEmpty())
        return fail(error);

    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &server,
                     [&server](int sig) { server.shutdown(QStringLiteral("signal %1").arg(sig)); });
    QObject::connect(&server, &DcpServer::stopped, &app, &QCoreApplication::quit);
    return app.exec();
}
