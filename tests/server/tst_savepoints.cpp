// SPDX-License-Identifier: Apache-2.0
// Savepoint records, their store, the job's snapshot settings, what is read from disk, and the
// savepoint routes of a real dcp-local (in process, on loopback) whose Flink runner is a shell
// script: restore resolution, refusals, a savepoint whose Flink cannot be reached, a stop that
// fails and leaves the job running, and the recorded delete.
#include "dcpserver.h"
#include "jobrequest.h"
#include "jobstore.h"
#include "savepointstore.h"
#include "serverconfig.h"
#include "snapshotfiles.h"
#include "snapshotsettings.h"

#include "dcplocalserver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
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

Reply send(const QByteArray &method, const QUrl &url, const QByteArray &token,
           const QByteArray &body = {})
{
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest req(url);
    req.setTransferTimeout(30000);
    req.setRawHeader("Authorization", "Bearer " + token);
    if (!body.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = nam.sendCustomRequest(req, method, body);
    waitFor([reply] { return reply->isFinished(); }, 30000);
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.json = QJsonDocument::fromJson(reply->readAll()).object();
    delete reply;
    return r;
}

void writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
}

QString code(const Reply &r)
{
    return r.json.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString();
}

QString message(const Reply &r)
{
    return r.json.value(QLatin1String("error"))
        .toObject()
        .value(QLatin1String("message"))
        .toString();
}

