// SPDX-License-Identifier: Apache-2.0
// How a flink-session target follows its jobs, against a JobManager's REST API played by a real
// HTTP server on loopback (QHttpServer) with the answers of Flink 1.20: one `/jobs/overview` per
// poll for jobs that did not change, the three calls per job (`/jobs/{id}`, its exceptions and
// `numRestarts`) when one did, a restart shown as RESTARTING, the waiting limit reached without
// a full poll, a job the JobManager lost, and a JobManager that stops answering and comes back.
#include "executiontarget.h"
#include "jobrunner.h"
#include "jobstore.h"
#include "targetregistry.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace uis;
using namespace uis::dcplocal;

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

/// A Flink session cluster's JobManager as its REST API answers; every request is logged.
class FakeJobManager
{
public:
    struct Job
    {
        QString state = QStringLiteral("RUNNING");
        qint64 startTime = nowMs() - 600'000;
        qint64 lastModification = nowMs() - 60'000; // settled long ago
        QJsonObject statusCounts{{QStringLiteral("RUNNING"), 2}};
        int restarts = 0;
        QJsonArray exceptions; ///< exceptionHistory entries, newest first
        bool known = true;     ///< false: 404, as for a job the JobManager lost
    };

    FakeJobManager()
    {
        using Request = const QHttpServerRequest &;
        m_server.route(QStringLiteral("/overview"), [this](Request r) { return answer(r); });
        m_server.route(QStringLiteral("/taskmanagers"), [this](Request r) { return answer(r); });
        m_server.route(QStringLiteral("/jobs/overview"), [this](Request r) { return answer(r); });
        m_server.route(QStringLiteral("/jobs/<arg>/exceptions"),
                       [this](const QString &, Request r) { return answer(r); });
        m_server.route(QStringLiteral("/jobs/<arg>/metrics"),
                       [this](const QString &, Request r) { return answer(r); });
        m_server.route(QStringLiteral("/jobs/<arg>"),
                       [this](const QString &, Request r) { return answer(r); });
        port = m_server.listen(QHostAddress::LocalHost, 0);
    }

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)); }

    /// Requests whose path is `path`, from the `from`th request on.
    int count(const QString &path, qsizetype from = 0) const
    {
        int n = 0;
        for (qsizetype i = from; i < requests.size(); ++i)
            n += requests.at(i) == path;
        return n;
    }
    /// Requests about single jobs (not the overview), from the `from`th on.
    int jobCalls(qsizetype from = 0) const
    {
        int n = 0;
        for (qsizetype i = from; i < requests.size(); ++i)
            n += requests.at(i).startsWith(QLatin1String("/jobs/")) &&
                 requests.at(i) != QLatin1String("/jobs/overview");
        return n;
    }
    /// Full polls of Flink job `flinkId` (its `/jobs/{id}`), from the `from`th request on.
    int fullPolls(const QString &flinkId, qsizetype from = 0) const
    {
        return count(QStringLiteral("/jobs/") + flinkId, from);
    }
    /// Whether `ticks` overviews were asked for since the last full poll of `flinkId`.
    bool quietFor(const QString &flinkId, int ticks) const
    {
        qsizetype last = requests.lastIndexOf(QStringLiteral("/jobs/") + flinkId);
        return count(QStringLiteral("/jobs/overview"), last + 1) >= ticks;
    }

    QHash<QString, Job> jobs;
    QStringList requests;
    bool down = false; ///< every answer 503
    quint16 port = 0;

