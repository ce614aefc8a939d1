// SPDX-License-Identifier: Apache-2.0
// The designer's Sample view against a real HTTP API on loopback (tests/cli/sample_api.py):
// sample an endpoint, click fields of the record to map them, apply the inferred schema, keep
// the sample as a test case; the spec's text only gains lines, and undo takes every step back.
// Then the assembled studio: Sample… from the canvas context menu and the drift in Problems.
#include "../cli/sampleapiserver.h"

#include "graphscene.h"
#include "isolatedhome.h"
#include "jsontreemodel.h"
#include "mainwindow.h"
#include "nodeitem.h"
#include "pipelinedocument.h"
#include "pipelinetests.h"
#include "placeholdervalues.h"
#include "problemsdock.h"
#include "problemsmodel.h"
#include "recordstablemodel.h"
#include "sampledock.h"
#include "sampleintegration.h"
#include "samplepagesview.h"
#include "studioextensions.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>

using namespace uis;

namespace {

/// Whether `after` is `before` with lines inserted only: every line of `before` in order.
bool onlyLinesAdded(const QString &before, const QString &after, QString *why)
{
    const QStringList old = before.split(QLatin1Char('\n'));
    const QStringList now = after.split(QLatin1Char('\n'));
    qsizetype j = 0;
    for (const QString &line : now) {
        if (j < old.size() && line == old.at(j))
            ++j;
    }
    if (j != old.size()) {
        *why =
            QStringLiteral("line %1 of the original changed or went: %2").arg(j + 1).arg(old.at(j));
        return false;
    }
    return true;
}

QModelIndex find(const JsonTreeModel *model, const QList<JsonStep> &path)
{
    return model->indexFor(path);
}

/// Clicks the tree's row at `index` the way a person does.
void click(QTreeView *tree, const QModelIndex &index, bool twice = false)
{
    tree->scrollTo(index);
    const QPoint at = tree->visualRect(index).center();
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, at);
    if (twice)
        QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, at);
}

} // namespace

