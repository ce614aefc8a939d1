// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>

class QTimer;

namespace uis {

class JobsConnections;
class JobsModel;

/**
 * The designer's end of the alerts' `desktop` channel: every few seconds asks each environment
 * of the Jobs list (that is already connected: the watcher never starts a server or reads the
 * keychain) for GET /api/v1/alerts, through the asynchronous DcpClient, and reports each alert
 * of a `desktop` rule about a job of the list once when it fires and once when it resolves.
 * What an environment listed at the first answer is taken as already known (no burst of old
 * alerts when the studio starts).
 */
class AlertWatcher : public QObject
{
    Q_OBJECT
public:
    AlertWatcher(JobsModel *model, JobsConnections *connections, QObject *parent = nullptr);

    void setInterval(int ms);
    /// One round now (the timer calls it).
    void poll();
    /// Whether `environment` has answered once (its alerts from then on are reported).
    bool knows(const QString &environment) const { return m_seen.contains(environment); }
    /// What makes an alert's event unique: rule, job name, when it fired, status.
    static QString eventKey(const QJsonObject &alert);

Q_SIGNALS:
    /// An alert of `environment` fired or resolved: one object of GET /api/v1/alerts.
    void alertChanged(const QString &environment, const QJsonObject &alert);

private:
    void take(const QString &environment, const QJsonObject &answer);
    bool concernsListedJob(const QString &environment, const QJsonObject &alert) const;

    JobsModel *m_model;
    JobsConnections *m_connections;
    QTimer *m_timer;
    QHash<QString, QSet<QString>> m_seen; ///< per environment: the events already reported
    QSet<QString> m_inFlight;             ///< environments being asked
};

} // namespace uis
