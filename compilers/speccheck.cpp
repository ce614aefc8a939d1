// SPDX-License-Identifier: Apache-2.0
#include "speccheck.h"

#include "compilesupport.h"
#include "flink/flinkcompiler.h"
#include "spark/sparkcompiler.h"

#include <QSet>

namespace uis {

namespace {

// Compile diagnostics are located after the fact; two copies of one finding may differ only in
// whether they have a position yet.
QString identity(const Diagnostic &d)
{
    return QString::number(int(d.severity)) + QLatin1Char('\n') + d.code + QLatin1Char('\n') +
           d.pointer + QLatin1Char('\n') + d.message;
}

} // namespace

DiagnosticList SpecCheck::check(const LoadedSpec &loaded, Engine engine,
                                const CompileOptions &options, Severity least)
{
    if (!loaded.valid())
        return loaded.diagnostics;
    if (engine == Engine::None && engineFor(loaded.spec) == Engine::None)
        return loaded.diagnostics; // the validator reports the mode
    return combine(loaded, compileFindings(loaded, engine, options), least);
}

DiagnosticList SpecCheck::compileFindings(const LoadedSpec &loaded, Engine engine,
                                          const CompileOptions &options)
{
    if (engine == Engine::None)
        engine = engineFor(loaded.spec);
    if (engine == Engine::None)
        return {};
    // The engine's compiler builds every target of its engine; the DCP artifacts embed its job
    // and add no finding of their own, so they are not built here (validate stays fast).
    CompileOptions findingsOnly = options;
    findingsOnly.diagnosticsOnly = true;
    auto compile = [&](const LoadedSpec &l) {
        return engine == Engine::Flink ? FlinkCompiler::compile(l, findingsOnly).diagnostics
                                       : SparkCompiler::compile(l, findingsOnly).diagnostics;
    };
    if (engine != engineFor(loaded.spec)) {
        LoadedSpec named = loaded; // an explicit engine overrides `provider.engine`
        named.spec.provider.engine = engineName(engine);
        return compile(named);
    }
    return compile(loaded);
}

DiagnosticList SpecCheck::combine(const LoadedSpec &loaded,
                                  const DiagnosticList &compileDiagnostics, Severity least)
{
    DiagnosticList out = loaded.diagnostics;
    DiagnosticList extra;
    for (const Diagnostic &d : compileDiagnostics) {
        if (int(d.severity) <= int(least))
            extra.append(d);
    }
    CompileSupport::locate(extra, loaded);
    QSet<QString> seen;
    for (const Diagnostic &d : out)
        seen.insert(identity(d));
    for (const Diagnostic &d : extra) {
        if (!seen.contains(identity(d))) {
            seen.insert(identity(d));
            out.append(d);
        }
    }
    sortDiagnostics(out);
    return out;
}

} // namespace uis
