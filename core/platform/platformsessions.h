// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "platformlayout.h"
#include "platformservice.h"
#include "platformstate.h"

#include <QStringList>

namespace uis {

class ServiceProbe;

/**
 * The platform's two session servers, for warm previews and test runs on it: `spark-connect`
 * (Spark Connect 3.5) and `flink-sql-gateway` (the Flink SQL Gateway in front of the platform's
 * session cluster), both on 127.0.0.1. The runners' sessions package starts them
 * (`python -m uis_runners.sessions serve NAME`, which becomes the server): it is the one place
 * that knows their commands, for the private pair too. Previews find them in platform.json.
 */
class PlatformSessions
{
public:
    explicit PlatformSessions(PlatformLayout layout) : m_layout(std::move(layout)) {}

    static QString sparkConnectName();
    static QString gatewayName();
    /// Both, in start order.
    static QStringList names();
    static bool owns(const QString &service) { return names().contains(service); }
    static QStringList portRoles(const QString &service);
    /// How clients reach it: sc://127.0.0.1:PORT (Spark Connect), http://127.0.0.1:PORT.
    static QString url(const QString &service, const PlatformState &state);

    /**
     * The launch of `service`, on `base`: for the gateway the Flink session cluster's own
     * environment (its configuration folder with the store's s3 settings, plugins, logs), for
     * Spark Connect the clients' Spark configuration (S3A on the store).
     */
    LaunchSpec launchSpec(const QString &service, const PlatformState &state, LaunchSpec base,
                          const QString &flinkRestUrl) const;
    /// Spark Connect: an HTTP/2 handshake on its gRPC port; the gateway: `GET /v1/info`.
    ServiceProbe *createProbe(const QString &service, const PlatformState &state) const;

private:
    PlatformLayout m_layout;
};

} // namespace uis
