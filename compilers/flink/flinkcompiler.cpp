// SPDX-License-Identifier: Apache-2.0
#include "flinkcompiler.h"

#include "compilesupport.h"
#include "flinksqlwriter.h"
#include "shellquote.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace uis {

namespace {

using CS = CompileSupport;
using W = FlinkSqlWriter;
using Options = QList<QPair<QString, QString>>;

const char *const kK8sRunner = "/opt/uis/runners/flink/uis_flink_runner.py";
const char *const kLocalRunner = "runners/flink/uis_flink_runner.py";
const char *const kClickHouseJar =
    "flink-connector-clickhouse (github.com/itinycheng/flink-connector-clickhouse; not on Maven "
    "Central, build it and put the jar in Flink's lib/)";

/// Where a column comes from: a column of an endpoint's schema, passed through or renamed.
struct Origin
{
    QString endpoint;
    QString column;
    bool operator==(const Origin &o) const = default;
};

struct Column
{
    QString name;
    QString type; ///< Flink SQL type; empty when unknown
    bool notNull = false;
    QList<Origin> origins;
    bool raw = false; ///< the whole record as text (a source without a schema)
};

/// A table or view of the script, with what the planner will know about it.
struct Relation
{
    QString sql;       ///< the quoted name to select from
    bool known = true; ///< the columns are known
    QList<Column> columns;
    bool updating = false; ///< produces updates/deletes (a changelog), not only inserts
    QStringList key;       ///< a unique key, when one is known
    QString rowtime;       ///< the event-time attribute column, or ""

    const Column *column(const QString &name) const
    {
        for (const Column &c : columns) {
            if (c.name == name)
                return &c;
        }
        return nullptr;
    }
};

QString flinkType(const QString &uisType)
{
    static const QRegularExpression decimal(
        QStringLiteral("^decimal\\s*\\(\\s*([0-9]+)\\s*,\\s*([0-9]+)\\s*\\)$"),
        QRegularExpression::CaseInsensitiveOption);
    const QString t = uisType.trimmed().toLower();
    if (t == QLatin1String("string") || t == QLatin1String("json"))
        return QStringLiteral("STRING");
    if (t == QLatin1String("int"))
        return QStringLiteral("INT");
    if (t == QLatin1String("long"))
        return QStringLiteral("BIGINT");
    if (t == QLatin1String("double"))
        return QStringLiteral("DOUBLE");
    if (t == QLatin1String("boolean"))
        return QStringLiteral("BOOLEAN");
    if (t == QLatin1String("date"))
        return QStringLiteral("DATE");
    if (t == QLatin1String("timestamp"))
        return QStringLiteral("TIMESTAMP(3)");
    if (const auto m = decimal.match(t); m.hasMatch())
        return QStringLiteral("DECIMAL(%1, %2)").arg(m.captured(1), m.captured(2));
    return QStringLiteral("STRING");
}

QString sourceKind(const QString &providerType)
{
    return providerType == QLatin1String("database") ? QStringLiteral("cdc") : providerType;
}

/// Text of a SQL expression with string literals and quoted identifiers blanked out, upper-cased,
/// so keyword checks do not match inside quotes.
QString sqlSkeleton(const QString &sql)
{
    QString out;
    out.reserve(sql.size());
    QChar quote;
    for (QChar c : sql) {
        if (!quote.isNull()) {
            out += QLatin1Char(' ');
            if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('`') || c == QLatin1Char('"')) {
            quote = c;
            out += QLatin1Char(' ');
            continue;
        }
        out += c.toUpper();
    }
    return out;
}

/// Splits at top-level commas (outside parentheses and quotes).
QStringList splitTopLevel(const QString &text, QChar separator = QLatin1Char(','))
{
    QStringList parts;
    QString cur;
    int depth = 0;
    QChar quote;
    for (QChar c : text) {
        if (!quote.isNull()) {
            cur += c;
            if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('`') || c == QLatin1Char('"'))
            quote = c;
        else if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')'))
            --depth;
        else if (c == separator && depth == 0) {
            parts.append(cur.trimmed());
            cur.clear();
            continue;
        }
        cur += c;
    }
    if (!cur.trimmed().isEmpty())
        parts.append(cur.trimmed());
    return parts;
}

QString unquoteIdentifier(QString s)
{
    s = s.trimmed();
    if (s.size() >= 2 && s.startsWith(QLatin1Char('`')) && s.endsWith(QLatin1Char('`')))
        return s.mid(1, s.size() - 2).replace(QLatin1String("``"), QLatin1String("`"));
    return s;
}

