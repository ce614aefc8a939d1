// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "argparser.h"
#include "clicontext.h"

#include <QString>

#include <optional>

namespace uis::cli {

/// `--session auto|none|URL` of `uisctl preview` and `uisctl test` (core's EngineSession): its
/// help lines and its value.
struct SessionOption
{
    /// The option's lines of a command's help.
    static const char *help();
    /// The choice given (default auto), or nullopt after writing the usage error to ctx.err.
    static std::optional<QString> read(const ArgParser &p, const char *command, CliContext &ctx);
    /// Whether a runner's progress text (after `uis-runner: `) is about its session: the warm
    /// server it uses, a restart, or the cold path it takes instead and why.
    static bool isNote(const QString &text);
    /// Whether such a note says the run went to the cold path.
    static bool wentCold(const QString &text);
};

} // namespace uis::cli
