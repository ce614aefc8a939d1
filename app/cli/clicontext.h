// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

#include <type_traits>
#include <utility>

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

/// Takes `destroy(object)` over until uisctl ends (main.cpp). See keepUntilExit().
void keepForExit(void *object, void (*destroy)(void *));

/**
 * Moves `value` to the heap and returns it; uisctl owns it until the process ends. After a
 * command that kept something, main() flushes its output and ends with std::_Exit without
 * running these destructors (like clang's -disable-free): freeing a large spec, its tree and
 * the compiled JSON one node at a time is a fifth of a compile's CPU time, and the OS takes the
 * memory back at once. Builds with sanitizers destroy them before main() returns (no leaks).
 */
template <typename T> std::decay_t<T> &keepUntilExit(T &&value)
{
    using V = std::decay_t<T>;
    V *kept = new V(std::forward<T>(value));
    keepForExit(kept, [](void *o) { delete static_cast<V *>(o); });
    return *kept;
}

} // namespace uis::cli
