// SPDX-License-Identifier: Apache-2.0
// The Flink SQL shape of "Values as real sources send them" (UIS-SPEC.md): a Kafka JSON source
// read as raw records, typed and checked in views, and its poison records going by the
// `on_invalid` of the schema_validation that reads the endpoint. (tst_flinkcompiler.cpp holds
// the other Flink rules; it is near the size limit.)
#include "compilertest.h"

#include "flink/flinkcompiler.h"
#include "flink/flinkrelation.h"

using namespace uis;
using namespace uis::test;

namespace {

QByteArray spec(const QByteArray &policy, const QByteArray &sinks = {})
{
    QByteArray y = R"(version: "1.1"
name: poison
provider:
  name: p
  provider_type: kafka
  tenant_id: t
  owner: o@example.com
  mode: streaming
  config:
    kafka_bootstrap_servers: localhost:9092
  endpoints:
    - name: orders
      topic: orders
      format: json
      schema:
        - { name: id, type: string }
        - { name: amount, type: long }
        - { name: ts, type: timestamp }
        - { name: seen, type: timestamp }
)";
    if (!policy.isEmpty())
        y += R"(  transforms:
    - name: checked
      type: schema_validation
      inputs: [orders]
      schema:
        - { name: id, type: string, nullable: false }
      on_invalid: )" +
             policy +
             "\n    - name: per_minute\n      type: window_aggregate\n      inputs: [checked]\n"
             "      time_column: ts\n      window: 1 minute\n      aggregates:\n"
             "        n: count(*)\n";
    y += "  sinks:\n    - name: out\n      type: kafka\n      kafka_topic: out\n";
    if (!policy.isEmpty())
        y += "      inputs: [per_minute]\n";
    y += sinks;
    return y;
}

struct Compiled
{
    CompileResult result;
    QString sql;
};

Compiled compile(const QByteArray &yaml)
{
    Compiled c;
    const LoadedSpec loaded = loadYaml(yaml);
    c.result = FlinkCompiler::compile(loaded, {});
    c.sql = artifactText(c.result, QStringLiteral("flink-sql"));
    return c;
}

bool has(const CompileResult &r, const QString &code)
{
    return hasCode(r.diagnostics, code);
}

} // namespace

