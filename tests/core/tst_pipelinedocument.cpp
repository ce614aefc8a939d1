// SPDX-License-Identifier: Apache-2.0
#include "addnode.h"
#include "autosavemanager.h"
#include "graphmodel.h"
#include "pipelinedocument.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace uis;

namespace {
QString templatePath(const QString &name)
{
    return QStringLiteral(UIS_SOURCE_DIR "/resources/templates/") + name;
}

NodeId byName(const PipelineDocument &doc, const QString &name)
{
    return doc.graph()->nodeForName(name);
}
} // namespace

class TestPipelineDocument : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void openBuildsGraph();
    void setValueRewritesTextAndUndoRestoresExactText();
    void setValueCreatesMissingParents();
    void typingMergesAndTreeFollows();
    void brokenTextKeepsTreeAndRefusesTreeEdits();
    void connectSetsInputsAndUndoReverts();
    void edgeRules();
    void addAndRemoveNodes();
    void renameUpdatesReferences();
    void moveNodesUndoAndSidecar();
    void saveIsAtomicAndClean();
    void saveAsConvertsFormat();
    void autosaveRecovery();
};

void TestPipelineDocument::openBuildsGraph()
{
    PipelineDocument doc;
    QVERIFY(doc.open(templatePath(QStringLiteral("rest-to-parquet-iceberg.uis.yaml"))));
    QVERIFY(doc.isTreeCurrent());
    QVERIFY(!doc.isModified());
    QCOMPARE(doc.graph()->nodeCount(), 4); // 1 endpoint, 1 transform, 2 sinks
    const NodeId ep = byName(doc, QStringLiteral("stock_tickers"));
    const NodeId tr = byName(doc, QStringLiteral("listed_only"));
    const NodeId landing = byName(doc, QStringLiteral("landing"));
    QVERIFY(doc.graph()->hasConnection(ep, tr));
    QVERIFY(doc.graph()->hasConnection(tr, landing));
    QVERIFY(doc.graph()->hasImplicitInputs(tr));
    QCOMPARE(doc.graph()->node(landing)->pointer, QStringLiteral("/provider/sinks/0"));
    QCOMPARE(doc.graph()->nodeForPointer(QStringLiteral("/provider/sinks/0/config/bucket")), landing);
}

void TestPipelineDocument::setValueRewritesTextAndUndoRestoresExactText()
{
    PipelineDocument doc;
    QVERIFY(doc.open(templatePath(QStringLiteral("rest-to-parquet-iceberg.uis.yaml"))));
    const QString original = doc.text();
    QVERIFY(doc.setValue(QStringLiteral("/provider/parallelism"), SourceNode::makeInt(16)));
    QVERIFY(doc.text().contains(QStringLiteral("parallelism: 16")));
    QVERIFY(doc.text().startsWith(QStringLiteral("# REST API"))); // header comment kept
    QVERIFY(doc.isModified());
    QCOMPARE(doc.spec().provider.parallelism.value_or(0), 16);
    doc.undoStack()->undo();
    QCOMPARE(doc.text(), original);
    QVERIFY(!doc.isModified());
    doc.undoStack()->redo();
    QVERIFY(doc.text().contains(QStringLiteral("parallelism: 16")));
    // Same field again merges; back to the start drops the command.
    QVERIFY(doc.setValue(QStringLiteral("/provider/parallelism"), SourceNode::makeInt(4)));
    QCOMPARE(doc.undoStack()->count(), 0);
}

void TestPipelineDocument::setValueCreatesMissingParents()
{
    PipelineDocument doc;
    QVERIFY(doc.open(templatePath(QStringLiteral("rest-to-parquet-iceberg.uis.yaml"))));
    QVERIFY(doc.setValue(QStringLiteral("/provider/endpoints/0/reconnect/max_attempts"), SourceNode::makeInt(3)));
    QVERIFY(doc.valueAt(QStringLiteral("/provider/endpoints/0/reconnect/max_attempts")));
    doc.undoStack()->undo();
    QVERIFY(!doc.valueAt(QStringLiteral("/provider/endpoints/0/reconnect")));
}

