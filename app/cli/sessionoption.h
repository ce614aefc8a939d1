// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "argparser.h"
#include "clicontext.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace uis::cli {

/**
 * `--session auto|none|URL` of `uisctl preview` and `uisctl test`: where the runner runs
 * (runners/uis_runners/cli.py). `auto` is the local platform's servers while it runs, else the warm
 * pair the designer and `uisctl` share (started when needed), `none` a cold engine per run, else
 * server URLs: `sc://HOST:PORT` (Spark Connect) and `http(s)://HOST:PORT` (a Flink SQL Gateway),
 * comma-separated for both.
 */
struct SessionOption
{
    /// The option's lines of a command's help.
    static const char *help();
    /// The choice given (default auto), or nullopt after writing the usage error to ctx.err.
    static std::optional<QString> read(const ArgParser &p, const char *command, CliContext &ctx);
    /// The runner's arguments for `choice`.
    static QStringList runnerArguments(const QString &choice);
    /// Whether a runner's progress text (after `uis-runner: `) is about its session: the warm
    /// server it uses, a restart, or the cold path it takes instead and why.
    static bool isNote(const QString &text);
    /// Whether such a note says the run went to the cold path.
    static bool wentCold(const QString &text);
};

} // namespace uis::cli
