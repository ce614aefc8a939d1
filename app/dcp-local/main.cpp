// SPDX-License-Identifier: Apache-2.0
// dcp-local: the DCP job API (DCP-API.md) on the user's machine, so that submit → status → logs
// → cancel works with no cluster. Classes: JobStore (SQLite WAL), JobRunner (child processes),
// HttpApi (routes); this file wires them and handles start-up and shutdown.
#include "boundedtcpserver.h"
#include "httpapi.h"
#include "jobrunner.h"
#include "jobstore.h"
#include "signalwatcher.h"

#include "localserverinfo.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QTcpServer>

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

/// Reads or creates the token (mode 0600). Returns the token, or "" with `*error` set.
QByteArray loadToken(const QString &dataDir, QString *error)
{
    const QString path = LocalServerInfo::tokenPath(dataDir);
    QFile f(path);
    if (f.exists()) {
        if (!f.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read the token %1: %2").arg(path, f.errorString());
            return {};
        }
        const QByteArray token = f.readAll().trimmed();
        if (token.size() < 16) {
            *error = QStringLiteral("the token in %1 is too short; delete the file to get a new one").arg(path);
            return {};
        }
        if (f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                               QFileDevice::WriteOther))
            f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return token;
    }
    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), raw.size() / 4);
    const QByteArray token = raw.toHex();
    // Created with 0600 from the start: there is no moment when another user could read it.
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        f.write(token + '\n') != token.size() + 1 || !f.flush()) {
        *error = QStringLiteral("cannot create the token %1: %2").arg(path, f.errorString());
        return {};
    }
    say(QStringLiteral("created a new token in %1").arg(path));
    return token;
}

