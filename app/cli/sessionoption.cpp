// SPDX-License-Identifier: Apache-2.0
#include "sessionoption.h"

namespace uis::cli {

namespace {

const char *const kHelp =
    "  --session  auto (default): the local platform's session servers while it runs, else\n"
    "             the warm engine sessions shared with the designer, started when needed\n"
    "             (`uisctl sessions`); none: a cold engine per run; or a server\n"
    "             URL: sc://HOST:PORT (Spark Connect), http://HOST:PORT (Flink SQL Gateway),\n"
    "             comma-separated for both. What cannot run warm runs cold, saying why\n";

bool valid(const QString &choice)
{
    if (choice == QLatin1String("auto") || choice == QLatin1String("none"))
        return true;
    const QStringList urls = choice.split(QLatin1Char(','));
    for (const QString &url : urls) {
        const QString u = url.trimmed();
        if (!u.startsWith(QLatin1String("sc://")) && !u.startsWith(QLatin1String("http://")) &&
            !u.startsWith(QLatin1String("https://")))
            return false;
    }
    return true;
}

} // namespace

const char *SessionOption::help()
{
    return kHelp;
}

std::optional<QString> SessionOption::read(const ArgParser &p, const char *command, CliContext &ctx)
{
    const QString choice = p.value(QStringLiteral("session"), QStringLiteral("auto"));
    if (!valid(choice)) {
        ctx.err << "uisctl " << command
                << ": --session must be auto, none or server URLs (sc://HOST:PORT for Spark "
                   "Connect, http://HOST:PORT for a Flink SQL Gateway), not `"
                << choice << "`\n";
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
    // runners/uis_runners/sessions/warm.py writes these
    return text.startsWith(QLatin1String("warm ")) || text.startsWith(QLatin1String("the warm ")) ||
           wentCold(text);
}

bool SessionOption::wentCold(const QString &text)
{
    return text.contains(QLatin1String("; running the cold "));
}

} // namespace uis::cli
