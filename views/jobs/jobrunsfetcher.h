// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobstatus.h"

#include <QObject>
#include <QSet>

namespace uis {

class JobsConnections;
class JobsModel;

/**
 * Asks the server for the runs of scheduled jobs (GET /api/v1/jobs/{id}/runs, through the
 * environment's asynchronous DcpClient: nothing waits on the GUI thread) and merges each answer
 * into the Jobs model's child rows. A job is asked about when its status moves and says that
 * it runs on a schedule; at most one request per job is under way, and a change meanwhile asks
 * once more after it, so a fast schedule never piles requests up.
 */
class JobRunsFetcher : public QObject
{
    Q_OBJECT
public:
    JobRunsFetcher(JobsModel *model, JobsConnections *connections, QObject *parent = nullptr);

    /// True when the engine state is one dcp-local gives a scheduled job (`RUNNING (run 2)`,
    /// `SCHEDULED next … (run 3)`, `SCHEDULE_CANCELLED`).
    static bool looksScheduled(const JobStatus &status);
    /// A job's status moved (or it was selected): asks for its runs when it is scheduled or
    /// already has runs.
    void jobChanged(const QString &environment, const JobStatus &status);
    /// Asks for the runs of a job now (or right after the request under way).
    void fetch(const QString &environment, const QString &jobId);
    int inFlight() const { return int(m_inFlight.size()); }

Q_SIGNALS:
    /// An answer was merged: the job has `runs` runs.
    void fetched(const QString &environment, const QString &jobId, int runs);

private:
    JobsModel *m_model;
    JobsConnections *m_connections;
    QSet<QString> m_inFlight; ///< environment + '\n' + job id
    QSet<QString> m_again;    ///< asked again while a request was under way
};

} // namespace uis
