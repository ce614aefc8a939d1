// SPDX-License-Identifier: Apache-2.0
#include "jobresources.h"

#include "compilesupport.h"

namespace uis {

namespace {

qint64 configInt(const Spec &spec, const QString &key, qint64 fallback)
{
    bool ok = false;
    const qint64 v = spec.configValue(key).toLongLong(&ok);
    return ok && v > 0 ? v : fallback;
}

} // namespace

JobResources JobResources::of(const Spec &spec)
{
    JobResources r;
    if (engineFor(spec) == Engine::Flink) {
        // Flink's defaults: a 1600m JobManager; TaskManagers of 1728m with one slot each.
        const qint64 slots = configInt(spec, QStringLiteral("task_slots"), 1);
        r.driverCores = 1;
        r.driverMemory = QStringLiteral("1600m");
        r.executorInstances = (spec.effectiveParallelism() + slots - 1) / slots;
        r.executorCores = slots;
        r.executorMemory =
            spec.configValue(QStringLiteral("taskmanager_memory"), QStringLiteral("1728m"));
        return r;
    }
    r.driverCores = configInt(spec, QStringLiteral("driver_cores"), 1);
    r.driverMemory = spec.configValue(QStringLiteral("driver_memory"), QStringLiteral("1g"));
    r.executorInstances =
        configInt(spec, QStringLiteral("executor_instances"), spec.effectiveParallelism());
    r.executorCores = configInt(spec, QStringLiteral("executor_cores"), 1);
    r.executorMemory = spec.configValue(QStringLiteral("executor_memory"), QStringLiteral("1g"));
    return r;
}

OrderedJson JobResources::toJson() const
{
    return OrderedJson{
        {"driver", OrderedJson{{"cores", driverCores}, {"memory", toStd(driverMemory)}}},
        {"executor", OrderedJson{{"instances", executorInstances},
                                 {"cores", executorCores},
                                 {"memory", toStd(executorMemory)}}}};
}

bool isStreamingJob(const Spec &spec)
{
    // A batch spec on Flink is a batch job; a streaming spec on Spark is Structured Streaming.
    return CompileSupport::streamingOn(spec, engineFor(spec)) ||
           (spec.provider.mode == QLatin1String("micro_batch") &&
            !spec.provider.schedule.triggerInterval.isEmpty());
}

} // namespace uis
