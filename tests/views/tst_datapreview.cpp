// SPDX-License-Identifier: Apache-2.0
// Preview data in the real window (offscreen): a batch spec reading a CSV made here is dry-run on
// the real Spark from .venv through the Data Preview dock; the filtered node shows the right rows
// under the mapped column names, the node selector follows the canvas, Stop ends the runner's
// whole process group. Specs with errors are explained without running anything; a Flink spec
// previews on Flink, its WebSocket source fed from tests.yaml or from pasted sample rows. Run
// Locally opens Submit aimed at the `local` environment; for a spec with s3a:// paths while the
// local platform is down, it first asks to start the platform.
#include "clustersintegration.h"
#include "compilesupport.h"
#include "datapreviewdock.h"
#include "datapreviewmodel.h"
#include "datapreviewrunner.h"
#include "graphscene.h"
#include "isolatedhome.h"
#include "jobsintegration.h"
#include "mainwindow.h"
#include "pipelinedocument.h"
#include "pipelinetests.h"
#include "previewcomparison.h"
#include "previewcomparisonmodel.h"
#include "previewcomparisonview.h"
#include "previewintegration.h"
#include "previewsamples.h"
#include "previewsamplesdialog.h"
#include "specloader.h"
#include "studiosettings.h"
#include "submitdialog.h"
#include "submitflow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QJsonArray>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

#include <cerrno>
#include <csignal>

using namespace uis;

namespace {

const char *const kSpec = R"(version: "1.1"
name: preview-test
provider:
  name: local_files
  provider_type: file_ftp
  base_url: file://@DIR@
  mode: batch
  endpoints:
    - name: items
      path: items.csv
      format: csv
      field_mapping:
        id: item_id
        name: label
        amount: amount
  transforms:
    - name: big
      type: filter
      condition: amount > 10
  sinks:
    - name: out
      type: parquet
      config:
        path: @DIR@/out
)";

QByteArray specFor(const QString &dir)
{
    return QByteArray(kSpec).replace("@DIR@", dir.toUtf8());
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

PreviewIntegration *installPreview(MainWindow &w, JobsIntegration *jobs = nullptr)
{
    return PreviewIntegration::install(&w, w.menu(QStringLiteral("pipeline")), w.mainToolBar(), w.document(),
                                       w.graphScene(), jobs,
                                       [&w](QDockWidget *d, Qt::DockWidgetArea a) { w.addExtensionDock(d, a); });
}

PreviewNode node(const QString &name, int rows)
{
    PreviewNode n;
    n.name = name;
    n.kind = QStringLiteral("transform");
    n.columns = {{QStringLiteral("item_id"), QStringLiteral("int")}, {QStringLiteral("label"), QStringLiteral("string")},
                 {QStringLiteral("tags"), QStringLiteral("array<string>")}};
    for (int i = 0; i < rows; ++i) {
        QJsonObject o{{QStringLiteral("item_id"), i}, {QStringLiteral("tags"), QJsonArray{QStringLiteral("a")}}};
        if (i % 2 == 0)
            o.insert(QStringLiteral("label"), QStringLiteral("row %1").arg(i));
        n.rows.append(o);
    }
    return n;
}

} // namespace

