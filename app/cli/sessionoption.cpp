// SPDX-License-Identifier: Apache-2.0
#include "sessionoption.h"

#include "enginesession.h"

namespace uis::cli {

namespace {

const char *const kHelp =
    "  --session  auto (default): the warm engine sessions shared with the designer, started\n"
    "             when needed (`uisctl sessions`); none: a cold engine per run; or a server\n"
    "             URL: sc://HOST:PORT (Spark Connect), http://HOST:PORT (Flink SQL Gateway),\n"
    "             comma-separated for both. What cannot run warm runs cold, saying why\n";

} // namespace

const char *SessionOption::help()
{
    return kHelp;
}

std::optional<QString> SessionOption::read(const ArgParser &p, const char *command, CliContext &ctx)
{
    const QString choice = p.value(QStringLiteral("session"), EngineSession::defaultChoice());
    if (const QString why = EngineSession::problem(choice); !why.isEmpty()) {
        ctx.err << "uisctl " << command << ": " << why << '\n';
        return std::nullopt;
    }
    return choice;
}

bool SessionOption::isNote(const QString &text)
{
    // runners/uis_runners/sessions/warm.py writes these
    return text.startsWith(QLatin1String("warm ")) || text.startsWith(QLatin1String("the warm ")) ||
           wentCold(text);
}

bool SessionOption::wentCold(const QString &text)
{
    return text.contains(QLatin1String("; running the cold "));
}

} // namespace uis::cli
