// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobstatus.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QUrl>

namespace uis {

/// One execution target of `GET /api/v1/targets`.
struct TargetInfo
{
    QString name;
    QString kind; ///< "local", "flink-session", "spark-standalone"
    QStringList engines;
    bool reachable = false;
    QDateTime checkedAt;
    QString error;
    QJsonObject overview; ///< the engine's own figures
    QUrl uiUrl;           ///< the engine's web UI, when known

    static TargetInfo fromJson(const QJsonObject &o);
    bool operator==(const TargetInfo &o) const = default;
};

/**
 * The execution targets of one DCP environment (`GET /api/v1/targets`) with their health and
 * the engine's figures, and how many of the environment's jobs run on each. Read-only: the
 * ClustersDock fills it from the server; nothing here touches the network.
 */
class ClustersModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        KindColumn,
        HealthColumn,
        OverviewColumn,
        JobsColumn,
        CheckedColumn,
        ColumnCount
    };
    enum Role {
        NameRole = Qt::UserRole + 1,
        KindRole,
        EnginesRole,
        ReachableRole,
        CheckedAtRole,
        ErrorRole,
        OverviewRole, ///< QVariantMap of the overview object
        UiUrlRole,
        RunningJobsRole, ///< jobs of the environment not ended on this target
        TaskManagersRole,
        SlotsTotalRole,
        SlotsAvailableRole,
        EngineJobsRunningRole, ///< Flink's own count of running jobs
        AliveWorkersRole,
        CoresRole,
        CoresUsedRole,
        MemoryMbRole,
        MemoryUsedMbRole,
    };

    explicit ClustersModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// The `targets` array of the answer; rows are updated in place when the names stay.
    void setTargets(const QJsonArray &targets);
    /// Every job of the environment (the jobs list); those not ended count per target.
    void setJobs(const QList<JobStatus> &jobs);
    /// Web UIs known from elsewhere (the local platform's state), by target name.
    void setUiHints(const QHash<QString, QUrl> &hints);
    void clear();

    const QList<TargetInfo> &targets() const { return m_targets; }
    const TargetInfo *target(int row) const;
    int rowOf(const QString &name) const;
    /// The jobs not ended on `target`, newest first.
    QList<JobStatus> runningJobs(const QString &target) const;
    QUrl uiUrl(int row) const;

    /// "2 TaskManagers · 1/2 slots free · 1 running job", "1 alive worker · 2 cores …", …
    static QString overviewText(const TargetInfo &t);
    /// Re-announces the "checked … ago" column (for a once-a-second clock).
    void tick();

private:
    QList<TargetInfo> m_targets;
    QList<JobStatus> m_jobs;
    QHash<QString, QUrl> m_hints;
};

} // namespace uis
