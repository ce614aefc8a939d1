// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "metricsample.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <functional>

namespace uis::dcplocal {

class MetricsHelper;

/// A Kafka source of a job: its spec node, broker and topics (from the compiled job).
struct KafkaSourceInfo
{
    QString node;
    QString bootstrap;
    QStringList topics;
};

/**
 * The consumer lag of a job's Kafka sources per partition: the broker's end offset (asked
 * through the metrics helper) minus the offset the engine last said it had read. The engine's
 * offsets are the last ones known, so a job that stops reading (stopped, stuck, its process
 * frozen) shows its lag growing as the topic grows. A partition the engine never reported has
 * no lag series (absent, not zero).
 */
class KafkaLagProbe : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const MetricSamples &, const QString &error)>;

    explicit KafkaLagProbe(MetricsHelper *helper, QObject *parent = nullptr);

    /// Lag samples at `atMs` for the `consumed` offsets (`topic/partition` → offset).
    void probe(const QList<KafkaSourceInfo> &sources, const QHash<QString, qint64> &consumed,
               qint64 atMs, Done done);

    /// end − consumed per partition present in both (never below zero).
    static MetricSamples lag(const QHash<QString, qint64> &endOffsets,
                             const QHash<QString, qint64> &consumed, qint64 atMs);

private:
    MetricsHelper *m_helper;
};

} // namespace uis::dcplocal
