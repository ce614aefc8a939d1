// SPDX-License-Identifier: Apache-2.0
#include "sparkcompiler.h"

#include "compilesupport.h"
#include "shellquote.h"

#include <QRegularExpression>

#include <cmath>

namespace uis {

namespace {

const char *const kK8sMaster = "k8s://https://kubernetes.default.svc.cluster.local:443";
const char *const kK8sRunner = "local:///opt/uis/runners/spark/uis_spark_runner.py";
const char *const kLocalRunner = "runners/spark/uis_spark_runner.py";

using CS = CompileSupport;

OrderedJson str(const QString &s)
{
    return toStd(s);
}

OrderedJson stringMap(const StringMap &m)
{
    OrderedJson o = OrderedJson::object();
    for (const auto &kv : m)
        o[toStd(kv.first)] = toStd(kv.second);
    return o;
}

OrderedJson stringList(const QStringList &l)
{
    OrderedJson a = OrderedJson::array();
    for (const QString &s : l)
        a.push_back(toStd(s));
    return a;
}

OrderedJson schemaJson(const QList<SchemaField> &schema)
{
    OrderedJson a = OrderedJson::array();
    for (const SchemaField &f : schema)
        a.push_back(OrderedJson{
            {"name", toStd(f.name)}, {"type", toStd(f.type)}, {"nullable", f.nullable}});
    return a;
}

/// A number as JSON: integral values as integers so `20` does not print as `20.0`.
OrderedJson number(double v)
{
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9e15)
        return qint64(v);
    return v;
}

/// Joins a base URL and a path with exactly one slash; an absolute path is kept as is.
QString joinUrl(const QString &base, const QString &path)
{
    if (path.contains(QLatin1String("://")) || base.isEmpty())
        return path;
    if (path.isEmpty())
        return base;
    QString b = base;
    while (b.endsWith(QLatin1Char('/')))
        b.chop(1);
    return path.startsWith(QLatin1Char('/')) ? b + path : b + QLatin1Char('/') + path;
}

struct SparkContext
{
    const Spec &spec;
    const CompileOptions &options;
    DiagnosticList *diagnostics;

    /// `s3://` → `s3a://`, with an info diagnostic at `pointer`.
    QString s3a(const QString &url, const QString &pointer) const
    {
        bool rewritten = false;
        const QString out = CS::toS3a(url, &rewritten);
        if (rewritten)
            CS::add(diagnostics,
                    CS::make(
                        Severity::Info, QStringLiteral("UIS-I-S3A"),
                        QStringLiteral("`%1` is read as `%2`: open-source Spark reaches S3 through "
                                       "S3A (`s3://` works on EMR only)")
                            .arg(url, out),
                        pointer));
        return out;
    }
};

bool usesS3a(const OrderedJson &j)
{
    if (j.is_string())
        return j.get<std::string>().rfind("s3a://", 0) == 0;
    if (j.is_structured()) {
        for (const auto &c : j) {
            if (usesS3a(c))
                return true;
        }
    }
    return false;
}

QString iceberCatalogName(const Sink &s)
{
    const QString c = CS::sinkConfig(s, QStringLiteral("catalog"));
    return c.isEmpty() ? QStringLiteral("uis") : c;
}

} // namespace

QStringList SparkCompiler::targets()
{
    return {QStringLiteral("spark-job"), QStringLiteral("spark-submit"),
            QStringLiteral("spark-conf")};
}

QString SparkCompiler::sparkVersion(const Spec &spec, const CompileOptions &options)
{
    if (!options.sparkVersion.isEmpty())
        return options.sparkVersion;
    return spec.configValue(QStringLiteral("spark_version"), CS::defaultSparkVersion());
}

bool SparkCompiler::isSupportedVersion(const QString &version)
{
    static const QRegularExpression re(QStringLiteral("^(3\\.5|4\\.[0-9]+)(\\.[0-9]+)?$"));
    return version.isEmpty() || re.match(version).hasMatch();
}

bool SparkCompiler::isKubernetes(const CompileOptions &options)
{
    return options.master.isEmpty() || options.master.startsWith(QLatin1String("k8s://"));
}

