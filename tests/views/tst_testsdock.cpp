// SPDX-License-Identifier: Apache-2.0
// The Tests dock: lists the cases of the document's tests file and runs `uisctl test` (here on
// tests files with errors, so no engine starts: the diagnostics show in the dock). The engine
// runs themselves are tests/runners/test_golden_pipelines.py.
#include "pipelinedocument.h"
#include "testsdock.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace uis;

class TestTestsDock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsTheTemplatesCases()
    {
        PipelineDocument doc;
        QVERIFY(doc.open(
            QStringLiteral(UIS_SOURCE_DIR "/resources/templates/kafka-dedupe-window.uis.yaml")));
        TestsDock dock(&doc);
        QCOMPARE(dock.tree()->topLevelItemCount(), 3);
        QCOMPARE(dock.tree()->topLevelItem(0)->text(0),
                 QStringLiteral("duplicates, two pages, three windows"));
        QCOMPARE(dock.tree()->topLevelItem(2)->text(0), QStringLiteral("every timestamp form"));
        QVERIFY(dock.testsPath().endsWith(QLatin1String("kafka-dedupe-window.tests.yaml")));
    }

    void untitledDocumentHasNoTestsFile()
    {
        PipelineDocument doc;
        TestsDock dock(&doc);
        QCOMPARE(dock.tree()->topLevelItemCount(), 0);
        QVERIFY(dock.testsPath().isEmpty());
        QVERIFY(!dock.addCaseFromPreview().isEmpty());
    }

    void runShowsTheTestsFilesDiagnostics()
    {
        QTemporaryDir dir;
        const QString spec = dir.filePath(QStringLiteral("clicks.uis.yaml"));
        QVERIFY(QFile::copy(
            QStringLiteral(UIS_SOURCE_DIR "/resources/templates/kafka-dedupe-window.uis.yaml"),
            spec));
        QFile t(dir.filePath(QStringLiteral("clicks.tests.yaml")));
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write("tests:\n  - name: typo\n    inputs: {clicks: []}\n    expect:\n      metric_out: "
                "[]\n");
        t.close();
        PipelineDocument doc;
        QVERIFY(doc.open(spec));
        TestsDock dock(&doc);
        QCOMPARE(dock.tree()->topLevelItemCount(), 1);
        dock.run();
        QVERIFY(dock.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!dock.isRunning(), 30000);
        QVERIFY2(dock.diffText().contains(QLatin1String(
                     "clicks.tests.yaml:5:7: error: the spec has no sink `metric_out`")),
                 qPrintable(dock.diffText()));
    }
};

QTEST_MAIN(TestTestsDock)
#include "tst_testsdock.moc"