bool isPlainIdentifier(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^(`[^`]+`|[A-Za-z_][A-Za-z0-9_]*)$"));
    return re.match(s.trimmed()).hasMatch();
}

struct Compiler
{
    const Spec &spec;
    const CompileOptions &options;
    DiagnosticList diags;

    QHash<QString, Relation> rels;         ///< by spec node name (endpoint or transform)
    QHash<QString, Relation> sources;      ///< by endpoint name: the source table itself
    QHash<QString, Relation> mappings;     ///< by endpoint name: its map_<endpoint> view
    QHash<QString, qint64> watermarkDelay; ///< "endpoint\ncolumn" → delay
    QList<int> order;                      ///< transforms in dependency order
    qint64 stateTtlMs = 0;
    bool hasStatefulNonWindow = false;

    void error(const QString &code, const QString &msg, const QString &ptr)
    {
        CS::add(&diags, CS::make(Severity::Error, code, msg, ptr));
    }
    void warning(const QString &code, const QString &msg, const QString &ptr)
    {
        CS::add(&diags, CS::make(Severity::Warning, code, msg, ptr));
    }
    void info(const QString &code, const QString &msg, const QString &ptr)
    {
        CS::add(&diags, CS::make(Severity::Info, code, msg, ptr));
    }

    const Provider &p() const { return spec.provider; }
    QString tPtr(int i) const { return QStringLiteral("/provider/transforms/%1").arg(i); }
    QString sPtr(int i) const { return QStringLiteral("/provider/sinks/%1").arg(i); }
    QString ePtr(int i) const { return QStringLiteral("/provider/endpoints/%1").arg(i); }

    bool bridged() const
    {
        return p().providerType == QLatin1String("websocket") ||
               p().providerType == QLatin1String("webhook");
    }

    QString sourceTable(const Endpoint &e) const
    {
        return sourceKind(p().providerType) + QLatin1Char('_') + e.name;
    }

    QString bootstrap() const
    {
        return spec.configValue(QStringLiteral("kafka_bootstrap_servers"));
    }

    // ------------------------------------------------------------------ relations

    void buildSources()
    {
        for (int i = 0; i < p().endpoints.size(); ++i) {
            const Endpoint &e = p().endpoints.at(i);
            Relation r;
            r.sql = W::identifier(sourceTable(e));
            if (e.hasSchema && !e.schema.isEmpty()) {
                for (const SchemaField &f : e.schema)
                    r.columns.append(
                        Column{f.name, flinkType(f.type), !f.nullable, {Origin{e.name, f.name}}});
            } else {
                r.columns.append(Column{QStringLiteral("data"),
                                        QStringLiteral("STRING"),
                                        false,
                                        {Origin{e.name, QStringLiteral("data")}},
                                        true});
                info(QStringLiteral("UIS-I-FLINK-RAW"),
                     QStringLiteral(
                         "endpoint `%1` has no schema: Flink reads each record as one `data` "
                         "STRING column (the raw JSON); declare a schema for typed columns")
                         .arg(e.name),
                     ePtr(i));
            }
            if (p().providerType == QLatin1String("database")) {
                r.updating = true;
                for (const Column &c : r.columns) {
                    if (c.notNull)
                        r.key.append(c.name);
                }
            }
            sources.insert(e.name, r);
            Relation out = r;
            if (!e.fieldMapping.isEmpty()) {
                out = mapColumns(r, e.fieldMapping, ePtr(i) + QStringLiteral("/field_mapping"));
                out.sql = W::identifier(QStringLiteral("map_") + e.name);
                mappings.insert(e.name, out);
            }
            rels.insert(e.name, out);
        }
    }

    /// The relation after renaming `mapping` (source → target), columns kept in place.
    Relation mapColumns(const Relation &in, const StringMap &mapping, const QString &ptr)
    {
        Relation out = in;
        out.columns.clear();
        if (!in.known) {
            for (const auto &kv : mapping)
                out.columns.append(Column{kv.second, QString(), false, {}});
            out.known = false;
            return out;
        }
        QSet<QString> targets;
        for (const auto &kv : mapping)
            targets.insert(kv.second);
        for (const auto &kv : mapping) {
            if (!in.column(kv.first))
                error(QStringLiteral("UIS-E-FLINK-COLUMN"),
                      QStringLiteral("field_mapping source `%1` is not a column of the input (%2)")
                          .arg(kv.first, columnNames(in).join(QStringLiteral(", "))),
                      pointerAppend(ptr, kv.first));
        }
        for (const Column &c : in.columns) {
            const QString target = mapValue(mapping, c.name);
            if (!target.isEmpty()) {
                Column n = c;
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

    static QStringList columnNames(const Relation &r)
    {
        QStringList n;
        for (const Column &c : r.columns)
            n.append(c.name);
        return n;
    }

    /// Transforms in an order where every input comes first (document order otherwise).
    void sortTransforms()
    {
        QSet<QString> done;
        for (const Endpoint &e : p().endpoints)
            done.insert(e.name);
        QList<int> pending;
        for (int i = 0; i < p().transforms.size(); ++i)
            pending.append(i);
        while (!pending.isEmpty()) {
            bool progressed = false;
            for (int k = 0; k < pending.size(); ++k) {
                const int i = pending.at(k);
                const QStringList ins = spec.effectiveTransformInputs(i);
                if (std::all_of(ins.begin(), ins.end(),
                                [&](const QString &n) { return done.contains(n); })) {
                    order.append(i);
                    done.insert(p().transforms.at(i).name);
                    pending.removeAt(k);
                    progressed = true;
                    break;
                }
            }
            if (!progressed) { // a cycle; the validator reports it
                order.append(pending);
                break;
            }
        }
    }

    /// The union of the inputs' columns (by name, first-seen order); a column missing from an
    /// input is NULL there.
    Relation unionOf(const QStringList &inputs) const
    {
        if (inputs.size() == 1)
            return rels.value(inputs.first());
        Relation out;
        out.known = true;
        QStringList rowtimes;
        for (const QString &n : inputs) {
            const Relation r = rels.value(n);
            out.known = out.known && r.known;
            out.updating = out.updating || r.updating;
            rowtimes.append(r.rowtime);
            for (const Column &c : r.columns) {
                bool merged = false;
                for (Column &o : out.columns) {
                    if (o.name == c.name) {
                        for (const Origin &orig : c.origins) {
                            if (!o.origins.contains(orig))
                                o.origins.append(orig);
                        }
                        o.notNull = o.notNull && c.notNull;
                        o.raw = o.raw && c.raw;
                        if (o.type != c.type)
                            o.type = o.type.isEmpty() || c.type.isEmpty() ? QString() : o.type;
                        merged = true;
                    }
                }
                if (!merged)
                    out.columns.append(c);
            }
        }
        // Columns some input lacks become nullable.
        for (Column &c : out.columns) {
            for (const QString &n : inputs) {
                if (!rels.value(n).column(c.name))
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

    /// `SELECT … FROM a UNION ALL SELECT … FROM b` for several inputs, else the input's name.
    QString fromClause(const QStringList &inputs, const Relation &merged) const
    {
        if (inputs.size() == 1)
            return rels.value(inputs.first()).sql;
        QStringList selects;
        for (const QString &n : inputs) {
            const Relation r = rels.value(n);
            QStringList cols;
            for (const Column &c : merged.columns) {
                if (r.column(c.name) || !r.known)
                    cols.append(W::identifier(c.name));
                else
                    cols.append(QStringLiteral("CAST(NULL AS %1) AS %2")
                                    .arg(c.type.isEmpty() ? QStringLiteral("STRING") : c.type,
                                         W::identifier(c.name)));
            }
            selects.append(
                QStringLiteral("SELECT %1 FROM %2").arg(cols.join(QStringLiteral(", ")), r.sql));
        }
        return QStringLiteral("(\n  ") + selects.join(QStringLiteral("\n  UNION ALL\n  ")) +
               QStringLiteral("\n)");
    }

    static QString selectList(const Relation &r)
    {
        if (!r.known || r.columns.isEmpty())
            return QStringLiteral("*");
        QStringList cols;
        for (const Column &c : r.columns)
            cols.append(W::identifier(c.name));
        return cols.join(QStringLiteral(", "));
    }

    // ------------------------------------------------------------------ watermarks

    /// Records that the source column behind `column` of `in` needs a watermark.
    void requireWatermark(const Relation &in, const QString &column, qint64 delayMs,
                          bool explicitDelay, const QString &ptr)
    {
        const Column *c = in.column(column);
        if (!in.known || !c) {
            error(QStringLiteral("UIS-E-FLINK-TIME-COLUMN"),
                  QStringLiteral("time column `%1` is not a column of the input%2")
                      .arg(column, in.known ? QStringLiteral(" (") +
                                                  columnNames(in).join(QStringLiteral(", ")) +
                                                  QLatin1Char(')')
                                            : QString()),
                  ptr);
            return;
        }
        if (c->origins.isEmpty()) {
            error(QStringLiteral("UIS-E-FLINK-TIME-COLUMN"),
                  QStringLiteral(
                      "time column `%1` is computed by a transform; Flink declares event time "
                      "on a source table, so use a column that comes from an endpoint's schema")
                      .arg(column),
                  ptr);
            return;
        }
        if (c->type != QLatin1String("TIMESTAMP(3)")) {
            error(QStringLiteral("UIS-E-FLINK-TIME-COLUMN"),
                  QStringLiteral(
                      "time column `%1` must be declared `type: timestamp` in the endpoint "
                      "schema (a Flink watermark needs TIMESTAMP(3))")
                      .arg(column),
                  ptr);
            return;
        }
        for (const Origin &o : c->origins) {
            const QString key = o.endpoint + QLatin1Char('\n') + o.column;
            // One event-time column per source table.
            for (auto it = watermarkDelay.constBegin(); it != watermarkDelay.constEnd(); ++it) {
                if (it.key().section(QLatin1Char('\n'), 0, 0) == o.endpoint && it.key() != key) {
                    error(QStringLiteral("UIS-E-FLINK-TIME-COLUMN"),
                          QStringLiteral(
                              "endpoint `%1` already has its event time on `%2`; Flink allows "
                              "one watermark per source table")
                              .arg(o.endpoint, it.key().section(QLatin1Char('\n'), 1)),
                          ptr);
                    return;
                }
            }
            if (!watermarkDelay.contains(key) || explicitDelay)
                watermarkDelay.insert(
                    key, std::max(explicitDelay ? 0 : watermarkDelay.value(key), delayMs));
        }
    }

    /// First pass: which source columns carry event time, and with what delay.
    void collectWatermarks()
    {
        // Explicit watermark transforms first: their delay wins over a window's `watermark`.
        for (int pass = 0; pass < 2; ++pass) {
            QHash<QString, Relation> saved = rels;
            for (int i : order) {
                const Transform &t = p().transforms.at(i);
                const QStringList ins = spec.effectiveTransformInputs(i);
                const Relation in = unionOf(ins);
                if (pass == 0 && t.type == QLatin1String("watermark")) {
                    const auto ms = CS::durationMs(t.maxOutOfOrderness);
                    requireWatermark(in, t.timeColumn, ms.value_or(0), true,
                                     tPtr(i) + QStringLiteral("/time_column"));
                } else if (pass == 1 && t.type == QLatin1String("window_aggregate")) {
                    const Column *c = in.column(t.timeColumn);
                    bool covered = false;
                    if (c) {
                        for (const Origin &o : c->origins)
                            covered = covered || watermarkDelay.contains(
                                                     o.endpoint + QLatin1Char('\n') + o.column);
                    }
                    if (!covered)
                        requireWatermark(in, t.timeColumn, CS::durationMs(t.watermark).value_or(0),
                                         false, tPtr(i) + QStringLiteral("/time_column"));
                }
                rels.insert(t.name, shapeOf(i, in, /*quiet=*/true));
            }
            rels = saved;
        }
        // Apply: each source gets its rowtime; mapping views keep it under the new name.
        for (auto it = watermarkDelay.constBegin(); it != watermarkDelay.constEnd(); ++it) {
            const QString ep = it.key().section(QLatin1Char('\n'), 0, 0);
            const QString col = it.key().section(QLatin1Char('\n'), 1);
            sources[ep].rowtime = col;
            if (mappings.contains(ep)) {
                const Endpoint *e = CS::endpoint(spec, ep);
                const QString t = mapValue(e->fieldMapping, col);
                mappings[ep].rowtime = t.isEmpty() ? col : t;
                rels[ep] = mappings[ep];
            } else {
                rels[ep] = sources[ep];
            }
        }
    }

    // ------------------------------------------------------------------ transforms

    /// The relation a transform produces (columns, keys, event time), without SQL.
    Relation shapeOf(int i, const Relation &in, bool quiet)
    {
        const Transform &t = p().transforms.at(i);
        Relation out = in;
        out.sql = W::identifier(t.name);
        if (t.type == QLatin1String("field_mapping")) {
            if (quiet) {
                DiagnosticList keep = diags;
                out = mapColumns(in, t.mapping, tPtr(i) + QStringLiteral("/mapping"));
                diags = keep;
            } else {
                out = mapColumns(in, t.mapping, tPtr(i) + QStringLiteral("/mapping"));
            }
            out.sql = W::identifier(t.name);
        } else if (t.type == QLatin1String("schema_validation")) {
            for (const SchemaField &f : t.schema) {
                for (Column &c : out.columns) {
                    if (c.name != f.name)
                        continue;
                    const QString ft = flinkType(f.type);
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
            out = Relation();
            out.sql = W::identifier(t.name);
            out.columns.append(
                Column{QStringLiteral("window_start"), QStringLiteral("TIMESTAMP(3)"), true, {}});
            out.columns.append(
                Column{QStringLiteral("window_end"), QStringLiteral("TIMESTAMP(3)"), true, {}});
            out.key = {QStringLiteral("window_start"), QStringLiteral("window_end")};
            for (const QString &g : t.groupBy) {
                const Column *c = in.column(g);
                out.columns.append(Column{g, c ? c->type : QString(), c && c->notNull, {}});
                out.key.append(g);
            }
            for (const auto &kv : t.aggregates) {
                const auto [type, notNull] = expressionType(kv.second, in);
                out.columns.append(Column{kv.first, type, notNull, {}});
            }
            out.known = true;
            out.updating = false;
        } else if (t.type == QLatin1String("sql")) {
            out = sqlShape(t, in, spec.effectiveTransformInputs(i));
            out.sql = W::identifier(t.name);
        }
        return out;
    }

    /// The type of an aggregate or simple expression over `in`; empty when it cannot be told.
    static std::pair<QString, bool> expressionType(const QString &expr, const Relation &in)
    {
        static const QRegularExpression call(
            QStringLiteral("^\\s*([A-Za-z_]+)\\s*\\(\\s*(?:DISTINCT\\s+)?(\\*|`[^`]+`|[A-Za-z_][A-"
                           "Za-z0-9_]*)\\s*\\)\\s*$"),
            QRegularExpression::CaseInsensitiveOption);
        static const QRegularExpression cast(
            QStringLiteral("^\\s*(?:TRY_)?CAST\\s*\\((.*)\\s+AS\\s+([A-Za-z]+(?:\\s*\\(\\s*[0-9]+(?"
                           ":\\s*,\\s*[0-9]+)?\\s*\\))?)\\s*\\)\\s*$"),
            QRegularExpression::CaseInsensitiveOption |
                QRegularExpression::DotMatchesEverythingOption);
        if (const auto m = cast.match(expr); m.hasMatch()) {
            QString t = m.captured(2).toUpper().simplified();
            if (t == QLatin1String("TIMESTAMP"))
                t = QStringLiteral("TIMESTAMP(3)");
            return {t, false};
        }
        if (isPlainIdentifier(expr)) {
            if (const Column *c = in.column(unquoteIdentifier(expr)))
                return {c->type, c->notNull};
            return {QString(), false};
        }
        const auto m = call.match(expr);
        if (!m.hasMatch())
            return {QString(), false};
        const QString fn = m.captured(1).toLower();
        const QString arg = unquoteIdentifier(m.captured(2));
        if (fn == QLatin1String("count"))
            return {QStringLiteral("BIGINT"), true};
        const Column *c = arg == QLatin1String("*") ? nullptr : in.column(arg);
        if (!c || c->type.isEmpty())
            return {QString(), false};
        const QString t = c->type;
        static const QRegularExpression dec(QStringLiteral("^DECIMAL\\((\\d+), (\\d+)\\)$"));
        if (fn == QLatin1String("min") || fn == QLatin1String("max") ||
            fn == QLatin1String("first_value") || fn == QLatin1String("last_value"))
            return {t, false};
        if (fn == QLatin1String("sum") || fn == QLatin1String("avg")) {
            if (t == QLatin1String("INT") || t == QLatin1String("BIGINT") ||
                t == QLatin1String("DOUBLE"))
                return {t, false};
            if (const auto d = dec.match(t); d.hasMatch())
                return {
                    fn == QLatin1String("sum")
                        ? QStringLiteral("DECIMAL(38, %1)").arg(d.captured(2))
                        : QStringLiteral("DECIMAL(38, %1)").arg(std::max(6, d.captured(2).toInt())),
                    false};
            return {QString(), false};
        }
        if (fn.startsWith(QLatin1String("stddev")) || fn.startsWith(QLatin1String("var")))
            return {t == QLatin1String("DOUBLE") ? t : QString(), false};
        return {QString(), false};
    }

    /// Best-effort columns of a `sql` transform from its SELECT list.
    Relation sqlShape(const Transform &t, const Relation &merged, const QStringList &inputs) const
    {
        Relation out;
        out.known = false;
        const QString skel = sqlSkeleton(t.query);
        static const QRegularExpression select(QStringLiteral("^\\s*SELECT\\s+(DISTINCT\\s+)?"));
        const auto sm = select.match(skel);
        // The FROM that ends the select list is the first one at parenthesis depth 0.
        qsizetype from = -1;
        int depth = 0;
        for (qsizetype k = 0; k < skel.size(); ++k) {
            const QChar c = skel.at(k);
            if (c == QLatin1Char('('))
                ++depth;
            else if (c == QLatin1Char(')'))
                --depth;
            else if (depth == 0 && skel.mid(k, 4) == QLatin1String("FROM") &&
                     (k == 0 || !skel.at(k - 1).isLetterOrNumber()) &&
                     (k + 4 >= skel.size() || !skel.at(k + 4).isLetterOrNumber())) {
                from = k;
                break;
            }
        }
        const bool windowed = skel.contains(
            QRegularExpression(QStringLiteral("TABLE\\s*\\(\\s*(TUMBLE|HOP|CUMULATE|SESSION)")));
        const bool grouped = skel.contains(QRegularExpression(QStringLiteral("\\bGROUP\\s+BY\\b")));
        out.updating = merged.updating || (sm.hasMatch() && !sm.captured(1).isEmpty()) ||
                       (grouped && !windowed) ||
                       skel.contains(QRegularExpression(
                           QStringLiteral("\\b(LEFT|RIGHT|FULL)\\s+(OUTER\\s+)?JOIN\\b")));
        if (grouped && !windowed) {
            static const QRegularExpression groupBy(
                QStringLiteral("\\bGROUP\\s+BY\\s+(.*?)(\\bHAVING\\b|\\bORDER\\b|\\bLIMIT\\b|$)"),
                QRegularExpression::DotMatchesEverythingOption);
            const auto g = groupBy.match(skel);
            if (g.hasMatch()) {
                const qsizetype at = g.capturedStart(1);
                const QString original = t.query.mid(at, g.capturedLength(1));
                QStringList key;
                for (const QString &item : splitTopLevel(original)) {
                    QString name = item.trimmed();
                    if (name.contains(QLatin1Char('.')) && !name.startsWith(QLatin1Char('`')))
                        name = name.section(QLatin1Char('.'), -1);
                    if (!isPlainIdentifier(name)) {
                        key.clear();
                        break;
                    }
                    key.append(unquoteIdentifier(name));
                }
                out.key = key;
            }
        }
        if (!sm.hasMatch() || from < 0)
            return out;
        const QString list = t.query.mid(sm.capturedEnd(0), from - sm.capturedEnd(0));
        static const QRegularExpression alias(
            QStringLiteral("^(.*?)\\s+(?:AS\\s+)?(`[^`]+`|[A-Za-z_][A-Za-z0-9_]*)$"),
            QRegularExpression::CaseInsensitiveOption |
                QRegularExpression::DotMatchesEverythingOption);
        out.known = true;
        QString passedRowtime;
        for (const QString &item : splitTopLevel(list)) {
            if (item == QLatin1String("*")) {
                if (!merged.known || inputs.size() != 1) {
                    out.known = false;
                    break;
                }
                for (const Column &c : merged.columns) {
                    out.columns.append(c);
                    if (c.name == merged.rowtime)
                        passedRowtime = c.name;
                }
                continue;
            }
            QString expr = item, name;
            const auto am = alias.match(item);
            if (am.hasMatch() &&
                !sqlSkeleton(am.captured(1)).trimmed().endsWith(QLatin1Char('.')) &&
                !isPlainIdentifier(item)) {
                expr = am.captured(1).trimmed();
                name = unquoteIdentifier(am.captured(2));
            } else {
                QString ref = item;
                if (ref.contains(QLatin1Char('.')) && !ref.startsWith(QLatin1Char('`')))
                    ref = ref.section(QLatin1Char('.'), -1);
                if (!isPlainIdentifier(ref)) {
                    out.known = false;
                    break;
                }
                name = unquoteIdentifier(ref);
                expr = ref;
            }
            QString e = expr;
            if (e.contains(QLatin1Char('.')) && !e.startsWith(QLatin1Char('`')) &&
                isPlainIdentifier(e.section(QLatin1Char('.'), -1)) && !e.contains(QLatin1Char('(')))
                e = e.section(QLatin1Char('.'), -1);
            if (isPlainIdentifier(e) && merged.column(unquoteIdentifier(e))) {
                // A column passed through keeps its origin (and so can carry event time).
                Column c = *merged.column(unquoteIdentifier(e));
                if (c.name == merged.rowtime)
                    passedRowtime = name;
                c.name = name;
                out.columns.append(c);
                continue;
            }
            const auto [type, notNull] = expressionType(e, merged);
            out.columns.append(Column{name, type, notNull, {}});
        }
        if (!out.known)
            out.columns.clear();
        // A plain projection or filter of one input keeps its event-time attribute; grouping,
        // DISTINCT and joins turn it into a regular timestamp.
        const bool joined = skel.contains(QRegularExpression(QStringLiteral("\\bJOIN\\b")));
        if (out.known && !grouped && !joined && !(sm.hasMatch() && !sm.captured(1).isEmpty()) &&
            inputs.size() == 1)
            out.rowtime = passedRowtime;
        return out;
    }

    /// Second pass: shapes with event time known, checks, and the view SQL of each transform.
    QStringList buildTransforms()
    {
        QStringList views;
        for (int i : order) {
            const Transform &t = p().transforms.at(i);
            const QStringList ins = spec.effectiveTransformInputs(i);
            const Relation in = unionOf(ins);
            const QString from = fromClause(ins, in);
            Relation out = shapeOf(i, in, false);
            const QString name = W::identifier(t.name);
            QString body;
            if (t.type == QLatin1String("field_mapping")) {
                QStringList cols;
                if (in.known) {
                    for (const Column &c : in.columns) {
                        const QString target = mapValue(t.mapping, c.name);
                        if (!target.isEmpty())
                            cols.append(W::identifier(c.name) + QStringLiteral(" AS ") +
                                        W::identifier(target));
                        else if (!std::any_of(t.mapping.begin(), t.mapping.end(),
                                              [&](const auto &kv) { return kv.second == c.name; }))
                            cols.append(W::identifier(c.name));
                    }
                } else {
                    warning(QStringLiteral("UIS-W-FLINK-COLUMNS"),
                            QStringLiteral(
                                "the columns of `%1`'s input are unknown: the view keeps only the "
                                "mapped columns")
                                .arg(t.name),
                            tPtr(i));
                    for (const auto &kv : t.mapping)
                        cols.append(W::identifier(kv.first) + QStringLiteral(" AS ") +
                                    W::identifier(kv.second));
                }
                body =
                    QStringLiteral("SELECT %1\nFROM %2").arg(cols.join(QStringLiteral(", ")), from);
            } else if (t.type == QLatin1String("filter")) {
                body = QStringLiteral("SELECT %1\nFROM %2\nWHERE %3")
                           .arg(selectList(in), from, t.condition);
            } else if (t.type == QLatin1String("sql")) {
                // The query names its inputs as tables; endpoints get views of their own name.
                body = t.query.trimmed();
                while (body.endsWith(QLatin1Char(';')))
                    body = body.left(body.size() - 1).trimmed();
                if (!out.known)
                    warning(QStringLiteral("UIS-W-FLINK-COLUMNS"),
                            QStringLiteral(
                                "cannot tell the columns of sql transform `%1` from its SELECT "
                                "list; list them explicitly (`SELECT a, b AS c …`)")
                                .arg(t.name),
                            tPtr(i) + QStringLiteral("/query"));
                if (out.updating)
                    hasStatefulNonWindow = true;
            } else if (t.type == QLatin1String("schema_validation")) {
                QStringList cols, conds;
                for (const Column &c : in.columns) {
                    QString expr = W::identifier(c.name);
                    for (const SchemaField &f : t.schema) {
                        if (f.name == c.name && flinkType(f.type) != c.type && c.name != in.rowtime)
                            expr = QStringLiteral("TRY_CAST(%1 AS %2) AS %1")
                                       .arg(W::identifier(c.name), flinkType(f.type));
                    }
                    cols.append(expr);
                }
                for (int k = 0; k < t.schema.size(); ++k) {
                    const SchemaField &f = t.schema.at(k);
                    const Column *c = in.column(f.name);
                    if (in.known && !c) {
                        error(QStringLiteral("UIS-E-FLINK-COLUMN"),
                              QStringLiteral(
                                  "schema_validation column `%1` is not a column of the input (%2)")
                                  .arg(f.name, columnNames(in).join(QStringLiteral(", "))),
                              tPtr(i) + QStringLiteral("/schema/%1/name").arg(k));
                        continue;
                    }
                    const QString id = W::identifier(f.name);
                    const QString ft = flinkType(f.type);
                    if (!f.nullable && !(c && c->notNull))
                        conds.append(id + QStringLiteral(" IS NOT NULL"));
                    if (!c || (c->type != ft && f.name != in.rowtime))
                        conds.append(
                            QStringLiteral("(%1 IS NULL OR TRY_CAST(%1 AS %2) IS NOT NULL)")
                                .arg(id, ft));
                }
                if (!in.known)
                    cols = QStringList{QStringLiteral("*")};
                body =
                    QStringLiteral("SELECT %1\nFROM %2").arg(cols.join(QStringLiteral(", ")), from);
                if (!conds.isEmpty())
                    body += QStringLiteral("\nWHERE ") + conds.join(QStringLiteral("\n  AND "));
                if (t.onInvalid == QLatin1String("fail") ||
                    t.onInvalid == QLatin1String("dead_letter"))
                    info(QStringLiteral("UIS-I-FLINK-INVALID-ROWS"),
                         QStringLiteral(
                             "Flink SQL drops invalid rows; on_invalid `%1` applies on Spark only")
                             .arg(t.onInvalid),
                         tPtr(i) + QStringLiteral("/on_invalid"));
            } else if (t.type == QLatin1String("dedupe")) {
                for (int k = 0; k < t.keys.size(); ++k) {
                    if (in.known && !in.column(t.keys.at(k)))
                        error(QStringLiteral("UIS-E-FLINK-COLUMN"),
                              QStringLiteral("dedupe key `%1` is not a column of the input (%2)")
                                  .arg(t.keys.at(k), columnNames(in).join(QStringLiteral(", "))),
                              tPtr(i) + QStringLiteral("/keys/%1").arg(k));
                }
                if (in.updating)
                    error(
                        QStringLiteral("UIS-E-FLINK-CHANGELOG"),
                        QStringLiteral(
                            "dedupe `%1` reads an updating stream; Flink deduplicates insert-only "
                            "input")
                            .arg(t.name),
                        tPtr(i));
                QStringList keys;
                for (const QString &k : t.keys)
                    keys.append(W::identifier(k));
                // Keeping the first row by processing time is insert-only and keeps the event-time
                // attribute for later windows; ordering by event time would emit updates.
                body = QStringLiteral("SELECT %1\nFROM (\n  SELECT *, ROW_NUMBER() OVER (PARTITION "
                                      "BY %2 ORDER BY `uis_proctime` ASC) AS `uis_row_num`\n"
                                      "  FROM (SELECT *, PROCTIME() AS `uis_proctime` FROM "
                                      "%3)\n)\nWHERE `uis_row_num` = 1")
                           .arg(selectList(in), keys.join(QStringLiteral(", ")), from);
                if (const auto ms = CS::durationMs(t.within))
                    stateTtlMs = std::max(stateTtlMs, *ms);
            } else if (t.type == QLatin1String("watermark")) {
                body = QStringLiteral("SELECT %1\nFROM %2").arg(selectList(in), from);
            } else if (t.type == QLatin1String("window_aggregate")) {
                if (in.rowtime != t.timeColumn) {
                    if (!in.rowtime.isEmpty())
                        error(QStringLiteral("UIS-E-FLINK-TIME-COLUMN"),
                              QStringLiteral(
                                  "window `%1` is on `%2`, but the input's event time is `%3`")
                                  .arg(t.name, t.timeColumn, in.rowtime),
                              tPtr(i) + QStringLiteral("/time_column"));
                    else if (!hasErrors(diags))
                        error(QStringLiteral("UIS-E-FLINK-TIME-COLUMN"),
                              QStringLiteral(
                                  "window `%1`: `%2` is not an event-time column of its input "
                                  "(a window over a window or a sql transform is not supported)")
                                  .arg(t.name, t.timeColumn),
                              tPtr(i) + QStringLiteral("/time_column"));
                }
                const auto size = CS::durationMs(t.window);
                const auto slide = CS::durationMs(t.slide);
                QString tvf;
                if (slide && size && *slide != *size)
                    tvf = QStringLiteral("HOP(TABLE %1, DESCRIPTOR(%2), %3, %4)")
                              .arg(ins.size() == 1 ? rels.value(ins.first()).sql : from,
                                   W::identifier(t.timeColumn), W::interval(*slide),
                                   W::interval(*size));
                else
                    tvf = QStringLiteral("TUMBLE(TABLE %1, DESCRIPTOR(%2), %3)")
                              .arg(ins.size() == 1 ? rels.value(ins.first()).sql : from,
                                   W::identifier(t.timeColumn), W::interval(size.value_or(60000)));
                if (ins.size() != 1)
                    error(QStringLiteral("UIS-E-FLINK-WINDOW"),
                          QStringLiteral(
                              "window `%1` reads several inputs; put a transform that merges them "
                              "first (Flink windows one table)")
                              .arg(t.name),
                          tPtr(i) + QStringLiteral("/inputs"));
                QStringList groups{QStringLiteral("`window_start`"),
                                   QStringLiteral("`window_end`")};
                QStringList cols = groups;
                for (int k = 0; k < t.groupBy.size(); ++k) {
                    const QString &g = t.groupBy.at(k);
                    if (in.known && !in.column(g))
                        error(
                            QStringLiteral("UIS-E-FLINK-COLUMN"),
                            QStringLiteral("group_by column `%1` is not a column of the input (%2)")
                                .arg(g, columnNames(in).join(QStringLiteral(", "))),
                            tPtr(i) + QStringLiteral("/group_by/%1").arg(k));
                    groups.append(W::identifier(g));
                    cols.append(W::identifier(g));
                }
                for (const auto &kv : t.aggregates)
                    cols.append(kv.second.trimmed() + QStringLiteral(" AS ") +
                                W::identifier(kv.first));
                body = QStringLiteral("SELECT %1\nFROM TABLE(\n  %2\n)\nGROUP BY %3")
                           .arg(cols.join(QStringLiteral(", ")), tvf,
                                groups.join(QStringLiteral(", ")));
            }
            views.append(QStringLiteral("CREATE TEMPORARY VIEW %1 AS\n%2").arg(name, body));
            rels.insert(t.name, out);
        }
        return views;
    }

    // ------------------------------------------------------------------ sources

    QString columnDdl(const Relation &r, const QStringList &primaryKey, bool keepNotNull,
                      const QString &watermark = {}) const
    {
        QStringList lines;
        for (const Column &c : r.columns) {
            const bool notNull = primaryKey.contains(c.name) || (keepNotNull && c.notNull);
            lines.append(QStringLiteral("  %1 %2%3")
                             .arg(W::identifier(c.name),
                                  c.type.isEmpty() ? QStringLiteral("STRING") : c.type,
                                  notNull ? QStringLiteral(" NOT NULL") : QString()));
        }
        if (!watermark.isEmpty())
            lines.append(QStringLiteral("  ") + watermark);
        if (!primaryKey.isEmpty()) {
            QStringList k;
            for (const QString &n : primaryKey)
                k.append(W::identifier(n));
            lines.append(QStringLiteral("  PRIMARY KEY (%1) NOT ENFORCED")
                             .arg(k.join(QStringLiteral(", "))));
        }
        return QStringLiteral("(\n") + lines.join(QStringLiteral(",\n")) + QStringLiteral("\n)");
    }

    QString format(const Endpoint &e) const
    {
        if (!e.hasSchema || e.schema.isEmpty())
            return QStringLiteral("raw");
        if (e.format.isEmpty() || e.format == QLatin1String("json"))
            return QStringLiteral("json");
        return e.format; // avro, csv, raw
    }

    void sourceDdl(FlinkSqlWriter &w)
    {
        for (int i = 0; i < p().endpoints.size(); ++i) {
            const Endpoint &e = p().endpoints.at(i);
            const Relation &r = sources[e.name];
            Options opts;
            const QString group =
                e.groupId.isEmpty() ? QStringLiteral("uis-") + spec.name : e.groupId;
            if (p().providerType == QLatin1String("kafka")) {
                opts << qMakePair(QStringLiteral("connector"), QStringLiteral("kafka"))
                     << qMakePair(QStringLiteral("topic"), e.topic)
                     << qMakePair(QStringLiteral("properties.bootstrap.servers"), bootstrap())
                     << qMakePair(QStringLiteral("properties.group.id"), group);
                if (e.startingOffsets == QLatin1String("earliest"))
                    opts << qMakePair(QStringLiteral("scan.startup.mode"),
                                      QStringLiteral("earliest-offset"));
                else if (e.startingOffsets == QLatin1String("latest"))
                    opts << qMakePair(QStringLiteral("scan.startup.mode"),
                                      QStringLiteral("latest-offset"));
                else
                    opts << qMakePair(QStringLiteral("scan.startup.mode"),
                                      QStringLiteral("group-offsets"))
                         << qMakePair(QStringLiteral("properties.auto.offset.reset"),
                                      QStringLiteral("latest"));
                opts << qMakePair(QStringLiteral("format"), format(e));
                for (const auto &kv : e.options)
                    opts << kv;
                w.comment(
                    QStringLiteral("source: Kafka topic %1 (endpoint %2)").arg(e.topic, e.name));
            } else if (bridged()) {
                const QString topic = FlinkCompiler::bridgeTopic(spec, e.name);
                opts << qMakePair(QStringLiteral("connector"), QStringLiteral("kafka"))
                     << qMakePair(QStringLiteral("topic"), topic)
                     << qMakePair(QStringLiteral("properties.bootstrap.servers"), bootstrap())
                     << qMakePair(QStringLiteral("properties.group.id"), group)
                     << qMakePair(QStringLiteral("scan.startup.mode"),
                                  QStringLiteral("group-offsets"))
                     << qMakePair(QStringLiteral("properties.auto.offset.reset"),
                                  QStringLiteral("earliest"))
                     << qMakePair(QStringLiteral("format"), format(e));
                const bool ws = p().providerType == QLatin1String("websocket");
                w.comment(
                    QStringLiteral("source: %1 endpoint %2 through the Kafka bridge topic %3.")
                        .arg(ws ? QStringLiteral("WebSocket") : QStringLiteral("webhook"), e.name,
                             topic));
                w.comment(QStringLiteral(
                              "Flink has no %1 connector: the UIS bridge writes each message to "
                              "the topic and Flink reads it from there.")
                              .arg(ws ? QStringLiteral("WebSocket") : QStringLiteral("webhook")));
                if (bootstrap().isEmpty())
                    error(QStringLiteral("UIS-E-FLINK-BRIDGE"),
                          QStringLiteral("the Kafka bridge for endpoint `%1` needs "
                                         "`config.kafka_bootstrap_servers`")
                              .arg(e.name),
                          QStringLiteral("/provider/config"));
                info(QStringLiteral("UIS-I-KAFKA-BRIDGE"),
                     QStringLiteral(
                         "Flink has no %1 connector: endpoint `%2` reaches Flink through the "
                         "Kafka bridge topic `%3`")
                         .arg(ws ? QStringLiteral("WebSocket") : QStringLiteral("webhook"), e.name,
                              topic),
                     ePtr(i));
            } else if (p().providerType == QLatin1String("database")) {
                const bool pg = e.connector != QLatin1String("mysql-cdc");
                opts << qMakePair(QStringLiteral("connector"),
                                  pg ? QStringLiteral("postgres-cdc") : QStringLiteral("mysql-cdc"))
                     << qMakePair(QStringLiteral("hostname"), e.hostname)
                     << qMakePair(QStringLiteral("port"),
                                  QString::number(e.port.value_or(pg ? 5432 : 3306)))
                     << qMakePair(QStringLiteral("username"), e.username)
                     << qMakePair(QStringLiteral("password"), e.password)
                     << qMakePair(QStringLiteral("database-name"), e.databaseName);
                if (pg)
                    opts << qMakePair(QStringLiteral("schema-name"), e.schemaName.isEmpty()
                                                                         ? QStringLiteral("public")
                                                                         : e.schemaName);
                opts << qMakePair(QStringLiteral("table-name"),
                                  e.tables.size() == 1
                                      ? e.tables.first()
                                      : QStringLiteral("(") + e.tables.join(QLatin1Char('|')) +
                                            QLatin1Char(')'));
                if (e.tables.size() > 1)
                    info(QStringLiteral("UIS-I-FLINK-CDC-TABLES"),
                         QStringLiteral(
                             "endpoint `%1` reads %2 tables into one Flink table: they must share "
                             "the schema")
                             .arg(e.name)
                             .arg(e.tables.size()),
                         ePtr(i) + QStringLiteral("/tables"));
                if (pg)
                    opts << qMakePair(QStringLiteral("slot.name"), e.slotName)
                         << qMakePair(QStringLiteral("decoding.plugin.name"),
                                      QStringLiteral("pgoutput"));
                opts << qMakePair(QStringLiteral("scan.startup.mode"),
                                  e.startupMode.isEmpty() ? QStringLiteral("initial")
                                                          : e.startupMode);
                // The incremental snapshot reads in parallel, checkpoints during the snapshot and
                // is the only one that supports every startup mode (it splits by the table's
                // primary key in the database).
                opts << qMakePair(QStringLiteral("scan.incremental.snapshot.enabled"),
                                  QStringLiteral("true"));
                if (r.key.isEmpty())
                    warning(QStringLiteral("UIS-W-FLINK-CDC-KEY"),
                            QStringLiteral(
                                "endpoint `%1` has no key column: mark the primary key columns "
                                "`nullable: false` in its schema so updates and deletes find their "
                                "rows")
                                .arg(e.name),
                            ePtr(i) + QStringLiteral("/schema"));
                w.comment(QStringLiteral(
                              "source: change data capture of %1.%2 (endpoint %3); the columns "
                              "declared `nullable: false` form the primary key")
                              .arg(e.databaseName, e.tables.join(QStringLiteral(", ")), e.name));
            }
            QString wm;
            if (!r.rowtime.isEmpty()) {
                const qint64 delay = watermarkDelay.value(e.name + QLatin1Char('\n') + r.rowtime);
                const QString col = W::identifier(r.rowtime);
                wm =
                    delay > 0
                        ? QStringLiteral("WATERMARK FOR %1 AS %1 - %2").arg(col, W::interval(delay))
                        : QStringLiteral("WATERMARK FOR %1 AS %1").arg(col);
            }
            w.statement(
                QStringLiteral("CREATE TABLE %1 %2 %3")
                    .arg(r.sql,
                         columnDdl(r,
                                   p().providerType == QLatin1String("database") ? r.key
                                                                                 : QStringList(),
                                   true, wm),
                         W::withClause(opts)));
            w.blank();
        }
    }

    // ------------------------------------------------------------------ sinks

    QStringList sinkKey(const Sink &s, const Relation &in, int i, const QString &why)
    {
        QStringList key = CS::listSetting(CS::sinkConfigNode(s, QStringLiteral("primary_key")));
        if (key.isEmpty())
            key = in.key;
        if (key.isEmpty() && !s.kafkaKeyField.isEmpty())
            key = {s.kafkaKeyField};
        if (key.isEmpty())
            error(QStringLiteral("UIS-E-FLINK-KEY"),
                  QStringLiteral(
                      "sink `%1` receives an updating stream and %2 needs its key: set "
                      "`config.primary_key` (or mark the source's key columns `nullable: false`)")
                      .arg(spec.sinkName(i), why),
                  sPtr(i));
        for (const QString &k : key) {
            if (in.known && !in.column(k))
                error(
                    QStringLiteral("UIS-E-FLINK-COLUMN"),
                    QStringLiteral("key column `%1` of sink `%2` is not a column of its input (%3)")
                        .arg(k, spec.sinkName(i), columnNames(in).join(QStringLiteral(", "))),
                    sPtr(i));
        }
        return key;
    }

    /// The INSERT's SELECT list: unknown types are written as STRING.
    QString insertSelect(const Relation &in, const QStringList &inputs, const QString &sinkName,
                         int i)
    {
        QStringList cols;
        for (const Column &c : in.columns) {
            if (c.type.isEmpty()) {
                cols.append(QStringLiteral("CAST(%1 AS STRING) AS %1").arg(W::identifier(c.name)));
                warning(QStringLiteral("UIS-W-FLINK-TYPE"),
                        QStringLiteral(
                            "the type of `%1` is unknown, so sink `%2` stores it as STRING; give "
                            "the expression a CAST to choose the type")
                            .arg(c.name, sinkName),
                        sPtr(i));
            } else {
                cols.append(W::identifier(c.name));
            }
        }
        if (!in.known)
            cols = QStringList{QStringLiteral("*")};
        return QStringLiteral("SELECT %1\nFROM %2")
            .arg(cols.join(QStringLiteral(", ")), fromClause(inputs, in));
    }

    QString s3a(const QString &url, const QString &ptr)
    {
        bool rewritten = false;
        const QString out = CS::toS3a(url, &rewritten);
        if (rewritten)
            info(QStringLiteral("UIS-I-S3A"),
                 QStringLiteral(
                     "`%1` is written as `%2`: open-source Flink, Spark and Hadoop reach S3 "
                     "through S3A (`s3://` works on EMR only)")
                     .arg(url, out),
                 ptr);
        return out;
    }

    QStringList sinkDdl(FlinkSqlWriter &w)
    {
        QStringList inserts;
        QSet<QString> catalogs;
        for (int i = 0; i < p().sinks.size(); ++i) {
            const Sink &s = p().sinks.at(i);
            const QString name = spec.sinkName(i);
            const QStringList inputs = spec.effectiveSinkInputs(i);
            const Relation in = unionOf(inputs);
            if (!in.known) {
                error(QStringLiteral("UIS-E-FLINK-COLUMNS"),
                      QStringLiteral(
                          "sink `%1`: the columns of its input are unknown, so its table cannot be "
                          "declared; list the columns in the sql transform's SELECT")
                          .arg(name),
                      sPtr(i));
                continue;
            }
            Options opts;
            QStringList pk;
            QString target = W::identifier(name);
            QString partitioned;
            const QString servers = CS::sinkConfig(s, QStringLiteral("bootstrap_servers")).isEmpty()
                                        ? bootstrap()
                                        : CS::sinkConfig(s, QStringLiteral("bootstrap_servers"));
            if (s.type == QLatin1String("kafka")) {
                if (s.kafkaKeyField.contains(QLatin1Char(';')))
                    error(QStringLiteral("UIS-E-FLINK-COLUMN"),
                          QStringLiteral(
                              "kafka_key_field `%1` contains `;`, which Flink's `key.fields` list "
                              "cannot hold; rename the column")
                              .arg(s.kafkaKeyField),
                          sPtr(i) + QStringLiteral("/kafka_key_field"));
                else if (!s.kafkaKeyField.isEmpty() && !in.column(s.kafkaKeyField))
                    error(
                        QStringLiteral("UIS-E-FLINK-COLUMN"),
                        QStringLiteral(
                            "kafka_key_field `%1` is not a column of sink `%2`'s input (%3)")
                            .arg(s.kafkaKeyField, name, columnNames(in).join(QStringLiteral(", "))),
                        sPtr(i) + QStringLiteral("/kafka_key_field"));
                const bool exactlyOnce =
                    CS::sinkConfig(s, QStringLiteral("transactional")) == QLatin1String("true");
                if (in.updating) {
                    pk = sinkKey(s, in, i, QStringLiteral("upsert-kafka"));
                    opts << qMakePair(QStringLiteral("connector"), QStringLiteral("upsert-kafka"))
                         << qMakePair(QStringLiteral("topic"), s.kafkaTopic)
                         << qMakePair(QStringLiteral("properties.bootstrap.servers"), servers)
                         << qMakePair(QStringLiteral("key.format"), QStringLiteral("json"))
                         << qMakePair(QStringLiteral("value.format"), QStringLiteral("json"));
                    w.comment(
                        QStringLiteral(
                            "sink %1: Kafka topic %2 as an upsert stream (its input has updates), "
                            "keyed by %3")
                            .arg(name, s.kafkaTopic, pk.join(QStringLiteral(", "))));
                } else {
                    opts << qMakePair(QStringLiteral("connector"), QStringLiteral("kafka"))
                         << qMakePair(QStringLiteral("topic"), s.kafkaTopic)
                         << qMakePair(QStringLiteral("properties.bootstrap.servers"), servers);
                    if (!s.kafkaKeyField.isEmpty()) {
                        const Column *kc = in.column(s.kafkaKeyField);
                        opts << qMakePair(QStringLiteral("key.format"),
                                          kc && kc->type == QLatin1String("STRING")
                                              ? QStringLiteral("raw")
                                              : QStringLiteral("json"))
                             << qMakePair(QStringLiteral("key.fields"), s.kafkaKeyField)
                             << qMakePair(QStringLiteral("value.format"), QStringLiteral("json"));
                    } else if (in.columns.size() == 1 && in.columns.first().raw) {
                        // Records read whole (no schema) are written back unchanged.
                        opts << qMakePair(QStringLiteral("format"), QStringLiteral("raw"));
                    } else {
                        opts << qMakePair(QStringLiteral("format"), QStringLiteral("json"));
                    }
                    w.comment(QStringLiteral("sink %1: Kafka topic %2").arg(name, s.kafkaTopic));
                }
                if (exactlyOnce)
                    // Kafka brokers cap transactions at 15 minutes by default; the producer's 1 h
                    // default would be refused.
                    opts << qMakePair(QStringLiteral("sink.delivery-guarantee"),
                                      QStringLiteral("exactly-once"))
                         << qMakePair(QStringLiteral("sink.transactional-id-prefix"),
                                      QStringLiteral("uis-%1-%2").arg(spec.name, name))
                         << qMakePair(QStringLiteral("properties.transaction.timeout.ms"),
                                      QStringLiteral("900000"));
                else
                    opts << qMakePair(QStringLiteral("sink.delivery-guarantee"),
                                      QStringLiteral("at-least-once"));
                if (servers.isEmpty())
                    error(QStringLiteral("UIS-E-REQUIRED"),
                          QStringLiteral(
                              "kafka sink `%1` needs `config.bootstrap_servers` or the provider's "
                              "`config.kafka_bootstrap_servers`")
                              .arg(name),
                          sPtr(i) + QStringLiteral("/config"));
            } else if (s.type == QLatin1String("iceberg")) {
                const QString catalog = CS::sinkConfig(s, QStringLiteral("catalog")).isEmpty()
                                            ? QStringLiteral("uis")
                                            : CS::sinkConfig(s, QStringLiteral("catalog"));
                QString ns = s.tableName.section(QLatin1Char('.'), 0, -2);
                const QString table = s.tableName.section(QLatin1Char('.'), -1);
                if (ns.isEmpty())
                    ns = CS::sinkConfig(s, QStringLiteral("namespace"));
                if (ns.isEmpty())
                    ns = QStringLiteral("default");
                if (!catalogs.contains(catalog)) {
                    catalogs.insert(catalog);
                    Options cat;
                    const QString type = CS::sinkConfig(s, QStringLiteral("catalog_type"));
                    cat << qMakePair(QStringLiteral("type"), QStringLiteral("iceberg"))
                        << qMakePair(QStringLiteral("catalog-type"),
                                     type.isEmpty() ? QStringLiteral("hive") : type);
                    if (const QString uri = CS::sinkConfig(s, QStringLiteral("uri"));
                        !uri.isEmpty())
                        cat << qMakePair(QStringLiteral("uri"), uri);
                    if (const QString wh = CS::sinkConfig(s, QStringLiteral("warehouse"));
                        !wh.isEmpty())
                        cat << qMakePair(QStringLiteral("warehouse"),
                                         s3a(wh, sPtr(i) + QStringLiteral("/config/warehouse")));
                    w.comment(QStringLiteral("Iceberg catalog %1").arg(catalog));
                    w.statement(QStringLiteral("CREATE CATALOG %1 %2")
                                    .arg(W::identifier(catalog), W::withClause(cat)));
                    w.blank();
                }
                w.statement(
                    QStringLiteral("CREATE DATABASE IF NOT EXISTS %1").arg(W::path({catalog, ns})));
                w.blank();
                target = W::path({catalog, ns, table});
                QStringList parts;
                for (int k = 0; k < s.partitionBy.size(); ++k) {
                    const QString &col = s.partitionBy.at(k);
                    if (!in.column(col)) {
                        warning(QStringLiteral("UIS-W-FLINK-PARTITION"),
                                QStringLiteral(
                                    "partition `%1` of sink `%2` is not a column: Flink creates "
                                    "Iceberg "
                                    "tables with identity partitions only, so it is left out")
                                    .arg(col, name),
                                sPtr(i) + QStringLiteral("/partition_by/%1").arg(k));
                        continue;
                    }
                    parts.append(W::identifier(col));
                }
                if (!parts.isEmpty())
                    partitioned = QStringLiteral(" PARTITIONED BY (%1)")
                                      .arg(parts.join(QStringLiteral(", ")));
                if (in.updating) {
                    pk = sinkKey(s, in, i, QStringLiteral("an Iceberg upsert table"));
                    opts << qMakePair(QStringLiteral("format-version"), QStringLiteral("2"))
                         << qMakePair(QStringLiteral("write.upsert.enabled"),
                                      QStringLiteral("true"));
                    // Iceberg upserts need the partition columns in the key.
                    for (const QString &col : s.partitionBy) {
                        if (in.column(col) && !pk.contains(col))
                            pk.append(col);
                    }
                } else {
                    opts << qMakePair(QStringLiteral("format-version"), QStringLiteral("2"));
                }
                w.comment(QStringLiteral("sink %1: Iceberg table %2.%3.%4%5")
                              .arg(name, catalog, ns, table,
                                   in.updating ? QStringLiteral(" (upserts by primary key)")
                                               : QString()));
                w.statement(
                    QStringLiteral("CREATE TABLE IF NOT EXISTS %1 %2%3 %4")
                        .arg(target, columnDdl(in, pk, false), partitioned, W::withClause(opts)));
                w.blank();
                inserts.append(QStringLiteral("INSERT INTO %1\n%2")
                                   .arg(target, insertSelect(in, inputs, name, i)));
                continue;
            } else if (s.type == QLatin1String("clickhouse")) {
                static const QRegularExpression url(QStringLiteral(
                    "^jdbc:(?:clickhouse|ch):(?:http[s]?:)?//([^/?]+)(?:/([^?]*))?"));
                const QString jdbc = CS::sinkConfig(s, QStringLiteral("url"));
                const auto m = url.match(jdbc);
                QString database = s.tableName.contains(QLatin1Char('.'))
                                       ? s.tableName.section(QLatin1Char('.'), 0, -2)
                                       : (m.hasMatch() ? m.captured(2) : QString());
                if (database.isEmpty())
                    database = QStringLiteral("default");
                opts << qMakePair(QStringLiteral("connector"), QStringLiteral("clickhouse"))
                     << qMakePair(QStringLiteral("url"),
                                  m.hasMatch() ? QStringLiteral("clickhouse://") + m.captured(1)
                                               : jdbc)
                     << qMakePair(QStringLiteral("database-name"), database)
                     << qMakePair(QStringLiteral("table-name"),
                                  s.tableName.section(QLatin1Char('.'), -1));
                if (const QString u = CS::sinkConfig(s, QStringLiteral("username")); !u.isEmpty())
                    opts << qMakePair(QStringLiteral("username"), u);
                if (const QString pw = CS::sinkConfig(s, QStringLiteral("password")); !pw.isEmpty())
                    opts << qMakePair(QStringLiteral("password"), pw);
                opts << qMakePair(QStringLiteral("sink.batch-size"), QStringLiteral("1000"))
                     << qMakePair(QStringLiteral("sink.flush-interval"), QStringLiteral("1s"))
                     << qMakePair(QStringLiteral("sink.max-retries"), QStringLiteral("3"));
                if (in.updating)
                    pk = sinkKey(s, in, i, QStringLiteral("ClickHouse"));
                warning(
                    QStringLiteral("UIS-W-FLINK-CLICKHOUSE"),
                    QStringLiteral("Apache Flink has no ClickHouse SQL connector: sink `%1` uses "
                                   "the community "
                                   "connector's options, and its jar %2 must be on the classpath")
                        .arg(name, QString::fromLatin1(kClickHouseJar)),
                    sPtr(i));
                w.comment(
                    QStringLiteral("sink %1: ClickHouse table %2 through the community connector "
                                   "(not part of Apache Flink): needs %3")
                        .arg(name, s.tableName, QString::fromLatin1(kClickHouseJar)));
            } else if (s.type == QLatin1String("parquet")) {
                QString path = CS::sinkConfig(s, QStringLiteral("path"));
                if (path.isEmpty()) {
                    const QString bucket = CS::sinkConfig(s, QStringLiteral("bucket"));
                    const QString prefix = CS::sinkConfig(s, QStringLiteral("path_prefix"));
                    path = bucket.contains(QLatin1String("://"))
                               ? bucket
                               : QStringLiteral("s3a://") + bucket;
                    if (!prefix.isEmpty())
                        path = path +
                               (path.endsWith(QLatin1Char('/')) ? QString() : QStringLiteral("/")) +
                               prefix;
                }
                path = s3a(path, sPtr(i) + QStringLiteral("/config"));
                QString codec = CS::sinkConfig(s, QStringLiteral("compression")).toUpper();
                if (codec == QLatin1String("NONE"))
                    codec = QStringLiteral("UNCOMPRESSED");
                opts << qMakePair(QStringLiteral("connector"), QStringLiteral("filesystem"))
                     << qMakePair(QStringLiteral("path"), path)
                     << qMakePair(QStringLiteral("format"), QStringLiteral("parquet"));
                if (!codec.isEmpty())
                    opts << qMakePair(QStringLiteral("parquet.compression"), codec);
                QStringList parts;
                QStringList partitionCols = s.partitionBy;
                if (partitionCols.isEmpty())
                    partitionCols =
                        CS::listSetting(CS::sinkConfigNode(s, QStringLiteral("partition_by")));
                for (const QString &col : partitionCols) {
                    if (in.column(col))
                        parts.append(W::identifier(col));
                    else
                        error(QStringLiteral("UIS-E-FLINK-COLUMN"),
                              QStringLiteral(
                                  "partition `%1` of sink `%2` is not a column of its input")
                                  .arg(col, name),
                              sPtr(i) + QStringLiteral("/partition_by"));
                }
                if (!parts.isEmpty())
                    partitioned = QStringLiteral(" PARTITIONED BY (%1)")
                                      .arg(parts.join(QStringLiteral(", ")));
                if (in.updating)
                    error(QStringLiteral("UIS-E-FLINK-CHANGELOG"),
                          QStringLiteral(
                              "parquet sink `%1` can only append, but its input has updates; write "
                              "it to an Iceberg, Kafka or console sink")
                              .arg(name),
                          sPtr(i));
                w.comment(
                    QStringLiteral("sink %1: Parquet files under %2 (committed on each checkpoint)")
                        .arg(name, path));
            } else if (s.type == QLatin1String("console")) {
                opts << qMakePair(QStringLiteral("connector"), QStringLiteral("print"));
                w.comment(QStringLiteral("sink %1: the TaskManagers' standard output").arg(name));
            } else {
                error(QStringLiteral("UIS-E-FLINK-SINK"),
                      QStringLiteral(
                          "sink `%1`: Flink has no %2 connector; deliver to REST APIs from a Spark "
                          "spec (mode batch or micro_batch)")
                          .arg(name, s.type),
                      sPtr(i) + QStringLiteral("/type"));
                continue;
            }
            w.statement(
                QStringLiteral("CREATE TABLE %1 %2%3 %4")
                    .arg(target, columnDdl(in, pk, false), partitioned, W::withClause(opts)));
            w.blank();
            inserts.append(QStringLiteral("INSERT INTO %1\n%2")
                               .arg(target, insertSelect(in, inputs, name, i)));
        }
        return inserts;
    }

    // ------------------------------------------------------------------ script

    QString script()
    {
        buildSources();
        sortTransforms();
        collectWatermarks();
        QSet<QString> needEndpointView;
        for (int i : order) {
            if (p().transforms.at(i).type != QLatin1String("sql"))
                continue;
            for (const QString &n : spec.effectiveTransformInputs(i)) {
                if (CS::endpoint(spec, n) && rels.value(n).sql != W::identifier(n))
                    needEndpointView.insert(n);
            }
        }
        const QStringList views = buildTransforms();
        if (stateTtlMs > 0 &&
            (hasStatefulNonWindow || p().providerType == QLatin1String("database")))
            warning(QStringLiteral("UIS-W-FLINK-STATE-TTL"),
                    QStringLiteral(
                        "dedupe keeps its keys for %1 through `table.exec.state.ttl`, which also "
                        "expires the state of the job's other non-window operators (grouped SQL, "
                        "upserts)")
                        .arg(CS::flinkDuration(stateTtlMs)),
                    QStringLiteral("/provider/transforms"));

        FlinkSqlWriter src;
        sourceDdl(src);
        FlinkSqlWriter snk;
        const QStringList inserts = sinkDdl(snk);

        FlinkSqlWriter v;
        for (const Endpoint &e : p().endpoints) {
            if (!mappings.contains(e.name))
                continue;
            const Relation &from = sources[e.name];
            QStringList cols;
            QSet<QString> targets;
            for (const auto &kv : e.fieldMapping)
                targets.insert(kv.second);
            for (const Column &c : from.columns) {
                const QString target = mapValue(e.fieldMapping, c.name);
                if (!target.isEmpty())
                    cols.append(W::identifier(c.name) + QStringLiteral(" AS ") +
                                W::identifier(target));
                else if (!targets.contains(c.name))
                    cols.append(W::identifier(c.name));
            }
            v.comment(QStringLiteral("field_mapping of endpoint %1").arg(e.name));
            v.statement(QStringLiteral("CREATE TEMPORARY VIEW %1 AS\nSELECT %2\nFROM %3")
                            .arg(W::identifier(QStringLiteral("map_") + e.name),
                                 cols.join(QStringLiteral(", ")), from.sql));
            v.blank();
        }
        for (const Endpoint &e : p().endpoints) {
            if (!needEndpointView.contains(e.name))
                continue;
            v.comment(QStringLiteral("endpoint %1 under its own name, for the sql transforms")
                          .arg(e.name));
            v.statement(QStringLiteral("CREATE TEMPORARY VIEW %1 AS\nSELECT * FROM %2")
                            .arg(W::identifier(e.name), rels.value(e.name).sql));
            v.blank();
        }
        for (int k = 0; k < order.size(); ++k) {
            const Transform &t = p().transforms.at(order.at(k));
            v.comment(QStringLiteral("transform %1 (%2)").arg(t.name, t.type));
            v.statement(views.at(k));
            v.blank();
        }

        FlinkSqlWriter out;
        out.comment(
            QStringLiteral("%1: Flink SQL for Flink %2, generated by UIS Studio from the UIS spec.")
                .arg(spec.name, flinkVersion()));
        out.comment(
            QStringLiteral("Run with: sql-client.sh -f <this file>. Placeholders ({{...}}) are "
                           "resolved when the job is submitted."));
        out.blank();
        for (const auto &kv : setStatements())
            out.set(kv.first, kv.second);

        QString text = out.text() + QLatin1Char('\n') + src.text();
        if (!snk.text().trimmed().isEmpty())
            text += QLatin1Char('\n') + snk.text();
        if (!v.text().trimmed().isEmpty())
            text += QLatin1Char('\n') + v.text();
        text += QLatin1Char('\n');
        if (inserts.size() == 1) {
            text += inserts.first() + QStringLiteral(";\n");
        } else if (inserts.size() > 1) {
            text += QStringLiteral("EXECUTE STATEMENT SET\nBEGIN\n\n");
            for (const QString &ins : inserts)
                text += ins + QStringLiteral(";\n\n");
            text += QStringLiteral("END;\n");
        }
        return text;
    }

    QString flinkVersion() const
    {
        return spec.configValue(QStringLiteral("flink_version"), CS::defaultFlinkVersion());
    }

    QList<QPair<QString, QString>> setStatements() const
    {
        QList<QPair<QString, QString>> s;
        s << qMakePair(QStringLiteral("pipeline.name"), QStringLiteral("uis-") + spec.name)
          << qMakePair(QStringLiteral("execution.runtime-mode"), QStringLiteral("streaming"));
        const OrderedJson conf = FlinkCompiler::flinkConfig(spec, options);
        static const QStringList clusterLevel{
            QStringLiteral("taskmanager."), QStringLiteral("metrics."),
            QStringLiteral("jobmanager."), QStringLiteral("kubernetes.")};
        for (auto it = conf.begin(); it != conf.end(); ++it) {
            const QString key = QString::fromStdString(it.key());
            if (std::any_of(clusterLevel.begin(), clusterLevel.end(),
                            [&](const QString &pre) { return key.startsWith(pre); }))
                continue;
            s << qMakePair(key, QString::fromStdString(it.value().get<std::string>()));
        }
        if (stateTtlMs > 0)
            s << qMakePair(QStringLiteral("table.exec.state.ttl"), CS::flinkDuration(stateTtlMs));
        return s;
    }
};

