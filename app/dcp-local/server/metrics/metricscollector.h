// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "kafkalagprobe.h"
#include "metricsample.h"

#include "jobstatus.h"

#include <QHash>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;
class QTimer;

namespace uis::dcplocal {

class FlinkMetricsSampler;
class JobRunner;
class JobStore;
class MetricsHelper;
class MetricsStore;
class TargetRegistry;

/**
 * Gathers the metrics of running jobs into the MetricsStore, off the request path: every
 * interval it samples each running Flink job through its JobManager's REST API (a session
 * target's, or the mini-cluster's the local runner announced), takes the Spark runner's
 * `progress` lines as they come, and measures the Kafka lag of every job with Kafka sources.
 * All of it is asynchronous (network replies, the helper's answers); a job whose engine does
 * not answer gets no points for that round and nothing else waits for it. For jobs on a
 * flink-session target, which no runner counts, the per-node counts go into the job's status.
 */
class MetricsCollector : public QObject
{
    Q_OBJECT
public:
    MetricsCollector(JobStore *jobs, JobRunner *runner, TargetRegistry *targets,
                     MetricsStore *store, MetricsHelper *helper, int intervalMs,
                     QObject *parent = nullptr);
    ~MetricsCollector() override;

    void start();
    void stop();
    /// One round now (also what the timer calls).
    void collect();
    int intervalMs() const { return m_intervalMs; }

Q_SIGNALS:
    /// Points of `jobId` were stored (the alert rules look at them).
    void sampled(const QString &jobId, const uis::dcplocal::MetricSamples &samples);

private:
    struct Tracked
    {
        FlinkMetricsSampler *flink = nullptr;
        QUrl localRest; ///< the local runner's mini-cluster (`job <id> rest <url>`)
        QString localFlinkId;
        QHash<QString, qint64> consumed; ///< topic/partition → last offset the engine read
        QList<KafkaSourceInfo> kafka;
        bool kafkaAsked = false;
        bool lagBusy = false;
    };

    void onOutput(const QString &id, const QByteArray &lines);
    void onStateChanged(const QString &id, uis::JobState state);
    void sampleFlink(const QString &id, Tracked &st);
    void sampleLag(const QString &id, Tracked &st);
    void store(const QString &id, const MetricSamples &samples);
    void setNodes(const QString &id, const QList<NodeRunStats> &nodes);
    QString jobConfigPath(const QString &id) const;

    JobStore *m_jobs;
    JobRunner *m_runner;
    TargetRegistry *m_targets;
    MetricsStore *m_store;
    MetricsHelper *m_helper;
    int m_intervalMs;
    QTimer *m_timer;
    QNetworkAccessManager *m_network;
    KafkaLagProbe *m_lag;
    QHash<QString, Tracked> m_jobStates;
};

} // namespace uis::dcplocal
