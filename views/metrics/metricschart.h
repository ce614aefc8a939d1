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

Q_SIGNALS:
    void hovered(const QString &text);

private:
    QStringList m_names;
    QString m_unit;
    QDateTimeAxis *m_time;
    QValueAxis *m_value;
};

} // namespace uis
