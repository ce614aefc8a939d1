// SPDX-License-Identifier: Apache-2.0
// The Spark mapping rules of docs/COMPILERS.md, one test per rule, and the seed keys that Spark
// does not accept.
#include "compilertest.h"

#include "pipelinecompiler.h"
#include "spark/sparkcompiler.h"

using namespace uis;
using namespace uis::test;

namespace {

const QByteArray kRest =
    readFile(sourcePath(QStringLiteral("tests/compilers/data/spark-rest.uis.yaml")));

const QByteArray kKafka =
    readFile(sourcePath(QStringLiteral("tests/compilers/data/spark-kafka.uis.yaml")));

const QByteArray kFiles =
    readFile(sourcePath(QStringLiteral("tests/compilers/data/spark-files.uis.yaml")));

struct Compiled
{
    CompileResult result;
    OrderedJson job;
    OrderedJson conf;
    QStringList argv;
    LoadedSpec loaded;
};

Compiled compileSpark(const QByteArray &yaml, const CompileOptions &o = {})
{
    Compiled c;
    c.loaded = loadYaml(yaml);
    c.result = SparkCompiler::compile(c.loaded, o);
    c.job = artifactJson(c.result, QStringLiteral("spark-job"));
    c.conf = artifactJson(c.result, QStringLiteral("spark-conf"));
    c.argv = SparkCompiler::submitArgs(c.loaded.spec, o);
    return c;
}

QStringList confArgs(const QStringList &argv)
{
    QStringList out;
    for (int i = 0; i + 1 < argv.size(); ++i) {
        if (argv.at(i) == QLatin1String("--conf"))
            out.append(argv.at(i + 1));
    }
    return out;
}

QByteArray allText(const CompileResult &r)
{
    QByteArray all;
    for (const Artifact &a : r.artifacts)
        all += a.content;
    return all;
}

} // namespace

