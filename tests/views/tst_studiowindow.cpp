// SPDX-License-Identifier: Apache-2.0
// Drives the real designer window offscreen: keys into the Source editor, mouse drags on the
// canvas viewport, clicks in the Problems list, typing into form fields.
#include "analysisapplier.h"
#include "autosavemanager.h"
#include "codeeditor.h"
#include "connectionitem.h"
#include "fieldeditor.h"
#include "formeditor.h"
#include "graphscene.h"
#include "graphview.h"
#include "isolatedhome.h"
#include "mainwindow.h"
#include "modelsearch.h"
#include "nodeitem.h"
#include "palettedock.h"
#include "palettemodel.h"
#include "pipelinedocument.h"
#include "portitem.h"
#include "previewdock.h"
#include "problemsdock.h"
#include "problemsfiltermodel.h"
#include "problemsmodel.h"
#include "propertiesdock.h"
#include "sourceview.h"
#include "studioextensions.h"
#include "templatedialog.h"
#include "undohistorydock.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>

using namespace uis;

namespace {

QString templatePath(const QString &name)
{
    return QStringLiteral(UIS_SOURCE_DIR "/resources/templates/") + name;
}

/// Waits until the analysis of the current text has reached the views.
bool settle(MainWindow &w)
{
    return QTest::qWaitFor(
        [&] {
            return !w.analysis()->isBusy() &&
                   w.analysis()->lastResult().revision == w.document()->revision() &&
                   !w.applier()->isBusy();
        },
        10000);
}

bool hasCompilers(const MainWindow &w) { return w.analysis()->lastResult().spark.available; }

} // namespace

class TestStudioWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void typingInSourceUpdatesCanvas();
    void formEditUpdatesSourceAndPreview();
    void connectingPortsSetsInputsAndUndoReverts();
    void addFromPaletteAndDelete();
    void problemsClickMovesCursorAndSelectsNode();
    void invalidEditShowsSquiggleAndProblem();
    void autosaveRecoveryOffersUnsavedEdits();
    void openEachTemplate_data();
    void openEachTemplate();
    void itemModels();
    void otherEngineExplainsWhy();
    void bothEnginesSideBySide();
    void closesWithChildProcessAlive();
    void fitsASmallScreen();

private:
    QTemporaryDir m_dir;
};

void TestStudioWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("UIS-test"));
    QApplication::setApplicationName(QStringLiteral("uis-studio-test"));
    QDir(AutosaveManager::defaultDirectory()).removeRecursively();
}

void TestStudioWindow::init()
{
    QDir(AutosaveManager::defaultDirectory()).removeRecursively();
}

void TestStudioWindow::typingInSourceUpdatesCanvas()
{
    MainWindow w;
    w.show();
    QVERIFY(w.openFile(templatePath(QStringLiteral("rest-to-parquet-iceberg.uis.yaml"))));
    QVERIFY(settle(w));
    w.showSource();
    CodeEditor *ed = w.sourceView()->editor();
    int line = -1;
    for (int i = 0; i < ed->lines(); ++i) {
        if (ed->text(i).contains(QStringLiteral("name: listed_only")))
            line = i;
    }
    QVERIFY(line >= 0);
    ed->setFocus();
    ed->setCursorPosition(line, int(ed->text(line).trimmed().size()) + 4);
    QTest::keyClicks(ed, QStringLiteral("_x"));
    QVERIFY2(ed->text(line).contains(QStringLiteral("listed_only_x")), qPrintable(ed->text(line)));
    QVERIFY(w.document()->text().contains(QStringLiteral("name: listed_only_x")));
    QTRY_VERIFY(w.document()->graph()->nodeForName(QStringLiteral("listed_only_x")) != InvalidNodeId);
    const NodeId id = w.document()->graph()->nodeForName(QStringLiteral("listed_only_x"));
    QVERIFY(w.graphScene()->nodeItem(id));
    QCOMPARE(w.graphScene()->nodeItem(id)->node().name, QStringLiteral("listed_only_x"));
    // Two keystrokes, one undo step.
    QCOMPARE(w.document()->undoStack()->count(), 1);
    w.document()->undoStack()->undo();
    QCOMPARE(ed->text(), w.document()->text());
    QTRY_VERIFY(w.document()->graph()->nodeForName(QStringLiteral("listed_only")) != InvalidNodeId);
}

