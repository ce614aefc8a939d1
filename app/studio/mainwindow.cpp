// SPDX-License-Identifier: Apache-2.0
#include "mainwindow.h"

#include "analysisapplier.h"
#include "autosavemanager.h"
#include "codeeditor.h"
#include "findbar.h"
#include "formeditor.h"
#include "graphscene.h"
#include "graphview.h"
#include "palettedock.h"
#include "palettemodel.h"
#include "pipelinedocument.h"
#include "previewdock.h"
#include "problemsdock.h"
#include "problemsmodel.h"
#include "propertiesdock.h"
#include "settingsdialog.h"
#include "sourceview.h"
#include "specschema.h"
#include "studioicons.h"
#include "studiosettings.h"
#include "templatedialog.h"
#include "testsdock.h"
#include "undohistorydock.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

namespace uis {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_document(new PipelineDocument(this)),
      m_runner(new AnalysisRunner(m_document, this)),
      m_autosave(new AutosaveManager(m_document, AutosaveManager::defaultDirectory(), this)),
      m_scene(new GraphScene(m_document, this)), m_graphView(new GraphView(m_scene)),
      m_source(new SourceView(m_document)), m_tabs(new QTabWidget),
      m_properties(new PropertiesDock(m_document, this)), m_problems(new ProblemsDock(this)),
      m_preview(new PreviewDock(this)), m_palette(new PaletteDock(this)),
      m_history(new UndoHistoryDock(m_document->undoStack(), this)), m_countsLabel(new QLabel),
      m_cursorLabel(new QLabel), m_formatLabel(new QLabel), m_engineLabel(new QLabel),
      m_timingLabel(new QLabel)
{
    m_applier = new AnalysisApplier(
        m_document, {m_problems, m_source, m_scene, m_properties->form(), m_preview}, this);
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(StudioIcons::icon(QStringLiteral("uis-studio")));
    setAcceptDrops(true);
    setDockNestingEnabled(true);

    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_graphView, StudioIcons::icon(QStringLiteral("design")), tr("Design"));
    m_tabs->addTab(m_source, StudioIcons::icon(QStringLiteral("source")), tr("Source"));
    setCentralWidget(m_tabs);

    addDockWidget(Qt::LeftDockWidgetArea, m_palette);
    addDockWidget(Qt::RightDockWidgetArea, m_properties);
    addDockWidget(Qt::BottomDockWidgetArea, m_problems);
    addDockWidget(Qt::BottomDockWidgetArea, m_preview);
    splitDockWidget(m_problems, m_preview, Qt::Horizontal);
    tabifyDockWidget(m_problems, m_history);
    m_problems->raise();
    resizeDocks({m_palette, m_properties}, {190, 400}, Qt::Horizontal);
    resizeDocks({m_problems}, {240}, Qt::Vertical);
    resizeDocks({m_problems, m_preview}, {520, 680}, Qt::Horizontal);

    createActions();
    createMenus();
    createToolBar();
    createStatusBar();
    // Tests: the golden-data cases of the document's tests file, next to Problems.
    auto *tests = new TestsDock(m_document, this);
    addExtensionDock(tests, Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_problems, tests);
    m_problems->raise();

