// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "compiler.h"
#include "jsonconvert.h"
#include "specloader.h"

#include <QStringList>

namespace uis {

/**
 * The Kubernetes operator manifests (docs/COMPILERS.md, "Kubernetes manifests"):
 * `flink-deployment` for Flink specs (FlinkDeploymentWriter) and `spark-application` for Spark
 * specs (SparkApplicationWriter). Both are made from the job config the engine's compiler
 * built, so they carry exactly what `flink-job`/`spark-job` say.
 */
class KubernetesCompiler
{
public:
    /// The manifest target of `engine`: flink-deployment or spark-application.
    static QStringList targets(Engine engine);
    /// Both targets.
    static QStringList allTargets();
    /// The engine a manifest target belongs to (Engine::None for other targets).
    static Engine engineForTarget(const QString &target);

    /// Appends the manifest of the spec's engine to `result`, made from `job`, the job config
    /// the engine's compiler built for the spec (its `compile(…, &job)`).
    static void addArtifacts(const Spec &spec, const CompileOptions &options,
                             const OrderedJson &job, CompileResult &result);
    /// Only `target`: compiles with the engine's compiler, then writes the manifest. A spec of
    /// the other engine yields `UIS-E-ENGINE` naming the target that fits it.
    /// `jobOut` takes the job config the manifest was made from (a caller about to end need
    /// not free it node by node).
    static CompileResult compileTarget(const LoadedSpec &spec, const QString &target,
                                       const CompileOptions &options = {},
                                       OrderedJson *jobOut = nullptr);
};

} // namespace uis
