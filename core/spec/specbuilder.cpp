// SPDX-License-Identifier: Apache-2.0
#include "specbuilder.h"

namespace uis {

namespace {

QString str(const SourceNode &obj, QStringView key)
{
    const SourceNode *n = obj.find(key);
    return (n && n->isScalar()) ? n->text() : QString();
}

std::optional<qint64> integer(const SourceNode &obj, QStringView key)
{
    const SourceNode *n = obj.find(key);
    if (!n)
        return std::nullopt;
    if (auto v = n->toInt())
        return v;
    // "1000" written as a string still means 1000 to a person; the validator flags the type.
    if (n->isString()) {
        bool ok = false;
        const qint64 v = n->text().toLongLong(&ok);
        if (ok)
            return v;
    }
    return std::nullopt;
}

std::optional<double> number(const SourceNode &obj, QStringView key)
{
    const SourceNode *n = obj.find(key);
    return n ? n->toDouble() : std::nullopt;
}

QStringList strList(const SourceNode &obj, QStringView key)
{
    QStringList out;
    const SourceNode *n = obj.find(key);
    if (!n)
        return out;
    if (n->isScalar()) // `inputs: a` is read as `[a]`
        return {n->text()};
    if (!n->isList())
        return out;
    for (const SourceNode &c : n->children()) {
        if (c.isScalar())
            out.append(c.text());
    }
    return out;
}

StringMap strMap(const SourceNode &obj, QStringView key)
{
    StringMap out;
    const SourceNode *n = obj.find(key);
    if (!n || !n->isMap())
        return out;
    for (const SourceNode &c : n->children())
        out.append({c.key(), c.isScalar() ? c.text() : QString()});
    return out;
}

SourceNode mapOrNull(const SourceNode &obj, QStringView key)
{
    const SourceNode *n = obj.find(key);
    if (n && n->isMap()) {
        SourceNode copy = *n;
        return copy;
    }
    return SourceNode::makeNull();
}

QList<SchemaField> schemaList(const SourceNode &obj, QStringView key, bool *present = nullptr)
{
    QList<SchemaField> out;
    const SourceNode *n = obj.find(key);
    if (present)
        *present = n != nullptr;
    if (!n || !n->isList())
        return out;
    for (const SourceNode &c : n->children()) {
        if (c.isMap())
            out.append(SpecBuilder::schemaField(c));
    }
    return out;
}

} // namespace

SchemaField SpecBuilder::schemaField(const SourceNode &n)
{
    SchemaField f;
    f.name = str(n, u"name");
    f.type = str(n, u"type");
    if (const SourceNode *nb = n.find(u"nullable"); nb && nb->toBool())
        f.nullable = *nb->toBool();
    return f;
}

Endpoint SpecBuilder::endpoint(const SourceNode &n)
{
    Endpoint e;
    e.name = str(n, u"name");
    e.fieldMapping = strMap(n, u"field_mapping");
    e.schema = schemaList(n, u"schema", &e.hasSchema);
    e.rateLimitPerSecond = number(n, u"rate_limit_per_second");
    e.path = str(n, u"path");
    e.method = str(n, u"method");
    e.auth = str(n, u"auth");
    e.headers = strMap(n, u"headers");
    e.queryParams = strMap(n, u"query_params");
    if (const SourceNode *b = n.find(u"body"))
        e.body = *b;
    e.pagination = str(n, u"pagination");
    e.responsePath = str(n, u"response_path");
    e.format = str(n, u"format");
    e.options = strMap(n, u"options");
    e.topic = str(n, u"topic");
    e.startingOffsets = str(n, u"starting_offsets");
    e.groupId = str(n, u"group_id");
    e.heartbeatIntervalMs = integer(n, u"heartbeat_interval_ms");
    if (const SourceNode *r = n.find(u"reconnect"); r && r->isMap()) {
        e.reconnect.maxAttempts = integer(*r, u"max_attempts");
        e.reconnect.initialDelayMs = integer(*r, u"initial_delay_ms");
        e.reconnect.maxDelayMs = integer(*r, u"max_delay_ms");
        e.reconnect.backoffMultiplier = number(*r, u"backoff_multiplier");
    }
    e.secretHeader = str(n, u"secret_header");
    e.connector = str(n, u"connector");
    e.hostname = str(n, u"hostname");
    e.port = integer(n, u"port");
    e.databaseName = str(n, u"database_name");
    e.schemaName = str(n, u"schema_name");
    e.tables = strList(n, u"tables");
    e.username = str(n, u"username");
    e.password = str(n, u"password");
    e.slotName = str(n, u"slot_name");
    e.startupMode = str(n, u"startup_mode");
    return e;
}

Transform SpecBuilder::transform(const SourceNode &n)
{
    Transform t;
    t.name = str(n, u"name");
    t.type = str(n, u"type");
    t.inputs = strList(n, u"inputs");
    t.mapping = strMap(n, u"mapping");
    t.query = str(n, u"query");
    t.condition = str(n, u"condition");
    t.schema = schemaList(n, u"schema");
    t.onInvalid = str(n, u"on_invalid");
    t.keys = strList(n, u"keys");
    t.within = str(n, u"within");
    t.timeColumn = str(n, u"time_column");
    t.maxOutOfOrderness = str(n, u"max_out_of_orderness");
    t.window = str(n, u"window");
    t.slide = str(n, u"slide");
    t.watermark = str(n, u"watermark");
    t.groupBy = strList(n, u"group_by");
    t.aggregates = strMap(n, u"aggregates");
    return t;
}

Sink SpecBuilder::sink(const SourceNode &n)
{
    Sink s;
    s.name = str(n, u"name");
    s.type = str(n, u"type");
    s.inputs = strList(n, u"inputs");
    s.tableName = str(n, u"table_name");
    s.partitionBy = strList(n, u"partition_by");
    s.kafkaTopic = str(n, u"kafka_topic");
    s.kafkaKeyField = str(n, u"kafka_key_field");
    s.config = mapOrNull(n, u"config");
    return s;
}

Spec SpecBuilder::build(const SourceNode &root)
{
    Spec spec;
    if (!root.isMap())
        return spec;
    spec.version = str(root, u"version");
    spec.name = str(root, u"name");
    spec.description = str(root, u"description");
    spec.createdBy = str(root, u"created_by");
    const SourceNode *p = root.find(u"provider");
    if (!p || !p->isMap())
        return spec;
    Provider &pr = spec.provider;
    pr.name = str(*p, u"name");
    pr.displayName = str(*p, u"display_name");
    pr.providerType = str(*p, u"provider_type");
    pr.baseUrl = str(*p, u"base_url");
    pr.tenantId = str(*p, u"tenant_id");
    pr.owner = str(*p, u"owner");
    pr.mode = str(*p, u"mode");
    pr.engine = str(*p, u"engine");
    pr.parallelism = integer(*p, u"parallelism");
    if (const SourceNode *s = p->find(u"schedule"); s && s->isMap()) {
        pr.schedule.triggerInterval = str(*s, u"trigger_interval");
        pr.schedule.cron = str(*s, u"cron");
    }
    pr.config = mapOrNull(*p, u"config");
    auto each = [&](QStringView key, auto &list, auto fn) {
        if (const SourceNode *l = p->find(key); l && l->isList()) {
            list.reserve(l->size()); // a large spec's lists would otherwise move on each growth
            for (const SourceNode &c : l->children()) {
                if (c.isMap())
                    fn(c);
            }
        }
    };
    each(u"endpoints", pr.endpoints,
         [&](const SourceNode &c) { pr.endpoints.append(endpoint(c)); });
    each(u"transforms", pr.transforms,
         [&](const SourceNode &c) { pr.transforms.append(transform(c)); });
    each(u"sinks", pr.sinks, [&](const SourceNode &c) { pr.sinks.append(sink(c)); });
    return spec;
}

} // namespace uis
