// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

#include <optional>

namespace uis {

/// One service of the platform as recorded in platform.json.
struct ServiceRecord
{
    QString name;                 ///< "s3", "kafka", "flink-jobmanager", …
    QMap<QString, quint16> ports; ///< port role ("rest", "rpc", "ui", …) → port on 127.0.0.1
    qint64 pid = 0;               ///< 0 when not started
    qint64 pgid = 0;              ///< its process group (the platform signals groups)
    quint64 startTime = 0;        ///< /proc start time of pid: guards against reused pids
    QString marker;               ///< a string its command line must contain (the platform dir)
    QString url;                  ///< how clients reach it
    QString ui;                   ///< its web UI, "" when it has none
};

/// A port a service needs that someone else is using.
struct PortConflict
{
    QString service;
    QString role;
    quint16 port = 0;
    /// "port 8081 (flink-jobmanager rest) is in use by another program"
    QString message() const;
};

/**
 * The platform's state file (DIR/platform.json, mode 0600 as it holds the S3 keys): the ports
 * chosen on the first start (kept, so URLs stay stable across restarts), the processes started,
 * and the object store's keys. Written atomically (QSaveFile).
 */
class PlatformState
{
public:
    /// Reads `path`; std::nullopt with `error` set when it exists but is not valid.
    static std::optional<PlatformState> read(const QString &path, QString *error = nullptr);
    /// Writes atomically; returns an error message or "".
    QString write(const QString &path) const;

    QByteArray toJson() const;
    static std::optional<PlatformState> fromJson(const QByteArray &json, QString *error = nullptr);

    ServiceRecord *service(const QString &name);
    const ServiceRecord *service(const QString &name) const;
    /// Adds a record named `name` if there is none; returns it.
    ServiceRecord &ensureService(const QString &name);
    /// Every port recorded, of every service.
    QSet<quint16> allPorts() const;
    /// True when the service's recorded process is alive and provably the one started.
    bool isRunning(const QString &name) const;
    /// Ports of `services` that cannot be bound on 127.0.0.1 right now.
    QList<PortConflict> portConflicts(const QStringList &services) const;

    QList<ServiceRecord> services;
    QString accessKey;
    QString secretKey;
};

} // namespace uis
