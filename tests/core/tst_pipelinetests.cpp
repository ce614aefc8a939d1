// SPDX-License-Identifier: Apache-2.0
// The `*.tests.yaml` reader: cases, rows and diagnostics with line and column.
#include "pipelinetests.h"
#include "specloader.h"

#include <QTest>

using namespace uis;

class TestPipelineTests : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsCases()
    {
        const PipelineTests t = PipelineTests::read(R"(tests:
  - name: one-minute averages
    inputs:
      input_events:
        - {event_id: e1, device_id: d1, battery_level: 90}
        - {event_id: e2, device_id: d1, battery_level: 70}
    expect:
      device_minutes:
        - {device_id: d1, event_count: 2}
    columns: [device_id, event_count]
    ordered: true
    engines: [flink]
  - name: empty
    inputs: {input_events: []}
    expect: {device_minutes: []}
)");
        QVERIFY2(t.diagnostics.isEmpty(), qPrintable(t.diagnostics.value(0).message));
        QCOMPARE(t.cases.size(), 2);
        const PipelineTestCase &c = t.cases[0];
        QCOMPARE(c.name, QStringLiteral("one-minute averages"));
        QCOMPARE(c.inputs.size(), 1);
        QCOMPARE(c.inputs[0].name, QStringLiteral("input_events"));
        QCOMPARE(c.inputs[0].rows.size(), 2);
        QCOMPARE(c.inputs[0].rows[1].find(u"battery_level")->toInt(), std::optional<qint64>(70));
        QCOMPARE(c.inputs[0].pos.line, 4);
        QCOMPARE(c.expect[0].rows.size(), 1);
        QCOMPARE(c.columns,
                 (QStringList{QStringLiteral("device_id"), QStringLiteral("event_count")}));
        QVERIFY(c.ordered);
        QCOMPARE(c.engines, QList<Engine>{Engine::Flink});
        QCOMPARE(t.casesFor(Engine::Spark).size(), 1);
        QCOMPARE(t.casesFor(Engine::Flink).size(), 2);
        QVERIFY(!t.cases[1].ordered);
    }

    void shapeErrorsHavePositions()
    {
        const PipelineTests t = PipelineTests::read(R"(tests:
  - name: a
    inputs:
      src: {not: a list}
    expect:
      out:
        - {nested: {x: 1}}
    ordred: true
    engines: [spork]
  - inputs: {}
)");
        QStringList seen;
        for (const Diagnostic &d : t.diagnostics)
            seen << QStringLiteral("%1:%2 %3").arg(d.line).arg(d.column).arg(d.code);
        QVERIFY2(seen.contains(QStringLiteral("4:12 UIS-E-TESTS")), qPrintable(seen.join(u'|')));
        QVERIFY2(seen.contains(QStringLiteral("7:20 UIS-E-TESTS")), qPrintable(seen.join(u'|')));
        QVERIFY2(seen.contains(QStringLiteral("8:5 UIS-W-UNKNOWN-KEY")),
                 qPrintable(seen.join(u'|')));
        QVERIFY2(seen.contains(QStringLiteral("9:15 UIS-E-ENUM")), qPrintable(seen.join(u'|')));
        // The second case has neither a name nor `expect`.
        QCOMPARE(std::count_if(t.diagnostics.begin(), t.diagnostics.end(),
                               [](const Diagnostic &d) { return d.code == u"UIS-E-REQUIRED"; }),
                 2);
        const auto unknown =
            std::find_if(t.diagnostics.begin(), t.diagnostics.end(),
                         [](const Diagnostic &d) { return d.code == u"UIS-W-UNKNOWN-KEY"; });
        QVERIFY(unknown->message.contains(QStringLiteral("did you mean `ordered`")));
    }

    void namesAreCheckedAgainstTheSpec()
    {
        const LoadedSpec spec = SpecLoader::loadFile(
            QStringLiteral(UIS_SOURCE_DIR "/resources/templates/kafka-dedupe-window.uis.yaml"));
        QVERIFY(spec.valid());
        const QString endpoint = spec.spec.provider.endpoints.value(0).name;
        const QString sink = spec.spec.sinkName(0);
        const QByteArray text =
            QStringLiteral("tests:\n  - name: refs\n    inputs:\n      %1x: []\n"
                           "    expect:\n      %2: []\n      nowhere: []\n")
                .arg(endpoint, sink)
                .toUtf8();
        const PipelineTests t = PipelineTests::read(text);
        QVERIFY(t.diagnostics.isEmpty());
        const DiagnosticList d = t.check(spec.spec);
        QCOMPARE(d.size(), 2);
        QCOMPARE(d[0].code, QStringLiteral("UIS-E-TESTS-REF"));
        QCOMPARE(d[0].line, 4);
        QVERIFY2(d[0].message.contains(QStringLiteral("did you mean `%1`").arg(endpoint)),
                 qPrintable(d[0].message));
        QCOMPARE(d[1].line, 7);
        QVERIFY(d[1].message.contains(QStringLiteral("no sink `nowhere`")));
    }

    void pathNextToTheSpec()
    {
        QCOMPARE(PipelineTests::pathForSpec(QStringLiteral("/a/b/pipeline.uis.yaml")),
                 QStringLiteral("/a/b/pipeline.tests.yaml"));
        QVERIFY(PipelineTests::pathForSpec(QStringLiteral("x.uis.json"))
                    .endsWith(QStringLiteral("x.tests.yaml")));
    }

    void unreadableFile()
    {
        const PipelineTests t =
            PipelineTests::readFile(QStringLiteral("/nonexistent/p.tests.yaml"));
        QCOMPARE(t.diagnostics.size(), 1);
        QCOMPARE(t.diagnostics[0].code, QStringLiteral("UIS-E-IO"));
    }
};

QTEST_GUILESS_MAIN(TestPipelineTests)
#include "tst_pipelinetests.moc"
