// SPDX-License-Identifier: Apache-2.0
#include "previewintegration.h"

#include "clustersdock.h"
#include "clustersintegration.h"
#include "datapreviewdock.h"
#include "datapreviewrunner.h"
#include "enginesessionsmonitor.h"
#include "environmentstore.h"
#include "jobsintegration.h"
#include "pipelinedocument.h"
#include "platformmanager.h"
#include "platformpanel.h"
#include "submitflow.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>

namespace uis {

PreviewIntegration::PreviewIntegration(QMainWindow *window, PipelineDocument *document,
                                       JobsIntegration *jobs)
    : QObject(window), m_window(window), m_document(document), m_jobs(jobs),
      m_dock(new DataPreviewDock(document, window))
{
    m_preview = new QAction(window->style()->standardIcon(QStyle::SP_MediaPlay), tr("Pre&view Data"), this);
    m_preview->setObjectName(QStringLiteral("previewData"));
    m_preview->setShortcut(QKeySequence(Qt::Key_F5));
    m_preview->setToolTip(tr("Run the sources and transforms on a few rows on the spec's engine "
                             "(Spark or Flink) and show them (F5)"));
    m_preview->setIconText(tr("Preview"));
    m_stop = new QAction(window->style()->standardIcon(QStyle::SP_MediaStop), tr("S&top Preview"), this);
    m_stop->setObjectName(QStringLiteral("stopPreview"));
    m_stop->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    m_stop->setEnabled(false);
    m_runLocally = new QAction(window->style()->standardIcon(QStyle::SP_MediaSeekForward), tr("Run &Locally…"), this);
    m_runLocally->setObjectName(QStringLiteral("runLocally"));
    m_runLocally->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_runLocally->setToolTip(tr("Run this pipeline on the real engine through the local dcp-local (Ctrl+R)"));
    m_runLocally->setIconText(tr("Run Locally"));
    m_runLocally->setEnabled(m_jobs != nullptr);

    connect(m_preview, &QAction::triggered, this, &PreviewIntegration::preview);
    connect(m_stop, &QAction::triggered, m_dock, &DataPreviewDock::stop);
    connect(m_runLocally, &QAction::triggered, this, &PreviewIntegration::runLocally);
    connect(m_dock, &DataPreviewDock::runningChanged, this, [this](bool running) {
        m_preview->setEnabled(!running);
        m_stop->setEnabled(running);
    });
}

PreviewIntegration *PreviewIntegration::install(QMainWindow *window, QMenu *menu, QToolBar *toolBar,
                                                PipelineDocument *document, GraphScene *scene, JobsIntegration *jobs,
                                                const AddDock &addDock)
{
    auto *self = new PreviewIntegration(window, document, jobs);
    self->m_dock->setScene(scene);
    // The status bar's engine indicator says "starting…" while these runs start a server.
    EngineSessionsMonitor::shared()->track(self->m_dock->runner());
    EngineSessionsMonitor::shared()->track(self->m_dock->flinkRunner());
    if (menu) {
        menu->addSeparator();
        menu->addAction(self->m_preview);
        menu->addAction(self->m_stop);
        menu->addAction(self->m_runLocally);
    }
    if (toolBar) {
        toolBar->addSeparator();
        toolBar->addAction(self->m_preview);
        toolBar->addAction(self->m_runLocally);
    }
    // Under the canvas, as a tab next to the compiled-output Preview (else another bottom panel).
    QDockWidget *neighbour = nullptr;
    for (QDockWidget *d : window->findChildren<QDockWidget *>()) {
        if (d == self->m_dock || d->isFloating() || window->dockWidgetArea(d) != Qt::BottomDockWidgetArea)
            continue;
        if (!neighbour || d->objectName() == QLatin1String("PreviewDock"))
            neighbour = d;
    }
    const AddDock add = addDock ? addDock : AddDock([window](QDockWidget *d, Qt::DockWidgetArea a) {
        window->addDockWidget(a, d);
    });
    add(self->m_dock, Qt::BottomDockWidgetArea);
    if (neighbour) {
        window->tabifyDockWidget(neighbour, self->m_dock);
        // The compiled output stays in front; Preview Data (F5) raises its own tab when run.
        neighbour->raise();
    }
    return self;
}

void PreviewIntegration::preview()
{
    m_dock->show();
    m_dock->raise();
    m_dock->run();
}

void PreviewIntegration::runLocally()
{
    if (!m_jobs)
        return;
    if (m_jobs->submitFlow()->isBusy()) {
        if (QStatusBar *bar = m_window->statusBar())
            bar->showMessage(tr("A submit is already in progress"), 4000);
        return;
    }
    if (!offerLocalPlatform())
        submitLocal();
}

void PreviewIntegration::submitLocal()
{
    if (m_jobs && !m_jobs->submitFlow()->isBusy())
        m_jobs->submitFlow()->startFor(EnvironmentStore::localName());
}

bool PreviewIntegration::offerLocalPlatform()
{
    auto *clusters = m_window->findChild<ClustersIntegration *>();
    if (!clusters || !m_document)
        return false;
    const QString &text = m_document->text();
    if (!text.contains(QLatin1String("s3a://")) && !text.contains(QLatin1String("s3://")))
        return false;
    PlatformPanel *panel = clusters->platformPanel();
    if (panel->manager()->dcp().runningEnvironment())
        return false;
    auto *box = new QMessageBox(
        QMessageBox::Information, tr("Local platform not running"),
        tr("This pipeline reads or writes s3a:// buckets. Run Locally finds them in the "
           "local platform's object store (with Spark, Flink and Kafka), which is not "
           "running.\n\nStart the local platform now? The pipeline runs once it is up."),
        QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("localPlatformPrompt"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *start = box->addButton(tr("Start Local Platform"), QMessageBox::AcceptRole);
    start->setObjectName(QStringLiteral("startPlatformAndRun"));
    QPushButton *anyway = box->addButton(tr("Run Anyway"), QMessageBox::ActionRole);
    anyway->setObjectName(QStringLiteral("runAnyway"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(start);
    connect(box, &QMessageBox::buttonClicked, this,
            [this, clusters, panel, start, anyway](QAbstractButton *b) {
                if (b == anyway)
                    return submitLocal();
                if (b != start)
                    return;
                clusters->dock()->show();
                clusters->dock()->raise();
                connect(
                    panel, &PlatformPanel::platformChanged, this,
                    [this](bool running) {
                        if (running)
                            submitLocal();
                    },
                    Qt::SingleShotConnection);
                if (!panel->manager()->isBusy())
                    panel->start();
            });
    box->open(); // window-modal, no nested event loop
    return true;
}

} // namespace uis
