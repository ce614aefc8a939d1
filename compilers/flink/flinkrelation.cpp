// SPDX-License-Identifier: Apache-2.0
#include "flinkrelation.h"

#include "flinksqlwriter.h"

#include <QRegularExpression>

namespace uis {

const FlinkColumn *FlinkRelation::column(const QString &name) const
{
    // Relations have a handful of columns: a scan beats building a hash per relation.
    for (const FlinkColumn &c : columns) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

QStringList FlinkRelation::columnNames() const
{
    QStringList n;
    for (const FlinkColumn &c : columns)
        n.append(c.name);
    return n;
}

QString FlinkRelation::columnList() const
{
    return columnNames().join(QStringLiteral(", "));
}

QString FlinkRelation::columnDdl(const QStringList &primaryKey, bool keepNotNull,
                                 const QString &watermark) const
{
    using W = FlinkSqlWriter;
    // One string appended in place: every source and sink table of a large spec has one.
    QString out;
    out.reserve(16 + columns.size() * 32 + watermark.size());
    out += QLatin1String("(\n");
    bool first = true;
    auto nextLine = [&] {
        out += QLatin1String(first ? "  " : ",\n  ");
        first = false;
    };
    for (const FlinkColumn &c : columns) {
        const bool notNull = primaryKey.contains(c.name) || (keepNotNull && c.notNull);
        nextLine();
        W::appendIdentifier(out, c.name);
        out += QLatin1Char(' ');
        if (c.type.isEmpty())
            out += QLatin1String("STRING");
        else
            out += c.type;
        if (notNull)
            out += QLatin1String(" NOT NULL");
    }
    if (!watermark.isEmpty()) {
        nextLine();
        out += watermark;
    }
    if (!primaryKey.isEmpty()) {
        nextLine();
        out += QLatin1String("PRIMARY KEY (");
        for (qsizetype i = 0; i < primaryKey.size(); ++i) {
            if (i > 0)
                out += QLatin1String(", ");
            W::appendIdentifier(out, primaryKey.at(i));
        }
        out += QLatin1String(") NOT ENFORCED");
    }
    out += QLatin1String("\n)");
    return out;
}

QString FlinkRelation::selectList() const
{
    if (!known || columns.isEmpty())
        return QStringLiteral("*");
    QStringList cols;
    for (const FlinkColumn &c : columns)
        cols.append(FlinkSqlWriter::identifier(c.name));
    return cols.join(QStringLiteral(", "));
}

QString FlinkRelation::parsedTimeColumn(const QString &column)
{
    return column + QStringLiteral("__time");
}

QString FlinkRelation::parsedTimeExpression(const QString &text)
{
    const QString &c = text;
    // Epoch milliseconds (a JSON number reads as its text); ISO-8601 with `Z` or an offset
    // (UNIX_TIMESTAMP honours the offset, `XX` reads +0200 and `XXX` +02:00 or Z; the fraction
    // is added as milliseconds; Flink's REGEXP_REPLACE has no group references); ISO-8601
    // without one is taken as UTC. Anything else is NULL.
    return QStringLiteral(
               "CASE\n"
               "    WHEN REGEXP(%1, '^-?[0-9]{1,18}$') THEN\n"
               "      CAST(TO_TIMESTAMP_LTZ(CAST(%1 AS BIGINT), 3) AS TIMESTAMP(3))\n"
               "    WHEN REGEXP(%1, '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}"
               "([.][0-9]+)?(Z|[+-][0-9]{2}:?[0-9]{2})$') THEN\n"
               "      CAST(TO_TIMESTAMP_LTZ(UNIX_TIMESTAMP(REGEXP_REPLACE(\n"
               "        REGEXP_REPLACE(%1, '[.][0-9]+', ''), ' ', 'T'), CASE WHEN REGEXP(%1, "
               "'[+-][0-9]{4}$')\n"
               "        THEN 'yyyy-MM-dd''T''HH:mm:ssXX' ELSE 'yyyy-MM-dd''T''HH:mm:ssXXX' END) "
               "* 1000 + CAST(RPAD(COALESCE(\n"
               "        REGEXP_EXTRACT(%1, '[.]([0-9]{1,3})', 1), ''), 3, '0') AS BIGINT), 3)\n"
               "        AS TIMESTAMP(3))\n"
               "    WHEN REGEXP(%1, '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}"
               "([.][0-9]+)?$') THEN\n"
               "      TO_TIMESTAMP(REPLACE(%1, 'T', ' '))\n"
               "    ELSE CAST(NULL AS TIMESTAMP(3))\n"
               "  END")
        .arg(c);
}

QString FlinkRelation::sqlType(const QString &uisType)
{
    static const QRegularExpression decimal(
        QStringLiteral("^decimal\\s*\\(\\s*([0-9]+)\\s*,\\s*([0-9]+)\\s*\\)$"),
        QRegularExpression::CaseInsensitiveOption);
    // Asked for every column: compared in place, no lowered copy.
    const QStringView v = QStringView(uisType).trimmed();
    // ASCII case folding: the words have no letter that a non-ASCII one lowers to (only the
    // Kelvin sign lowers to an ASCII `k`), so this matches comparing toLower().
    auto is = [&](QLatin1String word) {
        if (v.size() != word.size())
            return false;
        for (qsizetype i = 0; i < v.size(); ++i) {
            const char16_t c = v[i].unicode();
            if ((c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c) != char16_t(word[i].unicode()))
                return false;
        }
        return true;
    };
    if (is(QLatin1String("string")) || is(QLatin1String("json")))
        return QStringLiteral("STRING");
    if (is(QLatin1String("int")))
        return QStringLiteral("INT");
    if (is(QLatin1String("long")))
        return QStringLiteral("BIGINT");
    if (is(QLatin1String("double")))
        return QStringLiteral("DOUBLE");
    if (is(QLatin1String("boolean")))
        return QStringLiteral("BOOLEAN");
    if (is(QLatin1String("date")))
        return QStringLiteral("DATE");
    if (is(QLatin1String("timestamp")))
        return QStringLiteral("TIMESTAMP(3)");
    const QString t = v.toString().toLower();
    if (const auto m = decimal.match(t); m.hasMatch())
        return QStringLiteral("DECIMAL(%1, %2)").arg(m.captured(1), m.captured(2));
    return QStringLiteral("STRING");
}

} // namespace uis
