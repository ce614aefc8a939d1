// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobrunner.h"

#include <QHostAddress>
#include <QString>

namespace uis::dcplocal {

/// Everything dcp-local is started with: where it listens, where its data lives, the limits.
struct ServerConfig
{
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 8080;                   ///< 0 picks a free port
    QString dataDir;                       ///< job records, logs, token, lock, state file
    qint64 maxBodyBytes = 4 * 1024 * 1024; ///< request body limit (413 above it)
    RunnerConfig runner;
    QString targetsFile;         ///< --targets: the execution targets ("" runs everything locally)
    int pollIntervalMs = 5000;   ///< how often clusters are asked about their jobs
    QString alertsFile;          ///< --alerts: the alert rules and channels ("" none)
    int metricsIntervalMs = 5000;                       ///< how often running jobs are sampled
    qint64 metricsRetentionMs = 7LL * 24 * 3600 * 1000; ///< metric points kept this long

    /**
     * Parses `HOST:PORT` (`[::1]:8080` for IPv6; `localhost` and an empty host mean 127.0.0.1).
     * Returns false, leaving the outputs unspecified, when the text is not such an address.
     */
    static bool parseListen(const QString &text, QHostAddress *address, quint16 *port);
};

} // namespace uis::dcplocal
