// SPDX-License-Identifier: Apache-2.0
#include "flinkcheckedsource.h"

#include "compilesupport.h"

#include <QRegularExpression>

namespace uis {

using W = FlinkSqlWriter;
using Options = QList<QPair<QString, QString>>;

namespace {

/// `$.name`, or `$['na me']` for a key that is not a plain identifier.
QString jsonPath(const QString &key)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (plain.match(key).hasMatch())
        return QStringLiteral("$.") + key;
    QString k = key;
    k.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QStringLiteral("$['") + k + QStringLiteral("']");
}

QString textColumn(const QString &column)
{
    return column + QStringLiteral("__text");
}

/// `c` escaped for a regex, inside a character class (`inClass`) or outside.
QString regexChar(QChar c, bool inClass)
{
    static const QString special = QStringLiteral("\\^$.|?*+()[]{}-");
    return special.contains(c) && (!inClass || QStringLiteral("\\]^-[").contains(c))
               ? QStringLiteral("\\") + c
               : QString(c);
}

/// One csv field: quoted (`""` inside is a quote) or plain (no quote first, no delimiter `d`).
QString csvFieldPattern(QChar d)
{
    return QStringLiteral("(?:\"(?:[^\"]|\"\")*\"|(?:[^%1\"\\r][^%1\\r]*)?)")
        .arg(regexChar(d, true));
}

/// Whether `uis_raw` is a csv line of exactly `n` fields (Spark's reader makes any other line a
/// malformed record).
QString csvShape(int n, QChar d)
{
    const QString f = csvFieldPattern(d);
    return QStringLiteral("REGEXP(`uis_raw`, %1)")
        .arg(W::literal(QStringLiteral("^%1(?:%2%1){%3}\\r?$")
                            .arg(f, regexChar(d, false), QString::number(n - 1))));
}

/// Field `i` of the csv line `uis_raw` as text: unquoted, empty as NULL (as Spark's reader),
/// NULL when the line has fewer fields.
QString csvField(int i, QChar d)
{
    const QString re = W::literal(
        QStringLiteral("^(?:%1%2){%3}(?:\"((?:[^\"]|\"\")*)\"|([^%4\"\\r][^%4\\r]*))?"
                       "(?:%2|\\r?$)")
            .arg(csvFieldPattern(d), regexChar(d, false), QString::number(i), regexChar(d, true)));
    return QStringLiteral("NULLIF(COALESCE(REPLACE(REGEXP_EXTRACT(`uis_raw`, %1, 1), '\"\"', "
                          "'\"'), REGEXP_EXTRACT(`uis_raw`, %1, 2)), '')")
        .arg(re);
}

/// The record's value at `key` as text: a STRING column also takes an object or array (as its
/// JSON, like Flink's json format); other types only a scalar. A csv record's field (`csv`, its
/// text) is read without the blanks around it for numbers and times (as Spark's reader does),
/// as it is for text.
QString extract(const FlinkColumn &c, const QString &csv)
{
    if (!csv.isEmpty())
        return c.type == QLatin1String("STRING") || c.type.isEmpty()
                   ? csv
                   : QStringLiteral("TRIM(%1)").arg(csv);
    const QString path = W::literal(jsonPath(c.name));
    const QString value = QStringLiteral("JSON_VALUE(`uis_raw`, %1)").arg(path);
    if (c.type == QLatin1String("STRING") || c.type.isEmpty())
        return QStringLiteral("COALESCE(%1, JSON_QUERY(`uis_raw`, %2))").arg(value, path);
    return value;
}

} // namespace

FlinkCheckedSource::FlinkCheckedSource(FlinkContext &context, const FlinkPlanner &planner)
    : m_ctx(context), m_planner(planner)
{
}

bool FlinkCheckedSource::applies(const FlinkContext &ctx, int index)
{
    const QString &type = ctx.provider().providerType;
    const Endpoint &e = ctx.provider().endpoints.at(index);
    const bool json = e.format.isEmpty() || e.format == QLatin1String("json");
    if (type == QLatin1String("file_ftp")) // files without a schema are read whole
        return (json || e.format == QLatin1String("csv")) && e.hasSchema && !e.schema.isEmpty();
    if (type != QLatin1String("kafka") && !ctx.bridged())
        return false;
    if (e.hasSchema && !e.schema.isEmpty())
        return json;
    // Columns derived from the spec are read from JSON; without any, `data` is the record.
    return !CompileSupport::derivedColumns(ctx.spec(), index).isEmpty();
}

QString FlinkCheckedSource::failure(const QString &what, const QString &position,
                                    const QString &reason)
{
    // Flink SQL has no function that raises an error; a cast that cannot succeed is one, and
    // its message (NumberFormatException) carries the text. The job has no restart strategy
    // (FlinkScript) so it ends FAILED once.
    return QStringLiteral("CAST(CONCAT('UIS poison record (%2) at ', "
                          "COALESCE(%3, 'an unknown position'), ': ', %1) AS INT) = 0")
        .arg(reason, what, position);
}

