// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dcperror.h"
#include "jobstatus.h"

#include <QDockWidget>
#include <QHash>

class QAction;
class QLabel;
class QTreeView;
class QTimer;

namespace uis {

class JobFollower;
class JobRunsFetcher;
class JobsConnections;
class JobsModel;

/**
 * The Jobs dock: every job submitted from the studio with its live status. Each job that has
 * not ended is polled with backoff (JobFollower); the dock announces when one ends. Cancel asks
 * for confirmation first. A scheduled job's runs are child rows of it (JobRunsFetcher asks for
 * them when the job's engine state moves); selecting a run selects its job for every action.
 */
class JobsDock : public QDockWidget
{
    Q_OBJECT
public:
    JobsDock(JobsModel *model, JobsConnections *connections, QWidget *parent = nullptr);
    ~JobsDock() override;

    QTreeView *view() const { return m_view; }
    JobRunsFetcher *runsFetcher() const { return m_runs; }
    JobsModel *model() const { return m_model; }
    QAction *cancelAction() const { return m_cancel; }
    QAction *showLogAction() const { return m_showLog; }
    QAction *refreshAction() const { return m_refresh; }
    QAction *removeAction() const { return m_remove; }
    QAction *upgradeAction() const { return m_upgrade; }

    /// Adds a just-submitted job and starts watching it.
    void addJob(const QString &environment, const JobStatus &status);
    /// Starts watching every job of the list that has not ended (after a restart, say).
    void watchUnfinished();
    bool isWatching(const QString &environment, const QString &jobId) const;
    /// The selected job's row (the job of a selected run), or -1.
    int currentRow() const;
    void selectJob(const QString &environment, const QString &jobId);
    /// Asks for confirmation, then cancels the job of `row`.
    void requestCancel(int row);

Q_SIGNALS:
    /// A job reached SUCCEEDED, FAILED or CANCELLED while the dock watched it.
    void jobEnded(const QString &environment, const uis::JobStatus &status);
    void showLogRequested(const QString &environment, const QString &jobId);
    /// Upgrade… on a job that runs: check the open spec against its state (UpgradeFlow).
    void upgradeRequested(const QString &environment, const QString &jobId);
    void message(const QString &text);

private:
    void watch(const QString &environment, const QString &jobId);
    void stopWatching(const QString &key);
    void updateActions();
    void cancelNow(const QString &environment, const QString &jobId);

    JobsModel *m_model;
    JobsConnections *m_connections;
    QTreeView *m_view;
    JobRunsFetcher *m_runs;
    QLabel *m_status;
    QAction *m_cancel;
    QAction *m_showLog;
    QAction *m_refresh;
    QAction *m_remove;
    QAction *m_upgrade;
    QTimer *m_clock;
    QHash<QString, JobFollower *> m_followers; ///< key: environment + '\n' + job id
};

} // namespace uis
