// SPDX-License-Identifier: Apache-2.0
// The Kubernetes operator manifests (docs/COMPILERS.md "Kubernetes manifests"): flink-deployment
// and spark-application, made from the engines' own job configs. Their CRD schemas and Flink's
// option names are checked in tests/runners/test_k8s_manifests.py; the goldens in tst_golden.
#include "compilertest.h"

#include "flink/flinkcompiler.h"
#include "jobresources.h"
#include "k8s/flinkdeploymentwriter.h"
#include "k8s/kubernetescompiler.h"
#include "k8s/sparkapplicationwriter.h"
#include "pipelinecompiler.h"
#include "spark/sparkcompiler.h"
#include "specreader.h"

using namespace uis;
using namespace uis::test;

namespace {

LoadedSpec templ(const char *name)
{
    return SpecLoader::loadFile(
        sourcePath(QStringLiteral("resources/templates/") + QString::fromLatin1(name)));
}

/// A template with `config` entries replaced or added (`key: value` lines under config:).
LoadedSpec withConfig(const char *name, const QByteArray &lines)
{
    QByteArray text =
        readFile(sourcePath(QStringLiteral("resources/templates/") + QString::fromLatin1(name)));
    const qsizetype at = text.indexOf("\n  config:\n");
    if (at < 0)
        return {};
    text.insert(at + qsizetype(qstrlen("\n  config:\n")), lines);
    return loadYaml(text);
}

/// The documents of a manifest, read back by the YAML reader.
QList<OrderedJson> documents(const QByteArray &yaml)
{
    QList<OrderedJson> out;
    qsizetype start = 0;
    while (start < yaml.size()) {
        qsizetype end = yaml.indexOf("\n---\n", start);
        if (end < 0)
            end = yaml.size();
        // Up to and with the line break before `---`: a literal block's last line ends there.
        const ReadResult r = SpecReader::read(yaml.mid(start, end + 1 - start), SpecFormat::Yaml);
        out.append(r.root ? toOrderedJson(*r.root) : OrderedJson());
        start = end + qsizetype(qstrlen("\n---\n"));
    }
    return out;
}

} // namespace