void TestPipelineDocument::typingMergesAndTreeFollows()
{
    PipelineDocument doc;
    QVERIFY(doc.open(templatePath(QStringLiteral("rest-to-parquet-iceberg.uis.yaml"))));
    QString t = doc.text();
    t.replace(QStringLiteral("name: listed_only"), QStringLiteral("name: listed_onl"));
    doc.replaceText(t);
    t.replace(QStringLiteral("name: listed_onl"), QStringLiteral("name: listed_x"));
    doc.replaceText(t);
    QCOMPARE(doc.undoStack()->count(), 1);
    QVERIFY(!doc.isTreeCurrent());
    QVERIFY(doc.ensureTree());
    QVERIFY(byName(doc, QStringLiteral("listed_x")) != InvalidNodeId);
    doc.undoStack()->undo();
    QVERIFY(doc.ensureTree());
    QVERIFY(byName(doc, QStringLiteral("listed_only")) != InvalidNodeId);
}

void TestPipelineDocument::brokenTextKeepsTreeAndRefusesTreeEdits()
{
    PipelineDocument doc;
    QVERIFY(doc.open(templatePath(QStringLiteral("rest-to-parquet-iceberg.uis.yaml"))));
    const int nodes = doc.graph()->nodeCount();
    doc.replaceText(doc.text() + QStringLiteral("\n  bad: [unclosed\n"), false);
    QVERIFY(!doc.ensureTree());
    QVERIFY(doc.hasParseError());
    QVERIFY(!doc.parseDiagnostics().isEmpty());
    QCOMPARE(doc.graph()->nodeCount(), nodes);
    const QString broken = doc.text();
    QString error;
    QVERIFY(!doc.setValue(QStringLiteral("/name"), SourceNode::makeString(QStringLiteral("x")), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(doc.text(), broken);
}

void TestPipelineDocument::connectSetsInputsAndUndoReverts()
{
    PipelineDocument doc;
    QVERIFY(doc.open(templatePath(QStringLiteral("rest-to-parquet-iceberg.uis.yaml"))));
    const NodeId ep = byName(doc, QStringLiteral("stock_tickers"));
    const NodeId landing = byName(doc, QStringLiteral("landing"));
    QVERIFY(!doc.graph()->hasConnection(ep, landing));
    QString reason;
    QVERIFY2(doc.connectNodes(ep, landing, &reason), qPrintable(reason));
    QVERIFY(doc.graph()->hasConnection(ep, landing));
    const auto inputs = doc.valueAt(QStringLiteral("/provider/sinks/0/inputs"));
    QVERIFY(inputs && inputs->isList() && inputs->size() == 1);
    QCOMPARE(inputs->children()[0].text(), QStringLiteral("stock_tickers"));
    QVERIFY(doc.text().contains(QStringLiteral("inputs: [stock_tickers]")));
    doc.undoStack()->undo();
    QVERIFY(!doc.graph()->hasConnection(ep, landing));
    QVERIFY(!doc.valueAt(QStringLiteral("/provider/sinks/0/inputs")));
    doc.undoStack()->redo();
    QVERIFY(doc.disconnectNodes(ep, landing));
    QVERIFY(!doc.valueAt(QStringLiteral("/provider/sinks/0/inputs")));
}

void TestPipelineDocument::edgeRules()
{
    PipelineDocument doc;
    QVERIFY(doc.open(templatePath(QStringLiteral("rest-to-parquet-iceberg.uis.yaml"))));
    GraphModel *g = doc.graph();
    const NodeId ep = byName(doc, QStringLiteral("stock_tickers"));
    const NodeId tr = byName(doc, QStringLiteral("listed_only"));
    const NodeId landing = byName(doc, QStringLiteral("landing"));
    QVERIFY(!g->canConnect(landing, tr));  // sinks have no outputs
    QVERIFY(!g->canConnect(tr, ep));       // endpoints have no inputs
    QVERIFY(!g->canConnect(tr, tr));       // no self loops
    const NodeId t2 = doc.addNode(NodeKind::Transform, QStringLiteral("sql"));
    QVERIFY(t2 != InvalidNodeId);
    QVERIFY(g->hasConnection(tr, t2)); // default: the previous transform
    QString reason;
    QVERIFY(!g->canConnect(t2, tr, &reason)); // cycle
    QVERIFY(reason.contains(QStringLiteral("cycle")));
    const int before = doc.undoStack()->count();
    QVERIFY(!doc.connectNodes(t2, tr));
    QCOMPARE(doc.undoStack()->count(), before);
}

void TestPipelineDocument::addAndRemoveNodes()
{
    PipelineDocument doc;
    QVERIFY(doc.open(templatePath(QStringLiteral("rest-to-parquet-iceberg.uis.yaml"))));
    QSignalSpy created(doc.graph(), &GraphModel::nodeCreated);
    QSignalSpy deleted(doc.graph(), &GraphModel::nodeDeleted);
    const NodeId sink = doc.addNode(NodeKind::Sink, QStringLiteral("console"), QPointF(10, 20));
    QVERIFY(sink != InvalidNodeId);
    QCOMPARE(created.count(), 1);
    QCOMPARE(doc.graph()->node(sink)->name, QStringLiteral("console_1"));
    QCOMPARE(doc.nodePosition(sink), QPointF(10, 20));
    const NodeId tr = byName(doc, QStringLiteral("listed_only"));
    const NodeId landing = byName(doc, QStringLiteral("landing"));
    QVERIFY(doc.connectNodes(byName(doc, QStringLiteral("stock_tickers")), landing));
    // Removing the transform drops it; the explicit input of `landing` is untouched.
    QVERIFY(doc.removeNodes({tr}));
    QCOMPARE(deleted.count(), 1);
    QCOMPARE(doc.graph()->nodeForName(QStringLiteral("listed_only")), InvalidNodeId);
    doc.undoStack()->undo();
    QVERIFY(doc.graph()->nodeForName(QStringLiteral("listed_only")) != InvalidNodeId);
    // Removing an endpoint that is an explicit input removes the reference too.
    QVERIFY(doc.removeNodes({byName(doc, QStringLiteral("stock_tickers"))}));
    QVERIFY(!doc.valueAt(QStringLiteral("/provider/sinks/0/inputs")));
    doc.undoStack()->undo();
    QVERIFY(doc.valueAt(QStringLiteral("/provider/sinks/0/inputs")));
}

void TestPipelineDocument::renameUpdatesReferences()
{
    PipelineDocument doc;
    QVERIFY(doc.open(templatePath(QStringLiteral("rest-to-parquet-iceberg.uis.yaml"))));
    const NodeId ep = byName(doc, QStringLiteral("stock_tickers"));
    QVERIFY(doc.connectNodes(ep, byName(doc, QStringLiteral("landing"))));
    doc.moveNodes({{ep, QPointF(5, 5)}});
    QVERIFY(doc.setValue(QStringLiteral("/provider/endpoints/0/name"), SourceNode::makeString(QStringLiteral("tickers"))));
    QCOMPARE(doc.graph()->node(ep)->name, QStringLiteral("tickers")); // same id
    QCOMPARE(doc.valueAt(QStringLiteral("/provider/sinks/0/inputs/0"))->text(), QStringLiteral("tickers"));
    QCOMPARE(doc.nodePosition(ep), QPointF(5, 5));
}

void TestPipelineDocument::moveNodesUndoAndSidecar()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.uis.yaml"));
    QVERIFY(QFile::copy(templatePath(QStringLiteral("rest-to-parquet-iceberg.uis.yaml")), path));
    PipelineDocument doc;
    QVERIFY(doc.open(path));
    const NodeId ep = byName(doc, QStringLiteral("stock_tickers"));
    const QPointF autoPos = doc.nodePosition(ep);
    doc.moveNodes({{ep, QPointF(123, 456)}});
    QCOMPARE(doc.nodePosition(ep), QPointF(123, 456));
    QVERIFY(doc.isModified());
    const QString text = doc.text();
    doc.undoStack()->undo();
    QCOMPARE(doc.nodePosition(ep), autoPos);
    QCOMPARE(doc.text(), text); // layout never touches the spec
    doc.undoStack()->redo();
    QVERIFY(doc.save());
    QVERIFY(QFile::exists(PipelineDocument::layoutPath(path)));
    PipelineDocument again;
    QVERIFY(again.open(path));
    QCOMPARE(again.nodePosition(byName(again, QStringLiteral("stock_tickers"))), QPointF(123, 456));
    again.resetLayout();
    QVERIFY(again.save());
    QVERIFY(!QFile::exists(PipelineDocument::layoutPath(path)));
}

void TestPipelineDocument::saveIsAtomicAndClean()
{
    QTemporaryDir dir;
    PipelineDocument doc;
    QFile t(templatePath(QStringLiteral("kafka-dedupe-window.uis.yaml")));
    QVERIFY(t.open(QIODevice::ReadOnly));
    doc.openText(t.readAll(), SpecFormat::Yaml, QStringLiteral("kafka.uis.yaml"));
    QVERIFY(doc.isUntitled());
    QVERIFY(!doc.save());
    const QString path = dir.filePath(QStringLiteral("k.uis.yaml"));
    QVERIFY(doc.saveAs(path));
    QCOMPARE(doc.filePath(), path);
    QVERIFY(!doc.isModified());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(f.readAll()), doc.text());
}

