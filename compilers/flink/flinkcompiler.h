// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "compileindex.h"
#include "compiler.h"
#include "jsonconvert.h"
#include "specloader.h"

#include <QStringList>

namespace uis {

/**
 * Compiles specs to Flink 1.20/2.x (docs/COMPILERS.md, "Flink"): `streaming`, `websocket`,
 * `webhook` and `micro_batch` as streaming jobs, `batch` as a batch job (files, Kafka up to its
 * offsets at the start). REST sources and delivery yield `UIS-E-ENGINE-CONNECTOR`.
 *
 * Artifacts: `flink-job` (job config JSON with `state_management` and `monitoring`, and the
 * SQL under `sql` for the Flink runner), `flink-sql` (a script for `sql-client.sh -f`) and
 * `flink-run` (the `flink run` argv). WebSocket and webhook sources reach Flink through a Kafka
 * bridge topic (`info` diagnostic); ClickHouse sinks use the community connector (`warning`).
 */
class FlinkCompiler
{
public:
    /// All three Flink artifacts.
    /// Also hands back the job config it built in `job` (when given), so the DCP compiler
    /// embeds it without building it again.
    static CompileResult compile(const LoadedSpec &spec, const CompileOptions &options = {},
                                 OrderedJson *job = nullptr);

    /// The targets this compiler produces, in output order.
    static QStringList targets();

    /// The Flink SQL script for a spec that validated; mapping diagnostics go to `diagnostics`.
    /// Takes a Spec or, within a compile, its CompileIndex.
    static QString sql(const CompileIndex &spec, const CompileOptions &options = {},
                       DiagnosticList *diagnostics = nullptr);
    /// The `flink_config` map (Flink 1.20/2.x configuration keys).
    static OrderedJson flinkConfig(const Spec &spec, const CompileOptions &options = {});
    /// The `flink-job` document. Takes a Spec or, within a compile, its CompileIndex.
    static OrderedJson jobConfig(const CompileIndex &spec, const CompileOptions &options = {},
                                 DiagnosticList *diagnostics = nullptr);
    /// The `flink run` argv, program name first.
    static QStringList runArgs(const Spec &spec, const CompileOptions &options = {});
    /// Maven coordinates of the connector jars the job needs.
    static QStringList connectorJars(const Spec &spec, const CompileOptions &options = {});
    /// The Kubernetes cluster id of the job's own cluster (`kubernetes-application`, and the
    /// FlinkDeployment's name): `uis-<name>`, at most 45 characters as Flink requires.
    static QString clusterId(const Spec &spec);
    /// The Kafka topic a WebSocket or webhook endpoint is bridged to (`uis.<name>.<endpoint>`
    /// unless `config.bridge_topic` overrides it).
    static QString bridgeTopic(const Spec &spec, const QString &endpoint);
};

} // namespace uis
