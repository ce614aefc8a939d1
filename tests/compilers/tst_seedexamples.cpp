// SPDX-License-Identifier: Apache-2.0
// The two examples of the seeds, written as UIS YAML (tests/data/seeds/): the market-data REST
// spec (uis-spark-compiler.md) and the realtime-analytics WebSocket spec (uis-flink-compiler.md).
// Every field the seeds show is checked in the compiled artifacts, with the seed's rejected keys
// replaced by the ones the engines accept.
#include "compilertest.h"

#include "flink/flinkcompiler.h"
#include "pipelinecompiler.h"
#include "spark/sparkcompiler.h"

using namespace uis;
using namespace uis::test;

namespace {

LoadedSpec seed(const char *name)
{
    return SpecLoader::loadFile(
        sourcePath(QStringLiteral("tests/data/seeds/") + QString::fromLatin1(name)));
}

QStringList confs(const QStringList &argv)
{
    QStringList out;
    for (int i = 0; i + 1 < argv.size(); ++i) {
        if (argv.at(i) == QLatin1String("--conf"))
            out.append(argv.at(i + 1));
    }
    return out;
}

} // namespace

class TestSeedExamples : public QObject
{
    Q_OBJECT

    LoadedSpec m_market, m_realtime;
    CompileResult m_spark, m_flink;

private Q_SLOTS:
    void initTestCase()
    {
        m_market = seed("market-data-ingestion.uis.yaml");
        m_realtime = seed("realtime-analytics.uis.yaml");
        QVERIFY2(m_market.valid(), qPrintable(diagnosticsText(m_market.diagnostics)));
        QVERIFY2(m_realtime.valid(), qPrintable(diagnosticsText(m_realtime.diagnostics)));
        QCOMPARE(countSeverity(m_market.diagnostics, Severity::Warning), 0);
        QCOMPARE(countSeverity(m_realtime.diagnostics, Severity::Warning), 0);
        m_spark = PipelineCompiler::compile(m_market, Engine::None);
        m_flink = PipelineCompiler::compile(m_realtime, Engine::None);
        QVERIFY2(m_spark.succeeded(), qPrintable(diagnosticsText(m_spark.diagnostics)));
        QVERIFY2(m_flink.succeeded(), qPrintable(diagnosticsText(m_flink.diagnostics)));
        QCOMPARE(countSeverity(m_spark.diagnostics, Severity::Warning), 0);
        QCOMPARE(countSeverity(m_flink.diagnostics, Severity::Warning), 0);
    }

    // ------------------------------------------------------------------ market-data (Spark)

    void marketSource()
    {
        const OrderedJson s = artifactJson(m_spark, QStringLiteral("spark-job"))["sources"][0];
        QCOMPARE(js(s["type"]), QStringLiteral("rest_api"));
        QCOMPARE(js(s["name"]), QStringLiteral("rest_stock_tickers"));
        QCOMPARE(js(s["url"]), QStringLiteral("https://api.polygon.io/v3/reference/tickers"));
        QCOMPARE(js(s["method"]), QStringLiteral("GET"));
        QCOMPARE(js(s["headers"]["Authorization"]), QStringLiteral("Bearer {{api_key}}"));
        JCOMPARE(s["params"], (OrderedJson{{"market", "stocks"}, {"limit", "1000"}}));
        QCOMPARE(js(s["format"]), QStringLiteral("json"));
        QCOMPARE(js(s["response_path"]), QStringLiteral("$.results"));
        JCOMPARE(s["rate_limit"], 20);
        QCOMPARE(js(s["pagination"]), QStringLiteral("cursor"));
        QCOMPARE(js(s["auth"]), QStringLiteral("api_key"));
    }

    void marketMappingAndSchedule()
    {
        const OrderedJson job = artifactJson(m_spark, QStringLiteral("spark-job"));
        QCOMPARE(js(job["job_type"]), QStringLiteral("micro_batch"));
        const OrderedJson t = job["transforms"][0];
        QCOMPARE(js(t["type"]), QStringLiteral("field_mapping"));
        QCOMPARE(js(t["name"]), QStringLiteral("map_stock_tickers"));
        JCOMPARE(t["mapping"], (OrderedJson{{"ticker", "symbol"},
                                            {"name", "company_name"},
                                            {"market_cap", "market_capitalization"}}));
        JCOMPARE(job["schedule"], (OrderedJson{{"trigger_type", "processing_time"},
                                               {"trigger_interval", "5 minutes"}}));
        const OrderedJson c = job["spark_config"];
        QCOMPARE(js(c["spark.sql.adaptive.enabled"]), QStringLiteral("true"));
        QCOMPARE(js(c["spark.executor.memory"]), QStringLiteral("8g"));
        QCOMPARE(js(c["spark.executor.cores"]), QStringLiteral("4"));
        QVERIFY(!c.contains("spark.sql.streaming.trigger.processingTime"));
        QCOMPARE(js(job["monitoring"]["metrics_prefix"]),
                 QStringLiteral("uis.market-data-ingestion"));
        JCOMPARE(job["monitoring"]["metrics_enabled"], true);
    }