static OrderedJson baseConf(const Spec &spec, const CompileOptions &options, DiagnosticList *diags)
{
    Q_UNUSED(options);
    SparkContext ctx{spec, options, diags};
    OrderedJson c = OrderedJson::object();
    c["spark.app.name"] = toStd(spec.name);
    c["spark.sql.adaptive.enabled"] = "true";
    c["spark.sql.adaptive.coalescePartitions.enabled"] = "true";
    c["spark.serializer"] = "org.apache.spark.serializer.KryoSerializer";
    auto put = [&](const char *sparkKey, const QString &value) {
        if (!value.isEmpty())
            c[sparkKey] = toStd(value);
    };
    put("spark.executor.memory", spec.configValue(QStringLiteral("executor_memory")));
    put("spark.executor.cores", spec.configValue(QStringLiteral("executor_cores")));
    put("spark.executor.instances", spec.configValue(QStringLiteral("executor_instances"),
                                                     QString::number(spec.effectiveParallelism())));
    put("spark.driver.memory", spec.configValue(QStringLiteral("driver_memory")));
    put("spark.driver.cores", spec.configValue(QStringLiteral("driver_cores")));
    const QString s3 = spec.configValue(QStringLiteral("s3_endpoint"));
    if (!s3.isEmpty()) {
        c["spark.hadoop.fs.s3a.endpoint"] = toStd(s3);
        c["spark.hadoop.fs.s3a.path.style.access"] = "true";
    }
    bool extensions = false;
    for (int i = 0; i < spec.provider.sinks.size(); ++i) {
        const Sink &s = spec.provider.sinks.at(i);
        if (s.type != QLatin1String("iceberg"))
            continue;
        if (!extensions) {
            c["spark.sql.extensions"] =
                "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions";
            extensions = true;
        }
        const std::string key = "spark.sql.catalog." + toStd(iceberCatalogName(s));
        if (c.contains(key))
            continue;
        c[key] = "org.apache.iceberg.spark.SparkCatalog";
        const QString type = CS::sinkConfig(s, QStringLiteral("catalog_type"));
        c[key + ".type"] = toStd(type.isEmpty() ? QStringLiteral("hive") : type);
        const QString uri = CS::sinkConfig(s, QStringLiteral("uri"));
        if (!uri.isEmpty())
            c[key + ".uri"] = toStd(uri);
        const QString wh = CS::sinkConfig(s, QStringLiteral("warehouse"));
        if (!wh.isEmpty())
            c[key + ".warehouse"] =
                toStd(ctx.s3a(wh, QStringLiteral("/provider/sinks/%1/config/warehouse").arg(i)));
    }
    for (const SourceNode *n : CS::dottedConfig(spec))
        c[toStd(n->key())] = toStd(CS::scalarText(*n));
    return c;
}

OrderedJson SparkCompiler::sessionConf(const Spec &spec, const CompileOptions &options)
{
    return sessionConfWith(spec, options, packages(spec, options));
}

OrderedJson SparkCompiler::sessionConfWith(const Spec &spec, const CompileOptions &options,
                                           const QStringList &pk)
{
    OrderedJson c = baseConf(spec, options, nullptr);
    if (!pk.isEmpty())
        c["spark.jars.packages"] = toStd(pk.join(QLatin1Char(',')));
    return c;
}

