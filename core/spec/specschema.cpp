// SPDX-License-Identifier: Apache-2.0
#include "specschema.h"

#include <algorithm>

namespace uis {

using K = FieldDef::Kind;
using F = FieldDef::Format;

namespace {

FieldDef fd(const char *name, K kind, bool required, const char *description, F format = F::None)
{
    FieldDef f;
    f.name = QString::fromLatin1(name);
    f.kind = kind;
    f.required = required;
    f.format = format;
    f.description = QString::fromUtf8(description);
    return f;
}

FieldDef en(const char *name, QStringList values, bool required, const char *description)
{
    FieldDef f = fd(name, K::Enum, required, description);
    f.enumValues = std::move(values);
    return f;
}

FieldDef obj(const char *name, K kind, const char *type, bool required, const char *description)
{
    FieldDef f = fd(name, kind, required, description);
    f.objectType = QString::fromLatin1(type);
    return f;
}

FieldDef num(const char *name, K kind, std::optional<double> min, std::optional<double> max,
             bool exclusiveMin, const char *description)
{
    FieldDef f = fd(name, kind, false, description);
    f.minimum = min;
    f.maximum = max;
    f.exclusiveMinimum = exclusiveMin;
    return f;
}

QStringList L(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *i : items)
        out.append(QString::fromLatin1(i));
    return out;
}

QList<FieldDef> endpointCommon()
{
    return {
        fd("name", K::String, true, "Endpoint name, snake_case, unique in the spec.", F::Identifier),
        fd("field_mapping", K::TextMap, false, "Source field → target field."),
        num("rate_limit_per_second", K::Number, 0, std::nullopt, true,
            "Maximum requests (or messages) per second."),
        obj("schema", K::ObjectList, "schema_field", false,
            "Typed columns; without it a source is one `data STRING` column."),
    };
}

ObjectDef endpointDef(const QString &type, QList<FieldDef> own)
{
    QList<FieldDef> fields = endpointCommon();
    // Canonical order: name, the type's own fields, then mapping, rate limit and schema.
    QList<FieldDef> ordered{fields.first()};
    ordered += own;
    ordered += fields.mid(1);
    return ObjectDef{QStringLiteral("endpoint.") + type, QStringLiteral("%1 endpoint").arg(type),
                     ordered};
}

ObjectDef transformDef(const QString &type, QList<FieldDef> own)
{
    QList<FieldDef> fields{
        fd("name", K::String, true, "Transform name, unique in the spec."),
        en("type", SpecSchema::transformTypes(), true, "Transform type."),
        fd("inputs", K::StringList, false,
           "Names of endpoints or transforms it reads; default: the previous transform, or "
           "every endpoint for the first."),
    };
    fields += own;
    return ObjectDef{QStringLiteral("transform.") + type, QStringLiteral("%1 transform").arg(type),
                     fields};
}

ObjectDef sinkDef(const QString &type, QList<FieldDef> own)
{
    QList<FieldDef> fields{
        fd("name", K::String, false, "Sink name, unique; default `<type>_<n>`."),
        en("type", SpecSchema::sinkTypes(), true, "Sink type."),
        fd("inputs", K::StringList, false,
           "Names of nodes it writes; default: the last transform, or all endpoints."),
    };
    fields += own;
    fields.append(fd("config", K::FreeMap, false, "Sink settings."));
    return ObjectDef{QStringLiteral("sink.") + type, QStringLiteral("%1 sink").arg(type), fields};
}

} // namespace

const FieldDef *ObjectDef::field(QStringView n) const
{
    for (const FieldDef &f : fields) {
        if (f.name == n)
            return &f;
    }
    return nullptr;
}

QStringList ObjectDef::fieldNames() const
{
    QStringList out;
    for (const FieldDef &f : fields)
        out.append(f.name);
    return out;
}

QStringList SpecSchema::versions() { return L({"1.0", "1.1"}); }
QStringList SpecSchema::providerTypes()
{
    return L({"rest_api", "file_ftp", "kafka", "websocket", "webhook", "database"});
}
QStringList SpecSchema::modes() { return L({"batch", "micro_batch", "streaming", "websocket", "webhook"}); }
QStringList SpecSchema::engines() { return L({"spark", "flink"}); }
QStringList SpecSchema::transformTypes()
{
    return L({"field_mapping", "sql", "filter", "schema_validation", "dedupe", "watermark",
              "window_aggregate"});
}
QStringList SpecSchema::sinkTypes()
{
    return L({"parquet", "iceberg", "clickhouse", "kafka", "rest_api", "console"});
}
QStringList SpecSchema::schemaTypes()
{
    // Asked for every schema field of a spec: built once.
    static const QStringList types =
        L({"string", "int", "long", "double", "boolean", "date", "timestamp", "json"});
    return types;
}

