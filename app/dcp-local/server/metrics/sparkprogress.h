// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "metricsample.h"

#include <QHash>
#include <QJsonObject>

namespace uis::dcplocal {

/// What one `uis-runner: progress {…}` line of the Spark runner says (spark/streaming.py).
struct SparkProgress
{
    MetricSamples samples;
    QHash<QString, qint64> consumed; ///< `topic/partition` → offset read up to
    QStringList topics;              ///< Kafka topics the query reads

    /**
     * Reads a progress line's JSON. `sourceNodes`: Kafka topic → the spec node of its source,
     * so that a source's rate is reported under the node's name; a source of another kind
     * keeps none (Spark names it by its own description only). `fallbackMs`: the time when the
     * progress has none.
     */
    static SparkProgress parse(const QJsonObject &line, const QHash<QString, QString> &sourceNodes,
                               qint64 fallbackMs);
};

} // namespace uis::dcplocal
