// SPDX-License-Identifier: Apache-2.0
#include "jobrunner.h"

#include "enginepaths.h"

#include "jobstore.h"
#include "microbatchschedule.h"
#include "snapshotsettings.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace uis::dcplocal {

namespace {

const QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QString writePrivate(const QString &path, const QByteArray &data)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
        return QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
    f.setPermissions(kOwnerOnly);
    if (!f.commit())
        return QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
    return QString();
}

} // namespace

QByteArray JobRunner::logLine(const QString &text)
{
    return (QStringLiteral("dcp-local: ") + text + QLatin1Char('\n')).toUtf8();
}

int JobRunner::localRunningCount() const
{
    int n = 0;
    for (const Running *r : m_running)
        n += r->unlimited ? 0 : 1;
    return n;
}

JobRunner::JobRunner(JobStore *store, RunnerConfig config, QObject *parent)
    : QObject(parent), m_store(store), m_config(std::move(config)),
      m_schedules(new MicroBatchScheduler(this))
{
    m_config.maxConcurrent = qMax(1, m_config.maxConcurrent);
    // The next run of a scheduled micro-batch job waits for a slot like any job.
    connect(m_schedules, &MicroBatchScheduler::due, this,
            [this](const QString &id) { enqueue(id, m_options.take(id)); });
}

JobRunner::~JobRunner()
{
    // Last resort (normal shutdown goes through shutdown()): never leave process groups behind.
    for (Running *r : std::as_const(m_running)) {
        signalGroup(r, SIGKILL);
        r->process->disconnect(this);
        r->process->waitForFinished(2000);
        delete r->process;
        delete r->log;
        delete r;
    }
}

QString JobRunner::runnersDir() const
{
    return EnginePaths::runnersDir(m_config.runnersDir);
}

QString JobRunner::submit(const QString &id, const JobRequest &request,
                          const LaunchOptions &options)
{
    if (const QString e = prepare(id, request); !e.isEmpty())
        return e;
    if (!options.unlimited)
        appendLog(
            id,
            logLine(
                QStringLiteral("waiting for a slot (max %1 running)").arg(m_config.maxConcurrent)));
    start(id, options);
    return QString();
}

void JobRunner::start(const QString &id, const LaunchOptions &options)
{
    enqueue(id, options);
}