void FlinkCheckedSource::write(FlinkSqlWriter &w, int i, const Options &opts)
{
    const Endpoint &e = m_ctx.provider().endpoints.at(i);
    const FlinkRelation &r = m_planner.source(e.name);
    const bool files = m_ctx.provider().providerType == QLatin1String("file_ftp");
    // A csv line is split here (csvField), so that one with more or fewer fields than the
    // schema is a poison record, as on Spark; the csv format would skip it unseen.
    const bool csv = files && e.format == QLatin1String("csv");
    // The value is read as text: options of the json and csv formats (an endpoint's `options`)
    // would be refused with the raw one.
    Options raw;
    QChar delimiter = QLatin1Char(',');
    for (const auto &kv : std::as_const(opts)) {
        if (kv.first == QLatin1String("format"))
            raw << qMakePair(kv.first, QStringLiteral("raw"));
        else if (kv.first == QLatin1String("csv.field-delimiter") && !kv.second.isEmpty())
            delimiter = kv.second == QLatin1String("\\t") ? QLatin1Char('\t') : kv.second.at(0);
        else if (!kv.first.startsWith(QLatin1String("json.")) &&
                 !kv.first.startsWith(QLatin1String("csv.")))
            raw << kv;
    }
    QHash<QString, QString> csvText; // column → its field of the line
    for (int k = 0; csv && k < r.columns.size(); ++k)
        csvText.insert(r.columns.at(k).name, csvField(k, delimiter));
    QStringList elements{QStringLiteral("`uis_raw` STRING")};
    if (files)
        elements << QStringLiteral("`uis_file` STRING METADATA FROM 'file.path' VIRTUAL");
    else
        elements << QStringLiteral("`uis_topic` STRING METADATA FROM 'topic' VIRTUAL")
                 << QStringLiteral("`uis_partition` INT METADATA FROM 'partition' VIRTUAL")
                 << QStringLiteral("`uis_offset` BIGINT METADATA FROM 'offset' VIRTUAL");
    const QString position =
        files ? QStringLiteral("CONCAT('file ', `uis_file`)")
              : QStringLiteral("CONCAT('topic ', `uis_topic`, ' partition ', CAST(`uis_partition` "
                               "AS STRING), ' offset ', CAST(`uis_offset` AS STRING))");
    const FlinkColumn *rowtime = r.rowtime.isEmpty() ? nullptr : r.column(r.rowtime);
    if (rowtime) {
        // The event time is a column of the table, for the watermark; NULL in a poison record.
        const QString col = W::identifier(FlinkRelation::parsedTimeColumn(r.rowtime));
        elements.append(QStringLiteral("%1 AS %2")
                            .arg(col, FlinkRelation::parsedTimeExpression(
                                          extract(*rowtime, csvText.value(rowtime->name)))));
        const qint64 delay = m_planner.watermarkDelay(e.name, r.rowtime);
        elements.append(
            delay > 0 ? QStringLiteral("WATERMARK FOR %1 AS %1 - %2").arg(col, W::interval(delay))
                      : QStringLiteral("WATERMARK FOR %1 AS %1").arg(col));
    }
    w.comment(QStringLiteral("each record as text with its position: the views below type and "
                             "check it (a poison record never fails the read)"));
    w.statement(QStringLiteral("CREATE TABLE %1 (\n  %2\n) %3")
                    .arg(r.table, elements.join(QStringLiteral(",\n  ")), W::withClause(raw)));
    w.blank();

    // The text of each column, then its value, then why the record is poison.
    QStringList texts, typed, reasons, names;
    for (const FlinkColumn &c : r.columns) {
        const QString id = W::identifier(c.name);
        const QString text = W::identifier(textColumn(c.name));
        names.append(id);
        texts.append(QStringLiteral("%1 AS %2").arg(extract(c, csvText.value(c.name)), text));
        QString value;
        if (rowtime && c.name == r.rowtime)
            value = W::identifier(FlinkRelation::parsedTimeColumn(c.name));
        else if (c.type == QLatin1String("TIMESTAMP(3)"))
            value = FlinkRelation::parsedTimeExpression(text);
        else if (c.type == QLatin1String("STRING") || c.type.isEmpty())
            value = text;
        else if (c.type == QLatin1String("INT") || c.type == QLatin1String("BIGINT") ||
                 c.type == QLatin1String("SMALLINT") || c.type == QLatin1String("TINYINT"))
            // Flink's cast truncates `5.5` to 5; a fraction is no integer (as on Spark).
            value =
                QStringLiteral("CASE WHEN REGEXP(%1, '^[+-]?[0-9]+$') THEN TRY_CAST(%1 AS %2) END")
                    .arg(text, c.type);
        else
            value = QStringLiteral("TRY_CAST(%1 AS %2)").arg(text, c.type);
        typed.append(QStringLiteral("%1 AS %2").arg(value, id));
        if (rowtime && c.name == r.rowtime)
            // A window cannot place a row without event time (Flink fails the job on it).
            reasons.append(QStringLiteral("CASE WHEN %1 IS NULL THEN %2 END")
                               .arg(text, W::literal(c.name + QStringLiteral(": no event time"))));
        if (value != text)
            reasons.append(
                QStringLiteral("CASE WHEN %1 IS NOT NULL AND %2 IS NULL THEN %3 END")
                    .arg(text, id, W::literal(QStringLiteral("%1: not %2").arg(c.name, c.type))));
    }
    if (rowtime)
        texts.append(W::identifier(FlinkRelation::parsedTimeColumn(r.rowtime)));
    QStringList carried;
    for (const FlinkColumn &c : r.columns)
        carried.append(W::identifier(textColumn(c.name)));
    // Blank csv lines are no records (Spark's reader skips them), nor is the header line (every
    // field its own column's name).
    QString header;
    if (csv) {
        QStringList own;
        for (const FlinkColumn &c : r.columns)
            own.append(QStringLiteral("%1 = %2").arg(W::identifier(textColumn(c.name)),
                                                     W::literal(c.name)));
        header = QStringLiteral("\n  WHERE REGEXP(`uis_raw`, '\\S')");
        const QString h = mapValue(e.options, QStringLiteral("header"));
        if (h.isEmpty() || h.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
            header +=
                QStringLiteral(" AND (%1) IS NOT TRUE").arg(own.join(QStringLiteral(" AND ")));
    }
    const QString reason = reasons.isEmpty()
                               ? QStringLiteral("CAST(NULL AS STRING)")
                               : QStringLiteral("NULLIF(CONCAT_WS('; ',\n      %1), '')")
                                     .arg(reasons.join(QStringLiteral(",\n      ")));
    w.comment(QStringLiteral("endpoint %1, every record typed; `uis_reason` says why one is poison")
                  .arg(e.name));
    const QString checkedReason =
        csv ? QStringLiteral("CASE WHEN %1 THEN %2 ELSE 'not a csv record of the schema' END")
                  .arg(csvShape(int(r.columns.size()), delimiter), reason)
            : QStringLiteral("CASE WHEN `uis_raw` IS JSON OBJECT THEN %1 ELSE 'not JSON' END")
                  .arg(reason);
    w.statement(QStringLiteral("CREATE TEMPORARY VIEW %1 AS\n"
                               "SELECT %2, `uis_raw`, `uis_position`,\n"
                               "  %3 AS `uis_reason`\n"
                               "FROM (\n"
                               "  SELECT %4, `uis_raw`, `uis_position`, %5\n"
                               "  FROM (\n"
                               "    SELECT %6, `uis_raw`,\n"
                               "      %8 AS `uis_position`\n"
                               "    FROM %7\n"
                               "  )%9\n"
                               ")")
                    .arg(r.checked, names.join(QStringLiteral(", ")), checkedReason,
                         typed.join(QStringLiteral(", ")), carried.join(QStringLiteral(", ")),
                         texts.join(QStringLiteral(",\n      ")), r.table, position, header));
    w.blank();

    QString filter = QStringLiteral("`uis_reason` IS NULL");
    if (r.onInvalid == QLatin1String("fail"))
        filter += QStringLiteral(" OR ") + failure(QStringLiteral("endpoint ") + e.name,
                                                   QStringLiteral("`uis_position`"),
                                                   QStringLiteral("`uis_reason`"));
    w.comment(r.onInvalid == QLatin1String("fail")
                  ? QStringLiteral("endpoint %1: its good records; the first poison record fails "
                                   "the job (on_invalid: fail)")
                        .arg(e.name)
                  : QStringLiteral("endpoint %1: its good records (poison records: %2)")
                        .arg(e.name, r.onInvalid == QLatin1String("dead_letter")
                                         ? QStringLiteral("dead letters")
                                         : QStringLiteral("dropped")));
    w.statement(QStringLiteral("CREATE TEMPORARY VIEW %1 AS\nSELECT %2\nFROM %3\nWHERE %4")
                    .arg(r.sql, names.join(QStringLiteral(", ")), r.checked, filter));
    w.blank();
}

QString FlinkCheckedSource::writeInvalidSink(FlinkSqlWriter &w, int i)
{
    const Endpoint &e = m_ctx.provider().endpoints.at(i);
    const FlinkRelation &r = m_planner.source(e.name);
    if (r.checked.isEmpty() || r.onInvalid == QLatin1String("fail"))
        return {};
    const QString table = W::identifier(m_ctx.sourceTable(e) + QStringLiteral("__invalid"));
    w.comment(QStringLiteral("endpoint %1: its poison records, counted (`invalid` in the run "
                             "overlay) and the first ones logged by the local runner")
                  .arg(e.name));
    w.statement(QStringLiteral("CREATE TABLE %1 (\n  `position` STRING,\n  `reason` STRING\n) %2")
                    .arg(table, W::withClause({qMakePair(QStringLiteral("connector"),
                                                         QStringLiteral("blackhole"))})));
    w.blank();
    return QStringLiteral("INSERT INTO %1\nSELECT `uis_position`, `uis_reason`\nFROM %2\nWHERE "
                          "`uis_reason` IS NOT NULL")
        .arg(table, r.checked);
}

} // namespace uis
