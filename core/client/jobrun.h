// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobstatus.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace uis {

/// One run of a scheduled micro-batch job: an entry of `GET /api/v1/jobs/{id}/runs`.
struct JobRun
{
    int run = 0;
    QString outcome; ///< RUNNING, SUCCEEDED, FAILED or CANCELLED
    QDateTime startedAt;
    QDateTime finishedAt;
    QString error;

    /// The outcome as a job state (for the icons and colours of job states).
    JobState state() const { return parseJobState(outcome); }
    /// Seconds from start to finish (or `now` while it runs); -1 when not started.
    qint64 durationSecs(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

    static JobRun fromJson(const QJsonObject &o);
    /// The runs of a `…/runs` answer, newest first (the answer lists them oldest first).
    static QList<JobRun> listFromRunsJson(const QJsonObject &answer);
    bool operator==(const JobRun &o) const = default;
};

} // namespace uis
