// SPDX-License-Identifier: Apache-2.0
// dcp-local end to end: every endpoint and error code, idempotency, concurrency, real child
// processes (scripts standing in for the engines), cancel, and persistence across restarts.
#include "dcplocalserver.h"

#include "dcpclient.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSet>
#include <QTcpSocket>
#include <QTest>

#include <csignal>

using namespace uis;
using namespace uis::test;

namespace {

struct Raw
{
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QList<QNetworkReply::RawHeaderPair> headers;
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
};

Raw raw(const QByteArray &method, const QUrl &url, const QString &token, const QByteArray &body = {},
        const QList<QPair<QByteArray, QByteArray>> &headers = {})
{
    static QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest req(url);
    req.setTransferTimeout(60000);
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    for (const auto &h : headers)
        req.setRawHeader(h.first, h.second);
    if (!body.isNull())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = nam.sendCustomRequest(req, method, body);
    waitFor([reply] { return reply->isFinished(); });
    Raw r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.json = QJsonDocument::fromJson(r.body).object();
    r.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return r;
}

QString errorCode(const Raw &r)
{
    return r.json.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString();
}

/// A UIS job request whose compiled config the script engines do not read.
QJsonObject sparkJob(const QString &name = QStringLiteral("test-job"))
{
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("team"), QStringLiteral("data-infra")},
                       {QStringLiteral("user"), QStringLiteral("user@example.com")},
                       {QStringLiteral("config"),
                        QJsonObject{{QStringLiteral("spark_version"), QStringLiteral("3.5")},
                                    {QStringLiteral("job_type"), QStringLiteral("BATCH")},
                                    {QStringLiteral("uis"),
                                     QJsonObject{{QStringLiteral("spec_version"), QStringLiteral("1.1")},
                                                 {QStringLiteral("job_config"),
                                                  QJsonObject{{QStringLiteral("name"), name},
                                                              {QStringLiteral("spark_config"),
                                                               QJsonObject{{QStringLiteral("spark.sql.shuffle.partitions"),
                                                                            QStringLiteral("4")}}}}}}}}}};
}

QJsonObject flinkJob(const QString &sql)
{
    return QJsonObject{{QStringLiteral("name"), QStringLiteral("flink-job")},
                       {QStringLiteral("config"),
                        QJsonObject{{QStringLiteral("engine"), QStringLiteral("flink")},
                                    {QStringLiteral("job_type"), QStringLiteral("STREAMING")},
                                    {QStringLiteral("flink"), QJsonObject{{QStringLiteral("version"), QStringLiteral("1.20")},
                                                                          {QStringLiteral("sql"), sql}}}}}};
}

} // namespace