QString JobRunner::prepare(const QString &id, const JobRequest &request)
{
    const QString dir = m_store->jobDir(id);
    if (!QDir().mkpath(dir))
        return QStringLiteral("cannot create %1").arg(dir);
    QFile::setPermissions(dir,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (!request.jobConfig.isEmpty()) {
        if (const QString e =
                writePrivate(dir + QStringLiteral("/job-config.json"),
                             QJsonDocument(request.jobConfig).toJson(QJsonDocument::Indented));
            !e.isEmpty())
            return e;
    }
    if (!request.flinkSql.isEmpty()) {
        if (const QString e =
                writePrivate(dir + QStringLiteral("/job.sql"), request.flinkSql.toUtf8());
            !e.isEmpty())
            return e;
    }
    QFile log(m_store->logPath(id));
    if (!log.open(QIODevice::WriteOnly | QIODevice::Append, kOwnerOnly))
        return QStringLiteral("cannot create the log %1: %2")
            .arg(log.fileName(), log.errorString());
    log.write(logLine(
        QStringLiteral("job %1 accepted (%2, %3)").arg(id, request.engine, request.jobType)));
    log.close();
    if (!request.runtimeEnv.isEmpty())
        m_runtimeEnv.insert(id, request.runtimeEnv);
    return QString();
}

void JobRunner::requeue(const QString &id, const LaunchOptions &options)
{
    appendLog(id, logLine(QStringLiteral("queued again after a restart of dcp-local")));
    enqueue(id, options);
}

void JobRunner::enqueue(const QString &id, const LaunchOptions &options)
{
    if (options.unlimited || !options.sparkMaster.isEmpty() || !options.flinkSettings.isEmpty() ||
        options.remoteStatus)
        m_options.insert(id, options);
    if (options.unlimited) {
        QTimer::singleShot(0, this, [this, id] {
            if (!m_shuttingDown && !m_running.contains(id))
                startJob(id);
        });
        return;
    }
    m_queue.append(id);
    QTimer::singleShot(0, this, &JobRunner::startNext);
}

void JobRunner::appendLog(const QString &id, const QByteArray &text)
{
    if (Running *r = m_running.value(id); r && r->log) {
        r->log->write(text);
        r->log->flush();
        return;
    }
    QFile log(m_store->logPath(id));
    if (log.open(QIODevice::WriteOnly | QIODevice::Append, kOwnerOnly))
        log.write(text);
}

void JobRunner::startNext()
{
    while (!m_shuttingDown && !m_queue.isEmpty() && localRunningCount() < m_config.maxConcurrent)
        startJob(m_queue.takeFirst());
}

void JobRunner::startJob(const QString &id)
{
    const JobRecord *rec = m_store->find(id);
    if (!rec || isTerminal(rec->status.state))
        return;
    JobStatus s = rec->status;
    const bool flink = s.engine == QLatin1String("flink");
    const LaunchOptions options = m_options.take(id);
    const EngineLaunch launch = flink ? EngineLaunch::flink(*m_store, m_config, id, options)
                                      : EngineLaunch::spark(*m_store, m_config, id, options);
    if (!launch.error.isEmpty()) {
        QByteArray text;
        for (const QString &p : launch.problems)
            text += logLine(p);
        text += logLine(QStringLiteral("job FAILED before it started"));
        appendLog(id, text);
        s.state = JobState::Failed;
        s.engineState = QStringLiteral("NOT_STARTED");
        s.finishedAt = QDateTime::currentDateTimeUtc();
        s.error = launch.error;
        setStatus(id, s);
        m_runtimeEnv.remove(id);
        QTimer::singleShot(0, this, &JobRunner::startNext);
        return;
    }

    auto *r = new Running;
    r->unlimited = options.unlimited;
    r->log = new QFile(m_store->logPath(id));
    r->log->open(QIODevice::WriteOnly | QIODevice::Append, kOwnerOnly);
    QByteArray runHead;
    const int runNo =
        flink ? 0
              : m_schedules->runStarting(
                    id, m_store->jobDir(id) + QStringLiteral("/job-config.json"), &runHead);
    r->log->write(runHead);
    r->log->write(logLine(QStringLiteral("starting: ") + launch.commandLine()));
    r->log->flush();

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    env.insert(QStringLiteral("UIS_JOB_ID"), id);
    env.insert(QStringLiteral("UIS_JOB_DIR"), m_store->jobDir(id));
    // Streaming checkpoints belong to this server's data, not to a /tmp folder shared by every
    // run of the same app name (a second run would resume from another's offsets).
    // A Spark streaming job's checkpoint base was decided at submit: a redeploy of the same name
    // continues from the last run's (SnapshotManager::commit).
    if (!env.contains(QStringLiteral("UIS_CHECKPOINT_DIR"))) {
        const QString base = SnapshotSettings::load(m_store->jobDir(id)).checkpointDir;
        env.insert(QStringLiteral("UIS_CHECKPOINT_DIR"),
                   base.isEmpty() ? m_store->jobDir(id) + QStringLiteral("/checkpoints") : base);
    }
    EnginePaths::addRunnerEnvironment(env, EnginePaths::enginesHome(runnersDir()));
    const auto runtime = m_runtimeEnv.take(id);
    if (runNo > 0) { // a schedule's next run needs the same environment and target options
        m_runtimeEnv.insert(id, runtime);
        m_options.insert(id, options);
    }
    for (auto it = runtime.begin(); it != runtime.end(); ++it)
        env.insert(it.key(), it.value());

    auto *p = new QProcess(this);
    r->process = p;
    p->setProgram(launch.program);
    p->setArguments(launch.arguments);
    p->setWorkingDirectory(m_store->jobDir(id));
    p->setProcessEnvironment(env);
    p->setProcessChannelMode(QProcess::MergedChannels);
    p->setStandardInputFile(QProcess::nullDevice());
    // Own process group, so that cancel reaches the engine's children (the JVM, Python workers);
    // and if dcp-local dies, the job gets SIGTERM instead of running on unobserved.
    p->setChildProcessModifier([] {
        ::setsid();
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    });
    m_running.insert(id, r);

    connect(p, &QProcess::readyRead, this, [this, id] { onOutput(id); });
    const bool remoteStatus = options.remoteStatus;
    connect(p, &QProcess::started, this, [this, id, flink, remoteStatus] {
        Running *run = m_running.value(id);
        const JobRecord *cur = m_store->find(id);
        if (!run || !cur)
            return;
        run->pgid = run->process->processId();
        if (remoteStatus)
            return; // the cluster says when the job runs
        JobStatus st = cur->status;
        st.state = JobState::Running;
        const int n = m_schedules->runNumber(id);
        st.engineState =
            n > 0 ? QStringLiteral("RUNNING (run %1)").arg(n) : QStringLiteral("RUNNING");
        setStatus(id, st);
        Q_UNUSED(flink)
    });
    connect(p, &QProcess::finished, this, [this, id](int code, QProcess::ExitStatus status) {
        onFinished(id, code, status == QProcess::CrashExit);
    });
    connect(p, &QProcess::errorOccurred, this, [this, id](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart) {
            Running *run = m_running.value(id);
            onStartFailed(id, run ? run->process->errorString() : QString());
        }
    });

    if (runNo > 1) { // the next run of a schedule: the job stays RUNNING between runs
        s.engineState = QStringLiteral("SUBMITTED (run %1)").arg(runNo);
    } else {
        s.state = JobState::Submitted;
        s.engineState = flink ? QStringLiteral("CREATED") : QStringLiteral("SUBMITTED");
        s.startedAt = QDateTime::currentDateTimeUtc();
    }
    setStatus(id, s);
    p->start();
}

