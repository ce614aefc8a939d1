// SPDX-License-Identifier: Apache-2.0
#include "argparser.h"
#include "clicontext.h"
#include "sarifreport.h"

#include "jsonconvert.h"
#include "speccheck.h"
#include "specloader.h"

#include <QFileInfo>

namespace uis::cli {

namespace {

const char *const kHelp =
    "usage: uisctl validate FILE... [--format text|json|sarif]\n\n"
    "Checks each spec against UIS 1.1 and prints every problem found, including every error\n"
    "that compiling it for its engine would report (a spec that validates clean compiles).\n"
    "  --format text  file:line:col: severity: message [code]  (default)\n"
    "  --format json  {\"file\", \"valid\", \"diagnostics\": [...]} per file; an array for "
    "several\n"
    "  --format sarif one SARIF 2.1.0 log for all files (GitHub code scanning, CI viewers)\n"
    "Exit: 0 no errors (warnings allowed), 1 errors, 2 usage or I/O error.\n";

OrderedJson diagnosticJson(const Diagnostic &d)
{
    return OrderedJson{{"severity", toStd(severityName(d.severity))},
                       {"code", toStd(d.code)},
                       {"message", toStd(d.message)},
                       {"pointer", toStd(d.pointer)},
                       {"line", d.line},
                       {"column", d.column}};
}

} // namespace

int runValidate(const QStringList &args, CliContext &ctx)
{
    ArgParser p({QStringLiteral("format")}, {QStringLiteral("help")});
    if (const auto exit = p.parseCommand(args, ctx, "validate", QString::fromUtf8(kHelp)))
        return *exit;
    const QString format = p.value(QStringLiteral("format"), QStringLiteral("text"));
    if (format != QLatin1String("text") && format != QLatin1String("json") &&
        format != QLatin1String("sarif")) {
        ctx.err << "uisctl validate: --format must be text, json or sarif\n";
        return ExitUsage;
    }
    if (p.positional().isEmpty()) {
        ctx.err << "uisctl validate: no file given\n" << kHelp;
        return ExitUsage;
    }

    bool anyErrors = false;
    bool ioError = false;
    int errors = 0, warnings = 0;
    OrderedJson results = OrderedJson::array();
    SarifReport sarif(QStringLiteral(UIS_VERSION));
    for (const QString &file : p.positional()) {
        if (!QFileInfo(file).isFile()) {
            ctx.err << "uisctl validate: " << file << ": no such file\n";
            ioError = true;
            continue;
        }
        // Kept until uisctl ends: freeing it node by node is needless work (keepUntilExit()).
        const LoadedSpec &loaded = keepUntilExit(SpecLoader::loadFile(file));
        // The validator, and the compiler of the spec's engine when the spec is otherwise valid.
        const DiagnosticList diagnostics = SpecCheck::check(loaded);
        for (const Diagnostic &d : diagnostics) {
            if (d.code == QLatin1String("UIS-E-IO"))
                ioError = true;
        }
        anyErrors = anyErrors || hasErrors(diagnostics);
        errors += countSeverity(diagnostics, Severity::Error);
        warnings += countSeverity(diagnostics, Severity::Warning);
        if (format == QLatin1String("text")) {
            for (const Diagnostic &d : diagnostics)
                ctx.out << formatDiagnostic(file, d) << '\n';
        } else if (format == QLatin1String("sarif")) {
            sarif.addFile(file, diagnostics);
        } else {
            OrderedJson diags = OrderedJson::array();
            for (const Diagnostic &d : diagnostics)
                diags.push_back(diagnosticJson(d));
            results.push_back(OrderedJson{
                {"file", toStd(file)}, {"valid", !hasErrors(diagnostics)}, {"diagnostics", diags}});
        }
    }
    if (format == QLatin1String("json")) {
        const OrderedJson &doc =
            p.positional().size() == 1 && results.size() == 1 ? results[0] : results;
        ctx.out << QString::fromUtf8(dumpJson(doc));
    } else if (format == QLatin1String("sarif")) {
        ctx.out << QString::fromUtf8(dumpJson(sarif.toJson()));
    } else {
        ctx.err << QStringLiteral("%1 file(s): %2 error(s), %3 warning(s)\n")
                       .arg(p.positional().size())
                       .arg(errors)
                       .arg(warnings);
    }
    if (ioError)
        return ExitUsage;
    return anyErrors ? ExitErrors : ExitOk;
}

} // namespace uis::cli
