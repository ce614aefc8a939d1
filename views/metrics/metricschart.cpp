// SPDX-License-Identifier: Apache-2.0
#include "metricschart.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QJsonObject>
#include <QLineSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>

namespace uis {

MetricsChart::MetricsChart(const QString &title, QStringList names, const QString &unit,
                           QWidget *parent)
    : QChartView(parent), m_names(std::move(names)), m_unit(unit), m_time(new QDateTimeAxis),
      m_value(new QValueAxis)
{
    auto *c = new QChart;
    c->setTitle(title);
    c->legend()->setAlignment(Qt::AlignRight);
    c->setMargins(QMargins(4, 4, 4, 4));
    m_time->setFormat(QStringLiteral("HH:mm:ss"));
    // The axis labels a point in the local time zone (QDateTimeAxis has no other): say which.
    const QDateTime now = QDateTime::currentDateTime();
    m_time->setTitleText(now.offsetFromUtc() == 0
                             ? tr("time (UTC)")
                             : tr("time (%1)").arg(now.timeZoneAbbreviation()));
    m_value->setTitleText(unit);
    m_value->setLabelFormat(QStringLiteral("%.0f"));
    c->addAxis(m_time, Qt::AlignBottom);
    c->addAxis(m_value, Qt::AlignLeft);
    setChart(c);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(160);
}

QString MetricsChart::hoverText(const QString &label, qint64 atMs, double value,
                                const QString &unit)
{
    return tr("%1: %2 %3 at %4")
        .arg(label, QLocale().toString(value, 'f', value < 10 ? 2 : 0), unit,
             QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC).toString(QStringLiteral("HH:mm:ss")));
}

void MetricsChart::setSeries(const QJsonArray &series, qint64 fromMs, qint64 toMs)
{
    QChart *c = chart();
    c->removeAllSeries();
    double top = 0;
    const bool manyNames = m_names.size() > 1;
    for (const QJsonValue &v : series) {
        const QJsonObject s = v.toObject();
        const QString name = s.value(QLatin1String("name")).toString();
        if (!m_names.contains(name))
            continue;
        QString label = s.value(QLatin1String("node")).toString();
        if (label.isEmpty())
            label = s.value(QLatin1String("partition")).toString();
        if (label.isEmpty())
            label = name;
        else if (manyNames)
            label +=
                QStringLiteral(" (%1)").arg(name.startsWith(QLatin1String("rows_in"))    ? tr("in")
                                            : name.startsWith(QLatin1String("rows_out")) ? tr("out")
                                                                                         : name);
        auto *line = new QLineSeries;
        line->setName(label);
        for (const QJsonValue &p : s.value(QLatin1String("points")).toArray()) {
            const QJsonArray pt = p.toArray();
            const qint64 at = pt.at(0).toInteger();
            if (at < fromMs)
                continue;
            line->append(double(at), pt.at(1).toDouble());
            top = std::max(top, pt.at(1).toDouble());
        }
        c->addSeries(line);
        line->attachAxis(m_time);
        line->attachAxis(m_value);
        connect(line, &QLineSeries::hovered, this, [this, label](const QPointF &p, bool on) {
            if (!on) {
                QToolTip::hideText();
                return;
            }
            const QString text = hoverText(label, qint64(p.x()), p.y(), m_unit);
            QToolTip::showText(QCursor::pos(), text, this);
            Q_EMIT hovered(text);
        });
    }
    m_fromMs = fromMs;
    m_toMs = toMs;
    applyTimeAxis();
    m_value->setRange(0, top > 0 ? top * 1.1 : 1);
}

int MetricsChart::maxTimeTicks() const
{
    constexpr double LabelWidth = 60; // "MMM d HH:mm" wraps; "HH:mm:ss" needs about this much
    // The plot is about 70 % of the view (axis titles, the legend on the right); the view's own
    // width is known before the chart is laid out.
    return qBound(2, int(width() * 0.7 / LabelWidth), 7);
}

void MetricsChart::applyTimeAxis()
{
    if (m_toMs <= 0)
        return;
    const TimeAxisPlan plan = planTimeAxis(m_fromMs, m_toMs, maxTimeTicks());
    m_time->setFormat(plan.format);
    m_time->setTickCount(plan.tickCount);
    m_time->setRange(QDateTime::fromMSecsSinceEpoch(plan.fromMs, Qt::UTC),
                     QDateTime::fromMSecsSinceEpoch(plan.toMs, Qt::UTC));
}

void MetricsChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    applyTimeAxis();
}

MetricsChart::TimeAxisPlan MetricsChart::planTimeAxis(qint64 fromMs, qint64 toMs, int maxTicks)
{
    constexpr qint64 S = 1000, M = 60 * S, H = 60 * M;
    constexpr qint64 Steps[] = {S, 2 * S, 5 * S, 10 * S, 15 * S, 30 * S,
                                M, 2 * M, 5 * M, 10 * M, 15 * M, 30 * M,
                                H, 2 * H, 3 * H, 6 * H,  12 * H, 24 * H};
    TimeAxisPlan p;
    toMs = std::max(toMs, fromMs + S);
    for (qint64 step : Steps) {
        p.stepMs = step;
        // Whole steps from the epoch: round times in UTC (and in every whole-hour time zone).
        p.fromMs = (fromMs / step) * step;
        p.toMs = ((toMs + step - 1) / step) * step;
        if ((p.toMs - p.fromMs) / step + 1 <= maxTicks)
            break;
    }
    p.tickCount = int((p.toMs - p.fromMs) / p.stepMs + 1);
    if (p.toMs - p.fromMs > 24 * H)
        p.format = QStringLiteral("MMM d HH:mm");
    else if (p.stepMs < M)
        p.format = QStringLiteral("HH:mm:ss");
    else
        p.format = QStringLiteral("HH:mm");
    return p;
}

QStringList MetricsChart::lines() const
{
    QStringList out;
    for (QAbstractSeries *s : chart()->series())
        out << QStringLiteral("%1=%2").arg(s->name()).arg(static_cast<QLineSeries *>(s)->count());
    return out;
}

} // namespace uis
