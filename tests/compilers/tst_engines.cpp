// SPDX-License-Identifier: Apache-2.0
// The compiled artifacts on the real engines: every compiled Flink SQL script is planned by
// Flink 1.20 (the runner's --explain: parsing, connector options, changelog modes, types), and
// a compiled spark-submit line runs a batch job on Spark 3.5 in local mode.
//
// Needs the project's Python environment (scripts/engines/setup.sh: .venv with pyspark and
// apache-flink, .cache/jars/flink); skipped when it is missing. Set UIS_SKIP_ENGINE_TESTS=1 to
// skip on purpose.
#include "compilertest.h"

#include "flink/flinkcompiler.h"
#include "pipelinecompiler.h"
#include "spark/sparkcompiler.h"

#include <QDirIterator>
#include <QProcess>
#include <QTemporaryDir>

using namespace uis;
using namespace uis::test;

namespace {

QString python()
{
    return sourcePath(QStringLiteral(".venv/bin/python"));
}

bool enginesAvailable(QString *why)
{
    if (qEnvironmentVariableIntValue("UIS_SKIP_ENGINE_TESTS") == 1) {
        *why = QStringLiteral("UIS_SKIP_ENGINE_TESTS=1");
        return false;
    }
    if (!QFileInfo::exists(python())) {
        *why = QStringLiteral("no .venv (run scripts/engines/setup.sh)");
        return false;
    }
    return true;
}

struct Proc
{
    int code = -1;
    QString out;
};

Proc run(const QString &program, const QStringList &args, const QProcessEnvironment &env,
         int timeoutMs)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        return {-1, QString::fromUtf8(p.readAll()) + QStringLiteral("\n<timed out>")};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAll())};
}

QString tail(const QString &text, int lines = 40)
{
    return text.split(QLatin1Char('\n'))
        .mid(std::max<qsizetype>(0, text.count(QLatin1Char('\n')) - lines))
        .join(QLatin1Char('\n'));
}

} // namespace

