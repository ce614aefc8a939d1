// SPDX-License-Identifier: Apache-2.0
// The designer on a 1,050-node spec, driven through its real widgets: a node added from the
// palette, connected by a drag between ports on the canvas, renamed in the form and deleted
// with the Delete key. After each edit the document, the canvas items, Problems, the squiggles
// in Source and the form must all tell the same story as a fresh read of the text.
#include "analysisapplier.h"
#include "analysisrunner.h"
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
#include "problemsdock.h"
#include "problemsmodel.h"
#include "propertiesdock.h"
#include "sourceview.h"
#include "specbuilder.h"
#include "specreader.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace uis;

namespace {

/// 1,000 REST endpoints, 25 chained filters, 25 parquet sinks (the bench's spec, shorter).
QByteArray largeSpec()
{
    QByteArray o =
        "version: \"1.1\"\nname: large\nprovider:\n  name: bench_api\n  provider_type: rest_api\n"
        "  base_url: https://api.example.com\n  mode: batch\n  endpoints:\n";
    for (int i = 0; i < 1000; ++i) {
        o += QStringLiteral("    - name: feed_%1\n      path: /v3/feed/%2\n      method: GET\n"
                            "      response_path: $.results\n")
                 .arg(i, 4, 10, QLatin1Char('0'))
                 .arg(i)
                 .toUtf8();
        // Every tenth endpoint has a problem, so that badges, squiggles and Problems have work.
        if (i % 10 == 0)
            o += "      rate_limit_per_second: -1\n";
    }
    o += "  transforms:\n";
    for (int i = 0; i < 25; ++i)
        o += QStringLiteral("    - name: step_%1\n      type: filter\n      condition: x > %2\n")
                 .arg(i, 2, 10, QLatin1Char('0'))
                 .arg(i)
                 .toUtf8();
    o += "  sinks:\n";
    for (int i = 0; i < 25; ++i)
        o += QStringLiteral("    - name: landing_%1\n      type: parquet\n      inputs: "
                            "[step_%1]\n      config:\n"
                            "        bucket: landing\n        path_prefix: large/%1\n")
                 .arg(i, 2, 10, QLatin1Char('0'))
                 .toUtf8();
    return o;
}

bool settle(MainWindow &w)
{
    return QTest::qWaitFor(
        [&] {
            return !w.analysis()->isBusy() &&
                   w.analysis()->lastResult().revision == w.document()->revision() &&
                   !w.applier()->isBusy();
        },
        30000);
}

QString describe(const GraphNode &n)
{
    return nodeKindName(n.kind) + QLatin1Char(':') + n.name + QLatin1Char(':') + n.type +
           QLatin1Char('@') + n.pointer;
}

QSet<QString> nodesOf(const GraphModel &g)
{
    QSet<QString> out;
    for (NodeId id : g.nodeIds())
        out.insert(describe(*g.node(id)));
    return out;
}

QSet<QString> edgesOf(const GraphModel &g)
{
    QSet<QString> out;
    for (const GraphConnection &c : g.connections())
        out.insert(g.node(c.from)->name + QStringLiteral("->") + g.node(c.to)->name +
                   (c.implicit ? QStringLiteral(" (default)") : QString()));
    return out;
}

/// Every view against the document, and the document against a fresh read of its text.
void verifyViewsAgree(MainWindow &w)
{
    PipelineDocument *doc = w.document();
    QVERIFY(settle(w));
    QVERIFY(doc->isTreeCurrent());
    QVERIFY(!doc->hasParseError());
    // Source shows the document's text.
    CodeEditor *ed = w.sourceView()->editor();
    QCOMPARE(ed->text(), doc->text());

    // The graph is what the text says.
    const ReadResult read = SpecReader::read(doc->text().toUtf8(), doc->format());
    QVERIFY(read.root);
    GraphModel fresh;
    fresh.rebuild(SpecBuilder::build(*read.root));
    const GraphModel *g = doc->graph();
    QCOMPARE(nodesOf(*g), nodesOf(fresh));
    QCOMPARE(edgesOf(*g), edgesOf(fresh));

    // The canvas has one item per node and connection, each showing its node where it is.
    GraphScene *scene = w.graphScene();
    QCOMPARE(scene->nodeItems().size(), g->nodeCount());
    for (NodeId id : g->nodeIds()) {
        NodeItem *item = scene->nodeItem(id);
        QVERIFY2(item, qPrintable(g->node(id)->name));
        QCOMPARE(item->node(), *g->node(id));
        QCOMPARE(item->pos(), doc->nodePosition(id));
    }
    int connectionItems = 0;
    for (QGraphicsItem *i : scene->items())
        connectionItems += i->type() == ConnectionItem::Type;
    QCOMPARE(connectionItems, int(g->connections().size()));
    for (const GraphConnection &c : g->connections())
        QVERIFY(scene->connectionItem(c.from, c.to));

    // Problems is a fresh analysis of the text; the badges and the squiggles follow it.
    const DiagnosticList expected =
        AnalysisRunner::analyze(doc->revision(), doc->text().toUtf8(), doc->format(), false)
            .diagnostics;
    QCOMPARE(w.problemsDock()->model()->diagnostics(), expected);
    QHash<NodeId, QPair<int, int>> counts;
    QSet<int> lines;
    for (const Diagnostic &d : expected) {
        const NodeId id = g->nodeForPointer(d.pointer);
        if (id != InvalidNodeId && d.severity == Severity::Error)
            counts[id].first++;
        else if (id != InvalidNodeId && d.severity == Severity::Warning)
            counts[id].second++;
        if (d.line > 0)
            lines.insert(d.line - 1);
    }
    for (NodeItem *item : scene->nodeItems()) {
        const QPair<int, int> c = counts.value(item->nodeId());
        QVERIFY2(item->errorCount() == c.first && item->warningCount() == c.second,
                 qPrintable(item->node().name));
    }
    QSet<int> marked;
    for (long l = long(ed->SendScintilla(QsciScintilla::SCI_MARKERNEXT, 0L, 0xeL)); l >= 0;
         l = long(ed->SendScintilla(QsciScintilla::SCI_MARKERNEXT, l + 1, 0xeL)))
        marked.insert(int(l));
    QCOMPARE(marked, lines);

    // The form shows its node's name.
    FormEditor *form = w.propertiesDock()->form();
    if (const GraphNode *n = g->node(form->target())) {
        QCOMPARE(form->title(), n->name);
        FieldEditor *name = form->fieldEditor(n->pointer + QStringLiteral("/name"));
        QVERIFY(name);
        QVERIFY(name->value());
        QCOMPARE(name->value()->text(), n->name);
    }
}

} // namespace

