// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDockWidget>
#include <QJsonObject>

class QComboBox;
class QLabel;
class QTimer;

namespace uis {

class JobsConnections;
class MetricsChart;

/**
 * The Metrics tab of the selected job: rows per second per node, Kafka lag per partition and
 * checkpoint (Spark: batch) duration over a chosen time range, as Qt Charts that follow the
 * job live (GET /api/v1/jobs/{id}/metrics every few seconds while the tab is visible), with the
 * newest rate and lag as a line of text above them. Every call is asynchronous.
 */
class MetricsDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit MetricsDock(JobsConnections *connections, QWidget *parent = nullptr);

    void showJob(const QString &environment, const QString &jobId);
    QString jobId() const { return m_jobId; }
    void refresh();
    /// Shows an answer of GET …/metrics (what refresh() does with the reply).
    void setMetrics(const QJsonObject &metrics);
    /// The time range in milliseconds (the combo box's).
    qint64 rangeMs() const;

    QComboBox *rangeBox() const { return m_range; }
    QLabel *summary() const { return m_summary; }
    MetricsChart *ratesChart() const { return m_rates; }
    MetricsChart *lagChart() const { return m_lag; }
    MetricsChart *checkpointChart() const { return m_checkpoints; }

Q_SIGNALS:
    void message(const QString &text);

private:
    JobsConnections *m_connections;
    QString m_environment;
    QString m_jobId;
    QComboBox *m_range;
    QLabel *m_summary;
    MetricsChart *m_rates;
    MetricsChart *m_lag;
    MetricsChart *m_checkpoints;
    QTimer *m_timer;
    QJsonObject m_last;
};

} // namespace uis
