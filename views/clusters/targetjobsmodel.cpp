// SPDX-License-Identifier: Apache-2.0
#include "targetjobsmodel.h"

#include "jobsmodel.h"

#include <QColor>
#include <QIcon>

namespace uis {

TargetJobsModel::TargetJobsModel(QObject *parent) : QAbstractTableModel(parent) {}

int TargetJobsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int TargetJobsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TargetJobsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JobStatus &s = m_jobs.at(index.row());
    switch (role) {
    case JobIdRole:
        return s.jobId;
    case UiUrlRole:
        return s.uiUrl;
    case RestartLoopRole:
        return JobsModel::isRestartLoop(s);
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return s.name.isEmpty() ? s.jobId : s.name;
        case StatusColumn:
            return jobStateName(s.state);
        case EngineStateColumn:
            return s.engineState;
        case EngineJobColumn:
            return s.engineJobId;
        case ConfirmedColumn:
            return JobsModel::confirmedText(s);
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == StatusColumn)
            return JobsModel::stateIcon(s.state);
        if (index.column() == EngineStateColumn && JobsModel::isRestartLoop(s))
            return JobsModel::warningIcon();
        break;
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn)
            return JobsModel::stateColor(s.state);
        break;
    case Qt::ToolTipRole: {
        QString tip = tr("%1 on %2").arg(s.jobId, s.target);
        if (JobsModel::isRestartLoop(s))
            tip += QLatin1Char('\n') +
                   tr("The engine keeps restarting this job: %1").arg(s.engineState);
        if (!s.error.isEmpty())
            tip += QLatin1Char('\n') + s.error;
        if (!s.uiUrl.isEmpty())
            tip += QLatin1Char('\n') + tr("Engine UI: %1 (double-click to open)").arg(s.uiUrl);
        return tip;
    }
    default:
        break;
    }
    return {};
}

QVariant TargetJobsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Job");
    case StatusColumn:
        return tr("Status");
    case EngineStateColumn:
        return tr("Engine state");
    case EngineJobColumn:
        return tr("Engine job");
    case ConfirmedColumn:
        return tr("Confirmed");
    }
    return {};
}

void TargetJobsModel::setJobs(const QString &target, const QList<JobStatus> &jobs)
{
    bool sameJobs = target == m_target && jobs.size() == m_jobs.size();
    for (int i = 0; sameJobs && i < jobs.size(); ++i)
        sameJobs = jobs.at(i).jobId == m_jobs.at(i).jobId;
    if (!sameJobs) {
        beginResetModel();
        m_target = target;
        m_jobs = jobs;
        endResetModel();
        return;
    }
    for (int i = 0; i < jobs.size(); ++i) {
        if (!(jobs.at(i) == m_jobs.at(i))) {
            m_jobs[i] = jobs.at(i);
            Q_EMIT dataChanged(index(i, 0), index(i, ColumnCount - 1));
        }
    }
}

void TargetJobsModel::tick()
{
    if (!m_jobs.isEmpty())
        Q_EMIT dataChanged(index(0, ConfirmedColumn),
                           index(int(m_jobs.size()) - 1, ConfirmedColumn), {Qt::DisplayRole});
}

} // namespace uis
