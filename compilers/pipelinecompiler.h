// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "compiler.h"
#include "specloader.h"

#include <QStringList>

namespace uis {

/**
 * The one entry point the GUI, the CLI and the server use: every artifact of one engine,
 * the DCP artifacts included, in the order targets() lists them.
 */
class PipelineCompiler
{
public:
    /// Compiles with `engine`'s compiler and the DCP compiler. `Engine::None` picks the spec's
    /// engine (engineFor()); another engine overrides `provider.engine`: either engine compiles
    /// any spec whose connectors it has. Diagnostics are de-duplicated and sorted.
    static CompileResult compile(const LoadedSpec &spec, Engine engine,
                                 const CompileOptions &options = {});
    /// Every target of `engine`: Spark → spark-job, spark-submit, spark-conf, dcp-request,
    /// dcp-manifest, spark-application; Flink → flink-job, flink-sql, flink-run, dcp-request,
    /// flink-deployment.
    static QStringList targets(Engine engine);
    /// Every target name the CLI accepts.
    static QStringList allTargets();
    /// The engine whose compiler produces `target` (the Kubernetes manifests belong to one
    /// engine each; DCP targets: Engine::None).
    static Engine engineForTarget(const QString &target);
};

} // namespace uis
