// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>

namespace uis::dcplocal {

/// One measured value of one series of a job (DCP-API.md, Metrics): a series is
/// (name, node, partition); node and partition are empty where they do not apply.
struct MetricSample
{
    QString name;      ///< e.g. rows_in_per_second, kafka_lag, checkpoint_duration_ms
    QString node;      ///< the spec node (per-node series)
    QString partition; ///< `topic/partition` (kafka_lag)
    QString unit;      ///< rows/s, records, ms, bytes, ratio, rows, count
    qint64 atMs = 0;   ///< epoch milliseconds
    double value = 0;
};

using MetricSamples = QList<MetricSample>;

} // namespace uis::dcplocal
