// SPDX-License-Identifier: Apache-2.0
#include "specwriter.h"

#include "jsonconvert.h"
#include "specschema.h"

#include <nlohmann/json.hpp>
#include <yaml-cpp/emitter.h>

namespace uis {

namespace {

using S = SourceNode;

void putStr(S &m, const char *key, const QString &v)
{
    if (!v.isEmpty())
        m.insert(QString::fromLatin1(key), S::makeString(v));
}

void putList(S &m, const char *key, const QStringList &v)
{
    if (v.isEmpty())
        return;
    S l = S::makeList();
    for (const QString &s : v)
        l.append(S::makeString(s));
    m.insert(QString::fromLatin1(key), l);
}

void putMap(S &m, const char *key, const StringMap &v)
{
    if (v.isEmpty())
        return;
    S map = S::makeMap();
    for (const auto &kv : v)
        map.insert(kv.first, S::makeString(kv.second));
    m.insert(QString::fromLatin1(key), map);
}

void putInt(S &m, const char *key, const std::optional<qint64> &v)
{
    if (v)
        m.insert(QString::fromLatin1(key), S::makeInt(*v));
}

void putNumber(S &m, const char *key, const std::optional<double> &v)
{
    if (!v)
        return;
    if (double(qint64(*v)) == *v)
        m.insert(QString::fromLatin1(key), S::makeInt(qint64(*v)));
    else
        m.insert(QString::fromLatin1(key), S::makeFloat(*v));
}

void putNode(S &m, const char *key, const SourceNode &v)
{
    if (!v.isNull())
        m.insert(QString::fromLatin1(key), v);
}

S schemaTree(const QList<SchemaField> &fields)
{
    S l = S::makeList();
    for (const SchemaField &f : fields) {
        S m = S::makeMap();
        putStr(m, "name", f.name);
        putStr(m, "type", f.type);
        if (!f.nullable)
            m.insert(QStringLiteral("nullable"), S::makeBool(false));
        l.append(m);
    }
    return l;
}

const ObjectDef *objectFor(const QString &type, const SourceNode &n, const QString &providerType)
{
    const SpecSchema &schema = SpecSchema::instance();
    if (type == QLatin1String("endpoint"))
        return schema.object(SpecSchema::endpointObject(providerType));
    if (type == QLatin1String("transform") || type == QLatin1String("sink")) {
        const SourceNode *t = n.find(u"type");
        return t ? schema.object(type + QLatin1Char('.') + t->text()) : nullptr;
    }
    return schema.object(type);
}

SourceNode reorder(const SourceNode &n, const ObjectDef *def, const QString &providerType)
{
    if (!n.isMap() || !def)
        return n;
    SourceNode out = SourceNode::makeMap();
    out.setPos(n.pos());
    for (const FieldDef &f : def->fields) {
        const SourceNode *c = n.find(f.name);
        if (!c)
            continue;
        SourceNode v = *c;
        if (f.kind == FieldDef::Kind::Object && v.isMap()) {
            v = reorder(v, objectFor(f.objectType, v, providerType), providerType);
        } else if (f.kind == FieldDef::Kind::ObjectList && v.isList()) {
            for (SourceNode &item : v.children())
                item = reorder(item, objectFor(f.objectType, item, providerType), providerType);
        }
        out.insert(f.name, v, c->keyPos());
    }
    for (const SourceNode &c : n.children()) {
        if (!def->field(c.key()))
            out.insert(c.key(), c, c.keyPos());
    }
    return out;
}

// ---------------------------------------------------------------- YAML emission

/// Whether a string must be quoted to read back as the same string. yaml-cpp's own check lets
/// some through that are not valid plain scalars (`:int` in a flow map), so decide here.
bool needsQuotes(const QString &t, bool flow)
{
    if (t.isEmpty())
        return true;
    // The character rules first, in one pass: they are cheaper than resolving the type.
    if (QStringView(u"-?:,[]{}#&*!|>'\"%@`").contains(t.front()) || t.front().isSpace() ||
        t.back().isSpace() || t.back() == u':')
        return true;
    for (qsizetype i = 0; i < t.size(); ++i) {
        const QChar c = t.at(i);
        if ((c == u':' && i + 1 < t.size() && t.at(i + 1) == u' ') ||
            (c == u'#' && i > 0 && t.at(i - 1) == u' '))
            return true; // `: ` or ` #`
        if (flow && (c == u',' || c == u'[' || c == u']' || c == u'{' || c == u'}' || c == u':' ||
                     c == u'#'))
            return true;
    }
    return resolvePlainScalar(t) != SourceNode::ScalarType::String; // another type read back
}

/// Control characters and YAML's extra line breaks (NEL, LS, PS) only survive escaped.
bool needsEscapes(const QString &s)
{
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\n') || u == 0x7F || u == 0x85 || u == 0x2028 || u == 0x2029 ||
            u == 0xFEFF || (u >= 0x80 && u < 0xA0) || c.isSurrogate() || !c.isPrint())
            return true;
    }
    return false;
}

