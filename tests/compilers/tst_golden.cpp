// SPDX-License-Identifier: Apache-2.0
// Golden files: every template and seed spec, every target of its engine, byte for byte.
//
// The files live in tests/data/golden/<spec>/<target> (the artifact's content exactly). To
// regenerate them after an intended change in the compilers, run this test with
// UIS_UPDATE_GOLDEN=1 set:
//     UIS_UPDATE_GOLDEN=1 build/tests/tst_golden
// and review the diff with git before committing it.
#include "compilertest.h"

#include "pipelinecompiler.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryDir>

using namespace uis;
using namespace uis::test;

namespace {

QString goldenRoot()
{
    return sourcePath(QStringLiteral("tests/data/golden"));
}

/// Compiles `spec` with default options: target → content.
QMap<QString, QByteArray> generate(const QString &specPath, QString *problem)
{
    QMap<QString, QByteArray> out;
    const LoadedSpec loaded = SpecLoader::loadFile(specPath);
    const CompileResult r = PipelineCompiler::compile(loaded, Engine::None);
    if (!r.succeeded()) {
        *problem = diagnosticsText(r.diagnostics);
        return out;
    }
    for (const Artifact &a : r.artifacts)
        out.insert(a.target, a.content);
    return out;
}

/// Writes every golden file of every spec under `root` (what UIS_UPDATE_GOLDEN does).
QString writeAll(const QString &root)
{
    for (const QString &spec : goldenSpecs()) {
        QString problem;
        const auto files = generate(spec, &problem);
        if (!problem.isEmpty())
            return spec + QStringLiteral(": ") + problem;
        const QString dir = root + QLatin1Char('/') + specBaseName(spec);
        QDir().mkpath(dir);
        for (auto it = files.begin(); it != files.end(); ++it) {
            QSaveFile f(dir + QLatin1Char('/') + it.key());
            if (!f.open(QIODevice::WriteOnly) || f.write(it.value()) != it.value().size() ||
                !f.commit())
                return QStringLiteral("cannot write ") + f.fileName();
        }
    }
    return QString();
}

/// Relative path → content of every file under `root`.
QMap<QString, QByteArray> tree(const QString &root)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        out.insert(QDir(root).relativeFilePath(path), readFile(path));
    }
    return out;
}

} // namespace

