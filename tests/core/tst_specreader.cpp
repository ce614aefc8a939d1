// SPDX-License-Identifier: Apache-2.0
#include "specreader.h"

#include <QTest>

using namespace uis;

class TestSpecReader : public QObject
{
    Q_OBJECT

private:
    static const SourceNode &root(const ReadResult &r)
    {
        if (!r.root)
            qFatal("document did not parse");
        return *r.root;
    }
    static QString firstCode(const ReadResult &r)
    {
        return r.diagnostics.isEmpty() ? QString() : r.diagnostics.first().code;
    }

private Q_SLOTS:
    void yamlPositionsOfValuesAndKeys()
    {
        const QByteArray y = "version: \"1.1\"\n"
                             "provider:\n"
                             "  name: p\n"
                             "  endpoints:\n"
                             "    - name: a\n"
                             "      rate_limit_per_second: 20\n";
        const ReadResult r = SpecReader::read(y, SpecFormat::Yaml);
        QVERIFY(r.diagnostics.isEmpty());
        const SourceNode *rate = root(r).at(u"/provider/endpoints/0/rate_limit_per_second");
        QVERIFY(rate);
        QCOMPARE(rate->pos().line, 6);
        QCOMPARE(rate->pos().column, 30);
        QCOMPARE(rate->keyPos().line, 6);
        QCOMPARE(rate->keyPos().column, 7);
        QCOMPARE(root(r).at(u"/version")->pos().column, 10);
        QCOMPARE(root(r).at(u"/provider/endpoints/0")->pos().line, 5);
    }

    void yamlScalarTypes()
    {
        const QByteArray y = "a: 1\nb: \"1\"\nc: 1.5\nd: true\ne: ~\nf: text\ng: '2'\nh: 0x1F\ni: 1e3\n";
        const ReadResult r = SpecReader::read(y, SpecFormat::Yaml);
        const SourceNode &n = root(r);
        QCOMPARE(n.find(u"a")->scalarType(), SourceNode::ScalarType::Int);
        QCOMPARE(n.find(u"b")->scalarType(), SourceNode::ScalarType::String);
        QCOMPARE(n.find(u"c")->scalarType(), SourceNode::ScalarType::Float);
        QCOMPARE(n.find(u"d")->scalarType(), SourceNode::ScalarType::Bool);
        QVERIFY(n.find(u"e")->isNull());
        QCOMPARE(n.find(u"f")->scalarType(), SourceNode::ScalarType::String);
        QCOMPARE(n.find(u"g")->scalarType(), SourceNode::ScalarType::String);
        QCOMPARE(*n.find(u"h")->toInt(), 31);
        QCOMPARE(*n.find(u"i")->toDouble(), 1000.0);
    }

    void yamlAnchorsAndAliases()
    {
        const QByteArray y = "base: &h {Accept: json}\ncopy: *h\n";
        const ReadResult r = SpecReader::read(y, SpecFormat::Yaml);
        QVERIFY(r.diagnostics.isEmpty());
        QCOMPARE(root(r).find(u"copy")->find(u"Accept")->text(), QStringLiteral("json"));
    }

    void jsonPositionsAndTypes()
    {
        const QByteArray j = "{\n  \"version\": \"1.1\",\n  \"provider\": {\n    \"name\": \"a\\\"b\",\n"
                             "    \"parallelism\": 12,\n    \"x\": [true, null, 2.5]\n  }\n}\n";
        const ReadResult r = SpecReader::read(j, SpecFormat::Json);
        QVERIFY2(r.diagnostics.isEmpty(), qPrintable(firstCode(r)));
        const SourceNode &n = root(r);
        QCOMPARE(n.at(u"/version")->pos().line, 2);
        QCOMPARE(n.at(u"/version")->pos().column, 14);
        QCOMPARE(n.at(u"/provider/name")->text(), QStringLiteral("a\"b"));
        QCOMPARE(n.at(u"/provider/name")->pos().column, 13);
        QCOMPARE(n.at(u"/provider/name")->keyPos().column, 5);
        QCOMPARE(n.at(u"/provider/parallelism")->pos().line, 5);
        QCOMPARE(n.at(u"/provider/parallelism")->pos().column, 20);
        QCOMPARE(*n.at(u"/provider/parallelism")->toInt(), 12);
        QCOMPARE(n.at(u"/provider/x/0")->scalarType(), SourceNode::ScalarType::Bool);
        QVERIFY(n.at(u"/provider/x/1")->isNull());
        QCOMPARE(n.at(u"/provider/x/2")->pos().column, 23);
        QCOMPARE(n.at(u"/provider")->pos().line, 3);
    }

    void autoDetectsFormat()
    {
        QCOMPARE(SpecReader::read("  {\"a\": 1}").format, SpecFormat::Json);
        QCOMPARE(SpecReader::read("a: 1").format, SpecFormat::Yaml);
        QCOMPARE(SpecReader::formatForFileName(QStringLiteral("x.uis.json")), SpecFormat::Json);
        QCOMPARE(SpecReader::formatForFileName(QStringLiteral("x.uis.yaml")), SpecFormat::Yaml);
    }

    void malformedYamlHasPosition()
    {
        const ReadResult r = SpecReader::read("a: 1\nb: [1, 2\nc: 3\n", SpecFormat::Yaml);
        QVERIFY(!r.root);
        QCOMPARE(firstCode(r), QStringLiteral("UIS-E-PARSE"));
        QVERIFY(r.diagnostics.first().line >= 2);
        QVERIFY(r.diagnostics.first().column >= 1);
    }

