// SPDX-License-Identifier: Apache-2.0
#include "pipelinecompiler.h"

#include "compilesupport.h"
#include "dcp/dcpcompiler.h"
#include "flink/flinkcompiler.h"
#include "k8s/kubernetescompiler.h"
#include "spark/sparkcompiler.h"

namespace uis {

CompileResult PipelineCompiler::compile(const LoadedSpec &loaded, Engine engine,
                                        const CompileOptions &options)
{
    if (engine == Engine::None)
        engine = engineFor(loaded.spec);
    if (engine != Engine::None && engine != engineFor(loaded.spec)) {
        // An explicit engine (`uisctl compile --engine`) overrides `provider.engine`: every
        // compiler, the DCP one included, asks engineFor().
        LoadedSpec named = loaded;
        named.spec.provider.engine = engineName(engine);
        return compile(named, engine, options);
    }
    OrderedJson job;
    CompileResult result = engine == Engine::Flink ? FlinkCompiler::compile(loaded, options, &job)
                                                   : SparkCompiler::compile(loaded, options, &job);
    if (!result.succeeded())
        return result;
    // The manifests are made from the engine's job config; they come last (targets()).
    CompileResult k8s;
    KubernetesCompiler::addArtifacts(loaded.spec, options, job, k8s);
    const CompileResult dcp = DcpCompiler::compile(loaded, options);
    result.artifacts.append(dcp.artifacts);
    result.artifacts.append(k8s.artifacts);
    CompileSupport::locate(k8s.diagnostics, loaded);
    for (const Diagnostic &d : k8s.diagnostics)
        CompileSupport::add(&result.diagnostics, d);
    for (const Diagnostic &d : dcp.diagnostics)
        CompileSupport::add(&result.diagnostics, d);
    sortDiagnostics(result.diagnostics);
    return result;
}

QStringList PipelineCompiler::targets(Engine engine)
{
    if (engine == Engine::Flink)
        return FlinkCompiler::targets() + DcpCompiler::targets(Engine::Flink) +
               KubernetesCompiler::targets(Engine::Flink);
    if (engine == Engine::Spark)
        return SparkCompiler::targets() + DcpCompiler::targets(Engine::Spark) +
               KubernetesCompiler::targets(Engine::Spark);
    return {};
}

QStringList PipelineCompiler::allTargets()
{
    return SparkCompiler::targets() + FlinkCompiler::targets() +
           DcpCompiler::targets(Engine::Spark) + KubernetesCompiler::allTargets();
}

Engine PipelineCompiler::engineForTarget(const QString &target)
{
    if (SparkCompiler::targets().contains(target))
        return Engine::Spark;
    if (FlinkCompiler::targets().contains(target))
        return Engine::Flink;
    return KubernetesCompiler::engineForTarget(target);
}

} // namespace uis
