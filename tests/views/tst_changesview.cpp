// SPDX-License-Identifier: Apache-2.0
// The Changes view and the Git-aware title on real Git repositories (made with the `git` CLI in
// temporary folders): side-by-side rows with intra-line spans, the node summary, "Restore This
// Version" as one undo step that gives back HEAD's exact bytes, and the title and status bar in
// and out of a repository.
#include "changesdock.h"
#include "changesintegration.h"
#include "changesmodel.h"
#include "graphscene.h"
#include "mainwindow.h"
#include "nodeitem.h"
#include "pipelinedocument.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace uis;

namespace {

QByteArray templateSpec()
{
    QFile f(QStringLiteral(UIS_SOURCE_DIR "/resources/templates/files-to-clickhouse.uis.yaml"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool git(const QString &dir, const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral("git"),
            QStringList{QStringLiteral("-c"), QStringLiteral("user.name=T"), QStringLiteral("-c"),
                        QStringLiteral("user.email=t@example.com")} +
                args);
    return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// A repository on branch `main` with `spec.uis.yaml` committed.
QString makeRepo(const QTemporaryDir &dir, const QByteArray &spec)
{
    const QString path = dir.filePath(QStringLiteral("spec.uis.yaml"));
    if (!git(dir.path(), {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"),
                          QStringLiteral("main")}) ||
        !writeFile(path, spec) ||
        !git(dir.path(), {QStringLiteral("add"), QStringLiteral("spec.uis.yaml")}) ||
        !git(dir.path(), {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"),
                          QStringLiteral("first")}))
        return {};
    return path;
}

bool waitUpdated(ChangesDock *dock)
{
    QSignalSpy spy(dock, &ChangesDock::updated);
    return spy.wait(15000);
}

} // namespace

class TestChangesView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rowsPairChangesWithSpans();
    void dockComparesWithHeadAndRestoresExactBytes();
    void dockComparesWithOtherRevision();
    void titleAndStatusInAndOutOfGit();
};

void TestChangesView::rowsPairChangesWithSpans()
{
    const QByteArray before = "a: 1\nname: orders\nkeep: x\nold: gone\n";
    const QByteArray after = "a: 1\nname: orders_v2\nkeep: x\nnew: line\nmore: lines\n";
    ChangesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setHunks(TextDiff::hunks(before, after));
    const QList<ChangesRow> &rows = model.rows();
    QVERIFY(!rows.isEmpty());
    QCOMPARE(rows.first().kind, ChangesRow::Kind::Hunk);

    // "name: orders" → "name: orders_v2": one Changed row whose spans cover only "_v2".
    auto changed =
        std::find_if(rows.begin(), rows.end(), [](const ChangesRow &r) { return r.oldLine == 2; });
    QVERIFY(changed != rows.end());
    QCOMPARE(changed->kind, ChangesRow::Kind::Changed);
    QCOMPARE(changed->newLine, 2);
    QCOMPARE(changed->newText.mid(changed->newSpan.start, changed->newSpan.length),
             QStringLiteral("_v2"));
    QCOMPARE(changed->oldSpan.length, 0);
    const int r = int(changed - rows.begin());
    QCOMPARE(
        model.data(model.index(r, ChangesModel::NewTextColumn), ChangesModel::SpanRole).toPoint(),
        QPoint(12, 3));
    QVERIFY(
        !model.data(model.index(r, ChangesModel::OldLineColumn), ChangesModel::SpanRole).isValid());

    // "old: gone" pairs with "new: line"; "more: lines" has no partner and stays Added.
    int added = 0, removedOnly = 0;
    for (const ChangesRow &row : rows) {
        added += row.kind == ChangesRow::Kind::Added;
        removedOnly += row.kind == ChangesRow::Kind::Removed;
    }
    QCOMPARE(added, 1);
    QCOMPARE(removedOnly, 0);
    QCOMPARE(model.removedLines(), 2);
    QCOMPARE(model.addedLines(), 3);
    // Context lines show on both sides with both numbers.
    auto keep = std::find_if(rows.begin(), rows.end(), [](const ChangesRow &x) {
        return x.oldText == QLatin1String("keep: x");
    });
    QVERIFY(keep != rows.end());
    QCOMPARE(keep->kind, ChangesRow::Kind::Context);
    QCOMPARE(keep->newLine, 3);

    model.setHunks({});
    QCOMPARE(model.rowCount(), 0);
}

void TestChangesView::dockComparesWithHeadAndRestoresExactBytes()
{
    QTemporaryDir dir;
    // CRLF and a trailing comment: the restore must give back these bytes, not a re-emitted file.
    QByteArray spec = templateSpec();
    QVERIFY(!spec.isEmpty());
    spec.replace("\n", "\r\n");
    spec += "# end of file, kept as is\r\n";
    const QString path = makeRepo(dir, spec);
    QVERIFY(!path.isEmpty());

    PipelineDocument doc;
    QVERIFY(doc.open(path));
    ChangesDock dock(&doc);
    dock.show();
    dock.refresh();
    QVERIFY(waitUpdated(&dock));
    QVERIFY(dock.result().hasBase);
    QCOMPARE(dock.model()->rowCount(), 0);
    QVERIFY(dock.result().vcs.inRepo);
    QVERIFY(!dock.result().vcs.differs);
    QVERIFY(!dock.restoreAction()->isEnabled());

    // A form edit and a text edit; the view follows (debounced, off the GUI thread).
    QVERIFY(doc.setValue(QStringLiteral("/provider/transforms/1/condition"),
                         SourceNode::makeString(QStringLiteral("quantity > 5"))));
    QString text = doc.text();
    text.replace(QStringLiteral("name: sales_table"), QStringLiteral("name: sales_table_v2"));
    doc.replaceText(text, false);
    QVERIFY(waitUpdated(&dock));
    QVERIFY(dock.result().vcs.differs);
    QVERIFY(dock.model()->rowCount() > 0);
    bool sawSpan = false;
    for (const ChangesRow &r : dock.model()->rows()) {
        if (r.kind == ChangesRow::Kind::Changed &&
            r.newText.contains(QLatin1String("quantity > 5"))) {
            QCOMPARE(r.newText.mid(r.newSpan.start, r.newSpan.length), QStringLiteral("5"));
            QCOMPARE(r.oldText.mid(r.oldSpan.start, r.oldSpan.length), QStringLiteral("0"));
            sawSpan = true;
        }
    }
    QVERIFY(sawSpan);
    // Node summary in spec terms: the filter changed, the sink renamed (removed + added).
    QStringList nodes;
    for (int i = 0; i < dock.nodeList()->count(); ++i)
        nodes << dock.nodeList()->item(i)->text();
    QVERIFY2(nodes.contains(QStringLiteral("~ transform positive_quantity changed")),
             qPrintable(nodes.join(u'|')));
    QVERIFY2(nodes.contains(QStringLiteral("+ sink sales_table_v2 added")),
             qPrintable(nodes.join(u'|')));
    QVERIFY2(nodes.contains(QStringLiteral("− sink sales_table removed")),
             qPrintable(nodes.join(u'|')));
    // The artifacts changed too, and can be shown instead of the spec.
    QVERIFY(dock.showCombo()->count() > 1);

    // Restore: one undo step; saving writes HEAD's exact bytes; undo brings the edits back.
    QVERIFY(dock.restoreAction()->isEnabled());
    const QString edited = doc.text();
    const int steps = doc.undoStack()->count();
    dock.restoreAction()->trigger();
    QCOMPARE(doc.undoStack()->count(), steps + 1);
    QVERIFY(doc.undoStack()->undoText().startsWith(QLatin1String("Restore")));
    QVERIFY(doc.save());
    QCOMPARE(readFile(path), spec);
    QVERIFY(waitUpdated(&dock));
    QCOMPARE(dock.model()->rowCount(), 0);
    QVERIFY(!dock.result().vcs.differs);
    doc.undoStack()->undo();
    QCOMPARE(doc.text(), edited);
    doc.undoStack()->redo();
    QCOMPARE(doc.text().toUtf8(), spec);

    // Bytes that are not UTF-8 are refused, not mangled.
    QString error;
    QVERIFY(!doc.restoreVersion(QByteArray("name: \xff\xfe\n"), QStringLiteral("bad"), &error));
    QVERIFY(error.contains(QLatin1String("UTF-8")));
    QCOMPARE(doc.text().toUtf8(), spec);
}

void TestChangesView::dockComparesWithOtherRevision()
{
    QTemporaryDir dir;
    const QByteArray first = templateSpec();
    const QString path = makeRepo(dir, first);
    QVERIFY(!path.isEmpty());
    QByteArray second = first;
    second.replace("quantity > 0", "quantity > 1");
    QVERIFY(writeFile(path, second));
    QVERIFY(git(dir.path(), {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-am"),
                             QStringLiteral("second")}));

    PipelineDocument doc;
    QVERIFY(doc.open(path));
    ChangesDock dock(&doc);
    dock.show();
    dock.setBase(QStringLiteral("HEAD~1"));
    QVERIFY(waitUpdated(&dock));
    QCOMPARE(dock.result().baseText, first);
    QCOMPARE(dock.model()->removedLines(), 1);
    QCOMPARE(dock.model()->addedLines(), 1);
    QVERIFY(dock.restoreBase());
    QCOMPARE(doc.text().toUtf8(), first);

    // A revision that does not exist says so and offers nothing to restore.
    dock.setBase(QStringLiteral("no-such-branch"));
    QVERIFY(waitUpdated(&dock));
    QVERIFY(!dock.result().hasBase);
    QVERIFY(dock.summaryLabel()->text().contains(QLatin1String("no-such-branch")));
    QVERIFY(!dock.restoreAction()->isEnabled());

    // "Last saved" compares with the file on disk.
    dock.setBase(ChangesRequest::SavedBase);
    QVERIFY(waitUpdated(&dock));
    QCOMPARE(dock.result().baseText, second);
}

void TestChangesView::titleAndStatusInAndOutOfGit()
{
    QTemporaryDir repoDir;
    const QString inRepo = makeRepo(repoDir, templateSpec());
    QVERIFY(!inRepo.isEmpty());
    QVERIFY(git(repoDir.path(), {QStringLiteral("checkout"), QStringLiteral("-q"),
                                 QStringLiteral("-b"), QStringLiteral("feature/orders")}));
    QTemporaryDir plainDir;
    const QString outside = plainDir.filePath(QStringLiteral("plain.uis.yaml"));
    QVERIFY(writeFile(outside, templateSpec()));
    QVERIFY(!QFile::exists(plainDir.filePath(QStringLiteral(".git"))));

    MainWindow window;
    auto *changes = ChangesIntegration::install(
        &window, window.menu(QStringLiteral("view")), window.document(), window.graphScene(), {},
        [&window](const VcsState &s) { window.setVcsState(s); });
    ChangesDock *dock = changes->dock();
    window.show();

    QVERIFY(window.openFile(inRepo));
    QTRY_COMPARE_WITH_TIMEOUT(
        window.windowTitle(),
        QStringLiteral("spec.uis.yaml[*] — feature/orders • same as HEAD — UIS Studio"), 15000);
    QVERIFY(changes->statusLabel()->isVisibleTo(&window));
    QCOMPARE(changes->statusLabel()->text(), QStringLiteral("feature/orders • same as HEAD"));

    // An edit (not saved yet) already differs from HEAD; saving keeps it so.
    QVERIFY(window.document()->setValue(QStringLiteral("/provider/transforms/1/condition"),
                                        SourceNode::makeString(QStringLiteral("quantity > 2"))));
    QTRY_COMPARE_WITH_TIMEOUT(changes->statusLabel()->text(),
                              QStringLiteral("feature/orders • modified vs HEAD"), 15000);
    QCOMPARE(window.windowTitle(),
             QStringLiteral("spec.uis.yaml[*] — feature/orders • modified vs HEAD — UIS Studio"));
    QVERIFY(window.isWindowModified());
    QString error;
    QVERIFY(window.document()->save(&error));
    QVERIFY(!window.isWindowModified());
    QCOMPARE(changes->statusLabel()->text(), QStringLiteral("feature/orders • modified vs HEAD"));
    // Undo to HEAD's text: the same as HEAD again.
    window.document()->undoStack()->undo();
    QTRY_COMPARE_WITH_TIMEOUT(changes->statusLabel()->text(),
                              QStringLiteral("feature/orders • same as HEAD"), 15000);

    // With the view open, the canvas marks the changed node.
    QVERIFY(window.document()->setValue(QStringLiteral("/provider/transforms/1/condition"),
                                        SourceNode::makeString(QStringLiteral("quantity > 3"))));
    changes->showAction()->trigger();
    QVERIFY(waitUpdated(dock));
    NodeItem *filter = nullptr;
    for (NodeItem *n : window.graphScene()->nodeItems())
        if (n->node().name == QLatin1String("positive_quantity"))
            filter = n;
    QVERIFY(filter);
    QCOMPARE(filter->changeMark(), NodeItem::ChangeMark::Changed);
    dock->hide();
    QCOMPARE(filter->changeMark(), NodeItem::ChangeMark::None);

    // Out of Git: no branch, no label, no error.
    QVERIFY(window.openFile(outside));
    QTRY_COMPARE_WITH_TIMEOUT(window.windowTitle(),
                              QStringLiteral("plain.uis.yaml[*] — UIS Studio"), 15000);
    QVERIFY(!changes->statusLabel()->isVisibleTo(&window));
    dock->show();
    dock->refresh();
    QVERIFY(waitUpdated(dock));
    QVERIFY(!dock->result().hasBase);
    QVERIFY(!dock->result().vcs.inRepo);
    QVERIFY(!dock->restoreAction()->isEnabled());
}

QTEST_MAIN(TestChangesView)
#include "tst_changesview.moc"
