// SPDX-License-Identifier: Apache-2.0
// `uisctl sessions status|start|stop`: the warm engine sessions that previews share (a Spark
// Connect server, a Flink session cluster with its SQL Gateway). The runners own them
// (runners/uis_runners/sessions): this command runs `python -m uis_runners.sessions`.
#include "argparser.h"
#include "clicontext.h"
#include "cliloop.h"

#include "enginepaths.h"
#include "enginesessions.h"

#include <QProcess>

namespace uis::cli {

namespace {

const char *const kHelp =
    "usage: uisctl sessions status|start|stop [--engine spark|flink|both] [--format text|json]\n\n"
    "The warm engine sessions that `uisctl preview` and the designer's Data Preview share: a\n"
    "Spark Connect server and a Flink session cluster with its SQL Gateway, on 127.0.0.1.\n"
    "They start with the first preview and stop after UIS_SESSIONS_IDLE_SECONDS idle (default\n"
    "900). Their state is in $UIS_SESSIONS_DIR (default ~/.local/state/uis-studio/sessions).\n"
    "  status   each server: warm, dead or stopped, its URL (--format json: also the logs)\n"
    "  start    start them now (the first preview need not wait)\n"
    "  stop     stop them\n";

} // namespace

int runSessions(const QStringList &args, CliContext &ctx)
{
    ArgParser p({QStringLiteral("engine"), QStringLiteral("format")}, {QStringLiteral("help")});
    if (const auto exit = p.parseCommand(args, ctx, "sessions", QString::fromUtf8(kHelp)))
        return *exit;
    const QStringList actions{QStringLiteral("status"), QStringLiteral("start"),
                              QStringLiteral("stop")};
    const QString engine = p.value(QStringLiteral("engine"), QStringLiteral("both"));
    const QString format = p.value(QStringLiteral("format"), QStringLiteral("text"));
    if (p.positional().size() != 1 || !actions.contains(p.positional().first()) ||
        !QStringList{QStringLiteral("spark"), QStringLiteral("flink"), QStringLiteral("both")}
             .contains(engine) ||
        (format != QLatin1String("text") && format != QLatin1String("json"))) {
        ctx.err << kHelp;
        return ExitUsage;
    }
    CliLoop::application(); // the runners are found next to this binary
    const QString runners = EnginePaths::runnersDir();
    const QString python = EnginePaths::venvPython(EnginePaths::enginesHome(runners));
    if (!EnginePaths::isExecutable(python)) {
        ctx.err << "uisctl sessions: the engines are not installed: "
                << EnginePaths::installHint(runners) << '\n';
        return ExitErrors;
    }
    QProcess proc;
    QProcessEnvironment env =
        EngineSessions::sessionsEnvironment(runners, QProcessEnvironment::systemEnvironment());
    EnginePaths::addRunnerEnvironment(env, EnginePaths::enginesHome(runners));
    proc.setProcessEnvironment(env);
    proc.setProcessChannelMode(QProcess::ForwardedChannels);
    proc.start(python, EngineSessions::commandArguments(p.positional().first(), engine, format));
    if (!proc.waitForStarted(30000) || !proc.waitForFinished(-1)) {
        ctx.err << "uisctl sessions: " << proc.errorString() << '\n';
        return ExitErrors;
    }
    return proc.exitStatus() == QProcess::NormalExit && proc.exitCode() == 0 ? ExitOk : ExitErrors;
}

} // namespace uis::cli