private:
    QHttpServerResponse answer(const QHttpServerRequest &r)
    {
        const QString path = r.url().path();
        requests.append(path);
        if (down)
            return QHttpServerResponse(QJsonObject{{QStringLiteral("errors"), QJsonArray()}},
                                       QHttpServerResponse::StatusCode::ServiceUnavailable);
        if (path == QLatin1String("/overview"))
            return QHttpServerResponse(
                QJsonObject{{QStringLiteral("taskmanagers"), 1},
                            {QStringLiteral("slots-total"), 8},
                            {QStringLiteral("slots-available"), 4},
                            {QStringLiteral("flink-version"), QStringLiteral("1.20.1")}});
        if (path == QLatin1String("/taskmanagers"))
            return QHttpServerResponse(QJsonObject{{QStringLiteral("taskmanagers"), QJsonArray()}});
        if (path == QLatin1String("/jobs/overview")) {
            QJsonArray list;
            for (auto it = jobs.cbegin(); it != jobs.cend(); ++it) {
                if (!it->known)
                    continue;
                QJsonObject tasks{{QStringLiteral("total"), 2}};
                for (auto c = it->statusCounts.begin(); c != it->statusCounts.end(); ++c)
                    tasks.insert(c.key().toLower(), c.value());
                list.append(
                    QJsonObject{{QStringLiteral("jid"), it.key()},
                                {QStringLiteral("name"), QStringLiteral("insert-into")},
                                {QStringLiteral("state"), it->state},
                                {QStringLiteral("start-time"), double(it->startTime)},
                                {QStringLiteral("end-time"), -1},
                                {QStringLiteral("duration"), double(nowMs() - it->startTime)},
                                {QStringLiteral("last-modification"), double(it->lastModification)},
                                {QStringLiteral("tasks"), tasks}});
            }
            return QHttpServerResponse(QJsonObject{{QStringLiteral("jobs"), list}});
        }
        const QStringList parts = path.split(QLatin1Char('/')); // "", "jobs", id[, what]
        const auto job = jobs.constFind(parts.value(2));
        if (job == jobs.cend() || !job->known)
            return QHttpServerResponse(
                QJsonObject{{QStringLiteral("errors"),
                             QJsonArray{QStringLiteral("Job could not be found.")}}},
                QHttpServerResponse::StatusCode::NotFound);
        if (parts.value(3) == QLatin1String("exceptions"))
            return QHttpServerResponse(
                QJsonObject{{QStringLiteral("exceptionHistory"),
                             QJsonObject{{QStringLiteral("entries"), job->exceptions},
                                         {QStringLiteral("truncated"), false}}}});
        if (parts.value(3) == QLatin1String("metrics"))
            return QHttpServerResponse(
                QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("numRestarts")},
                                       {QStringLiteral("value"), QString::number(job->restarts)}}});
        return QHttpServerResponse(
            QJsonObject{{QStringLiteral("jid"), parts.value(2)},
                        {QStringLiteral("state"), job->state},
                        {QStringLiteral("start-time"), double(job->startTime)},
                        {QStringLiteral("end-time"), -1},
                        {QStringLiteral("status-counts"), job->statusCounts}});
    }

    QHttpServer m_server;
};

QString flinkId(int i)
{
    return QStringLiteral("%1").arg(i + 0xf11c, 32, 16, QLatin1Char('0'));
}

