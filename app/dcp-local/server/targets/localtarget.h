// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "executiontarget.h"

namespace uis::dcplocal {

/**
 * Today's way of running jobs: child processes of dcp-local (Spark `local[*]`, a Flink
 * mini-cluster), queued by the JobRunner under --max-concurrent. Always reachable; its overview
 * is the runner's own figures.
 */
class LocalTarget : public ExecutionTarget
{
    Q_OBJECT
public:
    LocalTarget(TargetSpec spec, JobStore *store, JobRunner *runner, QObject *parent = nullptr);

    QString submit(const QString &id, const JobRequest &request) override;
    void requeue(const QString &id) override;
    JobRunner::CancelOutcome cancel(const QString &id) override;
    void refresh() override;
};

} // namespace uis::dcplocal
