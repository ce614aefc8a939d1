// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace uis {

/// The life cycle of a DCP job (DCP-API.md). Terminal states never change.
enum class JobState { Unknown, Pending, Submitted, Running, Succeeded, Failed, Cancelled };

/// `PENDING`, `RUNNING`, … as the API spells them; "UNKNOWN" for Unknown.
QString jobStateName(JobState state);
/// Parses the API's word (case-insensitive); Unknown for anything else.
JobState parseJobState(QStringView name);
/// True for Succeeded, Failed and Cancelled.
bool isTerminal(JobState state);

/// What one spec node (endpoint, transform, sink) did in a run, as the runner counted it:
/// `nodes` of the status object. Counts are -1 when the engine does not report them.
struct NodeRunStats
{
    QString node; ///< the spec node's name
    qint64 rowsIn = -1;
    qint64 rowsOut = -1;
    qint64 invalid = -1;       ///< poison records the source dropped or sent to dead letters
    double rowsPerSecond = -1; ///< while a streaming job runs
    QString error;             ///< the root cause when this node failed

    static NodeRunStats fromJson(const QJsonObject &o);
    QJsonObject toJson() const;
    /// `[{"node": …, "rows_in": …}, …]`; entries without a node name are skipped.
    static QList<NodeRunStats> listFromJson(const QJsonValue &v);
    static QJsonArray listToJson(const QList<NodeRunStats> &list);
    bool operator==(const NodeRunStats &o) const = default;
};

/// The status object of `GET /api/v1/jobs/{id}`.
struct JobStatus
{
    QString jobId;
    QString name;
    QString team;
    QString user;
    QString engine;  ///< "spark" or "flink"
    QString jobType; ///< "BATCH" or "STREAMING"
    JobState state = JobState::Unknown;
    QString engineState; ///< the engine's own word, e.g. a Spark or Flink state
    QDateTime createdAt;
    QDateTime startedAt;
    QDateTime finishedAt;
    std::optional<int> exitCode;
    QString error;
    QString uiUrl;
    QString target;            ///< the execution target that runs the job ("local", a cluster)
    QString engineJobId;       ///< the engine's id: a Flink job id, a Spark application id
    QDateTime lastConfirmedAt; ///< when the engine itself last confirmed the state
    QList<NodeRunStats> nodes; ///< per-node counts, the latest the runner reported

    /// Seconds from start (or creation) to finish (or `now`); -1 when not started.
    qint64 durationSecs(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

    static JobStatus fromJson(const QJsonObject &o);
    QJsonObject toJson() const;
    bool operator==(const JobStatus &o) const = default;
};

/// A page of `GET /api/v1/jobs`.
struct JobList
{
    QList<JobStatus> jobs;
    QString nextCursor; ///< "" on the last page

    static JobList fromJson(const QJsonObject &o);
};

/// A range of a job's log (`GET /api/v1/jobs/{id}/logs`).
struct LogChunk
{
    QString jobId;
    qint64 offset = 0;
    qint64 nextOffset = 0;
    bool complete = false;
    QByteArray data; ///< UTF-8 text of the range

    static LogChunk fromJson(const QJsonObject &o);
};

/// The answer to a submit: `{"job_id", "status", "created_at"}`.
struct SubmitResult
{
    QString jobId;
    JobState state = JobState::Unknown;
    QDateTime createdAt;

    static SubmitResult fromJson(const QJsonObject &o);
};

/// RFC 3339 UTC with milliseconds (`2025-01-31T12:00:00.000Z`), "" for an invalid time.
QString toRfc3339(const QDateTime &t);
/// Parses RFC 3339 / ISO 8601; invalid for null or garbage.
QDateTime fromRfc3339(const QJsonValue &v);

} // namespace uis