void TestPipelineDocument::saveAsConvertsFormat()
{
    QTemporaryDir dir;
    PipelineDocument doc;
    QVERIFY(doc.open(templatePath(QStringLiteral("rest-to-parquet-iceberg.uis.yaml"))));
    const QString path = dir.filePath(QStringLiteral("p.uis.json"));
    QVERIFY(doc.saveAs(path));
    QCOMPARE(doc.format(), SpecFormat::Json);
    QVERIFY(doc.text().trimmed().startsWith(QLatin1Char('{')));
    PipelineDocument again;
    QVERIFY(again.open(path));
    QCOMPARE(again.spec(), doc.spec());
}

void TestPipelineDocument::autosaveRecovery()
{
    QTemporaryDir dir;
    const QString recovery = dir.filePath(QStringLiteral("recovery"));
    QString edited;
    {
        PipelineDocument doc;
        QVERIFY(doc.open(templatePath(QStringLiteral("rest-to-parquet-iceberg.uis.yaml"))));
        AutosaveManager autosave(&doc, recovery);
        QVERIFY(autosave.saveNow()); // clean: nothing written
        QVERIFY(AutosaveManager::orphanedSessions(recovery).isEmpty());
        doc.replaceText(doc.text() + QStringLiteral("# unsaved\n"));
        QVERIFY(autosave.saveNow());
        // A running session is not offered.
        QVERIFY(AutosaveManager::orphanedSessions(recovery).isEmpty());
        edited = doc.text();
        autosave.abandon(); // as if killed
    }
    const QList<RecoveryEntry> entries = AutosaveManager::orphanedSessions(recovery);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().text, edited);
    QVERIFY(entries.first().originalPath.endsWith(QStringLiteral("rest-to-parquet-iceberg.uis.yaml")));
    PipelineDocument restored;
    restored.restore(entries.first().text, entries.first().originalPath, entries.first().format);
    QVERIFY(restored.isModified());
    QCOMPARE(restored.text(), edited);
    AutosaveManager::discard(entries.first());
    QVERIFY(AutosaveManager::orphanedSessions(recovery).isEmpty());
}

QTEST_GUILESS_MAIN(TestPipelineDocument)
#include "tst_pipelinedocument.moc"
