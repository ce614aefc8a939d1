// SPDX-License-Identifier: Apache-2.0
#include "compilesupport.h"

#include "formatrules.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace uis {

namespace {

QString compilerFor(Engine e)
{
    return e == Engine::Flink ? QStringLiteral("the Flink compiler")
                              : QStringLiteral("the Spark compiler");
}

} // namespace

bool CompileSupport::accept(const LoadedSpec &loaded, Engine engine, const QString &compilerName,
                            CompileResult &result)
{
    if (!loaded.valid()) {
        result.diagnostics = loaded.diagnostics;
        if (!hasErrors(result.diagnostics))
            result.diagnostics.append(make(Severity::Error, QStringLiteral("UIS-E-PARSE"),
                                           QStringLiteral("the spec could not be read")));
        return false;
    }
    const Spec &spec = loaded.spec;
    const Engine fits = engineFor(spec);
    auto fail = [&](const QString &code, const QString &message, const QString &pointer) {
        result.diagnostics.append(make(Severity::Error, code, message, pointer));
        locate(result.diagnostics, loaded);
        return false;
    };
    if (engine != Engine::None && fits == Engine::None)
        return fail(QStringLiteral("UIS-E-ENGINE"),
                    QStringLiteral("mode `%1` has no engine; %2 cannot compile it")
                        .arg(spec.provider.mode, compilerName),
                    QStringLiteral("/provider/mode"));
    // A spec that names its engine is that engine's; PipelineCompiler, SpecCheck and
    // `uisctl compile --engine` override the name rather than ask the other compiler.
    if (engine != Engine::None && engineFromName(spec.provider.engine) != Engine::None &&
        fits != engine)
        return fail(QStringLiteral("UIS-E-ENGINE"),
                    QStringLiteral("the spec names `engine: %1`; %2 cannot compile it, use %3")
                        .arg(spec.provider.engine, compilerName, compilerFor(fits)),
                    QStringLiteral("/provider/engine"));
    // Either engine compiles any mode; what one lacks is a connector.
    const Engine running = engine != Engine::None ? engine : fits;
    if (running != Engine::None) {
        result.diagnostics.append(connectorDiagnostics(spec, running));
        if (hasErrors(result.diagnostics)) {
            locate(result.diagnostics, loaded);
            return false;
        }
    }
    return true;
}

DiagnosticList CompileSupport::connectorDiagnostics(const Spec &spec, Engine engine)
{
    DiagnosticList out;
    const Provider &p = spec.provider;
    const QString other =
        engine == Engine::Spark ? QStringLiteral("Flink") : QStringLiteral("Spark");
    const QString self =
        engine == Engine::Spark ? QStringLiteral("Spark") : QStringLiteral("Flink");
    auto lacks = [&](const QString &connector, const QString &pointer) {
        out.append(make(Severity::Error, QStringLiteral("UIS-E-ENGINE-CONNECTOR"),
                        QStringLiteral("%1 has no %2 connector; compile this spec for %3: use "
                                       "`engine: %4` (or `uisctl compile --engine %4`)")
                            .arg(self, connector, other, other.toLower()),
                        pointer));
    };
    const QString &type = p.providerType;
    if (engine == Engine::Spark) {
        if (type == QLatin1String("websocket"))
            lacks(QStringLiteral("WebSocket source"), QStringLiteral("/provider/provider_type"));
        else if (type == QLatin1String("webhook"))
            lacks(QStringLiteral("webhook source"), QStringLiteral("/provider/provider_type"));
        else if (type == QLatin1String("database"))
            lacks(QStringLiteral("change data capture (CDC) source"),
                  QStringLiteral("/provider/provider_type"));
    } else if (engine == Engine::Flink) {
        if (type == QLatin1String("rest_api"))
            lacks(QStringLiteral("REST API source"), QStringLiteral("/provider/provider_type"));
        if (type == QLatin1String("file_ftp")) {
            for (int i = 0; i < p.endpoints.size(); ++i) {
                const QString f = p.endpoints.at(i).format;
                if (f == QLatin1String("xml"))
                    lacks(QStringLiteral("XML file format"),
                          QStringLiteral("/provider/endpoints/%1/format").arg(i));
            }
        }
        for (int i = 0; i < p.sinks.size(); ++i) {
            if (p.sinks.at(i).type == QLatin1String("rest_api"))
                lacks(QStringLiteral("REST API delivery sink"),
                      QStringLiteral("/provider/sinks/%1/type").arg(i));
        }
    }
    return out;
}