class TestFlinkPoison : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rawTableWithPosition()
    {
        const Compiled c = compile(spec("drop"));
        const QString table = sqlStatement(c.sql, QStringLiteral("CREATE TABLE `kafka_orders`"));
        QVERIFY2(table.contains(QStringLiteral("`uis_raw` STRING,")), qPrintable(table));
        QVERIFY(table.contains(QStringLiteral("'format' = 'raw'")));
        QVERIFY(!table.contains(QStringLiteral("'format' = 'json'")));
        QVERIFY(
            table.contains(QStringLiteral("`uis_offset` BIGINT METADATA FROM 'offset' VIRTUAL")));
        QVERIFY(table.contains(QStringLiteral("`uis_partition` INT METADATA FROM 'partition'")));
        // The event time is computed in the table (a watermark needs a column of it) with the
        // one timestamp rule, from the record's text.
        QVERIFY(table.contains(
            QStringLiteral("`ts__time` AS CASE\n    WHEN REGEXP(JSON_VALUE(`uis_raw`, '$.ts')")));
        QVERIFY(table.contains(QStringLiteral("WATERMARK FOR `ts__time` AS `ts__time`")));
        QVERIFY(!table.contains(QStringLiteral("seen")));
    }

    void checkedViewTypesAndGivesReasons()
    {
        const QString v =
            sqlStatement(compile(spec("drop")).sql,
                         QStringLiteral("CREATE TEMPORARY VIEW `kafka_orders__checked`"));
        // An integer column takes whole numbers only (Flink's cast would truncate `5.5`).
        QVERIFY2(v.contains(QStringLiteral("CASE WHEN REGEXP(`amount__text`, '^[+-]?[0-9]+$') "
                                           "THEN TRY_CAST(`amount__text` AS BIGINT) END AS "
                                           "`amount`")),
                 qPrintable(v));
        QVERIFY(v.contains(QStringLiteral("`ts__time` AS `ts`")));
        QVERIFY(v.contains(QStringLiteral("WHEN REGEXP(`seen__text`")));
        QVERIFY(v.contains(QStringLiteral("COALESCE(JSON_VALUE(`uis_raw`, '$.id'), "
                                          "JSON_QUERY(`uis_raw`, '$.id')) AS `id__text`")));
        QVERIFY(v.contains(QStringLiteral("'amount: not BIGINT'")));
        QVERIFY(v.contains(QStringLiteral("'ts: not TIMESTAMP(3)'")));
        QVERIFY(!v.contains(QStringLiteral("'id: not"))); // a string is never poison
        QVERIFY(v.contains(
            QStringLiteral("CASE WHEN `uis_raw` IS JSON OBJECT THEN NULLIF(CONCAT_WS('; ',")));
        QVERIFY(v.contains(QStringLiteral("ELSE 'not JSON' END AS `uis_reason`")));
        QVERIFY(v.contains(QStringLiteral("CONCAT('topic ', `uis_topic`, ' partition '")));
    }

    void dropKeepsTheGoodRecords()
    {
        const Compiled c = compile(spec("drop"));
        const QString good =
            sqlStatement(c.sql, QStringLiteral("CREATE TEMPORARY VIEW `kafka_orders_parsed`"));
        QVERIFY2(good.endsWith(QStringLiteral("FROM `kafka_orders__checked`\nWHERE `uis_reason` "
                                              "IS NULL;")),
                 qPrintable(good));
        QVERIFY(c.sql.contains(QStringLiteral("FROM `kafka_orders_parsed`")));
        QVERIFY(!c.sql.contains(QStringLiteral("'restart-strategy.type' = 'none'")));
        QVERIFY(!has(c.result, QStringLiteral("UIS-I-FLINK-INVALID-ROWS")));
        // Without a schema_validation: dropped too.
        const Compiled none = compile(spec({}));
        QVERIFY(
            sqlStatement(none.sql, QStringLiteral("CREATE TEMPORARY VIEW `kafka_orders_parsed`"))
                .contains(QStringLiteral("WHERE `uis_reason` IS NULL;")));
    }

    void failEndsTheJobOnce()
    {
        const Compiled c = compile(spec("fail"));
        const QString good =
            sqlStatement(c.sql, QStringLiteral("CREATE TEMPORARY VIEW `kafka_orders_parsed`"));
        QVERIFY2(good.contains(QStringLiteral(
                     "WHERE `uis_reason` IS NULL OR CAST(CONCAT('UIS poison record (endpoint "
                     "orders) at ', COALESCE(`uis_position`, 'an unknown position'), ': ', "
                     "`uis_reason`) AS INT) = 0")),
                 qPrintable(good));
        QVERIFY(c.sql.contains(QStringLiteral("SET 'restart-strategy.type' = 'none';")));
        const QString t = sqlStatement(c.sql, QStringLiteral("CREATE TEMPORARY VIEW `checked`"));
        QVERIFY2(t.contains(QStringLiteral("'UIS poison record (schema_validation checked)")),
                 qPrintable(t));
        QVERIFY(!has(c.result, QStringLiteral("UIS-I-FLINK-INVALID-ROWS")));
    }

    void deadLettersAreANodeSinksRead()
    {
        const QByteArray sink = "    - name: dead\n      type: kafka\n      kafka_topic: dead\n"
                                "      inputs: [checked_dead_letter]\n";
        const QByteArray y = spec("dead_letter", sink);
        QVERIFY2(loadYaml(y).valid(), qPrintable(diagnosticsText(loadYaml(y).diagnostics)));
        const Compiled c = compile(y);
        QVERIFY2(!hasErrors(c.result.diagnostics), qPrintable(c.sql));
        const QString d =
            sqlStatement(c.sql, QStringLiteral("CREATE TEMPORARY VIEW `checked_dead_letter`"));
        QVERIFY2(
            d.contains(QStringLiteral(
                "SELECT `uis_raw` AS `raw_record`, `uis_reason` AS `reason`, `uis_position` "
                "AS `position`\nFROM `kafka_orders__checked`\nWHERE `uis_reason` IS NOT NULL")),
            qPrintable(d));
        QVERIFY(d.contains(QStringLiteral("UNION ALL\nSELECT JSON_OBJECT(KEY 'id' VALUE `id`")));
        QVERIFY(d.contains(QStringLiteral("'id: null'")));
        const QString table = sqlStatement(c.sql, QStringLiteral("CREATE TABLE `dead`"));
        QVERIFY2(table.contains(QStringLiteral("`raw_record` STRING")), qPrintable(table));
        QVERIFY(c.sql.contains(QStringLiteral("INSERT INTO `dead`")));
        // Without dead letters there is no such node.
        const QByteArray bad = spec("drop", sink);
        QVERIFY(hasCode(loadYaml(bad).diagnostics, QStringLiteral("UIS-E-INPUT-UNKNOWN")));
    }

    void csvFilesAreCheckedToo()
    {
        const Compiled c = compile(R"(version: "1.1"
name: csv-poison
provider:
  name: p
  provider_type: file_ftp
  base_url: file:///data
  mode: batch
  engine: flink
  endpoints:
    - name: readings
      path: "*.csv"
      format: csv
      options: { header: "true" }
      schema:
        - { name: id, type: string }
        - { name: n, type: int }
        - { name: t, type: timestamp }
  sinks:
    - name: out
      type: console
)");
        // Each line is read whole with the file it came from (the csv format would skip a line
        // of more fields than the schema) ...
        const QString table =
            sqlStatement(c.sql, QStringLiteral("CREATE TABLE `file_ftp_readings__files`"));
        QVERIFY2(table.contains(QStringLiteral("`uis_raw` STRING,")), qPrintable(table));
        QVERIFY(table.contains(QStringLiteral("'format' = 'raw'")));
        QVERIFY(!table.contains(QStringLiteral("'csv.")));
        QVERIFY(table.contains(QStringLiteral("METADATA FROM 'file.path'")));
        // ... split into its fields here (quoted ones unquoted, empty ones NULL), then typed by
        // the one rule, numbers trimmed, blank lines and the header line dropped; a line of any
        // other number of fields is poison, as on Spark, and its text is the line as read.
        const QString v = sqlStatement(
            c.sql, QStringLiteral("CREATE TEMPORARY VIEW `file_ftp_readings__checked`"));
        QVERIFY2(v.contains(QStringLiteral(
                     "TRIM(NULLIF(COALESCE(REPLACE(REGEXP_EXTRACT(`uis_raw`, '^(?:(?:\"(?:[^\"]|"
                     "\"\")*\"|(?:[^,\"\\r][^,\\r]*)?),){1}")),
                 qPrintable(v));
        QVERIFY(v.contains(QStringLiteral("AS `n__text`")));
        QVERIFY(v.contains(QStringLiteral("WHEN REGEXP(`t__text`, '^-?[0-9]{1,18}$')")));
        QVERIFY(v.contains(QStringLiteral("'n: not INT'")));
        QVERIFY(v.contains(QStringLiteral("WHERE REGEXP(`uis_raw`, '\\S') AND (`id__text` = 'id' "
                                          "AND `n__text` = 'n' AND `t__text` = 't') IS NOT TRUE")));
        QVERIFY(v.contains(QStringLiteral("){2}\\r?$') THEN ")));
        QVERIFY(v.contains(QStringLiteral("ELSE 'not a csv record of the schema' END AS "
                                          "`uis_reason`")));
        QVERIFY(!v.contains(QStringLiteral("CONCAT_WS(',',")));
        QVERIFY(!v.contains(QStringLiteral("IS JSON")));
        QVERIFY(v.contains(QStringLiteral("CONCAT('file ', `uis_file`)")));
        // Another delimiter is split on as well (escaped for the regex).
        QByteArray piped = R"(version: "1.1"
name: csv-pipe
provider:
  name: p
  provider_type: file_ftp
  base_url: file:///data
  mode: batch
  engine: flink
  endpoints:
    - name: readings
      path: "*.csv"
      format: csv
      options: { header: "false", delimiter: "|" }
      schema:
        - { name: id, type: string }
        - { name: n, type: int }
  sinks:
    - name: out
      type: console
)";
        const QString pv =
            sqlStatement(compile(piped).sql,
                         QStringLiteral("CREATE TEMPORARY VIEW `file_ftp_readings__checked`"));
        QVERIFY2(
            pv.contains(QStringLiteral("(?:\\|(?:\"(?:[^\"]|\"\")*\"|(?:[^|\"\\r][^|\\r]*)?)){1}")),
            qPrintable(pv));
        QVERIFY(pv.contains(QStringLiteral("WHERE REGEXP(`uis_raw`, '\\S')\n")));
    }

    void poisonRecordsGoToACountedSink()
    {
        // drop, dead_letter and no schema_validation: the poison records go to a blackhole of
        // their own, INSERTed after the spec's sinks (their operators come last).
        const QByteArray sink = "    - name: dead\n      type: kafka\n      kafka_topic: dead\n"
                                "      inputs: [checked_dead_letter]\n";
        for (const auto &[policy, sinks] :
             {std::pair<QByteArray, QByteArray>{"drop", {}}, {"dead_letter", sink}, {{}, {}}}) {
            const Compiled c = compile(spec(policy, sinks));
            QVERIFY2(!hasErrors(c.result.diagnostics), qPrintable(c.sql));
            const QString table =
                sqlStatement(c.sql, QStringLiteral("CREATE TABLE `kafka_orders__invalid`"));
            QVERIFY2(table.contains(QStringLiteral("`position` STRING,\n  `reason` STRING")),
                     qPrintable(c.sql));
            QVERIFY(table.contains(QStringLiteral("'connector' = 'blackhole'")));
            const QString insert = QStringLiteral(
                "INSERT INTO `kafka_orders__invalid`\nSELECT `uis_position`, `uis_reason`\nFROM "
                "`kafka_orders__checked`\nWHERE `uis_reason` IS NOT NULL;\n\nEND;");
            QVERIFY2(c.sql.contains(insert), qPrintable(c.sql));
            QVERIFY(c.sql.indexOf(QStringLiteral("INSERT INTO `out`")) <
                    c.sql.indexOf(QStringLiteral("INSERT INTO `kafka_orders__invalid`")));
        }
        // fail: the first poison record ends the job; nothing to count.
        QVERIFY(!compile(spec("fail")).sql.contains(QStringLiteral("__invalid")));
    }

    void oneTimestampRule()
    {
        const QString e = FlinkRelation::parsedTimeExpression(QStringLiteral("x"));
        // epoch milliseconds, ISO-8601 with Z / +02:00 / +0200 (T or a space, any fraction),
        // and without a zone.
        QVERIFY(e.contains(QStringLiteral("'^-?[0-9]{1,18}$'")));
        QVERIFY(e.contains(QStringLiteral("([.][0-9]+)?(Z|[+-][0-9]{2}:?[0-9]{2})$'")));
        QVERIFY(e.contains(QStringLiteral("REGEXP(x, '[+-][0-9]{4}$')")));
        QVERIFY(e.contains(QStringLiteral("THEN 'yyyy-MM-dd''T''HH:mm:ssXX' ELSE")));
        QVERIFY(e.contains(QStringLiteral("REGEXP_EXTRACT(x, '[.]([0-9]{1,3})', 1)")));
    }
};

QTEST_GUILESS_MAIN(TestFlinkPoison)
#include "tst_flinkpoison.moc"
