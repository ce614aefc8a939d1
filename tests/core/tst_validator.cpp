// SPDX-License-Identifier: Apache-2.0
// Every validation rule of UIS-SPEC.md: a failing case asserting code and line, and a passing
// variant. Cases are edits of one small valid spec, so each line number below is meaningful.
#include "specloader.h"

#include <QDir>
#include <QTest>

using namespace uis;

namespace {

// Line numbers are 1-based and referred to by the cases below.
const char *const kBase = "version: \"1.1\"\n"                            // 1
                          "name: demo-pipeline\n"                         // 2
                          "provider:\n"                                   // 3
                          "  name: demo_api\n"                            // 4
                          "  provider_type: rest_api\n"                   // 5
                          "  base_url: https://api.example.com\n"         // 6
                          "  owner: team@example.com\n"                   // 7
                          "  mode: micro_batch\n"                         // 8
                          "  parallelism: 2\n"                            // 9
                          "  schedule: { trigger_interval: 5 minutes }\n" // 10
                          "  config: { executor_memory: 4g }\n"           // 11
                          "  endpoints:\n"                                // 12
                          "    - name: items\n"                           // 13
                          "      path: /v1/items\n"                       // 14
                          "      response_path: $.data\n"                 // 15
                          "      rate_limit_per_second: 5\n"              // 16
                          "  transforms:\n"                               // 17
                          "    - name: keep\n"                            // 18
                          "      type: filter\n"                          // 19
                          "      condition: id IS NOT NULL\n"             // 20
                          "  sinks:\n"                                    // 21
                          "    - name: out\n"                             // 22
                          "      type: parquet\n"                         // 23
                          "      config: { path: /tmp/out }\n";           // 24

/// The base spec with line `n` replaced (a null `text` deletes it).
QByteArray replaceLine(int n, const char *text)
{
    QList<QByteArray> lines = QByteArray(kBase).split('\n');
    if (text)
        lines[n - 1] = text;
    else
        lines.removeAt(n - 1);
    return lines.join('\n');
}

/// The base spec with `text` (one or more lines) inserted after line `n`.
QByteArray insertAfter(int n, const char *text)
{
    QList<QByteArray> lines = QByteArray(kBase).split('\n');
    lines.insert(n, QByteArray(text));
    return lines.join('\n');
}

/// A spec of another provider type, for rules that only apply there.
QByteArray kafkaSpec(const char *endpointExtra, const char *config, const char *transforms,
                     const char *sinks)
{
    return QByteArray("version: \"1.1\"\n"       // 1
                      "name: kafka-demo\n"       // 2
                      "provider:\n"              // 3
                      "  name: clicks\n"         // 4
                      "  provider_type: kafka\n" // 5
                      "  mode: streaming\n"      // 6
                      "  config: ") +            // 7
           config +
           "\n" +
           "  endpoints:\n"          // 8
           "    - name: events\n"    // 9
           "      topic: events\n" + // 10
           endpointExtra +           // 11…
           "  transforms:\n" +
           transforms + "  sinks:\n" + sinks;
}

const Diagnostic *find(const DiagnosticList &list, const QString &code)
{
    for (const Diagnostic &d : list)
        if (d.code == code)
            return &d;
    return nullptr;
}

QString dump(const DiagnosticList &list)
{
    QStringList out;
    for (const Diagnostic &d : list)
        out.append(formatDiagnostic(QStringLiteral("spec"), d));
    return out.join(QLatin1Char('\n'));
}

} // namespace

class TestValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void baseIsValid()
    {
        const LoadedSpec l = SpecLoader::load(kBase);
        QVERIFY2(l.diagnostics.isEmpty(), qPrintable(dump(l.diagnostics)));
    }

    void templatesAreValid_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(UIS_SOURCE_DIR "/resources/templates"));
        const QStringList files = dir.entryList({QStringLiteral("*.uis.yaml")}, QDir::Files);
        QVERIFY(files.size() >= 6);
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }
    void templatesAreValid()
    {
        QFETCH(QString, path);
        const LoadedSpec l = SpecLoader::loadFile(path);
        QVERIFY2(l.diagnostics.isEmpty(), qPrintable(dump(l.diagnostics)));
    }

    void failing_data()
    {
        QTest::addColumn<QByteArray>("spec");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("messagePart");
        QTest::addColumn<QString>("pointer");

        auto row = [](const char *name, const QByteArray &spec, const char *code, int line,
                      const char *part = "", const char *pointer = nullptr) {
            QTest::newRow(name) << spec << QString::fromLatin1(code) << line
                                << QString::fromUtf8(part)
                                << (pointer ? QString::fromLatin1(pointer) : QString());
        };
        // top level
        row("version unsupported", replaceLine(1, "version: \"2.0\""), "UIS-E-VERSION", 1, "1.1",
            "/version");
        row("version as number", replaceLine(1, "version: 1.1"), "UIS-E-TYPE", 1, "quotes");
        row("name missing", replaceLine(2, nullptr), "UIS-E-REQUIRED", 1, "`name`", "/name");
        row("name not kebab", replaceLine(2, "name: Demo_Pipeline"), "UIS-E-NAME-FORMAT", 2,
            "demo-pipeline");
        row("name too short", replaceLine(2, "name: d"), "UIS-E-NAME-FORMAT", 2);
        row("unknown top key", insertAfter(2, "descripton: x"), "UIS-W-UNKNOWN-KEY", 3,
            "did you mean `description`");
        row("provider not a map", QByteArray("version: \"1.1\"\nname: abc\nprovider: [1]\n"),
            "UIS-E-TYPE", 3);
        row("document is a list", QByteArray("- a\n- b\n"), "UIS-E-TYPE", 1);
        // provider
        row("provider name", replaceLine(4, "  name: DemoApi"), "UIS-E-NAME-FORMAT", 4, "demo_api");
        row("provider_type enum", replaceLine(5, "  provider_type: rest"), "UIS-E-ENUM", 5,
            "did you mean `rest_api`");
        row("provider_type missing", replaceLine(5, nullptr), "UIS-E-REQUIRED", 4, "provider_type");
        row("mode enum", replaceLine(8, "  mode: microbatch"), "UIS-E-ENUM", 8,
            "did you mean `micro_batch`", "/provider/mode");
        row("mode vs provider", replaceLine(8, "  mode: streaming"), "UIS-E-MODE-PROVIDER", 8,
            "batch");
        row("base_url missing", replaceLine(6, nullptr), "UIS-E-REQUIRED", 4, "base_url");
        row("base_url scheme", replaceLine(6, "  base_url: wss://api.example.com"),
            "UIS-E-URL-SCHEME", 6, "http");
        row("base_url not a url", replaceLine(6, "  base_url: api example"), "UIS-E-URL", 6);
        row("owner not email", replaceLine(7, "  owner: nobody"), "UIS-E-EMAIL", 7);
        row("parallelism zero", replaceLine(9, "  parallelism: 0"), "UIS-E-RANGE", 9,
            "between 1 and 10000");
        row("parallelism too big", replaceLine(9, "  parallelism: 10001"), "UIS-E-RANGE", 9);
        row("parallelism string", replaceLine(9, "  parallelism: \"2\""), "UIS-E-TYPE", 9,
            "whole number");
        // schedule
        row("interval unit", replaceLine(10, "  schedule: { trigger_interval: 5 mins }"),
            "UIS-E-DURATION", 10);
        row("interval without space", replaceLine(10, "  schedule: { trigger_interval: 5minutes }"),
            "UIS-E-DURATION", 10);
        row("provider name camel case", replaceLine(4, "  name: MyName"), "UIS-E-NAME-FORMAT", 4,
            "`my_name`");
        row("cron fields", replaceLine(10, "  schedule: { cron: \"0 * * *\" }"), "UIS-E-CRON", 10,
            "5 fields");
        row("cron range", replaceLine(10, "  schedule: { cron: \"61 * * * *\" }"), "UIS-E-CRON", 10,
            "minute");
        row("schedule both",
            replaceLine(10, "  schedule: { trigger_interval: 5 minutes, cron: \"0 * * * *\" }"),
            "UIS-E-SCHEDULE", 10);
        row("schedule neither", replaceLine(10, "  schedule: {}"), "UIS-E-SCHEDULE", 10);
        // config
        row("memory", replaceLine(11, "  config: { executor_memory: 4 gigs }"), "UIS-E-MEMORY", 11);
        row("config unknown key", replaceLine(11, "  config: { executr_memory: 4g }"),
            "UIS-W-UNKNOWN-KEY", 11, "executor_memory");
        row("config not scalar", replaceLine(11, "  config: { executor_memory: [4g] }"),
            "UIS-E-TYPE", 11);
        row("state backend", replaceLine(11, "  config: { state_backend: rockdb }"), "UIS-E-ENUM",
            11, "rocksdb");
        row("cores", replaceLine(11, "  config: { executor_cores: \"0\" }"), "UIS-E-RANGE", 11);
        row("checkpoint interval", replaceLine(11, "  config: { checkpoint_interval: soon }"),
            "UIS-E-DURATION", 11);
        row("spark version", replaceLine(11, "  config: { spark_version: \"2.4\" }"), "UIS-E-ENUM",
            11, "3.5");
        // endpoints
        row("endpoints empty",
            QByteArray(kBase).replace("  endpoints:\n    - name: items\n      path: /v1/items\n    "
                                      "  response_path: $.data\n      rate_limit_per_second: 5\n",
                                      "  endpoints: []\n"),
            "UIS-E-REQUIRED", 12);
        row("endpoints not list",
            QByteArray(kBase).replace("  endpoints:\n    - name: items\n      path: /v1/items\n    "
                                      "  response_path: $.data\n      rate_limit_per_second: 5\n",
                                      "  endpoints: items\n"),
            "UIS-E-TYPE", 12, "list");
        row("endpoint name", replaceLine(13, "    - name: Items"), "UIS-E-NAME-FORMAT", 13);
        row("path slash", replaceLine(14, "      path: v1/items"), "UIS-E-PATH", 14);
        row("path missing", replaceLine(14, nullptr), "UIS-E-REQUIRED", 13, "path");
        row("jsonpath dollar", replaceLine(15, "      response_path: data"), "UIS-E-JSONPATH", 15);
        row("jsonpath bracket", replaceLine(15, "      response_path: $.data["), "UIS-E-JSONPATH",
            15);
        row("rate limit", replaceLine(16, "      rate_limit_per_second: 0"), "UIS-E-RANGE", 16,
            "greater than 0");
        row("rate limit type", replaceLine(16, "      rate_limit_per_second: fast"), "UIS-E-TYPE",
            16);
        row("unknown endpoint key", insertAfter(16, "      pagnation: cursor"), "UIS-W-UNKNOWN-KEY",
            17, "did you mean `pagination`");
        row("field of other type", insertAfter(16, "      topic: t"), "UIS-W-FIELD-NOT-APPLICABLE",
            17, "kafka");
        row("method enum", insertAfter(16, "      method: PUT"), "UIS-E-ENUM", 17);
        row("pagination enum", insertAfter(16, "      pagination: cursors"), "UIS-E-ENUM", 17,
            "`cursor`");
        row("body needs POST", insertAfter(16, "      body: {q: 1}"), "UIS-E-BODY-METHOD", 17);
        row("mapping conflict", insertAfter(16, "      field_mapping: { a: x, b: x }"),
            "UIS-E-MAPPING-CONFLICT", 17, "`x`");
        row("schema type", insertAfter(16, "      schema: [{ name: id, type: integer }]"),
            "UIS-E-ENUM", 17, "`int`");
        row("schema duplicate",
            insertAfter(16, "      schema: [{ name: id, type: int }, { name: id, type: long }]"),
            "UIS-E-DUPLICATE-NAME", 17);
        row("schema nullable type",
            insertAfter(16, "      schema: [{ name: id, type: int, nullable: no }]"), "UIS-E-TYPE",
            17);
        row("literal secret header",
            insertAfter(16, "      headers: { Authorization: Bearer abc123 }"),
            "UIS-W-LITERAL-SECRET", 17);
        row("literal api key param", insertAfter(16, "      query_params: { api_key: abc123 }"),
            "UIS-W-LITERAL-SECRET", 17);
        row("bad placeholder",
            insertAfter(16, "      headers: { Authorization: \"Bearer {{secret.registry}}\" }"),
            "UIS-E-PLACEHOLDER", 17);
        row("duplicate name", replaceLine(18, "    - name: items"), "UIS-E-DUPLICATE-NAME", 18,
            "line 13");
        row("duplicate key", insertAfter(14, "      path: /v2"), "UIS-E-DUPLICATE-KEY", 15);
        // transforms
        row("transform type", replaceLine(19, "      type: filtr"), "UIS-E-ENUM", 19, "`filter`");
        row("transform field missing", replaceLine(20, nullptr), "UIS-E-REQUIRED", 18, "condition");
        row("transform field of other type", insertAfter(20, "      keys: [id]"),
            "UIS-W-FIELD-NOT-APPLICABLE", 21, "dedupe");
        row("input unknown", insertAfter(20, "      inputs: [itemz]"), "UIS-E-INPUT-UNKNOWN", 21,
            "did you mean `items`");
        row("inputs not list", insertAfter(20, "      inputs: items"), "UIS-E-TYPE", 21, "[items]");
        row("cycle",
            insertAfter(20, "      inputs: [second]\n    - name: second\n      type: filter\n      "
                            "condition: x\n      inputs: [keep]"),
            "UIS-E-INPUT-CYCLE", 21, "keep");
        row("dedupe within",
            replaceLine(20, "      keys: [id]\n      within: ten minutes")
                .replace("type: filter", "type: dedupe"),
            "UIS-E-DURATION", 21);
        row("window slide",
            QByteArray(kBase).replace(
                "      type: filter\n      condition: id IS NOT NULL\n",
                "      type: window_aggregate\n      time_column: ts\n      window: 1 min\n      "
                "slide: 5 min\n      aggregates: { n: count(*) }\n"),
            "UIS-E-WINDOW", 22);
        row("watermark duration",
            QByteArray(kBase).replace(
                "      type: filter\n      condition: id IS NOT NULL\n",
                "      type: watermark\n      time_column: ts\n      max_out_of_orderness: 5\n"),
            "UIS-E-TYPE", 21);
        row("on_invalid enum",
            QByteArray(kBase).replace("      type: filter\n      condition: id IS NOT NULL\n",
                                      "      type: schema_validation\n      schema: [{ name: id, "
                                      "type: int }]\n      on_invalid: skip\n"),
            "UIS-E-ENUM", 21);
        // sinks
        row("sink type", replaceLine(23, "      type: parquett"), "UIS-E-ENUM", 23, "`parquet`");
        row("parquet path", replaceLine(24, "      config: { compression: snappy }"),
            "UIS-E-REQUIRED", 24, "bucket");
        row("compression", replaceLine(24, "      config: { path: /tmp/out, compression: lz5 }"),
            "UIS-E-ENUM", 24);
        row("iceberg table", replaceLine(23, "      type: iceberg\n      table_name: nodots"),
            "UIS-E-TABLE-NAME", 24);
        row("iceberg table missing", replaceLine(23, "      type: iceberg"), "UIS-E-REQUIRED", 22,
            "table_name");
        row("catalog type",
            replaceLine(23, "      type: iceberg\n      table_name: a.b")
                .replace("{ path: /tmp/out }", "{ catalog_type: glue }"),
            "UIS-E-ENUM", 25);
        row("clickhouse url",
            replaceLine(23, "      type: clickhouse\n      table_name: t")
                .replace("{ path: /tmp/out }", "{ url: \"http://ch:8123\" }"),
            "UIS-E-URL-SCHEME", 25, "jdbc:clickhouse");
        row("clickhouse url missing",
            replaceLine(23, "      type: clickhouse\n      table_name: t"), "UIS-E-REQUIRED", 25,
            "config.url");
        row("kafka sink bootstrap", replaceLine(23, "      type: kafka\n      kafka_topic: t"),
            "UIS-E-REQUIRED", 25, "bootstrap");
        row("rest sink url",
            replaceLine(23, "      type: rest_api")
                .replace("{ path: /tmp/out }", "{ method: POST }"),
            "UIS-E-REQUIRED", 24, "config.url");
        row("rest sink retry",
            replaceLine(23, "      type: rest_api")
                .replace("{ path: /tmp/out }",
                         "{ url: \"https://x.io/in\", retry: { retry_status_codes: [99] } }"),
            "UIS-E-RANGE", 24, "HTTP status");
        row("rest sink rate",
            replaceLine(23, "      type: rest_api")
                .replace("{ path: /tmp/out }",
                         "{ url: \"https://x.io/in\", max_requests_per_second: 0 }"),
            "UIS-E-RANGE", 24);
        row("sink secret", replaceLine(24, "      config: { path: /tmp/out, password: hunter2 }"),
            "UIS-W-LITERAL-SECRET", 24);
        row("sink input unknown", insertAfter(23, "      inputs: [kep]"), "UIS-E-INPUT-UNKNOWN", 24,
            "`keep`");
        // other provider types
        row("kafka bootstrap",
            kafkaSpec("", "{}", "    - name: f\n      type: filter\n      condition: x\n",
                      "    - type: console\n"),
            "UIS-E-REQUIRED", 7, "kafka_bootstrap_servers");
        row("kafka offsets",
            kafkaSpec(
                "      starting_offsets: earliestt\n", "{ kafka_bootstrap_servers: \"k:9092\" }",
                "    - name: f\n      type: filter\n      condition: x\n", "    - type: console\n"),
            "UIS-E-ENUM", 11, "`earliest`");
        row("cdc slot",
            QByteArray("version: \"1.1\"\nname: cdc-demo\nprovider:\n  name: db\n  provider_type: "
                       "database\n  mode: streaming\n"
                       "  endpoints:\n    - name: orders\n      connector: postgres-cdc\n      "
                       "hostname: h\n"
                       "      database_name: d\n      tables: [o]\n      username: u\n      "
                       "password: \"{{env.PW}}\"\n"
                       "  sinks:\n    - type: console\n"),
            "UIS-E-REQUIRED", 8, "slot_name");
        row("cdc port",
            QByteArray("version: \"1.1\"\nname: cdc-demo\nprovider:\n  name: db\n  provider_type: "
                       "database\n  mode: streaming\n"
                       "  endpoints:\n    - name: orders\n      connector: mysql-cdc\n      "
                       "hostname: h\n      port: 70000\n"
                       "      database_name: d\n      tables: [o]\n      username: u\n      "
                       "password: \"{{env.PW}}\"\n"
                       "  sinks:\n    - type: console\n"),
            "UIS-E-RANGE", 11);
        // issue 10: rules that follow columns (LineagePass), engine selection
        row("key field dropped by a window",
            kafkaSpec("", "{ kafka_bootstrap_servers: \"k:9092\" }",
                      "    - name: win\n      type: window_aggregate\n      time_column: ts\n"
                      "      window: 1 min\n      group_by: [page]\n"
                      "      aggregates: { n: count(*) }\n",
                      "    - name: out\n      type: kafka\n      kafka_topic: t\n"
                      "      kafka_key_field: user\n"),
            "UIS-E-KEY-FIELD-DROPPED", 22, "sink `out` keys by `user`, but transform `win`",
            "/provider/sinks/0/kafka_key_field");
        row("key field renamed by a field_mapping",
            kafkaSpec("      field_mapping: { user: user_id }\n",
                      "{ kafka_bootstrap_servers: \"k:9092\" }",
                      "    - name: keep\n      type: filter\n      condition: user_id > 0\n",
                      "    - name: out\n      type: kafka\n      kafka_topic: t\n"
                      "      kafka_key_field: user\n"),
            "UIS-E-KEY-FIELD-DROPPED", 20, "the field_mapping of endpoint `events`");
        row("bridge without bootstrap servers",
            QByteArray(
                "version: \"1.1\"\nname: ws-demo\nprovider:\n  name: ws\n  provider_type: "
                "websocket\n"
                "  base_url: wss://x.io\n  mode: websocket\n  endpoints:\n    - name: ticks\n"
                "  sinks:\n    - type: console\n"),
            "UIS-E-BRIDGE-BOOTSTRAP", 4, "kafka_bootstrap_servers");
        row("engine unknown", insertAfter(8, "  engine: spork"), "UIS-E-ENUM", 9, "spark",
            "/provider/engine");
        row("websocket scheme",
            QByteArray(
                "version: \"1.1\"\nname: ws-demo\nprovider:\n  name: ws\n  provider_type: "
                "websocket\n"
                "  base_url: https://x.io\n  mode: websocket\n  endpoints:\n    - name: ticks\n"
                "  sinks:\n    - type: console\n"),
            "UIS-E-URL-SCHEME", 6, "wss");
    }

    void failing()
    {
        QFETCH(QByteArray, spec);
        QFETCH(QString, code);
        QFETCH(int, line);
        QFETCH(QString, messagePart);
        QFETCH(QString, pointer);
        const LoadedSpec l = SpecLoader::load(spec, SpecFormat::Yaml);
        const Diagnostic *d = find(l.diagnostics, code);
        QVERIFY2(
            d, qPrintable(QStringLiteral("expected %1, got:\n%2").arg(code, dump(l.diagnostics))));
        QVERIFY2(
            d->line == line,
            qPrintable(
                QStringLiteral("line %1, expected %2: %3").arg(d->line).arg(line).arg(d->message)));
        QVERIFY(d->column >= 1);
        QVERIFY2(d->message.contains(messagePart), qPrintable(d->message));
        if (!pointer.isEmpty())
            QCOMPARE(d->pointer, pointer);
        if (code.startsWith(QLatin1String("UIS-E-")))
            QVERIFY(!l.valid());
    }

    void passing_data()
    {
        QTest::addColumn<QByteArray>("spec");
        auto row = [](const char *name, const QByteArray &spec) { QTest::newRow(name) << spec; };
        row("version 1.0", replaceLine(1, "version: \"1.0\""));
        row("batch mode", replaceLine(8, "  mode: batch"));
        row("cron", replaceLine(10, "  schedule: { cron: \"*/15 0-6,22 * JAN-MAR MON-FRI\" }"));
        row("interval seconds", replaceLine(10, "  schedule: { trigger_interval: 30 seconds }"));
        row("memory forms",
            replaceLine(
                11,
                "  config: { executor_memory: 512M, driver_memory: 2gb, executor_cores: \"4\" }"));
        row("dotted config key",
            replaceLine(11, "  config: { spark.sql.shuffle.partitions: \"64\" }"));
        row("placeholder url", replaceLine(6, "  base_url: \"{{env.API_BASE}}\""));
        row("jsonpath forms",
            replaceLine(15, "      response_path: \"$.data['items'][*].rows[0]\""));
        row("schema types", insertAfter(16, "      schema: [{ name: id, type: \"decimal(10, 2)\" "
                                            "}, { name: t, type: timestamp, nullable: false }]"));
        row("placeholder secret",
            insertAfter(16, "      headers: { Authorization: \"Bearer {{secret.api:token}}\" }"));
        row("explicit inputs", insertAfter(20, "      inputs: [items]"));
        row("sink default name", replaceLine(22, "    - type: parquet")
                                     .replace("      type: parquet\n      config", "      config"));
        row("rest sink",
            replaceLine(23, "      type: rest_api")
                .replace("{ path: /tmp/out }",
                         "{ url: \"https://x.io/in\", method: POST, max_requests_per_second: 5, "
                         "retry: { max_attempts: 3, retry_status_codes: [429, 503], base_delay: "
                         "0.2, max_delay: 2 s } }"));
        row("hopping window",
            QByteArray(kBase).replace("      type: filter\n      condition: id IS NOT NULL\n",
                                      "      type: window_aggregate\n      time_column: ts\n      "
                                      "window: 10 min\n      slide: 1 min\n      watermark: 5 s\n  "
                                      "    group_by: [id]\n      aggregates: { n: count(*) }\n"));
        // Durations take short and long units, with or without the space (FormatRules).
        row("duration units",
            QByteArray(kBase).replace(
                "      type: filter\n      condition: id IS NOT NULL\n",
                "      type: window_aggregate\n      time_column: ts\n      window: 5 mins\n      "
                "slide: 10 sec\n      watermark: 100 millis\n      aggregates: { n: count(*) }\n   "
                " - name: once\n      type: dedupe\n      keys: [id]\n      within: 5minutes\n"));
        row("json document",
            QByteArray(
                "{\"version\": \"1.1\", \"name\": \"json-demo\", \"provider\": {\"name\": \"p\", "
                "\"provider_type\": \"kafka\", \"mode\": \"micro_batch\", \"config\": "
                "{\"kafka_bootstrap_servers\": \"k:9092\"}, "
                "\"endpoints\": [{\"name\": \"e\", \"topic\": \"t\"}], \"sinks\": [{\"type\": "
                "\"console\"}]}}"));
    }

    void passing()
    {
        QFETCH(QByteArray, spec);
        const LoadedSpec l = SpecLoader::load(spec);
        QVERIFY2(l.diagnostics.isEmpty(), qPrintable(dump(l.diagnostics)));
    }

    void reportsAllProblemsInOnePass()
    {
        QByteArray spec = replaceLine(8, "  mode: streeming");
        spec.replace("name: demo-pipeline", "name: Demo");
        spec.replace("path: /v1/items", "path: v1/items");
        spec.replace("type: parquet", "type: parket");
        const LoadedSpec l = SpecLoader::load(spec);
        QStringList codes;
        for (const Diagnostic &d : l.diagnostics)
            codes.append(d.code);
        QVERIFY2(codes.contains(QStringLiteral("UIS-E-ENUM")) &&
                     codes.contains(QStringLiteral("UIS-E-NAME-FORMAT")) &&
                     codes.contains(QStringLiteral("UIS-E-PATH")) &&
                     codes.count(QStringLiteral("UIS-E-ENUM")) == 2,
                 qPrintable(dump(l.diagnostics)));
        // Sorted by position.
        for (int i = 1; i < l.diagnostics.size(); ++i)
            QVERIFY(l.diagnostics[i - 1].line <= l.diagnostics[i].line);
    }

    void jsonDiagnosticsHavePositions()
    {
        const QByteArray j =
            "{\n  \"version\": \"1.1\",\n  \"name\": \"json-demo\",\n  \"provider\": {\n"
            "    \"name\": \"p\", \"provider_type\": \"kafka\", \"mode\": \"micro_batch\",\n"
            "    \"parallelism\": -3,\n"
            "    \"config\": {\"kafka_bootstrap_servers\": \"k:9092\"},\n"
            "    \"endpoints\": [{\"name\": \"e\", \"topic\": \"t\"}], \"sinks\": [{\"type\": "
            "\"console\"}]}}\n";
        const LoadedSpec l = SpecLoader::load(j);
        const Diagnostic *d = find(l.diagnostics, QStringLiteral("UIS-E-RANGE"));
        QVERIFY2(d, qPrintable(dump(l.diagnostics)));
        QCOMPARE(d->line, 6);
        QCOMPARE(d->column, 20);
        QCOMPARE(d->pointer, QStringLiteral("/provider/parallelism"));
    }
};

QTEST_GUILESS_MAIN(TestValidator)
#include "tst_validator.moc"
