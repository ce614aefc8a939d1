// SPDX-License-Identifier: Apache-2.0
#include "pipelinecompiler.h"

#include "compilesupport.h"
#include "dcp/dcpcompiler.h"
#include "flink/flinkcompiler.h"
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
    CompileResult result = engine == Engine::Flink ? FlinkCompiler::compile(loaded, options)
                                                   : SparkCompiler::compile(loaded, options);
    if (!result.succeeded())
        return result;
    const CompileResult dcp = DcpCompiler::compile(loaded, options);
    result.artifacts.append(dcp.artifacts);
    for (const Diagnostic &d : dcp.diagnostics)
        CompileSupport::add(&result.diagnostics, d);
    sortDiagnostics(result.diagnostics);
    return result;
}

QStringList PipelineCompiler::targets(Engine engine)
{
    if (engine == Engine::Flink)
        return FlinkCompiler::targets() + DcpCompiler::targets(Engine::Flink);
    if (engine == Engine::Spark)
        return SparkCompiler::targets() + DcpCompiler::targets(Engine::Spark);
    return {};
}

QStringList PipelineCompiler::allTargets()
{
    return SparkCompiler::targets() + FlinkCompiler::targets() +
           DcpCompiler::targets(Engine::Spark);
}

Engine PipelineCompiler::engineForTarget(const QString &target)
{
    if (SparkCompiler::targets().contains(target))
        return Engine::Spark;
    if (FlinkCompiler::targets().contains(target))
        return Engine::Flink;
    return Engine::None;
}

} // namespace uis