QString flinkVersionOf(const Spec &spec)
{
    return spec.configValue(QStringLiteral("flink_version"), CS::defaultFlinkVersion());
}

} // namespace

QStringList FlinkCompiler::targets()
{
    return {QStringLiteral("flink-job"), QStringLiteral("flink-sql"), QStringLiteral("flink-run")};
}

QString FlinkCompiler::bridgeTopic(const Spec &spec, const QString &endpoint)
{
    const QString t = spec.configValue(QStringLiteral("bridge_topic"));
    if (t.isEmpty())
        return QStringLiteral("uis.%1.%2").arg(spec.name, endpoint);
    // One override for several endpoints would mix their messages: suffix the endpoint.
    return spec.provider.endpoints.size() > 1 ? t + QLatin1Char('.') + endpoint : t;
}

OrderedJson FlinkCompiler::flinkConfig(const Spec &spec, const CompileOptions &options)
{
    Q_UNUSED(options);
    OrderedJson c = OrderedJson::object();
    auto put = [&](const char *key, const QString &v) {
        if (!v.isEmpty())
            c[key] = toStd(v);
    };
    put("taskmanager.memory.process.size", spec.configValue(QStringLiteral("taskmanager_memory")));
    put("taskmanager.numberOfTaskSlots", spec.configValue(QStringLiteral("task_slots")));
    put("parallelism.default", QString::number(spec.effectiveParallelism()));
    put("state.backend.type",
        spec.configValue(QStringLiteral("state_backend"), QStringLiteral("rocksdb")));
    const auto interval = CS::durationMs(spec.configValue(QStringLiteral("checkpoint_interval")));
    put("execution.checkpointing.interval", CS::flinkDuration(interval.value_or(60000)));
    put("execution.checkpointing.mode", QStringLiteral("EXACTLY_ONCE"));
    put("execution.checkpointing.timeout", CS::flinkDuration(300000));
    put("execution.checkpointing.externalized-checkpoint-retention",
        QStringLiteral("RETAIN_ON_CANCELLATION"));
    put("execution.checkpointing.dir", spec.configValue(QStringLiteral("checkpoint_dir")));
    put("execution.checkpointing.savepoint-dir", spec.configValue(QStringLiteral("savepoint_dir")));
    put("restart-strategy.type", QStringLiteral("exponential-delay"));
    put("metrics.reporter.prom.factory.class",
        QStringLiteral("org.apache.flink.metrics.prometheus.PrometheusReporterFactory"));
    put("metrics.reporter.prom.port", QStringLiteral("9249"));
    for (const SourceNode *n : CS::dottedConfig(spec))
        c[toStd(n->key())] = toStd(CS::scalarText(*n));
    return c;
}