QStringList SpecSchema::modesFor(const QString &t)
{
    if (t == QLatin1String("rest_api") || t == QLatin1String("file_ftp"))
        return L({"batch", "micro_batch"});
    if (t == QLatin1String("kafka"))
        return L({"micro_batch", "streaming"});
    if (t == QLatin1String("websocket"))
        return L({"websocket", "streaming"});
    if (t == QLatin1String("webhook"))
        return L({"webhook", "streaming"});
    if (t == QLatin1String("database"))
        return L({"streaming"});
    return {};
}

QList<QPair<QString, QString>> SpecSchema::configKeys()
{
    auto p = [](const char *k, const char *d) {
        return QPair<QString, QString>(QString::fromLatin1(k), QString::fromUtf8(d));
    };
    return {
        p("executor_memory", "Spark executor memory, e.g. 8g."),
        p("executor_cores", "Spark cores per executor."),
        p("executor_instances", "Spark executors; default: parallelism."),
        p("driver_memory", "Spark driver memory, e.g. 4g."),
        p("driver_cores", "Spark driver cores."),
        p("taskmanager_memory", "Flink TaskManager process memory, e.g. 8g."),
        p("task_slots", "Flink slots per TaskManager."),
        p("checkpoint_interval", "Flink checkpoint interval, e.g. 60 s."),
        p("state_backend", "Flink state backend: rocksdb or hashmap."),
        p("checkpoint_dir", "Flink checkpoint directory."),
        p("savepoint_dir", "Flink savepoint directory."),
        p("s3_endpoint", "S3/MinIO endpoint URL."),
        p("kafka_bootstrap_servers", "Kafka bootstrap servers (host:port,…)."),
        p("namespace", "Kubernetes namespace; default: tenant_id."),
        p("container_image", "Container image of the job."),
        p("service_account", "Kubernetes service account."),
        p("spark_version", "Spark version: 3.5 or 4.x."),
        p("flink_version", "Flink version: 1.20 or 2.x."),
        p("bridge_topic", "Kafka bridge topic for WebSocket/webhook sources."),
    };
}

const SpecSchema &SpecSchema::instance()
{
    static const SpecSchema s;
    return s;
}

const ObjectDef *SpecSchema::object(QStringView name) const
{
    for (const ObjectDef &o : m_objects) {
        if (o.name == name)
            return &o;
    }
    return nullptr;
}

QStringList SpecSchema::allEndpointFields() const
{
    QStringList out;
    for (const ObjectDef &o : m_objects) {
        if (!o.name.startsWith(QLatin1String("endpoint.")))
            continue;
        for (const FieldDef &f : o.fields) {
            if (!out.contains(f.name))
                out.append(f.name);
        }
    }
    return out;
}

QStringList SpecSchema::providerTypesWithEndpointField(const QString &field) const
{
    QStringList out;
    for (const QString &t : providerTypes()) {
        if (const ObjectDef *o = object(endpointObject(t)); o && o->field(field))
            out.append(t);
    }
    return out;
}