static OrderedJson buildJob(const Spec &spec, const CompileOptions &options,
                            DiagnosticList *diagnostics)
{
    SparkContext ctx{spec, options, diagnostics};
    const Provider &p = spec.provider;
    const QString kind = p.providerType == QLatin1String("rest_api")   ? QStringLiteral("rest")
                         : p.providerType == QLatin1String("file_ftp") ? QStringLiteral("file")
                                                                       : p.providerType;
    auto sourceName = [&](const Endpoint &e) { return kind + QLatin1Char('_') + e.name; };
    // What a node name means in the job: an endpoint with a field_mapping is read through its
    // map_<endpoint> transform, other endpoints through their source.
    auto relation = [&](const QString &name) {
        if (const Endpoint *e = CS::endpoint(spec, name))
            return e->fieldMapping.isEmpty() ? sourceName(*e) : QStringLiteral("map_") + e->name;
        return name;
    };
    auto relations = [&](const QStringList &names) {
        QStringList out;
        for (const QString &n : names)
            out.append(relation(n));
        return out;
    };

    OrderedJson job = OrderedJson::object();
    job["name"] = str(spec.name);
    job["job_type"] = str(p.mode);
    job["spark_config"] = baseConf(spec, options, diagnostics);

    // --- sources
    OrderedJson sources = OrderedJson::array();
    const QString bootstrap = spec.configValue(QStringLiteral("kafka_bootstrap_servers"));
    for (int i = 0; i < p.endpoints.size(); ++i) {
        const Endpoint &e = p.endpoints.at(i);
        const QString ptr = QStringLiteral("/provider/endpoints/%1").arg(i);
        OrderedJson s = OrderedJson::object();
        s["type"] = str(p.providerType);
        s["name"] = str(sourceName(e));
        s["endpoint"] = str(e.name);
        if (p.providerType == QLatin1String("rest_api")) {
            s["url"] = str(joinUrl(p.baseUrl, e.path));
            s["method"] = str(e.method.isEmpty() ? QStringLiteral("GET") : e.method);
            s["headers"] = stringMap(e.headers);
            s["params"] = stringMap(e.queryParams);
            if (!e.body.isNull())
                s["body"] = toOrderedJson(e.body);
            s["format"] = "json";
            if (!e.responsePath.isEmpty())
                s["response_path"] = str(e.responsePath);
            if (e.rateLimitPerSecond)
                s["rate_limit"] = number(*e.rateLimitPerSecond);
            s["pagination"] = str(e.pagination.isEmpty() ? QStringLiteral("none") : e.pagination);
            s["auth"] = str(e.auth.isEmpty() ? QStringLiteral("none") : e.auth);
        } else if (p.providerType == QLatin1String("file_ftp")) {
            s["path"] = str(ctx.s3a(joinUrl(p.baseUrl, e.path), ptr + QStringLiteral("/path")));
            s["format"] = str(e.format.isEmpty() ? QStringLiteral("json") : e.format);
            s["options"] = stringMap(e.options);
        } else if (p.providerType == QLatin1String("kafka")) {
            s["format"] = str(e.format.isEmpty() ? QStringLiteral("json") : e.format);
            OrderedJson o = OrderedJson::object();
            o["kafka.bootstrap.servers"] = str(bootstrap);
            o["subscribe"] = str(e.topic);
            o["startingOffsets"] =
                str(e.startingOffsets.isEmpty() ? QStringLiteral("latest") : e.startingOffsets);
            o["failOnDataLoss"] = "true";
            if (!e.groupId.isEmpty())
                o["kafka.group.id"] = str(e.groupId);
            // The rate limit per trigger: records per second times the trigger interval.
            const auto interval = CS::durationMs(p.schedule.triggerInterval);
            if (e.rateLimitPerSecond && interval && p.mode == QLatin1String("micro_batch"))
                o["maxOffsetsPerTrigger"] = toStd(QString::number(
                    qint64(std::ceil(*e.rateLimitPerSecond * double(*interval) / 1000.0))));
            for (const auto &kv : e.options)
                o[toStd(kv.first)] = toStd(kv.second);
            s["options"] = o;
        }
        if (e.hasSchema)
            s["schema"] = schemaJson(e.schema);
        sources.push_back(s);
    }
    job["sources"] = sources;

    // --- transforms
    OrderedJson transforms = OrderedJson::array();
    for (const Endpoint &e : p.endpoints) {
        if (e.fieldMapping.isEmpty())
            continue;
        transforms.push_back(OrderedJson{{"type", "field_mapping"},
                                         {"name", toStd(QStringLiteral("map_") + e.name)},
                                         {"input", toStd(sourceName(e))},
                                         {"inputs", stringList({sourceName(e)})},
                                         {"mapping", stringMap(e.fieldMapping)}});
    }
    for (int i = 0; i < p.transforms.size(); ++i) {
        const Transform &t = p.transforms.at(i);
        const QStringList inputs = relations(spec.effectiveTransformInputs(i));
        OrderedJson o = OrderedJson::object();
        o["type"] = str(t.type);
        o["name"] = str(t.name);
        if (t.type == QLatin1String("field_mapping") && inputs.size() == 1)
            o["input"] = str(inputs.first());
        o["inputs"] = stringList(inputs);
        auto interval = [](const QString &d) {
            const auto ms = CS::durationMs(d);
            return toStd(ms ? CS::sparkInterval(*ms) : d);
        };
        if (t.type == QLatin1String("field_mapping")) {
            o["mapping"] = stringMap(t.mapping);
        } else if (t.type == QLatin1String("sql")) {
            o["query"] = str(t.query);
        } else if (t.type == QLatin1String("filter")) {
            o["condition"] = str(t.condition);
        } else if (t.type == QLatin1String("schema_validation")) {
            o["schema"] = schemaJson(t.schema);
            o["on_invalid"] = str(t.onInvalid.isEmpty() ? QStringLiteral("drop") : t.onInvalid);
        } else if (t.type == QLatin1String("dedupe")) {
            o["keys"] = stringList(t.keys);
            if (!t.within.isEmpty())
                o["within"] = interval(t.within);
        } else if (t.type == QLatin1String("watermark")) {
            o["time_column"] = str(t.timeColumn);
            o["max_out_of_orderness"] = interval(t.maxOutOfOrderness);
            if (const auto ms = CS::durationMs(t.maxOutOfOrderness))
                o["max_out_of_orderness_ms"] = *ms;
        } else if (t.type == QLatin1String("window_aggregate")) {
            o["time_column"] = str(t.timeColumn);
            o["window"] = interval(t.window);
            if (!t.slide.isEmpty())
                o["slide"] = interval(t.slide);
            if (!t.watermark.isEmpty())
                o["watermark"] = interval(t.watermark);
            o["group_by"] = stringList(t.groupBy);
            o["aggregates"] = stringMap(t.aggregates);
        }
        transforms.push_back(o);
    }
    job["transforms"] = transforms;

    // --- sinks
    OrderedJson sinks = OrderedJson::array();
    for (int i = 0; i < p.sinks.size(); ++i) {
        const Sink &s = p.sinks.at(i);
        const QString ptr = QStringLiteral("/provider/sinks/%1").arg(i);
        OrderedJson o = OrderedJson::object();
        o["type"] = str(s.type);
        o["name"] = str(spec.sinkName(i));
        o["inputs"] = stringList(relations(spec.effectiveSinkInputs(i)));
        if (s.type == QLatin1String("parquet")) {
            QString path = CS::sinkConfig(s, QStringLiteral("path"));
            QString pathPtr = ptr + QStringLiteral("/config/path");
            if (path.isEmpty()) {
                const QString bucket = CS::sinkConfig(s, QStringLiteral("bucket"));
                const QString prefix = CS::sinkConfig(s, QStringLiteral("path_prefix"));
                path = bucket.contains(QLatin1String("://")) ? bucket
                                                             : QStringLiteral("s3a://") + bucket;
                if (!prefix.isEmpty())
                    path = joinUrl(path, prefix);
                pathPtr = ptr + QStringLiteral("/config/bucket");
            }
            o["format"] = "parquet";
            o["path"] = str(ctx.s3a(path, pathPtr));
            o["mode"] = "append";
            OrderedJson opts = OrderedJson::object();
            const QString compression = CS::sinkConfig(s, QStringLiteral("compression"));
            if (!compression.isEmpty())
                opts["compression"] = str(compression);
            o["options"] = opts;
            QStringList parts = s.partitionBy;
            if (parts.isEmpty())
                parts = CS::listSetting(CS::sinkConfigNode(s, QStringLiteral("partition_by")));
            if (!parts.isEmpty())
                o["partition_by"] = stringList(parts);
        } else if (s.type == QLatin1String("iceberg")) {
            const QString catalog = iceberCatalogName(s);
            QString ns = CS::sinkConfig(s, QStringLiteral("namespace"));
            if (ns.isEmpty() && s.tableName.contains(QLatin1Char('.')))
                ns = s.tableName.section(QLatin1Char('.'), 0, -2);
            o["table"] = str(s.tableName);
            o["catalog"] = str(catalog);
            if (!ns.isEmpty())
                o["namespace"] = str(ns);
            const QString type = CS::sinkConfig(s, QStringLiteral("catalog_type"));
            o["catalog_type"] = str(type.isEmpty() ? QStringLiteral("hive") : type);
            if (const QString uri = CS::sinkConfig(s, QStringLiteral("uri")); !uri.isEmpty())
                o["uri"] = str(uri);
            if (const QString wh = CS::sinkConfig(s, QStringLiteral("warehouse")); !wh.isEmpty())
                o["warehouse"] = str(ctx.s3a(wh, ptr + QStringLiteral("/config/warehouse")));
            o["mode"] = "append";
            o["partition_by"] = stringList(s.partitionBy);
            OrderedJson props = OrderedJson::object();
            const QString wap = CS::sinkConfig(s, QStringLiteral("write_audit_publish")).isEmpty()
                                    ? CS::sinkConfig(s, QStringLiteral("wap"))
                                    : CS::sinkConfig(s, QStringLiteral("write_audit_publish"));
            if (wap == QLatin1String("true"))
                props["write.wap.enabled"] = "true";
            if (!props.empty())
                o["table_properties"] = props;
        } else if (s.type == QLatin1String("clickhouse")) {
            o["format"] = "jdbc";
            o["url"] = str(CS::sinkConfig(s, QStringLiteral("url")));
            o["dbtable"] = str(s.tableName);
            o["driver"] = "com.clickhouse.jdbc.ClickHouseDriver";
            if (const QString u = CS::sinkConfig(s, QStringLiteral("username")); !u.isEmpty())
                o["user"] = str(u);
            if (const QString pw = CS::sinkConfig(s, QStringLiteral("password")); !pw.isEmpty())
                o["password"] = str(pw);
            o["mode"] = "append";
        } else if (s.type == QLatin1String("kafka")) {
            QString servers = CS::sinkConfig(s, QStringLiteral("bootstrap_servers"));
            if (servers.isEmpty())
                servers = bootstrap;
            o["kafka.bootstrap.servers"] = str(servers);
            o["topic"] = str(s.kafkaTopic);
            if (!s.kafkaKeyField.isEmpty())
                o["key_field"] = str(s.kafkaKeyField);
        } else if (s.type == QLatin1String("rest_api")) {
            // The delivery settings of spark-api-etl.md, flat as the runner reads them; delays in
            // seconds.
            if (s.config.isMap()) {
                for (const SourceNode &c : s.config.children()) {
                    const std::string k = toStd(c.key());
                    if (c.key() == QLatin1String("retry") && c.isMap()) {
                        OrderedJson r = OrderedJson::object();
                        for (const SourceNode &rc : c.children()) {
                            const auto ms =
                                rc.isString() ? CS::durationMs(rc.text()) : std::nullopt;
                            r[toStd(rc.key())] =
                                ms ? number(double(*ms) / 1000.0) : toOrderedJson(rc);
                        }
                        o["retry"] = r;
                    } else if (c.key() == QLatin1String("response_table") && c.isString()) {
                        o[k] =
                            str(ctx.s3a(c.text(), ptr + QStringLiteral("/config/response_table")));
                    } else if (c.key() == QLatin1String("timeout") && c.isString() &&
                               CS::durationMs(c.text())) {
                        o[k] = number(double(*CS::durationMs(c.text())) / 1000.0);
                    } else {
                        o[k] = toOrderedJson(c);
                    }
                }
            }
            if (!o.contains("method"))
                o["method"] = "POST";
        }
        sinks.push_back(o);
    }
    job["sinks"] = sinks;

    // --- schedule
    if (!p.schedule.triggerInterval.isEmpty()) {
        const auto ms = CS::durationMs(p.schedule.triggerInterval);
        job["schedule"] = OrderedJson{
            {"trigger_type", "processing_time"},
            {"trigger_interval", toStd(ms ? CS::sparkInterval(*ms) : p.schedule.triggerInterval)}};
    } else if (!p.schedule.cron.isEmpty()) {
        job["schedule"] = OrderedJson{{"trigger_type", "cron"}, {"cron", toStd(p.schedule.cron)}};
    } else {
        job["schedule"] = OrderedJson{{"trigger_type", "once"}};
    }
    job["monitoring"] =
        OrderedJson{{"metrics_enabled", true},
                    {"metrics_prefix", toStd(QStringLiteral("uis.") + spec.name)},
                    {"alerts", OrderedJson{{"processing_delay_threshold_ms", 300000},
                                           {"error_rate_threshold", 0.05}}}};
    return job;
}

