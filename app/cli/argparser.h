// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "clicontext.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace uis::cli {

/**
 * A small `--name value` / `--flag` parser. QCommandLineParser would need a QCoreApplication for
 * its help handling and exits the process on errors; commands must return exit codes instead.
 */
class ArgParser
{
public:
    /// `options` takes a value; `flags` do not.
    ArgParser(QStringList options, QStringList flags) : m_options(std::move(options)), m_flags(std::move(flags)) {}

    /// Returns an error message, or "" on success.
    QString parse(const QStringList &args);
    /// Parses the arguments of `uisctl <command>` the way every command answers them: an error
    /// is written to ctx.err with `help` (ExitUsage), `--help` writes `help` to ctx.out
    /// (ExitOk). nullopt: go on.
    std::optional<int> parseCommand(const QStringList &args, CliContext &ctx, const char *command,
                                    const QString &help);

    bool isSet(const QString &name) const { return m_values.contains(name); }
    QString value(const QString &name, const QString &fallback = {}) const { return m_values.value(name, fallback); }
    const QStringList &positional() const { return m_positional; }

private:
    QStringList m_options;
    QStringList m_flags;
    QHash<QString, QString> m_values;
    QStringList m_positional;
};

} // namespace uis::cli
