// SPDX-License-Identifier: Apache-2.0
#include "clustersintegration.h"

#include "clustersdock.h"
#include "clustersmodel.h"
#include "jobsconnections.h"
#include "jobsdock.h"
#include "jobsintegration.h"
#include "platformmanager.h"
#include "platformpanel.h"

#include <QMainWindow>
#include <QMenu>
#include <QStatusBar>
#include <QTimer>

namespace uis {

ClustersIntegration::ClustersIntegration(QMainWindow *window, JobsIntegration *jobs,
                                         const QString &platformDir)
    : QObject(window), m_window(window), m_jobs(jobs), m_panel(new PlatformPanel(platformDir)),
      m_dock(new ClustersDock(jobs->connections(), m_panel, window))
{
    connect(m_panel, &PlatformPanel::platformChanged, this, &ClustersIntegration::platformChanged);
    auto show = [this](const QString &text) {
        if (QStatusBar *bar = m_window->statusBar())
            bar->showMessage(text, 8000);
    };
    connect(m_panel, &PlatformPanel::message, this, show);
    connect(m_dock, &ClustersDock::message, this, show);
    updateUiHints();
}

ClustersIntegration *ClustersIntegration::install(QMainWindow *window, QMenu *menu,
                                                  JobsIntegration *jobs, const AddDock &addDock,
                                                  const QString &platformDir)
{
    auto *self = new ClustersIntegration(window, jobs, platformDir);
    if (menu)
        menu->addAction(self->m_dock->toggleViewAction());
    const AddDock add = addDock ? addDock : AddDock([window](QDockWidget *d, Qt::DockWidgetArea a) {
        window->addDockWidget(a, d);
    });
    add(self->m_dock, Qt::BottomDockWidgetArea);
    window->tabifyDockWidget(jobs->jobsDock(), self->m_dock);
    jobs->jobsDock()->raise();
    return self;
}

void ClustersIntegration::updateUiHints()
{
    // The server's /targets names no web UI; the platform's own state knows its engines' UIs.
    QHash<QString, QUrl> hints;
    const PlatformState state =
        PlatformState::read(m_panel->manager()->layout().statePath()).value_or(PlatformState{});
    if (const ServiceRecord *r = state.service(QStringLiteral("flink-jobmanager"));
        r && !r->ui.isEmpty())
        hints.insert(QStringLiteral("platform-flink"), QUrl(r->ui));
    if (const ServiceRecord *r = state.service(QStringLiteral("spark-master"));
        r && !r->ui.isEmpty())
        hints.insert(QStringLiteral("platform-spark"), QUrl(r->ui));
    m_dock->model()->setUiHints(hints);
}

void ClustersIntegration::platformChanged()
{
    updateUiHints();
    // The platform replaced (or ended) the local server: `local` follows the one running now.
    m_jobs->connections()->followLocalServer();
    m_dock->refresh();
    QTimer::singleShot(2000, m_dock, &ClustersDock::refresh);
}

} // namespace uis