static QStringList packagesFor(const Spec &spec, const CompileOptions &options,
                               const OrderedJson &job)
{
    const QString version = SparkCompiler::sparkVersion(spec, options);
    const QString patch = CS::sparkPatchVersion(version);
    const QString scala = CS::scalaBinaryVersion(version);
    const QString minor = patch.section(QLatin1Char('.'), 0, 1);
    const auto &p = spec.provider;
    bool kafka = p.providerType == QLatin1String("kafka");
    bool iceberg = false, clickhouse = false, xml = false;
    for (const Sink &s : p.sinks) {
        kafka = kafka || s.type == QLatin1String("kafka");
        iceberg = iceberg || s.type == QLatin1String("iceberg");
        clickhouse = clickhouse || s.type == QLatin1String("clickhouse");
    }
    if (p.providerType == QLatin1String("file_ftp")) {
        for (const Endpoint &e : p.endpoints)
            xml = xml || e.format == QLatin1String("xml");
    }
    QStringList out;
    if (kafka)
        out.append(QStringLiteral("org.apache.spark:spark-sql-kafka-0-10_%1:%2").arg(scala, patch));
    if (iceberg)
        out.append(QStringLiteral("org.apache.iceberg:iceberg-spark-runtime-%1_%2:%3")
                       .arg(minor, scala, CS::icebergVersionForSpark(version)));
    if (clickhouse)
        out.append(
            QStringLiteral("com.clickhouse:clickhouse-jdbc:%1").arg(CS::clickHouseJdbcVersion()));
    // S3A lives in hadoop-aws, which Spark distributions do not ship.
    if (usesS3a(job["sources"]) || usesS3a(job["sinks"]) || usesS3a(job["spark_config"]))
        out.append(
            QStringLiteral("org.apache.hadoop:hadoop-aws:%1").arg(CS::hadoopAwsVersion(version)));
    // Spark 4 reads XML natively; 3.5 needs spark-xml.
    if (xml && version.startsWith(QLatin1String("3.")))
        out.append(QStringLiteral("com.databricks:spark-xml_%1:0.18.0").arg(scala));
    return out;
}