SpecSchema::SpecSchema()
{
    FieldDef version = en("version", versions(), true, "Spec format version.");
    FieldDef parallelism = num("parallelism", K::Integer, 1, 10000, false,
                               "Parallelism (1..10000, default 1).");

    m_objects.append(ObjectDef{
        QStringLiteral("spec"), QStringLiteral("UIS document"),
        {version,
         fd("name", K::String, true,
            "Pipeline name, kebab-case; becomes the job name and metrics prefix.", F::KebabName),
         fd("description", K::String, false, "Free text."),
         fd("created_by", K::String, false, "Author."),
         obj("provider", K::Object, "provider", true, "Where the data comes from.")}});

    m_objects.append(ObjectDef{
        QStringLiteral("provider"), QStringLiteral("Provider"),
        {fd("name", K::String, true, "Provider name, snake_case.", F::Identifier),
         fd("display_name", K::String, false, "Human-readable name."),
         en("provider_type", providerTypes(), true, "Kind of source system."),
         fd("base_url", K::String, false,
            "Absolute URL; required for rest_api, websocket and file_ftp.", F::Url),
         fd("tenant_id", K::String, false, "Team; the Kubernetes namespace unless config.namespace."),
         fd("owner", K::String, false, "Owner's e-mail address.", F::Email),
         en("mode", modes(), true, "Execution mode; picks the engine unless `engine` names one."),
         en("engine", engines(), false,
            "spark or flink; without it the engine follows the mode."),
         parallelism,
         obj("schedule", K::Object, "schedule", false,
             "Exactly one of trigger_interval or cron."),
         fd("config", K::ScalarMap, false, "Engine tuning."),
         obj("endpoints", K::ObjectList, "endpoint", true, "The provider's feeds (at least one)."),
         obj("transforms", K::ObjectList, "transform", false, "Transforms, in order."),
         obj("sinks", K::ObjectList, "sink", true, "Where the data goes (at least one).")}});

    m_objects.append(ObjectDef{
        QStringLiteral("schedule"), QStringLiteral("Schedule"),
        {fd("trigger_interval", K::String, false, "`<n> seconds|minutes|hours`.", F::Interval),
         fd("cron", K::String, false, "5-field cron expression.", F::Cron)}});

    m_objects.append(ObjectDef{
        QStringLiteral("schema_field"), QStringLiteral("Schema field"),
        {fd("name", K::String, true, "Column name."),
         fd("type", K::String, true,
            "string, int, long, double, decimal(p,s), boolean, date, timestamp or json.",
            F::SchemaType),
         fd("nullable", K::Boolean, false, "Whether nulls are allowed (default true).")}});

    m_objects.append(ObjectDef{
        QStringLiteral("reconnect"), QStringLiteral("Reconnect policy"),
        {num("max_attempts", K::Integer, 0, std::nullopt, false, "Attempts before giving up."),
         num("initial_delay_ms", K::Integer, 0, std::nullopt, false, "First delay."),
         num("max_delay_ms", K::Integer, 0, std::nullopt, false, "Longest delay."),
         num("backoff_multiplier", K::Number, 1, std::nullopt, false, "Delay growth factor.")}});

    m_objects.append(endpointDef(
        QStringLiteral("rest_api"),
        {fd("path", K::String, true, "Path below base_url, starting with `/`.", F::AbsPath),
         en("method", L({"GET", "POST"}), false, "HTTP method (default GET)."),
         en("auth", L({"none", "api_key", "basic", "bearer", "oauth2"}), false, "Authentication."),
         fd("headers", K::TextMap, false, "Request headers."),
         fd("query_params", K::TextMap, false, "Query parameters."),
         fd("body", K::Any, false, "Request body (POST only)."),
         en("pagination", L({"none", "cursor", "offset", "page", "link_header"}), false,
            "Pagination style."),
         fd("response_path", K::String, false, "JSONPath of the records, e.g. `$.results`.",
            F::JsonPath)}));
    m_objects.append(endpointDef(
        QStringLiteral("file_ftp"),
        {fd("path", K::String, true, "File glob below base_url."),
         en("format", L({"csv", "json", "xml", "parquet"}), true, "File format."),
         fd("options", K::TextMap, false, "Reader options, e.g. header: \"true\".")}));
    m_objects.append(endpointDef(
        QStringLiteral("kafka"),
        {fd("topic", K::String, true, "Topic to read."),
         en("format", L({"json", "avro", "csv", "raw"}), false, "Message format (default json)."),
         en("starting_offsets", L({"earliest", "latest"}), false, "Where to start reading."),
         fd("group_id", K::String, false, "Consumer group id.")}));
    FieldDef heartbeat = num("heartbeat_interval_ms", K::Integer, 1, std::nullopt, false,
                             "Heartbeat interval in ms.");
    m_objects.append(endpointDef(
        QStringLiteral("websocket"),
        {fd("path", K::String, false, "Path below base_url."),
         fd("query_params", K::TextMap, false, "Query parameters."),
         fd("headers", K::TextMap, false, "Handshake headers."), heartbeat,
         obj("reconnect", K::Object, "reconnect", false, "Reconnect policy.")}));
    m_objects.append(endpointDef(
        QStringLiteral("webhook"),
        {fd("path", K::String, true, "Path the receiver listens on.", F::AbsPath),
         fd("secret_header", K::String, false, "Header carrying the shared secret.")}));
    FieldDef port = num("port", K::Integer, 1, 65535, false, "Database port.");
    m_objects.append(endpointDef(
        QStringLiteral("database"),
        {en("connector", L({"postgres-cdc", "mysql-cdc"}), true, "CDC connector."),
         fd("hostname", K::String, true, "Database host."), port,
         fd("database_name", K::String, true, "Database name."),
         fd("schema_name", K::String, false, "Schema name (postgres)."),
         fd("tables", K::StringList, true, "Tables to capture."),
         fd("username", K::String, true, "Database user."),
         fd("password", K::String, true, "Password; use a `{{secret.…}}` placeholder."),
         fd("slot_name", K::String, false, "Replication slot (postgres, required there)."),
         en("startup_mode", L({"initial", "latest-offset"}), false, "Snapshot first or not.")}));

    m_objects.append(transformDef(QStringLiteral("field_mapping"),
                                  {fd("mapping", K::TextMap, true, "Source field → new name.")}));
    m_objects.append(transformDef(
        QStringLiteral("sql"),
        {fd("query", K::String, true, "SQL over the inputs, referenced by name as tables.")}));
    m_objects.append(transformDef(QStringLiteral("filter"),
                                  {fd("condition", K::String, true, "SQL boolean expression.")}));
    m_objects.append(transformDef(
        QStringLiteral("schema_validation"),
        {obj("schema", K::ObjectList, "schema_field", true, "Expected columns."),
         en("on_invalid", L({"drop", "fail", "dead_letter"}), false,
            "What to do with invalid rows (default drop).")}));
    m_objects.append(transformDef(
        QStringLiteral("dedupe"),
        {fd("keys", K::StringList, true, "Columns that identify a repeat."),
         fd("within", K::String, false, "How long repeats are remembered.", F::Duration)}));
    m_objects.append(transformDef(
        QStringLiteral("watermark"),
        {fd("time_column", K::String, true, "Event-time column."),
         fd("max_out_of_orderness", K::String, true, "Allowed lateness.", F::Duration)}));
    m_objects.append(transformDef(
        QStringLiteral("window_aggregate"),
        {fd("time_column", K::String, true, "Event-time column."),
         fd("window", K::String, true, "Window size.", F::Duration),
         fd("slide", K::String, false, "Slide for hopping windows.", F::Duration),
         fd("watermark", K::String, false, "Allowed lateness.", F::Duration),
         fd("group_by", K::StringList, false, "Grouping columns."),
         fd("aggregates", K::TextMap, true, "Output column → expression, e.g. avg(duration).")}));

    FieldDef partitionBy = fd("partition_by", K::StringList, false, "Partition columns.");
    m_objects.append(sinkDef(QStringLiteral("parquet"), {partitionBy}));
    m_objects.append(sinkDef(
        QStringLiteral("iceberg"),
        {fd("table_name", K::String, true, "`namespace.table`.", F::TableName), partitionBy}));
    m_objects.append(sinkDef(QStringLiteral("clickhouse"),
                             {fd("table_name", K::String, true, "Target table.")}));
    m_objects.append(sinkDef(QStringLiteral("kafka"),
                             {fd("kafka_topic", K::String, true, "Topic to write."),
                              fd("kafka_key_field", K::String, false, "Field used as message key.")}));
    m_objects.append(sinkDef(QStringLiteral("rest_api"), {}));
    m_objects.append(sinkDef(QStringLiteral("console"), {}));
}

