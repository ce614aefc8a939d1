// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "enginelaunch.h"
#include "jobrequest.h"
#include "jobstatus.h"

#include <QHash>
#include <QObject>
#include <QStringList>

class QFile;
class QProcess;
class QTimer;

namespace uis::dcplocal {

class JobStore;
class MicroBatchScheduler;

/**
 * Runs jobs as real child processes, each in its own process group (setsid), at most
 * `maxConcurrent` at a time; the rest wait as PENDING. Output goes to the job's log file.
 * Cancel sends SIGTERM to the group, then SIGKILL after the grace period. When an engine or
 * runner is missing, the job ends FAILED and its log says what to install.
 */
class JobRunner : public QObject
{
    Q_OBJECT
public:
    enum class CancelOutcome { NotFound, AlreadyFinished, Cancelled, Terminating };

    JobRunner(JobStore *store, RunnerConfig config, QObject *parent = nullptr);
    ~JobRunner() override;

    /// Writes the job's files (config, SQL, first log line) and queues it. Returns an error or "".
    QString submit(const QString &id, const JobRequest &request, const LaunchOptions &options = {});
    /// submit() in two steps: the job's files and first log line, then its start (a cluster
    /// target may hold a job in between until the cluster has room).
    QString prepare(const QString &id, const JobRequest &request);
    void start(const QString &id, const LaunchOptions &options = {});
    /// Queues a job recovered as PENDING after a restart (its files are already there).
    void requeue(const QString &id, const LaunchOptions &options = {});
    /**
     * The job's process has done its part (it submitted the job to a cluster, which now runs
     * it): its process group is killed without a signal it could act on (SIGKILL, so that the
     * runner does not cancel what it submitted), and its end no longer changes the job's status.
     */
    void detach(const QString &id, const QString &why);
    bool isRunning(const QString &id) const { return m_running.contains(id); }
    /// Appends text to the job's log (through the open log of a running job, so lines keep order).
    void appendLog(const QString &id, const QByteArray &text);
    /// Writes `status` to the store and emits stateChanged() when the state moved.
    void setStatus(const QString &id, const JobStatus &status);
    /**
     * A stop-with-savepoint was requested: when the job ends without failing, it ends as `state`
     * (CANCELLED, or SUCCEEDED when drained) whatever word the engine uses. Unknown clears it.
     */
    void expectEnd(const QString &id, uis::JobState state);
    /// `dcp-local: <text>\n`, the form of the server's own lines in a job's log.
    static QByteArray logLine(const QString &text);
    CancelOutcome cancel(const QString &id);
    /// Stops every running job (SIGTERM, SIGKILL after the grace period), marks it FAILED and
    /// emits shutdownComplete(); queued jobs stay PENDING for the next start.
    void shutdown();

    int runningCount() const { return int(m_running.size()); }
    /// Jobs running on the local engines (the ones --max-concurrent limits).
    int localRunningCount() const;
    int queuedCount() const { return int(m_queue.size()); }
    int maxConcurrent() const { return m_config.maxConcurrent; }
    QString runnersDir() const;
    /// The scheduled micro-batch jobs and their runs (GET /api/v1/jobs/{id}/runs).
    const MicroBatchScheduler *schedules() const { return m_schedules; }
    MicroBatchScheduler *schedules() { return m_schedules; }

Q_SIGNALS:
    /// A job the runner handles changed state (SUBMITTED, RUNNING or a terminal state); the
    /// store already holds the new status when this is emitted.
    void stateChanged(const QString &id, uis::JobState state);
    /// Whole lines the job's process printed (already in its log).
    void output(const QString &id, const QByteArray &lines);
    void shutdownComplete();

private:
    struct Running
    {
        QProcess *process = nullptr;
        QFile *log = nullptr;
        QTimer *killTimer = nullptr;
        qint64 pgid = 0;
        bool cancelling = false;
        bool shuttingDown = false;
        bool detached = false;  ///< the cluster runs the job; the process no longer matters
        bool unlimited = false; ///< not counted against maxConcurrent
        QString lastFailure; ///< the runner's `uis-runner: FAILED: …` line
        QByteArray partialLine;
    };

    void enqueue(const QString &id, const LaunchOptions &options);
    void startNext();
    void startJob(const QString &id);
    void onOutput(const QString &id);
    void onFinished(const QString &id, int exitCode, bool crashed);
    void onStartFailed(const QString &id, const QString &reason);
    void finishRunning(const QString &id);
    void signalGroup(Running *r, int sig);
    void checkShutdown();

    JobStore *m_store;
    RunnerConfig m_config;
    QStringList m_queue;
    QHash<QString, Running *> m_running;
    QHash<QString, QHash<QString, QString>> m_runtimeEnv; ///< in memory only, never stored
    QHash<QString, LaunchOptions> m_options;               ///< jobs not on the local defaults
    QHash<QString, JobState> m_expectedEnd;                ///< jobs being stopped with a savepoint
    MicroBatchScheduler *m_schedules; ///< scheduled micro-batch jobs: run again until cancelled
    bool m_shuttingDown = false;
    bool m_shutdownDone = false;
};

} // namespace uis::dcplocal