OrderedJson SparkCompiler::jobConfig(const Spec &spec, const CompileOptions &options,
                                     DiagnosticList *diagnostics)
{
    OrderedJson job = buildJob(spec, options, diagnostics);
    job["packages"] = stringList(packagesFor(spec, options, job));
    return job;
}

QStringList SparkCompiler::packages(const Spec &spec, const CompileOptions &options)
{
    return packagesFor(spec, options, buildJob(spec, options, nullptr));
}

QStringList SparkCompiler::submitArgs(const Spec &spec, const CompileOptions &options)
{
    return submitArgsWith(spec, options, packages(spec, options));
}

QStringList SparkCompiler::submitArgsWith(const Spec &spec, const CompileOptions &options,
                                          const QStringList &pk)
{
    const bool k8s = isKubernetes(options);
    QStringList argv{QStringLiteral("spark-submit")};
    argv << QStringLiteral("--master")
         << (options.master.isEmpty() ? QString::fromLatin1(kK8sMaster) : options.master);
    argv << QStringLiteral("--deploy-mode")
         << (k8s ? QStringLiteral("cluster") : QStringLiteral("client"));
    argv << QStringLiteral("--name") << spec.name;
    if (!pk.isEmpty())
        argv << QStringLiteral("--packages") << pk.join(QLatin1Char(','));
    const OrderedJson conf = baseConf(spec, options, nullptr);
    for (auto it = conf.begin(); it != conf.end(); ++it)
        argv << QStringLiteral("--conf")
             << QString::fromStdString(it.key()) + QLatin1Char('=') +
                    QString::fromStdString(it.value().get<std::string>());
    if (k8s) {
        const QString version = sparkVersion(spec, options);
        const QString image = spec.configValue(
            QStringLiteral("container_image"),
            QStringLiteral("apache/spark:%1-python3").arg(CS::sparkPatchVersion(version)));
        const QString account =
            spec.configValue(QStringLiteral("service_account"), QStringLiteral("spark"));
        argv << QStringLiteral("--conf")
             << QStringLiteral("spark.kubernetes.namespace=") + CS::kubernetesNamespace(spec);
        argv << QStringLiteral("--conf")
             << QStringLiteral("spark.kubernetes.container.image=") + image;
        argv << QStringLiteral("--conf")
             << QStringLiteral("spark.kubernetes.authenticate.driver.serviceAccountName=") +
                    account;
        argv << QStringLiteral("--conf")
             << QStringLiteral("spark.kubernetes.authenticate.executor.serviceAccountName=") +
                    account;
        // In a driver pod $HOME is not writable; Ivy resolves --packages into /tmp instead.
        if (!pk.isEmpty())
            argv << QStringLiteral("--conf") << QStringLiteral("spark.jars.ivy=/tmp/.ivy2");
    }
    QString runner = options.runnerPath;
    if (runner.isEmpty())
        runner = QString::fromLatin1(k8s ? kK8sRunner : kLocalRunner);
    QString jobPath = options.jobConfigPath;
    if (jobPath.isEmpty())
        jobPath = QStringLiteral("/opt/uis/jobs/%1.json").arg(spec.name);
    argv << runner << QStringLiteral("--job-config") << jobPath;
    return argv;
}

