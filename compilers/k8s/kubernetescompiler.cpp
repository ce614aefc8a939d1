// SPDX-License-Identifier: Apache-2.0
#include "kubernetescompiler.h"

#include "compilesupport.h"
#include "flink/flinkcompiler.h"
#include "flinkdeploymentwriter.h"
#include "spark/sparkcompiler.h"
#include "sparkapplicationwriter.h"

namespace uis {

namespace {

using CS = CompileSupport;

const char *const kFlinkTarget = "flink-deployment";
const char *const kSparkTarget = "spark-application";

} // namespace

QStringList KubernetesCompiler::targets(Engine engine)
{
    if (engine == Engine::Flink)
        return {QString::fromLatin1(kFlinkTarget)};
    if (engine == Engine::Spark)
        return {QString::fromLatin1(kSparkTarget)};
    return {};
}

QStringList KubernetesCompiler::allTargets()
{
    return targets(Engine::Spark) + targets(Engine::Flink);
}

Engine KubernetesCompiler::engineForTarget(const QString &target)
{
    if (target == QLatin1String(kFlinkTarget))
        return Engine::Flink;
    if (target == QLatin1String(kSparkTarget))
        return Engine::Spark;
    return Engine::None;
}

void KubernetesCompiler::addArtifacts(const Spec &spec, const CompileOptions &options,
                                      const OrderedJson &job, CompileResult &result)
{
    const Engine engine = engineFor(spec);
    if (engine == Engine::None)
        return;
    const QString target = targets(engine).first();
    const QByteArray yaml =
        engine == Engine::Flink
            ? FlinkDeploymentWriter::write(spec, job, &result.diagnostics)
            : SparkApplicationWriter::write(spec, options, job, &result.diagnostics);
    result.artifacts.append(Artifact{target, CS::fileName(spec, target, QStringLiteral("yaml")),
                                     QStringLiteral("yaml"), yaml});
}

CompileResult KubernetesCompiler::compileTarget(const LoadedSpec &loaded, const QString &target,
                                                const CompileOptions &options, OrderedJson *jobOut)
{
    const Engine wanted = engineForTarget(target);
    const Engine engine = engineFor(loaded.spec);
    if (loaded.valid() && wanted != Engine::None && engine != Engine::None && engine != wanted) {
        CompileResult result;
        result.diagnostics.append(CS::make(
            Severity::Error, QStringLiteral("UIS-E-ENGINE"),
            QStringLiteral("target %1 is a manifest for %2 jobs, but mode `%3` runs on %4: use "
                           "--target %5")
                .arg(target, engineName(wanted), loaded.spec.provider.mode, engineName(engine),
                     targets(engine).first()),
            QStringLiteral("/provider/mode")));
        CS::locate(result.diagnostics, loaded);
        return result;
    }
    OrderedJson job;
    CompileOptions jobOnly = options; // the manifests embed the job, not the engine's artifacts
    jobOnly.diagnosticsOnly = true;
    CompileResult result = wanted == Engine::Flink ? FlinkCompiler::compile(loaded, jobOnly, &job)
                                                   : SparkCompiler::compile(loaded, jobOnly, &job);
    if (!result.succeeded())
        return result;
    addArtifacts(loaded.spec, options, job, result);
    CS::locate(result.diagnostics, loaded);
    sortDiagnostics(result.diagnostics);
    if (jobOut)
        *jobOut = std::move(job);
    return result;
}

} // namespace uis
