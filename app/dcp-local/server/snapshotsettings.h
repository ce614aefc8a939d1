// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace uis::dcplocal {

/**
 * Where a job keeps its state and what it starts from, decided once at submit and kept in the
 * job's folder (`snapshots.json`), so a job queued again after a restart starts the same way.
 * Flink: retained checkpoints and savepoints go to the spec's `checkpoint_dir` / `savepoint_dir`
 * (the script's SETs) or else under the job's folder; a restore sets `execution.savepoint.path`.
 * Spark: the base folder of the streaming queries' checkpoints (UIS_CHECKPOINT_DIR).
 */
struct SnapshotSettings
{
    QString checkpointDir; ///< Flink `execution.checkpointing.dir`; Spark's checkpoint base
    QString savepointDir;  ///< Flink `execution.checkpointing.savepoint-dir`
    bool checkpointDirFromSpec = false;
    bool savepointDirFromSpec = false;
    QString restorePath; ///< "" starts without state
    bool allowNonRestoredState = false;
    QString restoredFromJob; ///< the job whose snapshot `restorePath` is ("" for a given path)

    static SnapshotSettings load(const QString &jobDir);
    /// Writes `jobDir/snapshots.json` atomically; an error or "".
    QString save(const QString &jobDir) const;

    /// `KEY=VALUE` settings for the Flink runner's `--set`.
    QStringList flinkSettings() const;
    /// The value of `SET 'key' = 'value';` in a Flink SQL script, "" when it has none.
    static QString sqlOption(const QString &sql, const QString &key);
    /// A Flink file system URI for a local folder (`file:///abs`); other URIs unchanged.
    static QString flinkUri(const QString &path);
};

} // namespace uis::dcplocal