class TestGolden : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIntValue("UIS_UPDATE_GOLDEN") == 1) {
            const QString err = writeAll(goldenRoot());
            QVERIFY2(err.isEmpty(), qPrintable(err));
            qInfo("golden files regenerated under %s", qPrintable(goldenRoot()));
        }
        QVERIFY(goldenSpecs().size() >= 8);
    }

    void matchesGolden_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("target");
        for (const QString &spec : goldenSpecs()) {
            const LoadedSpec loaded = SpecLoader::loadFile(spec);
            const Engine engine = engineFor(loaded.spec);
            for (const QString &target : PipelineCompiler::targets(engine))
                QTest::addRow("%s/%s", qPrintable(specBaseName(spec)), qPrintable(target))
                    << spec << target;
        }
    }

    void matchesGolden()
    {
        QFETCH(QString, spec);
        QFETCH(QString, target);
        QString problem;
        const auto files = generate(spec, &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY2(files.contains(target), qPrintable(QStringLiteral("no artifact ") + target));
        const QString golden =
            goldenRoot() + QLatin1Char('/') + specBaseName(spec) + QLatin1Char('/') + target;
        QVERIFY2(QFileInfo::exists(golden),
                 qPrintable(golden + QStringLiteral(" is missing; run with UIS_UPDATE_GOLDEN=1")));
        const QByteArray expected = readFile(golden);
        const QByteArray actual = files.value(target);
        if (actual != expected) {
            // Point at the first differing line, which is what a reviewer needs.
            const QList<QByteArray> a = actual.split('\n'), e = expected.split('\n');
            int line = 0;
            while (line < a.size() && line < e.size() && a.at(line) == e.at(line))
                ++line;
            QFAIL(qPrintable(QStringLiteral("%1 differs at line %2:\n  golden: %3\n  actual: %4")
                                 .arg(golden)
                                 .arg(line + 1)
                                 .arg(QString::fromUtf8(line < e.size() ? e.at(line) : "<end>"),
                                      QString::fromUtf8(line < a.size() ? a.at(line) : "<end>"))));
        }
    }

    /// Regenerating into an empty directory gives exactly the committed tree: same files, same
    /// bytes, nothing stale left behind.
    void regeneratingChangesNothing()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString err = writeAll(dir.path());
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const auto fresh = tree(dir.path());
        const auto committed = tree(goldenRoot());
        QCOMPARE(fresh.keys(), committed.keys());
        for (auto it = fresh.begin(); it != fresh.end(); ++it)
            QVERIFY2(it.value() == committed.value(it.key()), qPrintable(it.key()));
    }

    /// The same spec compiles to byte-identical output, however often and from whichever copy.
    void deterministic()
    {
        for (const QString &spec : goldenSpecs()) {
            QString p1, p2;
            const auto first = generate(spec, &p1);
            const auto second = generate(spec, &p2);
            QCOMPARE(first, second);
            // A copy of the text loaded from memory gives the same bytes as the file.
            const CompileResult r = PipelineCompiler::compile(
                SpecLoader::load(readFile(spec), SpecFormat::Yaml), Engine::None);
            for (const Artifact &a : r.artifacts)
                QCOMPARE(a.content, first.value(a.target));
        }
    }

    /// The table "Keys in the seeds that the engines do not accept" of COMPILERS.md, row by row,
    /// over every artifact of every template and seed: the seed's key never appears, the real
    /// one does where it applies.
    void rejectedSeedKeysNeverAppear_data()
    {
        QTest::addColumn<int>("row");
        const char *rows[] = {"trigger.processingTime conf",
                              "state.checkpointing.mode",
                              "state.backend",
                              "connector websocket",
                              "connector clickhouse",
                              "kafka.bootstrap.servers in flink_config",
                              "flink run --job-name",
                              "spark-submit --job-config before the app",
                              "s3:// paths",
                              "partitionBy option"};
        for (int i = 0; i < int(std::size(rows)); ++i)
            QTest::newRow(rows[i]) << i;
    }

    void rejectedSeedKeysNeverAppear()
    {
        QFETCH(int, row);
        for (const QString &spec : goldenSpecs()) {
            const LoadedSpec loaded = SpecLoader::loadFile(spec);
            const CompileResult r = PipelineCompiler::compile(loaded, Engine::None);
            QVERIFY(r.succeeded());
            const bool flink = engineFor(loaded.spec) == Engine::Flink;
            const QString name = specBaseName(spec);
            for (const Artifact &a : r.artifacts) {
                const QByteArray &c = a.content;
                const QByteArray where = (name + QLatin1Char('/') + a.target).toUtf8();
                switch (row) {
                case 0:
                    QVERIFY2(!c.contains("spark.sql.streaming.trigger"), where);
                    break;
                case 1:
                    QVERIFY2(!c.contains("state.checkpointing.mode"), where);
                    if (flink && a.target != QLatin1String("dcp-request"))
                        QVERIFY2(c.contains("execution.checkpointing.mode"), where);
                    break;
                case 2:
                    QVERIFY2(!c.contains("\"state.backend\"") && !c.contains("'state.backend'") &&
                                 !c.contains("-Dstate.backend="),
                             where);
                    if (flink)
                        QVERIFY2(c.contains("state.backend.type"), where);
                    break;
                case 3:
                    QVERIFY2(!c.contains("'connector' = 'websocket'"), where);
                    if (loaded.spec.provider.providerType == QLatin1String("websocket") &&
                        a.target == QLatin1String("flink-sql"))
                        QVERIFY2(c.contains("'connector' = 'kafka'") &&
                                     hasCode(r.diagnostics, QStringLiteral("UIS-I-KAFKA-BRIDGE")),
                                 where);
                    break;
                case 4:
                    if (c.contains("'connector' = 'clickhouse'"))
                        QVERIFY2(hasCode(r.diagnostics, QStringLiteral("UIS-W-FLINK-CLICKHOUSE")),
                                 where);
                    break;
                case 5:
                    if (a.target == QLatin1String("flink-job")) {
                        const OrderedJson conf =
                            OrderedJson::parse(c.toStdString())["flink_config"];
                        for (auto it = conf.begin(); it != conf.end(); ++it)
                            QVERIFY2(it.key().find("bootstrap") == std::string::npos, where);
                    }
                    if (a.target == QLatin1String("flink-run"))
                        QVERIFY2(!c.contains("bootstrap"), where);
                    if (flink)
                        QVERIFY2(!c.contains("kafka.bootstrap.servers"), where);
                    if (a.target == QLatin1String("flink-sql") &&
                        c.contains("'connector' = 'kafka'"))
                        QVERIFY2(c.contains("'properties.bootstrap.servers'"), where);
                    break;
                case 6:
                    QVERIFY2(!c.contains("--job-name"), where);
                    if (a.target == QLatin1String("flink-run"))
                        QVERIFY2(
                            c.contains("-Dpipeline.name=uis-" + loaded.spec.name.toUtf8() + ' '),
                            where);
                    break;
                case 7:
                    if (a.target == QLatin1String("spark-submit")) {
                        const qsizetype app = c.indexOf("uis_spark_runner.py ");
                        QVERIFY2(app > 0 && c.indexOf("--job-config") > app &&
                                     c.count("--job-config") == 1,
                                 where);
                    }
                    break;
                case 8:
                    if (!flink)
                        QVERIFY2(!c.contains("s3://"), where);
                    break;
                case 9:
                    QVERIFY2(!c.contains("partitionBy"), where);
                    break;
                }
            }
        }
    }

    /// Every template compiles for its engine with no error and no warning.
    void templatesCompileCleanly()
    {
        for (const QString &spec : goldenSpecs()) {
            const LoadedSpec loaded = SpecLoader::loadFile(spec);
            QVERIFY2(loaded.valid(), qPrintable(diagnosticsText(loaded.diagnostics)));
            const CompileResult r = PipelineCompiler::compile(loaded, Engine::None);
            QVERIFY2(r.succeeded(),
                     qPrintable(spec + QLatin1Char('\n') + diagnosticsText(r.diagnostics)));
            QCOMPARE(countSeverity(r.diagnostics, Severity::Warning), 0);
            QCOMPARE(r.artifacts.size(),
                     PipelineCompiler::targets(engineFor(loaded.spec)).size());
        }
    }
};

QTEST_GUILESS_MAIN(TestGolden)
#include "tst_golden.moc"
