// SPDX-License-Identifier: Apache-2.0
#include "metricsoutput.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSet>

#include <map>

namespace uis::cli {

namespace {

/// The newest point of a series: (epoch ms, value), or (0, -1).
std::pair<qint64, double> newest(const QJsonObject &series)
{
    const QJsonArray points = series.value(QLatin1String("points")).toArray();
    if (points.isEmpty())
        return {0, -1};
    const QJsonArray p = points.last().toArray();
    return {p.at(0).toInteger(), p.at(1).toDouble()};
}

} // namespace

QString shortNumber(double v)
{
    if (v < 0)
        return QStringLiteral("-");
    if (v >= 1e6)
        return QString::number(v / 1e6, 'f', 1) + QLatin1Char('M');
    if (v >= 1e4)
        return QString::number(v / 1e3, 'f', 1) + QLatin1Char('k');
    return QString::number(v, 'f', v < 10 && v != qint64(v) ? 1 : 0);
}

void printLatestMetrics(QTextStream &out, const QJsonObject &metrics)
{
    const QJsonArray series = metrics.value(QLatin1String("series")).toArray();
    if (series.isEmpty()) {
        out << "metrics: none yet (the job is not running, or its engine gives none)\n";
        return;
    }
    out << "metrics (newest point of each series):\n";
    for (const QJsonValue &v : series) {
        const QJsonObject s = v.toObject();
        const auto [at, value] = newest(s);
        QString what = s.value(QLatin1String("name")).toString();
        if (s.contains(QLatin1String("node")))
            what += QStringLiteral(" [%1]").arg(s.value(QLatin1String("node")).toString());
        if (s.contains(QLatin1String("partition")))
            what += QStringLiteral(" [%1]").arg(s.value(QLatin1String("partition")).toString());
        out << "  " << what.leftJustified(44) << " " << QString::number(value, 'g', 10) << " "
            << s.value(QLatin1String("unit")).toString() << "  at "
            << QDateTime::fromMSecsSinceEpoch(at, Qt::UTC).toString(Qt::ISODate) << "\n";
    }
}

JobRates JobRates::fromMetrics(const QJsonObject &metrics)
{
    JobRates r;
    double sinks = -1;
    std::map<QString, double> outByNode;
    QSet<QString> hasIn; // a source's node has rows out only
    std::map<QString, double> lagByPartition;
    for (const QJsonValue &v : metrics.value(QLatin1String("series")).toArray()) {
        const QJsonObject s = v.toObject();
        const QString name = s.value(QLatin1String("name")).toString();
        const auto [at, value] = newest(s);
        if (value < 0)
            continue;
        const QString node = s.value(QLatin1String("node")).toString();
        if (name == QLatin1String("rows_out_per_second"))
            outByNode[node] = value;
        else if (name == QLatin1String("rows_in_per_second")) {
            hasIn.insert(node);
            sinks = std::max(sinks, value);
        } else if (name == QLatin1String("kafka_lag"))
            lagByPartition[s.value(QLatin1String("partition")).toString()] = value;
        else if (name == QLatin1String("checkpoint_duration_ms")) {
            r.checkpointMs = value;
            r.checkpointAtMs = at;
        } else if (name == QLatin1String("restarts"))
            r.restarts = value;
    }
    double sources = -1;
    for (const auto &[node, value] : outByNode)
        if (!hasIn.contains(node))
            sources = std::max(sources, 0.0) + value;
    r.rowsPerSecond = sources >= 0 ? sources : sinks;
    for (const auto &[part, lag] : lagByPartition)
        r.lag = std::max(r.lag, 0.0) + lag;
    return r;
}

} // namespace uis::cli
