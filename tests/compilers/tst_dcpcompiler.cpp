// SPDX-License-Identifier: Apache-2.0
// The DCP request and manifest (docs/COMPILERS.md "DCP request and manifest", DCP-API.md), and
// the PipelineCompiler entry point the GUI, CLI and server share.
#include "compilertest.h"

#include "compilesupport.h"

#include "dcp/dcpcompiler.h"
#include "flink/flinkcompiler.h"
#include "pipelinecompiler.h"
#include "spark/sparkcompiler.h"

using namespace uis;
using namespace uis::test;

namespace {

LoadedSpec templ(const char *name)
{
    return SpecLoader::loadFile(
        sourcePath(QStringLiteral("resources/templates/") + QString::fromLatin1(name)));
}

} // namespace

class TestDcpCompiler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sparkRequest()
    {
        const LoadedSpec loaded = templ("rest-to-parquet-iceberg.uis.yaml");
        const CompileResult r = DcpCompiler::compile(loaded);
        QVERIFY2(r.succeeded(), qPrintable(diagnosticsText(r.diagnostics)));
        QCOMPARE(r.artifacts.size(), 2);
        const OrderedJson b = artifactJson(r, QStringLiteral("dcp-request"));
        QCOMPARE(js(b["name"]), QStringLiteral("market-data-ingestion"));
        QCOMPARE(js(b["team"]), QStringLiteral("trading-platform"));
        QCOMPARE(js(b["user"]), QStringLiteral("data-engineer"));
        const OrderedJson c = b["config"];
        QCOMPARE(js(c["spark_version"]), QStringLiteral("3.5"));
        QCOMPARE(js(c["job_type"]),
                 QStringLiteral("STREAMING")); // micro_batch with trigger_interval
        QVERIFY(!c.contains("engine"));
        QCOMPARE(js(c["core_etl"]["version"]), QStringLiteral("2.7.0"));
        const OrderedJson spec = c["core_etl"]["job_spec"];
        QCOMPARE(spec.size(), size_t(3));
        const OrderedJson job = SparkCompiler::jobConfig(loaded.spec);
        JCOMPARE(spec["sources"], job["sources"]);
        JCOMPARE(spec["transformations"], job["transforms"]);
        JCOMPARE(spec["sinks"], job["sinks"]);
        // Resources are numbers, memory sizes strings.
        JCOMPARE(c["resources"]["driver"]["cores"], 1);
        QCOMPARE(js(c["resources"]["driver"]["memory"]), QStringLiteral("1g"));
        JCOMPARE(c["resources"]["executor"]["instances"], 4);
        JCOMPARE(c["resources"]["executor"]["cores"], 4);
        QCOMPARE(js(c["resources"]["executor"]["memory"]), QStringLiteral("8g"));
        QCOMPARE(js(c["uis"]["spec_version"]), QStringLiteral("1.1"));
        JCOMPARE(c["uis"]["job_config"], job);
    }

    void jobTypeUserAndVersion()
    {
        // A cron batch is BATCH; created_by falls back to the owner; config.spark_version.
        QByteArray y = readFile(
            sourcePath(QStringLiteral("resources/templates/files-to-clickhouse.uis.yaml")));
        y.replace("created_by: data-engineer\n", "");
        y.replace("    driver_memory: 2g\n",
                  "    driver_memory: 2g\n    driver_cores: \"2\"\n    spark_version: \"4.0\"\n");
        const CompileResult r = DcpCompiler::compile(loadYaml(y));
        QVERIFY2(r.succeeded(), qPrintable(diagnosticsText(r.diagnostics)));
        const OrderedJson b = artifactJson(r, QStringLiteral("dcp-request"));
        QCOMPARE(js(b["user"]), QStringLiteral("retail-data@company.com"));
        QCOMPARE(js(b["config"]["job_type"]), QStringLiteral("BATCH"));
        QCOMPARE(js(b["config"]["spark_version"]), QStringLiteral("4.0"));
        JCOMPARE(b["config"]["resources"]["driver"]["cores"], 2);
        QCOMPARE(js(b["config"]["resources"]["driver"]["memory"]), QStringLiteral("2g"));
        // The option wins over the spec.
        CompileOptions o;
        o.sparkVersion = QStringLiteral("3.5");
        QCOMPARE(js(DcpCompiler::request(loadYaml(y).spec, o)["config"]["spark_version"]),
                 QStringLiteral("3.5"));
        // A micro_batch without a trigger interval runs once: BATCH.
        QByteArray once = readFile(
            sourcePath(QStringLiteral("resources/templates/rest-to-parquet-iceberg.uis.yaml")));
        once.replace("  schedule:\n    trigger_interval: 5 minutes\n", "");
        QCOMPARE(js(DcpCompiler::request(loadYaml(once).spec)["config"]["job_type"]),
                 QStringLiteral("BATCH"));
    }

    void flinkRequestUsesEngineExtension()
    {
        const LoadedSpec loaded = templ("kafka-dedupe-window.uis.yaml");
        const CompileResult r = DcpCompiler::compile(loaded);
        QVERIFY2(r.succeeded(), qPrintable(diagnosticsText(r.diagnostics)));
        QCOMPARE(r.artifacts.size(), 1); // no manifest kind for Flink
        const OrderedJson c = artifactJson(r, QStringLiteral("dcp-request"))["config"];
        QCOMPARE(js(c["engine"]), QStringLiteral("flink"));
        QCOMPARE(js(c["job_type"]), QStringLiteral("STREAMING"));
        QVERIFY(!c.contains("core_etl"));
        QCOMPARE(js(c["flink"]["version"]), QStringLiteral("1.20"));
        QCOMPARE(js(c["flink"]["sql"]), FlinkCompiler::sql(loaded.spec));
        JCOMPARE(c["flink"]["conf"], FlinkCompiler::flinkConfig(loaded.spec));
        JCOMPARE(c["resources"]["executor"]["instances"], 2);
        QCOMPARE(js(c["uis"]["job_config"]["job_type"]), QStringLiteral("streaming"));
    }

    void manifest()
    {
        const CompileResult r = DcpCompiler::compile(templ("files-to-clickhouse.uis.yaml"));
        const Artifact *a = r.artifact(QStringLiteral("dcp-manifest"));
        QVERIFY(a);
        QCOMPARE(a->language, QStringLiteral("yaml"));
        QCOMPARE(a->fileName, QStringLiteral("daily-sales-load.dcp-manifest.yaml"));
        const LoadedSpec back = SpecLoader::load(a->content, SpecFormat::Yaml);
        QVERIFY(back.parsed());
        const SourceNode &m = *back.tree;
        QCOMPARE(m.at(u"/apiVersion")->text(), QStringLiteral("dcp.pedregal.doordash.com/v1"));
        QCOMPARE(m.at(u"/kind")->text(), QStringLiteral("SparkJob"));
        QCOMPARE(m.at(u"/metadata/name")->text(), QStringLiteral("daily-sales-load"));
        QCOMPARE(m.at(u"/metadata/team")->text(), QStringLiteral("retail"));
        QCOMPARE(m.at(u"/spec/engine/version")->text(), QStringLiteral("3.5"));
        QCOMPARE(m.at(u"/spec/engine/version")->scalarType(), SourceNode::ScalarType::String);
        QCOMPARE(m.at(u"/spec/jobType")->text(), QStringLiteral("batch"));
        QCOMPARE(m.at(u"/spec/schedule/cron")->text(), QStringLiteral("0 2 * * *"));
        QCOMPARE(m.at(u"/spec/coreEtl/version")->text(), QStringLiteral("2.7.0"));
        QCOMPARE(m.at(u"/spec/coreEtl/jobSpec/sinks/0/type")->text(), QStringLiteral("clickhouse"));
        QCOMPARE(m.at(u"/spec/coreEtl/jobSpec/sinks/0/password")->text(),
                 QStringLiteral("{{secret.retail:clickhouse_password}}"));
        QCOMPARE(m.at(u"/spec/resources/executor/instances")->toInt().value_or(0), 2);
    }

    void pipelineTargets()
    {
        QCOMPARE(
            PipelineCompiler::targets(Engine::Spark),
            (QStringList{QStringLiteral("spark-job"), QStringLiteral("spark-submit"),
                         QStringLiteral("spark-conf"), QStringLiteral("dcp-request"),
                         QStringLiteral("dcp-manifest"), QStringLiteral("spark-application")}));
        QCOMPARE(PipelineCompiler::targets(Engine::Flink),
                 (QStringList{QStringLiteral("flink-job"), QStringLiteral("flink-sql"),
                              QStringLiteral("flink-run"), QStringLiteral("dcp-request"),
                              QStringLiteral("flink-deployment")}));
        QCOMPARE(PipelineCompiler::allTargets().size(), 10);
        QCOMPARE(PipelineCompiler::engineForTarget(QStringLiteral("flink-sql")), Engine::Flink);
        QCOMPARE(PipelineCompiler::engineForTarget(QStringLiteral("spark-conf")), Engine::Spark);
        QCOMPARE(PipelineCompiler::engineForTarget(QStringLiteral("dcp-request")), Engine::None);
    }

    void pipelineCompilesEveryTargetInOrder()
    {
        for (const char *name :
             {"rest-to-parquet-iceberg.uis.yaml", "websocket-to-kafka.uis.yaml"}) {
            const LoadedSpec loaded = templ(name);
            const Engine e = engineFor(loaded.spec);
            const CompileResult r = PipelineCompiler::compile(loaded, Engine::None);
            QVERIFY(r.succeeded());
            QStringList targets;
            for (const Artifact &a : r.artifacts) {
                targets.append(a.target);
                QVERIFY(a.fileName.startsWith(loaded.spec.name + QLatin1Char('.') + a.target +
                                              QLatin1Char('.')));
                QVERIFY(QStringList({QStringLiteral("json"), QStringLiteral("shell"),
                                     QStringLiteral("sql"), QStringLiteral("yaml")})
                            .contains(a.language));
                QVERIFY(!a.content.isEmpty());
                QVERIFY(a.content.endsWith('\n'));
            }
            QCOMPARE(targets, PipelineCompiler::targets(e));
            // Diagnostics are sorted and not repeated although several compilers ran.
            for (int i = 1; i < r.diagnostics.size(); ++i)
                QVERIFY(!(r.diagnostics.at(i) == r.diagnostics.at(i - 1)));
        }
    }

    /// A spec with errors yields exactly its validation diagnostics, from every compiler.
    void invalidSpec()
    {
        QByteArray y =
            readFile(sourcePath(QStringLiteral("resources/templates/websocket-to-kafka.uis.yaml")));
        y.replace("name: realtime-analytics", "name: Realtime_Analytics");
        const LoadedSpec loaded = loadYaml(y);
        QVERIFY(!loaded.valid());
        for (const CompileResult &r :
             {PipelineCompiler::compile(loaded, Engine::None), DcpCompiler::compile(loaded),
              FlinkCompiler::compile(loaded), SparkCompiler::compile(loaded)}) {
            QVERIFY(r.artifacts.isEmpty());
            QVERIFY(!r.succeeded());
            QCOMPARE(r.diagnostics, loaded.diagnostics);
        }
        // Text that does not parse is a diagnostic as well, never a crash.
        const LoadedSpec broken = loadYaml("version: [1.1\n");
        const CompileResult r = PipelineCompiler::compile(broken, Engine::None);
        QVERIFY(!r.succeeded());
        QVERIFY(r.artifacts.isEmpty());
    }

    /// The wrong engine is an error that names the connector and the engine that has it (an
    /// explicit engine overrides the spec's, as `uisctl compile --engine` does).
    void wrongEngineNamesTheRightOne()
    {
        const CompileResult a =
            PipelineCompiler::compile(templ("rest-to-parquet-iceberg.uis.yaml"), Engine::Flink);
        QCOMPARE(a.diagnostics.size(), 1);
        QCOMPARE(a.diagnostics.first().code, QStringLiteral("UIS-E-ENGINE-CONNECTOR"));
        QVERIFY(a.diagnostics.first().message.contains(QStringLiteral("REST")));
        QVERIFY(
            a.diagnostics.first().message.contains(QStringLiteral("compile this spec for Spark")));
        QVERIFY(a.diagnostics.first().message.contains(QStringLiteral("use `engine: spark`")));
        const CompileResult b =
            PipelineCompiler::compile(templ("postgres-cdc-to-iceberg.uis.yaml"), Engine::Spark);
        QVERIFY(b.diagnostics.first().message.contains(QStringLiteral("CDC")));
        QVERIFY(b.diagnostics.first().message.contains(QStringLiteral("use `engine: flink`")));
        QVERIFY(b.artifacts.isEmpty());
        // A compiler asked for a spec that names the other engine names the one that fits.
        QByteArray named = readFile(
            sourcePath(QStringLiteral("resources/templates/kafka-dedupe-window.uis.yaml")));
        named.replace("  mode: streaming\n", "  mode: streaming\n  engine: spark\n");
        CompileResult c;
        QVERIFY(!CompileSupport::accept(loadYaml(named), Engine::Flink,
                                        QStringLiteral("the Flink compiler"), c));
        QCOMPARE(c.diagnostics.first().code, QStringLiteral("UIS-E-ENGINE"));
        QVERIFY(c.diagnostics.first().message.contains(QStringLiteral("use the Spark compiler")));
    }
};

QTEST_GUILESS_MAIN(TestDcpCompiler)
#include "tst_dcpcompiler.moc"
