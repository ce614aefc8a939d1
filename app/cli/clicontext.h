// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace uis::cli {

/// Exit codes shared by every command.
enum ExitCode { ExitOk = 0, ExitErrors = 1, ExitUsage = 2 };

/// Where a command writes: stdout for results, stderr for messages.
struct CliContext
{
    QTextStream &out;
    QTextStream &err;
};

/// One `uisctl` subcommand.
struct Command
{
    const char *name;
    const char *summary;
    int (*run)(const QStringList &args, CliContext &ctx);
};

/// The table of commands, in the order `--help` lists them.
const QList<Command> &commands();

/// Writes `data` to `path` atomically (QSaveFile); returns an error message or "".
QString writeFileAtomically(const QString &path, const QByteArray &data);

} // namespace uis::cli
