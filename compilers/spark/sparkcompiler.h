// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "compileindex.h"
#include "compiler.h"
#include "jsonconvert.h"
#include "specloader.h"

#include <QStringList>

namespace uis {

/**
 * Compiles specs to Spark (docs/COMPILERS.md, "Spark"): `batch` and `micro_batch` as batch or
 * triggered jobs, `streaming` (Kafka, files) as a Structured Streaming query.
 *
 * Artifacts: `spark-job` (the job config JSON the Spark runner executes), `spark-submit` (the
 * argv as a JSON array; ShellQuote::join() gives one command line) and `spark-conf` (the
 * SparkSession conf map). Pure: no I/O, deterministic output, placeholders kept verbatim.
 *
 * A spec with errors yields its validation diagnostics and no artifacts; a WebSocket, webhook
 * or CDC source yields `UIS-E-ENGINE-CONNECTOR` (Flink has those connectors).
 */
class SparkCompiler
{
public:
    /// All three Spark artifacts.
    /// Also hands back the job config it built in `job` (when given), so the DCP compiler
    /// embeds it without building it again.
    static CompileResult compile(const LoadedSpec &spec, const CompileOptions &options = {},
                                 OrderedJson *job = nullptr);

    /// The targets this compiler produces, in output order.
    static QStringList targets();

    /// The `spark-job` document for a spec that validated. Diagnostics the mapping produces
    /// (e.g. `s3://` rewritten to `s3a://`) are appended to `diagnostics` when given.
    /// Takes a Spec or, within a compile, its CompileIndex.
    static OrderedJson jobConfig(const CompileIndex &spec, const CompileOptions &options = {},
                                 DiagnosticList *diagnostics = nullptr);
    /// The SparkSession conf (`spark_config` of the job config), keys in a stable order.
    static OrderedJson sessionConf(const Spec &spec, const CompileOptions &options = {});
    /// The same conf with the packages already known.
    static OrderedJson sessionConfWith(const Spec &spec, const CompileOptions &options,
                                       const QStringList &packages);
    /// The `spark-submit` argv, program name first.
    static QStringList submitArgs(const Spec &spec, const CompileOptions &options = {});
    /// The same argv with `--packages` already known (saves building the job config again).
    static QStringList submitArgsWith(const Spec &spec, const CompileOptions &options,
                                      const QStringList &packages);
    /// Maven coordinates for `--packages`, chosen for the Spark version.
    static QStringList packages(const Spec &spec, const CompileOptions &options = {});

    /// The Spark version used: the option, else `config.spark_version`, else `3.5`.
    static QString sparkVersion(const Spec &spec, const CompileOptions &options = {});
    /// True for `3.5`, `4.x` and their patch versions (and for "", the default).
    static bool isSupportedVersion(const QString &version);
    /// True when `options.master` is empty or a `k8s://` URL.
    static bool isKubernetes(const CompileOptions &options);

    /// The job runner and its `--job-config` argument: the Kubernetes runner
    /// (`local:///opt/uis/runners/spark/uis_spark_runner.py`) when isKubernetes(), else the local
    /// one; `options.runnerPath` and `options.jobConfigPath` override.
    static QStringList runnerArgs(const Spec &spec, const CompileOptions &options);
    /// The image of the driver and executor pods: `config.container_image`, else
    /// `apache/spark:<version>-python3`.
    static QString containerImage(const Spec &spec, const CompileOptions &options);
    /// The pods' service account: `config.service_account`, else `spark`.
    static QString serviceAccount(const Spec &spec);
    /// Where Ivy resolves `--packages` in a driver pod, whose $HOME is not writable.
    static QString podIvyDirectory();
    /// The pipeline's event-time column: a watermark transform's `time_column`, else a
    /// window's, when an endpoint declares it `type: timestamp`; else "". Dedupe keeps the
    /// first row by it (as Flink orders its deduplication by the source's rowtime).
    static QString eventTimeColumn(const Spec &spec);
};

} // namespace uis
