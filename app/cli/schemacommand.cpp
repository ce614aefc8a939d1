// SPDX-License-Identifier: Apache-2.0
#include "argparser.h"
#include "clicontext.h"

#include "jsonschemagenerator.h"

namespace uis::cli {

int runSchema(const QStringList &args, CliContext &ctx)
{
    static const char *const help =
        "usage: uisctl schema [--out FILE]\n\n"
        "Prints the JSON Schema (draft 2020-12) of UIS 1.1 for editor integration, e.g. in\n"
        "VS Code: \"yaml.schemas\": {\"./uis-1.1.schema.json\": \"*.uis.yaml\"}.\n";
    ArgParser p({QStringLiteral("out")}, {QStringLiteral("help")});
    if (const QString e = p.parse(args); !e.isEmpty() || !p.positional().isEmpty()) {
        ctx.err << "uisctl schema: " << (e.isEmpty() ? QStringLiteral("unexpected argument") : e) << "\n" << help;
        return ExitUsage;
    }
    if (p.isSet(QStringLiteral("help"))) {
        ctx.out << help;
        return ExitOk;
    }
    const QByteArray schema = JsonSchemaGenerator::generate();
    if (p.isSet(QStringLiteral("out"))) {
        if (const QString e = writeFileAtomically(p.value(QStringLiteral("out")), schema); !e.isEmpty()) {
            ctx.err << "uisctl schema: " << e << '\n';
            return ExitUsage;
        }
        return ExitOk;
    }
    ctx.out << QString::fromUtf8(schema);
    return ExitOk;
}

} // namespace uis::cli
