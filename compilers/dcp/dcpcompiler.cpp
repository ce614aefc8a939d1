// SPDX-License-Identifier: Apache-2.0
#include "dcpcompiler.h"

#include "compilesupport.h"
#include "flink/flinkcompiler.h"
#include "manifestwriter.h"
#include "spark/sparkcompiler.h"
#include "specwriter.h"

#include <cmath>

namespace uis {

namespace {

using CS = CompileSupport;

const char *const kCoreEtlVersion = "2.7.0";

qint64 configInt(const Spec &spec, const QString &key, qint64 fallback)
{
    bool ok = false;
    const qint64 v = spec.configValue(key).toLongLong(&ok);
    return ok && v > 0 ? v : fallback;
}

bool isStreaming(const Spec &spec)
{
    const Engine e = engineFor(spec);
    return e == Engine::Flink || (spec.provider.mode == QLatin1String("micro_batch") &&
                                  !spec.provider.schedule.triggerInterval.isEmpty());
}

OrderedJson resources(const Spec &spec)
{
    if (engineFor(spec) == Engine::Flink) {
        // JobManager and TaskManagers, in the request's driver/executor terms (Flink defaults).
        const qint64 slots = configInt(spec, QStringLiteral("task_slots"), 1);
        const qint64 parallelism = spec.effectiveParallelism();
        return OrderedJson{
            {"driver", OrderedJson{{"cores", 1}, {"memory", "1600m"}}},
            {"executor",
             OrderedJson{{"instances", (parallelism + slots - 1) / slots},
                         {"cores", slots},
                         {"memory", toStd(spec.configValue(QStringLiteral("taskmanager_memory"),
                                                           QStringLiteral("1728m")))}}}};
    }
    return OrderedJson{
        {"driver", OrderedJson{{"cores", configInt(spec, QStringLiteral("driver_cores"), 1)},
                               {"memory", toStd(spec.configValue(QStringLiteral("driver_memory"),
                                                                 QStringLiteral("1g")))}}},
        {"executor",
         OrderedJson{{"instances", configInt(spec, QStringLiteral("executor_instances"),
                                             spec.effectiveParallelism())},
                     {"cores", configInt(spec, QStringLiteral("executor_cores"), 1)},
                     {"memory", toStd(spec.configValue(QStringLiteral("executor_memory"),
                                                       QStringLiteral("1g")))}}}};
}

OrderedJson coreEtl(const OrderedJson &job)
{
    return OrderedJson{{"version", kCoreEtlVersion},
                       {"job_spec", OrderedJson{{"sources", job["sources"]},
                                                {"transformations", job["transforms"]},
                                                {"sinks", job["sinks"]}}}};
}

QString team(const Spec &spec)
{
    return spec.provider.tenantId;
}

} // namespace

QStringList DcpCompiler::targets(Engine engine)
{
    if (engine == Engine::Flink)
        return {QStringLiteral("dcp-request")};
    return {QStringLiteral("dcp-request"), QStringLiteral("dcp-manifest")};
}

OrderedJson DcpCompiler::request(const Spec &spec, const CompileOptions &options,
                                 DiagnosticList *diagnostics)
{
    const CompileIndex index(spec);
    return requestFor(spec, options,
                      engineFor(spec) == Engine::Flink
                          ? FlinkCompiler::jobConfig(index, options, diagnostics)
                          : SparkCompiler::jobConfig(index, options, diagnostics));
}

OrderedJson DcpCompiler::requestFor(const Spec &spec, const CompileOptions &options,
                                    OrderedJson job)
{
    OrderedJson body = OrderedJson::object();
    body["name"] = toStd(spec.name);
    body["team"] = toStd(team(spec));
    body["user"] = toStd(spec.createdBy.isEmpty() ? spec.provider.owner : spec.createdBy);
    OrderedJson config = OrderedJson::object();
    if (engineFor(spec) == Engine::Flink) {
        config["engine"] = "flink";
        config["job_type"] = "STREAMING";
        config["flink"] = OrderedJson{
            {"version", job["flink_version"]}, {"sql", job["sql"]}, {"conf", job["flink_config"]}};
        config["resources"] = resources(spec);
        config["uis"] =
            OrderedJson{{"spec_version", toStd(spec.version)}, {"job_config", std::move(job)}};
    } else {
        config["spark_version"] = toStd(SparkCompiler::sparkVersion(spec, options));
        config["job_type"] = isStreaming(spec) ? "STREAMING" : "BATCH";
        config["core_etl"] = coreEtl(job);
        config["resources"] = resources(spec);
        config["uis"] =
            OrderedJson{{"spec_version", toStd(spec.version)}, {"job_config", std::move(job)}};
    }
    body["config"] = std::move(config);
    return body;
}

QByteArray DcpCompiler::manifest(const Spec &spec, const CompileOptions &options)
{
    return manifestFor(spec, options, SparkCompiler::jobConfig(spec, options, nullptr));
}

QByteArray DcpCompiler::manifestFor(const Spec &spec, const CompileOptions &options,
                                    const OrderedJson &job)
{
    OrderedJson m = OrderedJson::object();
    m["apiVersion"] = "dcp.pedregal.doordash.com/v1";
    m["kind"] = "SparkJob";
    OrderedJson meta = OrderedJson::object();
    meta["name"] = toStd(spec.name);
    if (!team(spec).isEmpty())
        meta["team"] = toStd(team(spec));
    if (!spec.description.isEmpty())
        meta["annotations"] = OrderedJson{{"description", toStd(spec.description)}};
    m["metadata"] = meta;
    OrderedJson s = OrderedJson::object();
    s["engine"] = OrderedJson{{"version", toStd(SparkCompiler::sparkVersion(spec, options))}};
    s["jobType"] = isStreaming(spec) ? "streaming" : "batch";
    if (!spec.provider.schedule.cron.isEmpty())
        s["schedule"] = OrderedJson{{"cron", toStd(spec.provider.schedule.cron)}};
    else if (!spec.provider.schedule.triggerInterval.isEmpty())
        s["schedule"] = OrderedJson{{"triggerInterval", job["schedule"]["trigger_interval"]}};
    s["resources"] = resources(spec);
    s["coreEtl"] = OrderedJson{{"version", kCoreEtlVersion},
                               {"jobSpec", OrderedJson{{"sources", job["sources"]},
                                                       {"transformations", job["transforms"]},
                                                       {"sinks", job["sinks"]}}}};
    m["spec"] = s;
    return "# DCP manifest for GitOps, generated by UIS Studio from the UIS spec " +
           spec.name.toUtf8() + ".\n" + ManifestWriter::write(m);
}

CompileResult DcpCompiler::compile(const LoadedSpec &loaded, const CompileOptions &options)
{
    CompileResult result;
    if (!CS::accept(loaded, Engine::None, QStringLiteral("the DCP compiler"), result))
        return result;
    const Spec &spec = loaded.spec;
    const Engine engine = engineFor(spec);
    if (engine == Engine::None) {
        result.diagnostics.append(
            CS::make(Severity::Error, QStringLiteral("UIS-E-ENGINE"),
                     QStringLiteral("mode `%1` has no engine").arg(spec.provider.mode),
                     QStringLiteral("/provider/mode")));
        CS::locate(result.diagnostics, loaded);
        return result;
    }
    // The request embeds the engine's compiled job: its errors are the DCP compiler's errors.
    // The engine's job is built once and embedded in both artifacts.
    OrderedJson job;
    const CompileResult engineResult = engine == Engine::Flink
                                           ? FlinkCompiler::compile(loaded, options, &job)
                                           : SparkCompiler::compile(loaded, options, &job);
    result.diagnostics = engineResult.diagnostics;
    if (!engineResult.succeeded())
        return result;
    // The manifest first: the request then takes the job over instead of copying it.
    const QByteArray yaml =
        engine == Engine::Spark ? manifestFor(spec, options, job) : QByteArray();
    result.artifacts.append(
        Artifact{QStringLiteral("dcp-request"),
                 CS::fileName(spec, QStringLiteral("dcp-request"), QStringLiteral("json")),
                 QStringLiteral("json"), dumpJson(requestFor(spec, options, std::move(job)))});
    if (engine == Engine::Spark)
        result.artifacts.append(
            Artifact{QStringLiteral("dcp-manifest"),
                     CS::fileName(spec, QStringLiteral("dcp-manifest"), QStringLiteral("yaml")),
                     QStringLiteral("yaml"), yaml});
    return result;
}

} // namespace uis
