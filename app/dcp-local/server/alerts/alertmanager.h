// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "alertconfig.h"
#include "alertevaluator.h"
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
 * rule, and keeps every alert with its deliveries for GET /api/v1/alerts.
 */
class AlertManager : public QObject
{
    Q_OBJECT
public:
    AlertManager(AlertConfig config, JobStore *jobs, JobRunner *runner, MetricsCollector *collector,
                 QObject *parent = nullptr);

    /// `{"alerts": [{rule, job_id, job_name, status, fired_at, resolved_at, text, deliveries}],
    ///   "tests": [...]}`, newest first.
    QJsonObject toJson() const;
    /// Sends a test message of `rule` to its channels; false when there is no such rule.
    bool test(const QString &rule);
    const AlertConfig &config() const { return m_config; }
    AlertDispatcher *dispatcher() const { return m_dispatcher; }

private:
    void onState(const QString &id, uis::JobState state);
    void onSampled(const QString &id, const MetricSamples &samples);
    void send(const QList<AlertNotification> &notifications);
    AlertJob job(const QString &id) const;

    AlertConfig m_config;
    JobStore *m_jobs;
    AlertEvaluator m_evaluator;
    AlertDispatcher *m_dispatcher;
    QTimer *m_tick;
    QHash<int, QList<int>> m_deliveries; ///< alert index → delivery ids
    QList<std::pair<AlertNotification, QList<int>>> m_tests;
};

} // namespace uis::dcplocal