class TestSparkCompiler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compiles()
    {
        for (const QByteArray &y : {kRest, kKafka, kFiles}) {
            const Compiled c = compileSpark(y);
            QVERIFY2(c.loaded.valid(), qPrintable(diagnosticsText(c.loaded.diagnostics)));
            QVERIFY2(c.result.succeeded(), qPrintable(diagnosticsText(c.result.diagnostics)));
            QCOMPARE(c.result.artifacts.size(), 3);
            QCOMPARE(c.result.artifact(QStringLiteral("spark-submit"))->language,
                     QStringLiteral("shell"));
            QVERIFY(c.job.is_object() && c.conf.is_object());
        }
    }

    void jobTypeAndSchedule()
    {
        const Compiled rest = compileSpark(kRest);
        QCOMPARE(js(rest.job["job_type"]), QStringLiteral("micro_batch"));
        QCOMPARE(js(rest.job["schedule"]["trigger_type"]), QStringLiteral("processing_time"));
        QCOMPARE(js(rest.job["schedule"]["trigger_interval"]), QStringLiteral("30 seconds"));
        const Compiled files = compileSpark(kFiles);
        QCOMPARE(js(files.job["job_type"]), QStringLiteral("batch"));
        QCOMPARE(js(files.job["schedule"]["trigger_type"]), QStringLiteral("cron"));
        QCOMPARE(js(files.job["schedule"]["cron"]), QStringLiteral("0 3 * * *"));
        QByteArray once = kFiles;
        once.replace("  schedule: { cron: \"0 3 * * *\" }\n", "");
        QCOMPARE(js(compileSpark(once).job["schedule"]["trigger_type"]), QStringLiteral("once"));
    }

    /// Seed row: `spark.sql.streaming.trigger.processingTime` is no Spark conf; the trigger is
    /// set in the job from `schedule`.
    void triggerIsNotAConf()
    {
        const Compiled c = compileSpark(kRest);
        QVERIFY(!allText(c.result).contains("spark.sql.streaming.trigger"));
        QVERIFY(!c.argv.join(QLatin1Char(' ')).contains(QStringLiteral("trigger")));
        QVERIFY(!c.job["spark_config"].contains("spark.sql.streaming.trigger.processingTime"));
    }

    void sparkConfig()
    {
        const OrderedJson c = compileSpark(kRest).job["spark_config"];
        QCOMPARE(js(c["spark.app.name"]), QStringLiteral("rest-job"));
        QCOMPARE(js(c["spark.sql.adaptive.enabled"]), QStringLiteral("true"));
        QCOMPARE(js(c["spark.sql.adaptive.coalescePartitions.enabled"]), QStringLiteral("true"));
        QCOMPARE(js(c["spark.executor.memory"]), QStringLiteral("4g"));
        QCOMPARE(js(c["spark.executor.cores"]), QStringLiteral("2"));
        QCOMPARE(js(c["spark.executor.instances"]), QStringLiteral("3")); // parallelism
        QCOMPARE(js(c["spark.driver.memory"]), QStringLiteral("2g"));
        QCOMPARE(js(c["spark.driver.cores"]), QStringLiteral("1"));
        QCOMPARE(js(c["spark.serializer"]),
                 QStringLiteral("org.apache.spark.serializer.KryoSerializer"));
        QCOMPARE(js(c["spark.hadoop.fs.s3a.endpoint"]), QStringLiteral("http://minio:9000"));
        QCOMPARE(js(c["spark.hadoop.fs.s3a.path.style.access"]), QStringLiteral("true"));
        // Dotted provider config keys pass through verbatim, booleans as text.
        QCOMPARE(js(c["spark.sql.shuffle.partitions"]), QStringLiteral("16"));
        QCOMPARE(js(c["spark.speculation"]), QStringLiteral("true"));
        for (auto it = c.begin(); it != c.end(); ++it)
            QVERIFY2(it.value().is_string(), it.key().c_str());
        // executor_instances wins over parallelism.
        QCOMPARE(js(compileSpark(kKafka).job["spark_config"]["spark.executor.instances"]),
                 QStringLiteral("7"));
    }

    void icebergCatalogConf()
    {
        const OrderedJson c = compileSpark(kRest).job["spark_config"];
        QCOMPARE(
            js(c["spark.sql.extensions"]),
            QStringLiteral("org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions"));
        QCOMPARE(js(c["spark.sql.catalog.lake"]),
                 QStringLiteral("org.apache.iceberg.spark.SparkCatalog"));
        QCOMPARE(js(c["spark.sql.catalog.lake.type"]), QStringLiteral("rest"));
        QCOMPARE(js(c["spark.sql.catalog.lake.uri"]), QStringLiteral("http://rest:8181"));
        QCOMPARE(js(c["spark.sql.catalog.lake.warehouse"]), QStringLiteral("s3a://wh/"));
        // hive is the default catalog type.
        QByteArray hive = kRest;
        hive.replace("catalog_type: rest, uri: \"http://rest:8181\", ", "");
        QCOMPARE(js(compileSpark(hive).job["spark_config"]["spark.sql.catalog.lake.type"]),
                 QStringLiteral("hive"));
    }

    void restSource()
    {
        const OrderedJson s = compileSpark(kRest).job["sources"][0];
        QCOMPARE(js(s["type"]), QStringLiteral("rest_api"));
        QCOMPARE(js(s["name"]), QStringLiteral("rest_items"));
        QCOMPARE(js(s["endpoint"]), QStringLiteral("items"));
        QCOMPARE(js(s["url"]), QStringLiteral("https://api.example.com/v1/items")); // one slash
        QCOMPARE(js(s["method"]), QStringLiteral("POST"));
        QCOMPARE(js(s["headers"]["Authorization"]), QStringLiteral("Bearer {{env.TOKEN}}"));
        QCOMPARE(js(s["params"]["page_size"]), QStringLiteral("100"));
        JCOMPARE(s["body"]["filter"]["active"], OrderedJson(true));
        QCOMPARE(js(s["format"]), QStringLiteral("json"));
        QCOMPARE(js(s["response_path"]), QStringLiteral("$.data"));
        JCOMPARE(s["rate_limit"], OrderedJson(2.5));
        QCOMPARE(js(s["pagination"]), QStringLiteral("page"));
        QCOMPARE(js(s["auth"]), QStringLiteral("bearer"));
        QVERIFY(!s.contains("schema")); // none declared
        const OrderedJson u = compileSpark(kRest).job["sources"][1];
        QCOMPARE(js(u["method"]), QStringLiteral("GET"));
        QCOMPARE(js(u["pagination"]), QStringLiteral("none"));
    }

    void kafkaSource()
    {
        const OrderedJson s = compileSpark(kKafka).job["sources"][0];
        QCOMPARE(js(s["name"]), QStringLiteral("kafka_clicks"));
        const OrderedJson o = s["options"];
        QCOMPARE(js(o["kafka.bootstrap.servers"]), QStringLiteral("b1:9092,b2:9092"));
        QCOMPARE(js(o["subscribe"]), QStringLiteral("clicks"));
        QCOMPARE(js(o["startingOffsets"]), QStringLiteral("earliest"));
        QCOMPARE(js(o["failOnDataLoss"]), QStringLiteral("true"));
        QCOMPARE(js(o["kafka.group.id"]), QStringLiteral("g1"));
        QCOMPARE(js(o["maxOffsetsPerTrigger"]), QStringLiteral("12000")); // 100/s × 120 s
        QCOMPARE(js(s["schema"][0]["name"]), QStringLiteral("id"));
        JCOMPARE(s["schema"][0]["nullable"], OrderedJson(false));
        QCOMPARE(js(s["schema"][0]["type"]), QStringLiteral("string"));
    }

    void fileSource()
    {
        const Compiled c = compileSpark(kFiles);
        const OrderedJson s = c.job["sources"][0];
        QCOMPARE(js(s["name"]), QStringLiteral("file_feed"));
        QCOMPARE(js(s["path"]), QStringLiteral("s3a://exports/daily/*.xml"));
        QCOMPARE(js(s["format"]), QStringLiteral("xml"));
        QCOMPARE(js(s["options"]["rowTag"]), QStringLiteral("item"));
        QVERIFY(hasCode(c.result.diagnostics, QStringLiteral("UIS-I-S3A")));
        // Spark 3.5 needs spark-xml; Spark 4 reads XML itself.
        QVERIFY(c.job["packages"].dump().find("spark-xml_2.12") != std::string::npos);
        CompileOptions four;
        four.sparkVersion = QStringLiteral("4.0");
        QVERIFY(compileSpark(kFiles, four).job["packages"].dump().find("spark-xml") ==
                std::string::npos);
    }

    void transforms()
    {
        const OrderedJson t = compileSpark(kRest).job["transforms"];
        QCOMPARE(t.size(), size_t(3));
        QCOMPARE(js(t[0]["type"]), QStringLiteral("field_mapping"));
        QCOMPARE(js(t[0]["name"]), QStringLiteral("map_items"));
        QCOMPARE(js(t[0]["input"]), QStringLiteral("rest_items"));
        QCOMPARE(js(t[0]["mapping"]["id"]), QStringLiteral("item_id"));
        QCOMPARE(js(t[1]["name"]), QStringLiteral("only_items"));
        // An endpoint with a mapping is read through it.
        JCOMPARE(t[1]["inputs"], OrderedJson::array({"map_items"}));
        QCOMPARE(js(t[1]["condition"]), QStringLiteral("item_id IS NOT NULL"));
        JCOMPARE(t[2]["inputs"], OrderedJson::array({"only_items", "rest_users"}));
        QCOMPARE(js(t[2]["query"]), QStringLiteral("SELECT * FROM only_items"));
    }

    /// Seed row: `s3://` is EMR-only; open-source Spark gets `s3a://`.
    void parquetSinkUsesS3a()
    {
        const Compiled c = compileSpark(kRest);
        const OrderedJson s = c.job["sinks"][0];
        QCOMPARE(js(s["name"]), QStringLiteral("landing"));
        QCOMPARE(js(s["path"]), QStringLiteral("s3a://raw-bucket/rest-job"));
        QCOMPARE(js(s["mode"]), QStringLiteral("append"));
        QCOMPARE(js(s["format"]), QStringLiteral("parquet"));
        QCOMPARE(js(s["options"]["compression"]), QStringLiteral("zstd"));
        JCOMPARE(s["partition_by"], OrderedJson::array({"day"}));
        JCOMPARE(s["inputs"], OrderedJson::array({"joined"}));
        for (const Artifact &a : c.result.artifacts)
            QVERIFY2(!a.content.contains("s3://"), qPrintable(a.target));
        QVERIFY(c.job["packages"].dump().find("org.apache.hadoop:hadoop-aws:3.3.4") !=
                std::string::npos);
    }

    /// Seed row: partitioning is a partition spec (`writeTo().partitionedBy`), not a
    /// `partitionBy` write option.
    void icebergSink()
    {
        const Compiled c = compileSpark(kRest);
        const OrderedJson s = c.job["sinks"][1];
        QCOMPARE(js(s["table"]), QStringLiteral("db.items"));
        QCOMPARE(js(s["catalog"]), QStringLiteral("lake"));
        QCOMPARE(js(s["namespace"]), QStringLiteral("db"));
        QCOMPARE(js(s["mode"]), QStringLiteral("append"));
        JCOMPARE(s["partition_by"], OrderedJson::array({"day", "bucket(16, item_id)"}));
        QCOMPARE(js(s["table_properties"]["write.wap.enabled"]), QStringLiteral("true"));
        QVERIFY(!s.contains("options"));
        QVERIFY(!allText(c.result).contains("partitionBy"));
    }

    void clickhouseKafkaConsoleSinks()
    {
        const OrderedJson sinks = compileSpark(kRest).job["sinks"];
        const OrderedJson ch = sinks[2];
        QCOMPARE(js(ch["format"]), QStringLiteral("jdbc"));
        QCOMPARE(js(ch["url"]), QStringLiteral("jdbc:clickhouse://ch:8123/db"));
        QCOMPARE(js(ch["dbtable"]), QStringLiteral("db.items"));
        QCOMPARE(js(ch["driver"]), QStringLiteral("com.clickhouse.jdbc.ClickHouseDriver"));
        QCOMPARE(js(ch["password"]), QStringLiteral("{{secret.ch:pw}}"));
        JCOMPARE(ch["inputs"], OrderedJson::array({"only_items"}));
        const OrderedJson k = sinks[3];
        QCOMPARE(js(k["kafka.bootstrap.servers"]), QStringLiteral("k1:9092"));
        QCOMPARE(js(k["topic"]), QStringLiteral("items-out"));
        QCOMPARE(js(k["key_field"]), QStringLiteral("item_id"));
        QCOMPARE(js(sinks[4]["type"]), QStringLiteral("console"));
    }

    void restSinkDeliverySettings()
    {
        const LoadedSpec loaded = SpecLoader::loadFile(
            sourcePath(QStringLiteral("resources/templates/table-to-rest-api.uis.yaml")));
        const OrderedJson s = SparkCompiler::jobConfig(loaded.spec)["sinks"][0];
        QCOMPARE(js(s["url"]), QStringLiteral("https://api.example.com/v1/patient"));
        QCOMPARE(js(s["method"]), QStringLiteral("POST"));
        QCOMPARE(js(s["id_column"]), QStringLiteral("tracking_id"));
        QCOMPARE(js(s["headers"]["Authorization"]),
                 QStringLiteral("Bearer {{secret.registry:token}}"));
        JCOMPARE(s["max_requests_per_second"], OrderedJson(30));
        JCOMPARE(s["retry"]["max_attempts"], OrderedJson(3));
        JCOMPARE(s["retry"]["retry_status_codes"], OrderedJson::array({429, 500, 502, 503}));
        JCOMPARE(s["retry"]["base_delay"], OrderedJson(0.2)); // seconds, from "200 ms"
        JCOMPARE(s["retry"]["max_delay"], OrderedJson(2));
        QCOMPARE(js(s["response_table"]), QStringLiteral("s3a://lake/bronze/api_response"));
    }

    void packagesFollowSparkVersion()
    {
        const QStringList p35 = SparkCompiler::packages(loadYaml(kRest).spec);
        QVERIFY(p35.contains(QStringLiteral("org.apache.spark:spark-sql-kafka-0-10_2.12:3.5.7")));
        QVERIFY(p35.contains(
            QStringLiteral("org.apache.iceberg:iceberg-spark-runtime-3.5_2.12:1.7.1")));
        QVERIFY(p35.contains(QStringLiteral("com.clickhouse:clickhouse-jdbc:0.6.5")));
        CompileOptions o;
        o.sparkVersion = QStringLiteral("4.0");
        const QStringList p40 = SparkCompiler::packages(loadYaml(kRest).spec, o);
        QVERIFY(p40.contains(QStringLiteral("org.apache.spark:spark-sql-kafka-0-10_2.13:4.0.1")));
        QVERIFY(p40.contains(
            QStringLiteral("org.apache.iceberg:iceberg-spark-runtime-4.0_2.13:1.10.0")));
        QVERIFY(p40.contains(QStringLiteral("org.apache.hadoop:hadoop-aws:3.4.1")));
        for (const QString &p : p40)
            QVERIFY2(!p.contains(QStringLiteral("_2.12")),
                     qPrintable(p)); // Spark 4 is Scala 2.13 only
        // config.spark_version picks it too; the option wins over it.
        QByteArray v = kRest;
        v.replace("    s3_endpoint:", "    spark_version: \"4.0\"\n    s3_endpoint:");
        QVERIFY(SparkCompiler::packages(loadYaml(v).spec)
                    .contains(QStringLiteral("org.apache.spark:spark-sql-kafka-0-10_2.13:4.0.1")));
        o.sparkVersion = QStringLiteral("3.5.3");
        QVERIFY(SparkCompiler::packages(loadYaml(v).spec, o)
                    .contains(QStringLiteral("org.apache.spark:spark-sql-kafka-0-10_2.12:3.5.3")));
        // The job config lists them as well.
        QCOMPARE(compileSpark(kRest).job["packages"].size(), size_t(p35.size()));
    }

    void monitoring()
    {
        const OrderedJson m = compileSpark(kRest).job["monitoring"];
        JCOMPARE(m["metrics_enabled"], OrderedJson(true));
        QCOMPARE(js(m["metrics_prefix"]), QStringLiteral("uis.rest-job"));
        QVERIFY(m["alerts"].is_object());
    }

    /// Seed row: spark-submit reads `--job-config` before the application file as its own flag;
    /// the runner's arguments come after it.
    void submitArgvOrderKubernetes()
    {
        const Compiled c = compileSpark(kKafka);
        const QStringList &a = c.argv;
        QCOMPARE(a.value(0), QStringLiteral("spark-submit"));
        QCOMPARE(
            a.mid(1, 6),
            (QStringList{QStringLiteral("--master"),
                         QStringLiteral("k8s://https://kubernetes.default.svc.cluster.local:443"),
                         QStringLiteral("--deploy-mode"), QStringLiteral("cluster"),
                         QStringLiteral("--name"), QStringLiteral("kafka-job")}));
        QCOMPARE(a.value(7), QStringLiteral("--packages"));
        QCOMPARE(a.value(8), QStringLiteral("org.apache.spark:spark-sql-kafka-0-10_2.12:3.5.7"));
        const QStringList confs = confArgs(a);
        QVERIFY(confs.contains(
            QStringLiteral("spark.kubernetes.namespace=spark-jobs"))); // config.namespace
        QVERIFY(confs.contains(
            QStringLiteral("spark.kubernetes.container.image=registry/uis-spark:1")));
        QVERIFY(confs.contains(
            QStringLiteral("spark.kubernetes.authenticate.driver.serviceAccountName=runner")));
        QVERIFY(confs.contains(
            QStringLiteral("spark.kubernetes.authenticate.executor.serviceAccountName=runner")));
        QVERIFY(confs.contains(QStringLiteral("spark.executor.instances=7")));
        // Every spark_config entry is a --conf, in order, before the Kubernetes ones.
        const OrderedJson conf = c.job["spark_config"];
        int k = 0;
        for (auto it = conf.begin(); it != conf.end(); ++it, ++k)
            QCOMPARE(confs.value(k),
                     QString::fromStdString(it.key() + "=" + it.value().get<std::string>()));
        QCOMPARE(confs.value(k), QStringLiteral("spark.kubernetes.namespace=spark-jobs"));
        // The application file, then its own arguments, last.
        QCOMPARE(a.mid(a.size() - 3),
                 (QStringList{QStringLiteral("local:///opt/uis/runners/spark/uis_spark_runner.py"),
                              QStringLiteral("--job-config"),
                              QStringLiteral("/opt/uis/jobs/kafka-job.json")}));
        QCOMPARE(a.count(QStringLiteral("--job-config")), 1);
        // tenant_id is the namespace when config.namespace is not set.
        QVERIFY(confArgs(compileSpark(kRest).argv)
                    .contains(QStringLiteral("spark.kubernetes.namespace=team-a")));
    }

    void submitArgvLocal()
    {
        CompileOptions o;
        o.master = QStringLiteral("local[*]");
        o.jobConfigPath = QStringLiteral("/tmp/job.json");
        o.runnerPath = QStringLiteral("/repo/runners/spark/uis_spark_runner.py");
        const QStringList a = compileSpark(kKafka, o).argv;
        QCOMPARE(a.mid(1, 4),
                 (QStringList{QStringLiteral("--master"), QStringLiteral("local[*]"),
                              QStringLiteral("--deploy-mode"), QStringLiteral("client")}));
        for (const QString &c : confArgs(a))
            QVERIFY2(!c.startsWith(QLatin1String("spark.kubernetes.")), qPrintable(c));
        QCOMPARE(a.mid(a.size() - 3),
                 (QStringList{o.runnerPath, QStringLiteral("--job-config"), o.jobConfigPath}));
        o.runnerPath.clear();
        QCOMPARE(compileSpark(kKafka, o).argv.value(compileSpark(kKafka, o).argv.size() - 3),
                 QStringLiteral("runners/spark/uis_spark_runner.py"));
    }

    void sessionConfAddsPackages()
    {
        const Compiled c = compileSpark(kKafka);
        QCOMPARE(js(c.conf["spark.jars.packages"]),
                 QStringLiteral("org.apache.spark:spark-sql-kafka-0-10_2.12:3.5.7"));
        QCOMPARE(js(c.conf["spark.app.name"]), QStringLiteral("kafka-job"));
        QVERIFY(!c.job["spark_config"].contains("spark.jars.packages"));
    }

    void placeholdersStayVerbatim()
    {
        qputenv("TOKEN", "resolved-token-value");
        qputenv("UIS_SECRET_CH_PW", "resolved-password");
        const Compiled c = compileSpark(kRest);
        const QByteArray all = allText(c.result);
        QVERIFY(all.contains("{{env.TOKEN}}"));
        QVERIFY(all.contains("{{secret.ch:pw}}"));
        QVERIFY(!all.contains("resolved-"));
        qunsetenv("TOKEN");
        qunsetenv("UIS_SECRET_CH_PW");
    }

    void unsupportedSparkVersion()
    {
        CompileOptions o;
        o.sparkVersion = QStringLiteral("2.4");
        const CompileResult r = SparkCompiler::compile(loadYaml(kRest), o);
        QVERIFY(r.artifacts.isEmpty());
        QVERIFY(hasCode(r.diagnostics, QStringLiteral("UIS-E-OPTION")));
        QVERIFY(SparkCompiler::isSupportedVersion(QStringLiteral("4.1")));
        QVERIFY(SparkCompiler::isSupportedVersion(QStringLiteral("3.5.2")));
        QVERIFY(!SparkCompiler::isSupportedVersion(QStringLiteral("3.4")));
    }

    void wrongEngine()
    {
        // A streaming Kafka spec compiles for Spark too: a Structured Streaming job.
        const LoadedSpec kafka = SpecLoader::loadFile(
            sourcePath(QStringLiteral("resources/templates/kafka-dedupe-window.uis.yaml")));
        const CompileResult ok = SparkCompiler::compile(kafka);
        QVERIFY2(ok.succeeded(), qPrintable(diagnosticsText(ok.diagnostics)));
        QCOMPARE(ok.artifacts.size(), 3);
        // A WebSocket source does not: Spark has no connector for it.
        const LoadedSpec ws = SpecLoader::loadFile(
            sourcePath(QStringLiteral("resources/templates/websocket-to-kafka.uis.yaml")));
        const CompileResult r = SparkCompiler::compile(ws);
        QVERIFY(!r.succeeded());
        QVERIFY(r.artifacts.isEmpty());
        QCOMPARE(r.diagnostics.size(), 1);
        QCOMPARE(r.diagnostics.first().code, QStringLiteral("UIS-E-ENGINE-CONNECTOR"));
        QVERIFY(r.diagnostics.first().message.contains(QStringLiteral("WebSocket")));
        QVERIFY(r.diagnostics.first().message.contains(QStringLiteral("Flink")));
        QCOMPARE(r.diagnostics.first().pointer, QStringLiteral("/provider/provider_type"));
        QVERIFY(r.diagnostics.first().line > 0);
    }

    void invalidSpecYieldsValidationDiagnostics()
    {
        QByteArray bad = kRest;
        bad.replace("mode: micro_batch", "mode: micro-batch");
        const LoadedSpec loaded = loadYaml(bad);
        const CompileResult r = SparkCompiler::compile(loaded);
        QVERIFY(r.artifacts.isEmpty());
        QCOMPARE(r.diagnostics, loaded.diagnostics);
        QVERIFY(hasCode(r.diagnostics, QStringLiteral("UIS-E-ENUM")));
    }

    /// A streaming Kafka spec on Spark: a Structured Streaming job with the same transforms,
    /// micro-batches back to back, dedupe by the event time, the session in UTC.
    void streamingKafkaSpecOnSpark()
    {
        const Compiled c = compileSpark(readFile(
            sourcePath(QStringLiteral("resources/templates/kafka-dedupe-window.uis.yaml"))));
        QVERIFY2(c.result.succeeded(), qPrintable(diagnosticsText(c.result.diagnostics)));
        QVERIFY(c.job["job_type"] == "streaming");
        QVERIFY(c.job["schedule"]["trigger_type"] == "processing_time");
        QVERIFY(c.job["schedule"]["trigger_interval"] == "0 seconds");
        QVERIFY(c.job["sources"][0]["type"] == "kafka");
        QStringList types;
        for (const auto &t : c.job["transforms"])
            types.append(QString::fromStdString(t["type"].get<std::string>()));
        QCOMPARE(types,
                 (QStringList{QStringLiteral("dedupe"), QStringLiteral("window_aggregate")}));
        QVERIFY(c.job["transforms"][0]["time_column"] == "event_time");
        QVERIFY(c.job["transforms"][0]["within"] == "10 minutes");
        QVERIFY(c.job["transforms"][1]["watermark"] == "10 seconds");
        QVERIFY(c.job["sinks"][0]["type"] == "kafka");
        QVERIFY(c.conf["spark.sql.session.timeZone"] == "UTC");
        QVERIFY(c.job["packages"].dump().find("spark-sql-kafka-0-10") != std::string::npos);
        // Through the pipeline compiler too (Spark overrides the spec's engine): the DCP request
        // embeds the Spark job as a streaming one.
        const CompileResult p = PipelineCompiler::compile(c.loaded, Engine::Spark);
        QVERIFY2(p.succeeded(), qPrintable(diagnosticsText(p.diagnostics)));
        QCOMPARE(p.artifacts.size(), PipelineCompiler::targets(Engine::Spark).size());
        const OrderedJson body = artifactJson(p, QStringLiteral("dcp-request"));
        QVERIFY(body["config"]["job_type"] == "STREAMING");
        QVERIFY(body["config"]["uis"]["job_config"]["job_type"] == "streaming");
    }
};

QTEST_GUILESS_MAIN(TestSparkCompiler)
#include "tst_sparkcompiler.moc"
