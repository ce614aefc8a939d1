// SPDX-License-Identifier: Apache-2.0
// The designer's desktop notifications of alerts, against a real dcp-local with an alerts file:
// a `desktop` rule on failed jobs and one that only has a (dead) webhook. A script stands in for
// spark-submit and exits as a file says, as the alerts' own tests do. The watcher reports the
// desktop rule's alert once when it fires and once when it resolves, however often it asks,
// and never the webhook-only rule's, nor one about a job that is not in the list.
#include "alertwatcher.h"
#include "dcpclient.h"
#include "dcplocalserver.h"
#include "environmentstore.h"
#include "isolatedhome.h"
#include "jobsconnections.h"
#include "jobsmodel.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace uis;
using uis::test::DcpLocalServer;
using uis::test::waitFor;

class TestAlertWatcher : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    DcpLocalServer m_server;
    QString m_exitFile;

    void setExit(int code)
    {
        QFile f(m_exitFile);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QByteArray::number(code));
    }

    static QJsonObject job(const QString &name)
    {
        return {{QStringLiteral("name"), name},
                {QStringLiteral("config"),
                 QJsonObject{{QStringLiteral("job_type"), QStringLiteral("BATCH")},
                             {QStringLiteral("uis"),
                              QJsonObject{{QStringLiteral("job_config"),
                                           QJsonObject{{QStringLiteral("name"), name}}}}}}}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::isolateHome(m_home.path());
        QVERIFY2(QFileInfo(DcpLocalServer::binary()).isExecutable(), "build dcp-local first");
        m_exitFile = m_home.filePath(QStringLiteral("exit_code"));
        setExit(1);
        const QString engine = m_server.script(
            QStringLiteral("spark-submit"),
            QStringLiteral("#!/bin/sh\nsleep 1\nexit $(cat %1)\n").arg(m_exitFile).toUtf8());
        const QString alerts = m_home.filePath(QStringLiteral("alerts.yaml"));
        QFile f(alerts);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            "channels:\n"
            "  - {name: desk, kind: desktop}\n"
            "  - {name: dead, kind: webhook, url: \"http://127.0.0.1:9/hook\"}\n"
            "rules:\n"
            "  - {name: failed-desk, when: job_failed, resolve_after: 1 s, channels: [desk]}\n"
            "  - {name: failed-hook, when: job_failed, resolve_after: 1 s, channels: [dead]}\n");
        f.close();
        QVERIFY2(m_server.start({QStringLiteral("--spark-submit"), engine,
                                 QStringLiteral("--alerts"), alerts}),
                 qPrintable(m_server.output()));
        EnvironmentStore().setLocalDataDir(m_server.dataDir());
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }

    void firesAndResolvesOnceEach()
    {
        JobsConnections connections;
        DcpClient *client = nullptr;
        connections.withClient(QStringLiteral("local"),
                               [&](DcpClient *c, const QString &) { client = c; });
        QVERIFY(waitFor([&] { return client != nullptr; }, 30000));
        JobsModel model;
        AlertWatcher watcher(&model, &connections);
        watcher.setInterval(200);
        QSignalSpy events(&watcher, &AlertWatcher::alertChanged);

        const auto run = [&](int exitCode) {
            setExit(exitCode);
            std::unique_ptr<DcpReply> r(client->submit(job(QStringLiteral("nightly-etl"))));
            if (!r->wait(30000) || !r->isOk())
                return QString();
            JobStatus s;
            s.jobId = r->submitResult().jobId;
            s.name = QStringLiteral("nightly-etl");
            model.upsert(QStringLiteral("local"), s);
            return s.jobId;
        };
        // The environment's first answer comes before the job fails (the engine takes 1 s).
        const QString failed = run(1);
        QVERIFY(!failed.isEmpty());
        QVERIFY(waitFor([&] { return watcher.knows(QStringLiteral("local")); }, 10000));
        QVERIFY2(waitFor([&] { return events.count() >= 1; }, 30000),
                 qPrintable(m_server.output()));
        const QJsonObject firing = events.at(0).at(1).toJsonObject();
        QCOMPARE(events.at(0).at(0).toString(), QStringLiteral("local"));
        QCOMPARE(firing.value(QLatin1String("rule")).toString(), QStringLiteral("failed-desk"));
        QCOMPARE(firing.value(QLatin1String("status")).toString(), QStringLiteral("firing"));
        QCOMPARE(firing.value(QLatin1String("job_id")).toString(), failed);
        QTest::qWait(1500); // several more answers: still one event
        QCOMPARE(events.count(), 1);

        QVERIFY(!run(0).isEmpty()); // the next run succeeds: resolved after 1 s of quiet
        QVERIFY2(waitFor([&] { return events.count() >= 2; }, 30000),
                 qPrintable(m_server.output()));
        QTest::qWait(1500);
        QCOMPARE(events.count(), 2);
        const QJsonObject resolved = events.at(1).at(1).toJsonObject();
        QCOMPARE(resolved.value(QLatin1String("rule")).toString(), QStringLiteral("failed-desk"));
        QCOMPARE(resolved.value(QLatin1String("status")).toString(), QStringLiteral("resolved"));
    }

    void anAlertOfAJobNotInTheListIsNotShown()
    {
        JobsConnections connections;
        DcpClient *client = nullptr;
        connections.withClient(QStringLiteral("local"),
                               [&](DcpClient *c, const QString &) { client = c; });
        QVERIFY(waitFor([&] { return client != nullptr; }, 30000));
        JobsModel model;
        JobStatus listed;
        listed.jobId = QStringLiteral("job-elsewhere");
        listed.name = QStringLiteral("other");
        model.upsert(QStringLiteral("local"), listed);
        AlertWatcher watcher(&model, &connections);
        watcher.setInterval(200);
        QSignalSpy events(&watcher, &AlertWatcher::alertChanged);
        QVERIFY(waitFor([&] { return watcher.knows(QStringLiteral("local")); }, 10000));
        setExit(1);
        std::unique_ptr<DcpReply> r(client->submit(job(QStringLiteral("someone-elses"))));
        QVERIFY(r->wait(30000) && r->isOk());
        QVERIFY(waitFor(
            [&] {
                std::unique_ptr<DcpReply> a(client->alerts());
                return a->wait(10000) &&
                       QJsonDocument(a->json()).toJson().contains("someone-elses");
            },
            30000));
        QTest::qWait(1000);
        QCOMPARE(events.count(), 0);
    }
};

QTEST_MAIN(TestAlertWatcher)
#include "tst_alertwatcher.moc"
