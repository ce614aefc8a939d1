// SPDX-License-Identifier: Apache-2.0
#include "jobrun.h"

#include <QJsonArray>

#include <algorithm>

namespace uis {

qint64 JobRun::durationSecs(const QDateTime &now) const
{
    if (!startedAt.isValid())
        return -1;
    return std::max<qint64>(0, startedAt.secsTo(finishedAt.isValid() ? finishedAt : now));
}

JobRun JobRun::fromJson(const QJsonObject &o)
{
    JobRun r;
    r.run = o.value(QLatin1String("run")).toInt();
    r.outcome = o.value(QLatin1String("outcome")).toString();
    r.startedAt = fromRfc3339(o.value(QLatin1String("started_at")));
    r.finishedAt = fromRfc3339(o.value(QLatin1String("finished_at")));
    r.error = o.value(QLatin1String("error")).toString();
    return r;
}

QList<JobRun> JobRun::listFromRunsJson(const QJsonObject &answer)
{
    QList<JobRun> runs;
    for (const QJsonValue &v : answer.value(QLatin1String("runs")).toArray()) {
        const JobRun r = fromJson(v.toObject());
        if (r.run > 0)
            runs.append(r);
    }
    std::sort(runs.begin(), runs.end(),
              [](const JobRun &a, const JobRun &b) { return a.run > b.run; });
    return runs;
}

} // namespace uis