bool CompileSupport::streamingOn(const Spec &spec, Engine engine)
{
    const QString &mode = spec.provider.mode;
    if (engine == Engine::Flink)
        return mode != QLatin1String("batch");
    return engineForMode(mode) == Engine::Flink;
}

void CompileSupport::locate(DiagnosticList &diagnostics, const LoadedSpec &loaded)
{
    if (!loaded.tree)
        return;
    for (Diagnostic &d : diagnostics) {
        if (d.line != 0)
            continue;
        // The nearest existing ancestor gives the position of a value that is absent.
        QString ptr = d.pointer;
        while (true) {
            if (const SourceNode *n = loaded.tree->at(ptr)) {
                d.line = n->pos().line;
                d.column = n->pos().column;
                break;
            }
            const qsizetype slash = ptr.lastIndexOf(QLatin1Char('/'));
            if (slash < 0 || ptr.isEmpty())
                break;
            ptr.truncate(slash);
        }
    }
}

Diagnostic CompileSupport::make(Severity severity, const QString &code, const QString &message,
                                const QString &pointer)
{
    Diagnostic d;
    d.severity = severity;
    d.code = code;
    d.message = message;
    d.pointer = pointer;
    return d;
}

void CompileSupport::add(DiagnosticList *list, const Diagnostic &d)
{
    if (list && !list->contains(d))
        list->append(d);
}

std::optional<qint64> CompileSupport::durationMs(const QString &duration)
{
    static const QRegularExpression re(QStringLiteral(
        "^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|min|h|d|milliseconds?|millis|seconds?|sec|minutes?|"
        "mins?|hours?|days?)\\s*$"));
    const auto m = re.match(duration);
    if (!m.hasMatch())
        return std::nullopt;
    const double v = m.captured(1).toDouble();
    const QString u = m.captured(2);
    double factor = 1;
    if (u == QLatin1String("ms") || u.startsWith(QLatin1String("milli")))
        factor = 1;
    else if (u == QLatin1String("s") || u.startsWith(QLatin1String("sec")))
        factor = 1000;
    else if (u.startsWith(QLatin1String("min")))
        factor = 60000;
    else if (u.startsWith(QLatin1Char('h')))
        factor = 3600000;
    else if (u.startsWith(QLatin1Char('d')))
        factor = 86400000;
    return qint64(v * factor + 0.5);
}

QString CompileSupport::flinkDuration(qint64 ms)
{
    if (ms != 0 && ms % 86400000 == 0)
        return QStringLiteral("%1d").arg(ms / 86400000);
    if (ms != 0 && ms % 3600000 == 0)
        return QStringLiteral("%1h").arg(ms / 3600000);
    if (ms != 0 && ms % 60000 == 0)
        return QStringLiteral("%1min").arg(ms / 60000);
    if (ms % 1000 == 0)
        return QStringLiteral("%1s").arg(ms / 1000);
    return QStringLiteral("%1ms").arg(ms);
}

