// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace uis {

/**
 * Where `dcp-local` keeps its data, and how a client finds a running one. The server writes
 * `DIR/token` (mode 0600) on first start and `DIR/server.json` (`{"url", "pid"}`) while it runs.
 */
class LocalServerInfo
{
public:
    /// `~/.local/share/uis-studio/dcp-local` (the user's data directory).
    static QString defaultDataDir();
    static QString tokenPath(const QString &dataDir);
    static QString statePath(const QString &dataDir);

    /// The token of the server using `dataDir`, or "" when there is none yet.
    static QString readToken(const QString &dataDir);

    struct Running
    {
        QUrl url;
        qint64 pid = 0;
    };
    /// The server running on `dataDir`, when its state file names a live process.
    static std::optional<Running> readRunning(const QString &dataDir);
};

} // namespace uis