class TestLargeSpecEdit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void editThroughFormsAndCanvas();

private:
    QTemporaryDir m_dir;
};

void TestLargeSpecEdit::initTestCase()
{
    test::isolateHome(m_dir.filePath(QStringLiteral("home")));
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("UIS-test"));
    QApplication::setApplicationName(QStringLiteral("uis-studio-test"));
    QDir(AutosaveManager::defaultDirectory()).removeRecursively();
}

void TestLargeSpecEdit::editThroughFormsAndCanvas()
{
    const QString path = m_dir.filePath(QStringLiteral("large.uis.yaml"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    const QByteArray original = largeSpec();
    f.write(original);
    f.close();

    MainWindow w;
    w.resize(1400, 900);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openFile(path));
    verifyViewsAgree(w);
    if (QTest::currentTestFailed())
        return;
    const GraphModel *g = w.document()->graph();
    QCOMPARE(g->nodeCount(), 1050);
    QVERIFY(w.problemsDock()->model()->rowCount() >= 100);

    // Add: double-click the console sink in the palette.
    QTreeView *palette = w.paletteDock()->view();
    const QModelIndex console =
        test::findItem(palette->model(), PaletteModel::TypeRole, QStringLiteral("console"));
    QVERIFY(console.isValid());
    palette->scrollTo(console);
    const QRect r = palette->visualRect(console);
    QTest::mouseClick(palette->viewport(), Qt::LeftButton, {}, r.center());
    QTest::mouseDClick(palette->viewport(), Qt::LeftButton, {}, r.center());
    QCOMPARE(g->nodeCount(), 1051);
    QCOMPARE(w.graphScene()->selectedNodes().size(), 1);
    const NodeId added = w.graphScene()->selectedNodes().first();
    QCOMPARE(w.propertiesDock()->form()->target(), added);
    verifyViewsAgree(w);
    if (QTest::currentTestFailed())
        return;

    // Connect: drag from a filter's output port to the new sink's input port.
    GraphView *view = w.graphView();
    NodeItem *from = w.graphScene()->nodeItem(g->nodeForName(QStringLiteral("step_10")));
    NodeItem *to = w.graphScene()->nodeItem(added);
    QVERIFY(from && to);
    view->fitInView(
        from->sceneBoundingRect().united(to->sceneBoundingRect()).adjusted(-60, -60, 60, 60),
        Qt::KeepAspectRatio);
    QTest::qWait(50);
    const QPoint a = view->mapFromScene(from->outputPort()->anchor());
    const QPoint b = view->mapFromScene(to->inputPort()->anchor());
    QVERIFY(view->viewport()->rect().contains(a) && view->viewport()->rect().contains(b));
    const int steps = w.document()->undoStack()->count();
    QTest::mousePress(view->viewport(), Qt::LeftButton, {}, a);
    QTest::mouseMove(view->viewport(), (a + b) / 2);
    QTest::mouseMove(view->viewport(), b);
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, b);
    QCOMPARE(w.document()->undoStack()->count(), steps + 1);
    QVERIFY(g->hasConnection(from->nodeId(), added));
    verifyViewsAgree(w);
    if (QTest::currentTestFailed())
        return;

    // Rename in the form.
    FieldEditor *name =
        w.propertiesDock()->form()->fieldEditor(g->node(added)->pointer + QStringLiteral("/name"));
    QVERIFY(name);
    auto *line = qobject_cast<QLineEdit *>(name->input());
    QVERIFY(line);
    line->setFocus();
    line->selectAll();
    QTest::keyClicks(line, QStringLiteral("audit_console"));
    QTest::keyClick(line, Qt::Key_Return);
    QCOMPARE(g->node(added)->name, QStringLiteral("audit_console"));
    QVERIFY(w.document()->text().contains(QStringLiteral("name: audit_console")));
    verifyViewsAgree(w);
    if (QTest::currentTestFailed())
        return;

    // Delete it with the Delete key on the canvas.
    w.graphScene()->selectNode(added);
    view->setFocus();
    QTest::keyClick(view->viewport(), Qt::Key_Delete);
    QCOMPARE(g->nodeCount(), 1050);
    QCOMPARE(g->nodeForName(QStringLiteral("audit_console")), InvalidNodeId);
    verifyViewsAgree(w);
    if (QTest::currentTestFailed())
        return;

    // Undo everything: the original bytes, and every view with them.
    while (w.document()->undoStack()->canUndo())
        w.document()->undoStack()->undo();
    QCOMPARE(w.document()->text().toUtf8(), original);
    verifyViewsAgree(w);
    w.document()->undoStack()->setClean();
}

QTEST_MAIN(TestLargeSpecEdit)
#include "tst_largespecedit.moc"