QString CompileSupport::sparkInterval(qint64 ms)
{
    auto unit = [](qint64 n, const char *one, const char *many) {
        return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
    };
    if (ms != 0 && ms % 86400000 == 0)
        return unit(ms / 86400000, "day", "days");
    if (ms != 0 && ms % 3600000 == 0)
        return unit(ms / 3600000, "hour", "hours");
    if (ms != 0 && ms % 60000 == 0)
        return unit(ms / 60000, "minute", "minutes");
    if (ms % 1000 == 0)
        return unit(ms / 1000, "second", "seconds");
    return unit(ms, "millisecond", "milliseconds");
}

QString CompileSupport::joinUrl(const QString &base, const QString &path)
{
    return FormatRules::joinUrl(base, path);
}

QString CompileSupport::toS3a(const QString &url, bool *rewritten)
{
    if (rewritten)
        *rewritten = false;
    if (url.startsWith(QLatin1String("s3://"))) {
        if (rewritten)
            *rewritten = true;
        return QStringLiteral("s3a://") + url.mid(5);
    }
    return url;
}

QString CompileSupport::toS3a(const QString &url, const QString &pointer, const QString &message,
                              DiagnosticList *diagnostics)
{
    bool rewritten = false;
    const QString out = toS3a(url, &rewritten);
    if (rewritten)
        add(diagnostics,
            make(Severity::Info, QStringLiteral("UIS-I-S3A"), message.arg(url, out), pointer));
    return out;
}

QList<const SourceNode *> CompileSupport::dottedConfig(const Spec &spec)
{
    QList<const SourceNode *> out;
    if (!spec.provider.config.isMap())
        return out;
    for (const SourceNode &c : spec.provider.config.children()) {
        if (c.key().contains(QLatin1Char('.')) && c.isScalar())
            out.append(&c);
    }
    return out;
}

QString CompileSupport::scalarText(const SourceNode &node)
{
    if (node.isScalar() && node.scalarType() == SourceNode::ScalarType::Bool)
        return *node.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return node.text();
}

QString CompileSupport::sinkConfig(const Sink &sink, const QString &key)
{
    const SourceNode *n = sinkConfigNode(sink, key);
    return n && n->isScalar() ? scalarText(*n) : QString();
}

const SourceNode *CompileSupport::sinkConfigNode(const Sink &sink, const QString &key)
{
    return sink.config.isMap() ? sink.config.find(key) : nullptr;
}

QStringList CompileSupport::listSetting(const SourceNode *node)
{
    QStringList out;
    if (!node)
        return out;
    if (node->isList()) {
        for (const SourceNode &c : node->children()) {
            if (c.isScalar() && !c.text().trimmed().isEmpty())
                out.append(c.text().trimmed());
        }
    } else if (node->isScalar()) {
        for (const QString &part : node->text().split(QLatin1Char(','))) {
            if (!part.trimmed().isEmpty())
                out.append(part.trimmed());
        }
    }
    return out;
}

QString CompileSupport::kubernetesNamespace(const Spec &spec)
{
    const QString ns = spec.configValue(QStringLiteral("namespace"));
    if (!ns.isEmpty())
        return ns;
    if (!spec.provider.tenantId.isEmpty())
        return spec.provider.tenantId;
    return QStringLiteral("default");
}

QStringList CompileSupport::runnerArgs(const Spec &spec, const CompileOptions &options,
                                       const QString &defaultRunner)
{
    return {options.runnerPath.isEmpty() ? defaultRunner : options.runnerPath,
            QStringLiteral("--job-config"),
            options.jobConfigPath.isEmpty() ? QStringLiteral("/opt/uis/jobs/%1.json").arg(spec.name)
                                            : options.jobConfigPath};
}

QString CompileSupport::fileName(const Spec &spec, const QString &target, const QString &extension)
{
    return QStringLiteral("%1.%2.%3").arg(spec.name, target, extension);
}

QString CompileSupport::defaultSparkVersion()
{
    return QStringLiteral("3.5");
}

