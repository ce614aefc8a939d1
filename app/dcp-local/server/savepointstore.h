// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "savepointrecord.h"

#include <QHash>
#include <QList>
#include <QString>

namespace uis::dcplocal {

/**
 * The `savepoints` table of jobs.db (the job store's SQLite connection), mirrored in memory.
 * Like job records, a change is written through before clients can see it, and nothing is ever
 * removed: a deleted savepoint keeps its row with status DELETED, who and when.
 */
class SavepointStore
{
public:
    /// Creates the table on the open connection `connection`, loads the rows; an error or "".
    QString open(const QString &connection);

    /// Inserts or replaces the record with `record.id`; returns an error or "".
    QString put(const SavepointRecord &record);
    const SavepointRecord *find(const QString &id) const;
    /// The job's records, oldest first.
    QList<const SavepointRecord *> forJob(const QString &jobId) const;
    /// The job's newest usable savepoint (COMPLETED, with a path), else nullptr.
    const SavepointRecord *latestSavepoint(const QString &jobId) const;
    /// The job's usable retained checkpoint, else nullptr.
    const SavepointRecord *latestCheckpoint(const QString &jobId) const;

private:
    QString m_connection;
    QList<SavepointRecord> m_records; ///< creation order
    QHash<QString, qsizetype> m_index;
};

} // namespace uis::dcplocal