void JobRunner::onOutput(const QString &id)
{
    Running *r = m_running.value(id);
    if (!r)
        return;
    const QByteArray data = r->process->readAll();
    if (data.isEmpty())
        return;
    r->log->write(data);
    r->log->flush();
    // Look at whole lines only for the few things the status shows.
    QByteArray text = r->partialLine + data;
    const qsizetype lastNl = text.lastIndexOf('\n');
    r->partialLine = lastNl < 0 ? text.right(4096) : text.mid(lastNl + 1).right(4096);
    if (lastNl < 0)
        return;
    text.truncate(lastNl);
    Q_EMIT output(id, text);
    if (!m_running.contains(id) || r->detached)
        return; // a target took the job over while it looked at the lines
    static const QByteArray failedMark("uis-runner: FAILED:");
    // Spark 3.5 prints "Successfully started service 'SparkUI' on port 4040."; older releases and
    // Flink print the URL itself.
    static const QRegularExpression uiRe(QStringLiteral(
        "SparkUI.*started at (https?://\\S+)|Web frontend listening at (https?://\\S+)|"
        "started service 'SparkUI' on port ([0-9]+)"));
    if (const qsizetype at = text.lastIndexOf(failedMark); at >= 0) {
        const qsizetype end = text.indexOf('\n', at);
        r->lastFailure = QString::fromUtf8(text.mid(at + failedMark.size(),
                                                    end < 0 ? -1 : end - at - failedMark.size()))
                             .trimmed();
    }
    // The Flink runner reports the engine's own job state: `uis-runner: job <id> state RUNNING`.
    // A restart loop shows in the status: `state RESTARTING (3 restarts)` and the latest
    // restart's exception (`job <id> restart 3 caused by: …`) as the error.
    static const QRegularExpression stateRe(
        QStringLiteral("uis-runner: job \\S+ state ([A-Z_]+(?: \\([0-9]+ restarts?\\))?)"));
    static const QRegularExpression restartRe(
        QStringLiteral("uis-runner: job \\S+ restart [0-9]+ caused by: ([^\\n]*)"));
    if (text.contains(" state ") || text.contains(" caused by: ")) {
        const QString lines = QString::fromUtf8(text);
        QRegularExpressionMatchIterator it = stateRe.globalMatch(lines);
        QString last;
        while (it.hasNext())
            last = it.next().captured(1);
        QString cause;
        for (it = restartRe.globalMatch(lines); it.hasNext();)
            cause = it.next().captured(1).trimmed();
        const JobRecord *cur = m_store->find(id);
        if (cur && !isTerminal(cur->status.state) &&
            ((!last.isEmpty() && cur->status.engineState != last) ||
             (!cause.isEmpty() && cur->status.error != cause))) {
            JobStatus st = cur->status;
            if (!last.isEmpty())
                st.engineState = last;
            if (!cause.isEmpty())
                st.error = cause;
            setStatus(id, st);
        }
    }
    // Rows per spec node: `uis-runner: nodes [{"node": …, "rows_in": …, "rows_out": …}]`; the
    // last report of the chunk wins.
    static const QByteArray nodesMark("uis-runner: nodes ");
    if (const qsizetype at = text.lastIndexOf(nodesMark); at >= 0) {
        const qsizetype end = text.indexOf('\n', at);
        const QByteArray payload =
            text.mid(at + nodesMark.size(), end < 0 ? -1 : end - at - nodesMark.size());
        const QJsonDocument doc = QJsonDocument::fromJson(payload);
        const JobRecord *cur = m_store->find(id);
        if (doc.isArray() && cur) {
            const QList<NodeRunStats> nodes = NodeRunStats::listFromJson(doc.array());
            if (nodes != cur->status.nodes) {
                JobStatus st = cur->status;
                st.nodes = nodes;
                setStatus(id, st);
            }
        }
    }
    if (text.contains("started at http") || text.contains("listening at http") ||
        text.contains("service 'SparkUI'")) {
        const QRegularExpressionMatch m = uiRe.match(QString::fromUtf8(text));
        if (m.hasMatch()) {
            if (const JobRecord *cur = m_store->find(id)) {
                JobStatus st = cur->status;
                st.uiUrl = !m.captured(1).isEmpty() ? m.captured(1)
                           : !m.captured(2).isEmpty()
                               ? m.captured(2)
                               : QStringLiteral("http://localhost:%1").arg(m.captured(3));
                setStatus(id, st);
            }
        }
    }
}

