// SPDX-License-Identifier: Apache-2.0
#include "argparser.h"
#include "clicontext.h"

#include "specloader.h"
#include "specwriter.h"

#include <QFile>
#include <QFileInfo>

namespace uis::cli {

namespace {

/// Reads and parses FILE for fmt/convert; prints problems and returns an exit code on failure.
std::optional<LoadedSpec> readForRewrite(const QString &cmd, const QString &file, CliContext &ctx, int *rc)
{
    if (!QFileInfo(file).isFile()) {
        ctx.err << "uisctl " << cmd << ": " << file << ": no such file\n";
        *rc = ExitUsage;
        return std::nullopt;
    }
    LoadedSpec loaded = SpecLoader::loadFile(file);
    if (!loaded.parsed()) {
        for (const Diagnostic &d : loaded.diagnostics)
            ctx.err << formatDiagnostic(file, d) << '\n';
        ctx.err << "uisctl " << cmd << ": " << file << " does not parse; nothing was changed\n";
        *rc = ExitErrors;
        return std::nullopt;
    }
    return loaded;
}

} // namespace

int runFmt(const QStringList &args, CliContext &ctx)
{
    static const char *const help =
        "usage: uisctl fmt FILE [--write]\n\n"
        "Prints the spec with keys in canonical order and a uniform layout (same format as the\n"
        "input). --write replaces the file atomically. Comments are not kept.\n";
    ArgParser p({}, {QStringLiteral("write"), QStringLiteral("help")});
    if (const QString e = p.parse(args); !e.isEmpty() || p.positional().size() != 1) {
        if (p.isSet(QStringLiteral("help"))) {
            ctx.out << help;
            return ExitOk;
        }
        ctx.err << "uisctl fmt: " << (e.isEmpty() ? QStringLiteral("give exactly one FILE") : e) << "\n" << help;
        return ExitUsage;
    }
    const QString file = p.positional().first();
    int rc = ExitOk;
    const auto loaded = readForRewrite(QStringLiteral("fmt"), file, ctx, &rc);
    if (!loaded)
        return rc;
    const SourceNode normalized = SpecWriter::normalize(*loaded->tree);
    const QByteArray text = loaded->format == SpecFormat::Json ? SpecWriter::toJson(normalized)
                                                               : SpecWriter::toYaml(normalized);
    if (p.isSet(QStringLiteral("write"))) {
        if (const QString e = writeFileAtomically(file, text); !e.isEmpty()) {
            ctx.err << "uisctl fmt: " << e << '\n';
            return ExitUsage;
        }
        return ExitOk;
    }
    ctx.out << QString::fromUtf8(text);
    return ExitOk;
}

int runConvert(const QStringList &args, CliContext &ctx)
{
    static const char *const help =
        "usage: uisctl convert FILE --to yaml|json [--out FILE]\n\n"
        "Converts a spec between YAML and JSON (same model, canonical key order).\n";
    ArgParser p({QStringLiteral("to"), QStringLiteral("out")}, {QStringLiteral("help")});
    const QString e = p.parse(args);
    if (p.isSet(QStringLiteral("help"))) {
        ctx.out << help;
        return ExitOk;
    }
    const QString to = p.value(QStringLiteral("to"));
    if (!e.isEmpty() || p.positional().size() != 1 || (to != QLatin1String("yaml") && to != QLatin1String("json"))) {
        ctx.err << "uisctl convert: "
                << (!e.isEmpty() ? e : p.positional().size() != 1 ? QStringLiteral("give exactly one FILE")
                                                                   : QStringLiteral("--to must be yaml or json"))
                << "\n" << help;
        return ExitUsage;
    }
    int rc = ExitOk;
    const auto loaded = readForRewrite(QStringLiteral("convert"), p.positional().first(), ctx, &rc);
    if (!loaded)
        return rc;
    const SourceNode normalized = SpecWriter::normalize(*loaded->tree);
    const QByteArray text = to == QLatin1String("json") ? SpecWriter::toJson(normalized) : SpecWriter::toYaml(normalized);
    if (p.isSet(QStringLiteral("out"))) {
        if (const QString err = writeFileAtomically(p.value(QStringLiteral("out")), text); !err.isEmpty()) {
            ctx.err << "uisctl convert: " << err << '\n';
            return ExitUsage;
        }
        return ExitOk;
    }
    ctx.out << QString::fromUtf8(text);
    return ExitOk;
}

} // namespace uis::cli
