// SPDX-License-Identifier: Apache-2.0
// `uisctl test` without an engine: usage, the tests file's diagnostics (with line and column)
// and the exit codes. The engine runs are in tests/runners/test_golden_pipelines.py.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run uisctl(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(UIS_BINARY_DIR "/bin/uisctl"), args);
    if (!p.waitForFinished(60000))
        qFatal("uisctl did not finish");
    return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
               QString::fromUtf8(p.readAllStandardOutput()),
               QString::fromUtf8(p.readAllStandardError())};
}

QString templ(const char *name)
{
    return QStringLiteral(UIS_SOURCE_DIR "/resources/templates/") + QString::fromLatin1(name);
}

void writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write test file");
    f.write(data);
}

} // namespace

class TestTestCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listedInHelp()
    {
        const Run r = uisctl({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("test")));
        const Run h = uisctl({QStringLiteral("test"), QStringLiteral("--help")});
        QCOMPARE(h.code, 0);
        QVERIFY(h.out.contains(QLatin1String("--engine")));
    }

    void usageErrors()
    {
        const QString spec = templ("kafka-dedupe-window.uis.yaml");
        QCOMPARE(uisctl({QStringLiteral("test")}).code, 2);
        QCOMPARE(uisctl({QStringLiteral("test"), spec, QStringLiteral("--format"),
                         QStringLiteral("xml")})
                     .code,
                 2);
        QCOMPARE(uisctl({QStringLiteral("test"), spec, QStringLiteral("--engine"),
                         QStringLiteral("beam")})
                     .code,
                 2);
        QCOMPARE(uisctl({QStringLiteral("test"), QStringLiteral("/nonexistent.uis.yaml")}).code, 2);
        const Run r = uisctl({QStringLiteral("test"), spec, QStringLiteral("--tests"),
                              QStringLiteral("/nonexistent.tests.yaml")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QLatin1String("no such file")));
        const Run c = uisctl({QStringLiteral("test"), spec, QStringLiteral("--case"),
                              QStringLiteral("no such case")});
        QCOMPARE(c.code, 2);
        QVERIFY(c.err.contains(QLatin1String("has no case `no such case`")));
    }

    void testsFileDiagnosticsHaveLineAndColumn()
    {
        QTemporaryDir dir;
        const QString tests = dir.filePath(QStringLiteral("bad.tests.yaml"));
        writeFile(tests, "tests:\n"
                         "  - name: typo\n"
                         "    inputs:\n"
                         "      click: []\n"
                         "    expect:\n"
                         "      metrics_out:\n"
                         "        - {page: /a, clicks: 1, avg_dur: 1.0}\n");
        const Run r = uisctl({QStringLiteral("test"), templ("kafka-dedupe-window.uis.yaml"),
                              QStringLiteral("--tests"), tests});
        QCOMPARE(r.code, 1);
        QVERIFY2(
            r.err.contains(tests + QStringLiteral(":4:7: error: the spec has no endpoint `click`; "
                                                  "did you mean `clicks`? [UIS-E-TESTS-REF]")),
            qPrintable(r.err));
        QVERIFY2(
            r.err.contains(tests + QStringLiteral(":7:33: error: sink `metrics_out` has no column "
                                                  "`avg_dur`; did you mean `avg_duration`?")),
            qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void malformedTestsFile()
    {
        QTemporaryDir dir;
        const QString tests = dir.filePath(QStringLiteral("bad.tests.yaml"));
        writeFile(tests, "tests:\n  - name: x\n    inputs: [\n");
        const Run r = uisctl({QStringLiteral("test"), templ("kafka-dedupe-window.uis.yaml"),
                              QStringLiteral("--tests"), tests});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(tests + QLatin1Char(':')), qPrintable(r.err));
    }

    void specWithErrors()
    {
        QTemporaryDir dir;
        const QString spec = dir.filePath(QStringLiteral("broken.uis.yaml"));
        writeFile(spec, "version: \"1.1\"\nname: Bad_Name\nprovider:\n  name: p\n");
        writeFile(dir.filePath(QStringLiteral("broken.tests.yaml")), "tests: []\n");
        const Run r = uisctl({QStringLiteral("test"), spec});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("the spec has errors")));
    }

    void anEngineTheSpecDoesNotCompileFor()
    {
        // A tests file without errors gets past the checks; `--engine` for an engine the spec
        // does not compile for is then an error of that engine (no engine is started).
        // Spark has no WebSocket source: reported, not run.
        const Run r = uisctl({QStringLiteral("test"), templ("websocket-to-kafka.uis.yaml"),
                              QStringLiteral("--engine"), QStringLiteral("spark"),
                              QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(!r.err.contains(QLatin1String("error: ")), qPrintable(r.err));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains(QLatin1String("does not compile for spark")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("WebSocket")), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestTestCommand)
#include "tst_testcommand.moc"
