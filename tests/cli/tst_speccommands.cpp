// SPDX-License-Identifier: Apache-2.0
// Runs the real uisctl binary the way CI and editors do: exit codes and output formats.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

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
    p.start(QStringLiteral(UIS_BINARY_DIR "/bin/uisctl"), args);
    if (!p.waitForFinished(60000))
        qFatal("uisctl did not finish");
    return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
               p.readAllStandardError()};
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

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

const QByteArray kBroken = "version: \"1.1\"\nname: Bad_Name\nprovider:\n  name: p\n  provider_type: rest_api\n"
                           "  base_url: https://x.io\n  mode: streaming\n  endpoints:\n    - name: e\n      path: /a\n"
                           "      pagnation: cursor\n  sinks:\n    - type: console\n";
const QByteArray kWarningsOnly = "version: \"1.1\"\nname: warn-only\nprovider:\n  name: p\n  provider_type: rest_api\n"
                                 "  base_url: https://x.io\n  mode: batch\n  endpoints:\n    - name: e\n      path: /a\n"
                                 "      pagnation: cursor\n  sinks:\n    - type: console\n";

} // namespace

class TestSpecCommands : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_broken, m_warn;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(QStringLiteral(UIS_BINARY_DIR "/bin/uisctl")));
        m_broken = m_dir.filePath(QStringLiteral("broken.uis.yaml"));
        m_warn = m_dir.filePath(QStringLiteral("warn.uis.yaml"));
        writeFile(m_broken, kBroken);
        writeFile(m_warn, kWarningsOnly);
    }

    void usage()
    {
        QCOMPARE(uisctl({}).code, 2);
        QCOMPARE(uisctl({QStringLiteral("frobnicate")}).code, 2);
        const Run h = uisctl({QStringLiteral("--help")});
        QCOMPARE(h.code, 0);
        QVERIFY(h.out.contains("validate"));
    }

    void helpOnEveryCommand_data()
    {
        QTest::addColumn<QString>("command");
        const Run h = uisctl({QStringLiteral("--help")});
        const QRegularExpression re(QStringLiteral("^  ([a-z-]+) "), QRegularExpression::MultilineOption);
        auto it = re.globalMatch(QString::fromUtf8(h.out));
        int n = 0;
        while (it.hasNext()) {
            const QString c = it.next().captured(1);
            QTest::newRow(qPrintable(c)) << c;
            ++n;
        }
        QVERIFY(n >= 4);
    }
    void helpOnEveryCommand()
    {
        QFETCH(QString, command);
        const Run r = uisctl({command, QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("usage: uisctl " + command.toUtf8()), r.out.constData());
    }

    void validateClean()
    {
        const Run r = uisctl({QStringLiteral("validate"), templ("rest-to-parquet-iceberg.uis.yaml")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.isEmpty());
    }

    void validateTextFormat()
    {
        const Run r = uisctl({QStringLiteral("validate"), m_broken});
        QCOMPARE(r.code, 1);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QVERIFY(lines.size() >= 3);
        const QRegularExpression re(QStringLiteral(
            "^(.+):(\\d+):(\\d+): (error|warning|info): .+ \\[UIS-[EWI]-[A-Z-]+\\]$"));
        for (const QByteArray &l : lines) {
            const auto m = re.match(QString::fromUtf8(l));
            QVERIFY2(m.hasMatch(), l.constData());
            QCOMPARE(m.captured(1), m_broken);
        }
        QVERIFY(r.out.contains(":2:7: error: name `Bad_Name`"));
        QVERIFY(r.out.contains(":7:9: error: mode `streaming` does not fit"));
        QVERIFY(r.out.contains(":11:7: warning: unknown key `pagnation`"));
    }

    void warningsDoNotFail()
    {
        const Run r = uisctl({QStringLiteral("validate"), m_warn});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("warning"));
    }

    void validateJsonFormat()
    {
        const Run one = uisctl({QStringLiteral("validate"), QStringLiteral("--format"), QStringLiteral("json"), m_broken});
        QCOMPARE(one.code, 1);
        const QJsonObject o = QJsonDocument::fromJson(one.out).object();
        QCOMPARE(o.value(QStringLiteral("file")).toString(), m_broken);
        QCOMPARE(o.value(QStringLiteral("valid")).toBool(), false);
        const QJsonObject d = o.value(QStringLiteral("diagnostics")).toArray().first().toObject();
        for (const char *k : {"severity", "code", "message", "pointer", "line", "column"})
            QVERIFY2(d.contains(QLatin1String(k)), k);

        const Run two = uisctl({QStringLiteral("validate"), QStringLiteral("--format=json"), m_broken,
                                templ("websocket-to-kafka.uis.yaml")});
        QCOMPARE(two.code, 1);
        const QJsonArray a = QJsonDocument::fromJson(two.out).array();
        QCOMPARE(a.size(), 2);
        QCOMPARE(a[1].toObject().value(QStringLiteral("valid")).toBool(), true);
    }

    void validateUsageAndIoErrors()
    {
        QCOMPARE(uisctl({QStringLiteral("validate")}).code, 2);
        QCOMPARE(uisctl({QStringLiteral("validate"), QStringLiteral("--format"), QStringLiteral("xml"), m_broken}).code, 2);
        QCOMPARE(uisctl({QStringLiteral("validate"), QStringLiteral("--bogus"), m_broken}).code, 2);
        const Run missing = uisctl({QStringLiteral("validate"), m_dir.filePath(QStringLiteral("nope.yaml"))});
        QCOMPARE(missing.code, 2);
        QVERIFY(missing.err.contains("no such file"));
    }

    void validateGarbage()
    {
        const QString bin = m_dir.filePath(QStringLiteral("garbage.uis.yaml"));
        writeFile(bin, QByteArray("\x7f" "ELF\x02\x01\x01\x00\x00\x00", 10));
        const Run r = uisctl({QStringLiteral("validate"), bin});
        QCOMPARE(r.code, 1);
        QVERIFY(r.out.contains("UIS-E-ENCODING"));
    }

    void schema()
    {
        const Run r = uisctl({QStringLiteral("schema")});
        QCOMPARE(r.code, 0);
        const QJsonObject s = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(s.value(QStringLiteral("$schema")).toString(),
                 QStringLiteral("https://json-schema.org/draft/2020-12/schema"));
        QVERIFY(s.value(QStringLiteral("$defs")).toObject().contains(QStringLiteral("endpoint.rest_api")));
    }

    void fmtNormalizesAndWritesAtomically()
    {
        const QString f = m_dir.filePath(QStringLiteral("fmt.uis.yaml"));
        writeFile(f, "provider:\n  sinks: [{type: console}]\n  endpoints: [{name: e, path: /a}]\n  mode: batch\n"
                     "  base_url: https://x.io\n  provider_type: rest_api\n  name: p\nname: fmt-test\nversion: \"1.1\"\n");
        const Run printed = uisctl({QStringLiteral("fmt"), f});
        QCOMPARE(printed.code, 0);
        QVERIFY(printed.out.startsWith("version: \"1.1\"\nname: fmt-test\n"));
        QVERIFY(!readFile(f).startsWith("version")); // printing does not touch the file
        QCOMPARE(uisctl({QStringLiteral("fmt"), f, QStringLiteral("--write")}).code, 0);
        QCOMPARE(readFile(f), printed.out);
        QCOMPARE(uisctl({QStringLiteral("fmt"), f}).out, printed.out); // idempotent
        QVERIFY(QDir(m_dir.path()).entryList(QDir::Files).filter(QStringLiteral("fmt")).size() == 1);
    }

    void fmtKeepsCommentsAndChecks()
    {
        const QString f = m_dir.filePath(QStringLiteral("fmt-comments.uis.yaml"));
        const QByteArray messy = "# header\nprovider:  # p\n  # the sinks\n  sinks: [{ type: console }]\n"
                                 "  endpoints:\n    - path: '/a'  # a\n      name: e\n  mode: batch\n"
                                 "  provider_type: rest_api\n\n  name: p\nname: fmt-test  # n\nversion: \"1.1\"\n";
        writeFile(f, messy);
        const Run check = uisctl({QStringLiteral("fmt"), f, QStringLiteral("--check")});
        QCOMPARE(check.code, 1);
        QVERIFY(check.err.contains("fmt-comments.uis.yaml"));
        QCOMPARE(readFile(f), messy);
        const Run printed = uisctl({QStringLiteral("fmt"), f});
        QCOMPARE(printed.out, QByteArray("# header\nversion: \"1.1\"\nname: fmt-test  # n\nprovider:  # p\n"
                                         "\n  name: p\n  provider_type: rest_api\n  mode: batch\n"
                                         "  endpoints:\n    - name: e\n      path: '/a'  # a\n"
                                         "  # the sinks\n  sinks: [{ type: console }]\n"));
        QCOMPARE(uisctl({QStringLiteral("fmt"), f, QStringLiteral("--write")}).code, 0);
        const Run again = uisctl({QStringLiteral("fmt"), f, QStringLiteral("--check")});
        QCOMPARE(again.code, 0);
        QVERIFY(again.err.isEmpty());
        // pre-commit passes every staged file at once
        const QString other = m_dir.filePath(QStringLiteral("fmt-other.uis.yaml"));
        writeFile(other, "name: x\nversion: \"1.1\"\n");
        const Run both = uisctl({QStringLiteral("fmt"), QStringLiteral("--check"), f, other});
        QCOMPARE(both.code, 1);
        QVERIFY(both.err.contains("fmt-other.uis.yaml") && !both.err.contains("fmt-comments"));
    }

    void fmtRefusesUnparsable()
    {
        const QString f = m_dir.filePath(QStringLiteral("broken-syntax.uis.yaml"));
        const QByteArray text = "version: \"1.1\"\nprovider: [unclosed\n";
        writeFile(f, text);
        const Run r = uisctl({QStringLiteral("fmt"), f, QStringLiteral("--write")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("UIS-E-PARSE"));
        QCOMPARE(readFile(f), text);
    }

    void convertBothWays()
    {
        const QString json = m_dir.filePath(QStringLiteral("c.uis.json"));
        const QString yaml = m_dir.filePath(QStringLiteral("c.uis.yaml"));
        QCOMPARE(uisctl({QStringLiteral("convert"), templ("kafka-dedupe-window.uis.yaml"), QStringLiteral("--to"),
                         QStringLiteral("json"), QStringLiteral("--out"), json})
                     .code,
                 0);
        QVERIFY(QJsonDocument::fromJson(readFile(json)).isObject());
        QCOMPARE(uisctl({QStringLiteral("validate"), json}).code, 0);
        const Run back = uisctl({QStringLiteral("convert"), json, QStringLiteral("--to"), QStringLiteral("yaml")});
        QCOMPARE(back.code, 0);
        writeFile(yaml, back.out);
        QCOMPARE(uisctl({QStringLiteral("validate"), yaml}).code, 0);
        QCOMPARE(back.out, uisctl({QStringLiteral("fmt"), yaml}).out); // convert writes formatted
        QCOMPARE(uisctl({QStringLiteral("convert"), json, QStringLiteral("--to"), QStringLiteral("toml")}).code, 2);
    }
};

QTEST_GUILESS_MAIN(TestSpecCommands)
#include "tst_speccommands.moc"
