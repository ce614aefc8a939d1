// SPDX-License-Identifier: Apache-2.0
#include "sessionoption.h"

#include "enginesessions.h"

namespace uis::cli {

namespace {

const char *const kHelp =
    "  --session  auto (default): the local platform's session servers while it runs, else\n"
    "             the warm engine sessions shared with the designer, started when needed\n"
    "             (`uisctl sessions`); none: a cold engine per run; or a server\n"
    "             URL: sc://HOST:PORT (Spark Connect), http://HOST:PORT (Flink SQL Gateway),\n"
    "             comma-separated for both. What cannot run warm runs cold, saying why\n";

} // namespace

const char *SessionOption::help()
{
    return kHelp;
}

std::optional<QString> SessionOption::read(const ArgParser &p, const char *command, CliContext &ctx)
{
    const QString choice = p.value(QStringLiteral("session"), QStringLiteral("auto"));
    if (!EngineSessions::isValidChoice(choice)) {
        ctx.err << "uisctl " << command << ": " << EngineSessions::invalidChoiceMessage(choice)
                << '\n';
        return std::nullopt;
    }
    return choice;
}

QStringList SessionOption::runnerArguments(const QString &choice)
{
    return {QStringLiteral("--session"), choice};
}

bool SessionOption::isNote(const QString &text)
{
    return EngineSessions::parseProgress(text).kind != SessionEvent::Kind::None;
}

bool SessionOption::wentCold(const QString &text)
{
    return EngineSessions::parseProgress(text).kind == SessionEvent::Kind::Cold;
}

} // namespace uis::cli
