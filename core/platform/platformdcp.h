// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "platformlayout.h"
#include "platformservice.h"
#include "platformstate.h"

#include <QProcessEnvironment>

namespace uis {

class ServiceProbe;

/**
 * The dcp-local that serves the platform's targets: `dcp-local --targets DIR/targets.yaml` with
 * platform.env's settings in its environment, recorded in platform.json as the service
 * "dcp-local" so that `stop` ends it with the engines.
 *
 * Its data directory is the one the studio's `local` environment discovers: for the default
 * platform directory, dcp-local's default (`~/.local/share/uis-studio/dcp-local`); for any
 * other `--dir`, DIR/dcp-local. A dcp-local already running on that data directory without the
 * platform's targets is replaced (the data directory holds one server at a time).
 */
class PlatformDcp
{
public:
    explicit PlatformDcp(PlatformLayout layout) : m_layout(std::move(layout)) {}

    /// "dcp-local", the record's name in platform.json.
    static QString serviceName();
    /// UIS_DCP_LOCAL, next to this program, UIS_BIN_DIR, then PATH; "" when not found.
    static QString findProgram();

    QString dataDir() const;
    QString tokenPath() const;
    /// The URL dcp-local's server.json on dataDir() names while that process lives, else "".
    QString runningUrl(qint64 *pid = nullptr) const;

    /// The system environment plus every `export NAME=VALUE` of platform.env.
    QProcessEnvironment environment() const;
    /// Gives the record its port (kept while free, else a new free one), URL and marker.
    void complete(PlatformState &state) const;
    LaunchSpec launchSpec(const PlatformState &state) const;
    /// Ready when `GET /api/v1/targets` answers with the server's own token.
    ServiceProbe *createProbe(const PlatformState &state) const;

private:
    PlatformLayout m_layout;
};

} // namespace uis
