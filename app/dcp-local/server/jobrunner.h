// SPDX-License-Identifier: Apache-2.0
#pragma once

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

/// How jobs are run: the executables, where the runners are, and the limits.
struct RunnerConfig
{
    QString sparkSubmit; ///< --spark-submit; "" finds .venv/bin/spark-submit, then PATH
    QString flink;       ///< --flink; "" uses .venv/bin/python with the Flink runner
    QString runnersDir;  ///< "" uses UIS_RUNNERS_DIR, then <exe>/../../runners
    int maxConcurrent = 2;
    int killGraceMs = 10000;
};

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
    QString submit(const QString &id, const JobRequest &request);
    /// Queues a job recovered as PENDING after a restart (its files are already there).
    void requeue(const QString &id);
    CancelOutcome cancel(const QString &id);
    /// Stops every running job (SIGTERM, SIGKILL after the grace period), marks it FAILED and
    /// emits shutdownComplete(); queued jobs stay PENDING for the next start.
    void shutdown();

    int runningCount() const { return int(m_running.size()); }
    int queuedCount() const { return int(m_queue.size()); }
    QString runnersDir() const;

Q_SIGNALS:
    /// A job the runner handles changed state (SUBMITTED, RUNNING or a terminal state); the
    /// store already holds the new status when this is emitted.
    void stateChanged(const QString &id, uis::JobState state);
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
        QString lastFailure; ///< the runner's `uis-runner: FAILED: …` line
        QByteArray partialLine;
    };
    struct Launch
    {
        QString program;
        QStringList arguments;
        QStringList problems; ///< log lines explaining why it cannot run
        QString error;        ///< the status error when it cannot
    };

    void startNext();
    void startJob(const QString &id);
    Launch prepareSpark(const QString &id) const;
    Launch prepareFlink(const QString &id) const;
    QString projectDir() const;
    void appendLog(const QString &id, const QByteArray &text);
    void onOutput(const QString &id);
    void onFinished(const QString &id, int exitCode, bool crashed);
    void onStartFailed(const QString &id, const QString &reason);
    void finishRunning(const QString &id);
    void signalGroup(Running *r, int sig);
    /// Writes `status` to the store and emits stateChanged() when the state moved.
    void setStatus(const QString &id, const JobStatus &status);
    void checkShutdown();

    JobStore *m_store;
    RunnerConfig m_config;
    QStringList m_queue;
    QHash<QString, Running *> m_running;
    QHash<QString, QHash<QString, QString>> m_runtimeEnv; ///< in memory only, never stored
    MicroBatchScheduler *m_schedules; ///< scheduled micro-batch jobs: run again until cancelled
    bool m_shuttingDown = false;
    bool m_shutdownDone = false;
};

} // namespace uis::dcplocal