void TestStudioWindow::formEditUpdatesSourceAndPreview()
{
    MainWindow w;
    w.show();
    QVERIFY(w.openFile(templatePath(QStringLiteral("rest-to-parquet-iceberg.uis.yaml"))));
    QVERIFY(settle(w));
    // With nothing selected the form shows the pipeline.
    FormEditor *form = w.propertiesDock()->form();
    FieldEditor *name = form->fieldEditor(QStringLiteral("/name"));
    QVERIFY(name);
    auto *line = qobject_cast<QLineEdit *>(name->input());
    QVERIFY(line);
    line->setFocus();
    line->selectAll();
    QTest::keyClicks(line, QStringLiteral("tickers-daily"));
    QTest::keyClick(line, Qt::Key_Return);
    QVERIFY(w.sourceView()->editor()->text().contains(QStringLiteral("name: tickers-daily")));
    QVERIFY(w.document()->text().startsWith(QStringLiteral("# REST API")));
    QVERIFY(settle(w));
    if (hasCompilers(w))
        QTRY_VERIFY(w.previewDock()->artifactText(QStringLiteral("spark-job")).contains(QStringLiteral("tickers-daily")));

    // A node's form: select the iceberg sink, change its table, then undo.
    const NodeId sink = w.document()->graph()->nodeForName(QStringLiteral("tickers_table"));
    w.graphScene()->selectNode(sink);
    QCOMPARE(form->target(), sink);
    FieldEditor *table = form->fieldEditor(QStringLiteral("/provider/sinks/1/table_name"));
    QVERIFY(table);
    auto *tl = qobject_cast<QLineEdit *>(table->input());
    tl->setFocus();
    tl->selectAll();
    QTest::keyClicks(tl, QStringLiteral("market_data.tickers"));
    QTest::keyClick(tl, Qt::Key_Return);
    QVERIFY(w.document()->text().contains(QStringLiteral("table_name: market_data.tickers\n")));
    w.document()->undoStack()->undo();
    QVERIFY(w.document()->text().contains(QStringLiteral("table_name: market_data.stock_tickers")));
    QTRY_COMPARE(tl->text(), QStringLiteral("market_data.stock_tickers"));

    // Local checks: a bad memory size is marked before anything is committed.
    QCOMPARE(FieldEditor::formatProblem(FieldDef::Format::Memory, QStringLiteral("8 gigs")).isEmpty(), false);
    QCOMPARE(FieldEditor::formatProblem(FieldDef::Format::Duration, QStringLiteral("30 s")), QString());
}

void TestStudioWindow::connectingPortsSetsInputsAndUndoReverts()
{
    MainWindow w;
    w.resize(1400, 900);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openFile(templatePath(QStringLiteral("rest-to-parquet-iceberg.uis.yaml"))));
    QVERIFY(settle(w));
    w.showDesign();
    GraphView *view = w.graphView();
    view->resetZoom();
    const GraphModel *g = w.document()->graph();
    NodeItem *from = w.graphScene()->nodeItem(g->nodeForName(QStringLiteral("stock_tickers")));
    NodeItem *to = w.graphScene()->nodeItem(g->nodeForName(QStringLiteral("landing")));
    QVERIFY(from && to);
    view->centerOn((from->outputPort()->anchor() + to->inputPort()->anchor()) / 2);
    QTest::qWait(50);
    const QPoint a = view->mapFromScene(from->outputPort()->anchor());
    const QPoint b = view->mapFromScene(to->inputPort()->anchor());
    QVERIFY(view->viewport()->rect().contains(a) && view->viewport()->rect().contains(b));
    const int before = w.document()->undoStack()->count();
    QTest::mousePress(view->viewport(), Qt::LeftButton, {}, a);
    QTest::mouseMove(view->viewport(), (a + b) / 2);
    QTest::mouseMove(view->viewport(), b);
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, b);
    QCOMPARE(w.document()->undoStack()->count(), before + 1);
    const auto inputs = w.document()->valueAt(QStringLiteral("/provider/sinks/0/inputs"));
    QVERIFY(inputs && inputs->isList());
    QCOMPARE(inputs->size(), 1);
    QCOMPARE(inputs->children()[0].text(), QStringLiteral("stock_tickers"));
    QVERIFY(w.sourceView()->editor()->text().contains(QStringLiteral("inputs: [stock_tickers]")));
    QVERIFY(w.graphScene()->connectionItem(from->nodeId(), to->nodeId()));
    w.document()->undoStack()->undo();
    QVERIFY(!w.document()->valueAt(QStringLiteral("/provider/sinks/0/inputs")));
    QVERIFY(!w.graphScene()->connectionItem(from->nodeId(), to->nodeId()));

    // A refused edge (sink → transform) changes nothing.
    NodeItem *t = w.graphScene()->nodeItem(g->nodeForName(QStringLiteral("listed_only")));
    const QPoint c = view->mapFromScene(t->inputPort()->anchor());
    const int count = w.document()->undoStack()->count();
    QTest::mousePress(view->viewport(), Qt::LeftButton, {}, c);
    QTest::mouseMove(view->viewport(), view->mapFromScene(to->sceneBoundingRect().center()));
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(to->sceneBoundingRect().center()));
    QCOMPARE(w.document()->undoStack()->count(), count);

    // Moving a node records its position; undo puts it back.
    const QPointF start = from->pos();
    const QPoint grab = view->mapFromScene(from->sceneBoundingRect().center() + QPointF(-40, -10));
    QTest::mousePress(view->viewport(), Qt::LeftButton, {}, grab);
    QTest::mouseMove(view->viewport(), grab + QPoint(20, 30));
    QTest::mouseMove(view->viewport(), grab + QPoint(40, 60));
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, grab + QPoint(40, 60));
    QVERIFY(w.document()->hasManualPosition(from->nodeId()));
    QVERIFY(from->pos() != start);
    w.document()->undoStack()->undo();
    QCOMPARE(from->pos(), start);
}

