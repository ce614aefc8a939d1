// SPDX-License-Identifier: Apache-2.0
// The execution targets of dcp-local: the targets file (`dcp-local --targets FILE`) and its
// errors with line and column, how a submit picks its target, the check of a cluster that does
// not answer (a real closed port on loopback), and the job store's migration and restart
// recovery of jobs that run on a cluster.
#include "executiontarget.h"
#include "jobrunner.h"
#include "jobstore.h"
#include "targetregistry.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace uis;
using namespace uis::dcplocal;

namespace {

QString parseError(const QByteArray &yaml, const QString &file = QStringLiteral("targets.yaml"))
{
    QList<TargetSpec> specs;
    QString error;
    if (TargetRegistry::parse(yaml, file, &specs, &error))
        return QStringLiteral("(parsed)");
    return error;
}

} // namespace

class TestTargetRegistry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesTheThreeKinds()
    {
        const QByteArray yaml =
            "# where jobs run\n"
            "targets:\n"
            "  - {name: local, kind: local}\n"
            "  - {name: flink-dev, kind: flink-session, rest_url: http://127.0.0.1:8081}\n"
            "  - name: spark-dev\n"
            "    kind: spark-standalone\n"
            "    master: spark://127.0.0.1:7077\n"
            "    master_ui: http://127.0.0.1:8080/\n";
        QList<TargetSpec> specs;
        QString error;
        QVERIFY2(TargetRegistry::parse(yaml, QStringLiteral("t.yaml"), &specs, &error),
                 qPrintable(error));
        QCOMPARE(specs.size(), 3);
        QCOMPARE(specs[0].name, QStringLiteral("local"));
        QCOMPARE(specs[0].kind, TargetSpec::Kind::Local);
        QCOMPARE(specs[0].engines(),
                 QStringList({QStringLiteral("spark"), QStringLiteral("flink")}));
        QCOMPARE(specs[1].kind, TargetSpec::Kind::FlinkSession);
        QCOMPARE(specs[1].restUrl, QUrl(QStringLiteral("http://127.0.0.1:8081")));
        QCOMPARE(specs[1].engines(), QStringList{QStringLiteral("flink")});
        QCOMPARE(specs[1].line, 4);
        QCOMPARE(specs[2].kind, TargetSpec::Kind::SparkStandalone);
        QCOMPARE(specs[2].master, QUrl(QStringLiteral("spark://127.0.0.1:7077")));
        QCOMPARE(specs[2].masterUi, QUrl(QStringLiteral("http://127.0.0.1:8080/")));
        QCOMPARE(specs[2].kindName(), QStringLiteral("spark-standalone"));
        QCOMPARE(specs[2].line, 5);
    }

    void parsesJson()
    {
        QList<TargetSpec> specs;
        QString error;
        QVERIFY2(TargetRegistry::parse(R"({"targets": [{"name": "f", "kind": "flink-session",
                                          "rest_url": "https://jm.example:8443/flink"}]})",
                                       QStringLiteral("t.json"), &specs, &error),
                 qPrintable(error));
        QCOMPARE(specs.size(), 1);
        QCOMPARE(specs[0].restUrl.path(), QStringLiteral("/flink"));
    }

    void parsesSessionServers()
    {
        const QByteArray yaml = "targets:\n"
                                "  - name: spark-team\n"
                                "    kind: spark-standalone\n"
                                "    master: spark://10.0.0.5:7077\n"
                                "    master_ui: http://10.0.0.5:8080\n"
                                "    spark_connect: sc://10.0.0.5:15002\n"
                                "  - name: flink-team\n"
                                "    kind: flink-session\n"
                                "    rest_url: http://10.0.0.6:8081\n"
                                "    sql_gateway: https://gw.example:8083\n"
                                "  - {name: flink-plain, kind: flink-session, rest_url: "
                                "http://h:8081}\n";
        QList<TargetSpec> specs;
        QString error;
        QVERIFY2(TargetRegistry::parse(yaml, QStringLiteral("t.yaml"), &specs, &error),
                 qPrintable(error));
        QCOMPARE(specs.size(), 3);
        QCOMPARE(specs[0].sparkConnect, QUrl(QStringLiteral("sc://10.0.0.5:15002")));
        QCOMPARE(specs[0].sparkConnect.port(), 15002);
        QVERIFY(!specs[0].sqlGateway.isValid());
        QCOMPARE(specs[1].sqlGateway, QUrl(QStringLiteral("https://gw.example:8083")));
        QVERIFY(!specs[1].sparkConnect.isValid());
        QVERIFY(!specs[2].sparkConnect.isValid() && !specs[2].sqlGateway.isValid());
    }

    void errorsNameTheLineAndColumn_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bad yaml") << QByteArray("targets:\n  - {name: a, kind: local\n")
                                  << QStringLiteral("targets.yaml:3:");
        QTest::newRow("not a map") << QByteArray("- a\n- b\n")
                                   << QStringLiteral("targets.yaml:1:1: a targets file is a map");
        QTest::newRow("no targets") << QByteArray("servers: []\n")
                                    << QStringLiteral("targets.yaml:1:1: unknown key `servers`");
        QTest::newRow("not a list")
            << QByteArray("targets: local\n")
            << QStringLiteral("targets.yaml:1:10: `targets` must be a list, not string");
        QTest::newRow("empty") << QByteArray("targets: []\n")
                               << QStringLiteral("targets.yaml:1:10: `targets` is empty");
        QTest::newRow("item not a map") << QByteArray("targets:\n  - local\n")
                                        << QStringLiteral("targets.yaml:2:5: a target is a map");
        QTest::newRow("no name") << QByteArray("targets:\n  - {kind: local}\n")
                                 << QStringLiteral("targets.yaml:2:5: a target needs a `name`");
        QTest::newRow("bad name") << QByteArray("targets:\n  - {name: \"a b\", kind: local}\n")
                                  << QStringLiteral("targets.yaml:2:12: target name `a b`");
        QTest::newRow("no kind") << QByteArray("targets:\n  - {name: a}\n")
                                 << QStringLiteral("targets.yaml:2:5: target `a` needs a `kind`");
        QTest::newRow("unknown kind") << QByteArray("targets:\n  - {name: a, kind: yarn}\n")
                                      << QStringLiteral("targets.yaml:2:21: unknown kind `yarn`");
        QTest::newRow("unknown key")
            << QByteArray("targets:\n  - name: a\n    kind: local\n    slots: 4\n")
            << QStringLiteral("targets.yaml:4:5: unknown key `slots`");
        QTest::newRow("map value")
            << QByteArray("targets:\n  - name: a\n    kind: {x: 1}\n")
            << QStringLiteral("targets.yaml:3:11: `kind` must be a string, not object");
        QTest::newRow("twice")
            << QByteArray("targets:\n  - {name: a, kind: local}\n  - {name: a, kind: local}\n")
            << QStringLiteral("targets.yaml:3:12: target `a` is named twice");
        QTest::newRow("flink without rest_url")
            << QByteArray("targets:\n  - {name: f, kind: flink-session}\n")
            << QStringLiteral("targets.yaml:2:5: a flink-session target needs `rest_url`");
        QTest::newRow("flink rest_url not http")
            << QByteArray("targets:\n  - {name: f, kind: flink-session, rest_url: \"ftp://x:1\"}\n")
            << QStringLiteral(
                   "targets.yaml:2:46: rest_url: `ftp://x:1` is not a http or https URL");
        QTest::newRow("spark master without port")
            << QByteArray("targets:\n  - {name: s, kind: spark-standalone, master: \"spark://h\", "
                          "master_ui: \"http://h:8080\"}\n")
            << QStringLiteral("targets.yaml:2:47: master: `spark://h` has no port");
        QTest::newRow("spark without master_ui")
            << QByteArray(
                   "targets:\n  - {name: s, kind: spark-standalone, master: \"spark://h:7077\"}\n")
            << QStringLiteral("targets.yaml:2:5: a spark-standalone target needs `master_ui`");
        const QByteArray spark = "targets:\n  - name: s\n    kind: spark-standalone\n"
                                 "    master: spark://h:7077\n    master_ui: http://h:8080\n";
        const QByteArray flink =
            "targets:\n  - name: f\n    kind: flink-session\n    rest_url: http://h:8081\n";
        QTest::newRow("spark_connect not sc")
            << spark + "    spark_connect: http://h:15002\n"
            << QStringLiteral("targets.yaml:6:20: spark_connect: `http://h:15002` is not a sc URL");
        QTest::newRow("spark_connect without port")
            << spark + "    spark_connect: sc://h\n"
            << QStringLiteral("targets.yaml:6:20: spark_connect: `sc://h` has no port");
        QTest::newRow("spark_connect without host")
            << spark + "    spark_connect: \"sc://:15002\"\n"
            << QStringLiteral("targets.yaml:6:20: spark_connect: `sc://:15002` is not a sc URL");
        QTest::newRow("spark_connect with a query")
            << spark + "    spark_connect: \"sc://h:15002?token=x\"\n"
            << QStringLiteral("targets.yaml:6:20: spark_connect: `sc://h:15002?token=x` must not "
                              "have a query");
        QTest::newRow("sql_gateway not http")
            << flink + "    sql_gateway: gw:8083\n"
            << QStringLiteral(
                   "targets.yaml:5:18: sql_gateway: `gw:8083` is not a http or https URL");
        QTest::newRow("sql_gateway on a spark target")
            << spark + "    sql_gateway: http://h:8083\n"
            << QStringLiteral("targets.yaml:6:18: `sql_gateway` does not apply to a "
                              "spark-standalone target (it runs no flink jobs)");
        QTest::newRow("spark_connect on a flink target")
            << flink + "    spark_connect: sc://h:15002\n"
            << QStringLiteral("targets.yaml:5:20: `spark_connect` does not apply to a "
                              "flink-session target (it runs no spark jobs)");
        QTest::newRow("local with a url")
            << QByteArray("targets:\n  - name: l\n    kind: local\n    rest_url: http://x:1\n")
            << QStringLiteral("targets.yaml:4:15: `rest_url` does not apply to a local target");
    }

    void errorsNameTheLineAndColumn()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expected);
        const QString error = parseError(yaml);
        QVERIFY2(error.startsWith(expected), qPrintable(QStringLiteral("got: ") + error));
    }

    void readFileReportsAMissingFile()
    {
        QList<TargetSpec> specs;
        const QString e =
            TargetRegistry::readFile(QStringLiteral("/nonexistent/targets.yaml"), &specs);
        QVERIFY2(
            e.startsWith(QStringLiteral("cannot read the targets file /nonexistent/targets.yaml")),
            qPrintable(e));
    }

    void picksTheTargetOfASubmit()
    {
        QTemporaryDir dir;
        JobStore store;
        QCOMPARE(store.open(dir.path()), QString());
        JobRunner runner(&store, RunnerConfig{});
        TargetRegistry reg(&store, &runner, 5000);
        QList<TargetSpec> specs;
        QString error;
        QVERIFY(TargetRegistry::parse(
            "targets:\n"
            "  - {name: flink-dev, kind: flink-session, rest_url: http://127.0.0.1:1}\n"
            "  - {name: spark-dev, kind: spark-standalone, master: spark://127.0.0.1:2,"
            " master_ui: http://127.0.0.1:3}\n"
            "  - {name: local, kind: local}\n",
            QStringLiteral("t.yaml"), &specs, &error));
        reg.setTargets(specs);
        QCOMPARE(reg.pick(QString(), QStringLiteral("flink"), &error)->name(),
                 QStringLiteral("flink-dev"));
        QCOMPARE(reg.pick(QString(), QStringLiteral("spark"), &error)->name(),
                 QStringLiteral("spark-dev"));
        QCOMPARE(reg.pick(QStringLiteral("local"), QStringLiteral("flink"), &error)->name(),
                 QStringLiteral("local"));
        QCOMPARE(reg.pick(QStringLiteral("spark-dev"), QStringLiteral("flink"), &error), nullptr);
        QCOMPARE(error,
                 QStringLiteral("target `spark-dev` (spark-standalone) does not run flink jobs"));
        QCOMPARE(reg.pick(QStringLiteral("nope"), QStringLiteral("spark"), &error), nullptr);
        QVERIFY(error.startsWith(QStringLiteral("unknown target `nope`")));

        // without a file: everything runs locally
        TargetRegistry plain(&store, &runner, 5000);
        plain.setTargets({});
        QCOMPARE(plain.targets().size(), size_t(1));
        QCOMPARE(plain.pick(QString(), QStringLiteral("flink"), &error)->spec().kind,
                 TargetSpec::Kind::Local);
        // a record of an earlier version (no target) belongs to the local target
        JobRecord old;
        QCOMPARE(reg.targetOf(old)->name(), QStringLiteral("local"));
    }

    void aClusterThatDoesNotAnswerIsUnreachable()
    {
        // A port that was just free: nothing listens there.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        QTemporaryDir dir;
        JobStore store;
        QCOMPARE(store.open(dir.path()), QString());
        JobRunner runner(&store, RunnerConfig{});
        TargetRegistry reg(&store, &runner, 60000);
        TargetSpec flink;
        flink.name = QStringLiteral("f");
        flink.kind = TargetSpec::Kind::FlinkSession;
        flink.restUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        TargetSpec spark;
        spark.name = QStringLiteral("s");
        spark.kind = TargetSpec::Kind::SparkStandalone;
        spark.master = QUrl(QStringLiteral("spark://127.0.0.1:%1").arg(port));
        spark.masterUi = flink.restUrl;
        reg.setTargets({flink, spark});
        QVERIFY(reg.find(QStringLiteral("f"))->isReachable()); // not checked yet
        QSignalSpy f(reg.find(QStringLiteral("f")), &ExecutionTarget::checked);
        QSignalSpy s(reg.find(QStringLiteral("s")), &ExecutionTarget::checked);
        reg.start();
        QTRY_VERIFY_WITH_TIMEOUT(f.size() >= 1 && s.size() >= 1, 10000);
        for (const char *name : {"f", "s"}) {
            const ExecutionTarget *t = reg.find(QLatin1String(name));
            QVERIFY(!t->isReachable());
            QVERIFY(t->checkedAt().isValid());
            QVERIFY2(t->problem().contains(QStringLiteral("Connection refused")),
                     qPrintable(t->problem()));
            const QJsonObject j = t->toJson();
            QCOMPARE(j.value(QLatin1String("reachable")).toBool(true), false);
            QVERIFY(j.value(QLatin1String("checked_at")).toString().endsWith(QLatin1Char('Z')));
        }
    }

    void aJobWhoseEngineDoesNotAnswerIsUnreachableNotGuessed()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        QTemporaryDir dir;
        JobStore store;
        QCOMPARE(store.open(dir.path()), QString());
        JobRunner runner(&store, RunnerConfig{});
        TargetRegistry reg(&store, &runner, 60000);
        TargetSpec flink;
        flink.name = QStringLiteral("flink-dev");
        flink.kind = TargetSpec::Kind::FlinkSession;
        flink.restUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        reg.setTargets({flink});
        const QDateTime confirmed = QDateTime::fromMSecsSinceEpoch(1'760'000'000'000, Qt::UTC);
        JobRecord r;
        r.status.jobId = QStringLiteral("job-1");
        r.status.name = QStringLiteral("n");
        r.status.engine = QStringLiteral("flink");
        r.status.state = JobState::Running;
        r.status.engineState = QStringLiteral("RUNNING");
        r.status.target = QStringLiteral("flink-dev");
        r.status.engineJobId = QStringLiteral("0123456789abcdef0123456789abcdef");
        r.status.lastConfirmedAt = confirmed;
        QCOMPARE(store.insert(r), QString());
        QVERIFY(QDir().mkpath(store.jobDir(QStringLiteral("job-1"))));
        QVERIFY(reg.canReattach(*store.find(QStringLiteral("job-1"))));
        reg.reattach(QStringLiteral("job-1"));
        QTRY_COMPARE_WITH_TIMEOUT(store.find(QStringLiteral("job-1"))->status.engineState,
                                  QStringLiteral("UNREACHABLE"), 10000);
        const JobStatus s = store.find(QStringLiteral("job-1"))->status;
        QCOMPARE(s.state, JobState::Running); // its last confirmed status, not a guess
        QCOMPARE(s.lastConfirmedAt, confirmed);
        QFile log(store.logPath(QStringLiteral("job-1")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray text = log.readAll();
        QVERIFY2(text.contains("dcp-local: dcp-local restarted: following Flink job "
                               "0123456789abcdef0123456789abcdef"),
                 text.constData());
        QVERIFY2(text.contains("the Flink JobManager cannot be reached") &&
                     text.contains("Connection refused"),
                 text.constData());
        // a cancel while the cluster does not answer is refused by nobody and changes nothing yet
        QCOMPARE(reg.cancel(QStringLiteral("job-1")), JobRunner::CancelOutcome::Terminating);
        QTRY_VERIFY_WITH_TIMEOUT(QFile(store.logPath(QStringLiteral("job-1"))).size() > text.size(),
                                 10000);
        QCOMPARE(store.find(QStringLiteral("job-1"))->status.state, JobState::Running);
    }

    void storeMigratesAndKeepsClusterJobsOnRecovery()
    {
        QTemporaryDir dir;
        {
            // A database of the version before targets: no target columns.
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(dir.filePath(QStringLiteral("jobs.db")));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(
                q.exec(QStringLiteral("CREATE TABLE jobs (seq INTEGER PRIMARY KEY, id TEXT NOT "
                                      "NULL UNIQUE, name TEXT, team TEXT, user TEXT,"
                                      " engine TEXT, job_type TEXT, status TEXT NOT NULL, "
                                      "engine_state TEXT, created_at TEXT, started_at TEXT,"
                                      " finished_at TEXT, exit_code INTEGER, error TEXT, ui_url "
                                      "TEXT, idempotency_key TEXT UNIQUE, request TEXT)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO jobs (seq, id, name, status) VALUES (1, "
                                          "'old-job', 'n', 'SUCCEEDED')")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));
        {
            JobStore store;
            QCOMPARE(store.open(dir.path()), QString());
            QCOMPARE(store.find(QStringLiteral("old-job"))->status.state, JobState::Succeeded);
            QVERIFY(store.find(QStringLiteral("old-job"))->status.target.isEmpty());
            for (const char *id : {"cluster-job", "local-job"}) {
                JobRecord r;
                r.status.jobId = QLatin1String(id);
                r.status.name = QStringLiteral("n");
                r.status.state = JobState::Running;
                r.status.createdAt = QDateTime::currentDateTimeUtc();
                r.status.target = QLatin1String(id) == QLatin1String("cluster-job")
                                      ? QStringLiteral("flink-dev")
                                      : QStringLiteral("local");
                if (r.status.target == QLatin1String("flink-dev")) {
                    r.status.engineJobId = QStringLiteral("0123456789abcdef0123456789abcdef");
                    r.status.lastConfirmedAt =
                        QDateTime::fromMSecsSinceEpoch(1'760'000'000'123, Qt::UTC);
                }
                QCOMPARE(store.insert(r), QString());
            }
        }
        JobStore store;
        QCOMPARE(store.open(dir.path()), QString());
        QStringList reattach;
        store.recover(&reattach,
                      [](const JobRecord &r) { return !r.status.engineJobId.isEmpty(); });
        QCOMPARE(reattach, QStringList{QStringLiteral("cluster-job")});
        const JobStatus cluster = store.find(QStringLiteral("cluster-job"))->status;
        QCOMPARE(cluster.state, JobState::Running);
        QCOMPARE(cluster.target, QStringLiteral("flink-dev"));
        QCOMPARE(cluster.engineJobId, QStringLiteral("0123456789abcdef0123456789abcdef"));
        QCOMPARE(cluster.lastConfirmedAt,
                 QDateTime::fromMSecsSinceEpoch(1'760'000'000'123, Qt::UTC));
        QCOMPARE(store.find(QStringLiteral("local-job"))->status.state, JobState::Failed);
        const QJsonObject json = cluster.toJson();
        QCOMPARE(json.value(QLatin1String("last_confirmed_at")).toString(),
                 QStringLiteral("2025-10-09T08:53:20.123Z"));
        QCOMPARE(json.value(QLatin1String("engine_job_id")).toString(), cluster.engineJobId);
    }
};

QTEST_GUILESS_MAIN(TestTargetRegistry)
#include "tst_targetregistry.moc"