QString FlinkCompiler::sql(const Spec &spec, const CompileOptions &options,
                           DiagnosticList *diagnostics)
{
    Compiler c{spec, options, {}};
    const QString text = c.script();
    for (const Diagnostic &d : c.diags)
        CS::add(diagnostics, d);
    return text;
}

QStringList FlinkCompiler::connectorJars(const Spec &spec, const CompileOptions &options)
{
    Q_UNUSED(options);
    const QString version = flinkVersionOf(spec);
    const QString patch = version.count(QLatin1Char('.')) >= 2 ? version
                          : version == QLatin1String("1.20")   ? QStringLiteral("1.20.1")
                                                               : version + QStringLiteral(".0");
    const Provider &p = spec.provider;
    bool kafka = p.providerType == QLatin1String("kafka") ||
                 p.providerType == QLatin1String("websocket") ||
                 p.providerType == QLatin1String("webhook");
    bool iceberg = false, parquet = false, avro = false, pg = false, mysql = false;
    for (const Sink &s : p.sinks) {
        kafka = kafka || s.type == QLatin1String("kafka");
        iceberg = iceberg || s.type == QLatin1String("iceberg");
        parquet = parquet || s.type == QLatin1String("parquet");
    }
    for (const Endpoint &e : p.endpoints) {
        avro =
            avro || (p.providerType == QLatin1String("kafka") && e.format == QLatin1String("avro"));
        if (p.providerType == QLatin1String("database")) {
            mysql = mysql || e.connector == QLatin1String("mysql-cdc");
            pg = pg || e.connector != QLatin1String("mysql-cdc");
        }
    }
    QStringList out;
    if (kafka)
        out.append(QStringLiteral("org.apache.flink:flink-sql-connector-kafka:%1")
                       .arg(CS::flinkKafkaConnectorVersion(version)));
    if (pg)
        out.append(QStringLiteral("org.apache.flink:flink-sql-connector-postgres-cdc:%1")
                       .arg(CS::flinkCdcVersion()));
    if (mysql)
        out.append(QStringLiteral("org.apache.flink:flink-sql-connector-mysql-cdc:%1")
                       .arg(CS::flinkCdcVersion()));
    if (iceberg)
        out.append(
            QStringLiteral("org.apache.iceberg:iceberg-flink-runtime-%1:%2")
                .arg(version.section(QLatin1Char('.'), 0, 1), CS::icebergVersionForFlink(version)));
    if (parquet)
        out.append(QStringLiteral("org.apache.flink:flink-sql-parquet:%1").arg(patch));
    if (avro)
        out.append(QStringLiteral("org.apache.flink:flink-sql-avro:%1").arg(patch));
    return out;
}

