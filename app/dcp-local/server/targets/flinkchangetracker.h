// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace uis::dcplocal {

/**
 * Which jobs of a Flink session cluster need a full poll this tick (`/jobs/{id}`, its
 * exceptions and `numRestarts`), decided from one answer of `/jobs/overview`.
 *
 * A job's line there carries its state, its task counts per state and `last-modification`, the
 * latest state timestamp of its tasks (Flink's JobDetails): a failure, a restart or a region
 * failover changes them. While they stay as they were, the last full poll still holds and the
 * job is only confirmed. A change is polled in full until two polls have started `kSettleMs`
 * after it, since the JobManager answers from caches (the execution graph for about 3 s,
 * `numRestarts` from a metric fetch every 10 s); and every job is polled in full at least every
 * `kSafetyMs` whatever the overview says.
 */
class FlinkChangeTracker
{
public:
    static constexpr qint64 kSettleMs = 12000;
    static constexpr qint64 kSafetyMs = 60000;

    /// One job's line of `/jobs/overview`.
    struct Mark
    {
        QString state;
        qint64 lastModification = 0;
        QJsonObject tasks;
        qint64 ageMs = 0; ///< how long ago `last-modification` was, by the JobManager's clock

        bool sameAs(const Mark &o) const
        {
            return state == o.state && lastModification == o.lastModification && tasks == o.tasks;
        }
    };

    /// `/jobs/overview` as Flink job id → its line.
    static QHash<QString, Mark> parse(const QJsonObject &overview);

    /// Whether job `id` needs a full poll at `nowMs` (local clock); `mark` is its line of the
    /// overview, nullptr when the overview does not list it.
    bool needsFullPoll(const QString &id, const Mark *mark, qint64 nowMs);
    /// A full poll of `id` that started at `startedMs` has its answers (`complete`: all three).
    void polled(const QString &id, qint64 startedMs, bool complete);
    /// A job no longer followed.
    void forget(const QString &id) { m_jobs.remove(id); }

private:
    struct Job
    {
        Mark mark;
        qint64 changedAtMs = 0; ///< when `mark` became what it is, on the local clock
        qint64 lastFullMs = -1; ///< start of the last complete full poll
        int settledPolls = 0;   ///< complete full polls started kSettleMs after the change
    };
    QHash<QString, Job> m_jobs;
};

} // namespace uis::dcplocal