CompileResult SparkCompiler::compile(const LoadedSpec &loaded, const CompileOptions &options)
{
    CompileResult result;
    if (!CS::accept(loaded, Engine::Spark, QStringLiteral("the Spark compiler"), result))
        return result;
    const Spec &spec = loaded.spec;
    if (!isSupportedVersion(options.sparkVersion)) {
        result.diagnostics.append(
            CS::make(Severity::Error, QStringLiteral("UIS-E-OPTION"),
                     QStringLiteral("Spark version `%1` is not supported; use 3.5 or 4.x")
                         .arg(options.sparkVersion)));
        return result;
    }

    const OrderedJson job = jobConfig(spec, options, &result.diagnostics);
    if (isKubernetes(options) && spec.configValue(QStringLiteral("container_image")).isEmpty())
        CS::add(&result.diagnostics,
                CS::make(
                    Severity::Info, QStringLiteral("UIS-I-SPARK-IMAGE"),
                    QStringLiteral(
                        "no `config.container_image`: spark-submit uses `apache/spark:%1-python3`; "
                        "the runner (%2) and the job config must be in the image or "
                        "mounted into the driver pod")
                        .arg(CS::sparkPatchVersion(sparkVersion(spec, options)),
                             options.runnerPath.isEmpty() ? QString::fromLatin1(kK8sRunner)
                                                          : options.runnerPath),
                    QStringLiteral("/provider/config")));

    // The packages are already in the job config: building the job again for them would double
    // the work on large specs.
    QStringList pk;
    for (const auto &p : job["packages"])
        pk.append(QString::fromStdString(p.get<std::string>()));
    const QStringList argv = submitArgsWith(spec, options, pk);
    result.artifacts.append(
        Artifact{QStringLiteral("spark-job"),
                 CS::fileName(spec, QStringLiteral("spark-job"), QStringLiteral("json")),
                 QStringLiteral("json"), dumpJson(job)});
    result.artifacts.append(
        Artifact{QStringLiteral("spark-submit"),
                 CS::fileName(spec, QStringLiteral("spark-submit"), QStringLiteral("sh")),
                 QStringLiteral("shell"), (ShellQuote::join(argv) + QLatin1Char('\n')).toUtf8()});
    result.artifacts.append(
        Artifact{QStringLiteral("spark-conf"),
                 CS::fileName(spec, QStringLiteral("spark-conf"), QStringLiteral("json")),
                 QStringLiteral("json"), dumpJson(sessionConfWith(spec, options, pk))});
    CS::locate(result.diagnostics, loaded);
    sortDiagnostics(result.diagnostics);
    return result;
}

} // namespace uis
