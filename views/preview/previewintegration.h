// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <Qt>

#include <functional>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;
class QToolBar;

namespace uis {

class DataPreviewDock;
class GraphScene;
class JobsIntegration;
class PipelineDocument;

/**
 * Everything "try it on data" adds to the studio, installed with one call: the Data Preview
 * dock under the canvas, Preview Data (F5) and Stop Preview (Shift+F5), and Run Locally
 * (Ctrl+R), which is Submit (JobsIntegration's flow) aimed at the `local` environment, the
 * embedded dcp-local running the real engine.
 */
class PreviewIntegration : public QObject
{
    Q_OBJECT
public:
    using AddDock = std::function<void(QDockWidget *, Qt::DockWidgetArea)>;

    /// Installs into `window`. `scene` (canvas selection → preview node) and `jobs` (Run
    /// Locally) may be null; `addDock` defaults to QMainWindow::addDockWidget.
    static PreviewIntegration *install(QMainWindow *window, QMenu *menu, QToolBar *toolBar, PipelineDocument *document,
                                       GraphScene *scene, JobsIntegration *jobs, const AddDock &addDock = {});

    DataPreviewDock *dock() const { return m_dock; }
    QAction *previewAction() const { return m_preview; }
    QAction *stopAction() const { return m_stop; }
    QAction *runLocallyAction() const { return m_runLocally; }

    /// Shows the dock and starts a preview.
    void preview();
    /// Submits the document to the `local` environment (the Submit dialog confirms it).
    void runLocally();

private:
    PreviewIntegration(QMainWindow *window, PipelineDocument *document, JobsIntegration *jobs);
    /**
     * A spec with s3a:// paths runs against the local platform's store: while the platform is
     * down (and the studio has its Clusters view), asks to start it and runs once it is up.
     * Returns true when it took over (the question is open).
     */
    bool offerLocalPlatform();
    void submitLocal();

    QMainWindow *m_window;
    PipelineDocument *m_document;
    JobsIntegration *m_jobs;
    DataPreviewDock *m_dock;
    QAction *m_preview;
    QAction *m_stop;
    QAction *m_runLocally;
};

} // namespace uis