/// dcp-local's side: a job store with `n` RUNNING jobs on a flink-session target, re-attached
/// as after a restart, and the target polled every 200 ms.
struct Following
{
    Following(FakeJobManager *jm, int n, qint64 waitingLimitMs = 120'000)
    {
        QVERIFY(store.open(dir.path()).isEmpty());
        TargetSpec flink;
        flink.name = QStringLiteral("flink-dev");
        flink.kind = TargetSpec::Kind::FlinkSession;
        flink.restUrl = jm->url();
        flink.waitingLimitMs = waitingLimitMs;
        registry.setTargets({flink});
        for (int i = 0; i < n; ++i) {
            JobRecord r;
            r.status.jobId = QStringLiteral("job-%1").arg(i);
            r.status.name = QStringLiteral("n");
            r.status.engine = QStringLiteral("flink");
            r.status.state = JobState::Running;
            r.status.engineState = QStringLiteral("RUNNING");
            r.status.target = QStringLiteral("flink-dev");
            r.status.engineJobId = flinkId(i);
            QVERIFY(store.insert(r).isEmpty());
            QVERIFY(QDir().mkpath(store.jobDir(r.status.jobId)));
            if (!jm->jobs.contains(flinkId(i)))
                jm->jobs.insert(flinkId(i), FakeJobManager::Job{});
            registry.reattach(r.status.jobId);
        }
        registry.start();
    }

    JobStatus status(int i) const { return store.find(QStringLiteral("job-%1").arg(i))->status; }
    QByteArray log(int i) const
    {
        QFile f(store.logPath(QStringLiteral("job-%1").arg(i)));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    QTemporaryDir dir;
    JobStore store;
    JobRunner runner{&store, RunnerConfig{}};
    TargetRegistry registry{&store, &runner, 200};
};

} // namespace

class TestFlinkSessionTarget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unchangedJobsCostOneOverviewPerPoll()
    {
        FakeJobManager jm;
        QVERIFY(jm.port);
        Following dcp(&jm, 5);
        // Settled: each job had its full polls, and three overviews came without any.
        QTRY_VERIFY_WITH_TIMEOUT(jm.quietFor(flinkId(0), 3), 15000);
        for (int i = 0; i < 5; ++i)
            QVERIFY(jm.quietFor(flinkId(i), 3));
        const qsizetype from = jm.requests.size();
        QDateTime confirmed[5];
        for (int i = 0; i < 5; ++i)
            confirmed[i] = dcp.status(i).lastConfirmedAt;
        QTRY_VERIFY_WITH_TIMEOUT(jm.count(QStringLiteral("/jobs/overview"), from) >= 6, 15000);
        // Six polls of five jobs: six requests about them, not 6 × 5 × 3.
        QCOMPARE(jm.jobCalls(from), 0);
        for (int i = 0; i < 5; ++i) {
            const JobStatus s = dcp.status(i);
            QVERIFY2(s.lastConfirmedAt > confirmed[i], qPrintable(s.jobId)); // still confirmed
            QCOMPARE(s.engineState, QStringLiteral("RUNNING"));
            QCOMPARE(s.state, JobState::Running);
        }
    }

    void aChangedJobIsPolledInFullAndARestartShows()
    {
        FakeJobManager jm;
        Following dcp(&jm, 3);
        QTRY_VERIFY_WITH_TIMEOUT(jm.quietFor(flinkId(0), 3) && jm.quietFor(flinkId(1), 3) &&
                                     jm.quietFor(flinkId(2), 3),
                                 15000);
        const qsizetype from = jm.requests.size();
        // A region failover of job 1: same job state, a task failed and restarts.
        const qint64 failedAt = nowMs();
        FakeJobManager::Job &job = jm.jobs[flinkId(1)];
        job.state = QStringLiteral("RESTARTING");
        job.lastModification = failedAt;
        job.restarts = 1;
        job.exceptions = QJsonArray{QJsonObject{
            {QStringLiteral("timestamp"), double(failedAt)},
            {QStringLiteral("taskName"), QStringLiteral("Source: readings (1/1)")},
            {QStringLiteral("stacktrace"),
             QStringLiteral("java.io.IOException: Failed to deserialize consumer record\n"
                            "\tat org.apache.flink.Foo.bar(Foo.java:1)\n"
                            "Caused by: java.lang.NumberFormatException: For input string: "
                            "\"x\"\n")}}};
        QTRY_COMPARE_WITH_TIMEOUT(dcp.status(1).engineState,
                                  QStringLiteral("RESTARTING (1 restart)"), 10000);
        QCOMPARE(dcp.status(1).state, JobState::Running);
        QCOMPARE(dcp.status(1).error,
                 QStringLiteral("java.lang.NumberFormatException: For input string: \"x\""));
        QVERIFY(jm.count(QStringLiteral("/jobs/%1/exceptions").arg(flinkId(1)), from) >= 1);
        QVERIFY(jm.count(QStringLiteral("/jobs/%1/metrics").arg(flinkId(1)), from) >= 1);
        QVERIFY2(dcp.log(1).contains("failure at") &&
                     dcp.log(1).contains("in Source: readings (1/1) (JobManager exception "
                                         "history):\njava.io.IOException"),
                 dcp.log(1).constData());
        // Back to RUNNING: a change again, followed in full until Flink's caches have caught up.
        job.state = QStringLiteral("RUNNING");
        job.lastModification = nowMs();
        QTRY_COMPARE_WITH_TIMEOUT(dcp.status(1).engineState, QStringLiteral("RUNNING"), 10000);
        QVERIFY2(dcp.status(1).error.startsWith(QLatin1String("recovered after 1 restart")),
                 qPrintable(dcp.status(1).error));
        // The others stayed unpolled meanwhile.
        QCOMPARE(jm.fullPolls(flinkId(0), from), 0);
        QCOMPARE(jm.fullPolls(flinkId(2), from), 0);
        // Once the change has settled (FlinkChangeTracker::kSettleMs), the job costs nothing again.
        QTRY_VERIFY_WITH_TIMEOUT(jm.quietFor(flinkId(1), 5), 40000);
        QCOMPARE(dcp.log(1).count("failure at"), 1); // the exception was logged once
    }

