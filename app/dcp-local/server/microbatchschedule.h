// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cronexpression.h"
#include "history/runhistorystore.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>

#include <optional>

class QTimer;

namespace uis::dcplocal {

/**
 * When a scheduled micro-batch job runs next: every `trigger_interval` (`5 minutes`, `30 s`), or
 * at the minutes a 5-field cron expression names (`*\/5 * * * *`; UTC, standard cron: lists,
 * ranges, steps, month and day names, day-of-month OR day-of-week when both are restricted).
 * A value type with no clock of its own, so the next-time computation is tested directly.
 */
class MicroBatchSchedule
{
public:
    enum class Kind { Interval, Cron };

    /// `<n> ms|s|seconds|m|minutes|h|hours|d|days` (singular, plural and short forms; an
    /// optional `interval ` prefix as Spark writes it) in milliseconds; nullopt when malformed.
    static std::optional<qint64> parseInterval(const QString &text);
    static std::optional<MicroBatchSchedule> interval(qint64 ms);
    /// Parses a 5-field cron; nullopt with `error` set when it is not valid.
    static std::optional<MicroBatchSchedule> cron(const QString &expression,
                                                  QString *error = nullptr);

    /**
     * The schedule of a compiled UIS job config (`config.uis.job_config`) when dcp-local runs
     * it again and again: `job_type: micro_batch`, a `schedule` with `trigger_interval` or
     * `cron`, and no streaming source (Kafka runs as one long streaming query instead).
     * `schedule.stop_on_failure: true` ends the schedule at the first failed run. nullopt for
     * any other job; `error` is set when the schedule is there but unusable.
     */
    static std::optional<MicroBatchSchedule> fromJobConfig(const QJsonObject &job,
                                                           QString *error = nullptr);

    /**
     * The start of the next run after a run that started at `lastStart` and ended at `now`.
     * Interval: `lastStart + interval`, or `now` when the run took longer than that (a late
     * run starts at once, as Spark's processing-time trigger does). Cron: the first matching
     * minute strictly after `now`. Invalid when the cron never matches again.
     */
    QDateTime nextRun(const QDateTime &lastStart, const QDateTime &now) const;

    Kind kind() const { return m_kind; }
    qint64 intervalMs() const { return m_intervalMs; }
    bool stopOnFailure() const { return m_stopOnFailure; }
    void setStopOnFailure(bool stop) { m_stopOnFailure = stop; }
    /// "every 5 s", "cron `0 */6 * * *` (UTC)".
    QString describe() const;

private:
    bool matchesDay(const QDate &d) const;

    Kind m_kind = Kind::Interval;
    qint64 m_intervalMs = 0;
    CronExpression m_cron;
    bool m_stopOnFailure = false;
};

/**
 * The runs of scheduled micro-batch jobs on a target that runs them as processes (the local
 * one; any target can use it). JobRunner tells it when a run starts and how it ended; it says
 * whether and when the job runs again, keeps the timers between runs and emits due() when a
 * run's time has come. The log lines of each run (`--- run 3 started …`, `--- run 3 SUCCEEDED
 * in 4.2 s`) are written here so that every target writes the same. With a RunHistoryStore,
 * every run is written through to it and the runs of earlier servers are read back.
 */
class MicroBatchScheduler : public QObject
{
    Q_OBJECT
public:
    explicit MicroBatchScheduler(QObject *parent = nullptr);
    ~MicroBatchScheduler() override;

    /// Keeps the runs in `store` from now on and reads back the runs it holds (not owned).
    void setHistory(RunHistoryStore *store);

    /// A run of `id` starts. The first time, reads the schedule from the job config file; for a
    /// job without one returns 0 and nothing changes. Else returns the run's number and sets
    /// `logLine` to its header.
    int runStarting(const QString &id, const QString &jobConfigPath, QByteArray *logLine);
    /// The number of the run in progress or the last one; 0 for an unscheduled job.
    int runNumber(const QString &id) const;
    bool isScheduled(const QString &id) const { return m_jobs.contains(id); }
    /// True while the job waits between runs (no process).
    bool isWaiting(const QString &id) const;

    struct Outcome
    {
        bool again = false; ///< runs again at `next`
        QDateTime next;
        QString engineState; ///< `SCHEDULED next <time> (run N)` when again
        QByteArray logText;  ///< the run's closing line(s)
    };
    /// The run ended on its own (not cancelled): `ok` is a clean exit, `how` the way it ended,
    /// `failure` the runner's cause. When the schedule goes on, arms the timer.
    Outcome runFinished(const QString &id, bool ok, const QString &how, const QString &failure);
    /// Forgets the job and stops its timer (cancel, shutdown, a terminal state).
    void remove(const QString &id);
    QStringList waitingJobs() const;

    /// A scheduled job's next run, for the schedule_late rule.
    struct NextRun
    {
        QString jobId;
        int run = 0;   ///< the number the next run will have
        QDateTime due; ///< invalid while a run is in progress
    };
    /// Every job on a schedule now.
    QList<NextRun> nextRuns() const;
    /// `{"job_id", "scheduled", "schedule", "next_run_at", "runs": [{run, started_at,
    /// finished_at, outcome, duration_seconds, error}]}` (this server's runs, oldest first).
    QJsonObject runsJson(const QString &id) const;

Q_SIGNALS:
    /// The next run of `id` is due.
    void due(const QString &id);

private:
    struct Job
    {
        MicroBatchSchedule schedule;
        int run = 0;
        QDateTime runStartedAt;
        QDateTime next;
        QTimer *timer = nullptr;
    };
    void armTimer(Job *job, qint64 ms);
    /// Writes the job's newest run through to the history store and trims the history.
    void keep(const QString &id);
    QHash<QString, Job *> m_jobs;
    QHash<QString, bool> m_unscheduled; ///< jobs known to have no schedule
    QHash<QString, QList<ScheduledRun>> m_history; ///< kept after the schedule ends
    QHash<QString, QString> m_described;           ///< the schedule in words
    RunHistoryStore *m_store = nullptr;
};

} // namespace uis::dcplocal