    // Wiring.
    connect(m_runner, &AnalysisRunner::finished, this, &MainWindow::onAnalysisFinished);
    connect(m_runner, &AnalysisRunner::started, this,
            [this] { m_timingLabel->setText(tr("Checking…")); });
    connect(m_problems, &ProblemsDock::problemActivated, this,
            [this](const Diagnostic &d) { goToProblem(d, false); });
    connect(m_problems->view(), &QTreeView::doubleClicked, this, [this] { showSource(); });
    connect(m_scene, &GraphScene::selectedNodesChanged, this, [this](const QList<NodeId> &ids) {
        m_properties->form()->setTarget(ids.size() == 1 ? ids.first() : InvalidNodeId);
    });
    connect(m_scene, &GraphScene::message, this,
            [this](const QString &t) { statusBar()->showMessage(t, 5000); });
    connect(m_properties->form(), &FormEditor::message, this,
            [this](const QString &t) { statusBar()->showMessage(t, 5000); });
    connect(m_preview, &PreviewDock::message, statusBar(), &QStatusBar::showMessage);
    connect(m_palette, &PaletteDock::addRequested, this, &MainWindow::addNodeAtFreeSpot);
    connect(m_document, &PipelineDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &PipelineDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &PipelineDocument::changed, this, [this](DocumentChange c) {
        if (c.what & (DocumentChange::Tree | DocumentChange::File))
            m_palette->model()->setProviderType(m_document->spec().provider.providerType);
        if (c.what & DocumentChange::File)
            m_formatLabel->setText(m_document->format() == SpecFormat::Json
                                       ? QStringLiteral("JSON")
                                       : QStringLiteral("YAML"));
    });
    connect(m_source->editor(), &CodeEditor::cursorPositionChanged, this,
            &MainWindow::updateCursorLabel);

    applySettings();
    QSettings s;
    restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    if (!s.contains(QStringLiteral("window/geometry")))
        resize(1400, 900);
    newFromTemplate(TemplateDialog::emptyPipeline(), QStringLiteral("new-pipeline.uis.yaml"));
}

MainWindow::~MainWindow() = default;

QMenu *MainWindow::menu(const QString &name)
{
    if (QMenu *m = m_menus.value(name))
        return m;
    QString title = name;
    if (!title.isEmpty())
        title[0] = title[0].toUpper();
    auto *m = new QMenu(title, this);
    m->setObjectName(name);
    QMenu *help = m_menus.value(QStringLiteral("help"));
    if (help)
        menuBar()->insertMenu(help->menuAction(), m);
    else
        menuBar()->addMenu(m);
    m_menus.insert(name, m);
    return m;
}

void MainWindow::addExtensionDock(QDockWidget *dock, Qt::DockWidgetArea area)
{
    addDockWidget(area, dock);
    if (QMenu *panels = m_menus.value(QStringLiteral("panels")))
        panels->addAction(dock->toggleViewAction());
}

