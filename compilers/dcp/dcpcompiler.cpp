// SPDX-License-Identifier: Apache-2.0
#include "dcpcompiler.h"

#include "compilesupport.h"
#include "flink/flinkcompiler.h"
#include "jobresources.h"
#include "jsontext.h"
#include "manifestwriter.h"
#include "spark/sparkcompiler.h"
#include "specwriter.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <vector>

namespace uis {

namespace {

using CS = CompileSupport;

const char *const kCoreEtlVersion = "2.7.0";

OrderedJson coreEtl(const OrderedJson &job)
{
    return OrderedJson{{"version", kCoreEtlVersion},
                       {"job_spec", OrderedJson{{"sources", job["sources"]},
                                                {"transformations", job["transforms"]},
                                                {"sinks", job["sinks"]}}}};
}

/// core_etl.job_spec without its content: dumpRequest() writes that of uis.job_config there.
OrderedJson sharedCoreEtl()
{
    return OrderedJson{
        {"version", kCoreEtlVersion},
        {"job_spec",
         OrderedJson{{"sources", nullptr}, {"transformations", nullptr}, {"sinks", nullptr}}}};
}

/**
 * dumpJson() of a request built with `shareJobSpec`, byte for byte as if core_etl held copies
 * of the job's sources, transforms and sinks (and `flink.sql` the job's SQL): each is
 * serialised once (both sit at the same depth) instead of being copied and serialised twice.
 * The second place gets a reference to the text of the first, filled in when the whole is
 * copied out, so no text is held twice before that.
 */
class RequestDumper
{
public:
    QByteArray dump(const OrderedJson &body)
    {
        const OrderedJson *job = find(find(find(&body, "config"), "uis"), "job_config");
        const OrderedJson *spec = find(find(find(&body, "config"), "core_etl"), "job_spec");
        for (const auto &[from, to] :
             {std::pair{"sources", "sources"}, std::pair{"transformations", "transforms"},
              std::pair{"sinks", "sinks"}})
            alias(find(spec, from), find(job, to));
        // Flink: the SQL script (a string reads the same at any depth).
        alias(find(find(find(&body, "config"), "flink"), "sql"), find(job, "sql"));
        write(body, 0);
        m_out += '\n';
        return spliced();
    }

private:
    /// A text written before, to be repeated at `at` (an offset in m_out).
    struct Repeat
    {
        size_t at, from, size;
    };

    void alias(const OrderedJson *placeholder, const OrderedJson *target)
    {
        if (placeholder && target) {
            m_alias[placeholder] = target;
            m_targets.insert(target);
        }
    }

    static const OrderedJson *find(const OrderedJson *j, const char *key)
    {
        if (!j || !j->is_object())
            return nullptr;
        const auto it = j->find(key);
        return it == j->end() ? nullptr : &*it;
    }

    // Objects as nlohmann's pretty printer writes them (checking each for an alias); everything
    // else through JsonText.
    void write(const OrderedJson &value, unsigned indent)
    {
        const OrderedJson *v = &value;
        if (const auto a = m_alias.find(v); a != m_alias.end())
            v = a->second;
        if (const auto c = m_text.find(v);
            c != m_text.end() && (c->second.indent == indent || v->is_string())) {
            m_repeats.push_back({m_out.size(), c->second.from, c->second.size});
            return;
        }
        const size_t start = m_out.size(), repeats = m_repeats.size();
        if (!v->is_object() || v->empty()) {
            m_json.write(*v, indent);
        } else {
            m_out += "{\n";
            bool first = true;
            for (auto it = v->begin(); it != v->end(); ++it) {
                if (!first)
                    m_out += ",\n";
                first = false;
                m_out.append(indent + 2, ' ');
                m_json.writeString(it.key());
                m_out += ": ";
                write(it.value(), indent + 2);
            }
            m_out += '\n';
            m_out.append(indent, ' ');
            m_out += '}';
        }
        // A text with a repeat in it is not all in m_out (no target holds one: they are the
        // job's parts).
        if (m_repeats.size() == repeats && m_targets.count(v))
            m_text[v] = {indent, start, m_out.size() - start};
    }

    /// m_out with the repeats filled in.
    QByteArray spliced() const
    {
        size_t size = m_out.size();
        for (const Repeat &r : m_repeats)
            size += r.size;
        QByteArray out(qsizetype(size), Qt::Uninitialized);
        char *o = out.data();
        size_t done = 0;
        for (const Repeat &r : m_repeats) {
            o = std::copy(m_out.data() + done, m_out.data() + r.at, o);
            o = std::copy(m_out.data() + r.from, m_out.data() + r.from + r.size, o);
            done = r.at;
        }
        std::copy(m_out.data() + done, m_out.data() + m_out.size(), o);
        return out;
    }

