// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobrecord.h"
#include "savepointstore.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <map>

namespace uis::dcplocal {

/// Filters and paging of the job list.
struct JobQuery
{
    QString status;
    QString team;
    QString user;
    int limit = 50;
    qint64 beforeSeq = 0; ///< the cursor: only jobs older than this (0: from the newest)
};

/**
 * Job records in SQLite (WAL) in the data directory, mirrored in memory so that reads never
 * touch the disk. Every change is written through before it is visible to clients, so a restart
 * (or a crash) keeps every record.
 */
class JobStore
{
public:
    JobStore();
    ~JobStore();
    JobStore(const JobStore &) = delete;
    JobStore &operator=(const JobStore &) = delete;

    /// Opens (and creates) `dataDir/jobs.db` and loads every record. Returns an error or "".
    QString open(const QString &dataDir);
    void close();

    /**
     * After a restart: jobs that were SUBMITTED or RUNNING become FAILED with an error that
     * says so, except those `reattachable` accepts (jobs that run on a cluster, not as a child
     * of the server): their ids go to `*reattach`, their records stay as they are. Returns the
     * ids of PENDING jobs, oldest first, to queue again.
     */
    QStringList recover(QStringList *reattach = nullptr,
                        const std::function<bool(const JobRecord &)> &reattachable = {});

    const JobRecord *find(const QString &id) const;
    const JobRecord *findByIdempotencyKey(const QString &key) const;
    /// Inserts a new record (assigning `seq`); returns an error or "".
    QString insert(JobRecord record, const JobRecord **stored = nullptr);
    /// Writes changed status fields of an existing record; returns an error or "".
    QString update(const QString &id, const JobStatus &status);

    /// Matching records, newest first; `*nextCursor` is the cursor of the next page or 0.
    QList<const JobRecord *> list(const JobQuery &query, qint64 *nextCursor) const;
    qsizetype size() const { return qsizetype(m_bySeq.size()); }

    QString dataDir() const { return m_dataDir; }
    /// `dataDir/jobs/<id>`: the job's log and config files.
    QString jobDir(const QString &id) const;
    QString logPath(const QString &id) const;

    /// The jobs' savepoints and checkpoints (same database, same write-through rule).
    SavepointStore &savepoints() { return m_savepoints; }
    const SavepointStore &savepoints() const { return m_savepoints; }

private:
    QString exec(const QString &sql);
    QString migrate();

    QString m_dataDir;
    QString m_connection;
    std::map<qint64, JobRecord> m_bySeq;
    QHash<QString, qint64> m_seqById;
    QHash<QString, qint64> m_seqByKey;
    qint64 m_nextSeq = 1;
    SavepointStore m_savepoints;
};

} // namespace uis::dcplocal
