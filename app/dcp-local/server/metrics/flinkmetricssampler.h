// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "metricsample.h"

#include "jobstatus.h"

#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace uis::dcplocal {

class MetricsHelper;

/// What one look at a Flink job found.
struct FlinkSample
{
    MetricSamples samples;
    QList<NodeRunStats> nodes;       ///< per spec node, counted by the engine
    QHash<QString, qint64> consumed; ///< `topic/partition` → the source's current offset
    QString error;                   ///< why nothing (or not everything) was measured
};

/**
 * Samples one Flink job through its JobManager's REST API (a session cluster's, or the local
 * mini-cluster's the runner announced): the operators' record counters and rates
 * (`/jobs/{id}/vertices/{v}/subtasks/metrics`, summed over subtasks) put onto spec nodes by the
 * metrics helper (the runner's own operator → node rule), back pressure per task, the Kafka
 * source's current offset per partition, and the checkpoint statistics (`/checkpoints`).
 * One sample at a time; every request has a timeout, so a dead JobManager ends a sample with
 * an error instead of holding it.
 */
class FlinkMetricsSampler : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const FlinkSample &)>;

    FlinkMetricsSampler(QNetworkAccessManager *network, MetricsHelper *helper,
                        QString jobConfigPath, QObject *parent = nullptr);

    /// Starts a sample of `flinkId` at `restBase`; `done` is called once. False (and nothing
    /// called) while the previous sample is still going.
    bool sample(const QUrl &restBase, const QString &flinkId, Done done);
    bool busy() const { return m_busy; }

    /// The name Flink's metric query service gives an operator (`Source: t[1]` → `Source__t[1]`).
    static QString metricScopeName(const QString &operatorName);

private:
    struct Vertex
    {
        QString id;
        QStringList operators; ///< the chain, in order
        QStringList metricIds; ///< the ids asked for (discovered from the listing)
        QJsonArray values;     ///< the answer of the last sample
        bool listed = false;
        int samplesSinceListing = 0;
    };

    void get(const QString &path, std::function<void(const QJsonValue &, const QString &)> then);
    void onJob(const QJsonObject &job);
    void listVertex(int i);
    void readVertex(int i);
    void readAll();
    void onJobMetrics(const QJsonArray &values);
    void stepDone();
    void finish();
    void mapNodes();

    QNetworkAccessManager *m_network;
    MetricsHelper *m_helper;
    QString m_jobConfig;
    QUrl m_base;
    QString m_flinkId;
    QList<Vertex> m_vertices;
    QString m_vertexKey; ///< the vertex ids the listing was made for
    int m_outstanding = 0;
    int m_samplesSinceJob = 0;
    bool m_busy = false;
    qint64 m_atMs = 0;
    FlinkSample m_result;
    Done m_done;
};

} // namespace uis::dcplocal
