// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace uis::dcplocal {

/**
 * One snapshot of a job's state as dcp-local records it: a Flink savepoint (triggered, or taken
 * by stop-with-savepoint), a Flink job's latest retained checkpoint, or a Spark streaming
 * query's checkpoint. Records are never removed: a delete is an explicit, recorded status.
 */
struct SavepointRecord
{
    QString id; ///< `sp-…` (savepoints), `chk-<job>` (a Flink job's latest checkpoint)
    QString jobId;
    QString kind;   ///< "savepoint" | "checkpoint"
    QString origin; ///< "trigger" | "stop" | "drain" | "checkpoint"
    QString status; ///< IN_PROGRESS | COMPLETED | FAILED | DELETED | MISSING
    QString path;   ///< the engine's location (`file:/…`), "" until known
    QDateTime createdAt;
    QDateTime completedAt;
    std::optional<qint64> sizeBytes;
    QString triggerId; ///< Flink's trigger id of the asynchronous operation
    QString error;
    QDateTime deletedAt;
    QString deletedBy;

    bool usable() const { return status == QLatin1String("COMPLETED") && !path.isEmpty(); }
    /// The object of `GET /api/v1/jobs/{id}/savepoints`.
    QJsonObject toJson() const;
    /// A local file system path for `path` (`file:/x`, `file:///x` or `/x`), "" for remote URIs.
    static QString localPath(const QString &path);
    /// Bytes of the files under a local path (a directory or a file), nullopt when absent.
    static std::optional<qint64> sizeOnDisk(const QString &path);
};

} // namespace uis::dcplocal