class TestSampleView : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    test::SampleApiServer m_api;

    QString writeSpec(const QString &name, const QString &endpoint)
    {
        return m_api.writeSpec(QDir(m_dir.path()), name, QStringLiteral("sample-view"), endpoint,
                               {}, QStringLiteral("# Items from the test API\n"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateHome(m_dir.filePath(QStringLiteral("home")));
        QVERIFY2(m_api.start(), qPrintable(m_api.error()));
        // The placeholder resolves from the environment, as Submit resolves it.
        qputenv("API_KEY", "k3y-abc");
    }

    void sampleMapApplyKeepAndUndo()
    {
        const QString path = writeSpec(QStringLiteral("mapping"),
                                       QStringLiteral("      path: /next-relative\n"
                                                      "      auth: api_key\n"
                                                      "      headers:\n"
                                                      "        X-API-Key: \"{{api_key}}\"\n"));
        PipelineDocument doc;
        QVERIFY(doc.open(path));
        const QString original = doc.text();
        SampleDock dock(&doc, nullptr);
        dock.resize(1000, 600);
        dock.show();
        QAbstractItemModelTester treeTester(dock.treeModel());
        QAbstractItemModelTester tableTester(dock.recordsView()->model());

        // 1. Sample: without response_path the record is the whole response.
        QTest::mouseClick(dock.sampleButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dock.hasSample() && !dock.isRunning(), 20000);
        QCOMPARE(dock.sampleResult().records.size(), 1);
        QVERIFY(dock.pagesView()->list()->count() >= 1);
        QVERIFY(
            dock.pagesView()->details()->toPlainText().contains(QStringLiteral("Status:   200")));
        QVERIFY2(!dock.pagesView()->details()->toPlainText().contains(QStringLiteral("k3y-abc")),
                 "the resolved key must be masked");
        bool cursor = false;
        for (const PaginationProposal &p : dock.sampleResult().pagination)
            cursor = cursor || (p.style == QLatin1String("cursor") && p.confirmed);
        QVERIFY2(cursor, "the relative next link is detected and confirmed");

        // 2. Click-to-map: a field inside `data[0]` says the records are `$.data`.
        QModelIndex id =
            find(dock.treeModel(),
                 {{QStringLiteral("data"), -1}, {QString(), 0}, {QStringLiteral("id"), -1}});
        QVERIFY(id.isValid());
        dock.recordTree()->expandAll();
        click(dock.recordTree(), id);
        QCOMPARE(dock.mapButton()->text(), QStringLiteral("Use as Records"));
        QTest::mouseClick(dock.mapButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dock.isRunning() && dock.sampleResult().records.size() == 10,
                                 10000);
        QCOMPARE(doc.spec().provider.endpoints.first().responsePath, QStringLiteral("$.data"));

        // A field of the record, renamed: a field_mapping entry.
        QModelIndex name = find(dock.treeModel(), {{QStringLiteral("name"), -1}});
        QVERIFY(name.isValid());
        click(dock.recordTree(), name);
        QCOMPARE(dock.mapName()->text(), QStringLiteral("name"));
        dock.mapName()->setText(QStringLiteral("item_name"));
        QTest::mouseClick(dock.mapButton(), Qt::LeftButton);
        QCOMPARE(
            mapValue(doc.spec().provider.endpoints.first().fieldMapping, QStringLiteral("name")),
            QStringLiteral("item_name"));
        // A nested field, by double click, with the proposed name.
        dock.recordTree()->expandAll();
        QModelIndex rank =
            find(dock.treeModel(), {{QStringLiteral("meta"), -1}, {QStringLiteral("rank"), -1}});
        QVERIFY(rank.isValid());
        click(dock.recordTree(), rank, true);
        QCOMPARE(mapValue(doc.spec().provider.endpoints.first().fieldMapping,
                          QStringLiteral("meta.rank")),
                 QStringLiteral("meta_rank"));

        // 3. Apply as schema: the declared names are the mapped ones; no drift is left.
        QVERIFY(dock.applySchemaButton()->isEnabled());
        QTest::mouseClick(dock.applySchemaButton(), Qt::LeftButton);
        const Endpoint &e = doc.spec().provider.endpoints.first();
        QVERIFY(e.hasSchema);
        QStringList names;
        for (const SchemaField &f : e.schema)
            names << f.name;
        QVERIFY2(names.contains(QStringLiteral("item_name")), qPrintable(names.join(u',')));
        QVERIFY(names.contains(QStringLiteral("meta_rank")));
        QVERIFY(!names.contains(QStringLiteral("name")));
        QVERIFY(names.contains(QStringLiteral("created_at")));
        for (const Diagnostic &d : dock.drift())
            QVERIFY2(d.severity != Severity::Error, qPrintable(d.message));

        // 4. Keep as test case: written next to the spec, the rows are the sampled records.
        const QString testsPath = PipelineTests::pathForSpec(path);
        QVERIFY(!QFile::exists(testsPath));
        QTest::mouseClick(dock.keepButton(), Qt::LeftButton);
        QVERIFY(QFile::exists(testsPath));
        const PipelineTests tests = PipelineTests::readFile(testsPath);
        QVERIFY(!hasErrors(tests.diagnostics));
        QCOMPARE(tests.cases.size(), 1);
        QCOMPARE(tests.cases.first().inputs.first().name, QStringLiteral("items"));
        QCOMPARE(tests.cases.first().inputs.first().rows.size(), 10);
        QCOMPARE(tests.cases.first().expect.first().name, QStringLiteral("out"));
        QFile tf(testsPath);
        QVERIFY(tf.open(QIODevice::ReadOnly));
        const QByteArray testsText = tf.readAll();
        QVERIFY(!testsText.contains("k3y-abc"));
        QVERIFY(testsText.contains("\"meta.rank\": 1"));

        // The spec only gained lines, and every line it gained is one of the edits.
        QString why;
        QVERIFY2(onlyLinesAdded(original, doc.text(), &why),
                 qPrintable(why + QStringLiteral("\n") + doc.text()));
        QVERIFY(doc.text().contains(QStringLiteral("response_path")));
        QVERIFY(doc.text().contains(QStringLiteral("item_name")));
        QCOMPARE(doc.undoStack()->count(), 5); // records path, 2 mappings, schema, test case

        // 5. Undo takes each step back: the tests file goes, the text is as it was.
        doc.undoStack()->undo();
        QVERIFY(!QFile::exists(testsPath));
        doc.undoStack()->redo();
        QVERIFY(QFile::exists(testsPath));
        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        QVERIFY(!QFile::exists(testsPath));
        QCOMPARE(doc.text(), original);
    }

    void keepsTheExistingCasesAndRefusesABrokenFile()
    {
        const QString path =
            writeSpec(QStringLiteral("keep"), QStringLiteral("      path: /plain\n"
                                                             "      response_path: $.results\n"));
        const QString testsPath = PipelineTests::pathForSpec(path);
        const QByteArray existing =
            "# mine\ntests:\n  - name: sample of items\n    inputs:\n"
            "      items:\n        - { id: 1 }\n    expect:\n      out: []\n";
        {
            QFile f(testsPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(existing);
        }
        PipelineDocument doc;
        QVERIFY(doc.open(path));
        SampleDock dock(&doc, nullptr);
        dock.sample();
        QTRY_VERIFY_WITH_TIMEOUT(dock.hasSample() && !dock.isRunning(), 20000);
        QCOMPARE(dock.sampleResult().records.size(), 5);
        QVERIFY(dock.sampleResult().pagination.isEmpty() ||
                !dock.sampleResult().pagination.first().confirmed);
        QString error;
        QVERIFY2(dock.keepAsTestCase(&error), qPrintable(error));
        PipelineTests tests = PipelineTests::readFile(testsPath);
        QCOMPARE(tests.cases.size(), 2);
        QCOMPARE(tests.cases.at(1).name, QStringLiteral("sample of items 2"));
        QFile f(testsPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().startsWith(existing));
        f.close();
        doc.undoStack()->undo();
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), existing);
        f.close();

        // A tests file that does not read is left alone, with a message that says why.
        {
            QFile w(testsPath);
            QVERIFY(w.open(QIODevice::WriteOnly));
            w.write("tests: [\n");
        }
        QVERIFY(!dock.keepAsTestCase(&error));
        QVERIFY2(error.contains(QStringLiteral("errors")), qPrintable(error));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("tests: [\n"));
    }

    void stopsASlowSampleAndExplainsA401()
    {
        const QString path = writeSpec(QStringLiteral("slow"),
                                       QStringLiteral("      path: /slow\n"
                                                      "      query_params: { seconds: \"20\" }\n"));
        PipelineDocument doc;
        QVERIFY(doc.open(path));
        SampleDock dock(&doc, nullptr);
        dock.resize(1000, 500);
        dock.show();
        dock.sample();
        QTRY_VERIFY_WITH_TIMEOUT(dock.isRunning() && dock.stopButton()->isEnabled(), 5000);
        auto *progress = dock.findChild<QProgressBar *>();
        QVERIFY(progress);
        QTRY_VERIFY(progress->isVisible());
        QTest::qWait(300);
        QTest::mouseClick(dock.stopButton(), Qt::LeftButton);
        QVERIFY(!dock.isRunning());
        QTRY_VERIFY(!progress->isVisible());
        QVERIFY(!dock.hasSample());
        QVERIFY2(dock.statusLabel()->text().contains(QStringLiteral("stopped")),
                 qPrintable(dock.statusLabel()->text()));

        // Bearer auth without the right token: a message a person can act on.
        const QString denied =
            writeSpec(QStringLiteral("denied"), QStringLiteral("      path: /page\n"));
        PipelineDocument doc2;
        QVERIFY(doc2.open(denied));
        SampleDock dock2(&doc2, nullptr);
        dock2.sample();
        QTRY_VERIFY_WITH_TIMEOUT(!dock2.isRunning(), 20000);
        QVERIFY(!dock2.hasSample());
        QVERIFY2(dock2.statusLabel()->text().contains(QStringLiteral("401")),
                 qPrintable(dock2.statusLabel()->text()));
    }

    void asksForAPlaceholderNeitherEnvironmentNorKeychainHas()
    {
        // No API_TOKEN in the environment and no keychain here: the prompt asks, as Submit's does.
        qunsetenv("API_TOKEN");
        const QString path =
            writeSpec(QStringLiteral("prompt"),
                      QStringLiteral("      path: /page\n"
                                     "      response_path: $.results\n"
                                     "      headers:\n"
                                     "        Authorization: \"Bearer {{api_token}}\"\n"));
        PipelineDocument doc;
        QVERIFY(doc.open(path));
        SampleDock dock(&doc, nullptr);
        dock.sample();
        QTRY_VERIFY_WITH_TIMEOUT(dock.placeholderValues()->prompt(), 5000);
        QDialog *prompt = dock.placeholderValues()->prompt();
        auto *edit = prompt->findChild<QLineEdit *>(QStringLiteral("API_TOKEN"));
        QVERIFY(edit);
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        edit->setText(QStringLiteral("s3cret-token"));
        prompt->accept();
        QTRY_VERIFY_WITH_TIMEOUT(dock.hasSample() && !dock.isRunning(), 20000);
        QCOMPARE(dock.sampleResult().records.size(), 10);
        QVERIFY(
            !dock.pagesView()->details()->toPlainText().contains(QStringLiteral("s3cret-token")));

        // Cancelling the prompt samples nothing and says why.
        dock.sample();
        QTRY_VERIFY_WITH_TIMEOUT(dock.placeholderValues()->prompt(), 5000);
        dock.placeholderValues()->prompt()->reject();
        QTRY_VERIFY(!dock.isRunning());
        QVERIFY(dock.statusLabel()->text().contains(QStringLiteral("cancelled")));
    }

    void canvasMenuSamplesAndDriftReachesProblems()
    {
        const QString path =
            writeSpec(QStringLiteral("drift"),
                      QStringLiteral("      path: /drifted\n"
                                     "      response_path: $.results\n"
                                     "      schema:\n"
                                     "        - { name: id, type: long, nullable: false }\n"
                                     "        - { name: name, type: string, nullable: false }\n"
                                     "        - { name: price, type: double }\n"));
        MainWindow w;
        installStudioExtensions(w);
        w.resize(1400, 900);
        w.show();
        QVERIFY(w.openFile(path));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return !w.analysis()->isBusy() &&
                       w.analysis()->lastResult().revision == w.document()->revision();
            },
            10000));
        auto *sampling = w.findChild<SampleIntegration *>();
        QVERIFY(sampling);
        QCOMPARE(sampling->sampleAction()->shortcut(), QKeySequence(Qt::Key_F6));

        // The canvas context menu of the endpoint offers Sample…
        NodeItem *endpoint = nullptr;
        for (NodeItem *n : w.graphScene()->nodeItems()) {
            const GraphNode *g = w.document()->graph()->node(n->nodeId());
            if (g && g->kind == NodeKind::Endpoint)
                endpoint = n;
        }
        QVERIFY(endpoint);
        w.graphScene()->clearSelection();
        endpoint->setSelected(true);
        QMenu menu;
        Q_EMIT w.graphScene()->nodeMenuRequested(&menu, w.graphScene()->selectedNodes());
        QAction *sampleNode = menu.findChild<QAction *>(QStringLiteral("sampleNode"));
        QVERIFY(sampleNode);
        sampleNode->trigger();
        SampleDock *dock = sampling->dock();
        QVERIFY(dock->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(dock->hasSample() && !dock->isRunning(), 20000);

        // The drift is in Problems with the declaration's line, next to the analysis' own.
        const auto problemCodes = [&w] {
            QStringList codes;
            for (const Diagnostic &d : w.problemsDock()->model()->diagnostics())
                codes << d.code + QLatin1Char('@') + QString::number(d.line);
            return codes;
        };
        QTRY_VERIFY_WITH_TIMEOUT(problemCodes().contains(QStringLiteral("UIS-E-DRIFT-TYPE@14")),
                                 5000);
        QVERIFY2(problemCodes().contains(QStringLiteral("UIS-E-DRIFT-FIELD-GONE@16")),
                 qPrintable(problemCodes().join(u' ')));
        QVERIFY(problemCodes().contains(QStringLiteral("UIS-E-DRIFT-NULLS@15")));
        if (!qEnvironmentVariableIsEmpty("UIS_SHOTS_DIR")) {
            dock->tabs()->setCurrentIndex(4);
            QTest::qWait(200);
            w.grab().save(qEnvironmentVariable("UIS_SHOTS_DIR") +
                          QStringLiteral("/drift-in-problems.png"));
        }
        // A later analysis keeps it there.
        w.analysis()->runNow();
        QVERIFY(QTest::qWaitFor([&] { return !w.analysis()->isBusy(); }, 10000));
        QTest::qWait(100);
        QVERIFY(problemCodes().contains(QStringLiteral("UIS-E-DRIFT-TYPE@14")));
    }
};

QTEST_MAIN(TestSampleView)
#include "tst_sampleview.moc"
