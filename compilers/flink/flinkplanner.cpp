// SPDX-License-Identifier: Apache-2.0
#include "flinkplanner.h"

#include "compilesupport.h"
#include "flinkcheckedsource.h"
#include "flinksqlwriter.h"
#include "sqlshape.h"

#include <QSet>

#include <algorithm>

namespace uis {

using CS = CompileSupport;
using W = FlinkSqlWriter;

FlinkPlanner::FlinkPlanner(FlinkContext &context) : m_ctx(context) {}

void FlinkPlanner::plan()
{
    buildSources();
    sortTransforms();
    collectWatermarks();
    // `<transform>_dead_letter`: the poison records and invalid rows of a schema_validation
    // with `on_invalid: dead_letter`, which sinks can read (FlinkViewWriter writes the view).
    for (const Transform &t : m_ctx.provider().transforms) {
        if (t.type != QLatin1String("schema_validation") ||
            t.onInvalid.toLower() != QLatin1String("dead_letter"))
            continue;
        FlinkRelation d;
        const QString name = t.name + QStringLiteral("_dead_letter");
        d.sql = W::identifier(name);
        for (const char *c : {"raw_record", "reason", "position"})
            d.columns.append(FlinkColumn{QLatin1String(c), QStringLiteral("STRING"), false, {}});
        m_rels.insert(name, d);
    }
}

const FlinkRelation &FlinkPlanner::relation(const QString &name) const
{
    const auto it = m_rels.constFind(name);
    return it == m_rels.constEnd() ? m_none : *it;
}

void FlinkPlanner::setRelation(const QString &name, const FlinkRelation &relation)
{
    m_rels.insert(name, relation);
}

const FlinkRelation &FlinkPlanner::source(const QString &endpoint) const
{
    const auto it = m_sources.constFind(endpoint);
    return it == m_sources.constEnd() ? m_none : *it;
}

const FlinkRelation *FlinkPlanner::mapping(const QString &endpoint) const
{
    const auto it = m_mappings.constFind(endpoint);
    return it == m_mappings.constEnd() ? nullptr : &*it;
}

qint64 FlinkPlanner::watermarkDelay(const QString &endpoint, const QString &column) const
{
    const auto it = m_watermarks.constFind(endpoint);
    return it == m_watermarks.constEnd() || it->column != column ? -1 : it->delayMs;
}

void FlinkPlanner::buildSources()
{
    for (int i = 0; i < m_ctx.provider().endpoints.size(); ++i) {
        const Endpoint &e = m_ctx.provider().endpoints.at(i);
        FlinkRelation r;
        r.sql = W::identifier(m_ctx.sourceTable(e));
        const QList<SchemaField> derived = CS::derivedColumns(m_ctx.spec(), i);
        if (e.hasSchema && !e.schema.isEmpty()) {
            for (const SchemaField &f : e.schema)
                r.columns.append(FlinkColumn{f.name,
                                             FlinkRelation::sqlType(f.type),
                                             !f.nullable,
                                             {FlinkOrigin{e.name, f.name}}});
        } else if (!derived.isEmpty()) {
            // No schema: the columns the spec names, read from the JSON records (COMPILERS.md).
            QStringList described;
            for (const SchemaField &f : derived) {
                FlinkColumn c{
                    f.name, FlinkRelation::sqlType(f.type), false, {FlinkOrigin{e.name, f.name}}};
                c.parsedTime = f.type == QLatin1String("timestamp");
                r.columns.append(c);
                described.append(QStringLiteral("`%1` %2%3")
                                     .arg(f.name, c.type,
                                          c.parsedTime
                                              ? QStringLiteral(" (parsed from ISO-8601 or epoch "
                                                               "milliseconds)")
                                              : QString()));
                if (c.parsedTime)
                    r.table = r.sql;
            }
            if (!r.table.isEmpty())
                r.sql = W::identifier(m_ctx.sourceTable(e) + QStringLiteral("_parsed"));
            m_ctx.info(
                QStringLiteral("UIS-I-DERIVED-COLUMNS"),
                QStringLiteral("endpoint `%1` has no schema: its columns are derived from what the "
                               "spec names and read from the JSON records: %2; declare them with "
                               "`schema:` on the endpoint ({name, type, nullable}) for other types")
                    .arg(e.name, described.join(QStringLiteral(", "))),
                FlinkContext::endpointPointer(i));
        } else {
            r.columns.append(FlinkColumn{QStringLiteral("data"),
                                         QStringLiteral("STRING"),
                                         false,
                                         {FlinkOrigin{e.name, QStringLiteral("data")}},
                                         true});
            m_ctx.info(
                QStringLiteral("UIS-I-FLINK-RAW"),
                QStringLiteral("endpoint `%1` has no schema: Flink reads each record as one `data` "
                               "STRING column (the raw JSON); declare a schema for typed columns")
                    .arg(e.name),
                FlinkContext::endpointPointer(i));
        }
        if (FlinkCheckedSource::applies(m_ctx, i)) {
            // Read as raw records, typed and checked in views (FlinkCheckedSource).
            // Files keep their names: the `__files` table under a view that is the source.
            const QString table = m_ctx.sourceTable(e);
            const bool files = m_ctx.provider().providerType == QLatin1String("file_ftp");
            r.table = W::identifier(table + (files ? QStringLiteral("__files") : QString()));
            r.checked = W::identifier(table + QStringLiteral("__checked"));
            r.sql = W::identifier(files ? table : table + QStringLiteral("_parsed"));
            r.onInvalid = onInvalid(e.name);
            for (FlinkColumn &c : r.columns)
                c.parsedTime = false;
        }
        if (m_ctx.provider().providerType == QLatin1String("database")) {
            r.updating = true;
            for (const FlinkColumn &c : r.columns) {
                if (c.notNull)
                    r.key.append(c.name);
            }
        }
        m_sources.insert(e.name, r);
        FlinkRelation out = r;
        if (!e.fieldMapping.isEmpty()) {
            out = mapColumns(r, e.fieldMapping,
                             FlinkContext::endpointPointer(i) + QStringLiteral("/field_mapping"));
            out.sql = W::identifier(QStringLiteral("map_") + e.name);
            m_mappings.insert(e.name, out);
        }
        m_rels.insert(e.name, out);
    }
}

QString FlinkPlanner::onInvalid(const QString &endpoint) const
{
    const Provider &p = m_ctx.provider();
    for (int i = 0; i < p.transforms.size(); ++i) {
        const Transform &t = p.transforms.at(i);
        if (t.type == QLatin1String("schema_validation") &&
            m_ctx.index().transformInputs(i).contains(endpoint))
            return t.onInvalid.isEmpty() ? QStringLiteral("drop") : t.onInvalid.toLower();
    }
    return QStringLiteral("drop");
}

FlinkRelation FlinkPlanner::mapColumns(const FlinkRelation &in, const StringMap &mapping,
                                       const QString &ptr)
{
    FlinkRelation out = in;
    out.columns.clear();
    if (!in.known) {
        for (const auto &kv : mapping)
            out.columns.append(FlinkColumn{kv.second, QString(), false, {}});
        out.known = false;
        return out;
    }
    QSet<QString> targets;
    for (const auto &kv : mapping)
        targets.insert(kv.second);
    for (const auto &kv : mapping) {
        if (!in.column(kv.first))
            m_ctx.error(
                QStringLiteral("UIS-E-FLINK-COLUMN"),
                QStringLiteral("field_mapping source `%1` is not a column of the input (%2)")
                    .arg(kv.first, in.columnList()),
                pointerAppend(ptr, kv.first));
    }
    for (const FlinkColumn &c : in.columns) {
        const QString target = mapValue(mapping, c.name);
        if (!target.isEmpty()) {
            FlinkColumn n = c;
            n.name = target;
            out.columns.append(n);
        } else if (!targets.contains(c.name)) {
            out.columns.append(c);
        }
    }
    auto rename = [&](const QString &name) {
        const QString t = mapValue(mapping, name);
        return t.isEmpty() ? name : t;
    };
    QStringList key;
    for (const QString &k : in.key)
        key.append(rename(k));
    out.key = key;
    out.rowtime = in.rowtime.isEmpty() ? QString() : rename(in.rowtime);
    return out;
}

void FlinkPlanner::sortTransforms()
{
    QSet<QString> done;
    for (const Endpoint &e : m_ctx.provider().endpoints)
        done.insert(e.name);
    QList<int> pending;
    for (int i = 0; i < m_ctx.provider().transforms.size(); ++i)
        pending.append(i);
    while (!pending.isEmpty()) {
        bool progressed = false;
        for (int k = 0; k < pending.size(); ++k) {
            const int i = pending.at(k);
            const QStringList ins = m_ctx.index().transformInputs(i);
            if (std::all_of(ins.begin(), ins.end(),
                            [&](const QString &n) { return done.contains(n); })) {
                m_order.append(i);
                done.insert(m_ctx.provider().transforms.at(i).name);
                pending.removeAt(k);
                progressed = true;
                break;
            }
        }
        if (!progressed) { // a cycle; the validator reports it
            m_order.append(pending);
            break;
        }
    }
}

FlinkRelation FlinkPlanner::unionOf(const QStringList &inputs) const
{
    if (inputs.size() == 1)
        return relation(inputs.first());
    FlinkRelation out;
    out.known = true;
    QStringList rowtimes;
    // Columns by name and the origins each already has: a union of thousands of endpoints
    // must not compare every origin with every other.
    QHash<QString, qsizetype> byName;
    QList<QSet<std::pair<QString, QString>>> seen; // (endpoint, column): no string per origin
    for (const QString &n : inputs) {
        const FlinkRelation &r = relation(n);
        out.known = out.known && r.known;
        out.updating = out.updating || r.updating;
        rowtimes.append(r.rowtime);
        for (const FlinkColumn &c : r.columns) {
            const auto at = byName.constFind(c.name);
            if (at == byName.constEnd()) {
                byName.insert(c.name, out.columns.size());
                out.columns.append(c);
                QSet<std::pair<QString, QString>> &keys = seen.emplace_back();
                for (const FlinkOrigin &orig : c.origins)
                    keys.insert({orig.endpoint, orig.column});
                continue;
            }
            FlinkColumn &o = out.columns[*at];
            QSet<std::pair<QString, QString>> &keys = seen[*at];
            for (const FlinkOrigin &orig : c.origins) {
                const std::pair<QString, QString> key{orig.endpoint, orig.column};
                if (!keys.contains(key)) {
                    keys.insert(key);
                    o.origins.append(orig);
                }
            }
            o.notNull = o.notNull && c.notNull;
            o.raw = o.raw && c.raw;
            if (o.type != c.type)
                o.type = o.type.isEmpty() || c.type.isEmpty() ? QString() : o.type;
        }
    }
    // Columns some input lacks become nullable.
    for (const QString &n : inputs) {
        const FlinkRelation &r = relation(n);
        for (FlinkColumn &c : out.columns) {
            if (!r.column(c.name))
                c.notNull = false;
        }
    }
    // The union keeps the event time only when every input has it on the same column.
    out.rowtime = rowtimes.first();
    for (const QString &r : rowtimes) {
        if (r != out.rowtime)
            out.rowtime.clear();
    }
    return out;
}

QString FlinkPlanner::fromClause(const QStringList &inputs, const FlinkRelation &merged) const
{
    if (inputs.size() == 1)
        return relation(inputs.first()).sql;
    // Appended in place: a union of thousands of endpoints is one SELECT each.
    QString out = QStringLiteral("(\n  ");
    for (qsizetype k = 0; k < inputs.size(); ++k) {
        const FlinkRelation &r = relation(inputs.at(k));
        if (k > 0)
            out += QLatin1String("\n  UNION ALL\n  ");
        out += QLatin1String("SELECT ");
        for (qsizetype i = 0; i < merged.columns.size(); ++i) {
            const FlinkColumn &c = merged.columns.at(i);
            if (i > 0)
                out += QLatin1String(", ");
            if (r.column(c.name) || !r.known) {
                W::appendIdentifier(out, c.name);
                continue;
            }
            out += QLatin1String("CAST(NULL AS ");
            if (c.type.isEmpty())
                out += QLatin1String("STRING");
            else
                out += c.type;
            out += QLatin1String(") AS ");
            W::appendIdentifier(out, c.name);
        }
        out += QLatin1String(" FROM ");
        out += r.sql;
    }
    out += QLatin1String("\n)");
    return out;
}

void FlinkPlanner::requireWatermark(const FlinkRelation &in, const QString &column, qint64 delayMs,
                                    bool explicitDelay, const QString &ptr)
{
    const FlinkColumn *c = in.column(column);
    if (!in.known || !c) {
        m_ctx.error(QStringLiteral("UIS-E-FLINK-TIME-COLUMN"),
                    QStringLiteral("time column `%1` is not a column of the input%2")
                        .arg(column, in.known
                                         ? QStringLiteral(" (") + in.columnList() + QLatin1Char(')')
                                         : QString()),
                    ptr);
        return;
    }
    if (c->origins.isEmpty()) {
        m_ctx.error(QStringLiteral("UIS-E-FLINK-TIME-COLUMN"),
                    QStringLiteral(
                        "time column `%1` is computed by a transform; Flink declares event time "
                        "on a source table, so use a column that comes from an endpoint's schema")
                        .arg(column),
                    ptr);
        return;
    }
    if (c->type != QLatin1String("TIMESTAMP(3)")) {
        m_ctx.error(
            QStringLiteral("UIS-E-FLINK-TIME-COLUMN"),
            QStringLiteral("time column `%1` must be declared `type: timestamp` in the endpoint "
                           "schema (a Flink watermark needs TIMESTAMP(3))")
                .arg(column),
            ptr);
        return;
    }
    for (const FlinkOrigin &o : c->origins) {
        // One event-time column per source table.
        const auto it = m_watermarks.constFind(o.endpoint);
        if (it != m_watermarks.constEnd() && it->column != o.column) {
            m_ctx.error(QStringLiteral("UIS-E-FLINK-TIME-COLUMN"),
                        QStringLiteral("endpoint `%1` already has its event time on `%2`; Flink "
                                       "allows one watermark per source table")
                            .arg(o.endpoint, it->column),
                        ptr);
            return;
        }
        if (it == m_watermarks.constEnd())
            m_watermarks.insert(o.endpoint, Watermark{o.column, delayMs});
        else if (explicitDelay)
            m_watermarks[o.endpoint].delayMs = delayMs;
    }
}

void FlinkPlanner::collectWatermarks()
{
    // The input of every transform, as the planner sees it before any watermark: both passes
    // below read the same ones, so each union (thousands of endpoints) is built once.
    QList<FlinkRelation> inputs(m_ctx.provider().transforms.size());
    {
        const QHash<QString, FlinkRelation> saved = m_rels;
        for (int i : m_order) {
            inputs[i] = unionOf(m_ctx.index().transformInputs(i));
            m_rels.insert(m_ctx.provider().transforms.at(i).name,
                          shapeOf(i, inputs[i], /*quiet=*/true));
        }
        m_rels = saved;
    }
    // Explicit watermark transforms first: their delay wins over a window's `watermark`.
    for (int pass = 0; pass < 2; ++pass) {
        for (int i : m_order) {
            const Transform &t = m_ctx.provider().transforms.at(i);
            const FlinkRelation &in = inputs.at(i);
            if (pass == 0 && t.type == QLatin1String("watermark")) {
                const auto ms = CS::durationMs(t.maxOutOfOrderness);
                requireWatermark(in, t.timeColumn, ms.value_or(0), true,
                                 FlinkContext::transformPointer(i) +
                                     QStringLiteral("/time_column"));
            } else if (pass == 1 && t.type == QLatin1String("window_aggregate")) {
                const FlinkColumn *c = in.column(t.timeColumn);
                bool covered = false;
                if (c) {
                    for (const FlinkOrigin &o : c->origins)
                        covered = covered || watermarkDelay(o.endpoint, o.column) >= 0;
                }
                if (!covered)
                    requireWatermark(
                        in, t.timeColumn, CS::durationMs(t.watermark).value_or(0), false,
                        FlinkContext::transformPointer(i) + QStringLiteral("/time_column"));
            }
        }
    }
    // Apply: each source gets its rowtime; mapping views keep it under the new name.
    for (auto it = m_watermarks.constBegin(); it != m_watermarks.constEnd(); ++it) {
        const QString &ep = it.key();
        const QString &col = it->column;
        m_sources[ep].rowtime = col;
        if (m_mappings.contains(ep)) {
            const Endpoint *e = m_ctx.index().endpoint(ep);
            const QString t = mapValue(e->fieldMapping, col);
            m_mappings[ep].rowtime = t.isEmpty() ? col : t;
            m_rels[ep] = m_mappings[ep];
        } else {
            m_rels[ep] = m_sources[ep];
        }
    }
}

FlinkRelation FlinkPlanner::shapeOf(int i, const FlinkRelation &in, bool quiet)
{
    const Transform &t = m_ctx.provider().transforms.at(i);
    FlinkRelation out = in;
    out.sql = W::identifier(t.name);
    if (t.type == QLatin1String("field_mapping")) {
        // The first pass only wants the shape; its notes come again in the second.
        const bool wasQuiet = m_ctx.setQuiet(quiet);
        out = mapColumns(in, t.mapping,
                         FlinkContext::transformPointer(i) + QStringLiteral("/mapping"));
        m_ctx.setQuiet(wasQuiet);
        out.sql = W::identifier(t.name);
    } else if (t.type == QLatin1String("schema_validation")) {
        for (const SchemaField &f : t.schema) {
            for (FlinkColumn &c : out.columns) {
                if (c.name != f.name)
                    continue;
                const QString ft = FlinkRelation::sqlType(f.type);
                if (c.type != ft && c.name != in.rowtime) {
                    c.type = ft;
                    c.origins.clear();
                    c.raw = false;
                }
                c.notNull = c.notNull || !f.nullable;
            }
        }
    } else if (t.type == QLatin1String("dedupe")) {
        out.key = t.keys;
    } else if (t.type == QLatin1String("window_aggregate")) {
        out = FlinkRelation();
        out.sql = W::identifier(t.name);
        out.columns.append(
            FlinkColumn{QStringLiteral("window_start"), QStringLiteral("TIMESTAMP(3)"), true, {}});
        out.columns.append(
            FlinkColumn{QStringLiteral("window_end"), QStringLiteral("TIMESTAMP(3)"), true, {}});
        out.key = {QStringLiteral("window_start"), QStringLiteral("window_end")};
        for (const QString &g : t.groupBy) {
            const FlinkColumn *c = in.column(g);
            out.columns.append(FlinkColumn{g, c ? c->type : QString(), c && c->notNull, {}});
            out.key.append(g);
        }
        for (const auto &kv : t.aggregates) {
            const auto [type, notNull] = SqlShape::expressionType(kv.second, in);
            out.columns.append(FlinkColumn{kv.first, type, notNull, {}});
        }
        out.known = true;
        out.updating = false;
    } else if (t.type == QLatin1String("sql")) {
        out = SqlShape::analyse(t.query, in, int(m_ctx.index().transformInputs(i).size()));
        out.sql = W::identifier(t.name);
    }
    return out;
}

} // namespace uis
