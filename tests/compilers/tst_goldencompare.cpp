// SPDX-License-Identifier: Apache-2.0
// The golden-data comparison of `uisctl test` (GoldenCompare), the sinks' columns (SinkColumns)
// and the tests file's column diagnostics (PipelineTests::checkColumns). No engine runs here.
#include "goldencompare.h"
#include "pipelinetests.h"
#include "sinkcolumns.h"
#include "specloader.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace uis;

namespace {

QJsonValue S(const char *text)
{
    return QJsonValue(QString::fromUtf8(text));
}

QJsonObject row(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

LoadedSpec loadTemplate(const char *name)
{
    return SpecLoader::loadFile(QStringLiteral(UIS_SOURCE_DIR "/resources/templates/") +
                                QLatin1String(name));
}

} // namespace

class TestGoldenCompare : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void instants()
    {
        const qint64 ms = 1705312800000; // 2024-01-15T10:00:00Z
        QCOMPARE(GoldenCompare::isoInstantMs(QStringLiteral("2024-01-15T10:00:00Z")), ms);
        QCOMPARE(GoldenCompare::isoInstantMs(QStringLiteral("2024-01-15T10:00:00")), ms);
        QCOMPARE(GoldenCompare::isoInstantMs(QStringLiteral("2024-01-15 10:00:00.000")), ms);
        QCOMPARE(GoldenCompare::isoInstantMs(QStringLiteral("2024-01-15T12:00:00+02:00")), ms);
        QCOMPARE(GoldenCompare::isoInstantMs(QStringLiteral("2024-01-15T05:30:00-0430")), ms);
        QCOMPARE(GoldenCompare::isoInstantMs(QStringLiteral("2024-01-15T10:00:00.125Z")), ms + 125);
        QVERIFY(!GoldenCompare::isoInstantMs(QStringLiteral("2024-01-15")));
        QVERIFY(!GoldenCompare::isoInstantMs(QStringLiteral("tomorrow")));
    }

    void values()
    {
        using G = GoldenCompare;
        // timestamps as UTC instants, epoch milliseconds on either side
        QVERIFY(G::valuesEqual(S("2024-01-15T10:00:00"), S("2024-01-15T10:00:00.000Z")));
        QVERIFY(G::valuesEqual(QJsonValue(1705312800000.0), S("2024-01-15T10:00:00Z")));
        QVERIFY(G::valuesEqual(S("2024-01-15T11:00:00+01:00"), QJsonValue(1705312800000.0)));
        QVERIFY(!G::valuesEqual(S("2024-01-15T10:00:00Z"), S("2024-01-15T10:00:01Z")));
        // numbers: relative tolerance 1e-9, decimals written as text
        QVERIFY(G::valuesEqual(QJsonValue(0.1 + 0.2), QJsonValue(0.3)));
        QVERIFY(G::valuesEqual(QJsonValue(1e12), QJsonValue(1e12 + 1e2)));
        QVERIFY(!G::valuesEqual(QJsonValue(1e12), QJsonValue(1e12 + 1e4)));
        QVERIFY(!G::valuesEqual(QJsonValue(3.0), QJsonValue(3.001)));
        QVERIFY(G::valuesEqual(S("1234.50"), QJsonValue(1234.5)));
        QVERIFY(G::valuesEqual(QJsonValue(2), QJsonValue(2.0)));
        // null equals a missing value, nothing else
        QVERIFY(G::valuesEqual(QJsonValue(QJsonValue::Null), QJsonValue(QJsonValue::Undefined)));
        QVERIFY(!G::valuesEqual(QJsonValue(QJsonValue::Null), QJsonValue(0)));
        QVERIFY(!G::valuesEqual(S(""), QJsonValue(QJsonValue::Null)));
        // strings are exact; booleans are booleans
        QVERIFY(!G::valuesEqual(S("/Home"), S("/home")));
        QVERIFY(G::valuesEqual(QJsonValue(true), QJsonValue(true)));
        QVERIFY(!G::valuesEqual(QJsonValue(true), S("true")));
    }

