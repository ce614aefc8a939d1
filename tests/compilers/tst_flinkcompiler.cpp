// SPDX-License-Identifier: Apache-2.0
// The Flink mapping rules of docs/COMPILERS.md, one test per rule, and the seed keys that Flink
// does not accept.
#include "compilertest.h"

#include "flink/flinkcompiler.h"
#include "pipelinecompiler.h"

using namespace uis;
using namespace uis::test;

namespace {

QByteArray data(const char *name)
{
    return readFile(
        sourcePath(QStringLiteral("tests/compilers/data/") + QString::fromLatin1(name)));
}

QByteArray templ(const char *name)
{
    return readFile(sourcePath(QStringLiteral("resources/templates/") + QString::fromLatin1(name)));
}

struct Compiled
{
    LoadedSpec loaded;
    CompileResult result;
    QString sql;
    OrderedJson job;
    QStringList argv;
};

Compiled compileFlink(const QByteArray &yaml, const CompileOptions &o = {})
{
    Compiled c;
    c.loaded = loadYaml(yaml);
    c.result = FlinkCompiler::compile(c.loaded, o);
    c.sql = artifactText(c.result, QStringLiteral("flink-sql"));
    c.job = artifactJson(c.result, QStringLiteral("flink-job"));
    c.argv = FlinkCompiler::runArgs(c.loaded.spec, o);
    return c;
}

QByteArray allText(const CompileResult &r)
{
    QByteArray all;
    for (const Artifact &a : r.artifacts)
        all += a.content;
    return all;
}

const Diagnostic *find(const DiagnosticList &d, const QString &code)
{
    for (const Diagnostic &x : d) {
        if (x.code == code)
            return &x;
    }
    return nullptr;
}

} // namespace

