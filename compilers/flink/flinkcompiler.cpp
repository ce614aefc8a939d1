// SPDX-License-Identifier: Apache-2.0
#include "flinkcompiler.h"

#include "compilesupport.h"
#include "flinkcontext.h"
#include "flinkjobjson.h"
#include "flinkscript.h"
#include "jobjsonwriter.h"
#include "shellquote.h"

#include <algorithm>

namespace uis {

namespace {

using CS = CompileSupport;

const char *const kK8sRunner = "/opt/uis/runners/flink/uis_flink_runner.py";
const char *const kLocalRunner = "runners/flink/uis_flink_runner.py";

QString flinkVersionOf(const Spec &spec)
{
    return spec.configValue(QStringLiteral("flink_version"), CS::defaultFlinkVersion());
}

} // namespace

QStringList FlinkCompiler::targets()
{
    return {QStringLiteral("flink-job"), QStringLiteral("flink-sql"), QStringLiteral("flink-run")};
}

QString FlinkCompiler::bridgeTopic(const Spec &spec, const QString &endpoint)
{
    const QString t = spec.configValue(QStringLiteral("bridge_topic"));
    if (t.isEmpty())
        return QStringLiteral("uis.%1.%2").arg(spec.name, endpoint);
    // One override for several endpoints would mix their messages: suffix the endpoint.
    return spec.provider.endpoints.size() > 1 ? t + QLatin1Char('.') + endpoint : t;
}

QString FlinkCompiler::clusterId(const Spec &spec)
{
    QString id = (QStringLiteral("uis-") + spec.name).left(45);
    // A Kubernetes name ends with a letter or digit; cutting may leave a `-`.
    while (id.endsWith(QLatin1Char('-')))
        id.chop(1);
    return id;
}

OrderedJson FlinkCompiler::flinkConfig(const Spec &spec, const CompileOptions &options)
{
    Q_UNUSED(options);
    OrderedJson c = OrderedJson::object();
    auto put = [&](const char *key, const QString &v) {
        if (!v.isEmpty())
            c[key] = toStd(v);
    };
    put("taskmanager.memory.process.size", spec.configValue(QStringLiteral("taskmanager_memory")));
    put("taskmanager.numberOfTaskSlots", spec.configValue(QStringLiteral("task_slots")));
    put("parallelism.default", QString::number(spec.effectiveParallelism()));
    put("state.backend.type",
        spec.configValue(QStringLiteral("state_backend"), QStringLiteral("rocksdb")));
    const auto interval = CS::durationMs(spec.configValue(QStringLiteral("checkpoint_interval")));
    put("execution.checkpointing.interval", CS::flinkDuration(interval.value_or(60000)));
    put("execution.checkpointing.mode", QStringLiteral("EXACTLY_ONCE"));
    put("execution.checkpointing.timeout", CS::flinkDuration(300000));
    put("execution.checkpointing.externalized-checkpoint-retention",
        QStringLiteral("RETAIN_ON_CANCELLATION"));
    put("execution.checkpointing.dir", spec.configValue(QStringLiteral("checkpoint_dir")));
    put("execution.checkpointing.savepoint-dir", spec.configValue(QStringLiteral("savepoint_dir")));
    put("restart-strategy.type", QStringLiteral("exponential-delay"));
    put("metrics.reporter.prom.factory.class",
        QStringLiteral("org.apache.flink.metrics.prometheus.PrometheusReporterFactory"));
    put("metrics.reporter.prom.port", QStringLiteral("9249"));
    for (const SourceNode *n : CS::dottedConfig(spec))
        c[toStd(n->key())] = toStd(CS::scalarText(*n));
    return c;
}

QString FlinkCompiler::sql(const CompileIndex &index, const CompileOptions &options,
                           DiagnosticList *diagnostics)
{
    FlinkContext context(index, options);
    const QString text = FlinkScript(context).write();
    for (const Diagnostic &d : context.diagnostics())
        CS::add(diagnostics, d);
    return text;
}

QStringList FlinkCompiler::connectorJars(const Spec &spec, const CompileOptions &options)
{
    Q_UNUSED(options);
    const QString version = flinkVersionOf(spec);
    const QString patch = version.count(QLatin1Char('.')) >= 2 ? version
                          : version == QLatin1String("1.20")   ? QStringLiteral("1.20.1")
                                                               : version + QStringLiteral(".0");
    const Provider &p = spec.provider;
    bool kafka = p.providerType == QLatin1String("kafka") ||
                 p.providerType == QLatin1String("websocket") ||
                 p.providerType == QLatin1String("webhook");
    bool iceberg = false, parquet = false, avro = false, pg = false, mysql = false;
    for (const Sink &s : p.sinks) {
        kafka = kafka || s.type == QLatin1String("kafka");
        iceberg = iceberg || s.type == QLatin1String("iceberg");
        parquet = parquet || s.type == QLatin1String("parquet");
    }
    for (const Endpoint &e : p.endpoints) {
        parquet = parquet || (p.providerType == QLatin1String("file_ftp") &&
                              e.format == QLatin1String("parquet"));
        avro =
            avro || (p.providerType == QLatin1String("kafka") && e.format == QLatin1String("avro"));
        if (p.providerType == QLatin1String("database")) {
            mysql = mysql || e.connector == QLatin1String("mysql-cdc");
            pg = pg || e.connector != QLatin1String("mysql-cdc");
        }
    }
    QStringList out;
    if (kafka)
        out.append(QStringLiteral("org.apache.flink:flink-sql-connector-kafka:%1")
                       .arg(CS::flinkKafkaConnectorVersion(version)));
    if (pg)
        out.append(QStringLiteral("org.apache.flink:flink-sql-connector-postgres-cdc:%1")
                       .arg(CS::flinkCdcVersion()));
    if (mysql)
        out.append(QStringLiteral("org.apache.flink:flink-sql-connector-mysql-cdc:%1")
                       .arg(CS::flinkCdcVersion()));
    if (iceberg)
        out.append(
            QStringLiteral("org.apache.iceberg:iceberg-flink-runtime-%1:%2")
                .arg(version.section(QLatin1Char('.'), 0, 1), CS::icebergVersionForFlink(version)));
    if (parquet)
        out.append(QStringLiteral("org.apache.flink:flink-sql-parquet:%1").arg(patch));
    if (avro)
        out.append(QStringLiteral("org.apache.flink:flink-sql-avro:%1").arg(patch));
    return out;
}

OrderedJson FlinkCompiler::jobConfig(const CompileIndex &index, const CompileOptions &options,
                                     DiagnosticList *diagnostics)
{
    const Spec &spec = index.spec();
    const Provider &p = spec.provider;
    OrderedJson job = objectWithRoom(32); // the job takes its large arrays first
    job["name"] = toStd(spec.name);
    job["job_type"] = CS::streamingOn(spec, Engine::Flink) ? "streaming" : "batch";
    job["mode"] = toStd(p.mode);
    job["flink_version"] = toStd(flinkVersionOf(spec));
    job["flink_config"] = flinkConfig(spec, options);
    FlinkJobJson traits(spec);
    JobJsonWriter(index, traits).write(job);

    const auto interval = CS::durationMs(spec.configValue(QStringLiteral("checkpoint_interval")));
    OrderedJson state = OrderedJson::object();
    state["backend"] =
        toStd(spec.configValue(QStringLiteral("state_backend"), QStringLiteral("rocksdb")));
    OrderedJson cp = OrderedJson::object();
    cp["interval_ms"] = interval.value_or(60000);
    cp["timeout_ms"] = 300000;
    cp["mode"] = "EXACTLY_ONCE";
    cp["externalized_retention"] = "RETAIN_ON_CANCELLATION";
    if (const QString d = spec.configValue(QStringLiteral("checkpoint_dir")); !d.isEmpty())
        cp["dir"] = toStd(d);
    state["checkpoint_config"] = cp;
    if (const QString d = spec.configValue(QStringLiteral("savepoint_dir")); !d.isEmpty())
        state["savepoint_config"] =
            OrderedJson{{"dir", toStd(d)}, {"retention", "RETAIN_ON_CANCELLATION"}};
    qint64 ttl = 0;
    for (const Transform &t : p.transforms) {
        if (t.type == QLatin1String("dedupe"))
            ttl = std::max(ttl, CS::durationMs(t.within).value_or(0));
    }
    if (ttl > 0)
        state["state_ttl"] = OrderedJson{{"enabled", true}, {"time_ms", ttl}};
    job["state_management"] = state;
    job["monitoring"] = OrderedJson{
        {"metrics_enabled", true},
        {"metrics_prefix", toStd(QStringLiteral("uis.") + spec.name)},
        {"prometheus", OrderedJson{{"enabled", true}, {"port", 9249}, {"path", "/metrics"}}},
        {"alerts", OrderedJson{{"processing_delay_threshold_ms", 300000},
                               {"error_rate_threshold", 0.01},
                               {"checkpoint_failure_threshold", 3}}}};
    job["connector_jars"] = JobJsonWriter::stringList(connectorJars(spec, options));
    FlinkContext context(index, options);
    job["sql"] = FlinkScript(context).writeUtf8();
    for (const Diagnostic &d : context.diagnostics())
        CS::add(diagnostics, d);
    return job;
}

QStringList FlinkCompiler::runArgs(const Spec &spec, const CompileOptions &options)
{
    const QString target =
        options.flinkTarget.isEmpty() ? QStringLiteral("kubernetes-session") : options.flinkTarget;
    const bool k8s = target.startsWith(QLatin1String("kubernetes"));
    QStringList argv{QStringLiteral("flink"), QStringLiteral("run"),
                     QStringLiteral("-t"),    target,
                     QStringLiteral("-p"),    QString::number(spec.effectiveParallelism()),
                     QStringLiteral("-d"),    QStringLiteral("-Dpipeline.name=uis-") + spec.name};
    const OrderedJson conf = flinkConfig(spec, options);
    for (auto it = conf.begin(); it != conf.end(); ++it)
        argv << QStringLiteral("-D") + QString::fromStdString(it.key()) + QLatin1Char('=') +
                    QString::fromStdString(it.value().get<std::string>());
    if (k8s) {
        if (!conf.contains("kubernetes.namespace"))
            argv << QStringLiteral("-Dkubernetes.namespace=") + CS::kubernetesNamespace(spec);
        if (target == QLatin1String("kubernetes-application") &&
            !conf.contains("kubernetes.cluster-id"))
            argv << QStringLiteral("-Dkubernetes.cluster-id=") + clusterId(spec);
        if (const QString image = spec.configValue(QStringLiteral("container_image"));
            !image.isEmpty() && !conf.contains("kubernetes.container.image.ref"))
            argv << QStringLiteral("-Dkubernetes.container.image.ref=") + image;
        if (const QString sa = spec.configValue(QStringLiteral("service_account"));
            !sa.isEmpty() && !conf.contains("kubernetes.service-account"))
            argv << QStringLiteral("-Dkubernetes.service-account=") + sa;
    }
    argv << QStringLiteral("-py")
         << CS::runnerArgs(spec, options,
                           QString::fromLatin1(k8s || target.startsWith(QLatin1String("yarn"))
                                                   ? kK8sRunner
                                                   : kLocalRunner));
    return argv;
}

CompileResult FlinkCompiler::compile(const LoadedSpec &loaded, const CompileOptions &options,
                                     OrderedJson *jobOut)
{
    CompileResult result;
    if (!CS::accept(loaded, Engine::Flink, QStringLiteral("the Flink compiler"), result))
        return result;
    const Spec &spec = loaded.spec;
    DiagnosticList diags;
    // The SQL script is where the Flink findings come from; the rest of the job document is
    // built only for the artifacts or a caller that takes it.
    const QString &only = options.onlyTarget;
    const bool wantJob = jobOut || (!options.diagnosticsOnly &&
                                    (only.isEmpty() || only == QLatin1String("flink-job")));
    OrderedJson job;
    QByteArray script; // UTF-8, as the job holds it
    if (wantJob) {
        job = jobConfig(spec, options, &diags);
        if (only.isEmpty() || only == QLatin1String("flink-sql")) {
            const std::string &text = job["sql"].get_ref<const std::string &>();
            script = QByteArray(text.data(), qsizetype(text.size()));
        }
    } else if (options.diagnosticsOnly) {
        const CompileIndex index(spec);
        FlinkContext context(index, options);
        FlinkScript(context).check();
        for (const Diagnostic &d : context.diagnostics())
            CS::add(&diags, d);
    } else {
        script = sql(CompileIndex(spec), options, &diags).toUtf8();
    }
    const QString target =
        options.flinkTarget.isEmpty() ? QStringLiteral("kubernetes-session") : options.flinkTarget;
    if (target == QLatin1String("kubernetes-session") &&
        spec.configValue(QStringLiteral("kubernetes.cluster-id")).isEmpty())
        CS::add(&diags,
                CS::make(Severity::Info, QStringLiteral("UIS-I-FLINK-SESSION"),
                         QStringLiteral(
                             "flink run -t kubernetes-session submits to an existing session "
                             "cluster: set `kubernetes.cluster-id` in provider.config to its id"),
                         QStringLiteral("/provider/config")));
    result.diagnostics = diags;
    CS::locate(result.diagnostics, loaded);
    sortDiagnostics(result.diagnostics);
    if (hasErrors(result.diagnostics))
        return result;
    if (options.diagnosticsOnly) {
        if (jobOut)
            *jobOut = std::move(job);
        return result;
    }
    auto wanted = [&](const char *t) { return only.isEmpty() || only == QLatin1String(t); };
    if (wantJob && wanted("flink-job"))
        result.artifacts.append(
            Artifact{QStringLiteral("flink-job"),
                     CS::fileName(spec, QStringLiteral("flink-job"), QStringLiteral("json")),
                     QStringLiteral("json"), dumpJson(job)});
    if (wanted("flink-sql"))
        result.artifacts.append(
            Artifact{QStringLiteral("flink-sql"),
                     CS::fileName(spec, QStringLiteral("flink-sql"), QStringLiteral("sql")),
                     QStringLiteral("sql"), script});
    if (wanted("flink-run"))
        result.artifacts.append(
            Artifact{QStringLiteral("flink-run"),
                     CS::fileName(spec, QStringLiteral("flink-run"), QStringLiteral("sh")),
                     QStringLiteral("shell"),
                     (ShellQuote::join(runArgs(spec, options)) + QLatin1Char('\n')).toUtf8()});
    if (jobOut)
        *jobOut = std::move(job);
    return result;
}

} // namespace uis
