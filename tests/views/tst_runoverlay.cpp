// SPDX-License-Identifier: Apache-2.0
// The run overlay: a job record's per-node counts become badges on the canvas's nodes, a
// failed node turns red with its error, the Jobs dock's selection drives it, and an edit
// clears it.
#include "graphscene.h"
#include "jobsconnections.h"
#include "jobsdock.h"
#include "jobsmodel.h"
#include "nodeitem.h"
#include "pipelinedocument.h"
#include "runoverlay.h"
#include "runoverlaycontroller.h"

#include <QFile>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QTableView>
#include <QTest>

using namespace uis;

namespace {

QByteArray templateSpec()
{
    QFile f(QStringLiteral(UIS_SOURCE_DIR "/resources/templates/files-to-clickhouse.uis.yaml"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// A job record as dcp-local sends it (the runner's `nodes` report included).
JobStatus record(const char *json)
{
    return JobStatus::fromJson(QJsonDocument::fromJson(json).object());
}

NodeItem *itemNamed(GraphScene &scene, const QString &name)
{
    for (NodeItem *n : scene.nodeItems()) {
        if (n->node().name == name)
            return n;
    }
    return nullptr;
}

} // namespace

class TestRunOverlay : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mapsCountsToNodes();
    void failedJobMarksTheNodeItNames();
    void sceneShowsAndEditClears();
    void jobsSelectionDrivesTheOverlay();
};

void TestRunOverlay::mapsCountsToNodes()
{
    const JobStatus s =
        record(R"({"job_id": "j1", "name": "daily-sales-load", "status": "SUCCEEDED",
        "nodes": [{"node": "sales_csv", "rows_in": 123, "rows_out": 120, "invalid": 3},
                  {"node": "valid_rows", "rows_in": 120, "rows_out": 118},
                  {"node": "positive_quantity", "rows_in": 118, "rows_out": 110, "rows_per_second": 50},
                  {"node": "sales_table", "rows_in": 110, "rows_out": 110},
                  {"node": "map_sales_csv", "rows_in": 120, "rows_out": 120}]})");
    QCOMPARE(s.nodes.size(), 5);
    // The record survives the round trip through JSON (the studio's job list, dcp-local's API).
    QCOMPARE(JobStatus::fromJson(s.toJson()), s);

    const QStringList names{QStringLiteral("sales_csv"), QStringLiteral("valid_rows"),
                            QStringLiteral("positive_quantity"), QStringLiteral("sales_table")};
    const QHash<QString, NodeRunBadge> b = RunOverlay::badgesFor(s, names);
    QCOMPARE(b.size(), 4); // map_sales_csv is the compiler's, not a node of the spec
    QCOMPARE(b.value(QStringLiteral("sales_csv")).rowsIn, 123);
    QCOMPARE(b.value(QStringLiteral("sales_csv")).rowsOut, 120);
    QCOMPARE(b.value(QStringLiteral("sales_csv")).invalid, 3);
    QCOMPARE(b.value(QStringLiteral("valid_rows")).invalid, -1);
    QCOMPARE(b.value(QStringLiteral("valid_rows")).rowsIn, 120);
    QCOMPARE(b.value(QStringLiteral("valid_rows")).rowsOut, 118);
    QCOMPARE(b.value(QStringLiteral("sales_table")).rowsIn, 110);
    QVERIFY(!b.value(QStringLiteral("sales_table")).failed);
    // A rate is shown only while the job runs.
    QCOMPARE(b.value(QStringLiteral("positive_quantity")).rowsPerSecond, -1.0);
    JobStatus running = s;
    running.state = JobState::Running;
    QCOMPARE(RunOverlay::badgesFor(running, names)
                 .value(QStringLiteral("positive_quantity"))
                 .rowsPerSecond,
             50.0);
    QLocale::setDefault(QLocale::c());
    QCOMPARE(b.value(QStringLiteral("valid_rows")).text(), QStringLiteral("120 in · 118 out"));
    // Poison records the source dropped are shown; none is not.
    QCOMPARE(b.value(QStringLiteral("sales_csv")).text(),
             QStringLiteral("123 in · 120 out · 3 invalid"));
}

void TestRunOverlay::failedJobMarksTheNodeItNames()
{
    const QStringList names{QStringLiteral("sales_csv"), QStringLiteral("sales_table"),
                            QStringLiteral("sales")};
    // The runner named the failing node.
    JobStatus s = record(R"({"job_id": "j2", "status": "FAILED", "error": "boom",
        "nodes": [{"node": "sales_csv", "rows_out": 7}, {"node": "sales_table", "rows_in": 7, "error": "Connection refused: clickhouse:8123"}]})");
    QHash<QString, NodeRunBadge> b = RunOverlay::badgesFor(s, names);
    QVERIFY(b.value(QStringLiteral("sales_table")).failed);
    QCOMPARE(b.value(QStringLiteral("sales_table")).error,
             QStringLiteral("Connection refused: clickhouse:8123"));
    QVERIFY(!b.value(QStringLiteral("sales_csv")).failed);