bool literalBlockOk(const QString &s)
{
    // yaml-cpp writes `|` (clip), which reads back with exactly one trailing newline.
    if (!s.endsWith(QLatin1Char('\n')) || s.endsWith(QLatin1String("\n\n")) ||
        s.startsWith(QLatin1Char(' ')) || s.startsWith(QLatin1Char('\n')))
        return false;
    const QStringList lines = s.chopped(1).split(QLatin1Char('\n'));
    for (const QString &l : lines) {
        if (l.endsWith(QLatin1Char(' ')) || l.endsWith(QLatin1Char('\t')) || l.contains(QLatin1Char('\r')))
            return false;
    }
    return true;
}

void emitYaml(YAML::Emitter &e, const SourceNode &n, bool flow)
{
    switch (n.kind()) {
    case SourceNode::Kind::Null:
        e << YAML::Null;
        return;
    case SourceNode::Kind::Scalar: {
        const std::string t = n.text().toStdString();
        if (n.scalarType() == SourceNode::ScalarType::String) {
            if (needsEscapes(n.text()))
                e << YAML::EscapeNonAscii << YAML::DoubleQuoted << t;
            else if (literalBlockOk(n.text()) && !flow)
                e << YAML::Literal << t;
            else if (needsQuotes(n.text(), flow) || n.text().contains(QLatin1Char('\n')))
                e << YAML::DoubleQuoted << t;
            else
                e << t;
        } else {
            e << t;
        }
        return;
    }
    case SourceNode::Kind::Map:
        if (flow)
            e << YAML::Flow;
        e << YAML::BeginMap;
        for (const SourceNode &c : n.children()) {
            // YAML caps implicit keys at 1,024 characters; longer ones need the `? key` form.
            if (c.key().size() > 200)
                e << YAML::LongKey;
            e << YAML::Key;
            SourceNode k = SourceNode::makeString(c.key());
            emitYaml(e, k, true);
            e << YAML::Value;
            // Schema entries read best as one-line `{ name: x, type: string }`.
            const bool childFlow = flow || (c.key() == QLatin1String("schema") && c.isList());
            if (c.key() == QLatin1String("schema") && c.isList()) {
                e << YAML::BeginSeq;
                for (const SourceNode &item : c.children())
                    emitYaml(e, item, item.isMap());
                e << YAML::EndSeq;
            } else {
                emitYaml(e, c, childFlow && c.isMap());
            }
        }
        e << YAML::EndMap;
        return;
    case SourceNode::Kind::List:
        if (flow)
            e << YAML::Flow;
        else if (n.size() > 0 && std::all_of(n.children().begin(), n.children().end(),
                                              [](const SourceNode &c) { return c.isScalar(); }) &&
                 n.size() <= 8)
            e << YAML::Flow; // short lists of names: `[exchange, date]`
        e << YAML::BeginSeq;
        for (const SourceNode &c : n.children())
            emitYaml(e, c, flow);
        e << YAML::EndSeq;
        return;
    }
}

} // namespace

