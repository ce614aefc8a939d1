// SPDX-License-Identifier: Apache-2.0
// DcpServer in process: the start-up that main() used to do (data directory, lock, token,
// restart recovery, listening socket, state file) and the shutdown, with real files, a real
// socket on loopback and a real shell script as the engine.
#include "dcpserver.h"
#include "jobstore.h"
#include "serverconfig.h"

#include "dcplocalserver.h"
#include "localserverinfo.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace uis;
using namespace uis::dcplocal;
using uis::test::waitFor;

namespace {

struct Reply
{
    int status = 0;
    QJsonObject json;
};

Reply get(const QUrl &url, const QByteArray &token)
{
    // A new manager each time: no kept-alive connection outlives the listening socket.
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest req(url);
    req.setTransferTimeout(30000);
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply *reply = nam.get(req);
    waitFor([reply] { return reply->isFinished(); }, 30000);
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.json = QJsonDocument::fromJson(reply->readAll()).object();
    delete reply;
    return r;
}

ServerConfig configFor(const QString &dataDir)
{
    ServerConfig c;
    c.port = 0;
    c.dataDir = dataDir;
    c.runner.killGraceMs = 2000;
    return c;
}

} // namespace

class TestDcpServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qunsetenv("UIS_RUNNERS_DIR"); }

    void parseListen_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("ipv4") << QStringLiteral("127.0.0.1:8080") << true
                              << QStringLiteral("127.0.0.1") << 8080;
        QTest::newRow("any port") << QStringLiteral("127.0.0.1:0") << true
                                  << QStringLiteral("127.0.0.1") << 0;
        QTest::newRow("localhost")
            << QStringLiteral("localhost:9000") << true << QStringLiteral("127.0.0.1") << 9000;
        QTest::newRow("empty host")
            << QStringLiteral(":81") << true << QStringLiteral("127.0.0.1") << 81;
        QTest::newRow("ipv6") << QStringLiteral("[::1]:8080") << true << QStringLiteral("::1")
                              << 8080;
        QTest::newRow("all") << QStringLiteral("0.0.0.0:1") << true << QStringLiteral("0.0.0.0")
                             << 1;
        QTest::newRow("no port") << QStringLiteral("127.0.0.1") << false << QStringLiteral("") << 0;
        QTest::newRow("port too big")
            << QStringLiteral("127.0.0.1:65536") << false << QStringLiteral("") << 0;
        QTest::newRow("port not a number")
            << QStringLiteral("127.0.0.1:http") << false << QStringLiteral("") << 0;
        QTest::newRow("host not an address")
            << QStringLiteral("example.com:80") << false << QStringLiteral("") << 0;
    }

    void parseListen()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QHostAddress address;
        quint16 parsed = 1234;
        QCOMPARE(ServerConfig::parseListen(text, &address, &parsed), ok);
        if (!ok)
            return;
        QFETCH(QString, host);
        QFETCH(int, port);
        QCOMPARE(address, QHostAddress(host));
        QCOMPARE(int(parsed), port);
    }

    void startServeAndShutdown()
    {
        QTemporaryDir tmp;
        const QString dataDir = tmp.filePath(QStringLiteral("nested/data"));
        DcpServer server(configFor(dataDir));
        QStringList messages;
        connect(&server, &DcpServer::message, this, [&](const QString &m) { messages << m; });
        QCOMPARE(server.start(), QString());
        QVERIFY(server.isListening());
        QCOMPARE(server.dataDir(), dataDir);
        // Created, and only the owner may enter.
        QCOMPARE(QFile::permissions(dataDir) & 0x0077, QFileDevice::Permissions());

        // The token: 64 hex digits in a file only its owner can read.
        const QString tokenPath = LocalServerInfo::tokenPath(dataDir);
        QCOMPARE(server.token().size(), 64);
        QCOMPARE(QByteArray::fromHex(server.token()).toHex(), server.token());
        QCOMPARE(LocalServerInfo::readToken(dataDir).toUtf8(), server.token());
        QCOMPARE(QFile::permissions(tokenPath) & 0x0077, QFileDevice::Permissions());
        QVERIFY2(messages.contains(QStringLiteral("created a new token in ") + tokenPath),
                 qPrintable(messages.join(QLatin1Char('\n'))));

        // Clients find it by the state file.
        QCOMPARE(server.url().host(), QStringLiteral("127.0.0.1"));
        QVERIFY(server.url().port() > 0);
        QVERIFY(messages.contains(QStringLiteral("listening on ") + server.url().toString()));
        const auto running = LocalServerInfo::readRunning(dataDir);
        QVERIFY(running.has_value());
        QCOMPARE(running->url, server.url());
        QCOMPARE(running->pid, QCoreApplication::applicationPid());

        // It answers over HTTP, and only with the token.
        QUrl jobs = server.url();
        jobs.setPath(QStringLiteral("/api/v1/jobs"));
        const Reply ok = get(jobs, server.token());
        QCOMPARE(ok.status, 200);
        QVERIFY(ok.json.value(QLatin1String("jobs")).isArray());
        QCOMPARE(get(jobs, QByteArrayLiteral("wrong-token")).status, 401);

        // A second server on the same data directory is refused while the first runs.
        DcpServer second(configFor(dataDir));
        const QString refused = second.start();
        QVERIFY2(refused.startsWith(QStringLiteral("another dcp-local (pid %1)")
                                        .arg(QCoreApplication::applicationPid())),
                 qPrintable(refused));
        QVERIFY(!second.isListening());

        QSignalSpy stopped(&server, &DcpServer::stopped);
        server.shutdown(QStringLiteral("test"));
        QVERIFY(stopped.wait(10000) || stopped.count() == 1);
        QVERIFY(!server.isListening());
        QVERIFY(messages.contains(QStringLiteral("test: shutting down (0 running, 0 queued)")));
        QCOMPARE(messages.last(), QStringLiteral("stopped"));
        QVERIFY(!QFile::exists(LocalServerInfo::statePath(dataDir)));
        QVERIFY(!LocalServerInfo::readRunning(dataDir).has_value());
        QCOMPARE(get(jobs, server.token()).status, 0); // nobody listens any more
        server.shutdown();                             // twice is harmless
        QCOMPARE(stopped.count(), 1);

        // The lock is free again, and the token is kept.
        DcpServer again(configFor(dataDir));
        QStringList againMessages;
        connect(&again, &DcpServer::message, this, [&](const QString &m) { againMessages << m; });
        QCOMPARE(again.start(), QString());
        QCOMPARE(again.token(), server.token());
        QVERIFY(
            !againMessages.join(QLatin1Char('\n')).contains(QLatin1String("created a new token")));
    }

    // Jobs that were running when the last server died are FAILED; PENDING ones run.
    void startupRecovery()
    {
        QTemporaryDir tmp;
        QTemporaryDir tools;
        QDir(tools.path()).mkpath(QStringLiteral("runners/spark"));
        QFile(tools.filePath(QStringLiteral("runners/spark/uis_spark_runner.py")))
            .open(QIODevice::WriteOnly);
        const QString spark = tools.filePath(QStringLiteral("spark-submit"));
        {
            QFile f(spark);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("#!/bin/sh\necho recovered-job-ran\nexit 0\n");
            f.close();
            f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                             QFileDevice::ExeOwner);
        }
        {
            JobStore store;
            QCOMPARE(store.open(tmp.path()), QString());
            for (const auto &[id, state] :
                 {std::pair{QStringLiteral("lost"), JobState::Running},
                  std::pair{QStringLiteral("waiting"), JobState::Pending}}) {
                JobRecord r;
                r.status.jobId = id;
                r.status.name = id;
                r.status.engine = QStringLiteral("spark");
                r.status.jobType = QStringLiteral("BATCH");
                r.status.state = state;
                r.status.createdAt = QDateTime::currentDateTimeUtc();
                QCOMPARE(store.insert(r), QString());
            }
            QVERIFY(QDir().mkpath(store.jobDir(QStringLiteral("waiting"))));
            QFile config(store.jobDir(QStringLiteral("waiting")) +
                         QStringLiteral("/job-config.json"));
            QVERIFY(config.open(QIODevice::WriteOnly));
            config.write("{\"name\": \"waiting\"}");
        }
        ServerConfig c = configFor(tmp.path());
        c.runner.sparkSubmit = spark;
        c.runner.runnersDir = tools.filePath(QStringLiteral("runners"));
        DcpServer server(c);
        QCOMPARE(server.start(), QString());
        const JobRecord *lost = server.store()->find(QStringLiteral("lost"));
        QCOMPARE(lost->status.state, JobState::Failed);
        QVERIFY(lost->status.error.contains(
            QLatin1String("dcp-local stopped while the job was running")));
        QVERIFY(waitFor(
            [&] {
                return server.store()->find(QStringLiteral("waiting"))->status.state ==
                       JobState::Succeeded;
            },
            30000));
        QFile log(server.store()->logPath(QStringLiteral("waiting")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray text = log.readAll();
        QVERIFY2(text.contains("queued again after a restart") &&
                     text.contains("recovered-job-ran"),
                 text.constData());
    }

    void startFailures()
    {
        // A token file too short to be safe is refused, not silently replaced.
        QTemporaryDir tmp;
        QFile token(LocalServerInfo::tokenPath(tmp.path()));
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write("short\n");
        token.close();
        DcpServer server(configFor(tmp.path()));
        const QString error = server.start();
        QVERIFY2(error.contains(QLatin1String("too short")), qPrintable(error));
        QVERIFY(!server.isListening());
        QVERIFY(!QFile::exists(LocalServerInfo::statePath(tmp.path())));

        // A port somebody else listens on.
        QTcpServer other;
        QVERIFY(other.listen(QHostAddress::LocalHost, 0));
        QTemporaryDir tmp2;
        ServerConfig c = configFor(tmp2.path());
        c.port = other.serverPort();
        DcpServer busy(c);
        const QString listenError = busy.start();
        QVERIFY2(
            listenError.startsWith(QStringLiteral("cannot listen on 127.0.0.1:%1").arg(c.port)),
            qPrintable(listenError));
        // Having failed, it holds no lock: a server on another port can use the directory.
        c.port = 0;
        DcpServer fresh(c);
        QCOMPARE(fresh.start(), QString());
    }
};

QTEST_GUILESS_MAIN(TestDcpServer)
#include "tst_dcpserver.moc"