OrderedJson FlinkCompiler::jobConfig(const Spec &spec, const CompileOptions &options,
                                     DiagnosticList *diagnostics)
{
    const Provider &p = spec.provider;
    auto strMap = [](const StringMap &m) {
        OrderedJson o = OrderedJson::object();
        for (const auto &kv : m)
            o[toStd(kv.first)] = toStd(kv.second);
        return o;
    };
    auto strList = [](const QStringList &l) {
        OrderedJson a = OrderedJson::array();
        for (const QString &s : l)
            a.push_back(toStd(s));
        return a;
    };
    auto schema = [](const QList<SchemaField> &fields) {
        OrderedJson a = OrderedJson::array();
        for (const SchemaField &f : fields)
            a.push_back(OrderedJson{
                {"name", toStd(f.name)}, {"type", toStd(f.type)}, {"nullable", f.nullable}});
        return a;
    };
    const QString kind = sourceKind(p.providerType);
    const QString bootstrap = spec.configValue(QStringLiteral("kafka_bootstrap_servers"));
    auto relation = [&](const QString &name) {
        if (const Endpoint *e = CS::endpoint(spec, name))
            return e->fieldMapping.isEmpty() ? kind + QLatin1Char('_') + e->name
                                             : QStringLiteral("map_") + e->name;
        return name;
    };

    OrderedJson job = OrderedJson::object();
    job["name"] = toStd(spec.name);
    job["job_type"] = "streaming";
    job["mode"] = toStd(p.mode);
    job["flink_version"] = toStd(flinkVersionOf(spec));
    job["flink_config"] = flinkConfig(spec, options);

    OrderedJson sources = OrderedJson::array();
    for (const Endpoint &e : p.endpoints) {
        OrderedJson s = OrderedJson::object();
        s["type"] = toStd(p.providerType == QLatin1String("database") ? QStringLiteral("cdc")
                                                                      : p.providerType);
        s["name"] = toStd(kind + QLatin1Char('_') + e.name);
        s["endpoint"] = toStd(e.name);
        if (p.providerType == QLatin1String("websocket")) {
            QString base = p.baseUrl;
            while (base.endsWith(QLatin1Char('/')))
                base.chop(1);
            s["url"] = toStd(e.path.isEmpty() ? base
                                              : base + (e.path.startsWith(QLatin1Char('/'))
                                                            ? e.path
                                                            : QLatin1Char('/') + e.path));
            s["protocol"] = toStd(p.baseUrl.section(QLatin1Char(':'), 0, 0));
            s["params"] = strMap(e.queryParams);
            s["headers"] = strMap(e.headers);
            s["format"] = "json";
            OrderedJson rc = OrderedJson::object();
            rc["max_attempts"] = e.reconnect.maxAttempts.value_or(10);
            rc["initial_delay_ms"] = e.reconnect.initialDelayMs.value_or(1000);
            rc["max_delay_ms"] = e.reconnect.maxDelayMs.value_or(30000);
            rc["backoff_multiplier"] = e.reconnect.backoffMultiplier.value_or(2.0);
            s["reconnect_config"] = rc;
            s["heartbeat"] = OrderedJson{{"interval_ms", e.heartbeatIntervalMs.value_or(30000)}};
        } else if (p.providerType == QLatin1String("webhook")) {
            s["path"] = toStd(e.path);
            if (!e.secretHeader.isEmpty())
                s["secret_header"] = toStd(e.secretHeader);
            s["format"] = "json";
        } else if (p.providerType == QLatin1String("kafka")) {
            s["topic"] = toStd(e.topic);
            s["bootstrap_servers"] = toStd(bootstrap);
            s["group_id"] =
                toStd(e.groupId.isEmpty() ? QStringLiteral("uis-") + spec.name : e.groupId);
            if (!e.startingOffsets.isEmpty())
                s["starting_offsets"] = toStd(e.startingOffsets);
            s["format"] = toStd(e.format.isEmpty() ? QStringLiteral("json") : e.format);
        } else if (p.providerType == QLatin1String("database")) {
            s["connector"] =
                toStd(e.connector.isEmpty() ? QStringLiteral("postgres-cdc") : e.connector);
            s["hostname"] = toStd(e.hostname);
            if (e.port)
                s["port"] = *e.port;
            s["database_name"] = toStd(e.databaseName);
            if (!e.schemaName.isEmpty())
                s["schema_name"] = toStd(e.schemaName);
            s["table_names"] = strList(e.tables);
            s["username"] = toStd(e.username);
            s["password"] = toStd(e.password);
            if (!e.slotName.isEmpty())
                s["slot_name"] = toStd(e.slotName);
            s["startup_mode"] =
                toStd(e.startupMode.isEmpty() ? QStringLiteral("initial") : e.startupMode);
        }
        if (e.rateLimitPerSecond) {
            const double r = *e.rateLimitPerSecond;
            if (r == std::floor(r))
                s["rate_limit"] = qint64(r);
            else
                s["rate_limit"] = r;
        }
        if (p.providerType == QLatin1String("websocket") ||
            p.providerType == QLatin1String("webhook"))
            s["bridge"] = OrderedJson{{"type", "kafka"},
                                      {"topic", toStd(bridgeTopic(spec, e.name))},
                                      {"bootstrap_servers", toStd(bootstrap)}};
        if (e.hasSchema)
            s["schema"] = schema(e.schema);
        sources.push_back(s);
    }
    job["sources"] = sources;

    OrderedJson transforms = OrderedJson::array();
    for (const Endpoint &e : p.endpoints) {
        if (e.fieldMapping.isEmpty())
            continue;
        transforms.push_back(OrderedJson{{"type", "field_mapping"},
                                         {"name", toStd(QStringLiteral("map_") + e.name)},
                                         {"inputs", strList({kind + QLatin1Char('_') + e.name})},
                                         {"mapping", strMap(e.fieldMapping)}});
    }
    for (int i = 0; i < p.transforms.size(); ++i) {
        const Transform &t = p.transforms.at(i);
        QStringList inputs;
        for (const QString &n : spec.effectiveTransformInputs(i))
            inputs.append(relation(n));
        OrderedJson o = OrderedJson::object();
        o["type"] = toStd(t.type);
        o["name"] = toStd(t.name);
        o["inputs"] = strList(inputs);
        auto ms = [](const QString &d) -> OrderedJson {
            const auto v = CS::durationMs(d);
            return v ? OrderedJson(*v) : OrderedJson(nullptr);
        };
        if (t.type == QLatin1String("field_mapping")) {
            o["mapping"] = strMap(t.mapping);
        } else if (t.type == QLatin1String("sql")) {
            o["query"] = toStd(t.query);
        } else if (t.type == QLatin1String("filter")) {
            o["condition"] = toStd(t.condition);
        } else if (t.type == QLatin1String("schema_validation")) {
            o["schema"] = schema(t.schema);
            o["on_invalid"] = toStd(t.onInvalid.isEmpty() ? QStringLiteral("drop") : t.onInvalid);
        } else if (t.type == QLatin1String("dedupe")) {
            o["keys"] = strList(t.keys);
            if (!t.within.isEmpty())
                o["within_ms"] = ms(t.within);
        } else if (t.type == QLatin1String("watermark")) {
            o["timestamp_column"] = toStd(t.timeColumn);
            o["max_out_of_orderness_ms"] = ms(t.maxOutOfOrderness);
        } else if (t.type == QLatin1String("window_aggregate")) {
            o["time_column"] = toStd(t.timeColumn);
            o["window_ms"] = ms(t.window);
            if (!t.slide.isEmpty())
                o["slide_ms"] = ms(t.slide);
            if (!t.watermark.isEmpty())
                o["watermark_ms"] = ms(t.watermark);
            o["group_by"] = strList(t.groupBy);
            o["aggregates"] = strMap(t.aggregates);
        }
        transforms.push_back(o);
    }
    job["transforms"] = transforms;

    OrderedJson sinks = OrderedJson::array();
    for (int i = 0; i < p.sinks.size(); ++i) {
        const Sink &s = p.sinks.at(i);
        QStringList inputs;
        for (const QString &n : spec.effectiveSinkInputs(i))
            inputs.append(relation(n));
        OrderedJson o = OrderedJson::object();
        o["type"] = toStd(s.type);
        o["name"] = toStd(spec.sinkName(i));
        o["inputs"] = strList(inputs);
        if (s.type == QLatin1String("kafka")) {
            const QString servers = CS::sinkConfig(s, QStringLiteral("bootstrap_servers"));
            o["bootstrap_servers"] = toStd(servers.isEmpty() ? bootstrap : servers);
            o["topic"] = toStd(s.kafkaTopic);
            if (!s.kafkaKeyField.isEmpty())
                o["key_field"] = toStd(s.kafkaKeyField);
            o["format"] = "json";
            o["transactional"] =
                CS::sinkConfig(s, QStringLiteral("transactional")) == QLatin1String("true");
        } else {
            if (!s.tableName.isEmpty())
                o["table"] = toStd(s.tableName);
            if (!s.partitionBy.isEmpty())
                o["partition_by"] = strList(s.partitionBy);
            if (s.config.isMap())
                o["config"] = toOrderedJson(s.config);
        }
        sinks.push_back(o);
    }
    job["sinks"] = sinks;

    const auto interval = CS::durationMs(spec.configValue(QStringLiteral("checkpoint_interval")));
    OrderedJson state = OrderedJson::object();
    state["backend"] =
        toStd(spec.configValue(QStringLiteral("state_backend"), QStringLiteral("rocksdb")));
    OrderedJson cp = OrderedJson::object();
    cp["interval_ms"] = interval.value_or(60000);
    cp["timeout_ms"] = 300000;
    cp["mode"] = "EXACTLY_ONCE";
    cp["externalized_retention"] = "RETAIN_ON_CANCELLATION";
    if (const QString d = spec.configValue(QStringLiteral("checkpoint_dir")); !d.isEmpty())
        cp["dir"] = toStd(d);
    state["checkpoint_config"] = cp;
    if (const QString d = spec.configValue(QStringLiteral("savepoint_dir")); !d.isEmpty())
        state["savepoint_config"] =
            OrderedJson{{"dir", toStd(d)}, {"retention", "RETAIN_ON_CANCELLATION"}};
    qint64 ttl = 0;
    for (const Transform &t : p.transforms) {
        if (t.type == QLatin1String("dedupe"))
            ttl = std::max(ttl, CS::durationMs(t.within).value_or(0));
    }
    if (ttl > 0)
        state["state_ttl"] = OrderedJson{{"enabled", true}, {"time_ms", ttl}};
    job["state_management"] = state;
    job["monitoring"] = OrderedJson{
        {"metrics_enabled", true},
        {"metrics_prefix", toStd(QStringLiteral("uis.") + spec.name)},
        {"prometheus", OrderedJson{{"enabled", true}, {"port", 9249}, {"path", "/metrics"}}},
        {"alerts", OrderedJson{{"processing_delay_threshold_ms", 300000},
                               {"error_rate_threshold", 0.01},
                               {"checkpoint_failure_threshold", 3}}}};
    job["connector_jars"] = strList(connectorJars(spec, options));
    job["sql"] = toStd(sql(spec, options, diagnostics));
    return job;
}