    void malformedJsonHasPosition()
    {
        const ReadResult r = SpecReader::read("{\n  \"a\": 1,\n  \"b\" 2\n}", SpecFormat::Json);
        QVERIFY(!r.root);
        QCOMPARE(firstCode(r), QStringLiteral("UIS-E-PARSE"));
        QCOMPARE(r.diagnostics.first().line, 3);
    }

    void duplicateKeys()
    {
        const ReadResult y = SpecReader::read("a: 1\nb: 2\na: 3\n", SpecFormat::Yaml);
        QCOMPARE(firstCode(y), QStringLiteral("UIS-E-DUPLICATE-KEY"));
        QCOMPARE(y.diagnostics.first().line, 3);
        const ReadResult j = SpecReader::read("{\"a\": 1, \"a\": 2}", SpecFormat::Json);
        QCOMPARE(firstCode(j), QStringLiteral("UIS-E-DUPLICATE-KEY"));
    }

    void twoDocumentsAreAnError()
    {
        const ReadResult r = SpecReader::read("a: 1\n---\nb: 2\n", SpecFormat::Yaml);
        QCOMPARE(firstCode(r), QStringLiteral("UIS-E-PARSE"));
        QCOMPARE(r.diagnostics.first().line, 2);
    }

    void emptyFile()
    {
        QCOMPARE(firstCode(SpecReader::read("", SpecFormat::Yaml)), QStringLiteral("UIS-E-EMPTY"));
        QCOMPARE(firstCode(SpecReader::read("# only a comment\n", SpecFormat::Yaml)),
                 QStringLiteral("UIS-E-EMPTY"));
    }

    void byteOrderMarkIsSkipped()
    {
        const ReadResult r = SpecReader::read("\xEF\xBB\xBFversion: \"1.1\"\n", SpecFormat::Auto);
        QVERIFY(r.diagnostics.isEmpty());
        QVERIFY(root(r).find(u"version"));
    }

    void binaryGarbage()
    {
        QByteArray garbage;
        for (int i = 0; i < 4096; ++i)
            garbage.append(char((i * 7919) % 256));
        const ReadResult r = SpecReader::read(garbage, SpecFormat::Auto);
        QVERIFY(!r.root);
        QCOMPARE(firstCode(r), QStringLiteral("UIS-E-ENCODING"));
    }

    void invalidUtf8HasPosition()
    {
        const ReadResult r = SpecReader::read("a: ok\nb: caf\xC3\x28\n", SpecFormat::Yaml);
        QCOMPARE(firstCode(r), QStringLiteral("UIS-E-ENCODING"));
        QCOMPARE(r.diagnostics.first().line, 2);
        QCOMPARE(r.diagnostics.first().column, 7);
    }

    void deepYamlIsRefused()
    {
        const QByteArray deep = QByteArray(20000, '[') + QByteArray(20000, ']');
        const ReadResult r = SpecReader::read(deep, SpecFormat::Yaml);
        QVERIFY(!r.root);
        QCOMPARE(firstCode(r), QStringLiteral("UIS-E-TOO-DEEP"));
        QByteArray block;
        for (int i = 0; i < 20000; ++i)
            block += "- ";
        block += "x\n";
        QCOMPARE(firstCode(SpecReader::read(block, SpecFormat::Yaml)), QStringLiteral("UIS-E-TOO-DEEP"));
    }

    void deepJsonIsRefused()
    {
        const QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']');
        const ReadResult r = SpecReader::read(deep, SpecFormat::Json);
        QVERIFY(!r.root);
        QCOMPARE(firstCode(r), QStringLiteral("UIS-E-TOO-DEEP"));
        QByteArray objects;
        for (int i = 0; i < 100000; ++i)
            objects += "{\"a\":";
        QCOMPARE(firstCode(SpecReader::read(objects, SpecFormat::Json)), QStringLiteral("UIS-E-TOO-DEEP"));
    }

    void hugeFileIsRefused()
    {
        QByteArray big;
        big.reserve(50 * 1024 * 1024 + 100);
        big += "description: \"";
        big += QByteArray(50 * 1024 * 1024, 'x');
        big += "\"\n";
        const ReadResult r = SpecReader::read(big, SpecFormat::Yaml);
        QVERIFY(!r.root);
        QCOMPARE(firstCode(r), QStringLiteral("UIS-E-TOO-LARGE"));
    }

    void aliasBombIsRefused()
    {
        QByteArray y = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
        for (int i = 1; i < 12; ++i)
            y += QStringLiteral("a%1: &a%1 [*a%2, *a%2, *a%2, *a%2, *a%2, *a%2, *a%2, *a%2, *a%2, *a%2]\n")
                     .arg(i)
                     .arg(i - 1)
                     .toUtf8();
        const ReadResult r = SpecReader::read(y, SpecFormat::Yaml);
        QVERIFY(!r.root);
        QCOMPARE(firstCode(r), QStringLiteral("UIS-E-TOO-LARGE"));
    }

    void complexKeysAreRefused()
    {
        const ReadResult r = SpecReader::read("? [a, b]\n: 1\n", SpecFormat::Yaml);
        QCOMPARE(firstCode(r), QStringLiteral("UIS-E-PARSE"));
    }
};

QTEST_GUILESS_MAIN(TestSpecReader)
#include "tst_specreader.moc"