class TestEngines : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        if (!enginesAvailable(&why))
            QSKIP(qPrintable(why));
        QVERIFY(m_dir.isValid());
    }

    void flinkPlansCompiledSql_data()
    {
        QTest::addColumn<QString>("spec");
        for (const QString &spec : goldenSpecs()) {
            if (engineFor(SpecLoader::loadFile(spec).spec) == Engine::Flink)
                QTest::newRow(qPrintable(specBaseName(spec))) << spec;
        }
        QTest::newRow("hostile-flink")
            << sourcePath(QStringLiteral("tests/compilers/data/hostile-flink.uis.yaml"));
        QTest::newRow("flink-webhook")
            << sourcePath(QStringLiteral("tests/compilers/data/flink-webhook.uis.yaml"));
        QTest::newRow("flink-sql-window")
            << sourcePath(QStringLiteral("tests/compilers/data/flink-sql-window.uis.yaml"));
    }

    /// `EXPLAIN` of every INSERT by the real planner, with the connector jars of the project.
    void flinkPlansCompiledSql()
    {
        QFETCH(QString, spec);
        const LoadedSpec loaded = SpecLoader::loadFile(spec);
        const CompileResult r = FlinkCompiler::compile(loaded);
        QVERIFY2(r.succeeded(), qPrintable(diagnosticsText(r.diagnostics)));
        QString sql = artifactText(r, QStringLiteral("flink-sql"));
        // A Hadoop catalog is created for real during planning: keep it in the test's directory.
        sql.replace(QStringLiteral("file:///tmp/uis-warehouse"),
                    QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("wh"))).toString());
        const QString file = m_dir.filePath(specBaseName(spec) + QStringLiteral(".sql"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(sql.toUtf8());
        f.close();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGUSER"), QStringLiteral("uis"));
        env.insert(QStringLiteral("UIS_SECRET_SHOP_PG_PASSWORD"), QStringLiteral("x"));
        const Proc p = run(python(),
                           {sourcePath(QStringLiteral("runners/flink/uis_flink_runner.py")),
                            QStringLiteral("--sql"), file, QStringLiteral("--explain")},
                           env, 240000);
        QVERIFY2(p.code == 0, qPrintable(tail(p.out)));
        QVERIFY2(p.out.contains(QStringLiteral("EXPLAIN passed")), qPrintable(tail(p.out)));
    }

    /// The compiled spark-submit argv, run as is on Spark in local mode: a CSV batch through a
    /// filter into Parquet.
    void sparkSubmitRunsLocally()
    {
        const QString spark = sourcePath(QStringLiteral(".venv/bin/spark-submit"));
        if (!QFileInfo::exists(spark))
            QSKIP("no spark-submit in .venv");
        const QString in = m_dir.filePath(QStringLiteral("in"));
        QDir().mkpath(in);
        QFile csv(in + QStringLiteral("/sales.csv"));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("shop_id,sku,quantity\n1,a,3\n2,b,0\n3,c,5\n");
        csv.close();
        const QString out = m_dir.filePath(QStringLiteral("out"));
        const QByteArray yaml =
            QStringLiteral("version: \"1.1\"\nname: local-sales\nprovider:\n  name: files\n  "
                           "provider_type: file_ftp\n"
                           "  base_url: %1\n  mode: batch\n  config:\n    spark.ui.enabled: "
                           "\"false\"\n  endpoints:\n"
                           "    - name: sales\n      path: \"*.csv\"\n      format: csv\n      "
                           "options: { header: \"true\" }\n"
                           "      schema:\n        - { name: shop_id, type: int }\n        - { "
                           "name: sku, type: string }\n"
                           "        - { name: quantity, type: int }\n  transforms:\n    - name: "
                           "sold\n      type: filter\n"
                           "      condition: quantity > 0\n  sinks:\n    - name: landing\n      "
                           "type: parquet\n"
                           "      config: { path: \"%2\" }\n")
                .arg(QUrl::fromLocalFile(in).toString(), QUrl::fromLocalFile(out).toString())
                .toUtf8();
        const LoadedSpec loaded = loadYaml(yaml);
        QVERIFY2(loaded.valid(), qPrintable(diagnosticsText(loaded.diagnostics)));
        CompileOptions o;
        o.master = QStringLiteral("local[2]");
        o.jobConfigPath = m_dir.filePath(QStringLiteral("local-sales.spark-job.json"));
        o.runnerPath = sourcePath(QStringLiteral("runners/spark/uis_spark_runner.py"));
        const CompileResult r = SparkCompiler::compile(loaded, o);
        QVERIFY2(r.succeeded(), qPrintable(diagnosticsText(r.diagnostics)));
        QFile job(o.jobConfigPath);
        QVERIFY(job.open(QIODevice::WriteOnly));
        job.write(r.artifact(QStringLiteral("spark-job"))->content);
        job.close();
        const QStringList argv = SparkCompiler::submitArgs(loaded.spec, o);
        QCOMPARE(argv.first(), QStringLiteral("spark-submit"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PYSPARK_PYTHON"), python());
        env.insert(QStringLiteral("PATH"),
                   sourcePath(QStringLiteral(".venv/bin:")) + env.value(QStringLiteral("PATH")));
        const Proc p = run(spark, argv.mid(1), env, 300000);
        QVERIFY2(p.code == 0, qPrintable(tail(p.out)));
        QVERIFY2(p.out.contains(QStringLiteral("uis-runner: job finished")),
                 qPrintable(tail(p.out)));
        int parquetFiles = 0;
        QDirIterator it(out, {QStringLiteral("*.parquet")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            ++parquetFiles;
        }
        QVERIFY2(parquetFiles > 0, qPrintable(tail(p.out)));
    }
};

QTEST_GUILESS_MAIN(TestEngines)
#include "tst_engines.moc"
