// SPDX-License-Identifier: Apache-2.0
#include "jobsintegration.h"

#include "alertwatcher.h"
#include "environmentsdialog.h"
#include "jobsconnections.h"
#include "jobsdock.h"
#include "jobsmodel.h"
#include "logdock.h"
#include "metricsdock.h"
#include "savepointsdock.h"
#include "submitflow.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QItemSelectionModel>
#include <QJsonObject>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>

namespace uis {

namespace {

QString jobsStorePath()
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/share");
    QDir().mkpath(base + QStringLiteral("/uis-studio"));
    return base + QStringLiteral("/uis-studio/jobs.json");
}

} // namespace

JobsIntegration::JobsIntegration(QMainWindow *window, PipelineDocument *document)
    : QObject(window), m_window(window), m_connections(new JobsConnections({}, this)),
      m_model(new JobsModel(jobsStorePath(), this)),
      m_alerts(new AlertWatcher(m_model, m_connections, this))
{
    m_jobsDock = new JobsDock(m_model, m_connections, window);
    m_logDock = new LogDock(m_connections, window);
    m_savepointsDock = new SavepointsDock(m_connections, window);
    m_metricsDock = new MetricsDock(m_connections, window);
    m_flow = new SubmitFlow(document, m_connections, window);

    m_submit = new QAction(tr("&Submit Job…"), this);
    m_submit->setObjectName(QStringLiteral("submitJob"));
    m_submit->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
    m_submit->setToolTip(
        tr("Validate, compile and submit this pipeline to the selected DCP environment"));
    m_submit->setIcon(JobsModel::stateIcon(JobState::Running));
    m_environments = new QAction(tr("&Environments…"), this);
    m_environments->setObjectName(QStringLiteral("dcpEnvironments"));

    connect(m_submit, &QAction::triggered, m_flow, &SubmitFlow::start);
    connect(m_environments, &QAction::triggered, this, &JobsIntegration::showEnvironments);
    connect(m_flow, &SubmitFlow::message, this, [this](const QString &t) { showMessage(t); });
    connect(m_flow, &SubmitFlow::failed, this, [this](const QString &t) {
        showMessage(t.section(QLatin1Char('\n'), 0, 0), 10000);
        auto *box =
            new QMessageBox(QMessageBox::Warning, tr("Submit"), t, QMessageBox::Ok, m_window);
        box->setObjectName(QStringLiteral("submitFailed"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    connect(m_flow, &SubmitFlow::submitted, this,
            [this](const QString &environment, const JobStatus &s) {
                m_jobsDock->show();
                m_jobsDock->addJob(environment, s);
                m_logDock->showJob(environment, s.jobId);
            });
    connect(m_jobsDock, &JobsDock::showLogRequested, m_logDock, &LogDock::showJob);
    // The Savepoints tab follows the job selected in the Jobs list (and its status).
    auto showSelected = [this] {
        if (const JobEntry *e = m_model->entry(m_jobsDock->currentRow())) {
            m_savepointsDock->showJob(e->environment, e->status);
            m_metricsDock->showJob(e->environment, e->status.jobId);
        }
    };
    connect(m_jobsDock->view()->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            showSelected);
    connect(m_model, &QAbstractItemModel::dataChanged, this, showSelected);
    connect(m_savepointsDock, &SavepointsDock::restoreRequested, this,
            [this](const QString &environment, const QString &path) {
                m_flow->startRestoring(environment, QJsonObject{{QStringLiteral("path"), path}});
            });
    connect(m_savepointsDock, &SavepointsDock::message, this,
            [this](const QString &t) { showMessage(t); });
    connect(m_jobsDock, &JobsDock::message, this, [this](const QString &t) { showMessage(t); });
    connect(m_metricsDock, &MetricsDock::message, this,
            [this](const QString &t) { showMessage(t); });
    connect(m_jobsDock, &JobsDock::jobEnded, this, &JobsIntegration::notifyEnded);
    connect(m_alerts, &AlertWatcher::alertChanged, this, &JobsIntegration::notifyAlert);
    connect(m_connections, &JobsConnections::progress, this,
            [this](const QString &t) { showMessage(t); });
}

void JobsIntegration::upgrade(const QString &environment, const QString &jobId)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const JobEntry *e = m_model->entry(row);
        if (e && e->environment == environment && e->status.jobId == jobId) {
            m_savepointsDock->showJob(environment, e->status);
            m_savepointsDock->stopAndRestore();
            return;
        }
    }
    showMessage(tr("Upgrade: job %1 is no longer in the Jobs list").arg(jobId));
}

JobsIntegration *JobsIntegration::install(QMainWindow *window, QMenu *menu, QToolBar *toolBar,
                                          PipelineDocument *document, const AddDock &addDock)
{
    auto *self = new JobsIntegration(window, document);
    if (menu) {
        menu->addAction(self->m_submit);
        menu->addSeparator();
        menu->addAction(self->m_jobsDock->toggleViewAction());
        menu->addAction(self->m_logDock->toggleViewAction());
        menu->addAction(self->m_savepointsDock->toggleViewAction());
        menu->addAction(self->m_metricsDock->toggleViewAction());
        menu->addSeparator();
        menu->addAction(self->m_environments);
    }
    if (toolBar) {
        toolBar->addSeparator();
        toolBar->addAction(self->m_submit);
    }
    const AddDock add = addDock ? addDock : AddDock([window](QDockWidget *d, Qt::DockWidgetArea a) {
        window->addDockWidget(a, d);
    });
    add(self->m_jobsDock, Qt::BottomDockWidgetArea);
    add(self->m_logDock, Qt::BottomDockWidgetArea);
    add(self->m_savepointsDock, Qt::BottomDockWidgetArea);
    add(self->m_metricsDock, Qt::BottomDockWidgetArea);
    window->tabifyDockWidget(self->m_jobsDock, self->m_logDock);
    window->tabifyDockWidget(self->m_logDock, self->m_savepointsDock);
    window->tabifyDockWidget(self->m_savepointsDock, self->m_metricsDock);
    self->m_jobsDock->raise();
    // Jobs that were running when the studio closed are watched again, once the event loop runs:
    // the window is shown before any keychain or network call.
    QTimer::singleShot(0, self->m_jobsDock, &JobsDock::watchUnfinished);
    return self;
}

void JobsIntegration::showEnvironments()
{
    if (!m_dialog) {
        m_dialog =
            new EnvironmentsDialog(m_connections->store(), m_connections->tokens(), m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &EnvironmentsDialog::environmentChanged, m_connections,
                &JobsConnections::invalidate);
    }
    m_dialog->show();
    m_dialog->raise();
}

void JobsIntegration::showMessage(const QString &text, int ms)
{
    if (QStatusBar *bar = m_window->statusBar())
        bar->showMessage(text, ms);
}

void JobsIntegration::notifyEnded(const QString &environment, const JobStatus &status)
{
    const QString title = tr("Job %1").arg(jobStateName(status.state).toLower());
    QString text =
        tr("%1 (%2) on %3")
            .arg(status.name.isEmpty() ? status.jobId : status.name, status.jobId, environment);
    if (!status.error.isEmpty())
        text += QLatin1Char('\n') + status.error;
    notify(title, text, status.state != JobState::Succeeded);
}

void JobsIntegration::notifyAlert(const QString &environment, const QJsonObject &alert)
{
    const bool firing = alert.value(QLatin1String("status")).toString() == QLatin1String("firing");
    const QString rule = alert.value(QLatin1String("rule")).toString();
    const QString title =
        firing ? tr("Alert %1 firing").arg(rule) : tr("Alert %1 resolved").arg(rule);
    const QString text =
        tr("%1 (%2) on %3")
            .arg(alert.value(QLatin1String("job_name")).toString(),
                 alert.value(QLatin1String("job_id")).toString(), environment) +
        (firing ? QLatin1Char('\n') + alert.value(QLatin1String("text")).toString() : QString());
    notify(title, text, firing);
}

void JobsIntegration::notify(const QString &title, const QString &text, bool warning)
{
    if (QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(JobsModel::stateIcon(JobState::Running), this);
            m_tray->setToolTip(tr("UIS Studio jobs"));
        }
        m_tray->show();
        m_tray->showMessage(title, text,
                            warning ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
    }
    QApplication::alert(m_window);
    showMessage(title + QStringLiteral(": ") + text.section(QLatin1Char('\n'), 0, 0), 10000);
    Q_EMIT notified(title, text);
}

} // namespace uis