    void marketSinks()
    {
        const OrderedJson sinks = artifactJson(m_spark, QStringLiteral("spark-job"))["sinks"];
        const OrderedJson p = sinks[0];
        QCOMPARE(js(p["type"]), QStringLiteral("parquet"));
        QCOMPARE(js(p["name"]), QStringLiteral("parquet_1"));
        QCOMPARE(js(p["format"]), QStringLiteral("parquet"));
        QCOMPARE(js(p["path"]),
                 QStringLiteral("s3a://landing-zone/market-data-ingestion")); // seed: s3://
        QCOMPARE(js(p["mode"]), QStringLiteral("append"));
        QCOMPARE(js(p["options"]["compression"]), QStringLiteral("snappy"));
        const OrderedJson i = sinks[1];
        QCOMPARE(js(i["name"]), QStringLiteral("iceberg_1"));
        QCOMPARE(js(i["table"]), QStringLiteral("market_data.stock_tickers"));
        QCOMPARE(js(i["catalog"]), QStringLiteral("hive_prod"));
        QCOMPARE(js(i["namespace"]), QStringLiteral("market_data"));
        QCOMPARE(js(i["mode"]), QStringLiteral("append"));
        // Partitioning is a partition spec, not the seed's `options.partitionBy`.
        JCOMPARE(i["partition_by"], OrderedJson::array({"exchange", "date"}));
        QVERIFY(!i.contains("options"));
        QCOMPARE(js(i["table_properties"]["write.wap.enabled"]), QStringLiteral("true"));
        QCOMPARE(js(i["warehouse"]), QStringLiteral("s3a://prod-warehouse/"));
        const OrderedJson c = artifactJson(m_spark, QStringLiteral("spark-job"))["spark_config"];
        QCOMPARE(js(c["spark.sql.catalog.hive_prod.warehouse"]),
                 QStringLiteral("s3a://prod-warehouse/"));
        QVERIFY(hasCode(m_spark.diagnostics, QStringLiteral("UIS-I-S3A")));
        for (const Artifact &a : m_spark.artifacts)
            QVERIFY2(!a.content.contains("s3://") && !a.content.contains("partitionBy"),
                     qPrintable(a.target));
    }

    void marketSubmit()
    {
        const QStringList argv = SparkCompiler::submitArgs(m_market.spec);
        QCOMPARE(
            argv.mid(0, 5),
            (QStringList{QStringLiteral("spark-submit"), QStringLiteral("--master"),
                         QStringLiteral("k8s://https://kubernetes.default.svc.cluster.local:443"),
                         QStringLiteral("--deploy-mode"), QStringLiteral("cluster")}));
        const QStringList c = confs(argv);
        for (const char *kv : {"spark.kubernetes.namespace=trading-platform",
                               "spark.executor.memory=8g", "spark.executor.cores=4",
                               "spark.kubernetes.authenticate.driver.serviceAccountName=spark",
                               "spark.kubernetes.authenticate.executor.serviceAccountName=spark"})
            QVERIFY2(c.contains(QLatin1String(kv)), kv);
        QVERIFY(c.filter(QStringLiteral("spark.kubernetes.container.image=")).size() == 1);
        // The seed's `--job-config X spark_job.py` would be read by spark-submit itself.
        const int app =
            int(argv.indexOf(QStringLiteral("local:///opt/uis/runners/spark/uis_spark_runner.py")));
        QVERIFY(app > 0);
        QCOMPARE(argv.indexOf(QStringLiteral("--job-config")), app + 1);
        QCOMPARE(argv.last(), QStringLiteral("/opt/uis/jobs/market-data-ingestion.json"));
        QVERIFY(!argv.contains(QStringLiteral("--class")));
        // Iceberg for Spark 3.5 / Scala 2.12, and S3A.
        QVERIFY(argv.value(argv.indexOf(QStringLiteral("--packages")) + 1)
                    .contains(
                        QStringLiteral("org.apache.iceberg:iceberg-spark-runtime-3.5_2.12:1.7.1")));
        QVERIFY(artifactText(m_spark, QStringLiteral("spark-submit"))
                    .startsWith(QStringLiteral("spark-submit --master k8s://")));
    }

