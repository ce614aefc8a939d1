// SPDX-License-Identifier: Apache-2.0
#include "argparser.h"
#include "clicontext.h"

#include "sourcepatcher.h"
#include "specloader.h"
#include "specwriter.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace uis::cli {

namespace {

/// Reads and parses FILE for fmt/convert; prints problems and returns an exit code on failure.
std::optional<LoadedSpec> readForRewrite(const QString &cmd, const QString &file, CliContext &ctx,
                                         int *rc)
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

/// Formats one file: prints it, writes it (`write`) or only checks it (`check`).
int fmtOne(const QString &file, bool write, bool check, CliContext &ctx)
{
    int rc = ExitOk;
    const auto loaded = readForRewrite(QStringLiteral("fmt"), file, ctx, &rc);
    if (!loaded)
        return rc;
    const SourceNode normalized = SpecWriter::normalize(*loaded->tree);
    QFile in(file);
    const QByteArray original = in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
    QByteArray text;
    if (loaded->format == SpecFormat::Json) {
        text = SpecWriter::toJson(normalized);
    } else {
        // Move whole entries (with their comments) rather than re-emit the document.
        const SourcePatcher::Result r =
            SourcePatcher::patch(QString::fromUtf8(original), SpecFormat::Yaml, normalized);
        text = r.ok ? r.text.toUtf8() : SpecWriter::toYaml(normalized);
    }
    if (check) {
        if (original != text) {
            ctx.err << file << '\n';
            return ExitErrors;
        }
        return ExitOk;
    }
    if (write) {
        if (original == text)
            return ExitOk;
        if (const QString e = writeFileAtomically(file, text); !e.isEmpty()) {
            ctx.err << "uisctl fmt: " << e << '\n';
            return ExitUsage;
        }
        return ExitOk;
    }
    ctx.out << QString::fromUtf8(text);
    return ExitOk;
}

} // namespace

int runFmt(const QStringList &args, CliContext &ctx)
{
    static const char *const help =
        "usage: uisctl fmt FILE [--write]\n"
        "       uisctl fmt --check FILE...\n\n"
        "Prints the spec with keys in canonical order (same format as the input). YAML keeps its\n"
        "comments, blank lines, quoting and layout: whole entries move, with the comments above\n"
        "them; JSON is laid out uniformly. --write replaces the file(s) atomically; --check\n"
        "changes nothing and exits 1, naming each file that is not formatted on stderr.\n";
    ArgParser p({}, {QStringLiteral("write"), QStringLiteral("check"), QStringLiteral("help")});
    const QString e = p.parse(args);
    if (p.isSet(QStringLiteral("help"))) {
        ctx.out << help;
        return ExitOk;
    }
    const bool write = p.isSet(QStringLiteral("write"));
    const bool check = p.isSet(QStringLiteral("check"));
    const QStringList files = p.positional();
    if (!e.isEmpty() || files.isEmpty() || (write && check) ||
        (files.size() > 1 && !write && !check)) {
        ctx.err << "uisctl fmt: "
                << (!e.isEmpty()       ? e
                    : (write && check) ? QStringLiteral("--write and --check exclude each other")
                                       : QStringLiteral("give exactly one FILE"))
                << "\n"
                << help;
        return ExitUsage;
    }
    int rc = ExitOk;
    for (const QString &f : files)
        rc = std::max(rc, fmtOne(f, write, check, ctx));
    return rc;
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
    if (!e.isEmpty() || p.positional().size() != 1 ||
        (to != QLatin1String("yaml") && to != QLatin1String("json"))) {
        ctx.err << "uisctl convert: "
                << (!e.isEmpty()                 ? e
                    : p.positional().size() != 1 ? QStringLiteral("give exactly one FILE")
                                                 : QStringLiteral("--to must be yaml or json"))
                << "\n"
                << help;
        return ExitUsage;
    }
    int rc = ExitOk;
    const auto loaded = readForRewrite(QStringLiteral("convert"), p.positional().first(), ctx, &rc);
    if (!loaded)
        return rc;
    const SourceNode normalized = SpecWriter::normalize(*loaded->tree);
    const QByteArray text = to == QLatin1String("json") ? SpecWriter::toJson(normalized)
                                                        : SpecWriter::toYaml(normalized);
    if (p.isSet(QStringLiteral("out"))) {
        if (const QString err = writeFileAtomically(p.value(QStringLiteral("out")), text);
            !err.isEmpty()) {
            ctx.err << "uisctl convert: " << err << '\n';
            return ExitUsage;
        }
        return ExitOk;
    }
    ctx.out << QString::fromUtf8(text);
    return ExitOk;
}

} // namespace uis::cli
