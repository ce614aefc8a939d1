// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "platformlayout.h"
#include "platformservice.h"
#include "platformsessions.h"
#include "platformstate.h"

#include <QStringList>

namespace uis {

class ServiceProbe;

/**
 * What each service of the local platform is: its port roles, its private configuration under
 * DIR (Flink config.yaml, Kafka server.properties, Spark conf), the command that runs it, how to
 * tell it is ready, and the files clients read (spark-defaults.conf with S3A; afterwards
 * targets.yaml, platform.env). The session servers' part is PlatformSessions. Everything binds
 * to 127.0.0.1 only.
 */
class PlatformRecipe
{
public:
    explicit PlatformRecipe(PlatformLayout layout) : m_layout(layout), m_sessions(layout) {}

    /// Every service, in start order.
    static QStringList serviceNames();
    /// The Iceberg REST catalog: optional, started only when its jars are installed.
    static QString icebergRestName();
    /// The S3 store's service name (optional: it needs versitygw).
    static QString s3Name();
    /// Where the REST catalog keeps its tables (a bucket in the store).
    static QString icebergRestWarehouse();
    /// The port roles a service needs on 127.0.0.1 (the rest it binds to ephemeral ports).
    static QStringList portRoles(const QString &service);

    /**
     * Fills in what the state lacks: ports (free ones; `requested` "service.role" → port wins),
     * S3 keys, URLs and markers. Keeps ports already recorded, so URLs stay stable.
     */
    void complete(PlatformState &state, const QMap<QString, quint16> &requested) const;

    /// Writes every service's configuration; returns an error message or "".
    QString writeServiceConfigs(const PlatformState &state) const;
    /// Writes targets.yaml and platform.env; error or "".
    QString writeClientFiles(const PlatformState &state) const;

    LaunchSpec launchSpec(const QString &service, const PlatformState &state) const;
    ServiceProbe *createProbe(const QString &service, const PlatformState &state) const;

    QString s3Endpoint(const PlatformState &state) const;
    QString kafkaBootstrap(const PlatformState &state) const;
    QString sparkClientConfDir() const;

private:
    QString writeFlinkConfig(const PlatformState &state) const;
    QString writeKafkaConfig(const PlatformState &state) const;
    QString writeSparkDaemonConfig() const;
    /// The clients' spark-defaults.conf (S3A on the store), also read by the platform's Spark
    /// Connect server, so written before the services start.
    QString writeSparkClientConfig(const PlatformState &state) const;
    QProcessEnvironment baseEnvironment() const;
    QString java() const;

    PlatformLayout m_layout;
    PlatformSessions m_sessions;
};

} // namespace uis
