// SPDX-License-Identifier: Apache-2.0
// Runner supervision of dcp-local with real child processes: small shell scripts stand in for
// spark-submit and the Flink runner. Covers success, failure with the runner's root cause,
// start failures, the concurrency limit, cancel (SIGTERM to the process group, SIGKILL after
// the grace period, stragglers of the group), shutdown, logs on disk and the state signals.
#include "faketools.h"
#include "jobrequest.h"
#include "jobrunner.h"
#include "jobstore.h"

#include "dcplocalserver.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <unistd.h>

using namespace uis;
using namespace uis::dcplocal;
using uis::test::waitFor;

namespace {

// clang-format off
/// Stands in for spark-submit: reads `mode` from the job config it is given and behaves so.
const QByteArray kFakeSpark = R"sh(#!/bin/sh
mode=$(sed -n 's/.*"mode": *"\([a-z0-9]*\)".*/\1/p' "$UIS_JOB_DIR/job-config.json")
echo "fake-spark-submit $*"
echo $$ > pid
case "$mode" in
  ok) echo "engine says hello"; exit 0;;
  fail) echo "INFO some noise"; echo "uis-runner: FAILED: the source table orders does not exist"
        echo "Traceback (most recent call last): ..."; exit 1;;
  exit3) exit 3;;
  killself) kill -KILL $$;;
  secret) if [ "$UIS_SECRET_DB_PASSWORD" = "s3cr3t-value" ]; then echo "secret present"; exit 0; fi; exit 4;;
  term)
    sh -c 'trap "echo child got SIGTERM >> child.log; exit 0" TERM; echo $$ > child; while true; do sleep 0.1; done' &
    trap 'echo got SIGTERM; i=0; while [ ! -s child.log ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done; exit 143' TERM
    echo job-is-running; while true; do sleep 0.1; done;;
  stubborn)
    sh -c 'trap "" TERM; echo $$ > child; while true; do sleep 0.1; done' &
    trap 'echo ignoring SIGTERM' TERM
    echo job-is-running; while true; do sleep 0.1; done;;
  orphan)
    sh -c 'trap "" TERM; echo $$ > child; while true; do sleep 0.1; done' &
    trap 'echo leaving on SIGTERM; exit 143' TERM
    echo job-is-running; while true; do sleep 0.1; done;;
  sleep) trap 'exit 143' TERM; echo job-is-running; while true; do sleep 0.1; done;;
esac
exit 9
)sh";

/// Stands in for the Flink runner: `$1 $2 $3` are `<runner>.py --sql <file>`.
const QByteArray kFakeFlink = R"sh(#!/bin/sh
echo "fake-flink $1 $2"; cat "$3"
echo 'uis-runner: job 6a69 state RUNNING'
echo 'uis-runner: job 6a69 state INITIALIZING_DONE'
while [ ! -e go ]; do sleep 0.05; done
exit 0
)sh";
// clang-format on

QJsonObject sparkJob(const QString &mode)
{
    return QJsonObject{
        {QStringLiteral("name"), QStringLiteral("job-") + mode},
        {QStringLiteral("team"), QStringLiteral("data-infra")},
        {QStringLiteral("config"),
         QJsonObject{{QStringLiteral("job_type"), QStringLiteral("BATCH")},
                     {QStringLiteral("uis"),
                      QJsonObject{{QStringLiteral("spec_version"), QStringLiteral("1.1")},
                                  {QStringLiteral("job_config"),
                                   QJsonObject{{QStringLiteral("name"), mode},
                                               {QStringLiteral("mode"), mode}}}}}}}};
}

bool alive(qint64 pid)
{
    if (pid <= 0 || ::kill(pid_t(pid), 0) != 0)
        return false;
    // A zombie nobody reaped yet has ended all the same.
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray s = stat.readAll();
    const qsizetype paren = s.lastIndexOf(')');
    return paren < 0 || s.mid(paren + 2, 1) != "Z";
}

} // namespace

