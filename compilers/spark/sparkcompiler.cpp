// SPDX-License-Identifier: Apache-2.0
#include "sparkcompiler.h"

#include "compilesupport.h"

namespace uis {

QStringList SparkCompiler::targets()
{
    return {QStringLiteral("spark-job"), QStringLiteral("spark-submit"), QStringLiteral("spark-conf")};
}

CompileResult SparkCompiler::compile(const LoadedSpec &loaded, const CompileOptions &options)
{
    CompileResult result;
    if (!CompileSupport::accept(loaded, Engine::Spark, QStringLiteral("the Spark compiler"), result))
        return result;
    Q_UNUSED(options);
    return result;
}

OrderedJson SparkCompiler::jobConfig(const Spec &, const CompileOptions &, DiagnosticList *)
{
    return OrderedJson::object();
}

OrderedJson SparkCompiler::sessionConf(const Spec &, const CompileOptions &)
{
    return OrderedJson::object();
}

QStringList SparkCompiler::submitArgs(const Spec &, const CompileOptions &)
{
    return {QStringLiteral("spark-submit")};
}

QStringList SparkCompiler::packages(const Spec &, const CompileOptions &)
{
    return {};
}

QString SparkCompiler::sparkVersion(const Spec &spec, const CompileOptions &options)
{
    if (!options.sparkVersion.isEmpty())
        return options.sparkVersion;
    return spec.configValue(QStringLiteral("spark_version"), CompileSupport::defaultSparkVersion());
}

bool SparkCompiler::isKubernetes(const CompileOptions &options)
{
    return options.master.isEmpty() || options.master.startsWith(QLatin1String("k8s://"));
}

} // namespace uis