void TestStudioWindow::addFromPaletteAndDelete()
{
    MainWindow w;
    w.show();
    QVERIFY(w.openFile(templatePath(QStringLiteral("rest-to-parquet-iceberg.uis.yaml"))));
    QVERIFY(settle(w));
    QTreeView *palette = w.paletteDock()->view();
    const QModelIndex console =
        test::findItem(palette->model(), PaletteModel::TypeRole, QStringLiteral("console"));
    QVERIFY(console.isValid());
    const int nodes = w.document()->graph()->nodeCount();
    palette->scrollTo(console);
    const QRect r = palette->visualRect(console);
    QVERIFY(palette->viewport()->rect().contains(r.center()));
    QSignalSpy dbl(palette, &QTreeView::doubleClicked);
    QTest::mouseClick(palette->viewport(), Qt::LeftButton, {}, r.center());
    QTest::mouseDClick(palette->viewport(), Qt::LeftButton, {}, r.center());
    QCOMPARE(dbl.count(), 1);
    QCOMPARE(w.document()->graph()->nodeCount(), nodes + 1);
    const NodeId added = w.document()->graph()->nodeForName(QStringLiteral("console_1"));
    QVERIFY(added != InvalidNodeId);
    QCOMPARE(w.graphScene()->selectedNodes(), QList<NodeId>{added});
    QCOMPARE(w.propertiesDock()->form()->target(), added);
    w.graphView()->setFocus();
    QTest::keyClick(w.graphView()->viewport(), Qt::Key_Delete);
    QCOMPARE(w.document()->graph()->nodeCount(), nodes);
    w.document()->undoStack()->undo();
    QCOMPARE(w.document()->graph()->nodeCount(), nodes + 1);
}

void TestStudioWindow::problemsClickMovesCursorAndSelectsNode()
{
    MainWindow w;
    w.show();
    QVERIFY(w.openFile(templatePath(QStringLiteral("rest-to-parquet-iceberg.uis.yaml"))));
    QVERIFY(settle(w));
    // An unknown enum value in the second sink.
    QString t = w.document()->text();
    t.replace(QStringLiteral("type: iceberg"), QStringLiteral("type: icebergg"));
    w.document()->replaceText(t, false);
    QVERIFY(settle(w));
    ProblemsDock *dock = w.problemsDock();
    QModelIndex errorRow;
    for (int i = 0; i < dock->filterModel()->rowCount(); ++i) {
        const QModelIndex idx = dock->filterModel()->index(i, 0);
        if (idx.data(ProblemsModel::PointerRole).toString().startsWith(QLatin1String("/provider/sinks/1")))
            errorRow = idx;
    }
    QVERIFY(errorRow.isValid());
    const int line = errorRow.data(ProblemsModel::LineRole).toInt();
    QVERIFY(line > 1);
    w.sourceView()->editor()->setCursorPosition(0, 0);
    dock->view()->scrollTo(errorRow);
    QTest::mouseClick(dock->view()->viewport(), Qt::LeftButton, {}, dock->view()->visualRect(errorRow).center());
    QCOMPARE(w.sourceView()->editor()->currentLine(), line);
    const NodeId sink = w.document()->graph()->nodeForPointer(QStringLiteral("/provider/sinks/1"));
    QCOMPARE(w.graphScene()->selectedNodes(), QList<NodeId>{sink});
    QVERIFY(w.graphScene()->nodeItem(sink)->errorCount() > 0);
    // Double-click shows Source.
    QTest::mouseDClick(dock->view()->viewport(), Qt::LeftButton, {}, dock->view()->visualRect(errorRow).center());
    QCOMPARE(w.centralTabs()->currentWidget(), static_cast<QWidget *>(w.sourceView()));
    // Filtering by severity.
    const int all = dock->filterModel()->rowCount();
    dock->filterModel()->setSeverityVisible(Severity::Error, false);
    QVERIFY(dock->filterModel()->rowCount() < all);
    dock->filterModel()->setSeverityVisible(Severity::Error, true);
}