QString CompileSupport::sparkPatchVersion(const QString &version)
{
    const QStringList parts = version.split(QLatin1Char('.'));
    if (parts.size() >= 3)
        return version;
    if (version == QLatin1String("3.5"))
        return QStringLiteral("3.5.7"); // SPARK_VERSION
    if (version == QLatin1String("4.0"))
        return QStringLiteral("4.0.1");
    if (parts.size() == 2)
        return version + QStringLiteral(".0");
    return QStringLiteral("3.5.7");
}

QString CompileSupport::scalaBinaryVersion(const QString &sparkVersion)
{
    // Spark 3.5 distributions default to Scala 2.12 (SCALA_BINARY_VERSION); Spark 4 is 2.13 only.
    return sparkVersion.startsWith(QLatin1String("3.")) ? QStringLiteral("2.12")
                                                        : QStringLiteral("2.13");
}

QString CompileSupport::icebergVersionForSpark(const QString &sparkVersion)
{
    // iceberg-spark-runtime-4.0 is published from Iceberg 1.10.0 on.
    return sparkVersion.startsWith(QLatin1String("3.")) ? QStringLiteral("1.7.1")
                                                        : QStringLiteral("1.10.0");
}

QString CompileSupport::hadoopAwsVersion(const QString &sparkVersion)
{
    // The Hadoop version each Spark line is built against.
    return sparkVersion.startsWith(QLatin1String("3.")) ? QStringLiteral("3.3.4")
                                                        : QStringLiteral("3.4.1");
}

QString CompileSupport::clickHouseJdbcVersion()
{
    return QStringLiteral("0.6.5");
}

QString CompileSupport::defaultFlinkVersion()
{
    return QStringLiteral("1.20");
}

QString CompileSupport::flinkKafkaConnectorVersion(const QString &flinkVersion)
{
    if (flinkVersion.startsWith(QLatin1String("2.")))
        return QStringLiteral("4.0.0-2.0");
    if (flinkVersion.startsWith(QLatin1String("1.19")))
        return QStringLiteral("3.3.0-1.19");
    if (flinkVersion.startsWith(QLatin1String("1.18")))
        return QStringLiteral("3.2.0-1.18");
    return QStringLiteral("3.3.0-1.20");
}

QString CompileSupport::icebergVersionForFlink(const QString &flinkVersion)
{
    return flinkVersion.startsWith(QLatin1String("2.")) ? QStringLiteral("1.10.0")
                                                        : QStringLiteral("1.7.1");
}

QString CompileSupport::flinkCdcVersion()
{
    return QStringLiteral("3.3.0");
}

} // namespace uis

