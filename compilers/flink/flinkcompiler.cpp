// SPDX-License-Identifier: Apache-2.0
#include "flinkcompiler.h"

#include "compilesupport.h"

namespace uis {

QStringList FlinkCompiler::targets()
{
    return {QStringLiteral("flink-job"), QStringLiteral("flink-sql"), QStringLiteral("flink-run")};
}

CompileResult FlinkCompiler::compile(const LoadedSpec &loaded, const CompileOptions &options)
{
    CompileResult result;
    if (!CompileSupport::accept(loaded, Engine::Flink, QStringLiteral("the Flink compiler"), result))
        return result;
    Q_UNUSED(options);
    return result;
}

QString FlinkCompiler::sql(const Spec &, const CompileOptions &, DiagnosticList *)
{
    return QString();
}

OrderedJson FlinkCompiler::flinkConfig(const Spec &, const CompileOptions &)
{
    return OrderedJson::object();
}

OrderedJson FlinkCompiler::jobConfig(const Spec &, const CompileOptions &, DiagnosticList *)
{
    return OrderedJson::object();
}

QStringList FlinkCompiler::runArgs(const Spec &, const CompileOptions &)
{
    return {QStringLiteral("flink"), QStringLiteral("run")};
}

QStringList FlinkCompiler::connectorJars(const Spec &, const CompileOptions &)
{
    return {};
}

QString FlinkCompiler::bridgeTopic(const Spec &spec, const QString &endpoint)
{
    const QString t = spec.configValue(QStringLiteral("bridge_topic"));
    return t.isEmpty() ? QStringLiteral("uis.%1.%2").arg(spec.name, endpoint) : t;
}

} // namespace uis
