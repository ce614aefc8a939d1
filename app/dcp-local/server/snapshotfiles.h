// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "savepointrecord.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace uis::dcplocal {

/**
 * What the engines left on disk, for when their REST API cannot be asked any more (a local
 * mini-cluster ends with its job): Flink savepoints (`<dir>/savepoint-<job id[0:6]>-…/_metadata`),
 * Flink retained checkpoints (`<dir>/<job id>/chk-<n>/_metadata`) and Spark streaming queries'
 * checkpoints (`<base>/<app>/<sink>/offsets`).
 */
class SnapshotFiles
{
public:
    /// The newest savepoint of the Flink job under `dir` written at or after `since`; "" if none.
    static QString flinkSavepoint(const QString &dir, const QString &flinkJobId,
                                  const QDateTime &since);
    /// The newest complete retained checkpoint of the Flink job under `dir`; "" if none.
    static QString flinkCheckpoint(const QString &dir, const QString &flinkJobId);
    /// One COMPLETED checkpoint record per Spark streaming query under `base`.
    static QList<SavepointRecord> sparkCheckpoints(const QString &jobId, const QString &base);
};

} // namespace uis::dcplocal
