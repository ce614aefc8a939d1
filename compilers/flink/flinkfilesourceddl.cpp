// SPDX-License-Identifier: Apache-2.0
#include "flinkfilesourceddl.h"

#include "compilesupport.h"
#include "flinkcheckedsource.h"

namespace uis {

using CS = CompileSupport;
using W = FlinkSqlWriter;
using Options = QList<QPair<QString, QString>>;

namespace {

/// A glob's last component as a Java regex over the whole path.
QString globRegex(const QString &glob)
{
    QString out;
    for (const QChar c : glob) {
        if (c == QLatin1Char('*'))
            out += QStringLiteral("[^/]*");
        else if (c == QLatin1Char('?'))
            out += QStringLiteral("[^/]");
        else if (QStringLiteral("\\.[]{}()+-^$|").contains(c))
            out += QLatin1Char('\\') + c;
        else
            out += c;
    }
    return out;
}

} // namespace

FlinkFileSourceDdl::FlinkFileSourceDdl(FlinkContext &context, const FlinkPlanner &planner)
    : m_ctx(context), m_planner(planner)
{
}

QString FlinkFileSourceDdl::parseTimestamp(const QString &column)
{
    const QString x = QStringLiteral("TRIM(%1)").arg(W::identifier(column));
    const QString off = QStringLiteral("'([+-])([0-9]{2}):?([0-9]{2})$'");
    return QStringLiteral(
               "CASE WHEN REGEXP(%1, '^-?[0-9]+$') "
               "THEN CAST(TO_TIMESTAMP_LTZ(CAST(%1 AS BIGINT), 3) AS TIMESTAMP(3)) "
               "ELSE TIMESTAMPADD(SECOND, CASE WHEN REGEXP(%1, %2) "
               "THEN (CASE WHEN REGEXP_EXTRACT(%1, %2, 1) = '-' THEN 1 ELSE -1 END) * "
               "(CAST(REGEXP_EXTRACT(%1, %2, 2) AS INT) * 3600 + "
               "CAST(REGEXP_EXTRACT(%1, %2, 3) AS INT) * 60) ELSE 0 END, "
               "TRY_CAST(REPLACE(REGEXP_EXTRACT(%1, "
               "'^([0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?)?)', "
               "1), 'T', ' ') AS TIMESTAMP(3))) END")
        .arg(x, off);
}

void FlinkFileSourceDdl::write(FlinkSqlWriter &w, int i)
{
    const Endpoint &e = m_ctx.provider().endpoints.at(i);
    const FlinkRelation &r = m_planner.source(e.name);
    const QString ptr = FlinkContext::endpointPointer(i);
    const QString format = !e.hasSchema || e.schema.isEmpty()
                               ? QStringLiteral("raw")
                               : (e.format.isEmpty() ? QStringLiteral("json") : e.format);
    const QString full =
        m_ctx.s3a(CS::joinUrl(m_ctx.provider().baseUrl, e.path), ptr + QStringLiteral("/path"));
    // The connector reads a directory or a file; a glob in the last component becomes a regex.
    QString path = full;
    Options opts;
    opts << qMakePair(QStringLiteral("connector"), QStringLiteral("filesystem"));
    const qsizetype slash = full.lastIndexOf(QLatin1Char('/'));
    const QString last = full.mid(slash + 1);
    const bool glob = last.contains(QLatin1Char('*')) || last.contains(QLatin1Char('?'));
    if (glob)
        path = slash > 0 ? full.left(slash) : QStringLiteral(".");
    opts << qMakePair(QStringLiteral("path"), path);
    if (glob)
        opts << qMakePair(QStringLiteral("source.path.regex-pattern"),
                          QStringLiteral(".*/") + globRegex(last));
    opts << qMakePair(QStringLiteral("format"), format);
    const bool text = format == QLatin1String("csv") || format == QLatin1String("json");
    bool header = false;
    if (format == QLatin1String("csv")) {
        const QString h = mapValue(e.options, QStringLiteral("header"));
        header = h.isEmpty() || h.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
        const QString delimiter = mapValue(e.options, QStringLiteral("delimiter")).isEmpty()
                                      ? mapValue(e.options, QStringLiteral("sep"))
                                      : mapValue(e.options, QStringLiteral("delimiter"));
        if (!delimiter.isEmpty())
            opts << qMakePair(QStringLiteral("csv.field-delimiter"), delimiter);
        // As Spark's PERMISSIVE mode: a value that does not parse is NULL, not a failed job.
        opts << qMakePair(QStringLiteral("csv.ignore-parse-errors"), QStringLiteral("true"));
        // As Spark's csv reader: an empty field is NULL, also in a STRING column.
        opts << qMakePair(QStringLiteral("csv.null-literal"), QString());
    } else if (format == QLatin1String("json")) {
        opts << qMakePair(QStringLiteral("json.ignore-parse-errors"), QStringLiteral("true"));
    } else if (format == QLatin1String("parquet")) {
        opts << qMakePair(QStringLiteral("parquet.utc-timezone"), QStringLiteral("true"));
    }
    if (CS::streamingOn(m_ctx.spec(), Engine::Flink)) {
        const auto every = CS::durationMs(m_ctx.provider().schedule.triggerInterval);
        opts << qMakePair(QStringLiteral("source.monitor-interval"),
                          CS::flinkDuration(every.value_or(60000)));
    }

    if (!r.checked.isEmpty()) {
        // JSON lines are read whole and checked like Kafka records (FlinkCheckedSource).
        w.comment(QStringLiteral("source: %1 files %2 (endpoint %3)").arg(format, full, e.name));
        FlinkCheckedSource(m_ctx, m_planner).write(w, i, opts);
        return;
    }

    // Columns: timestamps of text formats are read as STRING and parsed by a computed column.
    QStringList cols, view;
    QString rowtime;
    for (const FlinkColumn &c : r.columns) {
        const QString id = W::identifier(c.name);
        if (text && c.type == QLatin1String("TIMESTAMP(3)")) {
            cols.append(QStringLiteral("  %1 STRING").arg(id));
            view.append(W::identifier(QStringLiteral("uis_time_") + c.name) +
                        QStringLiteral(" AS ") + id);
        } else {
            cols.append(QStringLiteral("  %1 %2").arg(
                id, c.type.isEmpty() ? QStringLiteral("STRING") : c.type));
            view.append(id);
        }
    }
    for (const FlinkColumn &c : r.columns) {
        if (text && c.type == QLatin1String("TIMESTAMP(3)"))
            cols.append(QStringLiteral("  %1 AS %2")
                            .arg(W::identifier(QStringLiteral("uis_time_") + c.name),
                                 parseTimestamp(c.name)));
    }
    if (!r.rowtime.isEmpty()) {
        const qint64 delay = m_planner.watermarkDelay(e.name, r.rowtime);
        const QString col =
            W::identifier(text ? QStringLiteral("uis_time_") + r.rowtime : r.rowtime);
        cols.append(
            delay > 0 ? QStringLiteral("  WATERMARK FOR %1 AS %1 - %2").arg(col, W::interval(delay))
                      : QStringLiteral("  WATERMARK FOR %1 AS %1").arg(col));
    }
    const QString table = W::identifier(m_ctx.sourceTable(e) + QStringLiteral("__files"));
    w.comment(QStringLiteral("source: %1 files %2 (endpoint %3)").arg(format, full, e.name));
    w.statement(QStringLiteral("CREATE TABLE %1 (\n%2\n) %3")
                    .arg(table, cols.join(QStringLiteral(",\n")), W::withClause(opts)));
    w.blank();
    QString where;
    if (header) {
        // The header line: every STRING column holds its own name, every other one is NULL
        // (it does not parse).
        QStringList conds;
        for (const FlinkColumn &c : r.columns) {
            const QString id = W::identifier(c.name);
            if (c.type == QLatin1String("STRING") || c.type.isEmpty() ||
                c.type == QLatin1String("TIMESTAMP(3)"))
                conds.append(QStringLiteral("%1 = %2").arg(id, W::literal(c.name)));
            else
                conds.append(id + QStringLiteral(" IS NULL"));
        }
        where = QStringLiteral("\nWHERE (%1) IS NOT TRUE").arg(conds.join(QStringLiteral(" AND ")));
        w.comment(QStringLiteral("without the header line (header: \"true\")"));
    }
    if (text && !r.columns.isEmpty())
        w.comment(QStringLiteral("timestamps: ISO-8601 (Z or an offset) or epoch milliseconds, "
                                 "as UTC instants"));
    w.statement(QStringLiteral("CREATE TEMPORARY VIEW %1 AS\nSELECT %2\nFROM %3%4")
                    .arg(r.sql, view.join(QStringLiteral(", ")), table, where));
    w.blank();
}

} // namespace uis
