// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sourcenode.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace uis {

/// An ordered string → string map (headers, query params, mappings, reader options, aggregates).
/// Order is the document's, so compiled output follows the spec.
using StringMap = QList<QPair<QString, QString>>;

/// Returns the value for `key`, or `fallback`.
QString mapValue(const StringMap &map, const QString &key, const QString &fallback = {});
bool mapContains(const StringMap &map, const QString &key);

/// One column of a declared schema.
struct SchemaField
{
    QString name;
    QString type; ///< string, int, long, double, decimal(p,s), boolean, date, timestamp, json
    bool nullable = true;
    bool operator==(const SchemaField &o) const = default;
};

struct Schedule
{
    QString triggerInterval; ///< "<n> seconds|minutes|hours", or empty
    QString cron;            ///< 5-field cron, or empty
    bool isEmpty() const { return triggerInterval.isEmpty() && cron.isEmpty(); }
    bool operator==(const Schedule &o) const = default;
};

/// WebSocket reconnect policy.
struct ReconnectConfig
{
    std::optional<qint64> maxAttempts;
    std::optional<qint64> initialDelayMs;
    std::optional<qint64> maxDelayMs;
    std::optional<double> backoffMultiplier;
    bool isEmpty() const
    {
        return !maxAttempts && !initialDelayMs && !maxDelayMs && !backoffMultiplier;
    }
    bool operator==(const ReconnectConfig &o) const = default;
};

/**
 * One feed of the provider. Holds the fields of every provider type; which apply depends on
 * `Provider::providerType` (the validator reports fields that do not fit). Empty strings and
 * lists mean "not set".
 */
struct Endpoint
{
    // common
    QString name;
    StringMap fieldMapping;
    QList<SchemaField> schema;
    bool hasSchema = false; ///< distinguishes `schema: []` from no schema
    std::optional<double> rateLimitPerSecond;

    // rest_api, websocket, webhook, file_ftp (glob)
    QString path;
    // rest_api
    QString method;
    QString auth;
    StringMap headers; ///< also websocket
    StringMap queryParams; ///< also websocket
    SourceNode body;   ///< POST body (any JSON value); Null when absent
    QString pagination;
    QString responsePath;
    // file_ftp and kafka
    QString format;
    StringMap options;
    // kafka
    QString topic;
    QString startingOffsets;
    QString groupId;
    // websocket
    std::optional<qint64> heartbeatIntervalMs;
    ReconnectConfig reconnect;
    // webhook
    QString secretHeader;
    // database (CDC)
    QString connector;
    QString hostname;
    std::optional<qint64> port;
    QString databaseName;
    QString schemaName;
    QStringList tables;
    QString username;
    QString password;
    QString slotName;
    QString startupMode;

    bool operator==(const Endpoint &o) const = default;
};

/// One transform node. Fields that do not apply to `type` stay empty.
struct Transform
{
    QString name;
    QString type; ///< field_mapping, sql, filter, schema_validation, dedupe, watermark, window_aggregate
    QStringList inputs; ///< as written; empty = the default (see UIS-SPEC.md)
    StringMap mapping;          // field_mapping
    QString query;              // sql
    QString condition;          // filter
    QList<SchemaField> schema;  // schema_validation
    QString onInvalid;          // schema_validation: drop, fail, dead_letter
    QStringList keys;           // dedupe
    QString within;             // dedupe
    QString timeColumn;         // watermark, window_aggregate
    QString maxOutOfOrderness;  // watermark
    QString window;             // window_aggregate
    QString slide;              // window_aggregate (hopping)
    QString watermark;          // window_aggregate
    QStringList groupBy;        // window_aggregate
    StringMap aggregates;       // window_aggregate: output → expression

    bool operator==(const Transform &o) const = default;
};

/// One sink node.
struct Sink
{
    QString name;       ///< as written; may be empty (see effectiveName())
    QString type;       ///< parquet, iceberg, clickhouse, kafka, rest_api, console
    QStringList inputs; ///< as written; empty = the default
    QString tableName;  // iceberg, clickhouse
    QStringList partitionBy;
    QString kafkaTopic;
    QString kafkaKeyField;
    SourceNode config; ///< free-form map (may nest: headers, retry); Map or Null

    bool operator==(const Sink &o) const = default;
};

struct Provider
{
    QString name;
    QString displayName;
    QString providerType; ///< rest_api, file_ftp, kafka, websocket, webhook, database
    QString baseUrl;
    QString tenantId;
    QString owner;
    QString mode; ///< batch, micro_batch, streaming, websocket, webhook
    QString engine; ///< spark, flink, or empty (the engine follows the mode)
    std::optional<qint64> parallelism;
    Schedule schedule;
    SourceNode config; ///< map string → scalar, typed as written; Map or Null
    QList<Endpoint> endpoints;
    QList<Transform> transforms;
    QList<Sink> sinks;

    bool operator==(const Provider &o) const = default;
};

/// A whole UIS document as plain values.
struct Spec
{
    QString version;
    QString name;
    QString description;
    QString createdBy;
    Provider provider;

    bool operator==(const Spec &o) const = default;

    /// `parallelism`, defaulting to 1.
    qint64 effectiveParallelism() const { return provider.parallelism.value_or(1); }
    /// A provider config value as text, or `fallback`.
    QString configValue(const QString &key, const QString &fallback = {}) const;
    /// The sink's name, or `<type>_<n>` (1-based among sinks) when none was written.
    QString sinkName(int index) const;
    /// The names a node reads from after defaults are applied (UIS-SPEC.md "inputs").
    QStringList effectiveTransformInputs(int index) const;
    QStringList effectiveSinkInputs(int index) const;
};

/// Which engine a mode compiles with.
enum class Engine { None, Spark, Flink };
/// The engine a mode compiles with when `provider.engine` names none. Use engineFor().
Engine engineForMode(const QString &mode);
/// The one rule for a spec's engine: `provider.engine` when it names one, else the mode's.
Engine engineFor(const Spec &spec);
/// `spark` → Spark, `flink` → Flink, anything else → None.
Engine engineFromName(const QString &name);
QString engineName(Engine e);
/// The engine that has the source connector of `providerType` when only one has it
/// (rest_api → Spark; websocket, webhook, database → Flink), else None.
Engine sourceConnectorEngine(const QString &providerType);

} // namespace uis
