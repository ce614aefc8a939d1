// SPDX-License-Identifier: Apache-2.0
#include "goldencompare.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimeZone>

#include <cmath>

namespace uis {

namespace {

std::optional<double> numberOf(const QJsonValue &v)
{
    if (v.isDouble())
        return v.toDouble();
    if (v.isString()) {
        bool ok = false;
        const double d = v.toString().trimmed().toDouble(&ok);
        if (ok)
            return d;
    }
    return std::nullopt;
}

bool closeEnough(double a, double b)
{
    if (a == b)
        return true;
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    return std::fabs(a - b) <=
           GoldenCompare::kRelativeTolerance * std::max(std::fabs(a), std::fabs(b));
}

std::optional<qint64> instantOf(const QJsonValue &v)
{
    if (v.isString())
        return GoldenCompare::isoInstantMs(v.toString());
    if (v.isDouble())
        return qint64(std::llround(v.toDouble())); // epoch milliseconds
    return std::nullopt;
}

} // namespace

std::optional<qint64> GoldenCompare::isoInstantMs(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        R"(^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?(Z|[+-]\d{2}(?::?\d{2})?)?$)"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    QString time = m.captured(2);
    if (time.size() == 5)
        time += QStringLiteral(":00");
    const QDateTime base = QDateTime::fromString(m.captured(1) + QLatin1Char('T') + time,
                                                 QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    if (!base.isValid())
        return std::nullopt;
    QDateTime utc(base.date(), base.time(), QTimeZone::utc());
    qint64 ms = utc.toMSecsSinceEpoch();
    const QString frac = m.captured(3);
    if (!frac.isEmpty())
        ms += qint64(std::llround((QStringLiteral("0.") + frac).toDouble() * 1000.0));
    const QString zone = m.captured(4);
    if (!zone.isEmpty() && zone != QLatin1String("Z")) {
        const int sign = zone.startsWith(QLatin1Char('-')) ? -1 : 1;
        QString digits = zone.mid(1);
        digits.remove(QLatin1Char(':'));
        const int hours = digits.left(2).toInt();
        const int minutes = digits.size() >= 4 ? digits.mid(2, 2).toInt() : 0;
        ms -= sign * (hours * 3600000LL + minutes * 60000LL);
    }
    return ms;
}

bool GoldenCompare::valuesEqual(const QJsonValue &expected, const QJsonValue &actual)
{
    const bool en = expected.isNull() || expected.isUndefined();
    const bool an = actual.isNull() || actual.isUndefined();
    if (en || an)
        return en && an;
    // Timestamps: either side an ISO date-time, the other ISO or epoch milliseconds.
    const bool eIso = expected.isString() && isoInstantMs(expected.toString()).has_value();
    const bool aIso = actual.isString() && isoInstantMs(actual.toString()).has_value();
    if (eIso || aIso) {
        const auto e = instantOf(expected);
        const auto a = instantOf(actual);
        return e && a && *e == *a;
    }
    if (expected.isBool() || actual.isBool())
        return expected.isBool() && actual.isBool() && expected.toBool() == actual.toBool();
    if (expected.isDouble() || actual.isDouble()) {
        const auto e = numberOf(expected);
        const auto a = numberOf(actual);
        return e && a && closeEnough(*e, *a);
    }
    if (expected.isString() && actual.isString())
        return expected.toString() == actual.toString();
    return expected == actual;
}

QString GoldenCompare::rowText(const QJsonObject &row, const QStringList &columns)
{
    QStringList cols = columns;
    if (cols.isEmpty()) {
        cols = row.keys();
        cols.sort();
    }
    QStringList parts;
    for (const QString &c : cols) {
        const QJsonValue v = row.value(c);
        QString text;
        if (v.isUndefined() || v.isNull())
            text = QStringLiteral("null");
        else if (v.isString())
            text = QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact))
                       .mid(1)
                       .chopped(1);
        else if (v.isBool())
            text = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        else if (v.isDouble())
            text = QString::number(v.toDouble(), 'g', 15);
        else
            text = QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact))
                       .mid(1)
                       .chopped(1);
        parts << QStringLiteral("\"%1\": %2").arg(c, text);
    }
    return QLatin1Char('{') + parts.join(QStringLiteral(", ")) + QLatin1Char('}');
}