QStringList FlinkCompiler::runArgs(const Spec &spec, const CompileOptions &options)
{
    const QString target =
        options.flinkTarget.isEmpty() ? QStringLiteral("kubernetes-session") : options.flinkTarget;
    const bool k8s = target.startsWith(QLatin1String("kubernetes"));
    QStringList argv{QStringLiteral("flink"), QStringLiteral("run"),
                     QStringLiteral("-t"),    target,
                     QStringLiteral("-p"),    QString::number(spec.effectiveParallelism()),
                     QStringLiteral("-d"),    QStringLiteral("-Dpipeline.name=uis-") + spec.name};
    const OrderedJson conf = flinkConfig(spec, options);
    for (auto it = conf.begin(); it != conf.end(); ++it)
        argv << QStringLiteral("-D") + QString::fromStdString(it.key()) + QLatin1Char('=') +
                    QString::fromStdString(it.value().get<std::string>());
    if (k8s) {
        if (!conf.contains("kubernetes.namespace"))
            argv << QStringLiteral("-Dkubernetes.namespace=") + CS::kubernetesNamespace(spec);
        if (target == QLatin1String("kubernetes-application") &&
            !conf.contains("kubernetes.cluster-id"))
            argv << QStringLiteral("-Dkubernetes.cluster-id=") +
                        (QStringLiteral("uis-") + spec.name).left(45);
        if (const QString image = spec.configValue(QStringLiteral("container_image"));
            !image.isEmpty() && !conf.contains("kubernetes.container.image.ref"))
            argv << QStringLiteral("-Dkubernetes.container.image.ref=") + image;
        if (const QString sa = spec.configValue(QStringLiteral("service_account"));
            !sa.isEmpty() && !conf.contains("kubernetes.service-account"))
            argv << QStringLiteral("-Dkubernetes.service-account=") + sa;
    }
    QString runner = options.runnerPath;
    if (runner.isEmpty())
        runner = QString::fromLatin1(
            k8s || target.startsWith(QLatin1String("yarn")) ? kK8sRunner : kLocalRunner);
    QString jobPath = options.jobConfigPath;
    if (jobPath.isEmpty())
        jobPath = QStringLiteral("/opt/uis/jobs/%1.json").arg(spec.name);
    argv << QStringLiteral("-py") << runner << QStringLiteral("--job-config") << jobPath;
    return argv;
}

