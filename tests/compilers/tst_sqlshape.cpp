// SPDX-License-Identifier: Apache-2.0
// The SQL-shape analyser on its own: the columns, types, key, changelog kind and event time it
// reads from a sql transform's query, checked verdict by verdict.
#include "flink/sqlshape.h"

#include <QTest>

using namespace uis;

namespace {

/// An input like a source table with a schema: `id` (key), `name`, `amount`, `ts` (event time).
FlinkRelation input()
{
    FlinkRelation r;
    r.sql = QStringLiteral("`orders`");
    r.columns = {
        FlinkColumn{QStringLiteral("id"),
                    QStringLiteral("BIGINT"),
                    true,
                    {FlinkOrigin{QStringLiteral("orders"), QStringLiteral("id")}}},
        FlinkColumn{QStringLiteral("name"),
                    QStringLiteral("STRING"),
                    false,
                    {FlinkOrigin{QStringLiteral("orders"), QStringLiteral("name")}}},
        FlinkColumn{QStringLiteral("amount"),
                    QStringLiteral("DECIMAL(10, 2)"),
                    false,
                    {FlinkOrigin{QStringLiteral("orders"), QStringLiteral("amount")}}},
        FlinkColumn{QStringLiteral("ts"),
                    QStringLiteral("TIMESTAMP(3)"),
                    true,
                    {FlinkOrigin{QStringLiteral("orders"), QStringLiteral("ts")}}},
    };
    r.rowtime = QStringLiteral("ts");
    return r;
}

QStringList names(const FlinkRelation &r)
{
    return r.columnNames();
}

QStringList types(const FlinkRelation &r)
{
    QStringList t;
    for (const FlinkColumn &c : r.columns)
        t.append(c.type);
    return t;
}

} // namespace