class TestFlinkCompiler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compiles()
    {
        for (const QByteArray &y :
             {data("flink-kafka.uis.yaml"), data("flink-cdc.uis.yaml"),
              data("flink-webhook.uis.yaml"), templ("kafka-dedupe-window.uis.yaml"),
              templ("websocket-to-kafka.uis.yaml"), templ("postgres-cdc-to-iceberg.uis.yaml")}) {
            const Compiled c = compileFlink(y);
            QVERIFY2(c.loaded.valid(), qPrintable(diagnosticsText(c.loaded.diagnostics)));
            QVERIFY2(c.result.succeeded(), qPrintable(diagnosticsText(c.result.diagnostics)));
            QCOMPARE(c.result.artifacts.size(), 3);
            QCOMPARE(c.result.artifact(QStringLiteral("flink-sql"))->language,
                     QStringLiteral("sql"));
            QVERIFY(c.sql.endsWith(QLatin1Char('\n')));
            // The flink-job carries the same script for the runner.
            QCOMPARE(js(c.job["sql"]), c.sql);
        }
    }

    /// Seed rows: `state.backend` → `state.backend.type`, `state.checkpointing.mode` →
    /// `execution.checkpointing.mode`, and no Kafka servers in Flink's own configuration.
    void flinkConfigKeys()
    {
        const Compiled c = compileFlink(data("flink-kafka.uis.yaml"));
        const OrderedJson f = c.job["flink_config"];
        QCOMPARE(js(f["taskmanager.memory.process.size"]), QStringLiteral("4g"));
        QCOMPARE(js(f["taskmanager.numberOfTaskSlots"]), QStringLiteral("2"));
        QCOMPARE(js(f["parallelism.default"]), QStringLiteral("3"));
        QCOMPARE(js(f["state.backend.type"]), QStringLiteral("rocksdb"));
        QCOMPARE(js(f["execution.checkpointing.interval"]), QStringLiteral("20s"));
        QCOMPARE(js(f["execution.checkpointing.mode"]), QStringLiteral("EXACTLY_ONCE"));
        QCOMPARE(js(f["execution.checkpointing.timeout"]), QStringLiteral("5min"));
        QCOMPARE(js(f["execution.checkpointing.externalized-checkpoint-retention"]),
                 QStringLiteral("RETAIN_ON_CANCELLATION"));
        QCOMPARE(js(f["execution.checkpointing.dir"]), QStringLiteral("s3://ckpt/flink-kafka"));
        QCOMPARE(js(f["execution.checkpointing.savepoint-dir"]),
                 QStringLiteral("s3://ckpt/flink-kafka-savepoints"));
        QCOMPARE(js(f["restart-strategy.type"]), QStringLiteral("exponential-delay"));
        QCOMPARE(js(f["metrics.reporter.prom.factory.class"]),
                 QStringLiteral("org.apache.flink.metrics.prometheus.PrometheusReporterFactory"));
        QCOMPARE(js(f["metrics.reporter.prom.port"]), QStringLiteral("9249"));
        QCOMPARE(js(f["table.exec.source.idle-timeout"]),
                 QStringLiteral("30 s")); // dotted: verbatim
        for (auto it = f.begin(); it != f.end(); ++it) {
            QVERIFY2(it.value().is_string(), it.key().c_str());
            QVERIFY2(it.key() != "state.backend" && it.key() != "state.checkpointing.mode" &&
                         it.key().find("bootstrap") == std::string::npos,
                     it.key().c_str());
        }
        // hashmap when asked; the default interval is 60 s.
        const OrderedJson t =
            compileFlink(templ("kafka-dedupe-window.uis.yaml")).job["flink_config"];
        QCOMPARE(js(t["state.backend.type"]), QStringLiteral("hashmap"));
        QCOMPARE(js(compileFlink(data("flink-webhook.uis.yaml"))
                        .job["flink_config"]["execution.checkpointing.interval"]),
                 QStringLiteral("1min"));
        // None of the seed's rejected keys appears anywhere, in any Flink artifact.
        for (const QByteArray &y :
             {data("flink-kafka.uis.yaml"), templ("websocket-to-kafka.uis.yaml")}) {
            const QByteArray all = allText(compileFlink(y).result);
            QVERIFY(!all.contains("state.checkpointing.mode"));
            QVERIFY(!all.contains("\"state.backend\""));
            QVERIFY(!all.contains("'state.backend'"));
            QVERIFY(!all.contains("kafka.bootstrap.servers"));
            QVERIFY(all.contains("execution.checkpointing.mode"));
            QVERIFY(all.contains("state.backend.type"));
        }
    }

    void stateManagementAndMonitoring()
    {
        const OrderedJson j = compileFlink(templ("kafka-dedupe-window.uis.yaml")).job;
        QCOMPARE(js(j["job_type"]), QStringLiteral("streaming"));
        QCOMPARE(js(j["state_management"]["backend"]), QStringLiteral("hashmap"));
        JCOMPARE(j["state_management"]["checkpoint_config"]["interval_ms"], 30000);
        JCOMPARE(j["state_management"]["checkpoint_config"]["timeout_ms"], 300000);
        QCOMPARE(js(j["state_management"]["checkpoint_config"]["mode"]),
                 QStringLiteral("EXACTLY_ONCE"));
        JCOMPARE(j["state_management"]["state_ttl"]["time_ms"], 600000); // dedupe within 10 minutes
        JCOMPARE(j["monitoring"]["metrics_enabled"], true);
        QCOMPARE(js(j["monitoring"]["metrics_prefix"]),
                 QStringLiteral("uis.click-session-metrics"));
        JCOMPARE(j["monitoring"]["prometheus"]["port"], 9249);
        const OrderedJson k = compileFlink(data("flink-kafka.uis.yaml")).job;
        QCOMPARE(js(k["state_management"]["savepoint_config"]["dir"]),
                 QStringLiteral("s3://ckpt/flink-kafka-savepoints"));
        QVERIFY(k["connector_jars"].dump().find(
                    "org.apache.flink:flink-sql-connector-kafka:3.3.0-1.20") != std::string::npos);
        QVERIFY(k["connector_jars"].dump().find(
                    "org.apache.iceberg:iceberg-flink-runtime-1.20:1.7.1") != std::string::npos);
        QVERIFY(k["connector_jars"].dump().find("org.apache.flink:flink-sql-parquet:1.20.1") !=
                std::string::npos);
    }

    void setStatements()
    {
        const QString sql = compileFlink(templ("kafka-dedupe-window.uis.yaml")).sql;
        QVERIFY(
            sql.contains(QStringLiteral("SET 'pipeline.name' = 'uis-click-session-metrics';\n")));
        QVERIFY(sql.contains(QStringLiteral("SET 'execution.runtime-mode' = 'streaming';\n")));
        QVERIFY(sql.contains(QStringLiteral("SET 'parallelism.default' = '2';\n")));
        QVERIFY(sql.contains(QStringLiteral("SET 'execution.checkpointing.interval' = '30s';\n")));
        QVERIFY(
            sql.contains(QStringLiteral("SET 'execution.checkpointing.mode' = 'EXACTLY_ONCE';\n")));
        QVERIFY(sql.contains(QStringLiteral("SET 'state.backend.type' = 'hashmap';\n")));
        // Dedupe state lives as long as `within`.
        QVERIFY(sql.contains(QStringLiteral("SET 'table.exec.state.ttl' = '10min';\n")));
        // Stable operator uids, so an added sink keeps the job's state.
        QVERIFY(sql.contains(QStringLiteral("SET 'table.exec.uid.generation' = 'ALWAYS';\n")));
        QVERIFY(sql.contains(
            QStringLiteral("SET 'table.exec.uid.format' = '<id>_<transformation>';\n")));
        // Cluster-level options are not SET in a script (they go to flink run -D).
        QVERIFY(!sql.contains(QStringLiteral("SET 'metrics.")));
        QVERIFY(!compileFlink(data("flink-kafka.uis.yaml"))
                     .sql.contains(QStringLiteral("SET 'taskmanager.")));
    }

    void typedDdlFromSchema()
    {
        // A Kafka JSON source is typed in its `__checked` view (tst_flinkpoison has the shape).
        const QString sql = compileFlink(data("flink-kafka.uis.yaml")).sql;
        const QString ddl =
            sqlStatement(sql, QStringLiteral("CREATE TEMPORARY VIEW `kafka_views__checked`"));
        QVERIFY(ddl.contains(QStringLiteral("`view_id__text` AS `view_id`")));
        QVERIFY(ddl.contains(QStringLiteral("THEN TRY_CAST(`user_id__text` AS BIGINT) END AS "
                                            "`user_id`")));
        QVERIFY(
            ddl.contains(QStringLiteral("TRY_CAST(`price__text` AS DECIMAL(8, 2)) AS `price`")));
        QVERIFY(ddl.contains(QStringLiteral("TRY_CAST(`ok__text` AS BOOLEAN) AS `ok`")));
        QVERIFY(ddl.contains(QStringLiteral("TRY_CAST(`day__text` AS DATE) AS `day`")));
        QVERIFY(ddl.contains(QStringLiteral("`ts__time` AS `ts`")));
        QVERIFY(sql.contains(
            QStringLiteral("WATERMARK FOR `ts__time` AS `ts__time` - INTERVAL '3' SECOND")));
        const QString cdc =
            sqlStatement(compileFlink(templ("postgres-cdc-to-iceberg.uis.yaml")).sql,
                         QStringLiteral("CREATE TABLE `cdc_orders`"));
        QVERIFY(cdc.contains(QStringLiteral("  `id` BIGINT NOT NULL,\n")));
        QVERIFY(cdc.contains(QStringLiteral("  `amount` DECIMAL(10, 2),\n")));
    }

    void noSchemaIsOneRawColumn()
    {
        const Compiled c = compileFlink(data("flink-webhook.uis.yaml"));
        const QString ddl = sqlStatement(c.sql, QStringLiteral("CREATE TABLE `webhook_orders`"));
        QVERIFY(ddl.contains(QStringLiteral("(\n  `data` STRING\n)")));
        QVERIFY(ddl.contains(QStringLiteral("'format' = 'raw'")));
        QVERIFY(hasCode(c.result.diagnostics, QStringLiteral("UIS-I-FLINK-RAW")));
        // Raw records are written back unchanged, not wrapped in JSON.
        QVERIFY(sqlStatement(c.sql, QStringLiteral("CREATE TABLE `raw_out`"))
                    .contains(QStringLiteral("'format' = 'raw'")));
    }

    /// The watermark follows the field_mapping back to the source column it renames.
    void watermarkOnRenamedColumn()
    {
        const Compiled c = compileFlink(templ("websocket-to-kafka.uis.yaml"));
        const QString ddl =
            sqlStatement(c.sql, QStringLiteral("CREATE TABLE `websocket_market_ticks`"));
        QVERIFY(ddl.contains(QStringLiteral("`uis_raw` STRING,\n")));
        QVERIFY(ddl.contains(QStringLiteral(
            "WATERMARK FOR `timestamp__time` AS `timestamp__time` - INTERVAL '5' SECOND")));
        QVERIFY(c.sql.contains(
            QStringLiteral("SELECT `timestamp` AS `event_time`, `symbol` AS `ticker`")));
        const OrderedJson wm = c.job["transforms"][1];
        QCOMPARE(js(wm["type"]), QStringLiteral("watermark"));
        QCOMPARE(js(wm["timestamp_column"]), QStringLiteral("event_time"));
        JCOMPARE(wm["max_out_of_orderness_ms"], 5000);
        // Without a watermark transform the window's own `watermark` applies.
        QVERIFY(compileFlink(templ("kafka-dedupe-window.uis.yaml"))
                    .sql.contains(QStringLiteral(
                        "WATERMARK FOR `event_time__time` AS `event_time__time` - INTERVAL '10' "
                        "SECOND")));
    }

    void watermarkErrors()
    {
        QByteArray notTs = templ("websocket-to-kafka.uis.yaml");
        notTs.replace("{ name: timestamp, type: timestamp, nullable: false }",
                      "{ name: timestamp, type: long, nullable: false }");
        const Compiled a = compileFlink(notTs);
        QVERIFY(!a.result.succeeded());
        QVERIFY(a.result.artifacts.isEmpty());
        const Diagnostic *d = find(a.result.diagnostics, QStringLiteral("UIS-E-FLINK-TIME-COLUMN"));
        QVERIFY(d);
        QVERIFY(d->message.contains(QStringLiteral("type: timestamp")));
        QCOMPARE(d->pointer, QStringLiteral("/provider/transforms/0/time_column"));
        QVERIFY(d->line > 0);
        QByteArray missing = templ("websocket-to-kafka.uis.yaml");
        missing.replace("time_column: event_time", "time_column: nope");
        QVERIFY(hasCode(compileFlink(missing).result.diagnostics,
                        QStringLiteral("UIS-E-FLINK-TIME-COLUMN")));
    }

    void dedupeAndTumblingWindow()
    {
        const QString sql = compileFlink(templ("kafka-dedupe-window.uis.yaml")).sql;
        const QString dedupe =
            sqlStatement(sql, QStringLiteral("CREATE TEMPORARY VIEW `unique_clicks`"));
        // It feeds a window only: the first row by event time (as Spark keeps it).
        QVERIFY(dedupe.contains(QStringLiteral(
            "ROW_NUMBER() OVER (PARTITION BY `event_id` ORDER BY `event_time` ASC)")));
        QVERIFY(!dedupe.contains(QStringLiteral("PROCTIME()")));
        QVERIFY(dedupe.contains(QStringLiteral("WHERE `uis_row_num` = 1")));
        // Straight into a sink a stream keeps the first row to arrive (insert-only).
        QByteArray direct = templ("kafka-dedupe-window.uis.yaml");
        direct.replace("  sinks:\n", "  sinks:\n    - { name: raw_out, type: console, inputs: "
                                     "[unique_clicks] }\n");
        const QString d2 = sqlStatement(compileFlink(direct).sql,
                                        QStringLiteral("CREATE TEMPORARY VIEW `unique_clicks`"));
        QVERIFY2(d2.contains(QStringLiteral("ORDER BY `uis_proctime` ASC")), qPrintable(d2));
        QVERIFY(
            dedupe.startsWith(QStringLiteral("CREATE TEMPORARY VIEW `unique_clicks` AS\nSELECT "
                                             "`event_id`, `page`, `duration`, `event_time`\n")));
        const QString window =
            sqlStatement(sql, QStringLiteral("CREATE TEMPORARY VIEW `per_minute`"));
        QVERIFY(
            window.contains(QStringLiteral("TABLE(\n  TUMBLE(TABLE `unique_clicks`, "
                                           "DESCRIPTOR(`event_time`), INTERVAL '1' MINUTE)\n)")));
        QVERIFY(window.contains(QStringLiteral("GROUP BY `window_start`, `window_end`, `page`")));
        QVERIFY(window.contains(
            QStringLiteral("count(*) AS `clicks`, avg(duration) AS `avg_duration`")));
    }

    void hoppingWindowAndTypes()
    {
        const QString sql = compileFlink(data("flink-kafka.uis.yaml")).sql;
        QVERIFY(sql.contains(QStringLiteral(
            "HOP(TABLE `recent`, DESCRIPTOR(`ts`), INTERVAL '10' SECOND, INTERVAL '1' MINUTE)")));
        const QString sink = sqlStatement(sql, QStringLiteral("CREATE TABLE `hop_out`"));
        QVERIFY(sink.contains(QStringLiteral("  `views` BIGINT,\n")));
        QVERIFY(sink.contains(QStringLiteral("  `total_ms` INT,\n"))); // sum of the validated INT
        QVERIFY(sink.contains(QStringLiteral("  `last_user` BIGINT\n")));
    }

    void schemaValidationAndFilter()
    {
        const QString sql = compileFlink(data("flink-kafka.uis.yaml")).sql;
        const QString v = sqlStatement(sql, QStringLiteral("CREATE TEMPORARY VIEW `valid`"));
        QVERIFY(v.contains(QStringLiteral("TRY_CAST(`ms` AS INT) AS `ms`")));
        QVERIFY(v.contains(QStringLiteral("(`ms` IS NULL OR TRY_CAST(`ms` AS INT) IS NOT NULL)")));
        QVERIFY(v.contains(QStringLiteral("`page` IS NOT NULL")));
        const QString f = sqlStatement(sql, QStringLiteral("CREATE TEMPORARY VIEW `recent`"));
        QVERIFY(f.contains(QStringLiteral("FROM `valid`\nWHERE user_id > 0;")));
    }

    /// One INSERT per sink; several are wrapped in EXECUTE STATEMENT SET.
    void insertsAndStatementSet()
    {
        const QString many = compileFlink(data("flink-kafka.uis.yaml")).sql;
        // six sinks and the poison count of the checked source (tst_flinkpoison)
        QCOMPARE(many.count(QStringLiteral("INSERT INTO ")), 7);
        QCOMPARE(many.count(QStringLiteral("__invalid`\nSELECT")), 1);
        QVERIFY(many.contains(QStringLiteral("EXECUTE STATEMENT SET\nBEGIN\n")));
        QVERIFY(many.endsWith(QStringLiteral("END;\n")));
        // One sink of a checked source: its INSERT, then the poison count's, in one job.
        const QString one = compileFlink(templ("kafka-dedupe-window.uis.yaml")).sql;
        QCOMPARE(one.count(QStringLiteral("INSERT INTO ")), 2);
        QVERIFY(one.contains(
            QStringLiteral("EXECUTE STATEMENT SET\nBEGIN\n\nINSERT INTO `metrics_out`\nSELECT "
                           "`window_start`, `window_end`, `page`, `clicks`, `avg_duration`\nFROM "
                           "`per_minute`;\n\nINSERT INTO `kafka_clicks__invalid`")));
        // A source read by its format (no checks): one INSERT, no statement set.
        QByteArray avro = templ("kafka-dedupe-window.uis.yaml");
        avro.replace("format: json", "format: avro");
        const QString single = compileFlink(avro).sql;
        QCOMPARE(single.count(QStringLiteral("INSERT INTO ")), 1);
        QVERIFY(!single.contains(QStringLiteral("STATEMENT SET")));
    }

    void kafkaSourceOptions()
    {
        const QString ddl = sqlStatement(compileFlink(templ("kafka-dedupe-window.uis.yaml")).sql,
                                         QStringLiteral("CREATE TABLE `kafka_clicks`"));
        for (const char *opt : {"'connector' = 'kafka'", "'topic' = 'clicks'",
                                "'properties.bootstrap.servers' = 'localhost:9092'",
                                "'properties.group.id' = 'click-metrics'",
                                "'scan.startup.mode' = 'earliest-offset'", "'format' = 'raw'"})
            QVERIFY2(ddl.contains(QLatin1String(opt)), opt);
        QByteArray latest = templ("kafka-dedupe-window.uis.yaml");
        latest.replace("starting_offsets: earliest", "starting_offsets: latest");
        QVERIFY(compileFlink(latest).sql.contains(
            QStringLiteral("'scan.startup.mode' = 'latest-offset'")));
        latest.replace("      starting_offsets: latest\n", "");
        const QString group = compileFlink(latest).sql;
        QVERIFY(group.contains(QStringLiteral("'scan.startup.mode' = 'group-offsets'")));
        QVERIFY(group.contains(QStringLiteral("'properties.auto.offset.reset' = 'latest'")));
    }

    void kafkaSinkOptions()
    {
        const QString sql = compileFlink(templ("websocket-to-kafka.uis.yaml")).sql;
        const QString ddl = sqlStatement(sql, QStringLiteral("CREATE TABLE `processed_ticks`"));
        for (const char *opt :
             {"'connector' = 'kafka'", "'topic' = 'processed-ticks'",
              "'properties.bootstrap.servers' = 'kafka:9092'", "'key.format' = 'raw'",
              "'key.fields' = 'ticker'", "'value.format' = 'json'",
              "'sink.delivery-guarantee' = 'exactly-once'",
              "'sink.transactional-id-prefix' = 'uis-realtime-analytics-processed_ticks'",
              "'properties.transaction.timeout.ms' = '900000'"})
            QVERIFY2(ddl.contains(QLatin1String(opt)), opt);
        QVERIFY(!ddl.contains(QStringLiteral("'format' =")));
        // Not transactional: at-least-once; a non-string key is written as JSON.
        const QString hop = sqlStatement(compileFlink(data("flink-kafka.uis.yaml")).sql,
                                         QStringLiteral("CREATE TABLE `hop_out`"));
        QVERIFY(hop.contains(QStringLiteral("'sink.delivery-guarantee' = 'at-least-once'")));
        QVERIFY(!hop.contains(QStringLiteral("transactional-id")));
        QByteArray keyed = data("flink-kafka.uis.yaml");
        keyed.replace("kafka_key_field: page", "kafka_key_field: views");
        QVERIFY(sqlStatement(compileFlink(keyed).sql, QStringLiteral("CREATE TABLE `hop_out`"))
                    .contains(QStringLiteral("'key.format' = 'json'")));
        keyed.replace("kafka_key_field: views", "kafka_key_field: nope");
        // The window aggregate before the sink drops every other column: the validator says so.
        QVERIFY(hasCode(compileFlink(keyed).result.diagnostics,
                        QStringLiteral("UIS-E-KEY-FIELD-DROPPED")));
    }

    /// An updating stream (GROUP BY, CDC) goes to upsert-kafka with a primary key.
    void upsertKafka()
    {
        const QString sql = compileFlink(data("flink-kafka.uis.yaml")).sql;
        const QString ddl = sqlStatement(sql, QStringLiteral("CREATE TABLE `totals_out`"));
        for (const char *opt :
             {"'connector' = 'upsert-kafka'", "'key.format' = 'json'", "'value.format' = 'json'",
              "PRIMARY KEY (`page`) NOT ENFORCED", "'properties.bootstrap.servers' = 'other:9092'"})
            QVERIFY2(ddl.contains(QLatin1String(opt)), opt);
        const QString cdc = compileFlink(data("flink-cdc.uis.yaml")).sql;
        QVERIFY(sqlStatement(cdc, QStringLiteral("CREATE TABLE `changes`"))
                    .contains(QStringLiteral("PRIMARY KEY (`id`) NOT ENFORCED")));
        // With no key anywhere the compiler says what to add.
        QByteArray nokey = data("flink-cdc.uis.yaml");
        nokey.replace("      config: { primary_key: [id] }\n", "");
        const Compiled c = compileFlink(nokey);
        const Diagnostic *d = find(c.result.diagnostics, QStringLiteral("UIS-E-FLINK-KEY"));
        QVERIFY(d);
        QVERIFY(d->message.contains(QStringLiteral("primary_key")));
    }

    void postgresCdcOptions()
    {
        const Compiled c = compileFlink(templ("postgres-cdc-to-iceberg.uis.yaml"));
        const QString ddl = sqlStatement(c.sql, QStringLiteral("CREATE TABLE `cdc_orders`"));
        for (const char *opt :
             {"'connector' = 'postgres-cdc'", "'hostname' = 'localhost'", "'port' = '5432'",
              "'username' = '{{env.PGUSER}}'", "'password' = '{{secret.shop:pg_password}}'",
              "'database-name' = 'shop'", "'schema-name' = 'public'", "'table-name' = 'orders'",
              "'slot.name' = 'uis_orders'", "'decoding.plugin.name' = 'pgoutput'",
              "'scan.startup.mode' = 'initial'", "PRIMARY KEY (`id`) NOT ENFORCED"})
            QVERIFY2(ddl.contains(QLatin1String(opt)), opt);
        const OrderedJson s = c.job["sources"][0];
        QCOMPARE(js(s["type"]), QStringLiteral("cdc"));
        QCOMPARE(js(s["connector"]), QStringLiteral("postgres-cdc"));
        QCOMPARE(js(s["password"]), QStringLiteral("{{secret.shop:pg_password}}"));
    }

    void mysqlCdcOptions()
    {
        const Compiled c = compileFlink(data("flink-cdc.uis.yaml"));
        const QString ddl = sqlStatement(c.sql, QStringLiteral("CREATE TABLE `cdc_customers`"));
        for (const char *opt : {"'connector' = 'mysql-cdc'", "'port' = '3306'",
                                "'table-name' = '(customers|customers_archive)'",
                                "'scan.startup.mode' = 'latest-offset'"})
            QVERIFY2(ddl.contains(QLatin1String(opt)), opt);
        QVERIFY(!ddl.contains(QStringLiteral("slot.name")));
        QVERIFY(!ddl.contains(QStringLiteral("schema-name")));
        QVERIFY(hasCode(c.result.diagnostics, QStringLiteral("UIS-W-FLINK-CDC-KEY")));
        QVERIFY(c.job["connector_jars"].dump().find("flink-sql-connector-mysql-cdc:3.3.0") !=
                std::string::npos);
    }

    void icebergCatalogAndTable()
    {
        const Compiled c = compileFlink(data("flink-kafka.uis.yaml"));
        const QString cat = sqlStatement(c.sql, QStringLiteral("CREATE CATALOG `lake`"));
        for (const char *opt : {"'type' = 'iceberg'", "'catalog-type' = 'rest'",
                                "'uri' = 'http://rest:8181'", "'warehouse' = 's3a://wh/'"})
            QVERIFY2(cat.contains(QLatin1String(opt)), opt);
        QVERIFY(c.sql.contains(QStringLiteral("CREATE DATABASE IF NOT EXISTS `lake`.`web`;")));
        const QString table =
            sqlStatement(c.sql, QStringLiteral("CREATE TABLE IF NOT EXISTS `lake`.`web`.`hops`"));
        // Identity partitions only: the transform is left out with a warning.
        QVERIFY(table.contains(QStringLiteral(") PARTITIONED BY (`page`) WITH (")));
        const Diagnostic *d = find(c.result.diagnostics, QStringLiteral("UIS-W-FLINK-PARTITION"));
        QVERIFY(d);
        QCOMPARE(d->pointer, QStringLiteral("/provider/sinks/3/partition_by/1"));
        QVERIFY(c.sql.contains(QStringLiteral("INSERT INTO `lake`.`web`.`hops`\nSELECT")));
        // A changelog becomes an upsert table keyed by the source's key.
        const QString cdc =
            sqlStatement(compileFlink(templ("postgres-cdc-to-iceberg.uis.yaml")).sql,
                         QStringLiteral("CREATE TABLE IF NOT EXISTS `lake`.`shop`.`orders`"));
        QVERIFY(cdc.contains(QStringLiteral("'write.upsert.enabled' = 'true'")));
        QVERIFY(cdc.contains(QStringLiteral("'format-version' = '2'")));
        QVERIFY(cdc.contains(QStringLiteral("PRIMARY KEY (`id`) NOT ENFORCED")));
    }

    void parquetAndConsoleSinks()
    {
        const QString sql = compileFlink(data("flink-kafka.uis.yaml")).sql;
        const QString files = sqlStatement(sql, QStringLiteral("CREATE TABLE `files`"));
        for (const char *opt : {"'connector' = 'filesystem'", "'path' = 's3a://landing/views'",
                                "'format' = 'parquet'", "'parquet.compression' = 'UNCOMPRESSED'",
                                "PARTITIONED BY (`day`)"})
            QVERIFY2(files.contains(QLatin1String(opt)), opt);
        QVERIFY(sqlStatement(sql, QStringLiteral("CREATE TABLE `screen`"))
                    .contains(QStringLiteral("'connector' = 'print'")));
        // Files only append: an updating input is refused.
        QByteArray bad = data("flink-kafka.uis.yaml");
        bad.replace("      inputs: [recent]\n      partition_by: [day]", "      inputs: [totals]");
        QVERIFY(
            hasCode(compileFlink(bad).result.diagnostics, QStringLiteral("UIS-E-FLINK-CHANGELOG")));
    }

    /// Seed row: there is no ClickHouse connector in Apache Flink: the community connector's
    /// options, and a warning naming the jar.
    void clickhouseWarning()
    {
        const Compiled c = compileFlink(data("flink-kafka.uis.yaml"));
        const QString ddl = sqlStatement(c.sql, QStringLiteral("CREATE TABLE `ch`"));
        for (const char *opt :
             {"'connector' = 'clickhouse'", "'url' = 'clickhouse://ch:8123'",
              "'database-name' = 'web'", "'table-name' = 'views'", "'username' = 'loader'",
              "'password' = '{{secret.ch:pw}}'", "'sink.batch-size' = '1000'",
              "'sink.flush-interval' = '1s'", "'sink.max-retries' = '3'"})
            QVERIFY2(ddl.contains(QLatin1String(opt)), opt);
        const Diagnostic *d = find(c.result.diagnostics, QStringLiteral("UIS-W-FLINK-CLICKHOUSE"));
        QVERIFY(d);
        QCOMPARE(d->severity, Severity::Warning);
        QVERIFY(d->message.contains(QStringLiteral("flink-connector-clickhouse")));
        QVERIFY(c.sql.contains(QStringLiteral(
            "-- sink ch: ClickHouse table web.views through the community connector")));
    }

    /// Seed row: `'connector' = 'websocket'` does not exist; the Kafka bridge does.
    void websocketKafkaBridge()
    {
        const Compiled c = compileFlink(templ("websocket-to-kafka.uis.yaml"));
        QVERIFY(!c.sql.contains(QStringLiteral("'connector' = 'websocket'")));
        const QString ddl =
            sqlStatement(c.sql, QStringLiteral("CREATE TABLE `websocket_market_ticks`"));
        QVERIFY(ddl.contains(QStringLiteral("'connector' = 'kafka'")));
        QVERIFY(ddl.contains(QStringLiteral("'topic' = 'uis.realtime-analytics.market_ticks'")));
        QVERIFY(c.sql.contains(QStringLiteral("-- Flink has no WebSocket connector")));
        const Diagnostic *d = find(c.result.diagnostics, QStringLiteral("UIS-I-KAFKA-BRIDGE"));
        QVERIFY(d);
        QCOMPARE(d->severity, Severity::Info);
        QCOMPARE(d->pointer, QStringLiteral("/provider/endpoints/0"));
        // flink-job keeps the WebSocket description for the bridge.
        const OrderedJson s = c.job["sources"][0];
        QCOMPARE(js(s["type"]), QStringLiteral("websocket"));
        QCOMPARE(js(s["url"]), QStringLiteral("wss://api.marketdata.com/ws/ticks"));
        JCOMPARE(s["reconnect_config"]["max_attempts"], 10);
        JCOMPARE(s["reconnect_config"]["backoff_multiplier"], 2.0);
        JCOMPARE(s["heartbeat"]["interval_ms"], 30000);
        QCOMPARE(js(s["bridge"]["topic"]), QStringLiteral("uis.realtime-analytics.market_ticks"));
        QCOMPARE(js(s["bridge"]["bootstrap_servers"]), QStringLiteral("kafka:9092"));
        // config.bridge_topic overrides (suffixed per endpoint when there are several).
        const Compiled w = compileFlink(data("flink-webhook.uis.yaml"));
        QVERIFY(w.sql.contains(QStringLiteral("'topic' = 'hooks.in.orders'")));
        QVERIFY(w.sql.contains(QStringLiteral("'topic' = 'hooks.in.refunds'")));
        QVERIFY(w.sql.contains(QStringLiteral("UNION ALL")));
        QCOMPARE(js(w.job["sources"][0]["secret_header"]), QStringLiteral("X-Signature"));
        // The bridge needs Kafka.
        QByteArray nobroker = data("flink-webhook.uis.yaml");
        nobroker.replace("    kafka_bootstrap_servers: \"k:9092\"\n", "");
        nobroker.replace("      type: kafka\n      kafka_topic: hooks-raw\n",
                         "      type: console\n");
        // The validator reports it (an engine-independent rule: these sources run on Flink only).
        QVERIFY(hasCode(compileFlink(nobroker).result.diagnostics,
                        QStringLiteral("UIS-E-BRIDGE-BOOTSTRAP")));
    }

    /// Seed row: `flink run` has no `--job-name`; the name is `-Dpipeline.name`.
    void runArgv()
    {
        const Compiled c = compileFlink(templ("websocket-to-kafka.uis.yaml"));
        const QStringList &a = c.argv;
        QCOMPARE(a.mid(0, 7),
                 (QStringList{QStringLiteral("flink"), QStringLiteral("run"), QStringLiteral("-t"),
                              QStringLiteral("kubernetes-session"), QStringLiteral("-p"),
                              QStringLiteral("4"), QStringLiteral("-d")}));
        QCOMPARE(a.value(7), QStringLiteral("-Dpipeline.name=uis-realtime-analytics"));
        QVERIFY(!a.contains(QStringLiteral("--job-name")));
        QVERIFY(!a.join(QLatin1Char(' ')).contains(QStringLiteral("--jobmanager")));
        const OrderedJson f = c.job["flink_config"];
        for (auto it = f.begin(); it != f.end(); ++it)
            QVERIFY(
                a.contains(QStringLiteral("-D") +
                           QString::fromStdString(it.key() + "=" + it.value().get<std::string>())));
        QVERIFY(a.contains(QStringLiteral("-Dkubernetes.namespace=trading-platform")));
        QCOMPARE(a.mid(a.size() - 4),
                 (QStringList{QStringLiteral("-py"),
                              QStringLiteral("/opt/uis/runners/flink/uis_flink_runner.py"),
                              QStringLiteral("--job-config"),
                              QStringLiteral("/opt/uis/jobs/realtime-analytics.json")}));
        QCOMPARE(artifactText(c.result, QStringLiteral("flink-run")).count(QLatin1Char('\n')), 1);
        // Other targets and paths.
        CompileOptions o;
        o.flinkTarget = QStringLiteral("local");
        o.jobConfigPath = QStringLiteral("/tmp/j.json");
        QStringList local = FlinkCompiler::runArgs(c.loaded.spec, o);
        QCOMPARE(local.value(3), QStringLiteral("local"));
        QVERIFY(!local.join(QLatin1Char(' ')).contains(QStringLiteral("kubernetes.")));
        QCOMPARE(
            local.mid(local.size() - 4),
            (QStringList{QStringLiteral("-py"), QStringLiteral("runners/flink/uis_flink_runner.py"),
                         QStringLiteral("--job-config"), QStringLiteral("/tmp/j.json")}));
        o.flinkTarget = QStringLiteral("kubernetes-application");
        QVERIFY(FlinkCompiler::runArgs(c.loaded.spec, o)
                    .contains(QStringLiteral("-Dkubernetes.cluster-id=uis-realtime-analytics")));
        QVERIFY(hasCode(c.result.diagnostics, QStringLiteral("UIS-I-FLINK-SESSION")));
    }

    /// A sql transform's SELECT list gives its columns; a column passed through keeps its
    /// origin and its event time, so a window can follow.
    void sqlTransformShape()
    {
        const Compiled c = compileFlink(data("flink-sql-window.uis.yaml"));
        QVERIFY2(c.result.succeeded(), qPrintable(diagnosticsText(c.result.diagnostics)));
        QVERIFY(c.sql.contains(
            QStringLiteral("WATERMARK FOR `ts__time` AS `ts__time` - INTERVAL '5' SECOND")));
        QVERIFY(c.sql.contains(QStringLiteral(
            "CREATE TEMPORARY VIEW `views` AS\nSELECT * FROM `kafka_views_parsed`;")));
        QVERIFY(c.sql.contains(
            QStringLiteral("TUMBLE(TABLE `picked`, DESCRIPTOR(`event_ts`), INTERVAL '1' MINUTE)")));
        // `sum(doubled)` has no known type: it is written as STRING, with a warning.
        QVERIFY(sqlStatement(c.sql, QStringLiteral("CREATE TABLE `out`"))
                    .contains(QStringLiteral("  `s` STRING\n")));
        QVERIFY(c.sql.contains(QStringLiteral("CAST(`s` AS STRING) AS `s`")));
        QVERIFY(hasCode(c.result.diagnostics, QStringLiteral("UIS-W-FLINK-TYPE")));
        // A GROUP BY ends event time: a window after it is refused with a reason.
        QByteArray grouped = data("flink-sql-window.uis.yaml");
        grouped.replace("WHERE user_id > 0\"", "GROUP BY v.page, `ts`\"");
        grouped.replace("user_id * 2 AS doubled", "COUNT(*) AS doubled");
        const Compiled g = compileFlink(grouped);
        QVERIFY2(g.loaded.valid(), qPrintable(diagnosticsText(g.loaded.diagnostics)));
        QVERIFY(hasCode(g.result.diagnostics, QStringLiteral("UIS-E-FLINK-TIME-COLUMN")));
    }

    void restSinkIsRefused()
    {
        QByteArray spec = templ("kafka-dedupe-window.uis.yaml");
        spec.replace(
            "      type: kafka\n      kafka_topic: click-metrics\n      kafka_key_field: page\n",
            "      type: rest_api\n      config: { url: \"https://x.example.com/in\" }\n");
        const Compiled c = compileFlink(spec);
        QVERIFY2(c.loaded.valid(), qPrintable(diagnosticsText(c.loaded.diagnostics)));
        const Diagnostic *d = find(c.result.diagnostics, QStringLiteral("UIS-E-ENGINE-CONNECTOR"));
        QVERIFY(d);
        QVERIFY(d->message.contains(QStringLiteral("REST API delivery")));
        QVERIFY(d->message.contains(QStringLiteral("Spark")));
        QVERIFY(c.result.artifacts.isEmpty());
    }

    void placeholdersStayVerbatim()
    {
        qputenv("PGUSER", "resolved-user");
        qputenv("UIS_SECRET_SHOP_PG_PASSWORD", "resolved-password");
        const Compiled c = compileFlink(templ("postgres-cdc-to-iceberg.uis.yaml"));
        const QByteArray all = allText(c.result);
        QVERIFY(all.contains("{{env.PGUSER}}"));
        QVERIFY(all.contains("{{secret.shop:pg_password}}"));
        QVERIFY(!all.contains("resolved-"));
        qunsetenv("PGUSER");
        qunsetenv("UIS_SECRET_SHOP_PG_PASSWORD");
    }

    void wrongEngine()
    {
        // Flink has no REST source: the error names the connector and the engine that has it.
        const CompileResult r =
            FlinkCompiler::compile(loadYaml(templ("rest-to-parquet-iceberg.uis.yaml")));
        QVERIFY(r.artifacts.isEmpty());
        QCOMPARE(r.diagnostics.size(), 1);
        QCOMPARE(r.diagnostics.first().code, QStringLiteral("UIS-E-ENGINE-CONNECTOR"));
        QVERIFY(r.diagnostics.first().message.contains(QStringLiteral("REST API source")));
        QVERIFY(r.diagnostics.first().message.contains(QStringLiteral("Spark")));
        QCOMPARE(r.diagnostics.first().pointer, QStringLiteral("/provider/provider_type"));
        QVERIFY(r.diagnostics.first().line > 0);
    }

    void flinkTwoVersions()
    {
        QByteArray two = templ("websocket-to-kafka.uis.yaml");
        two.replace("    state_backend: rocksdb\n",
                    "    state_backend: rocksdb\n    flink_version: \"2.0\"\n");
        const Compiled c = compileFlink(two);
        QVERIFY2(c.result.succeeded(), qPrintable(diagnosticsText(c.result.diagnostics)));
        QCOMPARE(js(c.job["flink_version"]), QStringLiteral("2.0"));
        QVERIFY(c.job["connector_jars"].dump().find("flink-sql-connector-kafka:4.0.0-2.0") !=
                std::string::npos);
        QVERIFY(c.sql.contains(QStringLiteral("Flink 2.0")));
    }

    /// A batch files spec on Flink: a batch job, a filesystem source with the file's format,
    /// timestamps parsed as on Spark, the csv header dropped, AVG of an INT as a DOUBLE.
    void batchFilesSpecOnFlink()
    {
        const Compiled c = compileFlink(templ("files-to-parquet.uis.yaml"));
        QVERIFY2(c.result.succeeded(), qPrintable(diagnosticsText(c.result.diagnostics)));
        QVERIFY(c.job["job_type"] == "batch");
        QVERIFY(c.sql.contains(QStringLiteral("SET 'execution.runtime-mode' = 'batch';")));
        QVERIFY(c.sql.contains(QStringLiteral("SET 'table.local-time-zone' = 'UTC';")));
        const QString src =
            sqlStatement(c.sql, QStringLiteral("CREATE TABLE `file_ftp_readings__files`"));
        for (const char *want :
             {"'connector' = 'filesystem'", "'path' = 's3a://sensor-exports/hourly'",
              "'source.path.regex-pattern' = '.*/[^/]*\\.csv'", "'format' = 'raw'",
              "`uis_raw` STRING",
              "`reading_time__time` AS CASE\n    WHEN REGEXP(TRIM(NULLIF(COALESCE(REPLACE("
              "REGEXP_EXTRACT(`uis_raw`",
              "WATERMARK FOR `reading_time__time`"})
            QVERIFY2(src.contains(QLatin1String(want)), want);
        QVERIFY(!src.contains(QStringLiteral("source.monitor-interval"))); // bounded
        // Typed and checked as text (tst_flinkpoison has the shape), the header line dropped.
        const QString view = sqlStatement(
            c.sql, QStringLiteral("CREATE TEMPORARY VIEW `file_ftp_readings__checked`"));
        QVERIFY(view.contains(QStringLiteral("`reading_time__time` AS `reading_time`")));
        QVERIFY(view.contains(QStringLiteral("`sensor_id__text` = 'sensor_id'"))); // the header
        const QString window =
            sqlStatement(c.sql, QStringLiteral("CREATE TEMPORARY VIEW `per_10_minutes`"));
        QVERIFY2(
            window.contains(QStringLiteral("AVG(CAST(signal_strength AS DOUBLE)) AS `avg_signal`")),
            qPrintable(window));
        QVERIFY(window.contains(QStringLiteral("max(signal_strength) AS `max_signal`")));
        const QString sink = sqlStatement(c.sql, QStringLiteral("CREATE TABLE `rollup_parquet`"));
        QVERIFY(sink.contains(QStringLiteral("`avg_signal` DOUBLE")));
        QVERIFY(sink.contains(QStringLiteral("`readings` BIGINT")));
        QVERIFY(sink.contains(QStringLiteral("'parquet.utc-timezone' = 'true'")));

        // json and parquet files; a parquet source needs the Parquet format jar
        QByteArray parquet = templ("files-to-parquet.uis.yaml");
        parquet.replace("path: hourly/*.csv\n      format: csv",
                        "path: hourly\n      format: parquet");
        const Compiled p = compileFlink(parquet);
        QVERIFY2(p.result.succeeded(), qPrintable(diagnosticsText(p.result.diagnostics)));
        QVERIFY(p.sql.contains(QStringLiteral("'format' = 'parquet'")));
        // Parquet values are typed already: no text to check or parse.
        QVERIFY(!p.sql.contains(QStringLiteral("__checked")));
        QVERIFY(!p.sql.contains(QStringLiteral("reading_time__time")));
        QVERIFY(p.job["connector_jars"].dump().find("flink-sql-parquet") != std::string::npos);
        // XML: no Flink format
        QByteArray xml = templ("files-to-parquet.uis.yaml");
        xml.replace("format: csv", "format: xml");
        const Compiled x = compileFlink(xml);
        QVERIFY(hasCode(x.result.diagnostics, QStringLiteral("UIS-E-ENGINE-CONNECTOR")));
        // micro_batch: a streaming job that watches the directory
        QByteArray micro = templ("files-to-parquet.uis.yaml");
        micro.replace("mode: batch", "mode: micro_batch");
        micro.replace("    cron: \"15 * * * *\"", "    trigger_interval: 5 minutes");
        const Compiled m = compileFlink(micro);
        QVERIFY2(m.result.succeeded(), qPrintable(diagnosticsText(m.result.diagnostics)));
        QVERIFY(m.sql.contains(QStringLiteral("'source.monitor-interval' = '5min'")));
        QVERIFY(m.sql.contains(QStringLiteral("SET 'execution.runtime-mode' = 'streaming';")));
    }

    /// A micro_batch Kafka spec (Spark's mode) compiles for Flink as a streaming job: an
    /// unbounded source, dedupe into a window by the event time.
    void microBatchKafkaOnFlink()
    {
        QByteArray spec = templ("kafka-dedupe-window.uis.yaml");
        spec.replace("mode: streaming", "mode: micro_batch");
        spec.replace("  parallelism: 2\n",
                     "  parallelism: 2\n  schedule:\n    trigger_interval: 1 minutes\n");
        const Compiled c = compileFlink(spec);
        QVERIFY2(c.result.succeeded(), qPrintable(diagnosticsText(c.result.diagnostics)));
        QVERIFY(!c.sql.contains(QStringLiteral("scan.bounded.mode")));
        QVERIFY(c.sql.contains(QStringLiteral("SET 'execution.runtime-mode' = 'streaming';")));
        QVERIFY(c.sql.contains(QStringLiteral("ORDER BY `event_time` ASC")));
    }
};

QTEST_GUILESS_MAIN(TestFlinkCompiler)
#include "tst_flinkcompiler.moc"
