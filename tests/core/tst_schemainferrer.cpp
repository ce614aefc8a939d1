// SPDX-License-Identifier: Apache-2.0
// Schema inference over JSON records: each type rule, widening, mixed values, nullability,
// nested paths and the timestamp rule of the engines.
#include "databasesampler.h"
#include "inferredtype.h"
#include "schemainferrer.h"
#include "temporaltext.h"

#include <QJsonDocument>
#include <QMap>
#include <QtTest>

using namespace uis;

namespace {

QList<InferredField> infer(const char *jsonArray)
{
    SchemaInferrer s;
    s.addRecords(QJsonDocument::fromJson(jsonArray).array());
    s.noteRawText(jsonArray); // `1.0` is a fraction, which Qt's reader forgets
    return s.fields();
}

QString typeOf(const QList<InferredField> &fields, const QString &name)
{
    for (const InferredField &f : fields) {
        if (f.name == name)
            return f.type;
    }
    return QStringLiteral("<absent>");
}

bool nullableOf(const QList<InferredField> &fields, const QString &name)
{
    for (const InferredField &f : fields) {
        if (f.name == name)
            return f.nullable;
    }
    return false;
}

} // namespace

class TestSchemaInferrer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void temporalText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("timestamp");
        QTest::addColumn<bool>("date");
        QTest::newRow("Z") << "2024-05-01T10:00:00Z" << true << false;
        QTest::newRow("offset colon") << "2024-05-01T10:00:00+02:00" << true << false;
        QTest::newRow("offset no colon") << "2024-05-01T10:00:00-0530" << true << false;
        QTest::newRow("no zone, space") << "2024-05-01 10:00:00" << true << false;
        QTest::newRow("minutes only") << "2024-05-01T10:00" << true << false;
        QTest::newRow("0 fraction digits") << "2024-05-01T10:00:00.Z" << false << false;
        QTest::newRow("1 fraction digit") << "2024-05-01T10:00:00.1Z" << true << false;
        QTest::newRow("9 fraction digits") << "2024-05-01T10:00:00.123456789" << true << false;
        QTest::newRow("10 fraction digits") << "2024-05-01T10:00:00.1234567891" << false << false;
        QTest::newRow("date") << "2024-05-01" << false << true;
        QTest::newRow("month 13") << "2024-13-01" << false << false;
        QTest::newRow("hour 24") << "2024-05-01T24:00:00Z" << false << false;
        QTest::newRow("slashes") << "2024/05/01" << false << false;
        QTest::newRow("text") << "yesterday" << false << false;
    }
    void temporalText()
    {
        QFETCH(QString, text);
        QFETCH(bool, timestamp);
        QFETCH(bool, date);
        QCOMPARE(TemporalText::isTimestamp(text), timestamp);
        QCOMPARE(TemporalText::isDate(text), date);
    }

    void timeNames()
    {
        for (const char *yes : {"created_at", "ts", "event_time", "eventTime", "updatedAt",
                                "updated_ts", "timestamp", "order-datetime"})
            QVERIFY2(TemporalText::isTimeName(QString::fromLatin1(yes)), yes);
        for (const char *no :
             {"id", "status", "format", "count", "duration_ms", "latitude", "data", "chat"})
            QVERIFY2(!TemporalText::isTimeName(QString::fromLatin1(no)), no);
    }

    void scalarTypes()
    {
        const auto f = infer("[\n"
                             "            {\"i\": 1, \"l\": 5000000000, \"d\": 1.5, \"b\": true, "
                             "\"s\": \"x\", \"dt\": \"2024-01-02\",\n"
                             "             \"ts\": \"2024-01-02T03:04:05Z\", \"dec\": \"19.90\", "
                             "\"arr\": [1], \"obj\": {}}\n"
                             "        ]");
        QCOMPARE(typeOf(f, QStringLiteral("i")), QStringLiteral("int"));
        QCOMPARE(typeOf(f, QStringLiteral("l")), QStringLiteral("long"));
        QCOMPARE(typeOf(f, QStringLiteral("d")), QStringLiteral("double"));
        QCOMPARE(typeOf(f, QStringLiteral("b")), QStringLiteral("boolean"));
        QCOMPARE(typeOf(f, QStringLiteral("s")), QStringLiteral("string"));
        QCOMPARE(typeOf(f, QStringLiteral("dt")), QStringLiteral("date"));
        QCOMPARE(typeOf(f, QStringLiteral("ts")), QStringLiteral("timestamp"));
        QCOMPARE(typeOf(f, QStringLiteral("dec")), QStringLiteral("decimal(4,2)"));
        QCOMPARE(typeOf(f, QStringLiteral("arr")), QStringLiteral("json"));
        QCOMPARE(typeOf(f, QStringLiteral("obj")), QStringLiteral("json"));
        for (const InferredField &x : f)
            QVERIFY2(!x.nullable, qPrintable(x.name));
    }

    void widening()
    {
        const auto f =
            infer("[\n"
                  "            {\"a\": 1, \"b\": 1, \"c\": 1, \"d\": 5000000000, \"e\": 1.0},\n"
                  "            {\"a\": 2, \"b\": 5000000000, \"c\": 2.5, \"d\": 0.5, \"e\": 2}\n"
                  "        ]");
        QCOMPARE(typeOf(f, QStringLiteral("a")), QStringLiteral("int"));
        QCOMPARE(typeOf(f, QStringLiteral("b")), QStringLiteral("long"));
        QCOMPARE(typeOf(f, QStringLiteral("c")), QStringLiteral("double"));
        QCOMPARE(typeOf(f, QStringLiteral("d")), QStringLiteral("double"));
        // `1.0` is a double although Qt's reader makes it the integer 1 (noteRawText)
        QCOMPARE(typeOf(f, QStringLiteral("e")), QStringLiteral("double"));
        SchemaInferrer qtOnly;
        qtOnly.addRecord(QJsonDocument::fromJson("{\"e\": 1.0}").object());
        QCOMPARE(qtOnly.fields().first().type, QStringLiteral("int"));
        QCOMPARE(SchemaInferrer::keysWithFractions("{\"a\": 1, \"b\": 2.0, \"c\": \"3.5\", "
                                                   "\"d\":-1e3, \"e\\\"x\": [1.5]}"),
                 QSet<QString>({QStringLiteral("b"), QStringLiteral("d")}));
    }

    void mixedScalarsBecomeString()
    {
        const auto f = infer("[\n"
                             "            {\"a\": 1, \"b\": true, \"c\": \"2024-01-01\", \"d\": "
                             "\"1.5\", \"e\": \"2024-01-01\"},\n"
                             "            {\"a\": \"x\", \"b\": 0, \"c\": 7, \"d\": \"abc\", "
                             "\"e\": \"2024-01-01 10:00:00\"}\n"
                             "        ]");
        QCOMPARE(typeOf(f, QStringLiteral("a")), QStringLiteral("string"));
        QCOMPARE(typeOf(f, QStringLiteral("b")), QStringLiteral("string"));
        QCOMPARE(typeOf(f, QStringLiteral("c")), QStringLiteral("string"));
        QCOMPARE(typeOf(f, QStringLiteral("d")), QStringLiteral("string"));
        // a date and a timestamp: both parse as timestamps on the engines
        QCOMPARE(typeOf(f, QStringLiteral("e")), QStringLiteral("timestamp"));
    }

    void declaredTypesMergeByTheSameRules()
    {
        // Every UIS type reads back as itself, so a column two tables declare alike stays so.
        for (const char *t : {"int", "long", "double", "decimal(12,2)", "decimal(1,1)", "boolean",
                              "date", "timestamp", "string", "json"})
            QCOMPARE(InferredType::fromName(QString::fromLatin1(t)).name(), QString::fromLatin1(t));
        const auto merged = [](const char *a, const char *b) {
            InferredType t = InferredType::fromName(QString::fromLatin1(a));
            t.merge(InferredType::fromName(QString::fromLatin1(b)));
            return t.name();
        };
        QCOMPARE(merged("int", "long"), QStringLiteral("long"));
        QCOMPARE(merged("long", "double"), QStringLiteral("double"));
        QCOMPARE(merged("decimal(10,2)", "decimal(6,4)"), QStringLiteral("decimal(12,4)"));
        QCOMPARE(merged("date", "timestamp"), QStringLiteral("timestamp"));
        QCOMPARE(merged("boolean", "int"), QStringLiteral("string"));
        QCOMPARE(merged("json", "int"), QStringLiteral("json"));
        QCOMPARE(merged("varchar", "int"), QStringLiteral("string"));

        // Tables read into one: the first table's columns, then the others'; absent is nullable.
        SampledTable a{QStringLiteral("public.a"),
                       {{QStringLiteral("id"), QStringLiteral("int"), false, 0, 0},
                        {QStringLiteral("v"), QStringLiteral("decimal(10,2)"), true, 0, 0}},
                       {}};
        SampledTable b{QStringLiteral("public.b"),
                       {{QStringLiteral("id"), QStringLiteral("long"), false, 0, 0},
                        {QStringLiteral("w"), QStringLiteral("string"), false, 0, 0}},
                       {}};
        QStringList notes;
        const QList<InferredField> m = DatabaseSampler::mergeCatalogues({a, b}, &notes);
        QCOMPARE(m.size(), 3);
        QCOMPARE(m.at(0).name + m.at(0).type + QString::number(m.at(0).nullable),
                 QStringLiteral("idlong0"));
        QCOMPARE(m.at(1).name + m.at(1).type + QString::number(m.at(1).nullable),
                 QStringLiteral("vdecimal(10,2)1"));
        QCOMPARE(m.at(2).name + m.at(2).type + QString::number(m.at(2).nullable),
                 QStringLiteral("wstring1"));
        QCOMPARE(notes.size(), 1);
        QVERIFY2(notes.first().contains(QStringLiteral("int in public.a, long in public.b")),
                 qPrintable(notes.first()));
        QCOMPARE(DatabaseSampler::mergeCatalogues({a}, &notes).at(1).type,
                 QStringLiteral("decimal(10,2)"));
    }

    void decimalPrecisionAndScale()
    {
        const auto f = infer("[{\"p\": \"1.5\"}, {\"p\": \"12345.125\"}, {\"p\": \"-0.75\"}]");
        QCOMPARE(typeOf(f, QStringLiteral("p")), QStringLiteral("decimal(8,3)"));
    }

    void epochMillisOnlyByName()
    {
        const auto f =
            infer("[\n"
                  "            {\"created_at\": 1714557600000, \"id\": 1714557600000, \"ts\": "
                  "\"1714557600000\",\n"
                  "             \"event_time\": 1714557600, \"updatedAt\": 1714557600000},\n"
                  "            {\"created_at\": \"2024-05-01T10:00:00Z\", \"id\": 1714557600001, "
                  "\"ts\": \"1714557600001\",\n"
                  "             \"event_time\": 1714557601, \"updatedAt\": 12}\n"
                  "        ]");
        QCOMPARE(typeOf(f, QStringLiteral("created_at")), QStringLiteral("timestamp"));
        QCOMPARE(typeOf(f, QStringLiteral("id")), QStringLiteral("long"));
        QCOMPARE(typeOf(f, QStringLiteral("ts")), QStringLiteral("timestamp"));
        // epoch seconds are not milliseconds: the engines would read 1970
        QCOMPARE(typeOf(f, QStringLiteral("event_time")), QStringLiteral("int"));
        // a small integer in a time-named field widens with the epoch values to long
        QCOMPARE(typeOf(f, QStringLiteral("updatedAt")), QStringLiteral("long"));
    }

    void nullability()
    {
        const auto f = infer("[\n"
                             "            {\"a\": 1, \"b\": null, \"c\": 1, \"n\": null},\n"
                             "            {\"a\": 2, \"b\": 2},\n"
                             "            {\"a\": 3, \"b\": 3, \"c\": 3, \"n\": null}\n"
                             "        ]");
        QVERIFY(!nullableOf(f, QStringLiteral("a")));
        QVERIFY(nullableOf(f, QStringLiteral("b")));
        QVERIFY(nullableOf(f, QStringLiteral("c")));
        QCOMPARE(typeOf(f, QStringLiteral("b")), QStringLiteral("int"));
        QCOMPARE(typeOf(f, QStringLiteral("n")), QStringLiteral("string"));
        QVERIFY(nullableOf(f, QStringLiteral("n")));
        for (const InferredField &x : f) {
            if (x.name == QLatin1String("b"))
                QCOMPARE(x.nulls, 1);
            if (x.name == QLatin1String("c"))
                QCOMPARE(x.missing, 1);
        }
    }

    void nestedPathsFlattened()
    {
        const auto f = infer("[\n"
                             "            {\"id\": 1, \"user\": {\"name\": \"a\", \"geo\": "
                             "{\"lat\": 1.5}}, \"x\": {\"y\": 1}},\n"
                             "            {\"id\": 2, \"user\": {\"name\": \"b\"}, \"x\": 5},\n"
                             "            {\"id\": 3, \"user\": null, \"x\": {\"y\": 2}}\n"
                             "        ]");
        QStringList names;
        for (const InferredField &x : f)
            names.append(x.name);
        // first seen first; the keys of one object in alphabetical order (QJsonObject's order)
        QCOMPARE(names, QStringList({QStringLiteral("id"), QStringLiteral("user.geo.lat"),
                                     QStringLiteral("user.name"), QStringLiteral("x")}));
        QCOMPARE(typeOf(f, QStringLiteral("user.name")), QStringLiteral("string"));
        QVERIFY(nullableOf(f, QStringLiteral("user.name"))); // its parent was null once
        QVERIFY(nullableOf(f, QStringLiteral("user.geo.lat")));
        QCOMPARE(typeOf(f, QStringLiteral("user.geo.lat")), QStringLiteral("double"));
        // an object in some records and a number in others
        QCOMPARE(typeOf(f, QStringLiteral("x")), QStringLiteral("json"));
    }

    void scalarRecords()
    {
        const auto f = infer("[1, 2, null]");
        QCOMPARE(f.size(), 1);
        QCOMPARE(f.first().name, QStringLiteral("value"));
        QCOMPARE(f.first().type, QStringLiteral("int"));
        QVERIFY(f.first().nullable);
    }

    void textReaderAgreesWithDocuments()
    {
        // The fast reader (JSON text, no documents) and the document reader infer the same.
        QFile corpus(QStringLiteral(UIS_SOURCE_DIR "/tests/cli/data/sample-corpus.jsonl"));
        QVERIFY(corpus.open(QIODevice::ReadOnly));
        const QByteArray text = corpus.readAll();
        SchemaInferrer fromText, fromDocs;
        QString error;
        QVERIFY2(fromText.addJsonText(text, true, -1, &error), qPrintable(error));
        for (const QByteArray &line : text.split('\n')) {
            if (!line.trimmed().isEmpty())
                fromDocs.addRecord(QJsonDocument::fromJson(line).object());
        }
        fromDocs.noteRawText(text);
        auto byName = [](const QList<InferredField> &fields) {
            QMap<QString, QString> m;
            for (const InferredField &f : fields)
                m.insert(f.name, f.type + (f.nullable ? QStringLiteral("?") : QString()));
            return m;
        };
        QCOMPARE(fromText.recordCount(), fromDocs.recordCount());
        QCOMPARE(byName(fromText.fields()), byName(fromDocs.fields()));
    }

    void textReader()
    {
        SchemaInferrer s;
        QString error;
        QVERIFY(s.addJsonText("[{\"b\": \"x\\\"\\u00e9\", \"a\": 1.0, \"n\": [1, {\"z\": 2}]},"
                              " {\"b\": \"2024-01-01\", \"a\": -3, \"n\": null}, {\"a\": 1e3}]",
                              false, -1, &error));
        QCOMPARE(s.recordCount(), 3);
        const auto f = s.fields();
        QCOMPARE(f.size(), 3);
        QCOMPARE(f.at(0).name, QStringLiteral("b")); // keys keep their written order
        QCOMPARE(f.at(0).type, QStringLiteral("string"));
        QVERIFY(f.at(0).nullable);
        QCOMPARE(f.at(1).type, QStringLiteral("double")); // 1.0 and 1e3 are doubles
        QCOMPARE(f.at(2).type, QStringLiteral("json"));
        SchemaInferrer bounded;
        QVERIFY(bounded.addJsonText("{\"a\": 1}\n\n{\"a\": 2}\n{\"a\": \"x\"}\n", true, 2));
        QCOMPARE(bounded.recordCount(), 2);
        QCOMPARE(bounded.fields().first().type, QStringLiteral("int"));
        SchemaInferrer broken;
        QVERIFY(!broken.addJsonText("{\"a\": 1}\n{\"a\": }\n", true, -1, &error));
        QVERIFY2(error.startsWith(QLatin1String("line 2: byte 7")), qPrintable(error));
    }

    void acceptsEveryRecordOfTheCorpus()
    {
        // Every value of the corpus must fit the type inferred for its column.
        QFile corpus(QStringLiteral(UIS_SOURCE_DIR "/tests/cli/data/sample-corpus.jsonl"));
        QVERIFY(corpus.open(QIODevice::ReadOnly));
        SchemaInferrer s;
        QList<QJsonObject> rows;
        for (const QByteArray &line : corpus.readAll().split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            rows.append(QJsonDocument::fromJson(line).object());
            s.addRecord(rows.last());
        }
        QVERIFY(rows.size() >= 20);
        const auto fields = s.fields();
        for (const InferredField &f : fields) {
            for (const QJsonObject &r : rows) {
                QJsonValue v = r;
                for (const QString &part : f.name.split(QLatin1Char('.')))
                    v = v.isObject() ? v.toObject().value(part) : QJsonValue(QJsonValue::Undefined);
                if (v.isNull() || v.isUndefined()) {
                    QVERIFY2(f.nullable, qPrintable(f.name));
                    continue;
                }
                SchemaInferrer one;
                QJsonObject single;
                single.insert(f.name.section(QLatin1Char('.'), -1), v);
                one.addRecord(single);
                const QString t = one.fields().first().type;
                const bool fits =
                    t == f.type || f.type == QLatin1String("string") ||
                    f.type == QLatin1String("json") ||
                    (f.type == QLatin1String("long") && t == QLatin1String("int")) ||
                    (f.type == QLatin1String("double") &&
                     (t == QLatin1String("int") || t == QLatin1String("long"))) ||
                    (f.type == QLatin1String("timestamp") && t == QLatin1String("date")) ||
                    (f.type.startsWith(QLatin1String("decimal")) &&
                     t.startsWith(QLatin1String("decimal")));
                QVERIFY2(
                    fits,
                    qPrintable(QStringLiteral("%1: %2 does not fit %3").arg(f.name, t, f.type)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestSchemaInferrer)
#include "tst_schemainferrer.moc"
