// SPDX-License-Identifier: Apache-2.0
#include "studioextensions.h"

#include "changesintegration.h"
#include "clustersintegration.h"
#include "enginesessionsmonitor.h"
#include "enginesintegration.h"
#include "enginestatusindicator.h"
#include "jobsconnections.h"
#include "jobsdock.h"
#include "jobsintegration.h"
#include "mainwindow.h"
#include "previewintegration.h"
#include "runoverlaycontroller.h"
#include "sampleintegration.h"
#include "upgradeflow.h"

#include <QMenu>
#include <QStatusBar>

namespace uis {

void installStudioExtensions(MainWindow &window)
{
    const auto addDock = [&window](QDockWidget *d, Qt::DockWidgetArea a) {
        window.addExtensionDock(d, a);
    };
    auto *jobs = JobsIntegration::install(&window, window.menu(QStringLiteral("jobs")),
                                          window.mainToolBar(), window.document(), addDock);
    auto *upgrade = UpgradeFlow::install(&window, jobs->jobsDock(), window.document(),
                                         jobs->connections(), window.graphScene());
    QObject::connect(upgrade, &UpgradeFlow::upgradeConfirmed, jobs, &JobsIntegration::upgrade);
    ClustersIntegration::install(&window, window.menu(QStringLiteral("jobs")), jobs, addDock);
    PreviewIntegration::install(&window, window.menu(QStringLiteral("pipeline")),
                                window.mainToolBar(), window.document(), window.graphScene(), jobs,
                                addDock);
    window.statusBar()->addPermanentWidget(
        new EngineStatusIndicator(EngineSessionsMonitor::shared(), window.statusBar()));
    // The Jobs dock's selection draws that run's rows per node on the canvas.
    auto *overlay = new RunOverlayController(jobs->jobsDock(), window.graphScene(), &window);
    QObject::connect(overlay, &RunOverlayController::message, window.statusBar(),
                     [&window](const QString &t) { window.statusBar()->showMessage(t, 6000); });
    SampleIntegration::install(&window, window.menu(QStringLiteral("pipeline")),
                               {window.document(), window.graphScene(), window.propertiesDock(),
                                window.problemsDock(), window.analysis(),
                                jobs->connections()->tokens()},
                               addDock);
    QMenu *tools = window.menu(QStringLiteral("tools"));
    tools->setTitle(QObject::tr("&Tools"));
    EnginesIntegration::install(&window, tools);
    ChangesIntegration::install(&window, window.menu(QStringLiteral("view")), window.document(),
                                window.graphScene(), addDock,
                                [&window](const VcsState &s) { window.setVcsState(s); });
}

} // namespace uis
