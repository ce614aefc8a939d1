// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFuture>
#include <QHttpServerResponse>
#include <QString>

class QHttpServerRequest;

namespace uis::dcplocal {

class JobStore;

/**
 * `POST /api/v1/jobs/{id}/upgrade-check`: can the new version of a job (the body, a job request
 * as for submit) start from the job's state? The engine decides: the Flink runner's
 * `--upgrade-check` (savepoint metadata against the new job graph, then a trial restore on a copy),
 * or the Spark runner's (a trial start of the new query on a copy of the checkpoint). The snapshot
 * is the body's `path`, else the newest savepoint or retained checkpoint in the job's folder.
 * The check runs off the server's thread and answers with the runner's JSON report.
 */
class UpgradeCheckApi
{
public:
    UpgradeCheckApi(JobStore *store, QString runnersDir);

    QFuture<QHttpServerResponse> handle(const QString &id, const QHttpServerRequest &request) const;

    /// The newest `_metadata` (Flink) or checkpoint folder (Spark) under the job's folder; "".
    static QString newestSnapshot(const QString &jobDir, const QString &engine);

private:
    JobStore *m_store;
    QString m_runnersDir;
};

} // namespace uis::dcplocal
