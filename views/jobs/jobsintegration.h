// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "environmentsdialog.h"
#include "jobstatus.h"

#include <QObject>
#include <QPointer>
#include <Qt>

#include <functional>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;
class QSystemTrayIcon;
class QToolBar;

namespace uis {

class AlertWatcher;
class JobsConnections;
class JobsDock;
class JobsModel;
class LogDock;
class SavepointsDock;
class MetricsDock;
class PipelineDocument;
class SubmitFlow;

/**
 * Everything "submit and monitor" adds to the studio, installed with one call: the Submit
 * action (toolbar and menu), the Jobs and Job Log docks, and the Environments dialog. The job
 * list lives in the user's data directory (`uis-studio/jobs.json`) and survives a restart.
 */
class JobsIntegration : public QObject
{
    Q_OBJECT
public:
    using AddDock = std::function<void(QDockWidget *, Qt::DockWidgetArea)>;

    /// Installs into `window`; `addDock` defaults to QMainWindow::addDockWidget.
    static JobsIntegration *install(QMainWindow *window, QMenu *menu, QToolBar *toolBar,
                                    PipelineDocument *document, const AddDock &addDock = {});

    QAction *submitAction() const { return m_submit; }
    QAction *environmentsAction() const { return m_environments; }
    JobsDock *jobsDock() const { return m_jobsDock; }
    LogDock *logDock() const { return m_logDock; }
    SavepointsDock *savepointsDock() const { return m_savepointsDock; }
    MetricsDock *metricsDock() const { return m_metricsDock; }
    JobsModel *jobsModel() const { return m_model; }
    SubmitFlow *submitFlow() const { return m_flow; }
    JobsConnections *connections() const { return m_connections; }
    AlertWatcher *alertWatcher() const { return m_alerts; }
    EnvironmentsDialog *environmentsDialog() const { return m_dialog; }

    void showEnvironments();
    /// Carries out a confirmed upgrade of `jobId`: stop with a savepoint, then submit the open
    /// pipeline restoring from it (what the Savepoints tab's Stop and Restore do by hand).
    void upgrade(const QString &environment, const QString &jobId);

Q_SIGNALS:
    /// The desktop notification shown when a job ends, or an alert of a `desktop` rule fires or
    /// resolves (also when no tray is available).
    void notified(const QString &title, const QString &text);

private:
    JobsIntegration(QMainWindow *window, PipelineDocument *document);
    void notifyEnded(const QString &environment, const JobStatus &status);
    void notifyAlert(const QString &environment, const QJsonObject &alert);
    /// The tray message (when there is a tray), the window's alert and the status bar.
    void notify(const QString &title, const QString &text, bool warning);
    void showMessage(const QString &text, int ms = 6000);

    QMainWindow *m_window;
    JobsConnections *m_connections;
    JobsModel *m_model;
    JobsDock *m_jobsDock;
    LogDock *m_logDock;
    MetricsDock *m_metricsDock = nullptr;
    SavepointsDock *m_savepointsDock;
    SubmitFlow *m_flow;
    QAction *m_submit;
    QAction *m_environments;
    QPointer<EnvironmentsDialog> m_dialog;
    QSystemTrayIcon *m_tray = nullptr;
    AlertWatcher *m_alerts;
};

} // namespace uis