class TestSqlShape : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void projectionKeepsColumnsAndEventTime()
    {
        const FlinkRelation r =
            SqlShape::analyse(QStringLiteral("SELECT id, name AS customer, ts FROM orders "
                                             "WHERE amount > 10"),
                              input(), 1);
        QVERIFY(r.known);
        QCOMPARE(names(r), (QStringList{QStringLiteral("id"), QStringLiteral("customer"),
                                        QStringLiteral("ts")}));
        QCOMPARE(types(r), (QStringList{QStringLiteral("BIGINT"), QStringLiteral("STRING"),
                                        QStringLiteral("TIMESTAMP(3)")}));
        QVERIFY(!r.updating);
        QCOMPARE(r.rowtime, QStringLiteral("ts"));
        // A passed-through column keeps its origin, so it can still carry event time.
        QCOMPARE(r.columns.at(2).origins.size(), 1);
    }

    void starNeedsOneKnownInput()
    {
        const FlinkRelation one =
            SqlShape::analyse(QStringLiteral("SELECT * FROM orders"), input(), 1);
        QVERIFY(one.known);
        QCOMPARE(names(one), names(input()));
        QCOMPARE(one.rowtime, QStringLiteral("ts"));
        const FlinkRelation two =
            SqlShape::analyse(QStringLiteral("SELECT * FROM a JOIN b"), input(), 2);
        QVERIFY(!two.known);
        QVERIFY(two.columns.isEmpty());
    }

    void groupByIsUpdatingWithItsKey()
    {
        const FlinkRelation r = SqlShape::analyse(
            QStringLiteral("SELECT name, COUNT(*) AS n, SUM(amount) AS total, AVG(id) AS mean "
                           "FROM orders GROUP BY name HAVING COUNT(*) > 1"),
            input(), 1);
        QVERIFY(r.known);
        QVERIFY(r.updating);
        QCOMPARE(r.key, QStringList{QStringLiteral("name")});
        QCOMPARE(types(r),
                 (QStringList{QStringLiteral("STRING"), QStringLiteral("BIGINT"),
                              QStringLiteral("DECIMAL(38, 2)"), QStringLiteral("DOUBLE")}));
        // AVG of an integer is a DOUBLE: the compiler casts it (as Spark computes it).
        QVERIFY(r.columns.at(1).notNull); // count(*)
        QVERIFY(r.rowtime.isEmpty());     // grouping turns event time into a plain timestamp
    }

    void windowTableFunctionIsInsertOnly()
    {
        const FlinkRelation r = SqlShape::analyse(
            QStringLiteral("SELECT window_start, window_end, COUNT(*) AS n FROM TABLE(TUMBLE("
                           "TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY "
                           "window_start, window_end"),
            input(), 1);
        QVERIFY(!r.updating);
        QVERIFY(r.key.isEmpty());
    }

    void distinctAndOuterJoinsUpdate()
    {
        QVERIFY(SqlShape::analyse(QStringLiteral("SELECT DISTINCT name FROM orders"), input(), 1)
                    .updating);
        QVERIFY(SqlShape::analyse(QStringLiteral("SELECT o.id FROM orders o LEFT JOIN c ON "
                                                 "o.id = c.id"),
                                  input(), 2)
                    .updating);
        QVERIFY(!SqlShape::analyse(QStringLiteral("SELECT o.id FROM orders o JOIN c ON "
                                                  "o.id = c.id"),
                                   input(), 2)
                     .updating);
        // An updating input stays updating.
        FlinkRelation changelog = input();
        changelog.updating = true;
        QVERIFY(SqlShape::analyse(QStringLiteral("SELECT id FROM orders"), changelog, 1).updating);
    }

    void castsQualifiedNamesAndUnknownExpressions()
    {
        const FlinkRelation r = SqlShape::analyse(
            QStringLiteral("SELECT CAST(amount AS DOUBLE) AS a, o.`name`, UPPER(name) AS u, "
                           "TRY_CAST(id AS TIMESTAMP) AS t FROM orders o"),
            input(), 1);
        QVERIFY(r.known);
        QCOMPARE(names(r), (QStringList{QStringLiteral("a"), QStringLiteral("name"),
                                        QStringLiteral("u"), QStringLiteral("t")}));
        QCOMPARE(types(r), (QStringList{QStringLiteral("DOUBLE"), QStringLiteral("STRING"),
                                        QString(), QStringLiteral("TIMESTAMP(3)")}));
    }

    void unnamedExpressionMakesColumnsUnknown()
    {
        const FlinkRelation r =
            SqlShape::analyse(QStringLiteral("SELECT id, amount * 2 FROM orders"), input(), 1);
        QVERIFY(!r.known);
        QVERIFY(r.columns.isEmpty());
    }

    void keywordsInsideQuotesDoNotCount()
    {
        // `GROUP BY` and `FROM` inside literals and backticks are not clauses.
        const FlinkRelation r = SqlShape::analyse(
            QStringLiteral("SELECT id, 'GROUP BY x FROM y' AS note, `from` FROM orders"), input(),
            1);
        QVERIFY(!r.updating);
        QCOMPARE(names(r), (QStringList{QStringLiteral("id"), QStringLiteral("note"),
                                        QStringLiteral("from")}));
        QCOMPARE(SqlShape::skeleton(QStringLiteral("a 'b' `c`")), QStringLiteral("A        "));
    }

    void helpers()
    {
        QCOMPARE(
            SqlShape::splitTopLevel(QStringLiteral("a, f(b, c), 'x,y'")),
            (QStringList{QStringLiteral("a"), QStringLiteral("f(b, c)"), QStringLiteral("'x,y'")}));
        QCOMPARE(SqlShape::unquoteIdentifier(QStringLiteral(" `a``b` ")), QStringLiteral("a`b"));
        QVERIFY(SqlShape::isPlainIdentifier(QStringLiteral("`odd name`")));
        QVERIFY(SqlShape::isPlainIdentifier(QStringLiteral("_x1")));
        QVERIFY(!SqlShape::isPlainIdentifier(QStringLiteral("a.b")));
        QVERIFY(!SqlShape::isPlainIdentifier(QStringLiteral("1x")));
    }

    void expressionTypes()
    {
        const FlinkRelation in = input();
        QCOMPARE(SqlShape::expressionType(QStringLiteral("count(DISTINCT name)"), in),
                 std::make_pair(QStringLiteral("BIGINT"), true));
        QCOMPARE(SqlShape::expressionType(QStringLiteral("avg(amount)"), in).first,
                 QStringLiteral("DECIMAL(38, 6)"));
        QCOMPARE(SqlShape::expressionType(QStringLiteral("max(ts)"), in).first,
                 QStringLiteral("TIMESTAMP(3)"));
        QCOMPARE(SqlShape::expressionType(QStringLiteral("id"), in),
                 std::make_pair(QStringLiteral("BIGINT"), true));
        QCOMPARE(SqlShape::expressionType(QStringLiteral("stddev(name)"), in).first, QString());
        QCOMPARE(SqlShape::expressionType(QStringLiteral("sum(missing)"), in).first, QString());
    }
};

QTEST_GUILESS_MAIN(TestSqlShape)
#include "tst_sqlshape.moc"
