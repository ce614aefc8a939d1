// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobstatus.h"

#include <QAbstractTableModel>
#include <QList>

namespace uis {

/**
 * The jobs not ended on one execution target (from the environment's jobs list): name, status,
 * the engine's state (a warning when it keeps restarting the job), the engine's job id and when
 * the engine last confirmed the state.
 */
class TargetJobsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        StatusColumn,
        EngineStateColumn,
        EngineJobColumn,
        ConfirmedColumn,
        ColumnCount
    };
    enum Role { JobIdRole = Qt::UserRole + 1, UiUrlRole, RestartLoopRole };

    explicit TargetJobsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    QString target() const { return m_target; }
    /// Shows `jobs` (of `target`); rows are updated in place when the same jobs stay.
    void setJobs(const QString &target, const QList<JobStatus> &jobs);
    const QList<JobStatus> &jobs() const { return m_jobs; }
    /// Re-announces the "confirmed … ago" column.
    void tick();

private:
    QString m_target;
    QList<JobStatus> m_jobs;
};

} // namespace uis
