// SPDX-License-Identifier: Apache-2.0
#include "sparkprogress.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace uis::dcplocal {

SparkProgress SparkProgress::parse(const QJsonObject &line,
                                   const QHash<QString, QString> &sourceNodes, qint64 fallbackMs)
{
    SparkProgress out;
    const QDateTime at =
        QDateTime::fromString(line[QLatin1String("timestamp")].toString(), Qt::ISODateWithMs);
    const qint64 ms = at.isValid() ? at.toMSecsSinceEpoch() : fallbackMs;
    const QString query = line[QLatin1String("query")].toString();
    const auto add = [&](const char *key, const char *name, const char *unit, const QString &node) {
        const QJsonValue v = line[QLatin1String(key)];
        // A figure Spark left out (no state, no rate before the second batch) stays absent.
        if (v.isDouble())
            out.samples.append(
                {QString::fromLatin1(name), node, {}, QString::fromLatin1(unit), ms, v.toDouble()});
    };
    add("input_rows_per_second", "rows_in_per_second", "rows/s", query);
    add("processed_rows_per_second", "processed_rows_per_second", "rows/s", query);
    add("batch_duration_ms", "batch_duration_ms", "ms", query);
    add("state_rows", "state_rows", "rows", query);
    for (const QJsonValue &src : line[QLatin1String("sources")].toArray()) {
        QJsonValue end = src[QLatin1String("end_offset")];
        if (end.isString()) // some sources give their offsets as a JSON string
            end = QJsonDocument::fromJson(end.toString().toUtf8()).object();
        QString node;
        const QJsonObject topics = end.toObject();
        for (auto t = topics.begin(); t != topics.end(); ++t) {
            if (!t.value().isObject())
                continue;
            out.topics << t.key();
            node = sourceNodes.value(t.key(), node);
            const QJsonObject parts = t.value().toObject();
            for (auto p = parts.begin(); p != parts.end(); ++p)
                out.consumed.insert(t.key() + QLatin1Char('/') + p.key(), p.value().toInteger());
        }
        const QJsonValue rate = src[QLatin1String("input_rows_per_second")];
        if (!node.isEmpty() && rate.isDouble())
            out.samples.append({QStringLiteral("rows_out_per_second"),
                                node,
                                {},
                                QStringLiteral("rows/s"),
                                ms,
                                rate.toDouble()});
    }
    return out;
}

} // namespace uis::dcplocal