void TestStudioWindow::invalidEditShowsSquiggleAndProblem()
{
    MainWindow w;
    w.show();
    QVERIFY(w.openFile(templatePath(QStringLiteral("rest-to-parquet-iceberg.uis.yaml"))));
    QVERIFY(settle(w));
    const int nodes = w.document()->graph()->nodeCount();
    QCOMPARE(w.sourceView()->editor()->indicatorLength(Severity::Error), 0);
    CodeEditor *ed = w.sourceView()->editor();
    w.showSource();
    ed->setFocus();
    int line = -1;
    for (int i = 0; i < ed->lines(); ++i) {
        if (ed->text(i).contains(QStringLiteral("partition_by")))
            line = i;
    }
    ed->setCursorPosition(line, int(ed->text(line).size()) - 1);
    QTest::keyClicks(ed, QStringLiteral(", [oops"));
    QVERIFY(settle(w));
    QVERIFY(w.document()->hasParseError());
    QVERIFY(countSeverity(w.problemsDock()->model()->diagnostics(), Severity::Error) >= 1);
    QVERIFY(w.problemsDock()->model()->rowCount() >= 1);
    QVERIFY(ed->indicatorLength(Severity::Error) > 0);
    QVERIFY(w.statusCounts().contains(QStringLiteral("</span> 1")));
    // Canvas and forms stay as they were; the text keeps the user's edit.
    QCOMPARE(w.document()->graph()->nodeCount(), nodes);
    QVERIFY(ed->text().contains(QStringLiteral("[oops")));
    QVERIFY(!w.propertiesDock()->form()->isEnabled() || w.propertiesDock()->form()->fieldEditors().first()->window());
    // Fixing it clears the squiggle.
    w.document()->undoStack()->undo();
    QVERIFY(settle(w));
    QVERIFY(!w.document()->hasParseError());
    QCOMPARE(ed->indicatorLength(Severity::Error), 0);
}

void TestStudioWindow::autosaveRecoveryOffersUnsavedEdits()
{
    QString edited;
    {
        MainWindow first;
        QVERIFY(first.openFile(templatePath(QStringLiteral("kafka-dedupe-window.uis.yaml"))));
        first.document()->replaceText(first.document()->text() + QStringLiteral("# keep me\n"));
        edited = first.document()->text();
        QVERIFY(first.autosave()->saveNow());
        first.autosave()->abandon(); // as after kill -9
    }
    MainWindow second;
    second.show();
    bool clicked = false;
    QTimer::singleShot(100, this, [&clicked] {
        for (QWidget *top : QApplication::topLevelWidgets()) {
            if (auto *box = qobject_cast<QMessageBox *>(top); box && box->isVisible()) {
                for (QAbstractButton *b : box->buttons()) {
                    if (b->text() == QLatin1String("Restore")) {
                        b->click();
                        clicked = true;
                    }
                }
            }
        }
    });
    QVERIFY(second.offerRecovery());
    QVERIFY(clicked);
    QCOMPARE(second.document()->text(), edited);
    QVERIFY(second.document()->isModified());
    QVERIFY(second.document()->filePath().endsWith(QStringLiteral("kafka-dedupe-window.uis.yaml")));
    QVERIFY(second.isWindowModified());
    // Offered once only.
    QVERIFY(AutosaveManager::orphanedSessions().isEmpty());
}

