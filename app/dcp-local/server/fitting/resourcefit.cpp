// SPDX-License-Identifier: Apache-2.0
#include "resourcefit.h"

#include <algorithm>
#include <limits>

namespace uis::dcplocal {

namespace {

constexpr qint64 kSparkDefaultExecutorMb = 1024;
// Spark refuses an executor below 1.5 × its 300 MiB reserve.
constexpr qint64 kSparkMinExecutorMb = 450;

struct Worker
{
    int cores = 0;
    int coresFree = 0;
    qint64 memoryMb = 0;
    qint64 memoryFreeMb = 0;
};

QList<Worker> aliveWorkers(const QJsonObject &master)
{
    QList<Worker> out;
    for (const QJsonValue &v : master.value(QLatin1String("workers")).toArray()) {
        const QJsonObject w = v.toObject();
        if (w.value(QLatin1String("state")).toString() != QLatin1String("ALIVE"))
            continue;
        out.append(Worker{w.value(QLatin1String("cores")).toInt(),
                          w.value(QLatin1String("coresfree")).toInt(),
                          qint64(w.value(QLatin1String("memory")).toDouble()),
                          qint64(w.value(QLatin1String("memoryfree")).toDouble())});
    }
    return out;
}

int executorsOn(int cores, qint64 memoryMb, int c, qint64 m)
{
    return qMax(0, qMin(cores / c, int(memoryMb / m)));
}

QString cores(int n)
{
    return n == 1 ? QStringLiteral("1 core") : QStringLiteral("%1 cores").arg(n);
}

QString plural(int n, const QString &word)
{
    return QStringLiteral("%1 %2%3").arg(n).arg(word, n == 1 ? QString() : QStringLiteral("s"));
}

} // namespace

QString ResourceFit::waitingState(const QString &why)
{
    return QStringLiteral("WAITING for resources (%1)").arg(why);
}

FitVerdict ResourceFit::spark(const QString &target, const ResourceRequest &request,
                              const QJsonObject &master, const QList<ResourceRequest> &inFlight)
{
    FitVerdict v;
    const int c = qMax(1, request.executorCores);
    const qint64 m =
        request.executorMemoryMb > 0 ? request.executorMemoryMb : kSparkDefaultExecutorMb;
    const int n = qMax(1, request.executorInstances);
    QList<Worker> workers = aliveWorkers(master);
    if (workers.isEmpty()) {
        v.kind = FitVerdict::Kind::Later;
        v.message = QStringLiteral("the Spark master has no alive worker");
        return v;
    }
    // The worker that can take the largest executor of the kind asked for.
    const Worker best =
        *std::max_element(workers.cbegin(), workers.cend(), [&](const Worker &a, const Worker &b) {
            return std::pair(qMin(c, a.cores), qMin(m, a.memoryMb)) <
                   std::pair(qMin(c, b.cores), qMin(m, b.memoryMb));
        });
    auto capacity = [&](int cc, qint64 mm) {
        int total = 0;
        for (const Worker &w : workers)
            total += executorsOn(w.cores, w.memoryMb, cc, mm);
        return total;
    };
    int totalCores = 0;
    qint64 totalMb = 0;
    for (const Worker &w : workers) {
        totalCores += w.cores;
        totalMb += w.memoryMb;
    }
    const int room = capacity(c, m);
    if (room == 0 || room < n) {
        v.kind = FitVerdict::Kind::Never;
        if (room == 0)
            v.message = QStringLiteral("%1: executors need %2 and %3; the largest worker offers "
                                       "%4 and %5")
                            .arg(target, ResourceRequest::sizeText(m), cores(c),
                                 ResourceRequest::sizeText(best.memoryMb), cores(best.cores));
        else
            v.message =
                QStringLiteral("%1: %2 of %3 and %4 need %5 and %6; the cluster offers %7 and "
                               "%8 on %9, room for %10 such executors")
                    .arg(target, plural(n, QStringLiteral("executor")),
                         ResourceRequest::sizeText(m), cores(c), cores(n * c),
                         ResourceRequest::sizeText(n * m), cores(totalCores),
                         ResourceRequest::sizeText(totalMb),
                         plural(workers.size(), QStringLiteral("worker")))
                    .arg(room);
        ResourceRequest f = request;
        f.executorCores = qMin(c, best.cores);
        f.executorMemoryMb = qMin(m, best.memoryMb);
        f.executorInstances = qMin(n, capacity(qMax(1, f.executorCores), f.executorMemoryMb));
        v.canScale = f.executorCores >= 1 && f.executorMemoryMb >= kSparkMinExecutorMb &&
                     f.executorInstances >= 1;
        v.fitted = f;
        if (f.executorMemoryMb != m)
            v.changes << QStringLiteral("executor memory %1 → %2")
                             .arg(ResourceRequest::sizeText(m),
                                  ResourceRequest::sizeText(f.executorMemoryMb));
        if (f.executorCores != c)
            v.changes << QStringLiteral("executor cores %1 → %2").arg(c).arg(f.executorCores);
        if (f.executorInstances != n)
            v.changes
                << QStringLiteral("executor instances %1 → %2").arg(n).arg(f.executorInstances);
        return v;
    }
    // Now: the room left after the executors of jobs still starting, placed as the master would.
    for (const ResourceRequest &r : inFlight) {
        const int rc = qMax(1, r.executorCores);
        const qint64 rm = r.executorMemoryMb > 0 ? r.executorMemoryMb : kSparkDefaultExecutorMb;
        // spark.deploy.defaultCores is unlimited: without spark.cores.max the master gives an
        // application executors on every free core.
        int left = r.coresMax > 0 ? qMax(1, r.coresMax / rc) : std::numeric_limits<int>::max();
        for (Worker &w : workers) {
            while (left > 0 && w.coresFree >= rc && w.memoryFreeMb >= rm) {
                w.coresFree -= rc;
                w.memoryFreeMb -= rm;
                --left;
            }
        }
    }
    int coresFree = 0;
    qint64 mbFree = 0;
    for (const Worker &w : workers) {
        if (w.coresFree >= c && w.memoryFreeMb >= m)
            return v; // one executor can start: the master grants the rest as room appears
        coresFree += w.coresFree;
        mbFree += w.memoryFreeMb;
    }
    v.kind = FitVerdict::Kind::Later;
    v.message =
        QStringLiteral("executors need %1 and %2; free on the workers: %3 of %4 cores, "
                       "%5 of %6%7")
            .arg(ResourceRequest::sizeText(m), cores(c))
            .arg(coresFree)
            .arg(totalCores)
            .arg(ResourceRequest::sizeText(mbFree), ResourceRequest::sizeText(totalMb),
                 inFlight.isEmpty() ? QString()
                                    : QStringLiteral(", after %1 starting")
                                          .arg(plural(inFlight.size(), QStringLiteral("job"))));
    return v;
}

FitVerdict ResourceFit::flink(const QString &target, const ResourceRequest &request,
                              const QJsonObject &overview, const QJsonArray &taskManagers,
                              const QList<ResourceRequest> &inFlight)
{
    FitVerdict v;
    const int p = qMax(1, request.parallelism);
    const int tms = overview.value(QLatin1String("taskmanagers")).toInt();
    const int total = overview.value(QLatin1String("slots-total")).toInt();
    const int available = overview.value(QLatin1String("slots-available")).toInt();
    if (tms == 0 || total == 0) {
        v.kind = FitVerdict::Kind::Later;
        v.message = QStringLiteral("no TaskManager is registered with the JobManager");
        return v;
    }
    qint64 largestMb = 0;
    for (const QJsonValue &t : taskManagers) {
        const double bytes = t.toObject()
                                 .value(QLatin1String("memoryConfiguration"))
                                 .toObject()
                                 .value(QLatin1String("totalProcessMemory"))
                                 .toDouble();
        largestMb = qMax(largestMb, qint64(bytes / (1024 * 1024) + 0.5));
    }
    QStringList never;
    ResourceRequest f = request;
    if (p > total) {
        never << QStringLiteral("the job needs %1 (parallelism %2); the cluster has %3 on %4")
                     .arg(plural(p, QStringLiteral("slot")))
                     .arg(p)
                     .arg(plural(total, QStringLiteral("slot")),
                          plural(tms, QStringLiteral("TaskManager")));
        f.parallelism = total;
        v.changes << QStringLiteral("parallelism %1 → %2").arg(p).arg(total);
    }
    if (request.taskManagerMemoryMb > 0 && largestMb > 0 &&
        request.taskManagerMemoryMb > largestMb) {
        never << QStringLiteral("the job asks for TaskManagers of %1; the largest TaskManager "
                                "has %2")
                     .arg(ResourceRequest::sizeText(request.taskManagerMemoryMb),
                          ResourceRequest::sizeText(largestMb));
        // A session cluster's TaskManagers are what they are: the job runs on them.
        f.taskManagerMemoryMb = largestMb;
        v.changes << QStringLiteral("TaskManager memory %1 → the session's %2")
                         .arg(ResourceRequest::sizeText(request.taskManagerMemoryMb),
                              ResourceRequest::sizeText(largestMb));
    }
    if (!never.isEmpty()) {
        v.kind = FitVerdict::Kind::Never;
        v.message = target + QStringLiteral(": ") + never.join(QStringLiteral("; "));
        v.fitted = f;
        v.canScale = true;
        return v;
    }
    int taken = 0;
    for (const ResourceRequest &r : inFlight)
        taken += qMax(1, r.parallelism);
    const int free = available - taken;
    if (p <= free)
        return v;
    v.kind = FitVerdict::Kind::Later;
    v.message = QStringLiteral("the job needs %1 (parallelism %2); %3 of %4 free%5")
                    .arg(plural(p, QStringLiteral("slot")))
                    .arg(p)
                    .arg(qMax(0, free))
                    .arg(total)
                    .arg(taken > 0 ? QStringLiteral(" after %1 starting")
                                         .arg(plural(inFlight.size(), QStringLiteral("job")))
                                   : QString());
    return v;
}

} // namespace uis::dcplocal
