// SPDX-License-Identifier: Apache-2.0
#include "metricsdock.h"

#include "jobsconnections.h"
#include "metricschart.h"

#include "dcpclient.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QScrollArea>
#include <QSet>
#include <QTimer>
#include <QVBoxLayout>

namespace uis {

namespace {

constexpr int RefreshMs = 5000;

/// The newest value of each matching series, summed (rate over nodes, lag over partitions);
/// `skipNodes`: nodes left out (for the sources' rate: those that also take rows in).
double newestSum(const QJsonArray &series, const QStringList &names, bool *found,
                 const QSet<QString> &skipNodes = {})
{
    double sum = 0;
    *found = false;
    for (const QJsonValue &v : series) {
        if (!names.contains(v[QLatin1String("name")].toString()) ||
            skipNodes.contains(v[QLatin1String("node")].toString()))
            continue;
        const QJsonArray points = v[QLatin1String("points")].toArray();
        if (points.isEmpty())
            continue;
        sum += points.last().toArray().at(1).toDouble();
        *found = true;
    }
    return sum;
}

} // namespace

MetricsDock::MetricsDock(JobsConnections *connections, QWidget *parent)
    : QDockWidget(tr("Metrics"), parent), m_connections(connections), m_range(new QComboBox),
      m_summary(new QLabel), m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("metricsDock"));
    m_range->setObjectName(QStringLiteral("metricsRange"));
    for (const auto &[text, minutes] :
         {std::pair{tr("Last 5 minutes"), 5}, std::pair{tr("Last 15 minutes"), 15},
          std::pair{tr("Last hour"), 60}, std::pair{tr("Last 6 hours"), 360},
          std::pair{tr("Last 24 hours"), 1440}})
        m_range->addItem(text, minutes);
    m_range->setCurrentIndex(1);
    m_rates = new MetricsChart(
        tr("Rows per second per node"),
        {QStringLiteral("rows_in_per_second"), QStringLiteral("rows_out_per_second")},
        tr("rows/s"));
    m_lag = new MetricsChart(tr("Kafka lag per partition"), {QStringLiteral("kafka_lag")},
                             tr("records"));
    m_checkpoints = new MetricsChart(
        tr("Checkpoint / batch duration"),
        {QStringLiteral("checkpoint_duration_ms"), QStringLiteral("batch_duration_ms")}, tr("ms"));
    m_summary->setObjectName(QStringLiteral("metricsSummary"));
    m_summary->setText(tr("Select a job in the Jobs list."));

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_range);
    auto *charts = new QWidget;
    auto *v = new QVBoxLayout(charts);
    v->addLayout(top);
    auto *row = new QHBoxLayout;
    row->addWidget(m_rates, 2);
    row->addWidget(m_lag, 1);
    row->addWidget(m_checkpoints, 1);
    v->addLayout(row, 1);
    setWidget(charts);

    m_timer->setInterval(RefreshMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        setMetrics(m_last);
        refresh();
    });
}

qint64 MetricsDock::rangeMs() const
{
    return qint64(m_range->currentData().toInt()) * 60'000;
}

void MetricsDock::showJob(const QString &environment, const QString &jobId)
{
    if (environment == m_environment && jobId == m_jobId)
        return;
    m_environment = environment;
    m_jobId = jobId;
    m_last = {};
    setMetrics({});
    m_summary->setText(tr("%1: asking for metrics…").arg(jobId));
    m_timer->start();
    refresh();
}

void MetricsDock::refresh()
{
    if (m_jobId.isEmpty())
        return;
    const QString job = m_jobId;
    const QString since =
        QDateTime::currentDateTimeUtc().addMSecs(-rangeMs()).toString(Qt::ISODateWithMs);
    m_connections->withClient(
        m_environment, [this, job, since](DcpClient *client, const QString &error) {
            if (!client) {
                Q_EMIT message(tr("Metrics of %1: %2").arg(job, error));
                return;
            }
            DcpReply *reply = client->metrics(job, since);
            connect(reply, &DcpReply::done, this, [this, reply, job] {
                reply->deleteLater();
                if (job != m_jobId)
                    return;
                if (!reply->isOk()) {
                    m_summary->setText(tr("%1: %2").arg(job, reply->error().fullText()));
                    return;
                }
                setMetrics(reply->json());
            });
        });
}

void MetricsDock::setMetrics(const QJsonObject &metrics)
{
    m_last = metrics;
    const QJsonArray series = metrics.value(QLatin1String("series")).toArray();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (MetricsChart *c : {m_rates, m_lag, m_checkpoints})
        c->setSeries(series, now - rangeMs(), now);
    if (metrics.isEmpty())
        return;
    bool haveRate = false, haveLag = false;
    QSet<QString> takesRowsIn;
    for (const QJsonValue &v : series)
        if (v[QLatin1String("name")].toString() == QLatin1String("rows_in_per_second"))
            takesRowsIn.insert(v[QLatin1String("node")].toString());
    const double rate =
        newestSum(series, {QStringLiteral("rows_out_per_second")}, &haveRate, takesRowsIn);
    const double lag = newestSum(series, {QStringLiteral("kafka_lag")}, &haveLag);
    QStringList parts{m_jobId};
    parts << (haveRate ? tr("%1 rows/s in from the sources").arg(QLocale().toString(rate, 'f', 1))
                       : tr("no rate yet"));
    if (haveLag)
        parts << tr("Kafka lag %1").arg(QLocale().toString(lag, 'f', 0));
    if (series.isEmpty())
        parts << tr("no metrics (the job does not run, or its engine gives none)");
    m_summary->setText(parts.join(QStringLiteral(" · ")));
}

} // namespace uis