void JobRunner::onStartFailed(const QString &id, const QString &reason)
{
    Running *r = m_running.value(id);
    if (!r)
        return;
    appendLog(id, logLine(QStringLiteral("cannot start the job: %1").arg(reason)));
    if (const JobRecord *cur = m_store->find(id)) {
        JobStatus st = cur->status;
        st.state = JobState::Failed;
        st.engineState = QStringLiteral("NOT_STARTED");
        st.finishedAt = QDateTime::currentDateTimeUtc();
        st.error = QStringLiteral("cannot start %1: %2").arg(r->process->program(), reason);
        setStatus(id, st);
    }
    finishRunning(id);
}

void JobRunner::onFinished(const QString &id, int exitCode, bool crashed)
{
    Running *r = m_running.value(id);
    if (!r)
        return;
    onOutput(id);
    if (r->detached) {
        appendLog(id, logLine(QStringLiteral("the submitting process has ended (%1)")
                                  .arg(crashed ? QStringLiteral("killed by signal %1").arg(exitCode)
                                               : QStringLiteral("exit status %1").arg(exitCode))));
        finishRunning(id);
        return;
    }
    const JobRecord *cur = m_store->find(id);
    if (cur && (r->cancelling || r->shuttingDown) && m_schedules->isScheduled(id))
        appendLog(id,
                  QStringLiteral("--- run %1 %2\n")
                      .arg(m_schedules->runNumber(id))
                      .arg(r->cancelling ? QStringLiteral("CANCELLED") : QStringLiteral("STOPPED"))
                      .toUtf8());
    if (cur && !r->shuttingDown && !r->cancelling && m_schedules->isScheduled(id)) {
        // A run of a scheduled micro-batch job: the schedule decides whether it runs again.
        const bool ok = !crashed && exitCode == 0;
        const QString how = crashed ? QStringLiteral("killed by signal %1").arg(exitCode)
                                    : QStringLiteral("exited with status %1").arg(exitCode);
        const MicroBatchScheduler::Outcome o =
            m_schedules->runFinished(id, ok, how, r->lastFailure);
        appendLog(id, o.logText);
        if (o.again) {
            JobStatus st = cur->status;
            st.state = JobState::Running;
            st.engineState = o.engineState;
            st.error = ok ? QString()
                          : QStringLiteral("run %1 failed: %2")
                                .arg(m_schedules->runNumber(id))
                                .arg(r->lastFailure.isEmpty() ? how : r->lastFailure);
            setStatus(id, st);
            finishRunning(id);
            return;
        }
    }
    if (cur) {
        JobStatus st = cur->status;
        const bool flink = st.engine == QLatin1String("flink");
        st.finishedAt = QDateTime::currentDateTimeUtc();
        st.exitCode = crashed ? 128 + exitCode : exitCode;
        QString how = crashed ? QStringLiteral("killed by signal %1").arg(exitCode)
                              : QStringLiteral("exited with status %1").arg(exitCode);
        if (r->shuttingDown) {
            st.state = JobState::Failed;
            st.engineState = flink ? QStringLiteral("CANCELED") : QStringLiteral("KILLED");
            st.error = QStringLiteral("dcp-local was shut down while the job was running");
        } else if (r->cancelling) {
            st.state = JobState::Cancelled;
            st.engineState = flink ? QStringLiteral("CANCELED") : QStringLiteral("KILLED");
            st.error.clear();
        } else if (!crashed && exitCode == 0) {
            st.state = JobState::Succeeded;
            st.engineState = QStringLiteral("FINISHED");
            st.error.clear();
        } else {
            st.state = JobState::Failed;
            st.engineState = QStringLiteral("FAILED");
            st.error =
                r->lastFailure.isEmpty() ? QStringLiteral("the job %1").arg(how) : r->lastFailure;
        }
        if (m_expectedEnd.contains(id) && st.state == JobState::Succeeded)
            st.state = m_expectedEnd.value(id); // stopped with a savepoint (setStatus applies it)
        appendLog(id, logLine(QStringLiteral("job %1 (%2)").arg(jobStateName(st.state), how)));
        setStatus(id, st);
    }
    // Stragglers of the group (children the leader left behind) go with it.
    if (r->cancelling || r->shuttingDown)
        signalGroup(r, SIGKILL);
    finishRunning(id);
}

