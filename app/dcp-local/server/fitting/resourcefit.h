// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "resourcerequest.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace uis::dcplocal {

/// Whether a job fits a cluster: at all, and now.
struct FitVerdict
{
    enum class Kind {
        Fits,  ///< there is room now
        Later, ///< the cluster is large enough but busy (or has no worker yet)
        Never  ///< no worker or TaskManager is large enough, or the job wants more than all
    };
    Kind kind = Kind::Fits;
    /// Never: what the job asks and what the cluster offers; Later: why it waits.
    QString message;
    /// Never: the largest request that fits (when canScale), for `fit_resources: true`.
    ResourceRequest fitted;
    bool canScale = false;
    /// What `fitted` changes, e.g. "executor memory 8 GiB → 2 GiB".
    QStringList changes;
};

/**
 * The comparison of what a job asks for with what a cluster reports, without I/O: the Spark
 * master's `/json/` (its workers' cores, coresfree, memory, memoryfree in MiB) or Flink's
 * `/overview` and `/taskmanagers`. `inFlight` are jobs dcp-local has started on the cluster that
 * the engine's figures do not count yet: their room is taken before this job's.
 *
 * Spark: an executor of `spark.executor.cores` (1 when not given: a standalone executor takes
 * what it can) and `spark.executor.memory` (1 GiB default) must fit one worker, and
 * `spark.executor.instances` of them the whole cluster; the application can start when one fits
 * the free room. The driver is not compared: it runs under dcp-local (client mode).
 * Flink: a job needs `parallelism` slots (slot sharing), no more than the cluster has, and a
 * TaskManager as large as `taskmanager.memory.process.size` when that is given.
 */
class ResourceFit
{
public:
    static FitVerdict spark(const QString &target, const ResourceRequest &request,
                            const QJsonObject &master, const QList<ResourceRequest> &inFlight = {});
    static FitVerdict flink(const QString &target, const ResourceRequest &request,
                            const QJsonObject &overview, const QJsonArray &taskManagers,
                            const QList<ResourceRequest> &inFlight = {});

    /// The engine_state of a job that waits: `WAITING for resources (<why>)`.
    static QString waitingState(const QString &why);
};

} // namespace uis::dcplocal