namespace uis {

namespace {

// SQL words that are not column names in the conditions and queries the derivation reads.
bool isSqlWord(const QString &upper)
{
    static const QSet<QString> words = [] {
        QSet<QString> w;
        for (const char *k :
             {"SELECT",    "FROM",      "WHERE",      "AND",       "OR",        "NOT",
              "IS",        "NULL",      "TRUE",       "FALSE",     "IN",        "LIKE",
              "BETWEEN",   "CASE",      "WHEN",       "THEN",      "ELSE",      "END",
              "AS",        "ON",        "JOIN",       "LEFT",      "RIGHT",     "INNER",
              "OUTER",     "FULL",      "CROSS",      "GROUP",     "BY",        "ORDER",
              "HAVING",    "LIMIT",     "DISTINCT",   "ALL",       "UNION",     "ASC",
              "DESC",      "INTERVAL",  "SECOND",     "SECONDS",   "MINUTE",    "MINUTES",
              "HOUR",      "HOURS",     "DAY",        "DAYS",      "MONTH",     "YEAR",
              "CAST",      "STRING",    "VARCHAR",    "CHAR",      "INT",       "INTEGER",
              "BIGINT",    "DOUBLE",    "FLOAT",      "DECIMAL",   "BOOLEAN",   "DATE",
              "TIME",      "TIMESTAMP", "ESCAPE",     "SIMILAR",   "TO",        "OVER",
              "PARTITION", "ROWS",      "RANGE",      "PRECEDING", "FOLLOWING", "CURRENT",
              "ROW",       "UNBOUNDED", "WITH",       "EXISTS",    "ANY",       "SOME",
              "TABLE",     "LATERAL",   "DESCRIPTOR", "TRIM",      "LEADING",   "TRAILING",
              "BOTH",      "FOR",       "USING",      "NATURAL",   "VALUES",    "SET"})
            w.insert(QString::fromLatin1(k));
        return w;
    }();
    return words.contains(upper);
}

// The column names an SQL expression or query names: identifiers outside string literals that
// are not SQL words, not function names (followed by `(`), not aliases (after AS) and not
// tables (after FROM/JOIN).
QStringList sqlIdentifiers(const QString &sql)
{
    static const QRegularExpression token(QStringLiteral(
        "'(?:[^']|'')*'|[0-9][0-9A-Za-z_.]*|(?:`((?:[^`]|``)+)`|([A-Za-z_][A-Za-z0-9_]*))"
        "(\\s*\\()?(\\s*\\.)?"));
    QStringList out;
    QString previous;
    auto it = token.globalMatch(sql);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedLength(1) == 0 && m.capturedLength(2) == 0) { // a literal or a number
            previous.clear();
            continue;
        }
        const bool quoted = m.capturedLength(1) > 0;
        const QString name = quoted
                                 ? m.captured(1).replace(QStringLiteral("``"), QStringLiteral("`"))
                                 : m.captured(2);
        const QString upper = name.toUpper();
        const bool call = m.capturedLength(3) > 0;
        const bool qualifier = m.capturedLength(4) > 0; // `t.` of `t.column`
        const bool alias = previous == QLatin1String("AS") || previous == QLatin1String("FROM") ||
                           previous == QLatin1String("JOIN");
        previous = quoted ? QString() : upper;
        if (call || alias || qualifier || (!quoted && isSqlWord(upper)))
            continue;
        if (!out.contains(name))
            out.append(name);
    }
    return out;
}

} // namespace

bool CompileSupport::derivesColumns(const Spec &spec, const Endpoint &e)
{
    if (e.hasSchema && !e.schema.isEmpty())
        return false;
    const QString &type = spec.provider.providerType;
    if (type == QLatin1String("websocket") || type == QLatin1String("webhook"))
        return true;
    return type == QLatin1String("kafka") &&
           (e.format.isEmpty() || e.format == QLatin1String("json"));
}