class TestJobRunner : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_data;
    QTemporaryDir m_tools;
    std::unique_ptr<JobStore> m_store;
    std::unique_ptr<JobRunner> m_runner;
    QString m_spark;
    QString m_flink;
    QList<QPair<QString, JobState>> m_transitions;
    int m_next = 0;

    void startRunner(int maxConcurrent = 2, int killGraceMs = 1000, const QString &spark = {})
    {
        RunnerConfig rc;
        rc.sparkSubmit = spark.isEmpty() ? m_spark : spark;
        rc.flink = m_flink;
        rc.runnersDir = m_tools.filePath(QStringLiteral("runners"));
        rc.maxConcurrent = maxConcurrent;
        rc.killGraceMs = killGraceMs;
        m_runner = std::make_unique<JobRunner>(m_store.get(), rc);
        connect(m_runner.get(), &JobRunner::stateChanged, this,
                [this](const QString &id, JobState state) {
                    m_transitions.append({id, state});
                });
    }

    /// Inserts the record as the HTTP API does, then hands the job to the runner.
    QString submit(const QJsonObject &body)
    {
        JobRequest req;
        if (const auto problem = JobRequest::parse(QJsonDocument(body).toJson(), &req)) {
            qWarning("bad request: %s", qPrintable(problem->message));
            return {};
        }
        JobRecord r;
        r.status.jobId = QStringLiteral("job-%1").arg(++m_next);
        r.status.name = req.name;
        r.status.engine = req.engine;
        r.status.jobType = req.jobType;
        r.status.state = JobState::Pending;
        r.status.engineState = QStringLiteral("QUEUED");
        r.status.createdAt = QDateTime::currentDateTimeUtc();
        r.request = req.storedBody;
        const QString id = r.status.jobId;
        if (const QString e = m_store->insert(std::move(r)); !e.isEmpty()) {
            qWarning("insert: %s", qPrintable(e));
            return {};
        }
        if (const QString e = m_runner->submit(id, req); !e.isEmpty()) {
            qWarning("submit: %s", qPrintable(e));
            return {};
        }
        return id;
    }

    JobStatus status(const QString &id) const
    {
        const JobRecord *r = m_store->find(id);
        return r ? r->status : JobStatus();
    }

    QList<JobState> transitionsOf(const QString &id) const
    {
        QList<JobState> out;
        for (const auto &t : m_transitions) {
            if (t.first == id)
                out << t.second;
        }
        return out;
    }

    QByteArray log(const QString &id) const
    {
        QFile f(m_store->logPath(id));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    qint64 pidFile(const QString &id, const char *name) const
    {
        QFile f(m_store->jobDir(id) + QLatin1Char('/') + QLatin1String(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toLongLong() : 0;
    }

    bool waitState(const QString &id, JobState state, int timeoutMs = 30000)
    {
        return waitFor([&] { return status(id).state == state; }, timeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The environment would win over the runners folder these tests set up.
        qunsetenv("UIS_RUNNERS_DIR");
        QVERIFY(m_tools.isValid());
        QDir tools(m_tools.path());
        QVERIFY(!test::makeRunnersDir(tools.path()).isEmpty());
        m_spark = test::writeScript(tools.filePath(QStringLiteral("spark-submit")), kFakeSpark);
        m_flink = test::writeScript(tools.filePath(QStringLiteral("flink-python")), kFakeFlink);
        QVERIFY(!m_spark.isEmpty() && !m_flink.isEmpty());
    }

    void init()
    {
        m_data = std::make_unique<QTemporaryDir>();
        QVERIFY(m_data->isValid());
        m_store = std::make_unique<JobStore>();
        QCOMPARE(m_store->open(m_data->path()), QString());
        m_transitions.clear();
    }

    void cleanup()
    {
        // The runner kills what is left of its process groups; the store outlives it.
        m_runner.reset();
        // A failed test may leave an engine's child behind: never let it outlive the test.
        QDirIterator it(m_data->path() + QStringLiteral("/jobs"),
                        {QStringLiteral("pid"), QStringLiteral("child")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            const qint64 pid = f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toLongLong() : 0;
            // Only a process working in this test's data directory: a pid may have been reused.
            const QString cwd = QFileInfo(QStringLiteral("/proc/%1/cwd").arg(pid)).symLinkTarget();
            if (alive(pid) && cwd.startsWith(m_data->path()))
                ::kill(pid_t(pid), SIGKILL);
        }
        m_store.reset();
        m_data.reset();
    }

    void jobSucceeds()
    {
        startRunner();
        const QString id = submit(sparkJob(QStringLiteral("ok")));
        QVERIFY(!id.isEmpty());
        // Files are written at submit; the process starts from the event loop.
        QVERIFY(QFile::exists(m_store->jobDir(id) + QStringLiteral("/job-config.json")));
        QCOMPARE(status(id).state, JobState::Pending);
        QVERIFY(waitState(id, JobState::Succeeded));
        const JobStatus s = status(id);
        QCOMPARE(s.engineState, QStringLiteral("FINISHED"));
        QCOMPARE(s.exitCode.value_or(-1), 0);
        QVERIFY(s.error.isEmpty());
        QVERIFY(s.startedAt.isValid());
        QVERIFY(s.finishedAt >= s.startedAt);
        QCOMPARE(transitionsOf(id),
                 QList<JobState>({JobState::Submitted, JobState::Running, JobState::Succeeded}));

        // The log on disk has the server's lines and everything the engine printed, in order.
        const QByteArray text = log(id);
        const qsizetype accepted = text.indexOf("dcp-local: job " + id.toUtf8() + " accepted");
        const qsizetype starting = text.indexOf("dcp-local: starting: " + m_spark.toUtf8());
        const qsizetype engine = text.indexOf("engine says hello");
        const qsizetype done = text.indexOf("dcp-local: job SUCCEEDED (exited with status 0)");
        QVERIFY2(accepted >= 0 && starting > accepted && engine > starting && done > engine,
                 text.constData());
        QVERIFY2(text.contains("--master local[*]") &&
                     text.contains("--job-config " + m_store->jobDir(id).toUtf8()),
                 text.constData());
        QCOMPARE(QFile::permissions(m_store->logPath(id)) & 0x0077, QFileDevice::Permissions());
        QCOMPARE(m_runner->runningCount(), 0);

        // The final state is in the database file, not only in memory.
        JobStore reader;
        QCOMPARE(reader.open(m_data->path()), QString());
        QCOMPARE(reader.find(id)->status.state, JobState::Succeeded);
        QCOMPARE(reader.find(id)->status.exitCode.value_or(-1), 0);
    }

    void jobFailsWithRootCause()
    {
        startRunner();
        const QString failed = submit(sparkJob(QStringLiteral("fail")));
        const QString exit3 = submit(sparkJob(QStringLiteral("exit3")));
        const QString killed = submit(sparkJob(QStringLiteral("killself")));
        QVERIFY(waitState(failed, JobState::Failed));
        QVERIFY(waitState(exit3, JobState::Failed));
        QVERIFY(waitState(killed, JobState::Failed));

        // The runner's own `uis-runner: FAILED:` line is the error, not the exit status.
        QCOMPARE(status(failed).error, QStringLiteral("the source table orders does not exist"));
        QCOMPARE(status(failed).exitCode.value_or(-1), 1);
        QCOMPARE(status(failed).engineState, QStringLiteral("FAILED"));
        QVERIFY(log(failed).contains("uis-runner: FAILED: the source table orders does not exist"));
        QVERIFY(log(failed).contains("dcp-local: job FAILED (exited with status 1)"));
        QCOMPARE(transitionsOf(failed),
                 QList<JobState>({JobState::Submitted, JobState::Running, JobState::Failed}));

        QCOMPARE(status(exit3).error, QStringLiteral("the job exited with status 3"));
        QCOMPARE(status(exit3).exitCode.value_or(-1), 3);

        QCOMPARE(status(killed).exitCode.value_or(-1), 128 + SIGKILL);
        QVERIFY2(status(killed).error.contains(QLatin1String("killed by signal 9")),
                 qPrintable(status(killed).error));
    }

    void enginesThatCannotStart()
    {
        // Not executable: refused before anything runs.
        const QString notExecutable = m_tools.filePath(QStringLiteral("not-executable"));
        QFile(notExecutable).open(QIODevice::WriteOnly);
        startRunner(2, 1000, notExecutable);
        const QString a = submit(sparkJob(QStringLiteral("ok")));
        QVERIFY(waitState(a, JobState::Failed));
        QCOMPARE(status(a).engineState, QStringLiteral("NOT_STARTED"));
        QVERIFY2(status(a).error.contains(QLatin1String("is not an executable file")),
                 qPrintable(status(a).error));
        QCOMPARE(transitionsOf(a), QList<JobState>({JobState::Failed}));
        QVERIFY(log(a).contains("job FAILED before it started"));

        // Executable, but exec fails (its interpreter does not exist).
        const QString badShebang =
            test::writeScript(m_tools.filePath(QStringLiteral("bad-shebang")),
                              "#!/nonexistent/interpreter\nexit 0\n");
        startRunner(2, 1000, badShebang);
        const QString b = submit(sparkJob(QStringLiteral("ok")));
        QVERIFY(waitState(b, JobState::Failed));
        QCOMPARE(status(b).engineState, QStringLiteral("NOT_STARTED"));
        QVERIFY2(status(b).error.startsWith(QStringLiteral("cannot start ") + badShebang),
                 qPrintable(status(b).error));
        QVERIFY(log(b).contains("cannot start the job"));
        QCOMPARE(transitionsOf(b).last(), JobState::Failed);

        // A CoreETL job carries no UIS job config: dcp-local cannot run it.
        startRunner();
        QJsonObject coreEtl{
            {QStringLiteral("name"), QStringLiteral("core-etl")},
            {QStringLiteral("config"),
             QJsonObject{{QStringLiteral("core_etl"),
                          QJsonObject{{QStringLiteral("version"), QStringLiteral("2.7.0")}}}}}};
        const QString c = submit(coreEtl);
        QVERIFY(waitState(c, JobState::Failed));
        QVERIFY2(status(c).error.contains(QLatin1String("runs UIS jobs only")),
                 qPrintable(status(c).error));
        QVERIFY(!log(c).contains("fake-spark-submit"));
    }

    void concurrencyLimitQueuesJobs()
    {
        startRunner(2);
        const QString a = submit(sparkJob(QStringLiteral("sleep")));
        const QString b = submit(sparkJob(QStringLiteral("sleep")));
        const QString c = submit(sparkJob(QStringLiteral("ok")));
        QVERIFY(waitState(a, JobState::Running));
        QVERIFY(waitState(b, JobState::Running));
        QTest::qWait(300);
        QCOMPARE(m_runner->runningCount(), 2);
        QCOMPARE(m_runner->queuedCount(), 1);
        QCOMPARE(status(c).state, JobState::Pending);
        QVERIFY(!log(c).contains("fake-spark-submit"));
        // A free slot starts the next job in line.
        QCOMPARE(m_runner->cancel(a), JobRunner::CancelOutcome::Terminating);
        QVERIFY(waitState(a, JobState::Cancelled));
        QVERIFY(waitState(c, JobState::Succeeded));
        QCOMPARE(m_runner->cancel(b), JobRunner::CancelOutcome::Terminating);
        QVERIFY(waitState(b, JobState::Cancelled));
    }

    // SIGTERM reaches the whole process group, not only the engine's first process.
    void cancelSendsSigtermToTheGroup()
    {
        startRunner(2, 30000);
        const QString id = submit(sparkJob(QStringLiteral("term")));
        QVERIFY(waitFor(
            [&] { return log(id).contains("job-is-running") && pidFile(id, "child") > 0; }));
        QCOMPARE(status(id).state, JobState::Running);
        const qint64 leader = pidFile(id, "pid");
        const qint64 child = pidFile(id, "child");
        QVERIFY(alive(leader) && alive(child));
        // The engine leads its own group (setsid), and its children are in it.
        QCOMPARE(qint64(::getpgid(pid_t(leader))), leader);
        QCOMPARE(qint64(::getpgid(pid_t(child))), leader);
        QVERIFY(::getpgid(pid_t(leader)) != ::getpgrp());

        QElapsedTimer t;
        t.start();
        QCOMPARE(m_runner->cancel(id), JobRunner::CancelOutcome::Terminating);
        // A second cancel while it ends changes nothing.
        QCOMPARE(m_runner->cancel(id), JobRunner::CancelOutcome::Terminating);
        QVERIFY(waitState(id, JobState::Cancelled));
        QVERIFY2(t.elapsed() < 20000, "the job ended by SIGKILL, not by SIGTERM");
        QVERIFY(waitFor([&] { return !alive(leader) && !alive(child); }, 10000));
        const QByteArray text = log(id);
        QVERIFY2(text.contains("cancel requested: SIGTERM to the process group"), text.constData());
        QVERIFY2(text.contains("got SIGTERM"), text.constData());
        QVERIFY2(!text.contains("still running after the grace period"), text.constData());
        QFile childLog(m_store->jobDir(id) + QStringLiteral("/child.log"));
        QVERIFY(childLog.open(QIODevice::ReadOnly));
        QCOMPARE(childLog.readAll().trimmed(), QByteArray("child got SIGTERM"));
        const JobStatus s = status(id);
        QCOMPARE(s.engineState, QStringLiteral("KILLED"));
        QCOMPARE(s.exitCode.value_or(-1), 143);
        QVERIFY(s.error.isEmpty());
        QCOMPARE(transitionsOf(id),
                 QList<JobState>({JobState::Submitted, JobState::Running, JobState::Cancelled}));
        QCOMPARE(m_runner->cancel(id), JobRunner::CancelOutcome::AlreadyFinished);
        QCOMPARE(m_runner->cancel(QStringLiteral("no-such-job")),
                 JobRunner::CancelOutcome::NotFound);
    }

    void cancelSendsSigkillAfterTheGracePeriod()
    {
        const int graceMs = 2500;
        startRunner(2, graceMs);
        const QString id = submit(sparkJob(QStringLiteral("stubborn")));
        QVERIFY(waitFor(
            [&] { return log(id).contains("job-is-running") && pidFile(id, "child") > 0; }));
        const qint64 leader = pidFile(id, "pid");
        const qint64 child = pidFile(id, "child");
        QElapsedTimer t;
        t.start();
        QCOMPARE(m_runner->cancel(id), JobRunner::CancelOutcome::Terminating);
        QVERIFY(waitFor([&] { return log(id).contains("ignoring SIGTERM"); }, 10000));
        // SIGTERM arrived and was ignored: the job keeps running until the grace period ends
        // (checked only while well inside it, so that a slow machine does not fail the test).
        if (t.elapsed() < graceMs / 2) {
            QCOMPARE(status(id).state, JobState::Running);
            QVERIFY(alive(leader));
        }
        QVERIFY(waitState(id, JobState::Cancelled));
        QVERIFY2(t.elapsed() >= graceMs - 100, qPrintable(QString::number(t.elapsed())));
        QVERIFY(waitFor([&] { return !alive(leader) && !alive(child); }, 10000));
        QVERIFY(log(id).contains("still running after the grace period: SIGKILL"));
        QCOMPARE(status(id).exitCode.value_or(-1), 128 + SIGKILL);
        QCOMPARE(status(id).state, JobState::Cancelled);
    }

    // The engine leaves on SIGTERM but a child of it ignores the signal: the group is killed
    // when the engine ends, long before the grace period would.
    void cancelKillsStragglersOfTheGroup()
    {
        startRunner(2, 60000);
        const QString id = submit(sparkJob(QStringLiteral("orphan")));
        QVERIFY(waitFor(
            [&] { return log(id).contains("job-is-running") && pidFile(id, "child") > 0; }));
        const qint64 child = pidFile(id, "child");
        QVERIFY(alive(child));
        QElapsedTimer t;
        t.start();
        QCOMPARE(m_runner->cancel(id), JobRunner::CancelOutcome::Terminating);
        QVERIFY(waitState(id, JobState::Cancelled));
        QVERIFY2(waitFor([&] { return !alive(child); }, 10000), "the child outlived the cancel");
        QVERIFY(t.elapsed() < 30000);
        QVERIFY(log(id).contains("leaving on SIGTERM"));
    }

    void cancelQueuedJob()
    {
        startRunner(1);
        const QString first = submit(sparkJob(QStringLiteral("sleep")));
        const QString queued = submit(sparkJob(QStringLiteral("ok")));
        QVERIFY(waitState(first, JobState::Running));
        QCOMPARE(status(queued).state, JobState::Pending);
        // No process to wait for: CANCELLED at once, and it never starts.
        QCOMPARE(m_runner->cancel(queued), JobRunner::CancelOutcome::Cancelled);
        QCOMPARE(status(queued).state, JobState::Cancelled);
        QCOMPARE(status(queued).engineState, QStringLiteral("NOT_STARTED"));
        QCOMPARE(transitionsOf(queued), QList<JobState>({JobState::Cancelled}));
        QCOMPARE(m_runner->queuedCount(), 0);
        QCOMPARE(m_runner->cancel(first), JobRunner::CancelOutcome::Terminating);
        QVERIFY(waitState(first, JobState::Cancelled));
        QTest::qWait(200);
        QVERIFY(log(queued).contains("job CANCELLED before it started"));
        QVERIFY(!log(queued).contains("fake-spark-submit"));
        QCOMPARE(status(queued).state, JobState::Cancelled);
    }

    void runtimeEnvReachesTheJobOnly()
    {
        startRunner();
        QJsonObject job = sparkJob(QStringLiteral("secret"));
        job.insert(QStringLiteral("runtime_env"),
                   QJsonObject{
                       {QStringLiteral("UIS_SECRET_DB_PASSWORD"), QStringLiteral("s3cr3t-value")}});
        const QString id = submit(job);
        QVERIFY(waitState(id, JobState::Succeeded));
        QVERIFY(log(id).contains("secret present"));
        m_store->close();
        QDirIterator it(m_data->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains("s3cr3t-value"), qPrintable(f.fileName()));
            ++files;
        }
        QVERIFY(files >= 3); // jobs.db, job-config.json, job.log
    }

    void flinkEngineStateFollowsTheRunner()
    {
        startRunner();
        const QJsonObject job{
            {QStringLiteral("name"), QStringLiteral("flink-job")},
            {QStringLiteral("config"),
             QJsonObject{{QStringLiteral("engine"), QStringLiteral("flink")},
                         {QStringLiteral("job_type"), QStringLiteral("STREAMING")},
                         {QStringLiteral("flink"),
                          QJsonObject{{QStringLiteral("sql"), QStringLiteral("SELECT 1;")}}}}}};
        const QString id = submit(job);
        QVERIFY(
            waitFor([&] { return status(id).engineState == QLatin1String("INITIALIZING_DONE"); }));
        QCOMPARE(status(id).state, JobState::Running);
        QVERIFY(log(id).contains("uis_flink_runner.py --sql"));
        QVERIFY(log(id).contains("SELECT 1;"));
        QFile go(m_store->jobDir(id) + QStringLiteral("/go"));
        QVERIFY(go.open(QIODevice::WriteOnly));
        go.close();
        QVERIFY(waitState(id, JobState::Succeeded));
        QCOMPARE(status(id).engineState, QStringLiteral("FINISHED"));
        QCOMPARE(status(id).engine, QStringLiteral("flink"));
    }

    void shutdownEndsRunningJobsAndKeepsQueuedOnes()
    {
        startRunner(1, 5000);
        const QString running = submit(sparkJob(QStringLiteral("term")));
        const QString queued = submit(sparkJob(QStringLiteral("ok")));
        QVERIFY(waitFor([&] { return log(running).contains("job-is-running"); }));
        QVERIFY(waitFor([&] { return pidFile(running, "child") > 0; }));
        const qint64 leader = pidFile(running, "pid");
        const qint64 child = pidFile(running, "child");
        bool complete = false;
        connect(m_runner.get(), &JobRunner::shutdownComplete, this, [&] { complete = true; });
        m_runner->shutdown();
        QVERIFY(waitFor([&] { return complete; }));
        QVERIFY(!alive(leader));
        QVERIFY2(waitFor([&] { return !alive(child); }, 10000),
                 "the job's child outlived shutdown");
        QCOMPARE(status(running).state, JobState::Failed);
        QVERIFY2(status(running).error.contains(QLatin1String("shut down")),
                 qPrintable(status(running).error));
        QVERIFY(log(running).contains("dcp-local is shutting down: SIGTERM to the job"));
        QVERIFY(log(running).contains("got SIGTERM"));
        // Queued jobs wait for the next start.
        QCOMPARE(status(queued).state, JobState::Pending);
        QCOMPARE(m_runner->runningCount(), 0);

        // After a restart the store gives the PENDING job back and a new runner runs it.
        m_runner.reset();
        m_store.reset();
        m_store = std::make_unique<JobStore>();
        QCOMPARE(m_store->open(m_data->path()), QString());
        QCOMPARE(m_store->recover(), QStringList({queued}));
        startRunner();
        m_runner->requeue(queued);
        QVERIFY(waitState(queued, JobState::Succeeded));
        QVERIFY(log(queued).contains("queued again after a restart of dcp-local"));
    }
};

QTEST_GUILESS_MAIN(TestJobRunner)
#include "tst_jobrunner.moc"