void MainWindow::createActions()
{
    auto make = [this](const QString &id, const QString &text, const QString &icon,
                       const QKeySequence &key, auto slot) {
        auto *a = new QAction(text, this);
        a->setObjectName(id);
        if (!icon.isEmpty())
            a->setIcon(StudioIcons::icon(icon));
        if (!key.isEmpty())
            a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        m_actions.insert(id, a);
        return a;
    };
    make(QStringLiteral("new"), tr("&New from Template…"), QStringLiteral("new"), QKeySequence::New,
         [this] { newDialog(); });
    make(QStringLiteral("open"), tr("&Open…"), QStringLiteral("open"), QKeySequence::Open,
         [this] { openDialog(); });
    make(QStringLiteral("save"), tr("&Save"), QStringLiteral("save"), QKeySequence::Save,
         [this] { save(); });
    make(QStringLiteral("saveAs"), tr("Save &As…"), QStringLiteral("save-as"), QKeySequence::SaveAs,
         [this] { saveAs(); });
    make(QStringLiteral("quit"), tr("&Quit"), QString(), QKeySequence::Quit, [this] { close(); });
    make(QStringLiteral("preferences"), tr("&Preferences…"), QStringLiteral("settings"),
         QKeySequence::Preferences, [this] {
             // Window-modal and non-blocking: no nested event loop.
             auto *d = new SettingsDialog(this);
             d->setAttribute(Qt::WA_DeleteOnClose);
             connect(d, &QDialog::accepted, this, [this, d] {
                 d->apply();
                 applySettings();
             });
             d->open();
         });
    m_actions.value(QStringLiteral("preferences"))->setMenuRole(QAction::PreferencesRole);
    if (m_actions.value(QStringLiteral("preferences"))->shortcut().isEmpty())
        m_actions.value(QStringLiteral("preferences"))
            ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));

    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setIcon(StudioIcons::icon(QStringLiteral("undo")));
    m_actions.insert(QStringLiteral("undo"), undo);
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence::Redo, QKeySequence(Qt::CTRL | Qt::Key_Y)});
    redo->setIcon(StudioIcons::icon(QStringLiteral("redo")));
    m_actions.insert(QStringLiteral("redo"), redo);

    make(QStringLiteral("find"), tr("&Find…"), QStringLiteral("find"), QKeySequence::Find, [this] {
        showSource();
        m_source->findBar()->open(false);
    });
    make(QStringLiteral("replace"), tr("Find and &Replace…"), QString(),
         QKeySequence(Qt::CTRL | Qt::Key_H), [this] {
             showSource();
             m_source->findBar()->open(true);
         });
    make(QStringLiteral("goToLine"), tr("&Go to Line…"), QString(),
         QKeySequence(Qt::CTRL | Qt::Key_L), [this] {
             bool ok = false;
             const int line = QInputDialog::getInt(
                 this, tr("Go to Line"), tr("Line:"), m_source->editor()->currentLine(), 1,
                 std::max(1, m_source->editor()->lines()), 1, &ok);
             if (ok) {
                 showSource();
                 m_source->editor()->goToLine(line);
             }
         });
    auto *del =
        make(QStringLiteral("delete"), tr("&Delete Selected Nodes") + QStringLiteral("\tDel"),
             QStringLiteral("delete"), QKeySequence(), [this] { m_scene->deleteSelection(); });
    del->setToolTip(tr("Delete the selected nodes and connections (Del)"));

    make(QStringLiteral("design"), tr("&Design"), QStringLiteral("design"),
         QKeySequence(Qt::CTRL | Qt::Key_1), [this] { showDesign(); });
    make(QStringLiteral("source"), tr("&Source"), QStringLiteral("source"),
         QKeySequence(Qt::CTRL | Qt::Key_2), [this] { showSource(); });
    make(QStringLiteral("zoomIn"), tr("Zoom &In"), QStringLiteral("zoom-in"), QKeySequence::ZoomIn,
         [this] { m_graphView->zoomIn(); });
    make(QStringLiteral("zoomOut"), tr("Zoom &Out"), QStringLiteral("zoom-out"),
         QKeySequence::ZoomOut, [this] { m_graphView->zoomOut(); });
    make(QStringLiteral("resetZoom"), tr("&Actual Size"), QString(),
         QKeySequence(Qt::CTRL | Qt::Key_0), [this] { m_graphView->resetZoom(); });
    make(QStringLiteral("fit"), tr("&Fit to View"), QStringLiteral("fit"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), [this] {
             showDesign();
             m_graphView->fitToView();
         });
    make(QStringLiteral("layout"), tr("Automatic &Layout"), QStringLiteral("layout"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), [this] {
             m_document->resetLayout();
             m_graphView->fitToView();
         });
    auto *minimap = make(QStringLiteral("minimap"), tr("&Minimap"), QString(), QKeySequence(),
                         [this](bool on) { m_graphView->setMiniMapVisible(on); });
    minimap->setCheckable(true);
    minimap->setChecked(true);
    auto *annotations =
        make(QStringLiteral("annotations"), tr("Inline &Messages in Source"), QString(),
             QKeySequence(), [this](bool on) { m_source->editor()->setAnnotationsVisible(on); });
    annotations->setCheckable(true);
    annotations->setChecked(true);

    make(QStringLiteral("addEndpoint"), tr("Add &Endpoint"), QStringLiteral("add-endpoint"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), [this] {
             addNodeAtFreeSpot(NodeKind::Endpoint, m_document->spec().provider.providerType);
         });
    make(QStringLiteral("validate"), tr("&Check Now"), QStringLiteral("validate"),
         QKeySequence(Qt::Key_F7), [this] { m_runner->runNow(); });
    make(QStringLiteral("nextProblem"), tr("&Next Problem"), QString(), QKeySequence(Qt::Key_F8),
         [this] { stepProblem(1); });
    make(QStringLiteral("previousProblem"), tr("&Previous Problem"), QString(),
         QKeySequence(Qt::SHIFT | Qt::Key_F8), [this] { stepProblem(-1); });
    make(QStringLiteral("sparkPreview"), tr("Preview &Spark Output"), QString(), QKeySequence(),
         [this] { m_preview->setEngine(Engine::Spark); });
    make(QStringLiteral("flinkPreview"), tr("Preview F&link Output"), QString(), QKeySequence(),
         [this] { m_preview->setEngine(Engine::Flink); });

    make(QStringLiteral("about"), tr("&About UIS Studio"), QString(), QKeySequence(), [this] {
        QMessageBox::about(
            this, tr("About UIS Studio"),
            tr("<h3>UIS Studio %1</h3><p>Design Unified Ingestion Spec pipelines and compile them "
               "to "
               "Spark or Flink jobs.</p><p>Licensed under the Apache License 2.0.</p>")
                .arg(QApplication::applicationVersion()));
    });
    m_actions.value(QStringLiteral("about"))->setMenuRole(QAction::AboutRole);
    make(QStringLiteral("aboutQt"), tr("About &Qt"), QString(), QKeySequence(),
         [] { QApplication::aboutQt(); });
}

