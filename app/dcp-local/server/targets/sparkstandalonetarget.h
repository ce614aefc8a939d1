// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "executiontarget.h"

#include <QHash>

namespace uis::dcplocal {

/**
 * A Spark standalone master (`master: spark://…`, `master_ui: http://…`). A Python application
 * cannot run in cluster mode on a standalone master, so the job is `spark-submit --master
 * spark://… --deploy-mode client`: the driver is a child of dcp-local (its end is the job's
 * end, as for a local job) and the executors run on the cluster's workers. The application id
 * comes from the driver's log line; the master's `/json/` confirms the application's state
 * (`engine_state`, `last_confirmed_at`) and gives the overview. Before a job starts, its
 * executors are compared with the master's workers (fitting/): too large is refused, a busy
 * cluster holds it PENDING; an application the master grants no executor for longer than
 * `waiting_limit` shows `WAITING for resources (…)` with the driver's own warning. Cancel stops the
 * driver's process group; the master then lists the application as finished. A driver dies with
 * dcp-local, so there is nothing to re-attach after a restart.
 */
class SparkStandaloneTarget : public ExecutionTarget
{
    Q_OBJECT
public:
    SparkStandaloneTarget(TargetSpec spec, JobStore *store, JobRunner *runner,
                          QObject *parent = nullptr);

    QString submit(const QString &id, const JobRequest &request) override;
    void requeue(const QString &id) override;
    JobRunner::CancelOutcome cancel(const QString &id) override;
    void refresh() override;

protected:
    FitVerdict fit(const ResourceRequest &request,
                   const QList<ResourceRequest> &inFlight) const override;
    bool hasFigures() const override { return !m_master.isEmpty(); }
    bool countedByEngine(const QString &id) const override;
    void start(const QString &id, bool requeued) override;

private:
    LaunchOptions launchOptions() const;
    void onOutput(const QString &id, const QByteArray &lines);
    void onStateChanged(const QString &id, uis::JobState state);
    void confirm(const QJsonObject &master);
    QString appUrl(const QString &appId) const;

    QHash<QString, QString> m_apps; ///< job → application id (empty until the driver logs it)
    QHash<QString, QString>
        m_ended; ///< ended jobs whose final application state is still to confirm
    QJsonObject m_master;            ///< the master's last `/json/` answer
    QHash<QString, QString> m_unfed; ///< job → the driver's "has not accepted any resources" line
};

} // namespace uis::dcplocal