    // Only the job's error: the node it names, as a whole word ("sales" is not "sales_table").
    s = record(R"({"job_id": "j3", "status": "FAILED",
        "error": "sink sales_table (clickhouse): Connection refused"})");
    b = RunOverlay::badgesFor(s, names);
    QCOMPARE(b.size(), 1);
    QVERIFY(b.value(QStringLiteral("sales_table")).failed);
    QCOMPARE(b.value(QStringLiteral("sales_table")).error, s.error);
    // A job that did not fail marks nothing red.
    s.state = JobState::Succeeded;
    QVERIFY(RunOverlay::badgesFor(s, names).isEmpty());
}

void TestRunOverlay::sceneShowsAndEditClears()
{
    PipelineDocument doc;
    doc.openText(templateSpec(), SpecFormat::Yaml, QStringLiteral("t.uis.yaml"));
    GraphScene scene(&doc);
    QVERIFY(scene.nodeNames().contains(QStringLiteral("sales_table")));
    const JobStatus s = record(R"({"job_id": "j4", "status": "FAILED",
        "nodes": [{"node": "valid_rows", "rows_in": 3, "rows_out": 2}, {"node": "sales_table", "rows_in": 2, "error": "table missing"}]})");
    scene.setRunOverlay(RunOverlay::badgesFor(s, scene.nodeNames()));
    NodeItem *valid = itemNamed(scene, QStringLiteral("valid_rows"));
    NodeItem *sink = itemNamed(scene, QStringLiteral("sales_table"));
    NodeItem *source = itemNamed(scene, QStringLiteral("sales_csv"));
    QVERIFY(valid && sink && source);
    QVERIFY(valid->runBadge());
    QCOMPARE(valid->runBadge()->rowsOut, 2);
    QVERIFY(sink->runBadge()->failed);
    QVERIFY(sink->toolTip().contains(QLatin1String("table missing")));
    QVERIFY(!source->runBadge());
    // Any edit: the counts no longer describe what is on the canvas.
    QVERIFY(doc.setValue(QStringLiteral("/provider/transforms/1/condition"),
                         SourceNode::makeString(QStringLiteral("quantity > 1"))));
    QVERIFY(scene.runOverlay().isEmpty());
    QVERIFY(!itemNamed(scene, QStringLiteral("valid_rows"))->runBadge());
    QVERIFY(!itemNamed(scene, QStringLiteral("sales_table"))
                 ->toolTip()
                 .contains(QLatin1String("table missing")));
}

void TestRunOverlay::jobsSelectionDrivesTheOverlay()
{
    PipelineDocument doc;
    doc.openText(templateSpec(), SpecFormat::Yaml, QStringLiteral("t.uis.yaml"));
    GraphScene scene(&doc);
    JobsModel model;
    JobsConnections connections;
    JobsDock dock(&model, &connections);
    RunOverlayController controller(&dock, &scene);
    model.upsert(QStringLiteral("local"),
                 record(R"({"job_id": "a", "name": "daily-sales-load", "status": "SUCCEEDED",
        "nodes": [{"node": "sales_table", "rows_in": 5, "rows_out": 5}]})"));
    model.upsert(QStringLiteral("local"),
                 record(R"({"job_id": "b", "name": "daily-sales-load", "status": "RUNNING",
        "nodes": [{"node": "sales_table", "rows_in": 9, "rows_out": 9}]})"));

    dock.selectJob(QStringLiteral("local"), QStringLiteral("a"));
    QCOMPARE(controller.jobId(), QStringLiteral("a"));
    QCOMPARE(scene.runOverlay().value(QStringLiteral("sales_table")).rowsIn, 5);
    dock.selectJob(QStringLiteral("local"), QStringLiteral("b"));
    QCOMPARE(scene.runOverlay().value(QStringLiteral("sales_table")).rowsIn, 9);
    // A poll of the selected job refreshes the counts.
    model.upsert(QStringLiteral("local"),
                 record(R"({"job_id": "b", "name": "daily-sales-load", "status": "RUNNING",
        "nodes": [{"node": "sales_table", "rows_in": 12, "rows_out": 12}]})"));
    QCOMPARE(scene.runOverlay().value(QStringLiteral("sales_table")).rowsIn, 12);
    // An edit clears it, and later polls do not bring it back.
    doc.replaceText(doc.text() + QStringLiteral("\n"), false);
    QVERIFY(scene.runOverlay().isEmpty());
    QVERIFY(controller.jobId().isEmpty());
    model.upsert(QStringLiteral("local"),
                 record(R"({"job_id": "b", "name": "daily-sales-load", "status": "RUNNING",
        "nodes": [{"node": "sales_table", "rows_in": 15, "rows_out": 15}]})"));
    QVERIFY(scene.runOverlay().isEmpty());
}

QTEST_MAIN(TestRunOverlay)
#include "tst_runoverlay.moc"