void MainWindow::createMenus()
{
    auto a = [this](const char *id) { return m_actions.value(QString::fromLatin1(id)); };
    QMenu *file = menu(QStringLiteral("file"));
    file->setTitle(tr("&File"));
    file->addAction(a("new"));
    file->addAction(a("open"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    file->addAction(a("save"));
    file->addAction(a("saveAs"));
    file->addSeparator();
    file->addAction(a("quit"));

    QMenu *edit = menu(QStringLiteral("edit"));
    edit->setTitle(tr("&Edit"));
    edit->addAction(a("undo"));
    edit->addAction(a("redo"));
    edit->addSeparator();
    edit->addAction(a("find"));
    edit->addAction(a("replace"));
    edit->addAction(a("goToLine"));
    edit->addSeparator();
    edit->addAction(a("delete"));
    edit->addSeparator();
    edit->addAction(a("preferences"));

    QMenu *view = menu(QStringLiteral("view"));
    view->setTitle(tr("&View"));
    view->addAction(a("design"));
    view->addAction(a("source"));
    view->addSeparator();
    view->addAction(a("zoomIn"));
    view->addAction(a("zoomOut"));
    view->addAction(a("resetZoom"));
    view->addAction(a("fit"));
    view->addAction(a("layout"));
    view->addAction(a("minimap"));
    view->addAction(a("annotations"));
    view->addSeparator();
    QMenu *panels = view->addMenu(tr("&Panels"));
    m_menus.insert(QStringLiteral("panels"), panels);
    for (QDockWidget *d :
         {static_cast<QDockWidget *>(m_palette), static_cast<QDockWidget *>(m_properties),
          static_cast<QDockWidget *>(m_problems), static_cast<QDockWidget *>(m_preview),
          static_cast<QDockWidget *>(m_history)})
        panels->addAction(d->toggleViewAction());

    QMenu *pipeline = menu(QStringLiteral("pipeline"));
    pipeline->setTitle(tr("&Pipeline"));
    pipeline->addAction(a("addEndpoint"));
    QMenu *addTransform =
        pipeline->addMenu(StudioIcons::kind(NodeKind::Transform), tr("Add &Transform"));
    for (const QString &t : SpecSchema::transformTypes())
        addTransform->addAction(t, this, [this, t] { addNodeAtFreeSpot(NodeKind::Transform, t); });
    QMenu *addSink = pipeline->addMenu(StudioIcons::kind(NodeKind::Sink), tr("Add &Sink"));
    for (const QString &t : SpecSchema::sinkTypes())
        addSink->addAction(t, this, [this, t] { addNodeAtFreeSpot(NodeKind::Sink, t); });
    m_menus.insert(QStringLiteral("addTransform"), addTransform);
    m_menus.insert(QStringLiteral("addSink"), addSink);
    pipeline->addAction(a("delete"));
    pipeline->addSeparator();
    pipeline->addAction(a("validate"));
    pipeline->addAction(a("nextProblem"));
    pipeline->addAction(a("previousProblem"));
    pipeline->addSeparator();
    pipeline->addAction(a("sparkPreview"));
    pipeline->addAction(a("flinkPreview"));

    QMenu *help = menu(QStringLiteral("help"));
    help->setTitle(tr("&Help"));
    help->addAction(a("about"));
    help->addAction(a("aboutQt"));
    updateRecentMenu();
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(tr("Main"));
    m_toolBar->setObjectName(QStringLiteral("MainToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setIconSize(QSize(18, 18));
    auto a = [this](const char *id) { return m_actions.value(QString::fromLatin1(id)); };
    m_toolBar->addAction(a("new"));
    m_toolBar->addAction(a("open"));
    m_toolBar->addAction(a("save"));
    m_toolBar->addSeparator();
    m_toolBar->addAction(a("undo"));
    m_toolBar->addAction(a("redo"));
    m_toolBar->addSeparator();
    m_toolBar->addAction(a("addEndpoint"));
    auto addMenuButton = [this](QMenu *m, const QString &icon, const QString &tip) {
        auto *b = new QToolButton;
        b->setMenu(m);
        b->setPopupMode(QToolButton::InstantPopup);
        b->setIcon(StudioIcons::icon(icon));
        b->setToolTip(tip);
        m_toolBar->addWidget(b);
    };
    addMenuButton(m_menus.value(QStringLiteral("addTransform")), QStringLiteral("add-transform"),
                  tr("Add a transform"));
    addMenuButton(m_menus.value(QStringLiteral("addSink")), QStringLiteral("add-sink"),
                  tr("Add a sink"));
    m_toolBar->addAction(a("delete"));
    m_toolBar->addSeparator();
    m_toolBar->addAction(a("layout"));
    m_toolBar->addAction(a("fit"));
    m_toolBar->addAction(a("zoomIn"));
    m_toolBar->addAction(a("zoomOut"));
    m_toolBar->addSeparator();
    m_toolBar->addAction(a("validate"));
}

void MainWindow::createStatusBar()
{
    m_countsLabel->setTextFormat(Qt::RichText);
    m_countsLabel->setToolTip(tr("Errors and warnings; F8 goes to the next one"));
    for (QLabel *l : {m_timingLabel, m_engineLabel, m_formatLabel, m_cursorLabel})
        l->setContentsMargins(8, 0, 8, 0);
    statusBar()->addPermanentWidget(m_timingLabel);
    statusBar()->addPermanentWidget(m_engineLabel);
    statusBar()->addPermanentWidget(m_formatLabel);
    statusBar()->addPermanentWidget(m_cursorLabel);
    statusBar()->addPermanentWidget(m_countsLabel);
    updateCursorLabel();
}

QString MainWindow::statusCounts() const
{
    return m_countsLabel->text();
}

void MainWindow::applySettings()
{
    m_dark = StudioSettings::resolveDark(StudioSettings::theme());
    StudioSettings::applyTheme(m_dark);
    const QFont font = StudioSettings::editorFont();
    m_source->editor()->setDark(m_dark);
    m_source->editor()->setEditorFont(font);
    m_preview->setDark(m_dark);
    m_preview->setEditorFont(font);
    m_scene->setDark(m_dark);
    m_graphView->resetCachedContent();
    m_autosave->setInterval(StudioSettings::autosaveInterval());
}

void MainWindow::changeEvent(QEvent *e)
{
    if (e->type() == QEvent::LanguageChange)
        updateTitle();
    QMainWindow::changeEvent(e);
}

void MainWindow::onAnalysisFinished(const AnalysisResult &result)
{
    const DiagnosticList &d = result.diagnostics;
    m_applier->apply(result);
    const int e = countSeverity(d, Severity::Error);
    const int w = countSeverity(d, Severity::Warning);
    auto chip = [](Severity s, int n) {
        return QStringLiteral("<span style='color:%1'>●</span> %2")
            .arg(StudioIcons::severityColor(s).name())
            .arg(n);
    };
    m_countsLabel->setText(chip(Severity::Error, e) + QStringLiteral("&nbsp;&nbsp;") +
                           chip(Severity::Warning, w));
    m_engineLabel->setText(result.specEngine == Engine::Spark   ? tr("Spark")
                           : result.specEngine == Engine::Flink ? tr("Flink")
                                                                : QString());
    m_timingLabel->setText(
        result.compiled && result.parsed
            ? tr("Checked in %1 ms · compiled in %2 ms").arg(result.elapsedMs).arg(result.compileMs)
            : tr("Checked in %1 ms").arg(result.elapsedMs));
}

void MainWindow::goToProblem(const Diagnostic &d, bool showSourceView)
{
    if (d.line > 0)
        m_source->editor()->goToLine(d.line, d.column);
    const NodeId id = m_document->graph()->nodeForPointer(d.pointer);
    if (id != InvalidNodeId)
        m_scene->selectNode(id);
    else
        m_scene->clearSelection();
    if (showSourceView)
        showSource();
    statusBar()->showMessage(QStringLiteral("%1: %2").arg(d.code, d.message), 6000);
}

void MainWindow::stepProblem(int direction)
{
    const DiagnosticList &all = m_problems->model()->diagnostics();
    if (all.isEmpty())
        return;
    const int line = m_source->editor()->currentLine();
    int pick = direction > 0 ? 0 : int(all.size()) - 1;
    for (int i = 0; i < all.size(); ++i) {
        const int idx = direction > 0 ? i : int(all.size()) - 1 - i;
        if ((direction > 0 && all[idx].line > line) ||
            (direction < 0 && all[idx].line > 0 && all[idx].line < line)) {
            pick = idx;
            break;
        }
    }
    goToProblem(all[pick], m_tabs->currentWidget() == m_source);
}

void MainWindow::showDesign()
{
    m_tabs->setCurrentWidget(m_graphView);
}

void MainWindow::showSource()
{
    m_tabs->setCurrentWidget(m_source);
    m_source->editor()->setFocus();
}

void MainWindow::updateTitle()
{
    setWindowTitle(VcsState::windowTitle(m_document->displayName(), m_vcs));
    setWindowModified(m_document->isModified());
    setWindowFilePath(m_document->filePath());
}

void MainWindow::setVcsState(const VcsState &state)
{
    m_vcs = state;
    updateTitle();
}

void MainWindow::updateCursorLabel()
{
    int line = 0, index = 0;
    m_source->editor()->getCursorPosition(&line, &index);
    m_cursorLabel->setText(tr("Ln %1, Col %2").arg(line + 1).arg(index + 1));
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = StudioSettings::recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files[i];
        QAction *act = m_recentMenu->addAction(
            QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()), this,
            [this, path] {
                if (maybeSave())
                    openFile(path);
            });
        act->setToolTip(path);
        act->setStatusTip(path);
    }
    if (!files.isEmpty())
        m_recentMenu->addSeparator();
    QAction *clear = m_recentMenu->addAction(tr("&Clear Menu"), this, [this] {
        StudioSettings::clearRecentFiles();
        updateRecentMenu();
    });
    clear->setEnabled(!files.isEmpty());
}

bool MainWindow::openFile(const QString &path)
{
    QString error;
    if (!m_document->open(path, &error)) {
        QMessageBox::warning(this, tr("Open"), error);
        return false;
    }
    StudioSettings::addRecentFile(path);
    updateRecentMenu();
    m_runner->runNow();
    m_graphView->fitToView();
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 4000);
    return true;
}

void MainWindow::newFromTemplate(const QByteArray &content, const QString &name)
{
    m_document->openText(content, SpecFormat::Yaml, name);
    m_runner->runNow();
    m_graphView->fitToView();
}

void MainWindow::newDialog()
{
    if (!maybeSave())
        return;
    auto *d = new TemplateDialog(this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->setDark(m_dark);
    connect(d, &QDialog::accepted, this,
            [this, d] { newFromTemplate(d->selectedContent(), d->selectedName()); });
    d->open();
}

void MainWindow::openDialog()
{
    if (!maybeSave())
        return;
    const QString dir =
        m_document->isUntitled() ? QString() : QFileInfo(m_document->filePath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Pipeline"), dir,
        tr("UIS specs (*.uis.yaml *.uis.yml *.uis.json *.yaml *.yml *.json);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::save()
{
    if (m_document->isUntitled())
        return saveAs();
    QString error;
    if (!m_document->save(&error)) {
        QMessageBox::warning(this, tr("Save"), error);
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(m_document->displayName()), 3000);
    return true;
}

bool MainWindow::saveAs()
{
    QString suggestion =
        m_document->isUntitled() ? m_document->displayName() : m_document->filePath();
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save Pipeline As"), suggestion,
                                     tr("YAML spec (*.uis.yaml);;JSON spec (*.uis.json)"));
    if (path.isEmpty())
        return false;
    QString error;
    if (!m_document->saveAs(path, &error)) {
        QMessageBox::warning(this, tr("Save As"), error);
        return false;
    }
    StudioSettings::addRecentFile(path);
    updateRecentMenu();
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 3000);
    return true;
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved Changes"),
        tr("%1 has unsaved changes. Save them?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

bool MainWindow::offerRecovery()
{
    const QList<RecoveryEntry> entries = AutosaveManager::orphanedSessions();
    for (const RecoveryEntry &e : entries) {
        QMessageBox box(QMessageBox::Question, tr("Recover Unsaved Changes"),
                        tr("UIS Studio did not shut down properly. Unsaved changes to <b>%1</b> "
                           "from %2 were kept.")
                            .arg(e.displayName.toHtmlEscaped(),
                                 QLocale().toString(e.savedAt.toLocalTime(), QLocale::ShortFormat)),
                        QMessageBox::NoButton, this);
        QPushButton *restore = box.addButton(tr("Restore"), QMessageBox::AcceptRole);
        QPushButton *discard = box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
        box.addButton(tr("Later"), QMessageBox::RejectRole);
        box.setDefaultButton(restore);
        box.exec();
        if (box.clickedButton() == restore) {
            m_document->restore(e.text, e.originalPath, e.format);
            AutosaveManager::discard(e);
            m_autosave->saveNow();
            m_runner->runNow();
            m_graphView->fitToView();
            statusBar()->showMessage(tr("Restored unsaved changes to %1").arg(e.displayName), 6000);
            return true;
        }
        if (box.clickedButton() == discard)
            AutosaveManager::discard(e);
    }
    return false;
}

void MainWindow::addNodeAtFreeSpot(NodeKind kind, const QString &type)
{
    showDesign();
    const NodeId id = m_scene->addNode(kind, type);
    if (id != InvalidNodeId)
        m_graphView->centerOnNode(id);
}

void MainWindow::closeEvent(QCloseEvent *e)
{
    if (!maybeSave()) {
        e->ignore();
        return;
    }
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    e->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *e)
{
    if (e->mimeData()->hasUrls() && e->mimeData()->urls().first().isLocalFile())
        e->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *e)
{
    const QString path = e->mimeData()->urls().first().toLocalFile();
    e->acceptProposedAction();
    if (maybeSave())
        openFile(path);
}

} // namespace uis