void JobRunner::finishRunning(const QString &id)
{
    Running *r = m_running.take(id);
    if (!r)
        return;
    if (r->killTimer)
        r->killTimer->stop();
    r->process->disconnect(this);
    r->process->deleteLater();
    delete r->killTimer;
    delete r->log;
    delete r;
    if (m_shuttingDown)
        checkShutdown();
    else
        QTimer::singleShot(0, this, &JobRunner::startNext);
}

void JobRunner::expectEnd(const QString &id, JobState state)
{
    if (state == JobState::Unknown)
        m_expectedEnd.remove(id);
    else
        m_expectedEnd.insert(id, state);
}

void JobRunner::setStatus(const QString &id, const JobStatus &given)
{
    JobStatus status = given;
    // A job stopped with a savepoint ends as the stop said (Flink calls both FINISHED).
    if (isTerminal(status.state) && m_expectedEnd.contains(id)) {
        const JobState expected = m_expectedEnd.take(id);
        if (status.state != JobState::Failed) {
            status.state = expected;
            status.error.clear();
        }
    }
    const JobRecord *cur = m_store->find(id);
    const JobState before = cur ? cur->status.state : JobState::Unknown;
    // The in-memory record changes even when the write fails; the failure is only logged, as a
    // job's process cannot be undone because the disk is full.
    if (const QString e = m_store->update(id, status); !e.isEmpty())
        qWarning("dcp-local: %s", qUtf8Printable(e));
    if (isTerminal(status.state)) {
        m_schedules->remove(id);
        m_runtimeEnv.remove(id);
        m_options.remove(id);
    }
    if (status.state != before)
        Q_EMIT stateChanged(id, status.state);
}

void JobRunner::detach(const QString &id, const QString &why)
{
    Running *r = m_running.value(id);
    if (!r || r->detached)
        return;
    r->detached = true;
    appendLog(id, logLine(why));
    if (r->killTimer)
        r->killTimer->stop();
    signalGroup(r, SIGKILL);
}

void JobRunner::signalGroup(Running *r, int sig)
{
    const qint64 pgid = r->pgid > 0 ? r->pgid : r->process->processId();
    if (pgid <= 0)
        return;
    if (::kill(-pid_t(pgid), sig) != 0 && errno == ESRCH)
        ::kill(pid_t(pgid), sig); // the group may not exist yet if setsid has not run
}