QByteArray flinkJob(const QString &name, const QJsonObject &restore = {})
{
    QJsonObject config{{QStringLiteral("engine"), QStringLiteral("flink")},
                       {QStringLiteral("job_type"), QStringLiteral("STREAMING")},
                       {QStringLiteral("flink"),
                        QJsonObject{{QStringLiteral("sql"), QStringLiteral("SELECT 1;")}}}};
    if (!restore.isEmpty())
        config.insert(QStringLiteral("restore"), restore);
    return QJsonDocument(
               QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("config"), config}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestSavepoints : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qunsetenv("UIS_CHECKPOINT_DIR"); }

    void storeKeepsEveryRecordAcrossReopen()
    {
        QTemporaryDir tmp;
        {
            JobStore store;
            QCOMPARE(store.open(tmp.path()), QString());
            SavepointRecord a;
            a.id = QStringLiteral("sp-1");
            a.jobId = QStringLiteral("job-a");
            a.kind = QStringLiteral("savepoint");
            a.origin = QStringLiteral("stop");
            a.status = QStringLiteral("IN_PROGRESS");
            a.createdAt = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
            QCOMPARE(store.savepoints().put(a), QString());
            QVERIFY(!store.savepoints().latestSavepoint(QStringLiteral("job-a"))); // not usable yet
            a.status = QStringLiteral("COMPLETED");
            a.path = QStringLiteral("file:/x/savepoint-1");
            a.sizeBytes = 42;
            QCOMPARE(store.savepoints().put(a), QString()); // an update, not a second row
            SavepointRecord c = a;
            c.id = QStringLiteral("chk-job-a");
            c.kind = QStringLiteral("checkpoint");
            c.origin = QStringLiteral("checkpoint");
            QCOMPARE(store.savepoints().put(c), QString());
            SavepointRecord b = a;
            b.id = QStringLiteral("sp-2");
            b.path = QStringLiteral("file:/x/savepoint-2");
            QCOMPARE(store.savepoints().put(b), QString());
        }
        JobStore again;
        QCOMPARE(again.open(tmp.path()), QString());
        const auto all = again.savepoints().forJob(QStringLiteral("job-a"));
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.first()->id, QStringLiteral("sp-1"));
        QCOMPARE(all.first()->sizeBytes, std::optional<qint64>(42));
        QCOMPARE(all.first()->createdAt, QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC));
        QCOMPARE(again.savepoints().latestSavepoint(QStringLiteral("job-a"))->id,
                 QStringLiteral("sp-2"));
        QCOMPARE(again.savepoints().latestCheckpoint(QStringLiteral("job-a"))->id,
                 QStringLiteral("chk-job-a"));
        QVERIFY(again.savepoints().forJob(QStringLiteral("job-b")).isEmpty());
        const QJsonObject j = all.first()->toJson();
        QCOMPARE(j.value(QLatin1String("size_bytes")).toInt(), 42);
        QVERIFY(j.value(QLatin1String("deleted_at")).isNull());
    }

    void settingsAndScriptOptions()
    {
        const QString sql = QStringLiteral("SET 'pipeline.name' = 'x';\n"
                                           "  set 'execution.checkpointing.dir' = 's3://b/it''s';\n"
                                           "SELECT 'execution.checkpointing.savepoint-dir';\n");
        QCOMPARE(SnapshotSettings::sqlOption(sql, QStringLiteral("execution.checkpointing.dir")),
                 QStringLiteral("s3://b/it's"));
        QCOMPARE(SnapshotSettings::sqlOption(
                     sql, QStringLiteral("execution.checkpointing.savepoint-dir")),
                 QString());
        QCOMPARE(SnapshotSettings::flinkUri(QStringLiteral("/data/sp")),
                 QStringLiteral("file:///data/sp"));
        QCOMPARE(SnapshotSettings::flinkUri(QStringLiteral("s3://b/sp")),
                 QStringLiteral("s3://b/sp"));

        SnapshotSettings s;
        s.checkpointDir = QStringLiteral("s3://b/ck");
        s.checkpointDirFromSpec = true; // the script's SET stands
        s.savepointDir = QStringLiteral("/jobs/j/savepoints");
        s.restorePath = QStringLiteral("file:/jobs/old/savepoint-ab12cd-1");
        s.allowNonRestoredState = true;
        const QStringList set = s.flinkSettings();
        QVERIFY(
            !set.join(QLatin1Char('\n')).contains(QLatin1String("execution.checkpointing.dir=")));
        QVERIFY(set.contains(
            QStringLiteral("execution.checkpointing.savepoint-dir=file:///jobs/j/savepoints")));
        QVERIFY(set.contains(QStringLiteral(
            "execution.checkpointing.externalized-checkpoint-retention=RETAIN_ON_CANCELLATION")));
        QVERIFY(set.contains(
            QStringLiteral("execution.savepoint.path=file:/jobs/old/savepoint-ab12cd-1")));
        QVERIFY(set.contains(QStringLiteral("execution.savepoint.ignore-unclaimed-state=true")));

        QTemporaryDir tmp;
        QCOMPARE(s.save(tmp.path()), QString());
        const SnapshotSettings back = SnapshotSettings::load(tmp.path());
        QCOMPARE(back.flinkSettings(), set);
        QVERIFY(SnapshotSettings::load(tmp.filePath(QStringLiteral("none"))).restorePath.isEmpty());
    }

    void snapshotsOnDisk()
    {
        QTemporaryDir tmp;
        const QString jid = QStringLiteral("ab12cd00000000000000000000000000");
        // Flink checkpoints: only complete ones (with _metadata) count; the highest number wins.
        writeFile(tmp.filePath(QStringLiteral("ck/%1/chk-2/_metadata").arg(jid)), "m");
        writeFile(tmp.filePath(QStringLiteral("ck/%1/chk-10/_metadata").arg(jid)), "m");
        QDir().mkpath(tmp.filePath(QStringLiteral("ck/%1/chk-11").arg(jid)));
        QCOMPARE(SnapshotFiles::flinkCheckpoint(
                     QStringLiteral("file://") + tmp.filePath(QStringLiteral("ck")), jid),
                 QStringLiteral("file:") + tmp.filePath(QStringLiteral("ck/%1/chk-10").arg(jid)));
        QCOMPARE(SnapshotFiles::flinkCheckpoint(tmp.filePath(QStringLiteral("ck")),
                                                QStringLiteral("other")),
                 QString());
        // Flink savepoints of this job written since the trigger.
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-5);
        writeFile(tmp.filePath(QStringLiteral("sp/savepoint-ab12cd-0123456789ab/_metadata")),
                  "12345");
        writeFile(tmp.filePath(QStringLiteral("sp/savepoint-ffffff-0123456789ab/_metadata")), "x");
        QCOMPARE(SnapshotFiles::flinkSavepoint(tmp.filePath(QStringLiteral("sp")), jid, before),
                 QStringLiteral("file:") +
                     tmp.filePath(QStringLiteral("sp/savepoint-ab12cd-0123456789ab")));
        QCOMPARE(SnapshotFiles::flinkSavepoint(tmp.filePath(QStringLiteral("sp")), jid,
                                               QDateTime::currentDateTimeUtc().addSecs(60)),
                 QString());
        QCOMPARE(SavepointRecord::sizeOnDisk(
                     tmp.filePath(QStringLiteral("sp/savepoint-ab12cd-0123456789ab"))),
                 std::optional<qint64>(5));
        QVERIFY(!SavepointRecord::sizeOnDisk(tmp.filePath(QStringLiteral("nothing"))));
        QCOMPARE(SavepointRecord::localPath(QStringLiteral("file:///a/b")), QStringLiteral("/a/b"));
        QCOMPARE(SavepointRecord::localPath(QStringLiteral("s3://a/b")), QString());
        // Spark: one checkpoint per streaming query (<base>/<app>/<sink>/offsets).
        writeFile(tmp.filePath(QStringLiteral("spark/app/sink_a/offsets/0")), "v1\n{}");
        writeFile(tmp.filePath(QStringLiteral("spark/app/sink_a/metadata")), "{}");
        QDir().mkpath(tmp.filePath(QStringLiteral("spark/app/not_a_query")));
        const auto spark = SnapshotFiles::sparkCheckpoints(QStringLiteral("job-s"),
                                                           tmp.filePath(QStringLiteral("spark")));
        QCOMPARE(spark.size(), 1);
        QCOMPARE(spark.first().path, tmp.filePath(QStringLiteral("spark/app/sink_a")));
        QCOMPARE(spark.first().kind, QStringLiteral("checkpoint"));
        QCOMPARE(spark.first().sizeBytes, std::optional<qint64>(7)); // "v1\n{}" + "{}"
    }

    void restoreRequestShape_data()
    {
        QTest::addColumn<QByteArray>("restore");
        QTest::addColumn<QString>("problem");
        QTest::newRow("from_job") << QByteArray(R"({"from_job": "job-1"})") << QString();
        QTest::newRow("path, allow")
            << QByteArray(R"({"path": "/x", "allow_non_restored_state": true})") << QString();
        QTest::newRow("fresh") << QByteArray(R"({"fresh": true})") << QString();
        QTest::newRow("two") << QByteArray(R"({"from_job": "job-1", "path": "/x"})")
                             << QStringLiteral("exactly one of");
        QTest::newRow("none") << QByteArray(R"({"allow_non_restored_state": true})")
                              << QStringLiteral("exactly one of");
        QTest::newRow("unknown key")
            << QByteArray(R"({"from": "job-1"})") << QStringLiteral("unknown key");
        QTest::newRow("not bool") << QByteArray(R"({"fresh": "yes"})")
                                  << QStringLiteral("true or false");
        QTest::newRow("not object")
            << QByteArray(R"("job-1")") << QStringLiteral("must be an object");
    }

    void restoreRequestShape()
    {
        QFETCH(QByteArray, restore);
        QFETCH(QString, problem);
        const QByteArray body =
            R"({"name": "n", "config": {"engine": "flink", "flink": {"sql": "SELECT 1"}, "restore": )" +
            restore + "}}";
        JobRequest req;
        const auto p = JobRequest::parse(body, &req);
        if (problem.isEmpty()) {
            QVERIFY2(!p, p ? QJsonDocument(p->details).toJson().constData() : "");
            QVERIFY(!req.restore.isEmpty());
            return;
        }
        QVERIFY(p);
        QCOMPARE(p->httpStatus, 400);
        QVERIFY2(QJsonDocument(p->details).toJson().contains(problem.toUtf8()),
                 QJsonDocument(p->details).toJson().constData());
    }

    // The routes of a real server whose Flink runner is a script that says where its
    // mini-cluster's REST API is (a closed port: Flink cannot be reached) and then runs on.
    void routesRestoreAndRefusals()
    {
        QTemporaryDir tmp;
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 closedPort = closed.serverPort();
        closed.close();
        const QString runner = tmp.filePath(QStringLiteral("flink-runner"));
        writeFile(
            runner,
            QStringLiteral("#!/bin/sh\necho \"args: $*\"\n"
                           "echo \"uis-runner: job 0123456789abcdef0123456789abcdef submitted\"\n"
                           "echo \"uis-runner: job 0123456789abcdef0123456789abcdef rest "
                           "http://127.0.0.1:%1\"\n"
                           "trap 'exit 0' TERM\nwhile true; do sleep 0.2; done\n")
                .arg(closedPort)
                .toUtf8());
        QFile::setPermissions(runner, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        ServerConfig c;
        c.port = 0;
        c.dataDir = tmp.filePath(QStringLiteral("data"));
        c.runner.flink = runner;
        c.runner.runnersDir = QStringLiteral(UIS_SOURCE_DIR "/runners");
        c.runner.killGraceMs = 2000;
        DcpServer server(c);
        QCOMPARE(server.start(), QString());
        const QByteArray token = server.token();
        auto url = [&](const QString &path) {
            QUrl u = server.url();
            u.setPath(path);
            return u;
        };
        auto post = [&](const QString &path, const QByteArray &body) {
            return send("POST", url(path), token, body);
        };
        auto status = [&](const QString &id) {
            return send("GET", url(QStringLiteral("/api/v1/jobs/") + id), token).json;
        };

        // Unknown jobs, and a restore that names nothing usable: refused, nothing stored.
        QCOMPARE(post(QStringLiteral("/api/v1/jobs/job-x/savepoints"), {}).status, 404);
        QCOMPARE(send("GET", url(QStringLiteral("/api/v1/jobs/job-x/savepoints")), token).status,
                 404);
        Reply r = post(
            QStringLiteral("/api/v1/jobs"),
            flinkJob(QStringLiteral("a"), {{QStringLiteral("from_job"), QStringLiteral("job-x")}}));
        QCOMPARE(r.status, 400);
        QCOMPARE(code(r), QStringLiteral("invalid_restore"));
        r = post(QStringLiteral("/api/v1/jobs"),
                 flinkJob(QStringLiteral("a"),
                          {{QStringLiteral("path"), tmp.filePath(QStringLiteral("nope"))}}));
        QCOMPARE(r.status, 400);
        QVERIFY2(message(r).contains(QLatin1String("does not exist")), qPrintable(message(r)));
        QCOMPARE(server.store()->size(), 0);

        // A running job: its runner told where Flink is; Flink does not answer there.
        r = post(QStringLiteral("/api/v1/jobs"), flinkJob(QStringLiteral("a")));
        QCOMPARE(r.status, 201);
        const QString a = r.json.value(QLatin1String("job_id")).toString();
        QVERIFY(waitFor([&] {
            return status(a).value(QLatin1String("engine_job_id")).toString() ==
                   QLatin1String("0123456789abcdef0123456789abcdef");
        }));
        // A job that never ran has no snapshot to restore from.
        r = post(QStringLiteral("/api/v1/jobs"),
                 flinkJob(QStringLiteral("b"), {{QStringLiteral("from_job"), a}}));
        QCOMPARE(r.status, 409);
        QCOMPARE(code(r), QStringLiteral("no_snapshot"));
        // Its snapshot folders are under its own folder, passed to the runner.
        const QString log = [&] {
            QFile f(server.store()->logPath(a));
            f.open(QIODevice::ReadOnly);
            return QString::fromUtf8(f.readAll());
        }();
        QVERIFY2(
            log.contains(QStringLiteral("execution.checkpointing.dir=file://%1/jobs/%2/checkpoints")
                             .arg(server.dataDir(), a)),
            qPrintable(log));
        QVERIFY(!log.contains(QLatin1String("execution.savepoint.path")));

        r = send("POST", url(QStringLiteral("/api/v1/jobs/%1/stop").arg(a)), token,
                 R"({"drain": true, "savepoint": false})");
        QCOMPARE(r.status, 400);
        r = send("POST", url(QStringLiteral("/api/v1/jobs/%1/stop").arg(a)), token,
                 R"({"savepoint": 1})");
        QCOMPARE(r.status, 400);
        // A savepoint Flink cannot take: FAILED with the reason, and the job runs on.
        r = post(QStringLiteral("/api/v1/jobs/%1/savepoints").arg(a), {});
        QCOMPARE(r.status, 202);
        const QString sp = r.json.value(QLatin1String("savepoint_id")).toString();
        QCOMPARE(r.json.value(QLatin1String("status")).toString(), QStringLiteral("IN_PROGRESS"));
        auto record = [&](const QString &job, const QString &sid) {
            const QJsonObject list =
                send("GET", url(QStringLiteral("/api/v1/jobs/%1/savepoints").arg(job)), token).json;
            for (const QJsonValue &v : list.value(QLatin1String("savepoints")).toArray()) {
                if (v.toObject().value(QLatin1String("savepoint_id")).toString() == sid)
                    return v.toObject();
            }
            return QJsonObject();
        };
        QVERIFY(waitFor([&] {
            return record(a, sp).value(QLatin1String("status")) == QLatin1String("FAILED");
        }));
        QVERIFY2(record(a, sp)
                     .value(QLatin1String("error"))
                     .toString()
                     .contains(QString::number(closedPort)),
                 QJsonDocument(record(a, sp)).toJson().constData());
        // A stop whose savepoint fails leaves the job running; a cancel afterwards is a cancel.
        r = send("POST", url(QStringLiteral("/api/v1/jobs/%1/stop").arg(a)), token,
                 R"({"savepoint": true})");
        QCOMPARE(r.status, 202);
        const QString stopSp = r.json.value(QLatin1String("savepoint_id")).toString();
        QCOMPARE(r.json.value(QLatin1String("origin")).toString(), QStringLiteral("stop"));
        QVERIFY(waitFor([&] {
            return record(a, stopSp).value(QLatin1String("status")) == QLatin1String("FAILED");
        }));
        QCOMPARE(status(a).value(QLatin1String("status")).toString(), QStringLiteral("RUNNING"));
        QCOMPARE(send("DELETE", url(QStringLiteral("/api/v1/jobs/") + a), token).status, 202);
        QVERIFY(waitFor([&] {
            return status(a).value(QLatin1String("status")) == QLatin1String("CANCELLED");
        }));
        r = post(QStringLiteral("/api/v1/jobs/%1/savepoints").arg(a), {});
        QCOMPARE(r.status, 409);
        QCOMPARE(code(r), QStringLiteral("job_not_running"));

        // A completed savepoint in the record (as Flink would have reported it): a restore from
        // the job starts from it, and the delete is explicit and recorded.
        const QString spDir = tmp.filePath(QStringLiteral("sp/savepoint-012345-aaaaaaaaaaaa"));
        writeFile(spDir + QStringLiteral("/_metadata"), "meta");
        SavepointRecord done;
        done.id = QStringLiteral("sp-done");
        done.jobId = a;
        done.kind = QStringLiteral("savepoint");
        done.origin = QStringLiteral("trigger");
        done.status = QStringLiteral("COMPLETED");
        done.path = QStringLiteral("file:") + spDir;
        done.createdAt = QDateTime::currentDateTimeUtc();
        QCOMPARE(server.store()->savepoints().put(done), QString());
        r = post(QStringLiteral("/api/v1/jobs"),
                 flinkJob(QStringLiteral("a"), {{QStringLiteral("from_job"), a}}));
        QCOMPARE(r.status, 201);
        const QString b = r.json.value(QLatin1String("job_id")).toString();
        QCOMPARE(SnapshotSettings::load(server.store()->jobDir(b)).restorePath, done.path);
        QCOMPARE(SnapshotSettings::load(server.store()->jobDir(b)).restoredFromJob, a);
        QVERIFY(waitFor([&] {
            QFile f(server.store()->logPath(b));
            f.open(QIODevice::ReadOnly);
            return f.readAll().contains("execution.savepoint.path=file:" + spDir.toUtf8());
        }));
        QCOMPARE(send("DELETE", url(QStringLiteral("/api/v1/jobs/") + b), token).status, 202);

        r = send("DELETE", url(QStringLiteral("/api/v1/jobs/%1/savepoints/sp-done").arg(a)), token);
        QCOMPARE(
            send("DELETE", url(QStringLiteral("/api/v1/jobs/%1/savepoints/nope").arg(a)), token)
                .status,
            404);
        QUrl del = url(QStringLiteral("/api/v1/jobs/%1/savepoints/sp-done").arg(a));
        del.setQuery(QStringLiteral("user=alice"));
        // (the first DELETE above had no user: it is recorded as unknown)
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QLatin1String("status")).toString(), QStringLiteral("DELETED"));
        QCOMPARE(r.json.value(QLatin1String("deleted_by")).toString(), QStringLiteral("unknown"));
        QVERIFY(!QFileInfo::exists(spDir));
        r = send("DELETE", del, token);
        QCOMPARE(r.status, 409);
        QCOMPARE(code(r), QStringLiteral("already_deleted"));
        QCOMPARE(record(a, QStringLiteral("sp-done")).value(QLatin1String("status")).toString(),
                 QStringLiteral("DELETED"));
        // Nothing usable is left: a restore from the job is refused.
        r = post(QStringLiteral("/api/v1/jobs"),
                 flinkJob(QStringLiteral("a"), {{QStringLiteral("from_job"), a}}));
        QCOMPARE(r.status, 409);

        QSignalSpy stopped(&server, &DcpServer::stopped);
        server.shutdown();
        QVERIFY(stopped.wait(15000) || stopped.count() == 1);
    }
};

QTEST_GUILESS_MAIN(TestSavepoints)
#include "tst_savepoints.moc"
