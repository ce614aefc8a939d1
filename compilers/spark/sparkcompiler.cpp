// SPDX-License-Identifier: Apache-2.0
#include "sparkcompiler.h"

#include "compilesupport.h"
#include "jobjsonwriter.h"
#include "shellquote.h"
#include "sparkjobjson.h"

#include <QRegularExpression>

#include <cmath>

namespace uis {

namespace {

const char *const kK8sMaster = "k8s://https://kubernetes.default.svc.cluster.local:443";
const char *const kK8sRunner = "local:///opt/uis/runners/spark/uis_spark_runner.py";
const char *const kLocalRunner = "runners/spark/uis_spark_runner.py";

using CS = CompileSupport;

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
    SparkJobJson ctx(spec, diags);
    OrderedJson c = OrderedJson::object();
    c["spark.app.name"] = toStd(spec.name);
    c["spark.sql.adaptive.enabled"] = "true";
    c["spark.sql.adaptive.coalescePartitions.enabled"] = "true";
    c["spark.serializer"] = "org.apache.spark.serializer.KryoSerializer";
    // Same result on both engines: timestamps and windows in UTC (Flink: table.local-time-zone).
    c["spark.sql.session.timeZone"] = "UTC";
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
        const std::string key = "spark.sql.catalog." + toStd(SparkJobJson::icebergCatalog(s));
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

static OrderedJson buildJob(const CompileIndex &index, const CompileOptions &options,
                            DiagnosticList *diagnostics)
{
    const Spec &spec = index.spec();
    const Provider &p = spec.provider;
    OrderedJson job = objectWithRoom(32); // the job takes its large arrays first
    job["name"] = toStd(spec.name);
    job["job_type"] = toStd(p.mode);
    job["spark_config"] = baseConf(spec, options, diagnostics);
    SparkJobJson traits(spec, diagnostics);
    JobJsonWriter(index, traits).write(job);

    // Same result on both engines: dedupe keeps the first row by event time. The runner needs the
    // event-time column for that (a batch orders by it; a stream bounds its state with it).
    const QString eventTime = SparkCompiler::eventTimeColumn(spec);
    if (!eventTime.isEmpty()) {
        for (auto &t : job["transforms"]) {
            if (t.value("type", std::string()) == "dedupe") {
                t["time_column"] = toStd(eventTime);
                t["keep"] = "first_by_event_time";
            }
        }
    }

    // --- schedule
    if (!p.schedule.triggerInterval.isEmpty() && CS::streamingOn(spec, Engine::Spark)) {
        const auto ms = CS::durationMs(p.schedule.triggerInterval);
        job["schedule"] = OrderedJson{
            {"trigger_type", "processing_time"},
            {"trigger_interval", toStd(ms ? CS::sparkInterval(*ms) : p.schedule.triggerInterval)}};
    } else if (CS::streamingOn(spec, Engine::Spark)) {
        // A streaming spec on Spark: Structured Streaming, a micro-batch as soon as the last ends.
        job["schedule"] =
            OrderedJson{{"trigger_type", "processing_time"}, {"trigger_interval", "0 seconds"}};
    } else if (!p.schedule.triggerInterval.isEmpty()) {
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

QString SparkCompiler::eventTimeColumn(const Spec &spec)
{
    // The event time of the pipeline: a watermark's column, else a window's; it must be a
    // timestamp column of an endpoint (as Flink, which declares it on the source table).
    QString column;
    for (const Transform &t : spec.provider.transforms) {
        if (t.type == QLatin1String("watermark") && !t.timeColumn.isEmpty()) {
            column = t.timeColumn;
            break;
        }
    }
    if (column.isEmpty()) {
        for (const Transform &t : spec.provider.transforms) {
            if (t.type == QLatin1String("window_aggregate") && !t.timeColumn.isEmpty()) {
                column = t.timeColumn;
                break;
            }
        }
    }
    if (column.isEmpty())
        return {};
    for (const Endpoint &e : spec.provider.endpoints) {
        for (const SchemaField &f : e.schema) {
            if (f.type == QLatin1String("timestamp") &&
                (f.name == column || mapValue(e.fieldMapping, f.name) == column))
                return column;
        }
    }
    return {};
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

OrderedJson SparkCompiler::jobConfig(const CompileIndex &index, const CompileOptions &options,
                                     DiagnosticList *diagnostics)
{
    OrderedJson job = buildJob(index, options, diagnostics);
    job["packages"] = JobJsonWriter::stringList(packagesFor(index.spec(), options, job));
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
        const QString account = serviceAccount(spec);
        argv << QStringLiteral("--conf")
             << QStringLiteral("spark.kubernetes.namespace=") + CS::kubernetesNamespace(spec);
        argv << QStringLiteral("--conf")
             << QStringLiteral("spark.kubernetes.container.image=") + containerImage(spec, options);
        argv << QStringLiteral("--conf")
             << QStringLiteral("spark.kubernetes.authenticate.driver.serviceAccountName=") +
                    account;
        argv << QStringLiteral("--conf")
             << QStringLiteral("spark.kubernetes.authenticate.executor.serviceAccountName=") +
                    account;
        if (!pk.isEmpty())
            argv << QStringLiteral("--conf")
                 << QStringLiteral("spark.jars.ivy=") + podIvyDirectory();
    }
    argv << runnerArgs(spec, options);
    return argv;
}

QStringList SparkCompiler::runnerArgs(const Spec &spec, const CompileOptions &options)
{
    return CS::runnerArgs(spec, options,
                          QString::fromLatin1(isKubernetes(options) ? kK8sRunner : kLocalRunner));
}

QString SparkCompiler::containerImage(const Spec &spec, const CompileOptions &options)
{
    return spec.configValue(QStringLiteral("container_image"),
                            QStringLiteral("apache/spark:%1-python3")
                                .arg(CS::sparkPatchVersion(sparkVersion(spec, options))));
}

QString SparkCompiler::serviceAccount(const Spec &spec)
{
    return spec.configValue(QStringLiteral("service_account"), QStringLiteral("spark"));
}

QString SparkCompiler::podIvyDirectory()
{
    // In a driver pod $HOME is not writable; Ivy resolves --packages into /tmp instead.
    return QStringLiteral("/tmp/.ivy2");
}

CompileResult SparkCompiler::compile(const LoadedSpec &loaded, const CompileOptions &options,
                                     OrderedJson *jobOut)
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

    // The findings come from building the job; its package list adds none.
    OrderedJson job = options.diagnosticsOnly && !jobOut
                          ? buildJob(spec, options, &result.diagnostics)
                          : jobConfig(spec, options, &result.diagnostics);
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

    if (options.diagnosticsOnly) {
        CS::locate(result.diagnostics, loaded);
        sortDiagnostics(result.diagnostics);
        if (jobOut)
            *jobOut = std::move(job);
        return result;
    }
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
    if (jobOut)
        *jobOut = std::move(job);
    return result;
}

} // namespace uis