JobRunner::CancelOutcome JobRunner::cancel(const QString &id)
{
    const JobRecord *rec = m_store->find(id);
    if (!rec)
        return CancelOutcome::NotFound;
    if (isTerminal(rec->status.state))
        return CancelOutcome::AlreadyFinished;
    if (m_schedules->isScheduled(id) && !m_running.contains(id)) {
        // Between two runs of a schedule (waiting, or queued for a slot): nothing to signal.
        m_queue.removeAll(id);
        JobStatus st = rec->status;
        st.state = JobState::Cancelled;
        st.engineState = QStringLiteral("SCHEDULE_CANCELLED");
        st.finishedAt = QDateTime::currentDateTimeUtc();
        appendLog(id, QStringLiteral("--- schedule cancelled after run %1 (between runs)\n")
                          .arg(m_schedules->runNumber(id))
                          .toUtf8());
        appendLog(id, logLine(QStringLiteral("job CANCELLED")));
        setStatus(id, st);
        return CancelOutcome::Cancelled;
    }
    if (m_queue.removeAll(id) > 0 || !m_running.contains(id)) {
        JobStatus st = rec->status;
        st.state = JobState::Cancelled;
        st.engineState = QStringLiteral("NOT_STARTED");
        st.finishedAt = QDateTime::currentDateTimeUtc();
        m_runtimeEnv.remove(id);
        m_options.remove(id);
        appendLog(id, logLine(QStringLiteral("job CANCELLED before it started")));
        setStatus(id, st);
        return CancelOutcome::Cancelled;
    }
    Running *r = m_running.value(id);
    if (!r->cancelling) {
        r->cancelling = true;
        appendLog(id, logLine(QStringLiteral(
                                  "cancel requested: SIGTERM to the process group; SIGKILL in %1 s")
                                  .arg(m_config.killGraceMs / 1000.0)));
        signalGroup(r, SIGTERM);
        r->killTimer = new QTimer;
        r->killTimer->setSingleShot(true);
        // A coarse timer may fire 5 % early; the grace period is a promise to the job.
        r->killTimer->setTimerType(Qt::PreciseTimer);
        connect(r->killTimer, &QTimer::timeout, this, [this, id] {
            if (Running *run = m_running.value(id)) {
                appendLog(id,
                          logLine(QStringLiteral("still running after the grace period: SIGKILL")));
                signalGroup(run, SIGKILL);
            }
        });
        r->killTimer->start(m_config.killGraceMs);
    }
    return CancelOutcome::Terminating;
}

void JobRunner::shutdown()
{
    m_shuttingDown = true;
    for (const QString &id : m_schedules->waitingJobs()) {
        if (const JobRecord *rec = m_store->find(id)) {
            JobStatus st = rec->status;
            st.state = JobState::Failed;
            st.finishedAt = QDateTime::currentDateTimeUtc();
            st.error = QStringLiteral("dcp-local was shut down between two runs of the schedule");
            appendLog(id, logLine(st.error));
            setStatus(id, st);
        }
    }
    for (auto it = m_running.begin(); it != m_running.end(); ++it) {
        Running *r = it.value();
        const QString id = it.key();
        r->shuttingDown = true;
        appendLog(id, logLine(QStringLiteral("dcp-local is shutting down: SIGTERM to the job")));
        signalGroup(r, SIGTERM);
        if (!r->killTimer) {
            r->killTimer = new QTimer;
            r->killTimer->setSingleShot(true);
            r->killTimer->setTimerType(Qt::PreciseTimer);
            connect(r->killTimer, &QTimer::timeout, this, [this, id] {
                if (Running *run = m_running.value(id))
                    signalGroup(run, SIGKILL);
            });
        }
        r->killTimer->start(qMin(m_config.killGraceMs, 5000));
    }
    QTimer::singleShot(0, this, &JobRunner::checkShutdown);
}

void JobRunner::checkShutdown()
{
    if (m_shuttingDown && m_running.isEmpty() && !m_shutdownDone) {
        m_shutdownDone = true;
        Q_EMIT shutdownComplete();
    }
}

} // namespace uis::dcplocal