void TestStudioWindow::openEachTemplate_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &t : TemplateDialog::templates())
        QTest::newRow(qPrintable(t.section(QLatin1Char('/'), -1))) << t;
    QVERIFY(TemplateDialog::templates().size() >= 6);
}

void TestStudioWindow::openEachTemplate()
{
    QFETCH(QString, path);
    QFile res(path);
    QVERIFY(res.open(QIODevice::ReadOnly));
    const QString file = m_dir.filePath(path.section(QLatin1Char('/'), -1));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(res.readAll());
    out.close();
    MainWindow w;
    w.show();
    QVERIFY(w.openFile(file));
    QVERIFY(settle(w));
    QVERIFY(!w.document()->hasParseError());
    QVERIFY(w.document()->graph()->nodeCount() >= 2);
    QCOMPARE(w.graphScene()->nodeItems().size(), w.document()->graph()->nodeCount());
    QCOMPARE(countSeverity(w.problemsDock()->model()->diagnostics(), Severity::Error), 0);
    QCOMPARE(w.sourceView()->editor()->text(), w.document()->text());
    if (hasCompilers(w)) {
        QVERIFY(w.previewDock()->tabs()->count() >= 3);
        QVERIFY(w.previewDock()->messageText().isEmpty());
    }
    QVERIFY(w.windowTitle().contains(w.document()->displayName()));
}

