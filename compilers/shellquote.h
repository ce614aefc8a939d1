// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace uis {

/**
 * POSIX shell quoting for command lines shown to people and pasted into shells.
 *
 * An argument made only of safe characters (`A-Za-z0-9` and `_-+=/:.,%@^`) stays bare;
 * anything else is single-quoted, with each `'` written as `'\''`. Newlines, `$`, backticks and
 * non-ASCII text are therefore literal, so `sh -c` re-reads exactly the original argv.
 */
class ShellQuote
{
public:
    /// One argument, quoted if needed (the empty string becomes `''`).
    static QString quote(const QString &argument);
    /// The whole argv as one line, arguments separated by single spaces.
    static QString join(const QStringList &argv);
};

} // namespace uis