class TestK8sCompiler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void targets()
    {
        QCOMPARE(PipelineCompiler::targets(Engine::Flink).last(),
                 QStringLiteral("flink-deployment"));
        QCOMPARE(PipelineCompiler::targets(Engine::Spark).last(),
                 QStringLiteral("spark-application"));
        QVERIFY(PipelineCompiler::allTargets().contains(QStringLiteral("flink-deployment")));
        QVERIFY(PipelineCompiler::allTargets().contains(QStringLiteral("spark-application")));
        QCOMPARE(PipelineCompiler::engineForTarget(QStringLiteral("flink-deployment")),
                 Engine::Flink);
        QCOMPARE(PipelineCompiler::engineForTarget(QStringLiteral("spark-application")),
                 Engine::Spark);
    }

    void flinkDeployment()
    {
        const LoadedSpec loaded = templ("kafka-dedupe-window.uis.yaml");
        const CompileResult r =
            KubernetesCompiler::compileTarget(loaded, QStringLiteral("flink-deployment"));
        QVERIFY2(r.succeeded(), qPrintable(diagnosticsText(r.diagnostics)));
        QCOMPARE(r.artifacts.size(), 1);
        const Artifact &a = r.artifacts.first();
        QCOMPARE(a.fileName, QStringLiteral("click-session-metrics.flink-deployment.yaml"));
        QCOMPARE(a.language, QStringLiteral("yaml"));
        const QList<OrderedJson> docs = documents(a.content);
        QCOMPARE(docs.size(), 2);
        const OrderedJson &cm = docs.at(0), &d = docs.at(1);
        QCOMPARE(js(cm["kind"]), QStringLiteral("ConfigMap"));
        QCOMPARE(js(d["apiVersion"]), QStringLiteral("flink.apache.org/v1beta1"));
        QCOMPARE(js(d["kind"]), QStringLiteral("FlinkDeployment"));
        QCOMPARE(js(d["metadata"]["name"]), QStringLiteral("uis-click-session-metrics"));
        const OrderedJson s = d["spec"];
        QCOMPARE(js(s["flinkVersion"]), QStringLiteral("v1_20"));
        QCOMPARE(js(s["image"]), QStringLiteral("flink:1.20"));
        QCOMPARE(js(s["serviceAccount"]), QStringLiteral("flink"));
        // Flink's configuration is the flink-job target's, key for key.
        JCOMPARE(s["flinkConfiguration"], FlinkCompiler::flinkConfig(loaded.spec));
        QCOMPARE(js(s["job"]["upgradeMode"]), QStringLiteral("savepoint"));
        QCOMPARE(js(s["job"]["state"]), QStringLiteral("running"));
        JCOMPARE(s["job"]["parallelism"], loaded.spec.effectiveParallelism());
        QCOMPARE(js(s["job"]["jarURI"]), FlinkDeploymentWriter::sqlRunnerJar());
        // The runner's one argument is the script the ConfigMap holds, where it is mounted.
        JCOMPARE(s["job"]["args"],
                 OrderedJson::array({"/opt/flink/usrlib/uis-sql/click-session-metrics.sql"}));
        QCOMPARE(js(cm["data"]["click-session-metrics.sql"]), FlinkCompiler::sql(loaded.spec));
        QCOMPARE(js(s["podTemplate"]["spec"]["volumes"][0]["configMap"]["name"]),
                 js(cm["metadata"]["name"]));
        // JobManager and TaskManagers as the DCP request sizes them.
        const JobResources res = JobResources::of(loaded.spec);
        QCOMPARE(js(s["jobManager"]["resource"]["memory"]), res.driverMemory);
        JCOMPARE(s["taskManager"]["resource"]["cpu"], res.executorCores);
        QCOMPARE(js(s["taskManager"]["resource"]["memory"]), res.executorMemory);
        // The YAML reads back as exactly the documents written.
        JCOMPARE(d, FlinkDeploymentWriter::deployment(loaded.spec,
                                                      FlinkCompiler::jobConfig(loaded.spec)));
        // No image and no savepoint directory: the notes say what is missing.
        QVERIFY(hasCode(r.diagnostics, QStringLiteral("UIS-I-K8S-FLINK-IMAGE")));
        QVERIFY(hasCode(r.diagnostics, QStringLiteral("UIS-I-K8S-SAVEPOINT-DIR")));
        QVERIFY(!hasCode(r.diagnostics, QStringLiteral("UIS-I-K8S-PLACEHOLDER")));
    }

    void flinkDeploymentFromConfig()
    {
        const LoadedSpec loaded =
            withConfig("kafka-dedupe-window.uis.yaml",
                       "    container_image: registry.example.com/uis/flink-sql:1.20\n"
                       "    service_account: stream-jobs\n"
                       "    namespace: analytics\n"
                       "    savepoint_dir: s3://state/savepoints\n"
                       "    checkpoint_dir: s3://state/checkpoints\n"
                       "    task_slots: 2\n"
                       "    taskmanager_memory: 4g\n");
        QVERIFY2(loaded.valid(), qPrintable(diagnosticsText(loaded.diagnostics)));
        const CompileResult r =
            KubernetesCompiler::compileTarget(loaded, QStringLiteral("flink-deployment"));
        QVERIFY2(r.succeeded(), qPrintable(diagnosticsText(r.diagnostics)));
        const OrderedJson d = documents(r.artifacts.first().content).at(1);
        const OrderedJson s = d["spec"];
        QCOMPARE(js(d["metadata"]["namespace"]), QStringLiteral("analytics"));
        QCOMPARE(js(s["image"]), QStringLiteral("registry.example.com/uis/flink-sql:1.20"));
        QCOMPARE(js(s["serviceAccount"]), QStringLiteral("stream-jobs"));
        const OrderedJson c = s["flinkConfiguration"];
        QCOMPARE(js(c["execution.checkpointing.savepoint-dir"]),
                 QStringLiteral("s3://state/savepoints"));
        QCOMPARE(js(c["execution.checkpointing.dir"]), QStringLiteral("s3://state/checkpoints"));
        JCOMPARE(s["taskManager"]["resource"]["cpu"], 2);
        QCOMPARE(js(s["taskManager"]["resource"]["memory"]), QStringLiteral("4g"));
        QVERIFY(!hasCode(r.diagnostics, QStringLiteral("UIS-I-K8S-FLINK-IMAGE")));
        QVERIFY(!hasCode(r.diagnostics, QStringLiteral("UIS-I-K8S-SAVEPOINT-DIR")));
    }

    void flinkVersionsAndNames()
    {
        QCOMPARE(FlinkDeploymentWriter::operatorFlinkVersion(QStringLiteral("1.20")),
                 QStringLiteral("v1_20"));
        QCOMPARE(FlinkDeploymentWriter::operatorFlinkVersion(QStringLiteral("1.20.1")),
                 QStringLiteral("v1_20"));
        // Flink 2.x needs an operator newer than the one whose CRD we check against.
        const LoadedSpec two =
            withConfig("kafka-dedupe-window.uis.yaml", "    flink_version: \"2.0\"\n");
        QVERIFY2(two.valid(), qPrintable(diagnosticsText(two.diagnostics)));
        const CompileResult r =
            KubernetesCompiler::compileTarget(two, QStringLiteral("flink-deployment"));
        QVERIFY(r.succeeded());
        QVERIFY(hasCode(r.diagnostics, QStringLiteral("UIS-W-K8S-FLINK-VERSION")));
        // A name cut to Flink's 45 characters does not end with `-`.
        Spec spec;
        spec.name = QStringLiteral("a-very-long-pipeline-name-that-goes-on-an-on-and-on");
        const QString id = FlinkCompiler::clusterId(spec);
        QVERIFY(id.size() <= 45);
        QVERIFY(!id.endsWith(QLatin1Char('-')));
        QVERIFY(id.startsWith(QStringLiteral("uis-a-very-long")));
    }

    /// The ConfigMap's literal block reads back as exactly the compiled script, for every
    /// template and seed.
    void scriptReadsBack()
    {
        int flink = 0;
        for (const QString &file : goldenSpecs()) {
            const LoadedSpec loaded = SpecLoader::loadFile(file);
            if (engineFor(loaded.spec) != Engine::Flink)
                continue;
            ++flink;
            const CompileResult r =
                KubernetesCompiler::compileTarget(loaded, QStringLiteral("flink-deployment"));
            QVERIFY2(r.succeeded(), qPrintable(diagnosticsText(r.diagnostics)));
            const QByteArray &yaml = r.artifacts.first().content;
            QVERIFY2(yaml.contains(".sql: |\n"), qPrintable(file));
            const OrderedJson cm = documents(yaml).first();
            QCOMPARE(js(cm["data"][toStd(FlinkDeploymentWriter::sqlFileName(loaded.spec))]),
                     FlinkCompiler::sql(loaded.spec));
        }
        QVERIFY(flink >= 4);
    }

    void placeholdersAreFlagged()
    {
        // The operator's SQL runner reads the script as it is: {{...}} would reach Flink.
        const CompileResult r = KubernetesCompiler::compileTarget(
            templ("postgres-cdc-to-iceberg.uis.yaml"), QStringLiteral("flink-deployment"));
        QVERIFY2(r.succeeded(), qPrintable(diagnosticsText(r.diagnostics)));
        QVERIFY(hasCode(r.diagnostics, QStringLiteral("UIS-I-K8S-PLACEHOLDER")));
    }

    void sparkApplication()
    {
        const LoadedSpec loaded = templ("rest-to-parquet-iceberg.uis.yaml");
        const CompileResult r =
            KubernetesCompiler::compileTarget(loaded, QStringLiteral("spark-application"));
        QVERIFY2(r.succeeded(), qPrintable(diagnosticsText(r.diagnostics)));
        QCOMPARE(r.artifacts.size(), 1);
        const QList<OrderedJson> docs = documents(r.artifacts.first().content);
        QCOMPARE(docs.size(), 1);
        const OrderedJson a = docs.first();
        QCOMPARE(js(a["apiVersion"]), QStringLiteral("sparkoperator.k8s.io/v1beta2"));
        QCOMPARE(js(a["kind"]), QStringLiteral("SparkApplication"));
        QCOMPARE(js(a["metadata"]["name"]), loaded.spec.name);
        QCOMPARE(js(a["metadata"]["namespace"]), QStringLiteral("trading-platform"));
        const OrderedJson s = a["spec"];
        QCOMPARE(js(s["type"]), QStringLiteral("Python"));
        QCOMPARE(js(s["pythonVersion"]), QStringLiteral("3")); // a string in the CRD
        QCOMPARE(js(s["mode"]), QStringLiteral("cluster"));
        QCOMPARE(js(s["sparkVersion"]), QStringLiteral("3.5.7"));
        QCOMPARE(js(s["image"]), SparkCompiler::containerImage(loaded.spec, {}));
        QCOMPARE(js(s["mainApplicationFile"]),
                 QStringLiteral("local:///opt/uis/runners/spark/uis_spark_runner.py"));
        JCOMPARE(s["arguments"],
                 OrderedJson::array({"--job-config", "/opt/uis/jobs/market-data-ingestion.json"}));
        const OrderedJson job = SparkCompiler::jobConfig(loaded.spec);
        for (auto it = job["spark_config"].begin(); it != job["spark_config"].end(); ++it)
            JCOMPARE(s["sparkConf"][it.key()], it.value());
        JCOMPARE(s["deps"]["packages"], job["packages"]);
        QCOMPARE(js(s["sparkConf"]["spark.jars.ivy"]), SparkCompiler::podIvyDirectory());
        JCOMPARE(s["driver"]["cores"], 1);
        QCOMPARE(js(s["driver"]["serviceAccount"]), QStringLiteral("spark"));
        JCOMPARE(s["executor"]["instances"], 4);
        JCOMPARE(s["executor"]["cores"], 4);
        QCOMPARE(js(s["executor"]["memory"]), QStringLiteral("8g"));
        // A micro-batch query with a trigger runs until stopped: restarted on failure.
        QCOMPARE(js(s["restartPolicy"]["type"]), QStringLiteral("OnFailure"));
        JCOMPARE(a, SparkApplicationWriter::application(loaded.spec, {}, job));
    }

    void sparkBatchAndLocalOptions()
    {
        const LoadedSpec loaded = templ("files-to-clickhouse.uis.yaml");
        CompileOptions local;
        local.master = QStringLiteral("local[*]");
        const CompileResult r =
            KubernetesCompiler::compileTarget(loaded, QStringLiteral("spark-application"), local);
        QVERIFY2(r.succeeded(), qPrintable(diagnosticsText(r.diagnostics)));
        const OrderedJson s = documents(r.artifacts.first().content).first()["spec"];
        QCOMPARE(js(s["restartPolicy"]["type"]), QStringLiteral("Never"));
        // The operator runs in the cluster, whatever master a local run would use.
        QVERIFY(js(s["mainApplicationFile"]).startsWith(QStringLiteral("local:///opt/uis/")));
        if (!loaded.spec.provider.schedule.cron.isEmpty())
            QVERIFY(hasCode(r.diagnostics, QStringLiteral("UIS-I-K8S-CRON")));
    }

    void otherEngineIsRefused()
    {
        CompileResult r = KubernetesCompiler::compileTarget(
            templ("rest-to-parquet-iceberg.uis.yaml"), QStringLiteral("flink-deployment"));
        QVERIFY(!r.succeeded());
        QVERIFY(r.artifacts.isEmpty());
        QCOMPARE(r.diagnostics.first().code, QStringLiteral("UIS-E-ENGINE"));
        QVERIFY2(r.diagnostics.first().message.contains(
                     QStringLiteral("use --target spark-application")),
                 qPrintable(r.diagnostics.first().message));
        QVERIFY(r.diagnostics.first().line > 0);
        r = KubernetesCompiler::compileTarget(templ("kafka-dedupe-window.uis.yaml"),
                                              QStringLiteral("spark-application"));
        QVERIFY(!r.succeeded());
        QVERIFY(r.diagnostics.first().message.contains(
            QStringLiteral("use --target flink-deployment")));
    }

    void pipelineIncludesTheManifest()
    {
        for (const char *name :
             {"kafka-dedupe-window.uis.yaml", "rest-to-parquet-iceberg.uis.yaml"}) {
            const LoadedSpec loaded = templ(name);
            const CompileResult all = PipelineCompiler::compile(loaded, Engine::None);
            QVERIFY(all.succeeded());
            const QString target = KubernetesCompiler::targets(engineFor(loaded.spec)).first();
            const CompileResult one = KubernetesCompiler::compileTarget(loaded, target);
            QCOMPARE(artifactText(all, target), artifactText(one, target));
        }
    }
};

QTEST_GUILESS_MAIN(TestK8sCompiler)
#include "tst_k8scompiler.moc"
