// SPDX-License-Identifier: Apache-2.0
// The manifest's one-pass YAML writer against the general one (the tree and yaml-cpp) it stands
// in for: whenever it writes a document, the bytes must be the same; what it does not cover it
// must refuse.
#include "dcp/manifestwriter.h"

#include <QTest>

using namespace uis;

namespace {

const char *const kStrings[] = {"plain",
                                "two words",
                                "",
                                " lead",
                                "trail ",
                                "a&b",
                                "a?b",
                                "?a",
                                "a,b",
                                "[x]",
                                "{x}",
                                "a: b",
                                "a:b",
                                "a:",
                                "#x",
                                "x #y",
                                "x#y",
                                "true",
                                "false",
                                "null",
                                "~",
                                "123",
                                "1.5",
                                "-x",
                                "- x",
                                "-1",
                                "@x",
                                "`x",
                                "%x",
                                "!x",
                                "*x",
                                "|x",
                                ">x",
                                "'x",
                                "\"x",
                                "it's",
                                "say \"hi\"",
                                "back\\slash",
                                "line\nbreak",
                                "two\nlines\n",
                                "ends\n\n",
                                "\nstarts",
                                "x\n  indented\n",
                                "with  \n",
                                "s3a://b/p",
                                "https://h/p?a=1&b=2",
                                "Bearer {{api_key}}",
                                "$.results",
                                "5 minutes",
                                "0 3 * * *",
                                "x=1",
                                "a]b",
                                "a}b"};

/// A document that puts every string in every position a manifest has.
OrderedJson document()
{
    OrderedJson strings = OrderedJson::array();
    OrderedJson asMap = OrderedJson::object();
    OrderedJson schema = OrderedJson::array();
    OrderedJson shortLists = OrderedJson::array();
    int n = 0;
    for (const char *s : kStrings) {
        strings.push_back(s);
        asMap[std::string("k") + std::to_string(n++)] = s;
        asMap[s] = "key";
        schema.push_back(OrderedJson{{"name", s}, {"type", "string"}, {"nullable", n % 2 == 0}});
        shortLists.push_back(OrderedJson::array({s, "x"}));
    }
    OrderedJson d = OrderedJson::object();
    d["apiVersion"] = "dcp.pedregal.doordash.com/v1";
    d["numbers"] = OrderedJson{{"int", 20},   {"neg", -3},    {"float", 0.05},
                               {"big", 1e20}, {"bool", true}, {"null", nullptr}};
    d["empty"] = OrderedJson{{"map", OrderedJson::object()}, {"list", OrderedJson::array()}};
    d["emptyItems"] = OrderedJson::array({OrderedJson::object(), OrderedJson::array()});
    d["strings"] = strings;
    d["map"] = asMap;
    d["schema"] = schema;
    d["emptySchema"] = OrderedJson{{"schema", OrderedJson::array()}};
    d["shortLists"] = shortLists;
    d["nine"] = OrderedJson::array({1, 2, 3, 4, 5, 6, 7, 8, 9});
    d["nested"] = OrderedJson::array(
        {OrderedJson{{"name", "a"},
                     {"inner", OrderedJson{{"deep", OrderedJson::array(
                                                        {OrderedJson{{"x", "two\nlines\n"}}})}}},
                     {"query", "SELECT *\nFROM t\n"},
                     {"list", OrderedJson::array({"a", "b"})}},
         "two\nlines\n"});
    return d;
}

} // namespace

class TestManifestWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameBytesAsTheGeneralWriter()
    {
        const OrderedJson d = document();
        const auto fast = ManifestWriter::writeFast(d);
        QVERIFY(fast.has_value());
        const QByteArray slow = ManifestWriter::writeGeneral(d);
        if (*fast != slow) {
            qWarning("%s", slow.left(400).constData());
            const QList<QByteArray> a = fast->split('\n'), b = slow.split('\n');
            for (qsizetype i = 0; i < std::min(a.size(), b.size()); ++i) {
                if (a.at(i) != b.at(i))
                    QFAIL(qPrintable(
                        QStringLiteral("line %1: fast `%2`, general `%3`")
                            .arg(i + 1)
                            .arg(QString::fromUtf8(a.at(i)), QString::fromUtf8(b.at(i)))));
            }
            QCOMPARE(*fast, slow);
        }
    }

    void eachStringAlone()
    {
        // Every string as a value, a key, a list item and a flow item, one document each, so a
        // difference names its string.
        for (const char *s : kStrings) {
            OrderedJson d = OrderedJson::object();
            d["v"] = s;
            d[s] = 1;
            d["l"] = OrderedJson::array({s, OrderedJson{{"k", s}}});
            d["long"] = OrderedJson::array({s, "2", "3", "4", "5", "6", "7", "8", "9"});
            d["f"] = OrderedJson::array({s});
            d["schema"] = OrderedJson::array({OrderedJson{{s, s}}});
            const auto fast = ManifestWriter::writeFast(d);
            QVERIFY2(fast.has_value(), s);
            QCOMPARE(QString::fromUtf8(*fast), QString::fromUtf8(ManifestWriter::writeGeneral(d)));
        }
    }

    void refusesWhatItDoesNotCover()
    {
        for (const char *s : {"tab\there", "caf\xc3\xa9", "bell\x07", "cr\r\n"}) {
            OrderedJson d = OrderedJson::object();
            d["v"] = s;
            QVERIFY2(!ManifestWriter::writeFast(d).has_value(), s);
        }
        OrderedJson longKey = OrderedJson::object();
        longKey[std::string(201, 'k')] = 1;
        QVERIFY(!ManifestWriter::writeFast(longKey).has_value());
        OrderedJson listInList = OrderedJson::object();
        listInList["l"] =
            OrderedJson::array({OrderedJson::array({OrderedJson::object({{"a", 1}})})});
        QVERIFY(!ManifestWriter::writeFast(listInList).has_value());
    }
};

QTEST_GUILESS_MAIN(TestManifestWriter)
#include "tst_manifestwriter.moc"
