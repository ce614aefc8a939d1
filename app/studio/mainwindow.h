// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "analysisrunner.h"
#include "graphmodel.h"
#include "vcsstate.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QMenu;
class QTabWidget;
class QToolBar;

namespace uis {

class AnalysisApplier;
class AutosaveManager;
class GraphScene;
class GraphView;
class PaletteDock;
class PipelineDocument;
class PreviewDock;
class ProblemsDock;
class PropertiesDock;
class SourceView;
class UndoHistoryDock;

/**
 * The designer window. It creates the views, connects them to one PipelineDocument and the
 * AnalysisRunner, and owns the actions, menus and docks; behaviour lives in the libraries.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Extension hooks for other parts of the studio (jobs, logs…).
    /// The top-level menu with the given object name: "file", "edit", "view", "pipeline", "help"
    /// (created, before Help, when it does not exist yet).
    QMenu *menu(const QString &name);
    QToolBar *mainToolBar() const { return m_toolBar; }
    PipelineDocument *document() const { return m_document; }
    void addExtensionDock(QDockWidget *dock, Qt::DockWidgetArea area);

    // Views, for tests and extensions.
    AnalysisRunner *analysis() const { return m_runner; }
    /// Shows each analysis result in the views, in time-budgeted slices.
    AnalysisApplier *applier() const { return m_applier; }
    SourceView *sourceView() const { return m_source; }
    GraphScene *graphScene() const { return m_scene; }
    GraphView *graphView() const { return m_graphView; }
    ProblemsDock *problemsDock() const { return m_problems; }
    PreviewDock *previewDock() const { return m_preview; }
    PropertiesDock *propertiesDock() const { return m_properties; }
    PaletteDock *paletteDock() const { return m_palette; }
    AutosaveManager *autosave() const { return m_autosave; }
    QTabWidget *centralTabs() const { return m_tabs; }
    QString statusCounts() const;

    bool openFile(const QString &path);
    void newFromTemplate(const QByteArray &content, const QString &name);
    /// Offers to restore edits a killed session left behind; returns whether one was restored.
    bool offerRecovery();
    void showDesign();
    void showSource();
    /// The Git state shown in the title (ChangesIntegration reports it).
    void setVcsState(const VcsState &state);

protected:
    void closeEvent(QCloseEvent *e) override;
    void dragEnterEvent(QDragEnterEvent *e) override;
    void dropEvent(QDropEvent *e) override;
    void changeEvent(QEvent *e) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createStatusBar();
    void applySettings();
    void onAnalysisFinished(const AnalysisResult &result);
    void goToProblem(const Diagnostic &d, bool showSourceView);
    void stepProblem(int direction);
    void updateTitle();
    void updateRecentMenu();
    void updateCursorLabel();
    bool maybeSave();
    bool save();
    bool saveAs();
    void openDialog();
    void newDialog();
    void addNodeAtFreeSpot(NodeKind kind, const QString &type);

    PipelineDocument *m_document;
    AnalysisRunner *m_runner;
    AnalysisApplier *m_applier;
    AutosaveManager *m_autosave;
    GraphScene *m_scene;
    GraphView *m_graphView;
    SourceView *m_source;
    QTabWidget *m_tabs;
    PropertiesDock *m_properties;
    ProblemsDock *m_problems;
    PreviewDock *m_preview;
    PaletteDock *m_palette;
    UndoHistoryDock *m_history;
    QToolBar *m_toolBar = nullptr;
    QHash<QString, QMenu *> m_menus;
    QMenu *m_recentMenu = nullptr;
    QLabel *m_countsLabel;
    QLabel *m_cursorLabel;
    QLabel *m_formatLabel;
    QLabel *m_engineLabel;
    QLabel *m_timingLabel;
    QHash<QString, QAction *> m_actions;
    bool m_dark = false;
    VcsState m_vcs;
};

} // namespace uis
