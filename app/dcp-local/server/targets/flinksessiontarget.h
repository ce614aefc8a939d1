// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "executiontarget.h"
#include "flinkchangetracker.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

namespace uis::dcplocal {

/**
 * A running Flink session cluster, reached through its JobManager's REST API (`rest_url`).
 *
 * Submit: the Flink runner runs as a child with `execution.target=remote` and the cluster's
 * REST address, so the job graph (with the connector jars of `pipeline.jars`) goes to the
 * cluster; once the runner has printed the Flink job id and the job's first state, its process
 * group is killed (SIGKILL: the runner would cancel on SIGTERM) and the job belongs to the
 * cluster. From then on every state comes from `/jobs/{id}` (stamped `last_confirmed_at`), each
 * new entry of `/jobs/{id}/exceptions` goes into the job's log (one `/jobs/overview` per poll
 * says which jobs changed and need those calls: FlinkChangeTracker), cancel is Flink's own
 * (`PATCH /jobs/{id}?mode=cancel`), and a job whose JobManager does not answer shows
 * `engine_state: UNREACHABLE` with its last confirmed status. At the end, the TaskManagers' log
 * lines that name the job are copied into the log. Before a job is submitted its parallelism
 * (slots) and TaskManager memory are compared with `/overview` and `/taskmanagers` (fitting/);
 * a job whose tasks wait for slots longer than `waiting_limit` shows `WAITING for resources`.
 */
class FlinkSessionTarget : public ExecutionTarget
{
    Q_OBJECT
public:
    FlinkSessionTarget(TargetSpec spec, JobStore *store, JobRunner *runner, int pollIntervalMs,
                       QObject *parent = nullptr);

    QString submit(const QString &id, const JobRequest &request) override;
    void requeue(const QString &id) override;
    JobRunner::CancelOutcome cancel(const QString &id) override;
    void reattach(const QString &id) override;
    void refresh() override;

protected:
    FitVerdict fit(const ResourceRequest &request,
                   const QList<ResourceRequest> &inFlight) const override;
    bool hasFigures() const override { return !m_overview.isEmpty(); }
    bool countedByEngine(const QString &id) const override;
    void start(const QString &id, bool requeued) override;

private:
    struct Followed
    {
        QString flinkId;
        qint64 lastExceptionMs = 0; ///< newest exception already in the log
        QString latestException;    ///< its root cause, for `error`
        bool polling = false;
        bool cancelRequested = false;
        QDateTime waitingSince;   ///< since when tasks have waited for slots (invalid: they do not)
        qint64 pollStartedMs = 0; ///< when the current or last full poll started
        QJsonObject lastJob;      ///< what apply() reads of the last full poll's `/jobs/{id}`
        int lastRestarts = 0;     ///< and its `numRestarts`
    };

    LaunchOptions launchOptions(const QString &id) const;
    QUrl api(const QString &path) const;
    QString uiUrl(const QString &flinkId) const;
    void onOutput(const QString &id, const QByteArray &lines);
    void onStateChanged(const QString &id, uis::JobState state);
    void follow(const QString &id, const QString &flinkId, qint64 knownUntilMs);
    void followAll();
    void poll(const QString &id);
    void onJob(const QString &id, const QJsonObject &job);
    void logExceptions(const QString &id, const QJsonObject &exceptions);
    void apply(const QString &id, const QJsonObject &job, int restarts);
    void markUnreachable(const QString &id, const QString &why);
    void finish(const QString &id, const QString &flinkId);
    void copyTaskManagerLogs(const QString &id, const QString &flinkId);

    int m_pollIntervalMs;
    QHash<QString, QStringList> m_submitting; ///< job → Flink ids its runner printed so far
    QHash<QString, Followed> m_followed;      ///< jobs the cluster runs
    QJsonObject m_overview;                   ///< the JobManager's last `/overview`
    QJsonArray m_taskManagers;                ///< and `/taskmanagers`
    FlinkChangeTracker m_changes;             ///< which followed jobs changed since their poll
    bool m_askingOverview = false;            ///< a `/jobs/overview` is on its way
};

} // namespace uis::dcplocal