CompileResult FlinkCompiler::compile(const LoadedSpec &loaded, const CompileOptions &options)
{
    CompileResult result;
    if (!CS::accept(loaded, Engine::Flink, QStringLiteral("the Flink compiler"), result))
        return result;
    const Spec &spec = loaded.spec;
    DiagnosticList diags;
    const OrderedJson job = jobConfig(spec, options, &diags);
    const QString target =
        options.flinkTarget.isEmpty() ? QStringLiteral("kubernetes-session") : options.flinkTarget;
    if (target == QLatin1String("kubernetes-session") &&
        spec.configValue(QStringLiteral("kubernetes.cluster-id")).isEmpty())
        CS::add(&diags,
                CS::make(Severity::Info, QStringLiteral("UIS-I-FLINK-SESSION"),
                         QStringLiteral(
                             "flink run -t kubernetes-session submits to an existing session "
                             "cluster: set `kubernetes.cluster-id` in provider.config to its id"),
                         QStringLiteral("/provider/config")));
    result.diagnostics = diags;
    CS::locate(result.diagnostics, loaded);
    sortDiagnostics(result.diagnostics);
    if (hasErrors(result.diagnostics))
        return result;
    const QStringList argv = runArgs(spec, options);
    result.artifacts.append(
        Artifact{QStringLiteral("flink-job"),
                 CS::fileName(spec, QStringLiteral("flink-job"), QStringLiteral("json")),
                 QStringLiteral("json"), dumpJson(job)});
    result.artifacts.append(Artifact{
        QStringLiteral("flink-sql"),
        CS::fileName(spec, QStringLiteral("flink-sql"), QStringLiteral("sql")),
        QStringLiteral("sql"), QString::fromStdString(job["sql"].get<std::string>()).toUtf8()});
    result.artifacts.append(
        Artifact{QStringLiteral("flink-run"),
                 CS::fileName(spec, QStringLiteral("flink-run"), QStringLiteral("sh")),
                 QStringLiteral("shell"), (ShellQuote::join(argv) + QLatin1Char('\n')).toUtf8()});
    return result;
}

} // namespace uis
