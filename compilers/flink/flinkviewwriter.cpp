// SPDX-License-Identifier: Apache-2.0
#include "flinkviewwriter.h"

#include "compilesupport.h"
#include "flinkcheckedsource.h"
#include "flinksemantics.h"

#include <algorithm>

namespace uis {

using CS = CompileSupport;
using W = FlinkSqlWriter;

FlinkViewWriter::FlinkViewWriter(FlinkContext &context, FlinkPlanner &planner)
    : m_ctx(context), m_planner(planner)
{
}

void FlinkViewWriter::build()
{
    // A sql transform names its inputs as tables: an endpoint read through its mapping view
    // (or another table name) gets a view under its own name.
    for (int i : m_planner.order()) {
        if (m_ctx.provider().transforms.at(i).type != QLatin1String("sql"))
            continue;
        for (const QString &n : m_ctx.index().transformInputs(i)) {
            if (m_ctx.index().endpoint(n) && m_planner.relation(n).sql != W::identifier(n))
                m_endpointViews.insert(n);
        }
    }
    for (int i : m_planner.order())
        m_views.append(transformView(i));
}

bool FlinkViewWriter::dedupeByEventTime(const QString &name) const
{
    if (!CS::streamingOn(m_ctx.spec(), Engine::Flink))
        return true;
    bool consumed = false;
    const Provider &p = m_ctx.provider();
    for (int i = 0; i < p.transforms.size(); ++i) {
        if (!m_ctx.index().transformInputs(i).contains(name))
            continue;
        if (p.transforms.at(i).type != QLatin1String("window_aggregate"))
            return false;
        consumed = true;
    }
    for (int i = 0; i < p.sinks.size(); ++i) {
        if (m_ctx.index().sinkInputs(i).contains(name))
            return false;
    }
    return consumed;
}

void FlinkViewWriter::write(FlinkSqlWriter &v) const
{
    if (!v.keepsText())
        return; // text only: the views' findings come from build()
    for (const Endpoint &e : m_ctx.provider().endpoints) {
        if (!m_planner.mapping(e.name))
            continue;
        const FlinkRelation &from = m_planner.source(e.name);
        QSet<QString> targets;
        for (const auto &kv : e.fieldMapping)
            targets.insert(kv.second);
        // One view per mapped endpoint: appended in place.
        QString sql = QStringLiteral("CREATE TEMPORARY VIEW ");
        W::appendIdentifier(sql, QStringLiteral("map_") + e.name);
        sql += QLatin1String(" AS\nSELECT ");
        bool first = true;
        for (const FlinkColumn &c : from.columns) {
            const QString target = mapValue(e.fieldMapping, c.name);
            if (target.isEmpty() && targets.contains(c.name))
                continue;
            if (!first)
                sql += QLatin1String(", ");
            first = false;
            W::appendIdentifier(sql, c.name);
            if (!target.isEmpty()) {
                sql += QLatin1String(" AS ");
                W::appendIdentifier(sql, target);
            }
        }
        sql += QLatin1String("\nFROM ");
        sql += from.sql;
        v.comment(QStringLiteral("field_mapping of endpoint ") + e.name);
        v.statement(sql);
        v.blank();
    }
    for (const Endpoint &e : m_ctx.provider().endpoints) {
        if (!m_endpointViews.contains(e.name))
            continue;
        v.comment(
            QStringLiteral("endpoint %1 under its own name, for the sql transforms").arg(e.name));
        v.statement(QStringLiteral("CREATE TEMPORARY VIEW %1 AS\nSELECT * FROM %2")
                        .arg(W::identifier(e.name), m_planner.relation(e.name).sql));
        v.blank();
    }
    const QList<int> &order = m_planner.order();
    for (int k = 0; k < order.size(); ++k) {
        const Transform &t = m_ctx.provider().transforms.at(order.at(k));
        v.comment(QStringLiteral("transform %1 (%2)").arg(t.name, t.type));
        v.statement(m_views.at(k));
        v.blank();
        if (const auto d = m_deadLetters.constFind(order.at(k)); d != m_deadLetters.constEnd()) {
            v.comment(QStringLiteral("the dead letters of %1: poison records of the endpoints it "
                                     "reads and its own invalid rows")
                          .arg(t.name));
            v.statement(*d);
            v.blank();
        }
    }
}

QString FlinkViewWriter::transformView(int i)
{
    const Transform &t = m_ctx.provider().transforms.at(i);
    const QStringList ins = m_ctx.index().transformInputs(i);
    const FlinkRelation in = m_planner.unionOf(ins);
    const QString from = m_planner.fromClause(ins, in);
    FlinkRelation out = m_planner.shapeOf(i, in, false);
    const QString name = W::identifier(t.name);
    QString body;
    if (t.type == QLatin1String("field_mapping")) {
        QStringList cols;
        if (in.known) {
            for (const FlinkColumn &c : in.columns) {
                const QString target = mapValue(t.mapping, c.name);
                if (!target.isEmpty())
                    cols.append(W::identifier(c.name) + QStringLiteral(" AS ") +
                                W::identifier(target));
                else if (!std::any_of(t.mapping.begin(), t.mapping.end(),
                                      [&](const auto &kv) { return kv.second == c.name; }))
                    cols.append(W::identifier(c.name));
            }
        } else {
            m_ctx.warning(
                QStringLiteral("UIS-W-FLINK-COLUMNS"),
                QStringLiteral("the columns of `%1`'s input are unknown: the view keeps only the "
                               "mapped columns")
                    .arg(t.name),
                FlinkContext::transformPointer(i));
            for (const auto &kv : t.mapping)
                cols.append(W::identifier(kv.first) + QStringLiteral(" AS ") +
                            W::identifier(kv.second));
        }
        body = QStringLiteral("SELECT %1\nFROM %2").arg(cols.join(QStringLiteral(", ")), from);
    } else if (t.type == QLatin1String("filter")) {
        body =
            QStringLiteral("SELECT %1\nFROM %2\nWHERE %3").arg(in.selectList(), from, t.condition);
    } else if (t.type == QLatin1String("sql")) {
        // The query names its inputs as tables; endpoints get views of their own name. The
        // average of integers is a DOUBLE, as on Spark.
        body = FlinkSemantics::avgAsDouble(t.query.trimmed(), in);
        while (body.endsWith(QLatin1Char(';')))
            body = body.left(body.size() - 1).trimmed();
        if (!out.known)
            m_ctx.warning(
                QStringLiteral("UIS-W-FLINK-COLUMNS"),
                QStringLiteral("cannot tell the columns of sql transform `%1` from its SELECT "
                               "list; list them explicitly (`SELECT a, b AS c …`)")
                    .arg(t.name),
                FlinkContext::transformPointer(i) + QStringLiteral("/query"));
        if (out.updating)
            m_statefulNonWindow = true;
    } else if (t.type == QLatin1String("schema_validation")) {
        body = validationView(i, in, from);
    } else if (t.type == QLatin1String("dedupe")) {
        for (int k = 0; k < t.keys.size(); ++k) {
            if (in.known && !in.column(t.keys.at(k)))
                m_ctx.error(QStringLiteral("UIS-E-FLINK-COLUMN"),
                            QStringLiteral("dedupe key `%1` is not a column of the input (%2)")
                                .arg(t.keys.at(k), in.columnList()),
                            FlinkContext::transformPointer(i) + QStringLiteral("/keys/%1").arg(k));
        }
        if (in.updating)
            m_ctx.error(QStringLiteral("UIS-E-FLINK-CHANGELOG"),
                        QStringLiteral(
                            "dedupe `%1` reads an updating stream; Flink deduplicates insert-only "
                            "input")
                            .arg(t.name),
                        FlinkContext::transformPointer(i));
        QStringList keys;
        for (const QString &k : t.keys)
            keys.append(W::identifier(k));
        // Same result on both engines: the first row by event time. A batch job, or a stream
        // whose dedupe feeds windows only (they take the updates an earlier row makes, until
        // they close), orders by the event-time attribute; a stream into a sink keeps the first
        // row to arrive (ordering by event time would make it an updating stream), as Spark's
        // dropDuplicatesWithinWatermark does.
        if (!in.rowtime.isEmpty() && dedupeByEventTime(t.name))
            body = QStringLiteral("SELECT %1\nFROM (\n  SELECT *, ROW_NUMBER() OVER (PARTITION "
                                  "BY %2 ORDER BY %3 ASC) AS `uis_row_num`\n  FROM %4\n)\n"
                                  "WHERE `uis_row_num` = 1")
                       .arg(in.selectList(), keys.join(QStringLiteral(", ")),
                            W::identifier(in.rowtime), from);
        else
            body = QStringLiteral("SELECT %1\nFROM (\n  SELECT *, ROW_NUMBER() OVER (PARTITION "
                                  "BY %2 ORDER BY `uis_proctime` ASC) AS `uis_row_num`\n"
                                  "  FROM (SELECT *, PROCTIME() AS `uis_proctime` FROM "
                                  "%3)\n)\nWHERE `uis_row_num` = 1")
                       .arg(in.selectList(), keys.join(QStringLiteral(", ")), from);
        if (const auto ms = CS::durationMs(t.within))
            m_stateTtlMs = std::max(m_stateTtlMs, *ms);
    } else if (t.type == QLatin1String("watermark")) {
        body = QStringLiteral("SELECT %1\nFROM %2").arg(in.selectList(), from);
    } else if (t.type == QLatin1String("window_aggregate")) {
        if (in.rowtime != t.timeColumn) {
            if (!in.rowtime.isEmpty())
                m_ctx.error(
                    QStringLiteral("UIS-E-FLINK-TIME-COLUMN"),
                    QStringLiteral("window `%1` is on `%2`, but the input's event time is `%3`")
                        .arg(t.name, t.timeColumn, in.rowtime),
                    FlinkContext::transformPointer(i) + QStringLiteral("/time_column"));
            else if (!hasErrors(m_ctx.diagnostics()))
                m_ctx.error(
                    QStringLiteral("UIS-E-FLINK-TIME-COLUMN"),
                    QStringLiteral("window `%1`: `%2` is not an event-time column of its input "
                                   "(a window over a window or a sql transform is not supported)")
                        .arg(t.name, t.timeColumn),
                    FlinkContext::transformPointer(i) + QStringLiteral("/time_column"));
        }
        const auto size = CS::durationMs(t.window);
        const auto slide = CS::durationMs(t.slide);
        QString tvf;
        if (slide && size && *slide != *size)
            tvf = QStringLiteral("HOP(TABLE %1, DESCRIPTOR(%2), %3, %4)")
                      .arg(ins.size() == 1 ? m_planner.relation(ins.first()).sql : from,
                           W::identifier(t.timeColumn), W::interval(*slide), W::interval(*size));
        else
            tvf = QStringLiteral("TUMBLE(TABLE %1, DESCRIPTOR(%2), %3)")
                      .arg(ins.size() == 1 ? m_planner.relation(ins.first()).sql : from,
                           W::identifier(t.timeColumn), W::interval(size.value_or(60000)));
        if (ins.size() != 1)
            m_ctx.error(
                QStringLiteral("UIS-E-FLINK-WINDOW"),
                QStringLiteral("window `%1` reads several inputs; put a transform that merges them "
                               "first (Flink windows one table)")
                    .arg(t.name),
                FlinkContext::transformPointer(i) + QStringLiteral("/inputs"));
        QStringList groups{QStringLiteral("`window_start`"), QStringLiteral("`window_end`")};
        QStringList cols = groups;
        for (int k = 0; k < t.groupBy.size(); ++k) {
            const QString &g = t.groupBy.at(k);
            if (in.known && !in.column(g))
                m_ctx.error(QStringLiteral("UIS-E-FLINK-COLUMN"),
                            QStringLiteral("group_by column `%1` is not a column of the input (%2)")
                                .arg(g, in.columnList()),
                            FlinkContext::transformPointer(i) +
                                QStringLiteral("/group_by/%1").arg(k));
            groups.append(W::identifier(g));
            cols.append(W::identifier(g));
        }
        // Same result on both engines: the average of integers is a DOUBLE.
        for (const auto &kv : t.aggregates)
            cols.append(FlinkSemantics::avgAsDouble(kv.second.trimmed(), in) +
                        QStringLiteral(" AS ") + W::identifier(kv.first));
        body = QStringLiteral("SELECT %1\nFROM TABLE(\n  %2\n)\nGROUP BY %3")
                   .arg(cols.join(QStringLiteral(", ")), tvf, groups.join(QStringLiteral(", ")));
    }
    m_planner.setRelation(t.name, out);
    return QStringLiteral("CREATE TEMPORARY VIEW %1 AS\n%2").arg(name, body);
}

QString FlinkViewWriter::validationView(int i, const FlinkRelation &in, const QString &from)
{
    const Transform &t = m_ctx.provider().transforms.at(i);
    QStringList cols, conds, reasons;
    for (const FlinkColumn &c : in.columns) {
        QString expr = W::identifier(c.name);
        for (const SchemaField &f : t.schema) {
            if (f.name == c.name && FlinkRelation::sqlType(f.type) != c.type &&
                c.name != in.rowtime)
                expr = QStringLiteral("TRY_CAST(%1 AS %2) AS %1")
                           .arg(W::identifier(c.name), FlinkRelation::sqlType(f.type));
        }
        cols.append(expr);
    }
    for (int k = 0; k < t.schema.size(); ++k) {
        const SchemaField &f = t.schema.at(k);
        const FlinkColumn *c = in.column(f.name);
        if (in.known && !c) {
            m_ctx.error(
                QStringLiteral("UIS-E-FLINK-COLUMN"),
                QStringLiteral("schema_validation column `%1` is not a column of the input (%2)")
                    .arg(f.name, in.columnList()),
                FlinkContext::transformPointer(i) + QStringLiteral("/schema/%1/name").arg(k));
            continue;
        }
        const QString id = W::identifier(f.name);
        const QString ft = FlinkRelation::sqlType(f.type);
        // Checked even where the endpoint declares the column `nullable: false`: no Flink
        // source enforces that (an empty csv field, a JSON null), and this check is what
        // drops such rows, as on Spark.
        if (!f.nullable) {
            conds.append(id + QStringLiteral(" IS NOT NULL"));
            reasons.append(QStringLiteral("CASE WHEN %1 IS NULL THEN %2 END")
                               .arg(id, W::literal(f.name + QStringLiteral(": null"))));
        }
        if (!c || (c->type != ft && f.name != in.rowtime)) {
            conds.append(
                QStringLiteral("(%1 IS NULL OR TRY_CAST(%1 AS %2) IS NOT NULL)").arg(id, ft));
            reasons.append(
                QStringLiteral(
                    "CASE WHEN %1 IS NOT NULL AND TRY_CAST(%1 AS %2) IS NULL THEN %3 END")
                    .arg(id, ft, W::literal(QStringLiteral("%1: not %2").arg(f.name, ft))));
        }
    }
    if (!in.known)
        cols = QStringList{QStringLiteral("*")};
    QString body = QStringLiteral("SELECT %1\nFROM %2").arg(cols.join(QStringLiteral(", ")), from);
    const QString policy = t.onInvalid.toLower();
    const QString reason = reasons.isEmpty() ? QString()
                                             : QStringLiteral("NULLIF(CONCAT_WS('; ', %1), '')")
                                                   .arg(reasons.join(QStringLiteral(", ")));
    if (!conds.isEmpty()) {
        const QString good = conds.join(QStringLiteral("\n  AND "));
        if (policy == QLatin1String("fail"))
            body += QStringLiteral("\nWHERE (%1)\n  OR %2")
                        .arg(good, FlinkCheckedSource::failure(
                                       QStringLiteral("schema_validation ") + t.name,
                                       QStringLiteral("CAST(NULL AS STRING)"), reason));
        else
            body += QStringLiteral("\nWHERE ") + good;
    }
    if (policy != QLatin1String("dead_letter"))
        return body;
    // The dead letters: each endpoint input's poison records with their position, and the rows
    // this transform finds invalid (as JSON; they have no source position any more).
    QStringList parts;
    for (const QString &n : m_ctx.index().transformInputs(i)) {
        const FlinkRelation &src = m_planner.source(n);
        if (m_ctx.index().endpoint(n) && !src.checked.isEmpty())
            parts.append(QStringLiteral("SELECT `uis_raw` AS `raw_record`, `uis_reason` AS "
                                        "`reason`, `uis_position` AS `position`\nFROM %1\nWHERE "
                                        "`uis_reason` IS NOT NULL")
                             .arg(src.checked));
    }
    if (!conds.isEmpty() && in.known) {
        QStringList fields;
        for (const FlinkColumn &c : in.columns)
            fields.append(
                QStringLiteral("KEY %1 VALUE %2").arg(W::literal(c.name), W::identifier(c.name)));
        parts.append(QStringLiteral("SELECT JSON_OBJECT(%1) AS `raw_record`, %2 AS `reason`, "
                                    "CAST(NULL AS STRING) AS `position`\nFROM %3\nWHERE NOT (%4)")
                         .arg(fields.join(QStringLiteral(", ")), reason, from,
                              conds.join(QStringLiteral(" AND "))));
    }
    if (parts.isEmpty())
        parts.append(QStringLiteral("SELECT CAST(NULL AS STRING) AS `raw_record`, CAST(NULL AS "
                                    "STRING) AS `reason`, CAST(NULL AS STRING) AS `position`\n"
                                    "FROM (VALUES (1))\nWHERE FALSE"));
    m_deadLetters.insert(i, QStringLiteral("CREATE TEMPORARY VIEW %1 AS\n%2")
                                .arg(W::identifier(t.name + QStringLiteral("_dead_letter")),
                                     parts.join(QStringLiteral("\nUNION ALL\n"))));
    return body;
}

} // namespace uis
