// SPDX-License-Identifier: Apache-2.0
// `uisctl compile` as CI runs it: exit codes, output formats, diagnostics on stderr, --out.
#include "compilertest.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace uis;
using namespace uis::test;

namespace {

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Run uisctl(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(UIS_BINARY_DIR "/bin/uisctl"),
            QStringList{QStringLiteral("compile")} + args);
    if (!p.waitForFinished(60000))
        qFatal("uisctl did not finish");
    return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
               p.readAllStandardOutput(), p.readAllStandardError()};
}

QString templ(const char *name)
{
    return sourcePath(QStringLiteral("resources/templates/") + QString::fromLatin1(name));
}

QByteArray golden(const char *spec, const char *target)
{
    return readFile(sourcePath(
        QStringLiteral("tests/data/golden/%1/%2").arg(QLatin1String(spec), QLatin1String(target))));
}

QStringList jsonArray(const QByteArray &text)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(text).array())
        out.append(v.toString());
    return out;
}

} // namespace

class TestCompileCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(QFile::exists(QStringLiteral(UIS_BINARY_DIR "/bin/uisctl"))); }

    void usageErrors()
    {
        const QString rest = templ("rest-to-parquet-iceberg.uis.yaml");
        QCOMPARE(uisctl({}).code, 2);
        QCOMPARE(uisctl({rest}).code, 2); // neither --target nor --out
        QCOMPARE(uisctl({rest, QStringLiteral("--target"), QStringLiteral("spark-jobs")}).code, 2);
        QVERIFY(uisctl({rest, QStringLiteral("--target"), QStringLiteral("spark-jobs")})
                    .err.contains("unknown target"));
        QCOMPARE(uisctl({rest, QStringLiteral("--target"), QStringLiteral("spark-job"),
                         QStringLiteral("--format"), QStringLiteral("shell")})
                     .code,
                 2);
        QCOMPARE(uisctl({rest, QStringLiteral("--target"), QStringLiteral("flink-sql"),
                         QStringLiteral("--format"), QStringLiteral("json")})
                     .code,
                 2);
        QCOMPARE(uisctl({rest, QStringLiteral("--target"), QStringLiteral("spark-job"),
                         QStringLiteral("--bogus")})
                     .code,
                 2);
        QCOMPARE(uisctl({QStringLiteral("/nonexistent.uis.yaml"), QStringLiteral("--target"),
                         QStringLiteral("spark-job")})
                     .code,
                 2);
        QCOMPARE(uisctl({rest, QStringLiteral("--target"), QStringLiteral("flink-run"),
                         QStringLiteral("--flink-target"), QStringLiteral("mars")})
                     .code,
                 2);
        QCOMPARE(uisctl({rest, QStringLiteral("--target"), QStringLiteral("spark-job"),
                         QStringLiteral("--spark-version"), QStringLiteral("2.4")})
                     .code,
                 2);
        const Run help = uisctl({QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.contains("--target"));
    }

    void jsonTargetsPrintJson()
    {
        const Run r = uisctl({templ("rest-to-parquet-iceberg.uis.yaml"), QStringLiteral("--target"),
                              QStringLiteral("spark-job")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, golden("rest-to-parquet-iceberg", "spark-job"));
        QVERIFY(QJsonDocument::fromJson(r.out).isObject());
        // Infos go to stderr in the editor-friendly form; stdout holds only the artifact.
        QVERIFY(QRegularExpression(QStringLiteral("rest-to-parquet-iceberg\\.uis\\.yaml:\\d+:\\d+: "
                                                  "info: .* \\[UIS-I-SPARK-IMAGE\\]"))
                    .match(QString::fromUtf8(r.err))
                    .hasMatch());
        for (const char *t : {"spark-conf", "dcp-request"}) {
            const Run x = uisctl({templ("rest-to-parquet-iceberg.uis.yaml"),
                                  QStringLiteral("--target"), QLatin1String(t)});
            QCOMPARE(x.code, 0);
            QCOMPARE(x.out, golden("rest-to-parquet-iceberg", t));
        }
        const Run f = uisctl({templ("kafka-dedupe-window.uis.yaml"), QStringLiteral("--target"),
                              QStringLiteral("flink-job"), QStringLiteral("--format"),
                              QStringLiteral("json")});
        QCOMPARE(f.code, 0);
        QCOMPARE(f.out, golden("kafka-dedupe-window", "flink-job"));
    }

    void argvTargets()
    {
        const QString rest = templ("rest-to-parquet-iceberg.uis.yaml");
        const Run json = uisctl({rest, QStringLiteral("--target"), QStringLiteral("spark-submit")});
        QCOMPARE(json.code, 0);
        const QStringList argv = jsonArray(json.out);
        QCOMPARE(argv.value(0), QStringLiteral("spark-submit"));
        QCOMPARE(argv.last(), QStringLiteral("/opt/uis/jobs/market-data-ingestion.json"));
        const Run shell = uisctl({rest, QStringLiteral("--target"), QStringLiteral("spark-submit"),
                                  QStringLiteral("--format"), QStringLiteral("shell")});
        QCOMPARE(shell.code, 0);
        QCOMPARE(shell.out, golden("rest-to-parquet-iceberg", "spark-submit"));
        const QString ws = templ("websocket-to-kafka.uis.yaml");
        const Run run = uisctl({ws, QStringLiteral("--target"), QStringLiteral("flink-run"),
                                QStringLiteral("--format"), QStringLiteral("shell")});
        QCOMPARE(run.code, 0);
        QCOMPARE(run.out, golden("websocket-to-kafka", "flink-run"));
        QCOMPARE(
            jsonArray(uisctl({ws, QStringLiteral("--target"), QStringLiteral("flink-run")}).out)
                .value(1),
            QStringLiteral("run"));
    }

    void textTargets()
    {
        const Run sql = uisctl({templ("kafka-dedupe-window.uis.yaml"), QStringLiteral("--target"),
                                QStringLiteral("flink-sql")});
        QCOMPARE(sql.code, 0);
        QCOMPARE(sql.out, golden("kafka-dedupe-window", "flink-sql"));
        const Run m = uisctl({templ("files-to-clickhouse.uis.yaml"), QStringLiteral("--target"),
                              QStringLiteral("dcp-manifest"), QStringLiteral("--format"),
                              QStringLiteral("text")});
        QCOMPARE(m.code, 0);
        QCOMPARE(m.out, golden("files-to-clickhouse", "dcp-manifest"));
        // The Kubernetes manifests print as text, as the golden files hold them.
        const Run fd = uisctl({templ("kafka-dedupe-window.uis.yaml"), QStringLiteral("--target"),
                               QStringLiteral("flink-deployment"), QStringLiteral("--format"),
                               QStringLiteral("text")});
        QCOMPARE(fd.code, 0);
        QCOMPARE(fd.out, golden("kafka-dedupe-window", "flink-deployment"));
        const Run sa = uisctl({templ("files-to-clickhouse.uis.yaml"), QStringLiteral("--target"),
                               QStringLiteral("spark-application")});
        QCOMPARE(sa.code, 0);
        QCOMPARE(sa.out, golden("files-to-clickhouse", "spark-application"));
        QVERIFY(sa.err.contains("[UIS-I-K8S-CRON]"));
    }

    void options()
    {
        const QString kafka = templ("rest-to-parquet-iceberg.uis.yaml");
        const QStringList local =
            jsonArray(uisctl({kafka, QStringLiteral("--target"), QStringLiteral("spark-submit"),
                              QStringLiteral("--master"), QStringLiteral("local[*]"),
                              QStringLiteral("--job-config"), QStringLiteral("/tmp/j.json"),
                              QStringLiteral("--runner"), QStringLiteral("/r/run.py")})
                          .out);
        QCOMPARE(local.mid(1, 4),
                 (QStringList{QStringLiteral("--master"), QStringLiteral("local[*]"),
                              QStringLiteral("--deploy-mode"), QStringLiteral("client")}));
        QCOMPARE(local.mid(local.size() - 3),
                 (QStringList{QStringLiteral("/r/run.py"), QStringLiteral("--job-config"),
                              QStringLiteral("/tmp/j.json")}));
        const Run four = uisctl({kafka, QStringLiteral("--target"), QStringLiteral("spark-job"),
                                 QStringLiteral("--spark-version"), QStringLiteral("4.0")});
        QCOMPARE(four.code, 0);
        QVERIFY(four.out.contains("iceberg-spark-runtime-4.0_2.13"));
        const QStringList run =
            jsonArray(uisctl({templ("websocket-to-kafka.uis.yaml"), QStringLiteral("--target"),
                              QStringLiteral("flink-run"), QStringLiteral("--flink-target"),
                              QStringLiteral("remote")})
                          .out);
        QCOMPARE(run.value(3), QStringLiteral("remote"));
    }

    void specErrorsExitOne()
    {
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("bad.uis.yaml"));
        QByteArray y = readFile(templ("rest-to-parquet-iceberg.uis.yaml"));
        y.replace("mode: micro_batch", "mode: microbatch");
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(y);
        f.close();
        const Run r = uisctl({bad, QStringLiteral("--target"), QStringLiteral("spark-job")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY(QRegularExpression(
                    QStringLiteral(
                        "bad\\.uis\\.yaml:\\d+:\\d+: error: .*micro_batch.* \\[UIS-E-ENUM\\]"))
                    .match(QString::fromUtf8(r.err))
                    .hasMatch());
        // --out writes nothing for a spec with errors.
        const QString out = dir.filePath(QStringLiteral("out"));
        QCOMPARE(uisctl({bad, QStringLiteral("--out"), out}).code, 1);
        QVERIFY(!QDir(out).exists() || QDir(out).isEmpty());
    }

    void wrongEngineExitsOne()
    {
        const Run r = uisctl({templ("websocket-to-kafka.uis.yaml"), QStringLiteral("--target"),
                              QStringLiteral("spark-job")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY(QRegularExpression(
                    QStringLiteral("websocket-to-kafka\\.uis\\.yaml:\\d+:\\d+: "
                                   "error: .*WebSocket.*Flink.* \\[UIS-E-ENGINE-CONNECTOR\\]"))
                    .match(QString::fromUtf8(r.err))
                    .hasMatch());
        const Run m = uisctl({templ("websocket-to-kafka.uis.yaml"), QStringLiteral("--target"),
                              QStringLiteral("dcp-manifest")});
        QCOMPARE(m.code, 1);
        QVERIFY(m.err.contains("[UIS-E-ENGINE]"));
        QVERIFY(m.err.contains("dcp-request"));
        // A manifest of the other engine: refused, naming the one that fits, at the mode's line.
        const Run k = uisctl({templ("websocket-to-kafka.uis.yaml"), QStringLiteral("--target"),
                              QStringLiteral("spark-application")});
        QCOMPARE(k.code, 1);
        QVERIFY(k.out.isEmpty());
        QVERIFY2(
            QRegularExpression(QStringLiteral("websocket-to-kafka\\.uis\\.yaml:\\d+:\\d+: error: "
                                              ".*use --target flink-deployment "
                                              "\\[UIS-E-ENGINE\\]"))
                .match(QString::fromUtf8(k.err))
                .hasMatch(),
            k.err.constData());
    }

    void outWritesEveryArtifact()
    {
        for (const char *spec : {"rest-to-parquet-iceberg", "websocket-to-kafka"}) {
            QTemporaryDir dir;
            const QString out = dir.filePath(QStringLiteral("artifacts/nested"));
            const Run r = uisctl({templ((QByteArray(spec) + ".uis.yaml").constData()),
                                  QStringLiteral("--out"), out});
            QCOMPARE(r.code, 0);
            const QStringList written =
                QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            const QStringList files = QDir(out).entryList(QDir::Files, QDir::Name);
            QCOMPARE(written.size(), files.size());
            // The engine's targets, the DCP ones and the Kubernetes manifest.
            QCOMPARE(files.size(), QByteArray(spec).startsWith("rest") ? 6 : 5);
            for (const QString &file : files) {
                // <name>.<target>.<ext>; the content is the golden artifact.
                const QString target = file.section(QLatin1Char('.'), 1, 1);
                QCOMPARE(readFile(QDir(out).filePath(file)),
                         golden(spec, target.toLatin1().constData()));
                QVERIFY(written.contains(QDir(out).filePath(file)));
            }
            // Atomic writes leave no temporary files behind.
            QCOMPARE(
                QDir(out).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).size(),
                files.size());
        }
    }

    void outWithTargetAndLocalPaths()
    {
        QTemporaryDir dir;
        const Run r =
            uisctl({templ("rest-to-parquet-iceberg.uis.yaml"), QStringLiteral("--out"), dir.path(),
                    QStringLiteral("--target"), QStringLiteral("spark-submit"),
                    QStringLiteral("--master"), QStringLiteral("local[2]")});
        QCOMPARE(r.code, 0);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
                 QStringList{QStringLiteral("market-data-ingestion.spark-submit.sh")});
        // A local run reads the job config that --out writes next to it.
        const QByteArray line =
            readFile(dir.filePath(QStringLiteral("market-data-ingestion.spark-submit.sh")));
        QVERIFY(line.contains("--job-config " + QDir(dir.path())
                                                    .absoluteFilePath(QStringLiteral(
                                                        "market-data-ingestion.spark-job.json"))
                                                    .toUtf8()));
        QVERIFY(line.contains("runners/spark/uis_spark_runner.py"));
        QVERIFY(line.contains("'local[2]'"));
    }
};

QTEST_GUILESS_MAIN(TestCompileCommand)
#include "tst_compilecommand.moc"