namespace {
int editDistance(const QString &a, const QString &b)
{
    std::vector<int> prev(size_t(b.size()) + 1), cur(size_t(b.size()) + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        prev[size_t(j)] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        cur[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int cost = a[i - 1].toLower() == b[j - 1].toLower() ? 0 : 1;
            cur[size_t(j)] = std::min({prev[size_t(j)] + 1, cur[size_t(j - 1)] + 1,
                                       prev[size_t(j - 1)] + cost});
        }
        std::swap(prev, cur);
    }
    return prev[size_t(b.size())];
}
} // namespace

QString closestMatch(const QString &word, const QStringList &candidates)
{
    // A shortened or lengthened word ("rest" → rest_api, "integer" → int) is a better hint
    // than whatever happens to be a few edits away.
    if (word.size() >= 3) {
        for (const QString &c : candidates) {
            if (c.size() >= 3 && (c.startsWith(word, Qt::CaseInsensitive) ||
                                  word.startsWith(c, Qt::CaseInsensitive)))
                return c;
        }
    }
    QString best;
    int bestD = 1 << 30;
    for (const QString &c : candidates) {
        const int d = editDistance(word, c);
        if (d < bestD) {
            bestD = d;
            best = c;
        }
    }
    // Allow about a third of the word to differ; "microbatch" → "micro_batch" is one edit.
    const int allowed = std::max<int>(2, int(word.size()) / 3);
    if (bestD > allowed)
        return QString();
    return best;
}

} // namespace uis
