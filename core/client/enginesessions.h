// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace uis {

/// What one `uis-runner:` progress line says about the warm session of a dry run.
struct SessionEvent
{
    enum class Kind {
        None,     ///< not about the session
        Starting, ///< the runner is starting (or restarting) the shared server
        Warm,     ///< the preview runs on the warm server `detail` (its URL)
        Cold,     ///< the cold path runs; `detail` says why
    };
    Kind kind = Kind::None;
    QString engine; ///< "spark" or "flink" when the line names it
    QString detail;
};

/// One server of the shared pair as `python -m uis_runners.sessions status` reports it.
struct SessionServer
{
    enum class State { Stopped, Warm, Dead };
    State state = State::Stopped;
    QString url;
};

/// The whole status report: both servers, the idle time left, the state folder.
struct SessionsStatus
{
    bool valid = false; ///< the report could be read
    SessionServer spark;
    SessionServer flink;
    int idleSecondsLeft = -1; ///< -1: not reported (nothing running)
    QString folder;           ///< where the pair's state file lives
    bool anyWarm() const
    {
        return spark.state == SessionServer::State::Warm ||
               flink.state == SessionServer::State::Warm;
    }
};

/**
 * The warm engine sessions (runners/uis_runners/sessions) as uisctl and the designer use them:
 * the `--session` choice the runners' dry run takes, the idle time handed to the pair, the
 * sessions module's command line, and the reading of what it prints. The Python package owns
 * the pair; this is the one C++ home of its contract.
 */
class EngineSessions
{
public:
    /// The idle time after which the pair stops when nobody says otherwise (15 min).
    static constexpr int DefaultIdleSeconds = 15 * 60;

    /// `auto`, `none`, or server URLs: sc://HOST:PORT (Spark Connect), http(s)://HOST:PORT (a
    /// Flink SQL Gateway), comma-separated for both.
    static bool isValidChoice(const QString &choice);
    /// Why `choice` is refused, for a usage message.
    static QString invalidChoiceMessage(const QString &choice);
    /// A runner's dry-run arguments: `--job-config PATH --dry-run --limit N --session CHOICE`.
    static QStringList dryRunArguments(const QString &jobConfig, int limit, const QString &choice);
    /// Hands the idle time to a pair this run may start (UIS_SESSIONS_IDLE_SECONDS).
    static void setIdleSeconds(QProcessEnvironment *env, int seconds);

    /// `-m uis_runners.sessions ACTION --engine ENGINE --format FORMAT`, for the .venv's Python
    /// with sessionsEnvironment().
    static QStringList commandArguments(const QString &action,
                                        const QString &engine = QStringLiteral("both"),
                                        const QString &format = QStringLiteral("json"));
    /// `base` with `runnersDir` on PYTHONPATH, so that `-m uis_runners.sessions` is found.
    static QProcessEnvironment sessionsEnvironment(const QString &runnersDir,
                                                   QProcessEnvironment base);

    /// Reads a `uis-runner:` progress line (without its prefix).
    static SessionEvent parseProgress(const QString &text);
    /// Reads `status --format json`; `valid` is false when it is not that report.
    static SessionsStatus parseStatus(const QByteArray &json);
};

} // namespace uis
