// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace uis::dcplocal {

/// One entry of the targets file (`dcp-local --targets FILE`): a named place where jobs run.
struct TargetSpec
{
    enum class Kind { Local, FlinkSession, SparkStandalone };

    QString name;
    Kind kind = Kind::Local;
    QUrl restUrl;  ///< flink-session: the JobManager's REST endpoint
    QUrl master;   ///< spark-standalone: spark://host:port
    QUrl masterUi; ///< spark-standalone: the master's web UI (its /json/ is read)
    /// The cluster's session servers for interactive previews and test runs (optional): a Spark
    /// Connect server (sc://HOST:PORT; targets that run Spark) and a Flink SQL Gateway
    /// (http(s)://HOST:PORT; targets that run Flink).
    QUrl sparkConnect;
    QUrl sqlGateway;
    int line = 0;  ///< where the entry is in the file (0 for the built-in default)
    /// A job larger than the cluster is scaled down to the largest request that fits (with a
    /// warning) instead of refused with 422.
    bool fitResources = false;
    /// How long an application on the cluster may wait for executors or slots before it shows
    /// `WAITING for resources (…)` instead of RUNNING.
    qint64 waitingLimitMs = 120000;

    /// "local", "flink-session" or "spark-standalone".
    QString kindName() const;
    /// The engines jobs on this target may use: local runs both, a cluster its own.
    QStringList engines() const;
    bool runs(const QString &engine) const { return engines().contains(engine); }

    /// Parses a kind's name; false when it is not one of the three.
    static bool parseKind(const QString &text, Kind *kind);
    /// The target dcp-local has without a targets file: `{name: local, kind: local}`.
    static TargetSpec defaultLocal();
};

} // namespace uis::dcplocal
