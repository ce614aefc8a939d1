// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace uis {

/**
 * Where a preview or a golden-data test run executes: the runners' `--session` choice
 * (runners/uis_runners/cli.py). `auto` is the warm pair the designer and `uisctl` share (started
 * when needed), `none` a cold engine per run, else server URLs: `sc://HOST:PORT` (Spark Connect)
 * and `http(s)://HOST:PORT` (a Flink SQL Gateway), comma-separated for both. One reading for
 * `uisctl preview`, `uisctl test` and the designer's Tests panel.
 */
class EngineSession
{
public:
    /// The default choice: the warm pair.
    static QString defaultChoice() { return QStringLiteral("auto"); }
    /// "" when `choice` is one of the above, else why not (a usage message).
    static QString problem(const QString &choice);
    /// The `--session` arguments for `choice`, a runner's and `uisctl`'s alike.
    static QStringList arguments(const QString &choice);
};

} // namespace uis