QList<SchemaField> CompileSupport::derivedColumns(const Spec &spec, int endpoint)
{
    const Provider &p = spec.provider;
    if (endpoint < 0 || endpoint >= p.endpoints.size() ||
        !derivesColumns(spec, p.endpoints.at(endpoint)))
        return {};
    const Endpoint &e = p.endpoints.at(endpoint);

    // Which nodes read this endpoint, directly or through other transforms (document order
    // first, repeated until nothing changes: inputs may come later in the document).
    QSet<QString> downstream{e.name};
    QList<bool> reads(p.transforms.size(), false);
    for (bool changed = true; changed;) {
        changed = false;
        for (int i = 0; i < p.transforms.size(); ++i) {
            if (reads.at(i))
                continue;
            for (const QString &in : spec.effectiveTransformInputs(i)) {
                if (downstream.contains(in)) {
                    reads[i] = true;
                    downstream.insert(p.transforms.at(i).name);
                    changed = true;
                    break;
                }
            }
        }
    }

    // What the nodes downstream name, with what they need of it; and the names they make.
    QStringList named;
    QSet<QString> times, numbers, made;
    StringMap renames; // a transform's field_mapping: source → target
    auto name = [&](const QString &n) {
        if (!n.isEmpty() && !named.contains(n))
            named.append(n);
    };
    static const QRegularExpression numeric(
        QStringLiteral("\\b(?:sum|avg|stddev\\w*|var\\w*)\\s*\\(\\s*`?([A-Za-z_][A-Za-z0-9_]*)`?"),
        QRegularExpression::CaseInsensitiveOption);
    for (int i = 0; i < p.transforms.size(); ++i) {
        if (!reads.at(i))
            continue;
        const Transform &t = p.transforms.at(i);
        if (t.type == QLatin1String("watermark") || t.type == QLatin1String("window_aggregate")) {
            name(t.timeColumn);
            times.insert(t.timeColumn);
        }
        if (t.type == QLatin1String("window_aggregate")) {
            for (const QString &g : t.groupBy)
                name(g);
            for (const auto &kv : t.aggregates) {
                for (const QString &n : sqlIdentifiers(kv.second))
                    name(n);
                auto it = numeric.globalMatch(kv.second);
                while (it.hasNext())
                    numbers.insert(it.next().captured(1));
                made.insert(kv.first);
            }
            made.insert(QStringLiteral("window_start"));
            made.insert(QStringLiteral("window_end"));
        } else if (t.type == QLatin1String("dedupe")) {
            for (const QString &k : t.keys)
                name(k);
        } else if (t.type == QLatin1String("filter")) {
            for (const QString &n : sqlIdentifiers(t.condition))
                name(n);
        } else if (t.type == QLatin1String("sql")) {
            const QStringList inputs = spec.effectiveTransformInputs(i);
            for (const QString &n : sqlIdentifiers(t.query)) {
                if (!inputs.contains(n))
                    name(n);
            }
        } else if (t.type == QLatin1String("schema_validation")) {
            for (const SchemaField &f : t.schema)
                name(f.name);
        } else if (t.type == QLatin1String("field_mapping")) {
            for (const auto &kv : t.mapping) {
                name(kv.first);
                renames.append(kv);
            }
        }
    }
    for (int s = 0; s < p.sinks.size(); ++s) {
        const QStringList ins = spec.effectiveSinkInputs(s);
        if (!std::any_of(ins.begin(), ins.end(),
                         [&](const QString &n) { return downstream.contains(n); }))
            continue;
        for (const QString &c : p.sinks.at(s).partitionBy)
            name(c);
        name(p.sinks.at(s).kafkaKeyField);
    }

    // Back to the raw field names: through the transforms' renames, then the endpoint's own.
    auto rawName = [&](QString n) {
        for (int hop = 0; hop < 8; ++hop) {
            bool found = false;
            for (const auto &kv : renames) {
                if (kv.second == n && kv.first != n) {
                    n = kv.first;
                    found = true;
                    break;
                }
            }
            if (!found)
                break;
        }
        for (const auto &kv : e.fieldMapping) {
            if (kv.second == n)
                return kv.first;
        }
        return n;
    };
    QList<SchemaField> out;
    QStringList seen;
    auto add = [&](const QString &raw, const QString &type) {
        const qsizetype at = seen.indexOf(raw);
        if (at >= 0) {
            if (type != QLatin1String("string"))
                out[at].type = type;
            return;
        }
        seen.append(raw);
        out.append(SchemaField{raw, type, true});
    };
    auto typeOf = [&](const QString &n) {
        if (times.contains(n))
            return QStringLiteral("timestamp");
        if (numbers.contains(n))
            return QStringLiteral("double");
        return QStringLiteral("string");
    };
    for (const auto &kv : e.fieldMapping)
        add(kv.first, QStringLiteral("string"));
    QSet<QString> targets;
    for (const auto &kv : e.fieldMapping)
        targets.insert(kv.second);
    for (const QString &n : named) {
        if (made.contains(n))
            continue;
        const QString raw = rawName(n);
        // A field_mapping source renamed away is not a column any more downstream.
        if (raw == n && mapContains(e.fieldMapping, n) && !targets.contains(n))
            continue;
        add(raw, typeOf(n));
    }
    return out;
}

} // namespace uis
