// SPDX-License-Identifier: Apache-2.0
// The Data Preview's "Both" comparison (PreviewComparison): rows of two engines paired by content
// whatever their order, values compared by GoldenCompare's rule. No engine runs here.
#include "goldencompare.h"
#include "previewcomparison.h"

#include <QJsonDocument>
#include <QTest>

using namespace uis;

namespace {

QJsonObject row(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

const QStringList kColumns{QStringLiteral("id"), QStringLiteral("amount"), QStringLiteral("at"),
                           QStringLiteral("label")};

} // namespace

class TestPreviewComparison : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pairsRowsAndFindsDifferences()
    {
        // Spark's order, its timestamps with `Z`, a null written as a missing key.
        const QList<QJsonObject> spark{
            row(R"({"id": 1, "amount": 0.1, "at": "2024-01-15T10:00:00.000Z", "label": "a"})"),
            row(R"({"id": 2, "amount": 2.5, "at": "2024-01-15T11:00:00.000Z", "label": "b"})"),
            row(R"({"id": 3, "amount": 3, "at": "2024-01-15T12:00:00.000Z"})"),
            row(R"({"id": 4, "amount": 4, "at": "2024-01-15T13:00:00.000Z", "label": "d"})"),
        };
        // Flink's order; 0.1 off by less than 1e-9 relative; the same instants written another
        // way (an offset, no fraction, epoch milliseconds); one real difference; row 4 missing.
        const double nearlyTenth = 0.1 * (1 + 1e-12);
        QJsonObject first = row(R"({"id": 1, "at": "2024-01-15T12:00:00+02:00", "label": "a"})");
        first.insert(QStringLiteral("amount"), nearlyTenth);
        const QList<QJsonObject> flink{
            row(R"({"id": 3, "amount": 3.0, "at": 1705320000000, "label": null})"),
            row(R"({"id": 2, "amount": 2.75, "at": "2024-01-15 11:00:00", "label": "b"})"),
            first,
        };
        QVERIFY(GoldenCompare::valuesEqual(0.1, nearlyTenth));
        QVERIFY(0.1 != nearlyTenth);

        const PreviewComparisonResult r = PreviewComparison::compare(spark, flink, kColumns);
        QCOMPARE(r.columns, kColumns);
        QCOMPARE(r.pairs.size(), 4);
        QCOMPARE(r.leftOnly, 1);
        QCOMPARE(r.rightOnly, 0);
        // 1 differing amount + the 4 cells of the row only Spark has.
        QCOMPARE(r.differingCells, 1 + int(kColumns.size()));
        QVERIFY(!r.identical());

        const PreviewRowPair &one = r.pairs.at(r.lineOf(0, false));
        QCOMPARE(one.right, 2);
        QVERIFY(one.differing.isEmpty());
        const PreviewRowPair &two = r.pairs.at(r.lineOf(1, false));
        QCOMPARE(two.right, 1);
        QCOMPARE(two.differing, QStringList{QStringLiteral("amount")});
        const PreviewRowPair &three = r.pairs.at(r.lineOf(2, false));
        QCOMPARE(three.right, 0);
        QVERIFY(three.differing.isEmpty());
        const PreviewRowPair &four = r.pairs.at(r.lineOf(3, false));
        QCOMPARE(four.right, -1);
        QCOMPARE(four.differing, kColumns);
        QCOMPARE(r.lineOf(2, true), r.lineOf(0, false));

        // Any arrival order gives the same pairs in the same order.
        QList<QJsonObject> shuffled = flink;
        std::reverse(shuffled.begin(), shuffled.end());
        const PreviewComparisonResult again = PreviewComparison::compare(spark, shuffled, kColumns);
        QCOMPARE(again.differingCells, r.differingCells);
        QCOMPARE(again.pairs.size(), r.pairs.size());
        for (int i = 0; i < r.pairs.size(); ++i) {
            QCOMPARE(again.pairs.at(i).left, r.pairs.at(i).left);
            QCOMPARE(again.pairs.at(i).differing, r.pairs.at(i).differing);
            const int right = again.pairs.at(i).right;
            QCOMPARE(right < 0 ? -1 : int(flink.size()) - 1 - right, r.pairs.at(i).right);
        }

        // Seen from the other side: the missing row is the left's extra.
        const PreviewComparisonResult mirrored = PreviewComparison::compare(flink, spark, kColumns);
        QCOMPARE(mirrored.differingCells, r.differingCells);
        QCOMPARE(mirrored.rightOnly, 1);
        QCOMPARE(mirrored.leftOnly, 0);
    }

    void unrelatedRowsStayUnpaired()
    {
        // Rows agreeing in fewer than half their cells are not a pair: each side has one of its
        // own.
        const QList<QJsonObject> left{row(R"({"id": 1, "amount": 5, "at": null, "label": "x"})")};
        const QList<QJsonObject> right{row(R"({"id": 9, "amount": 6, "at": null, "label": "y"})")};
        const PreviewComparisonResult r = PreviewComparison::compare(left, right, kColumns);
        QCOMPARE(r.pairs.size(), 2);
        QCOMPARE(r.leftOnly, 1);
        QCOMPARE(r.rightOnly, 1);
        QCOMPARE(r.differingCells, 2 * int(kColumns.size()));
    }

    void comparesSharedColumns()
    {
        QCOMPARE(PreviewComparison::sharedColumns(
                     {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")},
                     {QStringLiteral("c"), QStringLiteral("a")}),
                 (QStringList{QStringLiteral("a"), QStringLiteral("c")}));
        // Without columns: the left keys the right rows have; `extra` is not compared.
        const PreviewComparisonResult r =
            PreviewComparison::compare({row(R"({"id": 1, "extra": 1})")}, {row(R"({"id": 1.0})")});
        QCOMPARE(r.columns, QStringList{QStringLiteral("id")});
        QVERIFY(r.identical());
        QVERIFY(PreviewComparison::compare({}, {}).identical());
    }
};

QTEST_MAIN(TestPreviewComparison)
#include "tst_previewcomparison.moc"
