// SPDX-License-Identifier: Apache-2.0
#include "flinkchangetracker.h"

#include <QJsonArray>

namespace uis::dcplocal {

QHash<QString, FlinkChangeTracker::Mark> FlinkChangeTracker::parse(const QJsonObject &overview)
{
    QHash<QString, Mark> out;
    for (const QJsonValue &v : overview.value(QLatin1String("jobs")).toArray()) {
        const QJsonObject j = v.toObject();
        Mark m;
        m.state = j.value(QLatin1String("state")).toString();
        m.lastModification = qint64(j.value(QLatin1String("last-modification")).toDouble());
        m.tasks = j.value(QLatin1String("tasks")).toObject();
        // A running job's duration runs to the JobManager's "now", so the age of its last change
        // needs no agreement between the two machines' clocks.
        const qint64 start = qint64(j.value(QLatin1String("start-time")).toDouble());
        const qint64 end = qint64(j.value(QLatin1String("end-time")).toDouble(-1));
        const qint64 duration = qint64(j.value(QLatin1String("duration")).toDouble(-1));
        if (end < 0 && start > 0 && duration >= 0 && m.lastModification > 0)
            m.ageMs = qMax<qint64>(0, start + duration - m.lastModification);
        out.insert(j.value(QLatin1String("jid")).toString(), m);
    }
    return out;
}

bool FlinkChangeTracker::needsFullPoll(const QString &id, const Mark *mark, qint64 nowMs)
{
    if (!mark) {
        // Not listed: the full poll tells whether the JobManager lost the job (404).
        m_jobs.remove(id);
        return true;
    }
    auto it = m_jobs.find(id);
    if (it == m_jobs.end() || !it->mark.sameAs(*mark)) {
        Job j;
        if (it != m_jobs.end())
            j.lastFullMs = it->lastFullMs;
        j.mark = *mark;
        j.changedAtMs = nowMs - mark->ageMs;
        it = m_jobs.insert(id, j);
    }
    return it->settledPolls < 2 || nowMs - it->lastFullMs >= kSafetyMs;
}

void FlinkChangeTracker::polled(const QString &id, qint64 startedMs, bool complete)
{
    auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return;
    if (!complete) {
        // A failed exceptions or metrics call leaves the job's figures uncertain: poll again.
        it->settledPolls = 0;
        return;
    }
    it->lastFullMs = startedMs;
    if (startedMs >= it->changedAtMs + kSettleMs)
        ++it->settledPolls;
}

} // namespace uis::dcplocal