class TestDcpLocal : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DcpLocalServer> m_server;
    std::unique_ptr<DcpClient> m_client;
    QString m_spark;

    DcpClient &client() { return *m_client; }
    QUrl api(const QString &path) const
    {
        QUrl u = m_server->url();
        u.setPath(path);
        return u;
    }

    QString submitOk(const QJsonObject &job, const QString &key = {})
    {
        std::unique_ptr<DcpReply> r(client().submit(job, key));
        if (!r->wait(60000)) {
            qWarning("submit failed: %s", qPrintable(r->error().fullText()));
            return {};
        }
        return r->submitResult().jobId;
    }

    JobStatus statusOf(const QString &id)
    {
        std::unique_ptr<DcpReply> r(client().get(id));
        r->wait(60000);
        return r->status();
    }

    bool waitState(const QString &id, JobState state, int timeoutMs = 90000)
    {
        return waitFor([&] { return statusOf(id).state == state; }, timeoutMs);
    }

    QByteArray fullLog(const QString &id)
    {
        std::unique_ptr<DcpReply> r(client().logs(id, 0, 1024 * 1024));
        r->wait(60000);
        return r->logChunk().data;
    }

    void startServer(const QStringList &args = {})
    {
        QVERIFY2(m_server->start(args), qPrintable(m_server->output()));
        m_client = std::make_unique<DcpClient>();
        m_client->setBaseUrl(m_server->url());
        m_client->setToken(m_server->token());
        m_client->setTimeout(60000);
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<DcpLocalServer>();
        // Stands in for spark-submit: prints its arguments, then behaves as $UIS_TEST_MODE says.
        m_spark = m_server->script(
            QStringLiteral("spark-submit"),
            "echo \"fake-spark-submit $*\"\n"
            "echo $$ > \"$UIS_JOB_DIR/pid\"\n"
            "mode=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get(\"mode\",\"ok\"))' "
            "\"$(echo \"$@\" | sed 's/.*--job-config //')\" 2>/dev/null)\n"
            "case \"$mode\" in\n"
            "  ok) echo 'uis-runner: done'; exit 0;;\n"
            "  ui) echo \"INFO Utils: Successfully started service 'SparkUI' on port 4041.\"; "
            "echo \"checkpoints=$UIS_CHECKPOINT_DIR\"; exit 0;;\n"
            "  fail) echo 'uis-runner: FAILED: the source table does not exist'; exit 1;;\n"
            "  exit3) exit 3;;\n"
            "  secret) if [ \"$UIS_SECRET_DB_PASSWORD\" = \"s3cr3t-value\" ]; then echo 'secret present'; exit 0; fi; exit 4;;\n"
            "  sleep) trap 'echo got SIGTERM; exit 143' TERM; echo job-is-running; while true; do sleep 0.1; done;;\n"
            "  stubborn) trap 'echo ignoring SIGTERM' TERM; echo job-is-running; while true; do sleep 0.1; done;;\n"
            "  child) sleep 1000 & echo $! > \"$UIS_JOB_DIR/child\"; echo job-is-running; wait;;\n"
            "esac\n");
    }

    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void unauthorized()
    {
        startServer({QStringLiteral("--spark-submit"), m_spark});
        const Raw none = raw("GET", api(QStringLiteral("/api/v1/jobs")), QString());
        QCOMPARE(none.status, 401);
        QCOMPARE(errorCode(none), QStringLiteral("unauthorized"));
        QVERIFY(none.json.value(QLatin1String("error")).toObject().contains(QLatin1String("message")));
        QVERIFY(none.json.value(QLatin1String("error")).toObject().value(QLatin1String("details")).isArray());
        const Raw wrong = raw("GET", api(QStringLiteral("/api/v1/jobs")), QStringLiteral("not-the-token"));
        QCOMPARE(wrong.status, 401);
        QCOMPARE(raw("POST", api(QStringLiteral("/api/v1/jobs")), QStringLiteral("x"), "{}").status, 401);
        QCOMPARE(raw("GET", api(QStringLiteral("/api/v1/jobs/abc")), QString()).status, 401);
        QCOMPARE(raw("DELETE", api(QStringLiteral("/api/v1/jobs/abc")), QString()).status, 401);
        QCOMPARE(raw("GET", api(QStringLiteral("/api/v1/jobs/abc/logs")), QString()).status, 401);

        m_client->setToken(QStringLiteral("wrong"));
        std::unique_ptr<DcpReply> r(client().list());
        QVERIFY(!r->wait(60000));
        QCOMPARE(r->error().kind, DcpError::Kind::Unauthorized);
        QVERIFY2(r->error().message.startsWith(QLatin1String("token rejected")), qPrintable(r->error().message));
        QCOMPARE(r->attempts(), 1); // a 401 is not retried
    }

    void unknownPathsAndMethods()
    {
        startServer({QStringLiteral("--spark-submit"), m_spark});
        for (const QString &path : {QStringLiteral("/"), QStringLiteral("/api/v1"), QStringLiteral("/api/v2/jobs"),
                                    QStringLiteral("/api/v1/jobs/a/b/c"), QStringLiteral("/favicon.ico")}) {
            const Raw r = raw("GET", api(path), m_server->token());
            QCOMPARE(r.status, 404);
            QCOMPARE(errorCode(r), QStringLiteral("not_found"));
            QVERIFY(r.header("Content-Type").startsWith("application/json"));
        }
        const Raw put = raw("PUT", api(QStringLiteral("/api/v1/jobs")), m_server->token(), "{}");
        QCOMPARE(put.status, 405);
        QCOMPARE(errorCode(put), QStringLiteral("method_not_allowed"));
    }

    void submitStatusListLogs()
    {
        startServer({QStringLiteral("--spark-submit"), m_spark});
        const Raw created = raw("POST", api(QStringLiteral("/api/v1/jobs")), m_server->token(),
                                QJsonDocument(sparkJob()).toJson());
        QCOMPARE(created.status, 201);
        const QString id = created.json.value(QLatin1String("job_id")).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(created.json.value(QLatin1String("status")).toString(), QStringLiteral("PENDING"));
        QVERIFY(created.json.value(QLatin1String("created_at")).toString().endsWith(QLatin1Char('Z')));
        QCOMPARE(created.header("Location"), (QStringLiteral("/api/v1/jobs/") + id).toUtf8());
        QVERIFY(created.header("Content-Type").startsWith("application/json; charset=utf-8"));

        QVERIFY(waitState(id, JobState::Succeeded));
        const Raw st = raw("GET", api(QStringLiteral("/api/v1/jobs/") + id), m_server->token());
        QCOMPARE(st.status, 200);
        for (const char *key : {"job_id", "name", "team", "user", "engine", "job_type", "status", "engine_state",
                                "created_at", "started_at", "finished_at", "exit_code", "error", "ui_url"})
            QVERIFY2(st.json.contains(QLatin1String(key)), key);
        const JobStatus s = JobStatus::fromJson(st.json);
        QCOMPARE(s.name, QStringLiteral("test-job"));
        QCOMPARE(s.team, QStringLiteral("data-infra"));
        QCOMPARE(s.engine, QStringLiteral("spark"));
        QCOMPARE(s.jobType, QStringLiteral("BATCH"));
        QCOMPARE(s.engineState, QStringLiteral("FINISHED"));
        QCOMPARE(s.exitCode.value_or(-1), 0);
        QVERIFY(s.startedAt.isValid() && s.finishedAt.isValid() && s.startedAt <= s.finishedAt);

        // The engine got local[*], the compiled conf, the runner and the job config, in that order.
        const QByteArray log = fullLog(id);
        QVERIFY2(log.contains("fake-spark-submit --master local[*] --deploy-mode client --name test-job"), log);
        QVERIFY2(log.contains("--conf spark.sql.shuffle.partitions=4"), log);
        QVERIFY2(log.contains("uis_spark_runner.py --job-config "), log);
        QVERIFY2(log.contains("uis-runner: done"), log);

        // Logs by offset: pages join up to the whole log; the last page is complete.
        QByteArray joined;
        qint64 offset = 0;
        bool complete = false;
        for (int i = 0; i < 10000 && !complete; ++i) {
            const Raw page = raw("GET", api(QStringLiteral("/api/v1/jobs/%1/logs").arg(id)).toString() +
                                            QStringLiteral("?offset=%1&limit=7").arg(offset),
                                 m_server->token());
            QCOMPARE(page.status, 200);
            QCOMPARE(qint64(page.json.value(QLatin1String("offset")).toDouble()), offset);
            joined += page.json.value(QLatin1String("data")).toString().toUtf8();
            offset = qint64(page.json.value(QLatin1String("next_offset")).toDouble());
            complete = page.json.value(QLatin1String("complete")).toBool();
        }
        QVERIFY(complete);
        QCOMPARE(joined, log);
        const Raw text = raw("GET", QUrl(api(QStringLiteral("/api/v1/jobs/%1/logs").arg(id)).toString() + QStringLiteral("?offset=5")),
                             m_server->token(), {}, {{"Accept", "text/plain"}});
        QCOMPARE(text.status, 200);
        QVERIFY(text.header("Content-Type").startsWith("text/plain"));
        QCOMPARE(text.body, log.mid(5));
        QCOMPARE(raw("GET", QUrl(api(QStringLiteral("/api/v1/jobs/%1/logs").arg(id)).toString() + QStringLiteral("?offset=-1")),
                     m_server->token()).status,
                 400);

        // List: newest first, filters, limit and cursor.
        const QString second = submitOk(sparkJob(QStringLiteral("second")));
        QVERIFY(waitState(second, JobState::Succeeded));
        std::unique_ptr<DcpReply> all(client().list());
        QVERIFY(all->wait(60000));
        QCOMPARE(all->jobList().jobs.size(), 2);
        QCOMPARE(all->jobList().jobs.at(0).jobId, second);
        QVERIFY(all->jobList().nextCursor.isEmpty());
        JobListQuery q;
        q.limit = 1;
        std::unique_ptr<DcpReply> page1(client().list(q));
        QVERIFY(page1->wait(60000));
        QCOMPARE(page1->jobList().jobs.size(), 1);
        QVERIFY(!page1->jobList().nextCursor.isEmpty());
        q.cursor = page1->jobList().nextCursor;
        std::unique_ptr<DcpReply> page2(client().list(q));
        QVERIFY(page2->wait(60000));
        QCOMPARE(page2->jobList().jobs.size(), 1);
        QCOMPARE(page2->jobList().jobs.at(0).jobId, id);
        QVERIFY(page2->jobList().nextCursor.isEmpty());
        JobListQuery byStatus;
        byStatus.status = QStringLiteral("FAILED");
        std::unique_ptr<DcpReply> none(client().list(byStatus));
        QVERIFY(none->wait(60000));
        QCOMPARE(none->jobList().jobs.size(), 0);
        QCOMPARE(raw("GET", QUrl(api(QStringLiteral("/api/v1/jobs")).toString() + QStringLiteral("?limit=0")), m_server->token()).status, 400);
        QCOMPARE(raw("GET", QUrl(api(QStringLiteral("/api/v1/jobs")).toString() + QStringLiteral("?status=BOGUS")), m_server->token()).status, 400);
        QCOMPARE(raw("GET", QUrl(api(QStringLiteral("/api/v1/jobs")).toString() + QStringLiteral("?cursor=xyz")), m_server->token()).status, 400);
    }

    void badRequests()
    {
        startServer({QStringLiteral("--spark-submit"), m_spark});
        const QString t = m_server->token();
        const QUrl jobs = api(QStringLiteral("/api/v1/jobs"));
        for (const QByteArray &body : {QByteArray("{\"name\": "), QByteArray("not json"), QByteArray(""),
                                       QByteArray("[1,2]"), QByteArray("\"text\"")}) {
            const Raw r = raw("POST", jobs, t, body);
            QCOMPARE(r.status, 400);
            QCOMPARE(errorCode(r), QStringLiteral("invalid_json"));
        }
        const Raw noName = raw("POST", jobs, t, R"({"config": {"job_type": "SOMETIMES", "uis": {"job_config": {}}}})");
        QCOMPARE(noName.status, 400);
        QCOMPARE(errorCode(noName), QStringLiteral("invalid_job"));
        const QJsonArray details = noName.json.value(QLatin1String("error")).toObject().value(QLatin1String("details")).toArray();
        QCOMPARE(details.size(), 3); // no name, bad job_type, nothing to run

        std::unique_ptr<DcpReply> r(client().submitRaw("{oops"));
        QVERIFY(!r->wait(60000));
        QCOMPARE(r->error().kind, DcpError::Kind::Invalid);
        QCOMPARE(r->attempts(), 1);
        QVERIFY(r->error().message.contains(QLatin1String("not valid JSON")));

        // 422: a spec that parses but fails the core validator; details are its diagnostics.
        QJsonObject job = sparkJob();
        QJsonObject config = job.value(QLatin1String("config")).toObject();
        QJsonObject uisPart = config.value(QLatin1String("uis")).toObject();
        uisPart.insert(QStringLiteral("spec"), QStringLiteral("spec_version: '1.1'\nname: broken\nmode: teleport\n"));
        config.insert(QStringLiteral("uis"), uisPart);
        job.insert(QStringLiteral("config"), config);
        std::unique_ptr<DcpReply> v(client().submit(job));
        QVERIFY(!v->wait(60000));
        QCOMPARE(v->httpStatus(), 422);
        QCOMPARE(v->error().kind, DcpError::Kind::Validation);
        QVERIFY(!v->error().diagnostics.isEmpty());
        for (const Diagnostic &d : v->error().diagnostics)
            QVERIFY(!d.code.isEmpty() && !d.message.isEmpty());

        // 413: over the 4 MiB default.
        QByteArray huge = "{\"name\": \"big\", \"config\": {\"pad\": \"" + QByteArray(4 * 1024 * 1024 + 10, 'x') + "\"}}";
        const Raw big = raw("POST", jobs, t, huge);
        QCOMPARE(big.status, 413);
        QCOMPARE(errorCode(big), QStringLiteral("payload_too_large"));

        // A body declared over the limit is refused as soon as the headers arrive, before (and
        // without) reading it.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_server->url().port()));
        QVERIFY(socket.waitForConnected(30000));
        socket.write("POST /api/v1/jobs HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + t.toUtf8() +
                     "\r\nContent-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n{\"name\":");
        QByteArray answer;
        QVERIFY(waitFor([&] {
            socket.waitForReadyRead(100);
            answer += socket.readAll();
            return answer.contains("payload_too_large");
        }));
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());

        // 404s.
        QCOMPARE(raw("GET", api(QStringLiteral("/api/v1/jobs/job-nope")), t).status, 404);
        QCOMPARE(errorCode(raw("GET", api(QStringLiteral("/api/v1/jobs/job-nope")), t)), QStringLiteral("job_not_found"));
        QCOMPARE(raw("GET", api(QStringLiteral("/api/v1/jobs/job-nope/logs")), t).status, 404);
        QCOMPARE(raw("DELETE", api(QStringLiteral("/api/v1/jobs/job-nope")), t).status, 404);
        std::unique_ptr<DcpReply> nf(client().get(QStringLiteral("job-nope")));
        QVERIFY(!nf->wait(60000));
        QCOMPARE(nf->error().kind, DcpError::Kind::NotFound);
        QVERIFY2(nf->error().message.startsWith(QLatin1String("job not found")), qPrintable(nf->error().message));
        QCOMPARE(nf->attempts(), 1);

        // 409: cancelling a finished job.
        const QString id = submitOk(sparkJob());
        QVERIFY(waitState(id, JobState::Succeeded));
        const Raw conflict = raw("DELETE", api(QStringLiteral("/api/v1/jobs/") + id), t);
        QCOMPARE(conflict.status, 409);
        QCOMPARE(errorCode(conflict), QStringLiteral("job_finished"));
        std::unique_ptr<DcpReply> c(client().cancel(id));
        QVERIFY(!c->wait(60000));
        QCOMPARE(c->error().kind, DcpError::Kind::Conflict);
    }

    void idempotency()
    {
        startServer({QStringLiteral("--spark-submit"), m_spark});
        const QString key = DcpClient::newIdempotencyKey();
        const QString a = submitOk(sparkJob(), key);
        const QString b = submitOk(sparkJob(), key);
        QVERIFY(!a.isEmpty());
        QCOMPARE(b, a);
        const QString c = submitOk(sparkJob());
        QVERIFY(c != a);
        std::unique_ptr<DcpReply> l(client().list());
        QVERIFY(l->wait(60000));
        QCOMPARE(l->jobList().jobs.size(), 2);
        // The key survives a restart.
        QCOMPARE(m_server->stop(), 0);
        startServer({QStringLiteral("--spark-submit"), m_spark});
        QCOMPARE(submitOk(sparkJob(), key), a);
    }

    void concurrentSubmits()
    {
        startServer({QStringLiteral("--spark-submit"), m_spark, QStringLiteral("--max-concurrent"), QStringLiteral("2")});
        // 100 submits in flight at once (QNetworkAccessManager opens several connections per host).
        QList<DcpReply *> replies;
        for (int i = 0; i < 100; ++i)
            replies.append(client().submit(sparkJob(QStringLiteral("c%1").arg(i))));
        QVERIFY(waitFor([&] { return std::all_of(replies.begin(), replies.end(), [](DcpReply *r) { return r->isFinished(); }); }, 180000));
        QSet<QString> ids;
        for (DcpReply *r : replies) {
            QVERIFY2(r->isOk(), qPrintable(r->error().fullText()));
            ids.insert(r->submitResult().jobId);
        }
        qDeleteAll(replies);
        QCOMPARE(ids.size(), 100);
        JobListQuery q;
        q.limit = 500;
        std::unique_ptr<DcpReply> l(client().list(q));
        QVERIFY(l->wait(60000));
        QSet<QString> listed;
        for (const JobStatus &s : l->jobList().jobs)
            listed.insert(s.jobId);
        QCOMPARE(listed, ids);
        QCOMPARE(l->jobList().jobs.size(), 100);
        // All of them run to the end, never more than two at a time.
        QVERIFY(waitFor([&] {
            std::unique_ptr<DcpReply> r(client().list(q));
            r->wait(60000);
            const auto jobs = r->jobList().jobs;
            return std::all_of(jobs.begin(), jobs.end(), [](const JobStatus &s) { return s.state == JobState::Succeeded; });
        }, 300000));
    }

    void failuresAndSecrets()
    {
        startServer({QStringLiteral("--spark-submit"), m_spark});
        auto withMode = [](const QString &mode) {
            QJsonObject job = sparkJob(mode);
            QJsonObject config = job.value(QLatin1String("config")).toObject();
            QJsonObject uisPart = config.value(QLatin1String("uis")).toObject();
            QJsonObject jc = uisPart.value(QLatin1String("job_config")).toObject();
            jc.insert(QStringLiteral("mode"), mode);
            uisPart.insert(QStringLiteral("job_config"), jc);
            config.insert(QStringLiteral("uis"), uisPart);
            job.insert(QStringLiteral("config"), config);
            return job;
        };
        const QString failed = submitOk(withMode(QStringLiteral("fail")));
        const QString exit3 = submitOk(withMode(QStringLiteral("exit3")));
        QVERIFY(waitState(failed, JobState::Failed));
        QVERIFY(waitState(exit3, JobState::Failed));
        QCOMPARE(statusOf(failed).error, QStringLiteral("the source table does not exist"));
        QCOMPARE(statusOf(exit3).exitCode.value_or(-1), 3);
        QVERIFY(statusOf(exit3).error.contains(QLatin1String("status 3")));

        QJsonObject secretJob = withMode(QStringLiteral("secret"));
        secretJob.insert(QStringLiteral("runtime_env"), QJsonObject{{QStringLiteral("UIS_SECRET_DB_PASSWORD"),
                                                                     QStringLiteral("s3cr3t-value")}});
        const QString secret = submitOk(secretJob);
        QVERIFY(waitState(secret, JobState::Succeeded));
        QVERIFY(fullLog(secret).contains("secret present"));
        QCOMPARE(m_server->stop(), 0);
        // The value reached the job but was never written anywhere in the data directory.
        QDirIterator it(m_server->dataDir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains("s3cr3t-value"), qPrintable(f.fileName()));
        }
        // Token and job files are private.
        QCOMPARE(QFile::permissions(m_server->dataDir() + QStringLiteral("/token")) & 0x0077, QFileDevice::Permissions());
    }

    // Spark 3.5 names the UI port, not its URL; each job keeps its checkpoints in its own folder.
    void uiUrlAndCheckpointDir()
    {
        startServer({QStringLiteral("--spark-submit"), m_spark});
        QJsonObject job = sparkJob(QStringLiteral("ui"));
        QJsonObject config = job.value(QLatin1String("config")).toObject();
        QJsonObject uisPart = config.value(QLatin1String("uis")).toObject();
        QJsonObject jc = uisPart.value(QLatin1String("job_config")).toObject();
        jc.insert(QStringLiteral("mode"), QStringLiteral("ui"));
        uisPart.insert(QStringLiteral("job_config"), jc);
        config.insert(QStringLiteral("uis"), uisPart);
        job.insert(QStringLiteral("config"), config);
        const QString id = submitOk(job);
        QVERIFY(waitState(id, JobState::Succeeded));
        QCOMPARE(statusOf(id).uiUrl, QStringLiteral("http://localhost:4041"));
        QVERIFY2(fullLog(id).contains("checkpoints=" + m_server->dataDir().toUtf8()), fullLog(id).constData());
        QVERIFY(fullLog(id).contains("/checkpoints"));
    }

    void cancelRunningProcess()
    {
        startServer({QStringLiteral("--spark-submit"), m_spark, QStringLiteral("--kill-grace"), QStringLiteral("2")});
        auto withMode = [](const QString &mode) {
            QJsonObject job = sparkJob(mode);
            QJsonObject config = job.value(QLatin1String("config")).toObject();
            QJsonObject uisPart = config.value(QLatin1String("uis")).toObject();
            QJsonObject jc = uisPart.value(QLatin1String("job_config")).toObject();
            jc.insert(QStringLiteral("mode"), mode);
            uisPart.insert(QStringLiteral("job_config"), jc);
            config.insert(QStringLiteral("uis"), uisPart);
            job.insert(QStringLiteral("config"), config);
            return job;
        };
        auto pidOf = [&](const QString &id, const char *file) {
            QFile f(m_server->dataDir() + QStringLiteral("/jobs/%1/%2").arg(id, QLatin1String(file)));
            return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toLongLong() : 0;
        };
        auto alive = [](qint64 pid) { return pid > 0 && ::kill(pid_t(pid), 0) == 0; };

        // A job that stops on SIGTERM.
        const QString id = submitOk(withMode(QStringLiteral("sleep")));
        QVERIFY(waitState(id, JobState::Running));
        QVERIFY(waitFor([&] { return fullLog(id).contains("job-is-running"); }));
        const qint64 pid = pidOf(id, "pid");
        QVERIFY(alive(pid));
        std::unique_ptr<DcpReply> c(client().cancel(id));
        QVERIFY2(c->wait(60000), qPrintable(c->error().fullText()));
        QCOMPARE(c->httpStatus(), 202);
        QVERIFY(waitState(id, JobState::Cancelled));
        QVERIFY(waitFor([&] { return !alive(pid); }));
        QVERIFY2(fullLog(id).contains("got SIGTERM"), fullLog(id).right(300).constData());
        QCOMPARE(statusOf(id).engineState, QStringLiteral("KILLED"));

        // A job that ignores SIGTERM gets SIGKILL after the grace period; its children go too.
        const QString stubborn = submitOk(withMode(QStringLiteral("stubborn")));
        QVERIFY(waitFor([&] { return fullLog(stubborn).contains("job-is-running"); }));
        std::unique_ptr<DcpReply> c2(client().cancel(stubborn));
        QVERIFY(c2->wait(60000));
        QVERIFY(waitState(stubborn, JobState::Cancelled));
        QVERIFY(fullLog(stubborn).contains("SIGKILL"));

        const QString withChild = submitOk(withMode(QStringLiteral("child")));
        QVERIFY(waitFor([&] { return pidOf(withChild, "child") > 0; }));
        const qint64 child = pidOf(withChild, "child");
        QVERIFY(alive(child));
        std::unique_ptr<DcpReply> c3(client().cancel(withChild));
        QVERIFY(c3->wait(60000));
        QVERIFY(waitState(withChild, JobState::Cancelled));
        QVERIFY2(waitFor([&] { return !alive(child); }), "the child of the job outlived the cancel");

        // A PENDING job is cancelled at once and never starts.
        m_server->stop();
        startServer({QStringLiteral("--spark-submit"), m_spark, QStringLiteral("--max-concurrent"), QStringLiteral("1")});
        const QString first = submitOk(withMode(QStringLiteral("sleep")));
        const QString queued = submitOk(withMode(QStringLiteral("ok")));
        QVERIFY(waitState(first, JobState::Running));
        QCOMPARE(statusOf(queued).state, JobState::Pending);
        std::unique_ptr<DcpReply> c4(client().cancel(queued));
        QVERIFY(c4->wait(60000));
        QCOMPARE(c4->status().state, JobState::Cancelled);
        std::unique_ptr<DcpReply> c5(client().cancel(first));
        QVERIFY(c5->wait(60000));
        QVERIFY(waitState(first, JobState::Cancelled));
        QVERIFY(!fullLog(queued).contains("fake-spark-submit"));
    }

    void restartPersistence()
    {
        startServer({QStringLiteral("--spark-submit"), m_spark, QStringLiteral("--max-concurrent"), QStringLiteral("1")});
        QJsonObject sleeper = sparkJob(QStringLiteral("sleeper"));
        {
            QJsonObject config = sleeper.value(QLatin1String("config")).toObject();
            QJsonObject uisPart = config.value(QLatin1String("uis")).toObject();
            QJsonObject jc = uisPart.value(QLatin1String("job_config")).toObject();
            jc.insert(QStringLiteral("mode"), QStringLiteral("sleep"));
            uisPart.insert(QStringLiteral("job_config"), jc);
            config.insert(QStringLiteral("uis"), uisPart);
            sleeper.insert(QStringLiteral("config"), config);
        }
        const QString done = submitOk(sparkJob(QStringLiteral("done")));
        QVERIFY(waitState(done, JobState::Succeeded));
        const QByteArray doneLog = fullLog(done);
        const QString running = submitOk(sleeper);
        const QString pending = submitOk(sparkJob(QStringLiteral("pending")));
        QVERIFY(waitState(running, JobState::Running));
        QVERIFY(waitFor([&] { return fullLog(running).contains("job-is-running"); }));
        QCOMPARE(statusOf(pending).state, JobState::Pending);

        // A crash: the running job becomes FAILED (with an error that says so), the pending one runs.
        m_server->crash();
        startServer({QStringLiteral("--spark-submit"), m_spark, QStringLiteral("--max-concurrent"), QStringLiteral("1")});
        const JobStatus lost = statusOf(running);
        QCOMPARE(lost.state, JobState::Failed);
        QVERIFY2(lost.error.contains(QLatin1String("dcp-local stopped while the job was running")), qPrintable(lost.error));
        QVERIFY(fullLog(running).contains("job-is-running"));
        QCOMPARE(statusOf(done).state, JobState::Succeeded);
        QCOMPARE(fullLog(done), doneLog);
        QVERIFY(waitState(pending, JobState::Succeeded));

        // A clean SIGTERM: exit 0, the running job is FAILED as shut down, records are kept.
        const QString second = submitOk(sleeper);
        QVERIFY(waitState(second, JobState::Running));
        QCOMPARE(m_server->stop(), 0);
        QVERIFY(m_server->output().contains(QLatin1String("stopped")));
        startServer({QStringLiteral("--spark-submit"), m_spark});
        const JobStatus stopped = statusOf(second);
        QCOMPARE(stopped.state, JobState::Failed);
        QVERIFY2(stopped.error.contains(QLatin1String("shut down")), qPrintable(stopped.error));
        std::unique_ptr<DcpReply> l(client().list());
        QVERIFY(l->wait(60000));
        QCOMPARE(l->jobList().jobs.size(), 4);
    }

    void flinkJobsAndMissingEngines()
    {
        const QString flink = m_server->script(QStringLiteral("flink-python"),
                                               "echo \"fake-flink $1 $2\"; cat \"$3\"\n"
                                               "echo 'uis-runner: job 6a69 state RUNNING'\n"
                                               "echo 'uis-runner: job 6a69 state INITIALIZING_DONE'\n"
                                               "sleep 1; exit 0\n");
        startServer({QStringLiteral("--spark-submit"), m_spark, QStringLiteral("--flink"), flink});
        const QString id = submitOk(flinkJob(QStringLiteral("SET 'pipeline.name' = 'uis-test';\nSELECT 1;\n")));
        // The engine's own state comes from the runner's `state` lines while the job runs.
        QVERIFY(waitFor([&] { return statusOf(id).engineState == QLatin1String("INITIALIZING_DONE"); }));
        QVERIFY(waitState(id, JobState::Succeeded));
        QCOMPARE(statusOf(id).engineState, QStringLiteral("FINISHED"));
        const QByteArray log = fullLog(id);
        QVERIFY2(log.contains("uis_flink_runner.py --sql"), log);
        QVERIFY2(log.contains("SET 'pipeline.name' = 'uis-test';"), log);
        QCOMPARE(statusOf(id).engine, QStringLiteral("flink"));
        m_server->stop();

        // No engines installed: the jobs fail, and their logs say what to install. Runners outside
        // a checkout (as installed) and an empty per-user engines folder.
        QTemporaryDir empty;
        QDir(empty.path()).mkpath(QStringLiteral("runners/spark"));
        QDir(empty.path()).mkpath(QStringLiteral("runners/flink"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("UIS_RUNNERS_DIR"), empty.path() + QStringLiteral("/runners"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), empty.path() + QStringLiteral("/data"));
        env.remove(QStringLiteral("UIS_ENGINES_DIR"));
        env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
        QVERIFY(m_server->start({}, env));
        m_client->setBaseUrl(m_server->url());
        const QString spark = submitOk(sparkJob());
        const QString flinkJobId = submitOk(flinkJob(QStringLiteral("SELECT 1;")));
        QVERIFY(waitState(spark, JobState::Failed));
        QVERIFY(waitState(flinkJobId, JobState::Failed));
        QVERIFY2(fullLog(spark).contains("pyspark is not installed: run `uisctl engines install`"),
                 fullLog(spark));
        QVERIFY2(
            fullLog(flinkJobId).contains("PyFlink is not installed: run `uisctl engines install`"),
            fullLog(flinkJobId));
        QVERIFY(statusOf(spark).error.contains(QLatin1String("uisctl engines install")));
    }

    void upgradeCheckRefusals()
    {
        const QString flink =
            m_server->script(QStringLiteral("flink-python"), "echo 'uis-runner: done'; exit 0\n");
        startServer({QStringLiteral("--spark-submit"), m_spark, QStringLiteral("--flink"), flink});
        const QByteArray next = QJsonDocument(flinkJob(QStringLiteral("SELECT 1;"))).toJson();
        const QString check = QStringLiteral("/api/v1/jobs/%1/upgrade-check");
        QCOMPARE(raw("POST", api(check.arg(QStringLiteral("job-x"))), QString(), next).status, 401);
        const Raw unknown =
            raw("POST", api(check.arg(QStringLiteral("job-x"))), m_server->token(), next);
        QCOMPARE(unknown.status, 404);
        QCOMPARE(errorCode(unknown), QStringLiteral("not_found"));

        const QString id = submitOk(flinkJob(QStringLiteral("SELECT 1;")));
        QVERIFY(waitState(id, JobState::Succeeded));
        // The job left no savepoint or checkpoint in its folder: nothing to check against.
        const Raw none = raw("POST", api(check.arg(id)), m_server->token(), next);
        QCOMPARE(none.status, 409);
        QCOMPARE(errorCode(none), QStringLiteral("no_snapshot"));
        const Raw other =
            raw("POST", api(check.arg(id)), m_server->token(), QJsonDocument(sparkJob()).toJson());
        QCOMPARE(other.status, 409);
        QCOMPARE(errorCode(other), QStringLiteral("engine_mismatch"));
        QJsonObject withPath = flinkJob(QStringLiteral("SELECT 1;"));
        withPath.insert(QStringLiteral("path"), QStringLiteral("/"));
        const Raw notSnapshot =
            raw("POST", api(check.arg(id)), m_server->token(), QJsonDocument(withPath).toJson());
        QCOMPARE(notSnapshot.status, 409);
        QCOMPARE(errorCode(notSnapshot), QStringLiteral("no_snapshot"));
        QCOMPARE(raw("POST", api(check.arg(id)), m_server->token(), "{").status, 400);
        QCOMPARE(raw("GET", api(check.arg(id)), m_server->token()).status, 405);
    }

    void secondServerOnSameDataDir()
    {
        startServer({QStringLiteral("--spark-submit"), m_spark});
        QProcess other;
        other.start(DcpLocalServer::binary(), {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                               QStringLiteral("--data-dir"), m_server->dataDir()});
        QVERIFY(other.waitForFinished(60000));
        QCOMPARE(other.exitCode(), 2);
        QVERIFY(other.readAllStandardError().contains("another dcp-local"));
    }
};

QTEST_GUILESS_MAIN(TestDcpLocal)
#include "tst_dcplocal.moc"