    struct Text
    {
        unsigned indent;
        size_t from, size;
    };
    std::string m_out;
    JsonText m_json{m_out};
    std::map<const OrderedJson *, const OrderedJson *> m_alias;
    std::map<const OrderedJson *, Text> m_text;
    std::set<const OrderedJson *> m_targets;
    std::vector<Repeat> m_repeats;
};

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
                                    OrderedJson job, bool shareJobSpec)
{
    OrderedJson body = objectWithRoom(4);
    body["name"] = toStd(spec.name);
    body["team"] = toStd(team(spec));
    body["user"] = toStd(spec.createdBy.isEmpty() ? spec.provider.owner : spec.createdBy);
    OrderedJson config = objectWithRoom(8); // `uis` holds the whole job
    if (engineFor(spec) == Engine::Flink) {
        config["engine"] = "flink";
        config["job_type"] = isStreamingJob(spec) ? "STREAMING" : "BATCH";
        config["flink"] = OrderedJson{{"version", job["flink_version"]},
                                      {"sql", shareJobSpec ? OrderedJson() : job["sql"]},
                                      {"conf", job["flink_config"]}};
        config["resources"] = JobResources::of(spec).toJson();
        config["uis"] =
            OrderedJson{{"spec_version", toStd(spec.version)}, {"job_config", std::move(job)}};
    } else {
        config["spark_version"] = toStd(SparkCompiler::sparkVersion(spec, options));
        config["job_type"] = isStreamingJob(spec) ? "STREAMING" : "BATCH";
        config["core_etl"] = shareJobSpec ? sharedCoreEtl() : coreEtl(job);
        config["resources"] = JobResources::of(spec).toJson();
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
                                    OrderedJson job)
{
    OrderedJson m = objectWithRoom(4);
    m["apiVersion"] = "dcp.pedregal.doordash.com/v1";
    m["kind"] = "SparkJob";
    OrderedJson meta = OrderedJson::object();
    meta["name"] = toStd(spec.name);
    if (!team(spec).isEmpty())
        meta["team"] = toStd(team(spec));
    if (!spec.description.isEmpty())
        meta["annotations"] = OrderedJson{{"description", toStd(spec.description)}};
    m["metadata"] = std::move(meta);
    OrderedJson s = objectWithRoom(8);
    s["engine"] = OrderedJson{{"version", toStd(SparkCompiler::sparkVersion(spec, options))}};
    s["jobType"] = isStreamingJob(spec) ? "streaming" : "batch";
    if (!spec.provider.schedule.cron.isEmpty())
        s["schedule"] = OrderedJson{{"cron", toStd(spec.provider.schedule.cron)}};
    else if (!spec.provider.schedule.triggerInterval.isEmpty())
        s["schedule"] = OrderedJson{{"triggerInterval", job["schedule"]["trigger_interval"]}};
    s["resources"] = JobResources::of(spec).toJson();
    OrderedJson jobSpec = objectWithRoom(3); // three large arrays
    jobSpec["sources"] = std::move(job["sources"]);
    jobSpec["transformations"] = std::move(job["transforms"]);
    jobSpec["sinks"] = std::move(job["sinks"]);
    s["coreEtl"] = OrderedJson{{"version", kCoreEtlVersion}, {"jobSpec", std::move(jobSpec)}};
    m["spec"] = std::move(s);
    QByteArray out = "# DCP manifest for GitOps, generated by UIS Studio from the UIS spec " +
                     spec.name.toUtf8() + ".\n";
    out += ManifestWriter::write(m);
    return out;
}

CompileResult DcpCompiler::compile(const LoadedSpec &loaded, const CompileOptions &options)
{
    return compileArtifacts(loaded, options, true, true);
}

CompileResult DcpCompiler::compileTarget(const LoadedSpec &loaded, const QString &target,
                                         const CompileOptions &options, OrderedJson *documentOut)
{
    return compileArtifacts(loaded, options, target == QLatin1String("dcp-request"),
                            target == QLatin1String("dcp-manifest"), documentOut);
}

CompileResult DcpCompiler::compileArtifacts(const LoadedSpec &loaded, const CompileOptions &options,
                                            bool request, bool manifest, OrderedJson *documentOut)
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
    CompileOptions jobOnly = options; // the engine's own artifacts are not needed here
    jobOnly.diagnosticsOnly = true;
    const CompileResult engineResult = engine == Engine::Flink
                                           ? FlinkCompiler::compile(loaded, jobOnly, &job)
                                           : SparkCompiler::compile(loaded, jobOnly, &job);
    result.diagnostics = engineResult.diagnostics;
    if (!engineResult.succeeded())
        return result;
    manifest = manifest && engine == Engine::Spark;
    // The manifest first: the request then takes the job over instead of copying it.
    const QByteArray yaml = !manifest ? QByteArray()
                            : request ? manifestFor(spec, options, job)
                                      : manifestFor(spec, options, std::move(job));
    if (request) {
        OrderedJson body = requestFor(spec, options, std::move(job), true);
        result.artifacts.append(
            Artifact{QStringLiteral("dcp-request"),
                     CS::fileName(spec, QStringLiteral("dcp-request"), QStringLiteral("json")),
                     QStringLiteral("json"), RequestDumper().dump(body)});
        if (documentOut)
            *documentOut = std::move(body);
    }
    if (manifest)
        result.artifacts.append(
            Artifact{QStringLiteral("dcp-manifest"),
                     CS::fileName(spec, QStringLiteral("dcp-manifest"), QStringLiteral("yaml")),
                     QStringLiteral("yaml"), yaml});
    return result;
}

} // namespace uis
