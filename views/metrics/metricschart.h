// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QChartView>
#include <QJsonArray>
#include <QStringList>

class QDateTimeAxis;
class QValueAxis;

namespace uis {

/**
 * One chart of the Metrics tab (Qt Charts): a line per series of a GET …/metrics answer whose
 * name is one of `names`, over time; hovering a line shows its value and time. The series'
 * label is its node or partition (with the name when several names share the chart).
 */
class MetricsChart : public QChartView
{
    Q_OBJECT
public:
    MetricsChart(const QString &title, QStringList names, const QString &unit,
                 QWidget *parent = nullptr);

    /// Replaces the lines with the matching series of `series`; the time axis spans
    /// [fromMs, toMs].
    void setSeries(const QJsonArray &series, qint64 fromMs, qint64 toMs);
    /// The lines' labels and point counts, for tests: "label=count".
    QStringList lines() const;
    /// The text the hover shows for a point (also what tests check).
    static QString hoverText(const QString &label, qint64 atMs, double value, const QString &unit);

    /// How the time axis is labelled for a range: ticks at round times (every 1, 2, 5, 10, 15
    /// or 30 s or min, or 1, 2, 3, 6 or 12 h), at most 7 of them, and a format that names no
    /// finer unit than the step (seconds only when the step is under a minute, the day when the
    /// range spans days).
    struct TimeAxisPlan
    {
        qint64 fromMs = 0; ///< the range, widened to whole steps
        qint64 toMs = 0;
        int tickCount = 2;
        qint64 stepMs = 0;
        QString format;
    };
    static TimeAxisPlan planTimeAxis(qint64 fromMs, qint64 toMs, int maxTicks = 7);
    QDateTimeAxis *timeAxis() const { return m_time; }
    /// How many time labels fit the plot's width (2 to 7): a narrow chart gets fewer, longer
    /// steps instead of labels cut to "12…".
    int maxTimeTicks() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

Q_SIGNALS:
    void hovered(const QString &text);

private:
    void applyTimeAxis();

    QStringList m_names;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    QString m_unit;
    QDateTimeAxis *m_time;
    QValueAxis *m_value;
};

} // namespace uis
