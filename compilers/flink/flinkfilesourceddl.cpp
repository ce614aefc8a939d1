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
    if (format == QLatin1String("csv")) {
        const QString delimiter = mapValue(e.options, QStringLiteral("delimiter")).isEmpty()
                                      ? mapValue(e.options, QStringLiteral("sep"))
                                      : mapValue(e.options, QStringLiteral("delimiter"));
        if (!delimiter.isEmpty())
            opts << qMakePair(QStringLiteral("csv.field-delimiter"), delimiter);
        // A csv file with a schema is read line by line and split by FlinkCheckedSource (a
        // line that is no csv record of the schema is poison there): the delimiter is all it
        // takes from here.
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
        // JSON lines are read whole, csv records as text fields, and checked like Kafka records
        // (FlinkCheckedSource).
        w.comment(QStringLiteral("source: %1 files %2 (endpoint %3)").arg(format, full, e.name));
        FlinkCheckedSource(m_ctx, m_planner).write(w, i, opts);
        return;
    }

    // Columns: the formats that reach here (Parquet, and `raw` for files without a schema)
    // carry their types.
    QStringList cols, view;
    for (const FlinkColumn &c : r.columns) {
        const QString id = W::identifier(c.name);
        cols.append(QStringLiteral("  %1 %2").arg(id, c.type.isEmpty() ? QStringLiteral("STRING")
                                                                       : c.type));
        view.append(id);
    }
    if (!r.rowtime.isEmpty()) {
        const qint64 delay = m_planner.watermarkDelay(e.name, r.rowtime);
        const QString col = W::identifier(r.rowtime);
        cols.append(
            delay > 0 ? QStringLiteral("  WATERMARK FOR %1 AS %1 - %2").arg(col, W::interval(delay))
                      : QStringLiteral("  WATERMARK FOR %1 AS %1").arg(col));
    }
    const QString table = W::identifier(m_ctx.sourceTable(e) + QStringLiteral("__files"));
    w.comment(QStringLiteral("source: %1 files %2 (endpoint %3)").arg(format, full, e.name));
    w.statement(QStringLiteral("CREATE TABLE %1 (\n%2\n) %3")
                    .arg(table, cols.join(QStringLiteral(",\n")), W::withClause(opts)));
    w.blank();
    w.statement(QStringLiteral("CREATE TEMPORARY VIEW %1 AS\nSELECT %2\nFROM %3")
                    .arg(r.sql, view.join(QStringLiteral(", ")), table));
    w.blank();
}

} // namespace uis