SourceNode SpecWriter::toTree(const Spec &spec)
{
    S root = S::makeMap();
    putStr(root, "version", spec.version);
    putStr(root, "name", spec.name);
    putStr(root, "description", spec.description);
    putStr(root, "created_by", spec.createdBy);

    const Provider &p = spec.provider;
    S pr = S::makeMap();
    putStr(pr, "name", p.name);
    putStr(pr, "display_name", p.displayName);
    putStr(pr, "provider_type", p.providerType);
    putStr(pr, "base_url", p.baseUrl);
    putStr(pr, "tenant_id", p.tenantId);
    putStr(pr, "owner", p.owner);
    putStr(pr, "mode", p.mode);
    putStr(pr, "engine", p.engine);
    putInt(pr, "parallelism", p.parallelism);
    if (!p.schedule.isEmpty()) {
        S s = S::makeMap();
        putStr(s, "trigger_interval", p.schedule.triggerInterval);
        putStr(s, "cron", p.schedule.cron);
        pr.insert(QStringLiteral("schedule"), s);
    }
    putNode(pr, "config", p.config);

    S eps = S::makeList();
    for (const Endpoint &e : p.endpoints) {
        S m = S::makeMap();
        putStr(m, "name", e.name);
        putStr(m, "path", e.path);
        putStr(m, "method", e.method);
        putStr(m, "auth", e.auth);
        putMap(m, "headers", e.headers);
        putMap(m, "query_params", e.queryParams);
        putNode(m, "body", e.body);
        putStr(m, "pagination", e.pagination);
        putStr(m, "response_path", e.responsePath);
        putStr(m, "format", e.format);
        putMap(m, "options", e.options);
        putStr(m, "topic", e.topic);
        putStr(m, "starting_offsets", e.startingOffsets);
        putStr(m, "group_id", e.groupId);
        putInt(m, "heartbeat_interval_ms", e.heartbeatIntervalMs);
        if (!e.reconnect.isEmpty()) {
            S r = S::makeMap();
            putInt(r, "max_attempts", e.reconnect.maxAttempts);
            putInt(r, "initial_delay_ms", e.reconnect.initialDelayMs);
            putInt(r, "max_delay_ms", e.reconnect.maxDelayMs);
            putNumber(r, "backoff_multiplier", e.reconnect.backoffMultiplier);
            m.insert(QStringLiteral("reconnect"), r);
        }
        putStr(m, "secret_header", e.secretHeader);
        putStr(m, "connector", e.connector);
        putStr(m, "hostname", e.hostname);
        putInt(m, "port", e.port);
        putStr(m, "database_name", e.databaseName);
        putStr(m, "schema_name", e.schemaName);
        if (!e.tables.isEmpty())
            putList(m, "tables", e.tables);
        putStr(m, "username", e.username);
        putStr(m, "password", e.password);
        putStr(m, "slot_name", e.slotName);
        putStr(m, "startup_mode", e.startupMode);
        putMap(m, "field_mapping", e.fieldMapping);
        putNumber(m, "rate_limit_per_second", e.rateLimitPerSecond);
        if (e.hasSchema || !e.schema.isEmpty())
            m.insert(QStringLiteral("schema"), schemaTree(e.schema));
        eps.append(m);
    }
    pr.insert(QStringLiteral("endpoints"), eps);

    if (!p.transforms.isEmpty()) {
        S ts = S::makeList();
        for (const Transform &t : p.transforms) {
            S m = S::makeMap();
            putStr(m, "name", t.name);
            putStr(m, "type", t.type);
            putList(m, "inputs", t.inputs);
            putMap(m, "mapping", t.mapping);
            putStr(m, "query", t.query);
            putStr(m, "condition", t.condition);
            if (!t.schema.isEmpty())
                m.insert(QStringLiteral("schema"), schemaTree(t.schema));
            putStr(m, "on_invalid", t.onInvalid);
            putList(m, "keys", t.keys);
            putStr(m, "within", t.within);
            putStr(m, "time_column", t.timeColumn);
            putStr(m, "max_out_of_orderness", t.maxOutOfOrderness);
            putStr(m, "window", t.window);
            putStr(m, "slide", t.slide);
            putStr(m, "watermark", t.watermark);
            putList(m, "group_by", t.groupBy);
            putMap(m, "aggregates", t.aggregates);
            ts.append(m);
        }
        pr.insert(QStringLiteral("transforms"), ts);
    }

    S ss = S::makeList();
    for (const Sink &s : p.sinks) {
        S m = S::makeMap();
        putStr(m, "name", s.name);
        putStr(m, "type", s.type);
        putList(m, "inputs", s.inputs);
        putStr(m, "table_name", s.tableName);
        putStr(m, "kafka_topic", s.kafkaTopic);
        putStr(m, "kafka_key_field", s.kafkaKeyField);
        putList(m, "partition_by", s.partitionBy);
        putNode(m, "config", s.config);
        ss.append(m);
    }
    pr.insert(QStringLiteral("sinks"), ss);
    root.insert(QStringLiteral("provider"), pr);
    return normalize(root);
}

SourceNode SpecWriter::normalize(const SourceNode &root)
{
    const SourceNode *pt = root.at(u"/provider/provider_type");
    const QString providerType = pt ? pt->text() : QString();
    return reorder(root, SpecSchema::instance().object(u"spec"), providerType);
}

QByteArray SpecWriter::toYaml(const SourceNode &root)
{
    YAML::Emitter e;
    e.SetIndent(2);
    e.SetMapFormat(YAML::Block);
    e.SetSeqFormat(YAML::Block);
    emitYaml(e, root, false);
    QByteArray out(e.c_str(), qsizetype(e.size()));
    if (!out.endsWith('\n'))
        out.append('\n');
    return out;
}

bool SpecWriter::needsQuotes(const QString &text, bool flow)
{
    return uis::needsQuotes(text, flow);
}

QByteArray SpecWriter::toJson(const SourceNode &root, int indent)
{
    return dumpJson(toOrderedJson(root), indent);
}

} // namespace uis
