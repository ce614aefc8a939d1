// SPDX-License-Identifier: Apache-2.0
// Click-to-map (SampleMapping), Apply as schema (InferredSchemaNode, patched into a real spec
// text) and Keep as test case (SampleTestCase, read back by PipelineTests).
#include "inferredschemanode.h"
#include "pipelinetests.h"
#include "samplemapping.h"
#include "sampletestcase.h"
#include "schemainferrer.h"
#include "sourcepatcher.h"
#include "specreader.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace uis;

class TestSampleMapping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anArrayAboveIsTheRecords()
    {
        const QJsonValue id(1);
        MapAction a = SampleMapping::forNode(
            {{QStringLiteral("data"), -1}, {QString(), 3}, {QStringLiteral("id"), -1}}, id,
            QString());
        QCOMPARE(a.kind, MapAction::SetResponsePath);
        QCOMPARE(a.responsePath, QStringLiteral("$.data"));
        // Appended to the path the record was read through; odd keys are bracketed.
        a = SampleMapping::forNode({{QStringLiteral("the items"), -1}}, QJsonArray{1, 2},
                                   QStringLiteral("$.result"));
        QCOMPARE(a.kind, MapAction::SetResponsePath);
        QCOMPARE(a.responsePath, QStringLiteral("$.result['the items']"));
    }

    void aScalarIsAFieldToMap()
    {
        MapAction a = SampleMapping::forNode(
            {{QStringLiteral("user"), -1}, {QStringLiteral("createdAt"), -1}},
            QJsonValue(QStringLiteral("2024-01-01")), QStringLiteral("$.data"));
        QCOMPARE(a.kind, MapAction::AddFieldMapping);
        QCOMPARE(a.sourceField, QStringLiteral("user.createdAt"));
        QCOMPARE(a.targetField, QStringLiteral("user_created_at"));
        // An existing mapping is proposed as it is.
        a = SampleMapping::forNode({{QStringLiteral("name"), -1}}, QJsonValue(QStringLiteral("x")),
                                   {}, {{QStringLiteral("name"), QStringLiteral("item_name")}});
        QCOMPARE(a.targetField, QStringLiteral("item_name"));
        // An object proposes nothing.
        a = SampleMapping::forNode({{QStringLiteral("meta"), -1}},
                                   QJsonObject{{QStringLiteral("a"), 1}}, {});
        QCOMPARE(a.kind, MapAction::None);
        QVERIFY(a.description.contains(QStringLiteral("meta")));
        QCOMPARE(SampleMapping::suggestedName(QStringLiteral("9lives")),
                 QStringLiteral("f_9lives"));
    }

    void appliedSchemaPatchesOnlyNewLines()
    {
        const QString text = QStringLiteral("version: \"1.1\"\n"
                                            "provider:\n"
                                            "  endpoints:\n"
                                            "    - name: items # the feed\n"
                                            "      path: /items\n"
                                            "  sinks: []\n");
        SchemaInferrer inf;
        inf.addRecords(
            QJsonDocument::fromJson(R"([{"id": 1, "name": "a", "at": "2024-01-01T00:00:00Z"},
                                                    {"id": 5000000000, "name": null}])")
                .array());
        SourceNode tree = *SpecReader::read(text.toUtf8(), SpecFormat::Yaml).root;
        SourceNode *ep = tree.at(u"/provider/endpoints/0");
        QVERIFY(ep);
        ep->insert(QStringLiteral("schema"),
                   InferredSchemaNode::build(inf.fields(),
                                             {{QStringLiteral("name"), QStringLiteral("title")}}));
        const SourcePatcher::Result r = SourcePatcher::patch(text, SpecFormat::Yaml, tree);
        QVERIFY(r.ok);
        QVERIFY2(r.reemitted.isEmpty(), qPrintable(r.reemitted.join(u',')));
        QVERIFY2(r.text.startsWith(text.left(text.indexOf(QStringLiteral("  sinks")))),
                 qPrintable(r.text));
        QVERIFY(r.text.contains(QStringLiteral("name: id, type: long, nullable: false")));
        QVERIFY(r.text.contains(QStringLiteral("name: title, type: string, nullable: true")));
        QVERIFY(r.text.contains(QStringLiteral("name: at, type: timestamp, nullable: true")));
    }

    void testCaseRowsAreFlatAndSecretFree()
    {
        const QJsonArray records =
            QJsonDocument::fromJson(
                R"([{"id": 1, "meta": {"rank": 2, "k": "tok-123"}, "tags": ["a"], "none": null},
                {"id": 2, "meta": {}, "ok": true, "amount": 1.5}])")
                .array();
        SampleTestCase::Input in;
        in.specFileName = QStringLiteral("p.uis.yaml");
        in.endpoint = QStringLiteral("items");
        in.records = records;
        in.sinks = {QStringLiteral("out")};
        in.secrets = {QStringLiteral("tok-123")};
        QString name, error;
        const QString text = SampleTestCase::appendTo({}, in, &name, &error);
        QVERIFY2(!text.isEmpty(), qPrintable(error));
        QCOMPARE(name, QStringLiteral("sample of items"));
        QVERIFY(!text.contains(QStringLiteral("tok-123")));
        const PipelineTests t = PipelineTests::read(text.toUtf8());
        QVERIFY2(!hasErrors(t.diagnostics), qPrintable(text));
        QCOMPARE(t.cases.size(), 1);
        const QList<SourceNode> &rows = t.cases.first().inputs.first().rows;
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).find(u"meta.rank")->text(), QStringLiteral("2"));
        QCOMPARE(rows.at(0).find(u"meta.k")->text(), QStringLiteral("****"));
        QCOMPARE(rows.at(0).find(u"tags")->text(), QStringLiteral("[\"a\"]"));
        QVERIFY(rows.at(0).find(u"none")->isNull() ||
                rows.at(0).find(u"none")->scalarType() == SourceNode::ScalarType::Null);
        QCOMPARE(rows.at(1).find(u"amount")->text(), QStringLiteral("1.5"));

        // A second case gets its own name and keeps the first.
        const QString again = SampleTestCase::appendTo(text, in, &name, &error);
        QCOMPARE(name, QStringLiteral("sample of items 2"));
        QVERIFY(again.startsWith(text));
        QCOMPARE(PipelineTests::read(again.toUtf8()).cases.size(), 2);

        // Nothing to keep, or a file the case cannot be appended to: an error, no text.
        in.records = {};
        QVERIFY(SampleTestCase::appendTo(text, in, &name, &error).isEmpty());
        in.records = records;
        QVERIFY(SampleTestCase::appendTo(
                    QStringLiteral("tests:\n  - name: a\n    inputs: {}\nother: 1\n"), in, &name,
                    &error)
                    .isEmpty());
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSampleMapping)
#include "tst_samplemapping.moc"
