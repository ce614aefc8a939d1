// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "metricsample.h"

#include <QJsonObject>
#include <QSet>
#include <QString>

namespace uis::dcplocal {

/**
 * Metric points of every job in SQLite: `metrics.db` beside `jobs.db`, a database of its own
 * so that a burst of samples never waits on (or delays) a job record write. WAL: a read of the
 * API never waits for a write. Points older than the retention are pruned as they are added
 * (at most once a minute), so the file stays bounded.
 */
class MetricsStore
{
public:
    MetricsStore();
    ~MetricsStore();
    MetricsStore(const MetricsStore &) = delete;
    MetricsStore &operator=(const MetricsStore &) = delete;

    /// Opens (and creates) `dataDir/metrics.db`. Returns an error or "".
    QString open(const QString &dataDir, qint64 retentionMs);
    void close();
    qint64 retentionMs() const { return m_retentionMs; }

    /// Appends the points of one job in one transaction; returns an error or "".
    QString add(const QString &jobId, const MetricSamples &samples);
    /**
     * `{"job_id", "series": [{"name", "node"?, "partition"?, "unit", "points": [[ms, v], …]}]}`
     * with the points at or after `sinceMs`; `names` empty: every series.
     */
    QJsonObject series(const QString &jobId, qint64 sinceMs, const QSet<QString> &names) const;
    /// The newest value of each series of the job (for `uisctl top` and the run overlay).
    MetricSamples latest(const QString &jobId) const;
    /// Removes the points older than the retention; returns the number removed.
    qint64 prune(qint64 nowMs);

private:
    QString m_connection;
    qint64 m_retentionMs = 0;
    qint64 m_lastPruneMs = 0;
};

} // namespace uis::dcplocal