class TestDataPreview : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QTemporaryDir m_data;

    QString writeSpec(const QString &fileName, const QByteArray &content)
    {
        const QString path = m_data.filePath(fileName);
        return writeFile(path, content) ? path : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::isolateHome(m_home.path());
        // The cold path (a new engine per preview), the fallback of the warm sessions, which
        // tst_warmpreview covers.
        StudioSettings::setEngineSessions(QStringLiteral("none"));
        qputenv("UIS_RUNNERS_DIR", UIS_SOURCE_DIR "/runners");
        QVERIFY(writeFile(m_data.filePath(QStringLiteral("items.csv")),
                          "id,name,amount\n1,apple,5\n2,pear,15\n3,plum,25\n4,fig,\n"));
    }

    void modelIsAModel()
    {
        DataPreviewModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setNode(node(QStringLiteral("big"), 2));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), 3);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setNode(node(QStringLiteral("big"), 5)); // more rows of the same node: appended
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.rowCount(), 5);
        model.setNode(node(QStringLiteral("other"), 1)); // another node: reset
        QCOMPARE(reset.count(), 1);
        model.setNode(node(QStringLiteral("big"), 4));
        QCOMPARE(model.columnName(1), QStringLiteral("label"));
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("label\nstring"));
        QCOMPARE(model.headerData(1, Qt::Horizontal, DataPreviewModel::RawValueRole).toString(), QStringLiteral("label"));
        QCOMPARE(model.headerData(0, Qt::Vertical).toInt(), 1);
        QCOMPARE(model.data(model.index(2, 1)).toString(), QStringLiteral("row 2"));
        QCOMPARE(model.data(model.index(1, 1)).toString(), QStringLiteral("null")); // missing key = null
        QCOMPARE(model.data(model.index(3, 0)).toString(), QStringLiteral("3"));
        QCOMPARE(model.data(model.index(3, 2)).toString(), QStringLiteral("[\"a\"]"));
        QVERIFY(model.data(model.index(3, 0), Qt::TextAlignmentRole).toInt() & Qt::AlignRight);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 0);
    }

    void specWithErrorsIsExplained()
    {
        QByteArray broken = specFor(m_data.path());
        broken.replace("        path: " + m_data.path().toUtf8() + "/out\n", "        compression: snappy\n");
        broken.replace("type: filter", "type: no_such_transform");
        int errors = 0;
        for (const Diagnostic &d : SpecLoader::load(broken, SpecFormat::Yaml).diagnostics)
            errors += d.severity == Severity::Error ? 1 : 0;
        QVERIFY(errors >= 2);

        MainWindow w;
        PreviewIntegration *preview = installPreview(w);
        QVERIFY(w.menu(QStringLiteral("pipeline"))->actions().contains(preview->previewAction()));
        QVERIFY(w.mainToolBar()->actions().contains(preview->previewAction()));
        QCOMPARE(preview->previewAction()->shortcut(), QKeySequence(Qt::Key_F5));
        QVERIFY(!preview->runLocallyAction()->isEnabled()); // no jobs integration
        QVERIFY(w.openFile(writeSpec(QStringLiteral("broken.uis.yaml"), broken)));
        QVERIFY(!preview->dock()->message().isEmpty()); // the hint before the first run
        preview->previewAction()->trigger();
        QVERIFY(!preview->dock()->isHidden());
        QCOMPARE(preview->dock()->runner()->state(), DataPreviewRunner::State::Failed);
        const QString message = preview->dock()->message();
        QVERIFY2(message.contains(QStringLiteral("fix %1 errors first").arg(errors)), qPrintable(message));
        QVERIFY(!preview->dock()->isRunning());
        QVERIFY(preview->dock()->busyIndicator()->isHidden());
        QCOMPARE(preview->dock()->model()->rowCount(), 0);
    }

    void streamSourceWithoutSamplesAsksForThem()
    {
        // A WebSocket spec saved where no tests.yaml is: nothing to feed its source with.
        QFile tpl(
            QStringLiteral(UIS_SOURCE_DIR "/resources/templates/websocket-to-kafka.uis.yaml"));
        QVERIFY(tpl.open(QIODevice::ReadOnly));
        MainWindow w;
        PreviewIntegration *preview = installPreview(w);
        QVERIFY(w.openFile(writeSpec(QStringLiteral("ticks.uis.yaml"), tpl.readAll())));
        preview->preview();
        QCOMPARE(preview->dock()->runner()->state(), DataPreviewRunner::State::Failed);
        QCOMPARE(preview->dock()->runner()->engine(), Engine::Flink);
        const QString message = preview->dock()->message();
        QVERIFY2(message.contains(QLatin1String("No sample records for market_ticks")),
                 qPrintable(message));
    }

    void samplesDialogKeepsRowsPerEndpoint()
    {
        PreviewSamplesDialog dialog(
            {QStringLiteral("orders"), QStringLiteral("refunds")},
            {{QStringLiteral("refunds"), QJsonArray{QJsonObject{{QStringLiteral("id"), 7}}}}});
        dialog.editor()->setPlainText(QStringLiteral("[{\"id\": 1}, {\"id\": 2}]"));
        dialog.endpointSelector()->setCurrentIndex(1);
        QCOMPARE(dialog.editor()->toPlainText(), QStringLiteral("{\"id\":7}"));
        dialog.editor()->setPlainText(QStringLiteral("{\"id\": 8}\nnot json"));
        dialog.accept();
        QCOMPARE(dialog.result(),
                 int(QDialog::Rejected)); // line 2 is not a JSON object: stays open
        dialog.editor()->setPlainText(QStringLiteral("{\"id\": 8}\n{\"id\": 9}\n"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.rows().value(QStringLiteral("orders")).size(), 2);
        QCOMPARE(dialog.rows()
                     .value(QStringLiteral("refunds"))
                     .at(1)
                     .toObject()
                     .value(QLatin1String("id"))
                     .toInt(),
                 9);
    }

    // A Flink spec previews on Flink: the WebSocket template's source reads the first case of
    // its tests.yaml, then the rows the user gives for the endpoint.
    void flinkSpecPreviewsOnFlink()
    {
        QString why;
        if (DataPreviewRunner::findPython(&why).isEmpty())
            QSKIP(qPrintable(why));
        const QString spec =
            QStringLiteral(UIS_SOURCE_DIR "/resources/templates/websocket-to-kafka.uis.yaml");
        const PipelineTests tests = PipelineTests::readFile(PipelineTests::pathForSpec(spec));
        QVERIFY(!tests.cases.isEmpty() && !tests.cases.first().inputs.isEmpty());
        const int sampleRows = int(tests.cases.first().inputs.first().rows.size());
        MainWindow w;
        PreviewIntegration *preview = installPreview(w);
        DataPreviewDock *dock = preview->dock();
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(spec));
        QStringList log;
        connect(dock->runner(), &DataPreviewRunner::progress, this,
                [&log](const QString &t) { log << t; });
        preview->previewAction()->trigger();
        QVERIFY(dock->isRunning());
        QCOMPARE(dock->runner()->engine(), Engine::Flink);
        QTRY_VERIFY_WITH_TIMEOUT(!dock->isRunning(), 300000);
        QVERIFY2(dock->runner()->state() == DataPreviewRunner::State::Finished,
                 qPrintable(dock->message()));
        QVERIFY2(log.join(QLatin1Char('\n')).contains(QLatin1String("Flink preview of")),
                 qPrintable(log.join(QLatin1Char('\n'))));
        QVERIFY(log.join(QLatin1Char('\n')).contains(QLatin1String("TableEnvironment")));
        QComboBox *nodes = dock->nodeSelector();
        QCOMPARE(nodes->itemData(0).toString(), QStringLiteral("websocket_market_ticks"));
        const PreviewNode *mapped = dock->runner()->node(QStringLiteral("map_market_ticks"));
        QVERIFY(mapped);
        QCOMPARE(mapped->rows.size(), sampleRows);
        QCOMPARE(mapped->columns.first().name, QStringLiteral("event_time"));
        dock->nodeSelector()->setCurrentIndex(1);
        QCOMPARE(dock->model()->rowCount(), sampleRows);
        if (const QByteArray shot = qgetenv("UIS_SCREENSHOT"); !shot.isEmpty()) {
            dock->raise();
            QTest::qWait(300);
            QVERIFY(w.grab().save(QString::fromLocal8Bit(shot)));
        }

        // Rows the user pasted for the endpoint win over the tests file's.
        QString error;
        const QJsonArray pasted = PreviewSamples::parse(
            "{\"timestamp\": \"2024-01-15T14:30:00Z\", \"symbol\": \"IBM\", \"price\": 1.5, "
            "\"volume\": 3}\n"
            "{\"timestamp\": 1705329005000, \"symbol\": \"SAP\", \"price\": 2.5, \"volume\": 4}\n",
            &error);
        QCOMPARE(pasted.size(), 2);
        dock->runner()->setSamples(QStringLiteral("market_ticks"), pasted);
        preview->previewAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!dock->isRunning(), 300000);
        QVERIFY2(dock->runner()->state() == DataPreviewRunner::State::Finished,
                 qPrintable(dock->message()));
        mapped = dock->runner()->node(QStringLiteral("map_market_ticks"));
        QVERIFY(mapped);
        QCOMPARE(mapped->rows.size(), 2);
        QCOMPARE(mapped->rows.at(1).value(QLatin1String("ticker")).toString(),
                 QStringLiteral("SAP"));
        QCOMPARE(mapped->rows.at(1).value(QLatin1String("event_time")).toString(),
                 QStringLiteral("2024-01-15T14:30:05.000Z"));
    }

    void previewRowsOnSpark()
    {
        QString why;
        if (DataPreviewRunner::findPython(&why).isEmpty())
            QSKIP(qPrintable(why));
        MainWindow w;
        PreviewIntegration *preview = installPreview(w);
        DataPreviewDock *dock = preview->dock();
        QAbstractItemModelTester tester(dock->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(writeSpec(QStringLiteral("items.uis.yaml"), specFor(m_data.path()))));
        GraphModel *graph = w.document()->graph();
        QTRY_VERIFY(graph->nodeForName(QStringLiteral("big")) != InvalidNodeId);
        // The node selected on the canvas is the one shown once it arrives.
        w.graphScene()->selectNode(graph->nodeForName(QStringLiteral("big")));

        QSignalSpy running(dock, &DataPreviewDock::runningChanged);
        preview->previewAction()->trigger();
        QVERIFY(dock->isRunning());
        QVERIFY(!dock->busyIndicator()->isHidden());
        QCOMPARE(dock->runButton()->text(), QStringLiteral("Stop"));
        QVERIFY(!preview->previewAction()->isEnabled());
        QVERIFY(preview->stopAction()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!dock->isRunning(), 180000);
        QVERIFY2(dock->runner()->state() == DataPreviewRunner::State::Finished, qPrintable(dock->message()));
        QCOMPARE(running.count(), 2);
        QVERIFY(dock->busyIndicator()->isHidden());
        QCOMPARE(dock->runButton()->text(), QStringLiteral("Run"));

        // Every source and transform, in definition order.
        QComboBox *nodes = dock->nodeSelector();
        QCOMPARE(nodes->count(), 3);
        QCOMPARE(nodes->itemData(0).toString(), QStringLiteral("file_items"));
        QCOMPARE(nodes->itemData(1).toString(), QStringLiteral("map_items"));
        QCOMPARE(nodes->itemData(2).toString(), QStringLiteral("big"));

        // The filtered node: two rows under the mapped names.
        QCOMPARE(dock->currentNode(), QStringLiteral("big"));
        DataPreviewModel *model = dock->model();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->columnCount(), 3);
        QCOMPARE(model->columnName(0), QStringLiteral("item_id"));
        QCOMPARE(model->columnName(1), QStringLiteral("label"));
        QCOMPARE(model->columnName(2), QStringLiteral("amount"));
        QCOMPARE(model->headerData(0, Qt::Horizontal).toString(), QStringLiteral("item_id\nint"));
        QCOMPARE(model->data(model->index(0, 0)).toString(), QStringLiteral("2"));
        QCOMPARE(model->data(model->index(0, 1)).toString(), QStringLiteral("pear"));
        QCOMPARE(model->data(model->index(1, 1)).toString(), QStringLiteral("plum"));
        QCOMPARE(model->data(model->index(1, 2)).toString(), QStringLiteral("25"));
        QCOMPARE(dock->table()->model(), model);
        QVERIFY2(dock->statusText().contains(QLatin1String("2 rows")), qPrintable(dock->statusText()));
        QVERIFY(dock->message().isEmpty());

        // The selector follows the canvas: an endpoint shows its mapped columns, a sink its input.
        w.graphScene()->selectNode(graph->nodeForName(QStringLiteral("items")));
        QCOMPARE(dock->currentNode(), QStringLiteral("map_items"));
        QCOMPARE(model->rowCount(), 4);
        QCOMPARE(model->data(model->index(3, 2)).toString(), QStringLiteral("null"));
        w.graphScene()->selectNode(graph->nodeForName(QStringLiteral("out")));
        QCOMPARE(dock->currentNode(), QStringLiteral("big"));
        nodes->setCurrentIndex(0);
        QCOMPARE(model->columnName(0), QStringLiteral("id"));
        QCOMPARE(model->rowCount(), 4);

        // Stop ends the runner's whole process group (the JVM included).
        dock->runButton()->click();
        QVERIFY(dock->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(dock->runner()->processGroup() > 0, 30000);
        const qint64 group = dock->runner()->processGroup();
        QTest::qWait(3000); // let Spark start its JVM
        dock->runButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dock->isRunning(), 30000);
        QCOMPARE(dock->runner()->state(), DataPreviewRunner::State::Cancelled);
        QTRY_VERIFY_WITH_TIMEOUT(::kill(-pid_t(group), 0) != 0 && errno == ESRCH, 10000);
        QVERIFY2(dock->statusText().contains(QLatin1String("stopped")), qPrintable(dock->statusText()));
    }

    // Both: the files→Parquet template (reading a CSV made here) previews on the real Spark, then
    // the real Flink; each node's rows side by side, the differing cells counted as
    // PreviewComparison counts them from the two engines' rows. Stop during Flink ends Flink.
    void bothEnginesSideBySide()
    {
        QString why;
        if (DataPreviewRunner::findPython(&why).isEmpty())
            QSKIP(qPrintable(why));
        QFile tpl(QStringLiteral(UIS_SOURCE_DIR "/resources/templates/files-to-parquet.uis.yaml"));
        QVERIFY(tpl.open(QIODevice::ReadOnly));
        const QString dir = m_data.filePath(QStringLiteral("sensors"));
        QVERIFY(QDir().mkpath(dir + QStringLiteral("/hourly")));
        // Timestamps written several ways, a blank signal and the test bench (both filtered), and
        // two cells the engines read apart: a padded number and an empty site (Spark: null).
        QVERIFY(writeFile(dir + QStringLiteral("/hourly/readings.csv"),
                          "sensor_id,site,signal_strength,reading_time\n"
                          "s1,roof,3,2024-01-15T10:01:00Z\n"
                          "s1,roof,4,2024-01-15 10:09:59\n"
                          "s1,roof,,2024-01-15T10:02:00Z\n"
                          "s1,test-bench,90,2024-01-15T10:03:00Z\n"
                          "s1,roof,7,2024-01-15T12:10:00+02:00\n"
                          "s2,cellar,-60,2024-01-15T10:05:00.250Z\n"
                          "s2,cellar,-61,2024-01-15T10:07:00Z\n"
                          "s3,attic, 5,2024-01-15T11:01:00Z\n"
                          "s4,,2,2024-01-15T11:02:00Z\n"));
        QByteArray spec = tpl.readAll();
        spec.replace("s3a://sensor-exports", "file://" + dir.toUtf8());
        spec.replace("s3a://sensor-rollups/ten-minute", dir.toUtf8() + "/rollup");

        MainWindow w;
        PreviewIntegration *preview = installPreview(w);
        DataPreviewDock *dock = preview->dock();
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(writeSpec(QStringLiteral("sensors.uis.yaml"), spec)));
        // Both engines have its connectors: every choice is there.
        QVERIFY(dock->setEngineChoice(DataPreviewDock::EngineChoice::Both));
        QCOMPARE(dock->engineSelector()->itemText(0), QStringLiteral("Spec's engine (Spark)"));

        QSignalSpy running(dock, &DataPreviewDock::runningChanged);
        preview->previewAction()->trigger();
        QVERIFY(dock->isRunning());
        QVERIFY(dock->comparing());
        QCOMPARE(dock->runner()->engine(), Engine::Spark);
        QVERIFY2(dock->statusText().contains(QLatin1String("Flink: waiting")),
                 qPrintable(dock->statusText()));
        // Spark first, then Flink, each with its progress on the status line.
        QTRY_VERIFY_WITH_TIMEOUT(dock->flinkRunner()->isRunning() || !dock->isRunning(), 300000);
        QVERIFY2(dock->flinkRunner()->isRunning(), qPrintable(dock->message()));
        QCOMPARE(dock->flinkRunner()->engine(), Engine::Flink);
        QVERIFY2(dock->statusText().contains(QLatin1String("Spark: 3 nodes in")),
                 qPrintable(dock->statusText()));
        QVERIFY2(dock->statusText().contains(QLatin1String("Flink: running")),
                 qPrintable(dock->statusText()));
        QTRY_VERIFY_WITH_TIMEOUT(!dock->isRunning(), 300000);
        QVERIFY2(dock->runner()->state() == DataPreviewRunner::State::Finished,
                 qPrintable(dock->message()));
        QVERIFY2(dock->flinkRunner()->state() == DataPreviewRunner::State::Finished,
                 qPrintable(dock->message()));
        QCOMPARE(running.count(), 2); // one run, as far as the user sees

        // Every node on both sides (the engines name the source apart), compared as
        // PreviewComparison compares the rows.
        PreviewComparisonView *view = dock->comparisonView();
        QVERIFY(view->isVisible());
        QCOMPARE(dock->nodeSelector()->count(), int(dock->runner()->nodes().size()));
        for (const PreviewNode &spark : dock->runner()->nodes()) {
            const PreviewNode *flink = dock->flinkRunner()->matching(spark);
            QVERIFY2(flink, qPrintable(spark.name));
            QVERIFY(!spark.rows.isEmpty() && !flink->rows.isEmpty());
            QVERIFY(dock->showNode(spark.name));
            QStringList sparkColumns;
            QStringList flinkColumns;
            for (const PreviewColumn &c : spark.columns)
                sparkColumns << c.name;
            for (const PreviewColumn &c : flink->columns)
                flinkColumns << c.name;
            const PreviewComparisonResult expected = PreviewComparison::compare(
                spark.rows, flink->rows,
                PreviewComparison::sharedColumns(sparkColumns, flinkColumns));
            QVERIFY(view->compared());
            QCOMPARE(view->differingCells(), expected.differingCells);
            QCOMPARE(view->sparkModel()->rowCount(), int(expected.pairs.size()));
            QCOMPARE(view->flinkModel()->rowCount(), int(expected.pairs.size()));
            QCOMPARE(view->sparkModel()->columnCount(), int(spark.columns.size()));
            int sparkCells = 0;
            int flinkCells = 0;
            for (const PreviewRowPair &p : expected.pairs) {
                sparkCells += p.left >= 0 ? int(p.differing.size()) : 0;
                flinkCells += p.right >= 0 ? int(p.differing.size()) : 0;
            }
            QCOMPARE(view->sparkModel()->differingCells(), sparkCells);
            QCOMPARE(view->flinkModel()->differingCells(), flinkCells);
            // A highlighted cell names the other engine's value.
            for (int line = 0; line < expected.pairs.size(); ++line) {
                const PreviewRowPair &p = expected.pairs.at(line);
                if (p.left < 0 || p.right < 0 || p.differing.isEmpty())
                    continue;
                const QString column = p.differing.first();
                const int c = int(sparkColumns.indexOf(column));
                const QString tip = view->sparkModel()
                                        ->data(view->sparkModel()->index(line, c), Qt::ToolTipRole)
                                        .toString();
                QVERIFY2(tip.contains(
                             QStringLiteral("Flink has: ") +
                             DataPreviewModel::displayText(flink->rows.at(p.right).value(column))),
                         qPrintable(tip));
            }
            const QString item = dock->nodeSelector()->currentText();
            QVERIFY2(expected.identical() ? item.endsWith(QLatin1String("(same on both)"))
                                          : item.contains(QString::number(expected.differingCells)),
                     qPrintable(item));
        }
        if (const QByteArray shot = qgetenv("UIS_SCREENSHOT_BOTH"); !shot.isEmpty()) {
            // The Data Preview alone at the bottom, tall enough for every row.
            for (const char *other : {"ProblemsDock", "TestsDock", "UndoHistoryDock"}) {
                if (QDockWidget *d = w.findChild<QDockWidget *>(QLatin1String(other)))
                    d->hide();
            }
            w.resize(1400, 900);
            w.resizeDocks({dock}, {400}, Qt::Vertical);
            dock->showNode(QStringLiteral("file_readings"));
            dock->raise();
            QTest::qWait(500);
            QVERIFY(w.grab().save(QString::fromLocal8Bit(shot)));
        }

        // Stop while Flink runs ends Flink's process group too; nothing more runs.
        preview->previewAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(dock->flinkRunner()->processGroup() > 0 || !dock->isRunning(),
                                 300000);
        QVERIFY(dock->isRunning());
        const qint64 group = dock->flinkRunner()->processGroup();
        QTest::qWait(2000); // let Flink start its JVM
        dock->runButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dock->isRunning(), 30000);
        QCOMPARE(dock->flinkRunner()->state(), DataPreviewRunner::State::Cancelled);
        QTRY_VERIFY_WITH_TIMEOUT(::kill(-pid_t(group), 0) != 0 && errno == ESRCH, 10000);
        QVERIFY2(dock->statusText().contains(QLatin1String("Flink: stopped")),
                 qPrintable(dock->statusText()));
    }

    // An engine without the spec's connectors cannot be chosen; its item says why, in the
    // compiler's words.
    void enginesWithoutConnectorsAreDisabled()
    {
        MainWindow w;
        PreviewIntegration *preview = installPreview(w);
        DataPreviewDock *dock = preview->dock();
        const QString spec =
            QStringLiteral(UIS_SOURCE_DIR "/resources/templates/websocket-to-kafka.uis.yaml");
        QVERIFY(w.openFile(spec));
        QVERIFY(!dock->setEngineChoice(DataPreviewDock::EngineChoice::Spark));
        QVERIFY(!dock->setEngineChoice(DataPreviewDock::EngineChoice::Both));
        QVERIFY(dock->setEngineChoice(DataPreviewDock::EngineChoice::Flink));
        QCOMPARE(dock->engineSelector()->itemText(0), QStringLiteral("Spec's engine (Flink)"));
        const LoadedSpec loaded = SpecLoader::loadFile(spec);
        const DiagnosticList lacks =
            CompileSupport::connectorDiagnostics(loaded.spec, Engine::Spark);
        QVERIFY(!lacks.isEmpty());
        QComboBox *engines = dock->engineSelector();
        const int spark = engines->findData(int(DataPreviewDock::EngineChoice::Spark));
        QVERIFY(!qobject_cast<QStandardItemModel *>(engines->model())->item(spark)->isEnabled());
        QVERIFY(
            engines->itemData(spark, Qt::ToolTipRole).toString().contains(lacks.first().message));
        QCOMPARE(engines
                     ->itemData(engines->findData(int(DataPreviewDock::EngineChoice::Both)),
                                Qt::ToolTipRole)
                     .toString(),
                 engines->itemData(spark, Qt::ToolTipRole).toString());
    }

    void runLocallySubmitsToLocal()
    {
        MainWindow w;
        JobsIntegration *jobs = JobsIntegration::install(&w, w.menu(QStringLiteral("jobs")), w.mainToolBar(), w.document(),
                                                         [&w](QDockWidget *d, Qt::DockWidgetArea a) {
                                                             w.addExtensionDock(d, a);
                                                         });
        PreviewIntegration *preview = installPreview(w, jobs);
        QVERIFY(preview->runLocallyAction()->isEnabled());
        QCOMPARE(preview->runLocallyAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_R));
        QVERIFY(w.openFile(writeSpec(QStringLiteral("local.uis.yaml"), specFor(m_data.path()))));
        preview->runLocallyAction()->trigger();
        QTRY_VERIFY(jobs->submitFlow()->dialog() != nullptr);
        SubmitDialog *dialog = jobs->submitFlow()->dialog();
        QCOMPARE(dialog->environment(), QStringLiteral("local"));
        dialog->reject();
        QTRY_VERIFY(!jobs->submitFlow()->isBusy());
    }

    void runLocallyOffersToStartThePlatform()
    {
        QTemporaryDir platformDir; // never started: the platform is down
        MainWindow w;
        JobsIntegration *jobs = JobsIntegration::install(
            &w, w.menu(QStringLiteral("jobs")), w.mainToolBar(), w.document(),
            [&w](QDockWidget *d, Qt::DockWidgetArea a) { w.addExtensionDock(d, a); });
        ClustersIntegration::install(
            &w, w.menu(QStringLiteral("jobs")), jobs,
            [&w](QDockWidget *d, Qt::DockWidgetArea a) { w.addExtensionDock(d, a); },
            platformDir.path());
        PreviewIntegration *preview = installPreview(w, jobs);
        auto submitShown = [jobs] {
            SubmitDialog *d = jobs->submitFlow()->dialog();
            return d && d->isVisible();
        };
        auto prompt = [&w] {
            return w.findChild<QMessageBox *>(QStringLiteral("localPlatformPrompt"));
        };

        // No s3a:// path: straight to Submit.
        QVERIFY(w.openFile(writeSpec(QStringLiteral("local.uis.yaml"), specFor(m_data.path()))));
        preview->runLocallyAction()->trigger();
        QTRY_VERIFY(submitShown());
        QVERIFY(!prompt());
        jobs->submitFlow()->dialog()->reject();
        QTRY_VERIFY(!jobs->submitFlow()->isBusy());

        // The bundled example reads the store: the question comes first, with the Start button.
        QVERIFY(w.openFile(QStringLiteral(
            UIS_SOURCE_DIR "/resources/templates/sample-trades-to-parquet.uis.yaml")));
        preview->runLocallyAction()->trigger();
        QTRY_VERIFY(prompt() != nullptr);
        QVERIFY(prompt()->findChild<QPushButton *>(QStringLiteral("startPlatformAndRun")));
        QVERIFY(!submitShown());
        prompt()->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!prompt());
        QVERIFY(!submitShown());

        preview->runLocallyAction()->trigger();
        QTRY_VERIFY(prompt() != nullptr);
        prompt()->findChild<QPushButton *>(QStringLiteral("runAnyway"))->click();
        QTRY_VERIFY(submitShown());
        QCOMPARE(jobs->submitFlow()->dialog()->environment(), QStringLiteral("local"));
        jobs->submitFlow()->dialog()->reject();
        QTRY_VERIFY(!jobs->submitFlow()->isBusy());
    }
};

QTEST_MAIN(TestDataPreview)
#include "tst_datapreview.moc"
