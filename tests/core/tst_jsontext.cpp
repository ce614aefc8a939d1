// SPDX-License-Identifier: Apache-2.0
// JsonText must write what nlohmann's pretty printer writes, byte for byte: the compilers'
// golden files were made with it.
#include "jsonconvert.h"
#include "jsontext.h"

#include <QTest>

using namespace uis;

class TestJsonText : public QObject
{
    Q_OBJECT

private:
    static void same(const OrderedJson &j)
    {
        for (int indent : {0, 2, 4}) {
            std::string ours;
            JsonText(ours, unsigned(indent)).write(j, 0);
            const std::string theirs =
                j.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
            QCOMPARE(QByteArray::fromStdString(ours), QByteArray::fromStdString(theirs));
        }
        QCOMPARE(dumpJson(j),
                 QByteArray::fromStdString(
                     j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)) +
                     '\n');
    }

private Q_SLOTS:
    void strings_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("plain") << QByteArray("SELECT a, b FROM `t` WHERE x > 1");
        QTest::newRow("long plain") << QByteArray(1000, 'x');
        QTest::newRow("quotes") << QByteArray("say \"hi\" to C:\\dir\\");
        QTest::newRow("controls") << QByteArray("a\nb\tc\rd\be\ff\x01g\x1fh\x7fi", 20);
        QTest::newRow("nul") << QByteArray("a\0b", 3);
        QTest::newRow("utf-8") << QByteArray("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \"q\"\n");
        QTest::newRow("invalid utf-8") << QByteArray("ab\xff\xfe cd \xc3 \"x\"");
        QTest::newRow("late escape") << QByteArray("0123456789abcdef0123456789\"abcdef\n");
        QTest::newRow("late utf-8") << QByteArray("0123456789abcdef0123456789\xc3\xa9");
    }
    void strings()
    {
        QFETCH(QByteArray, text);
        const std::string s = text.toStdString();
        same(OrderedJson(s));
        same(OrderedJson{{s, s}, {"k", OrderedJson::array({s, 1})}});
    }
    void values()
    {
        same(OrderedJson::parse(R"({"a": 1, "b": -2, "c": 18446744073709551615, "d": 0.01,
            "e": 1e-05, "f": 3.0, "g": true, "h": false, "i": null, "j": [], "k": {},
            "l": [1, [2, [3, {}]], {"m": [null]}], "n": -9223372036854775808, "o": 1e300})"));
        same(OrderedJson());
        same(OrderedJson(std::nan("")));
        same(OrderedJson::array());
    }
};

QTEST_GUILESS_MAIN(TestJsonText)
#include "tst_jsontext.moc"
