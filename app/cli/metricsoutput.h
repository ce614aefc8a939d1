// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QString>
#include <QTextStream>

namespace uis::cli {

/// The newest point of every series of a GET …/metrics answer, one line each
/// (`uisctl status ID --metrics`).
void printLatestMetrics(QTextStream &out, const QJsonObject &metrics);

/// The figures `uisctl top` shows for a job, from its metrics answer.
struct JobRates
{
    double rowsPerSecond =
        -1;          ///< the sources' rows/s summed (nodes with rows out only), else the sinks'
    double lag = -1; ///< the Kafka lag, summed over partitions
    double checkpointMs = -1; ///< the last completed checkpoint's duration
    qint64 checkpointAtMs = 0;
    double restarts = -1;

    static JobRates fromMetrics(const QJsonObject &metrics);
};

/// `12.3k`, `950`, `-` (absent).
QString shortNumber(double v);

} // namespace uis::cli
