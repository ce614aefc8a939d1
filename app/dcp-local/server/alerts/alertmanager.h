// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "alertconfig.h"
#include "alertevaluator.h"
#include "alertstore.h"
#include "metrics/metricsample.h"

#include "jobstatus.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>

class QTimer;

namespace uis::dcplocal {

class AlertDispatcher;
class JobRunner;
class JobStore;
class MetricsCollector;

/**
 * The alerts of a dcp-local (`--alerts FILE`): feeds job state changes and fresh metric points
 * to the AlertEvaluator, hands what it returns to the AlertDispatcher for every channel of the
 * rule, and keeps every alert with its deliveries for GET /api/v1/alerts. Once open()ed, every
 * change is written through to the AlertStore; a restart reads it back and tries again the
 * deliveries that were not done.
 */
class AlertManager : public QObject
{
    Q_OBJECT
public:
    AlertManager(AlertConfig config, JobStore *jobs, JobRunner *runner, MetricsCollector *collector,
                 QObject *parent = nullptr);

    /// Opens `dataDir/alerts.db` and takes over what an earlier server left. Returns an error
    /// or "".
    QString open(const QString &dataDir);

    /// `{"alerts": [{rule, job_id, job_name, status, fired_at, resolved_at, text, deliveries,
    ///   desktop}], "tests": [...], "rules": [...], "channels": [{name, kind}]}`, newest first.
    QJsonObject toJson() const;
    /// Sends a test message of `rule` to its channels; false when there is no such rule.
    bool test(const QString &rule);
    const AlertConfig &config() const { return m_config; }
    AlertDispatcher *dispatcher() const { return m_dispatcher; }

private:
    void onState(const QString &id, uis::JobState state);
    void onSampled(const QString &id, const MetricSamples &samples);
    void onTick();
    void send(const QList<AlertNotification> &notifications);
    /// Queues `n` on `channel` and writes the delivery through.
    int deliver(const AlertChannel &channel, const AlertNotification &n, int alertIndex,
                int testIndex);
    void keepChangedAlerts();
    void keepDelivery(int id);
    AlertJob job(const QString &id) const;
    bool hasDesktopChannel(const QString &rule) const;

    AlertConfig m_config;
    JobStore *m_jobs;
    AlertEvaluator m_evaluator;
    JobRunner *m_runner;
    AlertDispatcher *m_dispatcher;
    QTimer *m_tick;
    AlertStore m_store;
    bool m_stored = false;
    QHash<int, StoredDelivery> m_carried; ///< what each delivery carries (for its writes)
    QHash<int, QList<int>> m_deliveries;  ///< alert index → delivery ids
    QList<std::pair<AlertNotification, QList<int>>> m_tests;
};

} // namespace uis::dcplocal
