// SPDX-License-Identifier: Apache-2.0
#include "localtarget.h"

namespace uis::dcplocal {

LocalTarget::LocalTarget(TargetSpec spec, JobStore *store, JobRunner *runner, QObject *parent)
    : ExecutionTarget(std::move(spec), store, runner, parent)
{
}

QString LocalTarget::submit(const QString &id, const JobRequest &request)
{
    return m_runner->submit(id, request);
}

void LocalTarget::requeue(const QString &id)
{
    m_runner->requeue(id);
}

JobRunner::CancelOutcome LocalTarget::cancel(const QString &id)
{
    return m_runner->cancel(id);
}

void LocalTarget::refresh()
{
    setChecked(true, QJsonObject{{QStringLiteral("running"), m_runner->localRunningCount()},
                                 {QStringLiteral("queued"), m_runner->queuedCount()},
                                 {QStringLiteral("max_concurrent"), m_runner->maxConcurrent()}});
}

} // namespace uis::dcplocal
