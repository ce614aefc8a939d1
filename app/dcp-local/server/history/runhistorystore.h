// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sqlitefile.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace uis::dcplocal {

/// One run of a scheduled job (GET /api/v1/jobs/{id}/runs).
struct ScheduledRun
{
    int run = 0;
    QDateTime startedAt;
    QDateTime finishedAt;
    QString outcome = QStringLiteral("RUNNING"); ///< RUNNING, SUCCEEDED, FAILED or CANCELLED
    QString error;
};

/**
 * The runs of scheduled jobs in `runs.db` beside `jobs.db`, so that the history of a schedule
 * survives a restart of dcp-local. Each run is written when it starts and again when it ends;
 * only the newest `MaxRunsPerJob` of a job are kept (a schedule every few seconds runs for
 * months). A run still RUNNING when the file is read again was cut short by a crash.
 */
class RunHistoryStore
{
public:
    static constexpr int MaxRunsPerJob = 1000;

    /// Opens (and creates) `dataDir/runs.db`. Returns an error or "".
    QString open(const QString &dataDir);
    void close() { m_db.close(); }

    /// Writes one run of `jobId` (its schedule in words beside it); returns an error or "".
    QString save(const QString &jobId, const QString &schedule, const ScheduledRun &run);

    struct History
    {
        QHash<QString, QList<ScheduledRun>> runs; ///< per job, oldest first
        QHash<QString, QString> schedules;        ///< per job, the schedule in words
    };
    /// Everything stored. Runs left RUNNING by a crash are returned (and stored) FAILED.
    History load();

private:
    SqliteFile m_db;
};

} // namespace uis::dcplocal
