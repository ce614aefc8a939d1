// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "jobrun.h"
#include "jobstatus.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QList>

namespace uis {

/// One job the studio knows about: where it runs and what was seen last.
struct JobEntry
{
    QString environment;
    JobStatus status;
    QDateTime lastPoll; ///< UTC; invalid before the first poll
    QList<JobRun> runs; ///< a scheduled job's runs, newest first (not stored: asked again)
    quintptr uid = 0;   ///< this session's stable id of the entry (the runs' parent)
};

/**
 * The jobs submitted from this studio, newest first: name, engine, status (with colour and
 * icon), the engine's own state, submit time, duration and the time of the last poll. Kept in
 * a JSON file (status only, never a secret) so that the list survives a restart.
 *
 * A scheduled job has a child row per run (newest first): "Run N", its outcome, start and
 * duration, the failure in Engine state. setRuns() merges a new answer row by row (inserts,
 * removes, changes), never resetting the model, so that selection and expansion survive polls.
 */
class JobsModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        EngineColumn,
        StatusColumn,
        EngineStateColumn,
        TargetColumn,
        SubmittedColumn,
        DurationColumn,
        ConfirmedColumn,
        LastPollColumn,
        ColumnCount
    };
    enum Role {
        JobIdRole = Qt::UserRole + 1,
        EnvironmentRole,
        StateRole,
        TargetRole,
        LastConfirmedRole, ///< QDateTime: when the engine itself last confirmed the state
        RestartLoopRole,   ///< bool: the engine keeps restarting the job (`RESTARTING …`)
        RunRole,           ///< int: the run's number on a run row, 0 on a job row
    };

    /// `storePath` "" keeps the list in memory only.
    explicit JobsModel(const QString &storePath = {}, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const QList<JobEntry> &entries() const { return m_entries; }
    const JobEntry *entry(int row) const;
    /// The job of `index`: its own row, or the job a run row belongs to; null when invalid.
    const JobEntry *entryAt(const QModelIndex &index) const;
    /// The job row of `index` (a run row's parent); -1 when invalid.
    int jobRow(const QModelIndex &index) const;
    int rowOf(const QString &environment, const QString &jobId) const;

    /// Adds a job (at the top) or updates it; stores the list when something changed.
    void upsert(const QString &environment, const JobStatus &status,
                const QDateTime &lastPoll = {});
    void remove(int row);
    /// Sets a job's runs (newest first) by merging them into its child rows.
    void setRuns(const QString &environment, const QString &jobId, const QList<JobRun> &runs);
    /// Re-announces the duration of running jobs and runs (for a once-a-second clock).
    void tick();

    static QColor stateColor(JobState state);
    static QIcon stateIcon(JobState state);
    /// A warning triangle, drawn (the same in offscreen tests).
    static QIcon warningIcon();
    /// True when the engine reports the job restarting again and again (`RESTARTING (3 restarts)`).
    static bool isRestartLoop(const JobStatus &status);
    /// "3 s ago", "2 min ago", "1 h ago" (from `now`).
    static QString agoText(const QDateTime &time,
                           const QDateTime &now = QDateTime::currentDateTimeUtc());
    /// "confirmed 3 s ago", "not confirmed yet" (on a cluster), "" for a local process.
    static QString confirmedText(const JobStatus &status,
                                 const QDateTime &now = QDateTime::currentDateTimeUtc());

    QString storePath() const { return m_storePath; }
    bool load();
    bool save() const;

private:
    QVariant jobData(const JobEntry &e, int column, int role) const;
    QVariant runData(const JobEntry &job, const JobRun &run, int column, int role) const;
    int rowOfUid(quintptr uid) const;

    QString m_storePath;
    QList<JobEntry> m_entries;
    quintptr m_nextUid = 1;
};

} // namespace uis