    void marketDcp()
    {
        const OrderedJson b = artifactJson(m_spark, QStringLiteral("dcp-request"));
        QCOMPARE(js(b["team"]), QStringLiteral("trading-platform"));
        QCOMPARE(js(b["config"]["job_type"]), QStringLiteral("STREAMING"));
        JCOMPARE(b["config"]["resources"]["executor"]["memory"], "8g");
        QVERIFY(artifactText(m_spark, QStringLiteral("dcp-manifest"))
                    .contains(QStringLiteral("kind: SparkJob")));
    }

    // ------------------------------------------------------------------ realtime-analytics (Flink)

    void realtimeFlinkConfig()
    {
        const OrderedJson job = artifactJson(m_flink, QStringLiteral("flink-job"));
        QCOMPARE(js(job["job_type"]), QStringLiteral("streaming"));
        const OrderedJson f = job["flink_config"];
        QCOMPARE(js(f["taskmanager.memory.process.size"]), QStringLiteral("8g"));
        QCOMPARE(js(f["taskmanager.numberOfTaskSlots"]), QStringLiteral("4"));
        QCOMPARE(js(f["parallelism.default"]), QStringLiteral("4"));
        QCOMPARE(js(f["state.backend.type"]), QStringLiteral("rocksdb")); // seed: state.backend
        QCOMPARE(js(f["execution.checkpointing.mode"]),
                 QStringLiteral("EXACTLY_ONCE")); // seed: state.checkpointing.mode
        QCOMPARE(js(f["execution.checkpointing.interval"]),
                 QStringLiteral("1min")); // seed: 60000 ms
        QVERIFY(!f.contains("kafka.bootstrap.servers"));
        QVERIFY(!f.contains("state.backend"));
        QVERIFY(!f.contains("state.checkpointing.mode"));
        const OrderedJson st = job["state_management"];
        QCOMPARE(js(st["backend"]), QStringLiteral("rocksdb"));
        JCOMPARE(st["checkpoint_config"]["interval_ms"], 60000);
        JCOMPARE(st["checkpoint_config"]["timeout_ms"], 300000);
        QCOMPARE(js(st["checkpoint_config"]["mode"]), QStringLiteral("EXACTLY_ONCE"));
        QCOMPARE(js(job["monitoring"]["metrics_prefix"]), QStringLiteral("uis.realtime-analytics"));
        JCOMPARE(job["monitoring"]["metrics_enabled"], true);
    }

    void realtimeSourceAndTransforms()
    {
        const OrderedJson job = artifactJson(m_flink, QStringLiteral("flink-job"));
        const OrderedJson s = job["sources"][0];
        QCOMPARE(js(s["type"]), QStringLiteral("websocket"));
        QCOMPARE(js(s["name"]), QStringLiteral("websocket_market_ticks"));
        QCOMPARE(js(s["url"]), QStringLiteral("wss://api.marketdata.com/ws/ticks"));
        QCOMPARE(js(s["protocol"]), QStringLiteral("wss"));
        QCOMPARE(js(s["headers"]["Authorization"]), QStringLiteral("Bearer {{token}}"));
        QCOMPARE(js(s["format"]), QStringLiteral("json"));
        JCOMPARE(s["reconnect_config"], (OrderedJson{{"max_attempts", 10},
                                                     {"initial_delay_ms", 1000},
                                                     {"max_delay_ms", 30000},
                                                     {"backoff_multiplier", 2.0}}));
        JCOMPARE(s["heartbeat"]["interval_ms"], 30000);
        JCOMPARE(s["rate_limit"], 1000);
        const OrderedJson t = job["transforms"];
        QCOMPARE(js(t[0]["name"]), QStringLiteral("map_market_ticks"));
        QCOMPARE(js(t[0]["mapping"]["timestamp"]), QStringLiteral("event_time"));
        QCOMPARE(js(t[0]["mapping"]["symbol"]), QStringLiteral("ticker"));
        QCOMPARE(js(t[1]["type"]), QStringLiteral("watermark"));
        QCOMPARE(js(t[1]["name"]), QStringLiteral("add_watermark"));
        QCOMPARE(js(t[1]["timestamp_column"]), QStringLiteral("event_time"));
        JCOMPARE(t[1]["max_out_of_orderness_ms"], 5000);
    }

