// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace uis::test {

/// What one run of the built uisctl printed and returned.
struct UisctlRun
{
    int code = -1; ///< exit code; -1 when it crashed or timed out
    QByteArray out;
    QByteArray err;
};

/// Runs `build/bin/uisctl args...` in `workingDir` (default: the current one), as CI would.
UisctlRun runUisctl(const QStringList &args, const QString &workingDir = {});

} // namespace uis::test
