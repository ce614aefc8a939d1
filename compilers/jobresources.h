// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jsonconvert.h"
#include "spec.h"

#include <QString>

namespace uis {

/**
 * The driver and executor resources of a job (docs/COMPILERS.md, "DCP request and manifest"):
 * Spark's driver and executors from `driver_*`/`executor_*` (executors default to the
 * parallelism); for Flink, the JobManager as the driver and the TaskManagers as the executors
 * (`task_slots` cores each, `taskmanager_memory`, as many as the parallelism needs).
 * One rule for the DCP request, the DCP manifest and the Kubernetes manifests.
 */
struct JobResources
{
    qint64 driverCores = 1;
    QString driverMemory;
    qint64 executorInstances = 1;
    qint64 executorCores = 1;
    QString executorMemory;

    /// The resources of `spec` for the engine of its mode.
    static JobResources of(const Spec &spec);
    /// `{"driver": {cores, memory}, "executor": {instances, cores, memory}}`, numbers as numbers.
    OrderedJson toJson() const;
};

/// True for the jobs that run until stopped: every Flink mode, and Spark micro-batch jobs with a
/// `trigger_interval`.
bool isStreamingJob(const Spec &spec);

} // namespace uis