void TestStudioWindow::itemModels()
{
    ProblemsModel problems;
    ProblemsFilterModel filter;
    filter.setSourceModel(&problems);
    QAbstractItemModelTester t1(&problems, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    problems.setDiagnostics({Diagnostic{Severity::Error, QStringLiteral("UIS-E-X"), QStringLiteral("bad"), QStringLiteral("/name"), 2, 7},
                             Diagnostic{Severity::Warning, QStringLiteral("UIS-W-Y"), QStringLiteral("odd"), QString(), 3, 1}});
    QCOMPARE(problems.rowCount(), 2);
    QCOMPARE(problems.index(0).data(ProblemsModel::LocationRole).toString(), QStringLiteral("Ln 2, Col 7"));
    filter.setSeverityVisible(Severity::Warning, false);
    QCOMPARE(filter.rowCount(), 1);
    filter.setText(QStringLiteral("nothing"));
    QCOMPARE(filter.rowCount(), 0);
    filter.setText(QString());
    filter.setSeverityVisible(Severity::Warning, true);
    problems.setDiagnostics({});
    QCOMPARE(filter.rowCount(), 0);

    PaletteModel palette;
    QAbstractItemModelTester t3(&palette, QAbstractItemModelTester::FailureReportingMode::QtTest);
    palette.setProviderType(QStringLiteral("kafka"));
    QCOMPARE(palette.rowCount(), 3);
    const QModelIndex ep = palette.index(0, 0, palette.index(0, 0));
    QCOMPARE(ep.data(PaletteModel::TypeRole).toString(), QStringLiteral("kafka"));
    std::unique_ptr<QMimeData> mime(palette.mimeData({ep}));
    QVERIFY(mime);
    QCOMPARE(mime->data(QString::fromLatin1(NodeMimeType)), QByteArray("endpoint:kafka"));

    MainWindow w;
    QAbstractItemModelTester t4(w.problemsDock()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(w.openFile(templatePath(QStringLiteral("websocket-to-kafka.uis.yaml"))));
    QVERIFY(settle(w));
    w.document()->setValue(QStringLiteral("/provider/parallelism"), SourceNode::makeInt(0));
    QVERIFY(settle(w));
    QVERIFY(w.problemsDock()->model()->rowCount() > 0);
}

void TestStudioWindow::otherEngineExplainsWhy()
{
    MainWindow w;
    w.show();
    QVERIFY(w.openFile(templatePath(QStringLiteral("rest-to-parquet-iceberg.uis.yaml"))));
    QVERIFY(settle(w));
    if (!hasCompilers(w))
        QSKIP("compilers not built in");
    QCOMPARE(w.previewDock()->engine(), Engine::Spark);
    QStringList tabs;
    for (int i = 0; i < w.previewDock()->tabs()->count(); ++i)
        tabs.append(w.previewDock()->tabs()->tabText(i));
    QCOMPARE(tabs,
             (QStringList{QStringLiteral("spark-job"), QStringLiteral("spark-submit"),
                          QStringLiteral("spark-conf"), QStringLiteral("dcp-request"),
                          QStringLiteral("dcp-manifest"), QStringLiteral("spark-application")}));
    w.previewDock()->setEngine(Engine::Flink);
    QVERIFY(!w.previewDock()->messageText().isEmpty());
    w.previewDock()->setEngine(Engine::Spark);
    QVERIFY(w.previewDock()->messageText().isEmpty());
}

// A streaming Kafka spec compiles for both engines: the Preview shows both sets of tabs.
void TestStudioWindow::bothEnginesSideBySide()
{
    MainWindow w;
    w.show();
    QVERIFY(w.openFile(templatePath(QStringLiteral("kafka-dedupe-window.uis.yaml"))));
    QVERIFY(settle(w));
    if (!hasCompilers(w))
        QSKIP("compilers not built in");
    PreviewDock *dock = w.previewDock();
    QVERIFY(dock->canCompare());
    QVERIFY(dock->comparing());
    QVERIFY(dock->messageText().isEmpty());
    QStringList spark, flink;
    for (int i = 0; i < dock->compareTabs(Engine::Spark)->count(); ++i)
        spark.append(dock->compareTabs(Engine::Spark)->tabText(i));
    for (int i = 0; i < dock->compareTabs(Engine::Flink)->count(); ++i)
        flink.append(dock->compareTabs(Engine::Flink)->tabText(i));
    // Spark overrides the spec's engine: its DCP request embeds the Spark job.
    for (const char *target : {"spark-job", "spark-submit", "spark-conf", "dcp-request"})
        QVERIFY2(spark.contains(QLatin1String(target)), target);
    QVERIFY(flink.contains(QStringLiteral("flink-sql")));
    dock->setCompare(false);
    QVERIFY(!dock->comparing());
    QVERIFY(dock->messageText().isEmpty());
    dock->setEngine(Engine::Spark);
    QVERIFY(dock->artifactText(QStringLiteral("spark-job"))
                .contains(QStringLiteral("click-session-metrics")));
    dock->setCompare(true);
    QVERIFY(dock->comparing());
}

void TestStudioWindow::fitsASmallScreen()
{
    // The assembled designer, every dock in place, must fit a 1280x800 screen: a label or a
    // toolbar that asks for its whole text width makes the window wider than the screen, and
    // a main window never shrinks below its minimum again.
    QTemporaryDir home;
    test::isolateHome(home.path());
    MainWindow w;
    installStudioExtensions(w);
    w.show();
    QVERIFY(w.openFile(templatePath(QStringLiteral("kafka-dedupe-window.uis.yaml"))));
    QVERIFY(settle(w));
    QCoreApplication::processEvents();
    const QSize min = w.minimumSizeHint().expandedTo(w.minimumSize());
    const bool fits = min.width() <= 1280 && min.height() <= 800;
    if (!fits) {
        // Name the widest docks and their widest children, to find what asks for the width.
        QString report;
        QTextStream out(&report);
        for (QDockWidget *d : w.findChildren<QDockWidget *>()) {
            if (d->isHidden())
                continue;
            out << "\n  " << d->objectName() << " " << d->minimumSizeHint().width();
            for (QWidget *c : d->findChildren<QWidget *>()) {
                if (c->isVisibleTo(d) && c->minimumSizeHint().width() > 200)
                    out << "\n    " << c->metaObject()->className() << " " << c->objectName() << " "
                        << c->minimumSizeHint().width();
            }
        }
        qInfo().noquote() << "minimum widths:" << report;
    }
    QVERIFY2(fits, qPrintable(QStringLiteral("minimum %1x%2").arg(min.width()).arg(min.height())));
}

QTEST_MAIN(TestStudioWindow)
#include "tst_studiowindow.moc"

// Closing the window while the app has a running child process (a job, the local server) must
// not hang: the report was a wait in the analysis runner's destructor.
void TestStudioWindow::closesWithChildProcessAlive()
{
    QProcess child;
    child.start(QStringLiteral("sleep"), {QStringLiteral("60")});
    QVERIFY(child.waitForStarted());
    QElapsedTimer timer;
    timer.start();
    {
        MainWindow w;
        w.show();
        QVERIFY(w.openFile(templatePath(QStringLiteral("kafka-dedupe-window.uis.yaml"))));
        QVERIFY(settle(w));
        w.document()->setValue(QStringLiteral("/provider/parallelism"), SourceNode::makeInt(3));
    }
    QVERIFY2(timer.elapsed() < 30000, "closing the window took too long");
    child.kill();
    child.waitForFinished();
}
