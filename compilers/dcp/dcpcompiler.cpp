// SPDX-License-Identifier: Apache-2.0
#include "dcpcompiler.h"

#include "compilesupport.h"

namespace uis {

QStringList DcpCompiler::targets(Engine engine)
{
    if (engine == Engine::Flink)
        return {QStringLiteral("dcp-request")};
    return {QStringLiteral("dcp-request"), QStringLiteral("dcp-manifest")};
}

CompileResult DcpCompiler::compile(const LoadedSpec &loaded, const CompileOptions &options)
{
    CompileResult result;
    if (!CompileSupport::accept(loaded, Engine::None, QStringLiteral("the DCP compiler"), result))
        return result;
    Q_UNUSED(options);
    return result;
}

OrderedJson DcpCompiler::request(const Spec &, const CompileOptions &, DiagnosticList *)
{
    return OrderedJson::object();
}

QByteArray DcpCompiler::manifest(const Spec &, const CompileOptions &)
{
    return QByteArray();
}

} // namespace uis