    void theWaitingLimitPassesWithoutFullPolls()
    {
        FakeJobManager jm;
        FakeJobManager::Job waiting;
        waiting.statusCounts =
            QJsonObject{{QStringLiteral("RUNNING"), 1}, {QStringLiteral("SCHEDULED"), 1}};
        jm.jobs.insert(flinkId(0), waiting);
        Following dcp(&jm, 1, 2000);
        QTRY_VERIFY_WITH_TIMEOUT(dcp.status(0).engineState.startsWith(QLatin1String("WAITING")),
                                 15000);
        // The follow's own poll and two that settle it, then only the overview.
        QVERIFY2(jm.fullPolls(flinkId(0)) <= 3, qPrintable(jm.requests.join(QLatin1Char(' '))));
        QVERIFY2(dcp.log(0).contains("has waited more than 2 s for slots"), dcp.log(0).constData());
    }

    void aJobTheJobManagerLostFails()
    {
        FakeJobManager jm;
        Following dcp(&jm, 2);
        QTRY_VERIFY_WITH_TIMEOUT(jm.quietFor(flinkId(0), 3) && jm.quietFor(flinkId(1), 3), 15000);
        jm.jobs[flinkId(0)].known = false; // gone from /jobs/overview, 404 on /jobs/{id}
        QTRY_COMPARE_WITH_TIMEOUT(dcp.status(0).state, JobState::Failed, 10000);
        QCOMPARE(dcp.status(0).engineState, QStringLiteral("NOT_FOUND"));
        QVERIFY2(dcp.status(0).error.contains(QLatin1String("does not know job")),
                 qPrintable(dcp.status(0).error));
        QCOMPARE(dcp.status(1).state, JobState::Running);
    }

    void anUnansweringJobManagerIsUnreachableUntilItAnswers()
    {
        FakeJobManager jm;
        Following dcp(&jm, 1);
        QTRY_VERIFY_WITH_TIMEOUT(jm.quietFor(flinkId(0), 3), 15000);
        const QDateTime confirmed = dcp.status(0).lastConfirmedAt;
        jm.down = true;
        QTRY_COMPARE_WITH_TIMEOUT(dcp.status(0).engineState, QStringLiteral("UNREACHABLE"), 10000);
        QCOMPARE(dcp.status(0).state, JobState::Running);
        QVERIFY(dcp.status(0).lastConfirmedAt >= confirmed);
        jm.down = false;
        QTRY_COMPARE_WITH_TIMEOUT(dcp.status(0).engineState, QStringLiteral("RUNNING"), 10000);
        QVERIFY2(dcp.log(0).contains("the Flink JobManager at " + jm.url().toString().toUtf8() +
                                     " answers again"),
                 dcp.log(0).constData());
    }
};

QTEST_GUILESS_MAIN(TestFlinkSessionTarget)
#include "tst_flinksessiontarget.moc"
