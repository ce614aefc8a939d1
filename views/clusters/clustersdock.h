// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDockWidget>
#include <QUrl>

#include <functional>

class QAction;
class QLabel;
class QTableView;
class QTimer;

namespace uis {

class ClustersModel;
class JobsConnections;
class PlatformPanel;
class TargetJobsModel;

/**
 * The Clusters dock: the execution targets of the current environment's server with their
 * health (reachable ✓/✗) and the engine's figures (Flink: TaskManagers, slots, running jobs;
 * Spark: alive workers, cores, memory), the jobs running on the selected target, a link to its
 * engine's web UI, and the local platform's Start / Stop. Refreshed every few seconds while
 * visible and on demand; every call is asynchronous.
 */
class ClustersDock : public QDockWidget
{
    Q_OBJECT
public:
    /// `platform` null: no platform panel (tests of the list alone).
    ClustersDock(JobsConnections *connections, PlatformPanel *platform, QWidget *parent = nullptr);
    ~ClustersDock() override;

    ClustersModel *model() const { return m_model; }
    TargetJobsModel *jobsModel() const { return m_jobs; }
    QTableView *view() const { return m_view; }
    QTableView *jobsView() const { return m_jobsView; }
    PlatformPanel *platformPanel() const { return m_platform; }
    QAction *refreshAction() const { return m_refresh; }
    QAction *openWebUiAction() const { return m_openUi; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *webUiLabel() const { return m_uiLink; }

    /// The environment shown ("" = the environment store's current one).
    void setEnvironment(const QString &environment);
    QString environment() const;
    /// Seconds between refreshes while the dock is visible (default 5).
    void setInterval(int seconds);
    /// How web UIs are opened (default QDesktopServices::openUrl); tests record instead.
    void setUrlOpener(std::function<void(const QUrl &)> opener) { m_opener = std::move(opener); }

    /// Asks the server for its targets and jobs now (ignored while a refresh runs).
    void refresh();
    bool isRefreshing() const { return m_pending > 0; }
    void selectTarget(const QString &name);
    /// The selected target's row, or -1.
    int currentRow() const;
    void openWebUi(int row);

Q_SIGNALS:
    /// One refresh ended (both answers in, or the environment could not be reached).
    void refreshed(bool ok);
    void message(const QString &text);

private:
    void updateSelection();
    void finishPart(bool ok, const QString &error);

    JobsConnections *m_connections;
    PlatformPanel *m_platform;
    ClustersModel *m_model;
    TargetJobsModel *m_jobs;
    QTableView *m_view;
    QTableView *m_jobsView;
    QLabel *m_status;
    QLabel *m_uiLink;
    QLabel *m_jobsTitle;
    QAction *m_refresh;
    QAction *m_openUi;
    QTimer *m_timer;
    QTimer *m_clock;
    QString m_environment;
    int m_pending = 0;
    QString m_errors;
    std::function<void(const QUrl &)> m_opener;
};

} // namespace uis