GoldenDiff GoldenCompare::compare(const QList<QJsonObject> &expected,
                                  const QList<QJsonObject> &actual, QStringList columns,
                                  bool ordered)
{
    GoldenDiff d;
    d.expectedCount = int(expected.size());
    d.actualCount = int(actual.size());
    if (columns.isEmpty()) {
        // the expected rows' keys; with no expected row, what was captured (for the diff)
        for (const QJsonObject &r : expected.isEmpty() ? actual : expected) {
            for (auto it = r.begin(); it != r.end(); ++it) {
                if (!columns.contains(it.key()))
                    columns << it.key();
            }
        }
    }
    d.columns = columns;
    auto project = [&columns](const QJsonObject &r) {
        QJsonObject out;
        for (const QString &c : columns)
            out.insert(c, r.contains(c) ? r.value(c) : QJsonValue(QJsonValue::Null));
        return out;
    };
    auto rowsEqual = [&columns](const QJsonObject &e, const QJsonObject &a) {
        for (const QString &c : columns) {
            if (!valuesEqual(e.value(c), a.value(c)))
                return false;
        }
        return true;
    };
    if (ordered) {
        const qsizetype n = std::max(expected.size(), actual.size());
        for (qsizetype i = 0; i < n; ++i) {
            const bool haveE = i < expected.size();
            const bool haveA = i < actual.size();
            if (haveE && haveA && rowsEqual(expected[i], actual[i]))
                continue;
            if (haveE)
                d.missing << project(expected[i]);
            if (haveA)
                d.unexpected << project(actual[i]);
        }
        return d;
    }
    QList<bool> used(actual.size(), false);
    for (const QJsonObject &e : expected) {
        bool found = false;
        for (qsizetype j = 0; j < actual.size(); ++j) {
            if (!used[j] && rowsEqual(e, actual[j])) {
                used[j] = true;
                found = true;
                break;
            }
        }
        if (!found)
            d.missing << project(e);
    }
    for (qsizetype j = 0; j < actual.size(); ++j) {
        if (!used[j])
            d.unexpected << project(actual[j]);
    }
    return d;
}

QStringList GoldenDiff::lines() const
{
    QStringList out;
    for (const QJsonObject &r : missing)
        out << QStringLiteral("- ") + GoldenCompare::rowText(r, columns);
    for (const QJsonObject &r : unexpected)
        out << QStringLiteral("+ ") + GoldenCompare::rowText(r, columns);
    return out;
}

QJsonValue GoldenCompare::fromNode(const SourceNode &n)
{
    if (n.isNull() || !n.isScalar())
        return QJsonValue(QJsonValue::Null);
    switch (n.scalarType()) {
    case SourceNode::ScalarType::Null:
        return QJsonValue(QJsonValue::Null);
    case SourceNode::ScalarType::Bool:
        return QJsonValue(n.toBool().value_or(false));
    case SourceNode::ScalarType::Int:
        if (const auto i = n.toInt())
            return QJsonValue(double(*i));
        return QJsonValue(n.text());
    case SourceNode::ScalarType::Float:
        if (const auto d = n.toDouble())
            return QJsonValue(*d);
        return QJsonValue(n.text());
    case SourceNode::ScalarType::String:
        break;
    }
    return QJsonValue(n.text());
}

QJsonObject GoldenCompare::rowFromNode(const SourceNode &row)
{
    QJsonObject out;
    for (const SourceNode &cell : row.children())
        out.insert(cell.key(), fromNode(cell));
    return out;
}

QList<QJsonObject> GoldenCompare::readJsonLines(const QByteArray &text)
{
    QList<QJsonObject> out;
    for (const QByteArray &line : text.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            out << doc.object();
    }
    return out;
}

} // namespace uis