    void multisets()
    {
        const QList<QJsonObject> expected{row(R"({"page": "/a", "clicks": 2})"),
                                          row(R"({"page": "/a", "clicks": 2})"),
                                          row(R"({"page": "/b", "clicks": 1})")};
        // order does not matter; duplicates count; extra captured columns are not compared
        GoldenDiff d =
            GoldenCompare::compare(expected, {row(R"({"page": "/b", "clicks": 1, "avg": 3.0})"),
                                              row(R"({"page": "/a", "clicks": 2})"),
                                              row(R"({"page": "/a", "clicks": 2})")});
        QVERIFY(d.passed());
        // the expected rows' keys (a QJsonObject's, sorted)
        QCOMPARE(d.columns, (QStringList{QStringLiteral("clicks"), QStringLiteral("page")}));

        d = GoldenCompare::compare(expected, {row(R"({"page": "/a", "clicks": 2})"),
                                              row(R"({"page": "/b", "clicks": 1})"),
                                              row(R"({"page": "/c", "clicks": 1})")});
        QVERIFY(!d.passed());
        QCOMPARE(d.lines(), (QStringList{QStringLiteral(R"(- {"clicks": 2, "page": "/a"})"),
                                         QStringLiteral(R"(+ {"clicks": 1, "page": "/c"})")}));
        QCOMPARE(d.expectedCount, 3);
        QCOMPARE(d.actualCount, 3);
    }

    void onlyTheGivenColumns()
    {
        const GoldenDiff d =
            GoldenCompare::compare({row(R"({"page": "/a", "clicks": 2, "avg": 1.0})")},
                                   {row(R"({"page": "/a", "clicks": 2, "avg": 9.0})")},
                                   {QStringLiteral("page"), QStringLiteral("clicks")});
        QVERIFY(d.passed());
    }

    void ordered()
    {
        const QList<QJsonObject> expected{row(R"({"n": 1})"), row(R"({"n": 2})")};
        const QList<QJsonObject> swapped{row(R"({"n": 2})"), row(R"({"n": 1})")};
        QVERIFY(GoldenCompare::compare(expected, swapped).passed());
        const GoldenDiff d = GoldenCompare::compare(expected, swapped, {}, true);
        QVERIFY(!d.passed());
        QCOMPARE(d.missing.size(), 2);
        QCOMPARE(d.unexpected.size(), 2);
        QVERIFY(!GoldenCompare::compare(expected, {row(R"({"n": 1})")}, {}, true).passed());
    }

    void emptyExpectations()
    {
        QVERIFY(GoldenCompare::compare({}, {}).passed());
        const GoldenDiff d = GoldenCompare::compare({}, {row(R"({"n": 1})")});
        QVERIFY(!d.passed());
        QCOMPARE(d.lines(), QStringList{QStringLiteral(R"(+ {"n": 1})")});
    }

    void rowsFromTheTestsFile()
    {
        const PipelineTests t = PipelineTests::read(R"(tests:
  - name: typed
    inputs: {clicks: [{a: 2, b: "2", c: 1.5, d: true, e: null, f: 2024-01-15T10:00:00Z}]}
    expect: {out: []}
)");
        QVERIFY(t.diagnostics.isEmpty());
        const QJsonObject r = GoldenCompare::rowFromNode(t.cases[0].inputs[0].rows[0]);
        QCOMPARE(r.value(QStringLiteral("a")), QJsonValue(2));
        QCOMPARE(r.value(QStringLiteral("b")), S("2")); // quoted: text
        QCOMPARE(r.value(QStringLiteral("c")), QJsonValue(1.5));
        QCOMPARE(r.value(QStringLiteral("d")), QJsonValue(true));
        QVERIFY(r.value(QStringLiteral("e")).isNull());
        QCOMPARE(r.value(QStringLiteral("f")), S("2024-01-15T10:00:00Z"));
        QCOMPARE(GoldenCompare::readJsonLines("{\"a\": 1}\n\nnot json\n{\"a\": 2}\n").size(), 2);
    }

