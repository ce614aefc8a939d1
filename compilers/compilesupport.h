// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "compiler.h"
#include "sourcenode.h"
#include "spec.h"
#include "specloader.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace uis {

/**
 * Helpers shared by the compilers: the entry checks (valid spec, right engine), durations,
 * diagnostics with positions and the pinned engine and connector versions
 * (scripts/engines/versions.env).
 */
class CompileSupport
{
public:
    /**
     * Checks that `loaded` may be compiled by the compiler of `engine` (named `compilerName`):
     * a valid spec whose sources and sinks `engine` has connectors for, in any mode (Kafka,
     * files and Iceberg run on both engines, batch or streaming). On failure fills
     * `result.diagnostics` (the validation diagnostics, `UIS-E-ENGINE` for a mode without an
     * engine or a spec whose `provider.engine` names the other engine, or
     * `UIS-E-ENGINE-CONNECTOR` naming the connector and the engine that has it) and returns
     * false.
     */
    static bool accept(const LoadedSpec &loaded, Engine engine, const QString &compilerName,
                       CompileResult &result);
    /// `UIS-E-ENGINE-CONNECTOR` errors for the sources and sinks `engine` has no connector for
    /// (REST sources and delivery on Flink; WebSocket, webhook and CDC on Spark; XML on Flink).
    static DiagnosticList connectorDiagnostics(const Spec &spec, Engine engine);
    /// Whether `engine` runs `spec` as a streaming job: Flink for every mode but `batch`,
    /// Spark for `streaming`, `websocket` and `webhook` (micro_batch is Spark's triggered
    /// batches).
    static bool streamingOn(const Spec &spec, Engine engine);
    /// Fills in line and column of diagnostics that have a pointer but no position.
    static void locate(DiagnosticList &diagnostics, const LoadedSpec &loaded);
    /// A diagnostic without a position (locate() adds it).
    static Diagnostic make(Severity severity, const QString &code, const QString &message,
                           const QString &pointer = {});
    /// Appends `d` to `list` (when given) unless an identical one is already there.
    static void add(DiagnosticList *list, const Diagnostic &d);

    /// `<number> <unit>` (UIS durations) in milliseconds; nullopt when not a duration.
    static std::optional<qint64> durationMs(const QString &duration);
    /// A duration in Flink's configuration syntax, largest exact unit: `30s`, `5min`, `500ms`.
    static QString flinkDuration(qint64 ms);
    /// A duration as a Spark interval string: `5 minutes`, `30 seconds`, `1500 milliseconds`.
    static QString sparkInterval(qint64 ms);

    /// `s3://…` → `s3a://…` (open-source Spark and Hadoop read S3 through S3A). Other values
    /// are returned unchanged; `rewritten` tells whether it changed.
    static QString toS3a(const QString &url, bool *rewritten = nullptr);
    /// The same, adding an info diagnostic at `pointer` when rewritten: `message` with `%1`
    /// (the URL) and `%2` (the S3A URL).
    static QString toS3a(const QString &url, const QString &pointer, const QString &message,
                         DiagnosticList *diagnostics);
    /// Joins a base URL and a path with exactly one slash; a path with a scheme is kept as is.
    static QString joinUrl(const QString &base, const QString &path);
    /// The provider config entries whose key contains a dot (engine conf passed through).
    static QList<const SourceNode *> dottedConfig(const Spec &spec);
    /// A scalar node's value as text; booleans as `true`/`false`.
    static QString scalarText(const SourceNode &node);
    /// The text of `config.<key>` of a sink, or "".
    static QString sinkConfig(const Sink &sink, const QString &key);
    /// The node of `config.<key>` of a sink, or nullptr.
    static const SourceNode *sinkConfigNode(const Sink &sink, const QString &key);
    /// A list-valued setting that may be written as a YAML list or a comma-separated string.
    static QStringList listSetting(const SourceNode *node);
    /// The Kubernetes namespace: `config.namespace`, else `tenant_id`, else "default".
    static QString kubernetesNamespace(const Spec &spec);
    /// The job runner and its arguments: `options.runnerPath` (else `defaultRunner`),
    /// `--job-config`, `options.jobConfigPath` (else `/opt/uis/jobs/<name>.json`).
    static QStringList runnerArgs(const Spec &spec, const CompileOptions &options,
                                  const QString &defaultRunner);
    /// The artifact file name, `<name>.<target>.<ext>`.
    static QString fileName(const Spec &spec, const QString &target, const QString &extension);

    /// Whether endpoint `e` is read as JSON records whose fields the spec names (Kafka with
    /// format json, WebSocket, webhook) and has no `schema`: its columns are then derived.
    static bool derivesColumns(const Spec &spec, const Endpoint &e);
    /// The columns a JSON endpoint without a schema is read with (UIS-SPEC.md / COMPILERS.md):
    /// its `field_mapping` sources, the time columns of watermarks and windows downstream
    /// (`timestamp`, parsed from ISO-8601 or epoch milliseconds), the columns the transforms and
    /// sinks downstream name (dedupe keys, group_by, aggregate arguments (`double` inside
    /// sum/avg), filter and sql identifiers, schema_validation fields, partition_by, key
    /// fields), each under its raw name (before the field_mapping). Empty when the endpoint
    /// does not derive columns or the spec names none. Both engines read these same fields.
    static QList<SchemaField> derivedColumns(const Spec &spec, int endpoint);

    // Pinned versions (scripts/engines/versions.env).
    static QString defaultSparkVersion();                           ///< "3.5"
    static QString sparkPatchVersion(const QString &version);       ///< "3.5" → "3.5.7"
    static QString scalaBinaryVersion(const QString &sparkVersion); ///< 2.12 for 3.5, 2.13 for 4.x
    static QString icebergVersionForSpark(const QString &sparkVersion);
    static QString hadoopAwsVersion(const QString &sparkVersion);
    static QString clickHouseJdbcVersion();
    static QString defaultFlinkVersion(); ///< "1.20"
    static QString flinkKafkaConnectorVersion(const QString &flinkVersion);
    static QString icebergVersionForFlink(const QString &flinkVersion);
    static QString flinkCdcVersion();
};

} // namespace uis