    void realtimeKafkaSink()
    {
        const OrderedJson k = artifactJson(m_flink, QStringLiteral("flink-job"))["sinks"][0];
        QCOMPARE(js(k["type"]), QStringLiteral("kafka"));
        QCOMPARE(js(k["name"]), QStringLiteral("kafka_1"));
        QCOMPARE(js(k["bootstrap_servers"]), QStringLiteral("kafka:9092"));
        QCOMPARE(js(k["topic"]), QStringLiteral("processed-ticks"));
        QCOMPARE(js(k["key_field"]), QStringLiteral("ticker"));
        QCOMPARE(js(k["format"]), QStringLiteral("json"));
        JCOMPARE(k["transactional"], true);
    }

    void realtimeSql()
    {
        const QString sql = artifactText(m_flink, QStringLiteral("flink-sql"));
        QVERIFY(sql.contains(QStringLiteral("SET 'pipeline.name' = 'uis-realtime-analytics';")));
        QVERIFY(!sql.contains(QStringLiteral("'connector' = 'websocket'")));
        QVERIFY(sql.contains(QStringLiteral("'topic' = 'uis.realtime-analytics.market_ticks'")));
        // No schema, as in the seed: the named columns are read from the JSON, `timestamp` as
        // text parsed to TIMESTAMP(3) in a computed column that carries the watermark.
        QVERIFY(sql.contains(QStringLiteral("`timestamp__time` AS CASE")));
        QVERIFY(sql.contains(QStringLiteral(
            "WATERMARK FOR `timestamp__time` AS `timestamp__time` - INTERVAL '5' SECOND")));
        QVERIFY(sql.contains(QStringLiteral("SELECT `timestamp__time` AS `timestamp`, ")));
        QVERIFY(sql.contains(QStringLiteral("SELECT `timestamp`, `symbol`, `price`, `volume`\n"
                                            "FROM `websocket_market_ticks__checked`\n")));
        QVERIFY(sql.contains(QStringLiteral("'format' = 'raw'"))); // records checked in views
        QVERIFY(hasCode(m_flink.diagnostics, QStringLiteral("UIS-I-DERIVED-COLUMNS")));
        QVERIFY(sql.contains(QStringLiteral("'topic' = 'processed-ticks'")));
        QVERIFY(sql.contains(QStringLiteral("'properties.bootstrap.servers' = 'kafka:9092'")));
        QVERIFY(sql.contains(QStringLiteral("'key.fields' = 'ticker'")));
        QVERIFY(sql.contains(QStringLiteral("'sink.delivery-guarantee' = 'exactly-once'")));
        QVERIFY(
            sql.contains(QStringLiteral("INSERT INTO `kafka_1`\nSELECT `event_time`, `ticker`, "
                                        "`last_price`, `trade_volume`\nFROM `add_watermark`;")));
        QVERIFY(hasCode(m_flink.diagnostics, QStringLiteral("UIS-I-KAFKA-BRIDGE")));
    }

    void realtimeRun()
    {
        const QStringList argv = FlinkCompiler::runArgs(m_realtime.spec);
        QVERIFY(!argv.contains(QStringLiteral("--job-name")));
        QVERIFY(argv.contains(QStringLiteral("-Dpipeline.name=uis-realtime-analytics")));
        QCOMPARE(argv.value(argv.indexOf(QStringLiteral("-p")) + 1), QStringLiteral("4"));
        QVERIFY(argv.contains(QStringLiteral("-d")));
        QCOMPARE(argv.value(argv.indexOf(QStringLiteral("-t")) + 1),
                 QStringLiteral("kubernetes-session"));
        QCOMPARE(argv.indexOf(QStringLiteral("--job-config")),
                 argv.indexOf(QStringLiteral("-py")) + 2);
        const OrderedJson b = artifactJson(m_flink, QStringLiteral("dcp-request"));
        QCOMPARE(js(b["config"]["engine"]), QStringLiteral("flink"));
        QCOMPARE(js(b["config"]["job_type"]), QStringLiteral("STREAMING"));
    }
};

QTEST_GUILESS_MAIN(TestSeedExamples)
#include "tst_seedexamples.moc"