bool parseListen(const QString &text, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon < 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint p = text.mid(colon + 1).toUInt(&ok);
    if (!ok || p > 65535)
        return false;
    *port = quint16(p);
    if (host.isEmpty() || host == QLatin1String("localhost"))
        *address = QHostAddress(QHostAddress::LocalHost);
    else if (!address->setAddress(host))
        return false;
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    // Job records, logs and configs are the user's alone.
    ::umask(077);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("dcp-local"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The DCP job API on this machine: submit, status, logs and cancel of Spark and Flink jobs run as local "
        "processes. Every request needs `Authorization: Bearer <token>`; the token is DIR/token."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listenOpt(QStringLiteral("listen"),
                                       QStringLiteral("Address and port (default 127.0.0.1:8080; port 0 picks a free one)."),
                                       QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:8080"));
    const QCommandLineOption dataOpt(QStringLiteral("data-dir"),
                                     QStringLiteral("Job records, logs and the token (default %1).")
                                         .arg(LocalServerInfo::defaultDataDir()),
                                     QStringLiteral("DIR"));
    const QCommandLineOption maxOpt(QStringLiteral("max-concurrent"),
                                    QStringLiteral("Jobs running at once; the rest wait as PENDING (default 2)."),
                                    QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption sparkOpt(QStringLiteral("spark-submit"),
                                      QStringLiteral("spark-submit to use (default: .venv/bin/spark-submit, then PATH)."),
                                      QStringLiteral("PATH"));
    const QCommandLineOption flinkOpt(QStringLiteral("flink"),
                                      QStringLiteral("Program that runs the Flink runner (default: .venv/bin/python)."),
                                      QStringLiteral("PATH"));
    const QCommandLineOption bodyOpt(QStringLiteral("max-body"), QStringLiteral("Request body limit in bytes (default 4 MiB)."),
                                     QStringLiteral("BYTES"), QString::number(4 * 1024 * 1024));
    const QCommandLineOption graceOpt(QStringLiteral("kill-grace"),
                                      QStringLiteral("Seconds between SIGTERM and SIGKILL on cancel (default 10)."),
                                      QStringLiteral("SECONDS"), QStringLiteral("10"));
    const QCommandLineOption runnersOpt(QStringLiteral("runners-dir"),
                                        QStringLiteral("The runners/ folder (default: UIS_RUNNERS_DIR, then next to the program)."),
                                        QStringLiteral("DIR"));
    parser.addOptions({listenOpt, dataOpt, maxOpt, sparkOpt, flinkOpt, bodyOpt, graceOpt, runnersOpt});
    parser.process(app);
    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("unexpected argument `%1` (see --help)").arg(parser.positionalArguments().first()));

    QHostAddress address;
    quint16 port = 0;
    if (!parseListen(parser.value(listenOpt), &address, &port))
        return fail(QStringLiteral("--listen expects HOST:PORT, e.g. 127.0.0.1:8080"));
    bool ok = false;
    const int maxConcurrent = parser.value(maxOpt).toInt(&ok);
    if (!ok || maxConcurrent < 1)
        return fail(QStringLiteral("--max-concurrent expects a positive integer"));
    const qint64 maxBody = parser.value(bodyOpt).toLongLong(&ok);
    if (!ok || maxBody < 1024)
        return fail(QStringLiteral("--max-body expects a number of bytes (at least 1024)"));
    const double grace = parser.value(graceOpt).toDouble(&ok);
    if (!ok || grace < 0)
        return fail(QStringLiteral("--kill-grace expects a number of seconds"));

    const QString dataDir = QDir(parser.isSet(dataOpt) ? parser.value(dataOpt) : LocalServerInfo::defaultDataDir())
                                .absolutePath();
    if (!QDir().mkpath(dataDir))
        return fail(QStringLiteral("cannot create the data directory %1").arg(dataDir));
    QFile::setPermissions(dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    QLockFile lock(QDir(dataDir).filePath(QStringLiteral("dcp-local.lock")));
    lock.setStaleLockTime(0);
    if (!lock.tryLock(0)) {
        qint64 pid = 0;
        QString host, appName;
        lock.getLockInfo(&pid, &host, &appName);
        return fail(QStringLiteral("another dcp-local (pid %1) is using %2; stop it or choose another --data-dir")
                        .arg(pid)
                        .arg(dataDir));
    }

    QString error;
    const QByteArray token = loadToken(dataDir, &error);
    if (token.isEmpty())
        return fail(error);

    JobStore store;
    if (const QString e = store.open(dataDir); !e.isEmpty())
        return fail(e);
    const QStringList pending = store.recover();

    RunnerConfig rc;
    rc.sparkSubmit = parser.value(sparkOpt);
    rc.flink = parser.value(flinkOpt);
    rc.runnersDir = parser.value(runnersOpt);
    rc.maxConcurrent = maxConcurrent;
    rc.killGraceMs = int(grace * 1000);
    for (QString *path : {&rc.sparkSubmit, &rc.flink}) {
        if (!path->isEmpty())
            *path = QFileInfo(*path).absoluteFilePath();
    }
    JobRunner runner(&store, rc);
    HttpApi api(&store, &runner, token, maxBody);

    auto *tcp = new BoundedTcpServer(maxBody, &app);
    const quint16 bound = tcp->listen(address, port) ? tcp->serverPort() : 0;
    if (bound != 0)
        api.server()->bind(tcp);
    if (bound == 0)
        return fail(QStringLiteral("cannot listen on %1:%2 (is another server using the port?)")
                        .arg(address.toString())
                        .arg(port));
    if (!address.isLoopback())
        say(QStringLiteral("warning: listening on %1, which is not a loopback address: anyone who can reach it and "
                           "has the token can run programs as this user")
                .arg(address.toString()));
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                             : address.toString();
    const QString url = QStringLiteral("http://%1:%2").arg(host).arg(bound);

    {
        QSaveFile state(LocalServerInfo::statePath(dataDir));
        if (state.open(QIODevice::WriteOnly)) {
            state.write(QJsonDocument(QJsonObject{{QStringLiteral("url"), url},
                                                  {QStringLiteral("pid"), QCoreApplication::applicationPid()}})
                            .toJson(QJsonDocument::Compact));
            state.commit();
        }
    }
    for (const QString &id : pending)
        runner.requeue(id);

    say(QStringLiteral("listening on %1").arg(url));
    say(QStringLiteral("data directory %1 (%2 jobs); token in %3")
            .arg(dataDir)
            .arg(store.size())
            .arg(LocalServerInfo::tokenPath(dataDir)));
    say(QStringLiteral("runners in %1").arg(runner.runnersDir()));

    SignalWatcher signals;
    bool stopping = false;
    QObject::connect(&signals, &SignalWatcher::terminationRequested, &app, [&](int sig) {
        if (stopping)
            return;
        stopping = true;
        say(QStringLiteral("signal %1: shutting down (%2 running, %3 queued)")
                .arg(sig)
                .arg(runner.runningCount())
                .arg(runner.queuedCount()));
        for (QTcpServer *s : api.server()->servers())
            s->close();
        runner.shutdown();
    });
    QObject::connect(&runner, &JobRunner::shutdownComplete, &app, [&] {
        store.close();
        QFile::remove(LocalServerInfo::statePath(dataDir));
        say(QStringLiteral("stopped"));
        app.quit();
    });
    return app.exec();
}