    void sinkColumnsOfTheWindowTemplate()
    {
        const LoadedSpec spec = loadTemplate("kafka-dedupe-window.uis.yaml");
        QVERIFY(spec.valid());
        const QStringList want{QStringLiteral("window_start"), QStringLiteral("window_end"),
                               QStringLiteral("page"), QStringLiteral("clicks"),
                               QStringLiteral("avg_duration")};
        QCOMPARE(SinkColumns::of(spec, Engine::Flink).value(QStringLiteral("metrics_out")), want);
        QCOMPARE(SinkColumns::of(spec, Engine::Spark).value(QStringLiteral("metrics_out")), want);
    }

    void sinkColumnsOfMappedSchemas()
    {
        // The REST template's schema names the mapped columns (symbol for the raw ticker).
        const LoadedSpec spec = loadTemplate("rest-to-parquet-iceberg.uis.yaml");
        const QStringList cols =
            SinkColumns::of(spec, Engine::Spark).value(QStringLiteral("landing"));
        for (const char *c :
             {"symbol", "company_name", "market_capitalization", "exchange", "date"})
            QVERIFY2(cols.contains(QLatin1String(c)), c);
        // Spark infers a schema-less endpoint's columns: they are not checked.
        const LoadedSpec seed = SpecLoader::loadFile(
            QStringLiteral(UIS_SOURCE_DIR "/tests/data/seeds/market-data-ingestion.uis.yaml"));
        QVERIFY(SinkColumns::of(seed, Engine::Spark).isEmpty());
    }

    void unknownColumnsHaveLineAndColumn()
    {
        const LoadedSpec spec = loadTemplate("kafka-dedupe-window.uis.yaml");
        const PipelineTests t = PipelineTests::read(R"(tests:
  - name: typo
    inputs: {clicks: []}
    columns: [page, clickz]
    expect:
      metrics_out:
        - {page: /a, clicks: 1, avg_dur: 1.0}
)");
        QVERIFY(t.diagnostics.isEmpty());
        QVERIFY(t.check(spec.spec).isEmpty());
        const DiagnosticList d = t.checkColumns(SinkColumns::of(spec, Engine::Flink));
        QCOMPARE(d.size(), 2);
        QCOMPARE(d[0].code, QStringLiteral("UIS-E-TESTS-COLUMN"));
        QVERIFY(d[0].message.contains(QLatin1String("did you mean `avg_duration`")));
        QCOMPARE(d[0].line, 7);
        QCOMPARE(d[0].column, 33);
        QCOMPARE(d[0].pointer, QStringLiteral("/tests/0/expect/metrics_out/0/avg_dur"));
        QVERIFY(d[1].message.contains(QLatin1String("`clickz`")));
        QCOMPARE(d[1].line, 4);
        QCOMPARE(d[1].column, 21);
        QCOMPARE(d[1].pointer, QStringLiteral("/tests/0/columns/1"));
    }

    void everyTemplateTestsFileIsClean()
    {
        // The tests files next to the templates and seeds name only endpoints, sinks and columns
        // that exist (the engine runs are in tests/runners/test_golden_pipelines.py).
        QStringList specs;
        for (const char *dir : {"/resources/templates", "/tests/data/seeds"}) {
            const QDir d(QStringLiteral(UIS_SOURCE_DIR) + QLatin1String(dir));
            for (const QString &f : d.entryList({QStringLiteral("*.uis.yaml")}, QDir::Files))
                specs << d.filePath(f);
        }
        QVERIFY(specs.size() >= 8);
        for (const QString &path : std::as_const(specs)) {
            const LoadedSpec spec = SpecLoader::loadFile(path);
            const QString testsPath = PipelineTests::pathForSpec(path);
            QVERIFY2(QFile::exists(testsPath), qPrintable(testsPath));
            const PipelineTests t = PipelineTests::readFile(testsPath);
            DiagnosticList d =
                t.diagnostics + t.check(spec.spec) +
                t.checkColumns(SinkColumns::of(spec, engineFor(spec.spec)));
            QVERIFY2(d.isEmpty(), qPrintable(testsPath + QLatin1String(": ") + d.value(0).message));
            QVERIFY2(!t.cases.isEmpty(), qPrintable(testsPath));
        }
    }
};

QTEST_GUILESS_MAIN(TestGoldenCompare)
#include "tst_goldencompare.moc"
