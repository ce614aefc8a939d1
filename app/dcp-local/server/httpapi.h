// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "upgradecheckapi.h"

#include <QByteArray>
#include <QHttpServer>
#include <QJsonArray>
#include <QObject>

namespace uis::dcplocal {

class JobRunner;
class JobStore;
class AlertManager;
class MetricsStore;
class MicroBatchScheduler;
class TargetRegistry;

/**
 * The routes of DCP-API.md on a QHttpServer: submit, status, list, cancel, logs. Every
 * request needs the bearer token; every error is `{"error": {"code", "message", "details"}}`
 * with the status the API names. Reads come from the in-memory mirror of the store and
 * pre-serialized status objects, so status polling stays cheap.
 */
class HttpApi : public QObject
{
    Q_OBJECT
public:
    HttpApi(JobStore *store, TargetRegistry *targets, QByteArray token, qint64 maxBodyBytes,
            QObject *parent = nullptr);

    QHttpServer *server() { return &m_server; }
    /// Where the engine runners are (dcp-local --runners-dir), for the upgrade check.
    void setRunnersDir(const QString &dir) { m_upgradeCheck = UpgradeCheckApi(m_store, dir); }
    /// The job metrics GET /api/v1/jobs/{id}/metrics serves (without: 503).
    void setMetrics(const MetricsStore *metrics) { m_metrics = metrics; }
    /// The alerts GET /api/v1/alerts lists (without --alerts: an empty list).
    void setAlerts(AlertManager *alerts) { m_alerts = alerts; }
    /// The runs of scheduled jobs GET /api/v1/jobs/{id}/runs lists.
    void setSchedules(const MicroBatchScheduler *schedules) { m_schedules = schedules; }

    /// Error body of the API.
    static QByteArray errorBody(const QString &code, const QString &message, const QJsonArray &details = {});
    /// Whether the request carries the server's bearer token.
    bool authorized(const QHttpServerRequest &request) const;
    /// The 401 answer, saying what was wrong with the token.
    static QHttpServerResponse unauthorized(const QHttpServerRequest &request);

private:
    void setupRoutes();
    QHttpServerResponse submit(const QHttpServerRequest &request);
    QHttpServerResponse status(const QString &id, const QHttpServerRequest &request);
    QHttpServerResponse list(const QHttpServerRequest &request);
    QHttpServerResponse cancel(const QString &id, const QHttpServerRequest &request);
    QHttpServerResponse logs(const QString &id, const QHttpServerRequest &request);
    QHttpServerResponse targets(const QHttpServerRequest &request);
    QHttpServerResponse alerts(const QHttpServerRequest &request);
    QHttpServerResponse testAlert(const QHttpServerRequest &request);

    QHttpServer m_server;
    JobStore *m_store;
    TargetRegistry *m_targets;
    QByteArray m_expectedAuth;
    qint64 m_maxBodyBytes;
    UpgradeCheckApi m_upgradeCheck;
    const MetricsStore *m_metrics = nullptr;
    AlertManager *m_alerts = nullptr;
    const MicroBatchScheduler *m_schedules = nullptr;
};

} // namespace uis::dcplocal
