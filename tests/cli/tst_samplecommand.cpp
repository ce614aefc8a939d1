// SPDX-License-Identifier: Apache-2.0
// `uisctl sample` through the built binary against a real HTTP API on 127.0.0.1
// (sample_api.py): records per pagination style and auth, --infer (schema and pagination),
// --check (drift with positions), the erroring and slow endpoints, local files, exit codes.
#include "sampleapiserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestSampleCommand : public QObject
{
    Q_OBJECT

    uis::test::SampleApiServer m_api;
    QTemporaryDir m_dir;

    Run uisctl(const QStringList &args, const QHash<QString, QString> &extraEnv = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_dir.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.path() + QStringLiteral("/config"));
        env.insert(QStringLiteral("UIS_NO_KEYCHAIN"), QStringLiteral("1"));
        env.insert(QStringLiteral("API_TOKEN"), QStringLiteral("s3cret-token"));
        env.insert(QStringLiteral("API_KEY"), QStringLiteral("k3y-abc"));
        env.insert(QStringLiteral("BASIC_CREDENTIALS"), QStringLiteral("YWxpY2U6cGE1NXdvcmQ="));
        for (auto it = extraEnv.begin(); it != extraEnv.end(); ++it) {
            if (it.value().isNull())
                env.remove(it.key());
            else
                env.insert(it.key(), it.value());
        }
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(UIS_BINARY_DIR "/bin/uisctl"),
                QStringList{QStringLiteral("sample")} + args);
        if (!p.waitForFinished(60000))
            qFatal("uisctl sample did not finish");
        return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                   p.readAllStandardOutput(), p.readAllStandardError()};
    }

    // A spec with one REST endpoint; `endpoint` is its YAML below `- name: items`.
    QString spec(const QString &name, const QString &endpoint, const QString &base = {})
    {
        return m_api.writeSpec(QDir(m_dir.path()), name, QStringLiteral("sample-test"), endpoint,
                               base);
    }

    static QString endpointYaml(const QString &path, const QString &responsePath,
                                const QString &auth, const QString &extra = {})
    {
        QString y =
            QStringLiteral("      path: %1\n      response_path: \"%2\"\n").arg(path, responsePath);
        if (auth == QLatin1String("bearer"))
            y += QStringLiteral("      auth: bearer\n      headers: { Authorization: \"Bearer "
                                "{{api_token}}\" }\n");
        else if (auth == QLatin1String("key-header"))
            y += QStringLiteral("      auth: api_key\n      headers: { X-API-Key: \"{{api_key}}\" "
                                "}\n");
        else if (auth == QLatin1String("key-query"))
            y += QStringLiteral("      auth: api_key\n      query_params: { api_key: "
                                "\"{{api_key}}\" }\n");
        else if (auth == QLatin1String("basic"))
            y += QStringLiteral(
                "      auth: basic\n      headers: { Authorization: \"Basic "
                "{{basic_credentials}}\" }\n      query_params: { limit: \"10\" }\n");
        return y + extra;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_api.start(), qPrintable(m_api.error()));
    }

    void help()
    {
        const Run r = uisctl({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("usage: uisctl sample SPEC"));
    }

    void recordsAfterResponsePathBeforeFieldMapping()
    {
        const QString s =
            spec(QStringLiteral("records"),
                 endpointYaml(QStringLiteral("/next-absolute"), QStringLiteral("$.results"),
                              QStringLiteral("bearer"),
                              QStringLiteral("      pagination: cursor\n"
                                             "      field_mapping: { name: item_name }\n")));
        const Run r = uisctl({s, QStringLiteral("--pages"), QStringLiteral("5")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 25);
        for (int i = 0; i < lines.size(); ++i) {
            const QJsonObject o = QJsonDocument::fromJson(lines.at(i)).object();
            QCOMPARE(o.value(QLatin1String("id")).toInt(), i);
            QVERIFY(o.contains(QLatin1String("name"))); // before field_mapping
        }
        QVERIFY(!r.out.contains("s3cret-token"));
        QVERIFY(!r.err.contains("s3cret-token"));
        // each page's status, records and timing are reported
        QVERIFY2(r.err.contains("page 3: 200 ok, 5 records"), r.err.constData());
    }

    void limitAndFormats()
    {
        const QString s =
            spec(QStringLiteral("formats"),
                 endpointYaml(QStringLiteral("/plain"), QStringLiteral("$.results"), {}));
        Run r = uisctl({s, QStringLiteral("--limit"), QStringLiteral("2"),
                        QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 2);
        r = uisctl({s, QStringLiteral("--format"), QStringLiteral("table")});
        QCOMPARE(r.code, 0);
        const QList<QByteArray> lines = r.out.split('\n');
        QVERIFY2(lines.at(0).startsWith("active  big"), lines.at(0).constData());
        QVERIFY(lines.at(0).contains("  id  "));
        QVERIFY(lines.at(0).contains("meta.source"));
        QVERIFY(lines.at(1).startsWith("--"));
        QCOMPARE(r.out.count('\n'), 2 + 5);
        QCOMPARE(uisctl({s, QStringLiteral("--format"), QStringLiteral("xml")}).code, 2);
        QCOMPARE(uisctl({s, QStringLiteral("--endpoint"), QStringLiteral("nope")}).code, 2);
        QCOMPARE(uisctl({s, QStringLiteral("--limit"), QStringLiteral("0")}).code, 2);
    }

    void inferDetectsEveryStyle_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("responsePath");
        QTest::addColumn<QString>("auth");
        QTest::addColumn<QString>("style");
        QTest::newRow("next absolute, bearer") << "/next-absolute"
                                               << "$.results"
                                               << "bearer"
                                               << "cursor";
        QTest::newRow("next relative, key header") << "/next-relative"
                                                   << "$.data"
                                                   << "key-header"
                                                   << "cursor";
        QTest::newRow("cursor, key query") << "/cursor"
                                           << "$.items"
                                           << "key-query"
                                           << "cursor";
        QTest::newRow("offset, basic") << "/offset"
                                       << "$.results"
                                       << "basic"
                                       << "offset";
        QTest::newRow("page, bearer") << "/page"
                                      << "$.results"
                                      << "bearer"
                                      << "page";
        QTest::newRow("Link header") << "/link"
                                     << "$"
                                     << "none"
                                     << "link_header";
        QTest::newRow("plain") << "/plain"
                               << "$.results"
                               << "none"
                               << "";
    }
    void inferDetectsEveryStyle()
    {
        QFETCH(QString, path);
        QFETCH(QString, responsePath);
        QFETCH(QString, auth);
        QFETCH(QString, style);
        const QString s = spec(QStringLiteral("infer"), endpointYaml(path, responsePath, auth));
        const Run r = uisctl({s, QStringLiteral("--infer")});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.out.contains("endpoints:\n  items:\n    schema:\n"));
        static const QRegularExpression line(QStringLiteral("^    pagination: (\\S+)"),
                                             QRegularExpression::MultilineOption);
        const auto m = line.match(QString::fromUtf8(r.out));
        QCOMPARE(m.hasMatch() ? m.captured(1) : QString(), style);
        QVERIFY(!r.out.contains("s3cret-token") && !r.out.contains("k3y-abc") &&
                !r.out.contains("YWxpY2U6"));
        QVERIFY(!r.err.contains("s3cret-token") && !r.err.contains("k3y-abc") &&
                !r.err.contains("YWxpY2U6"));
        if (style.isEmpty())
            QVERIFY2(!r.out.contains("pagination"), r.out.constData());
    }

    void inferredSchema()
    {
        const QString s = spec(QStringLiteral("schema"),
                               endpointYaml(QStringLiteral("/page"), QStringLiteral("$.results"),
                                            QStringLiteral("bearer"),
                                            QStringLiteral("      pagination: page\n")));
        const Run r =
            uisctl({s, QStringLiteral("--infer"), QStringLiteral("--pages"), QStringLiteral("3")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QString out = QString::fromUtf8(r.out);
        for (const char *expected : {"- {name: id, type: int, nullable: false}",
                                     "- {name: name, type: string, nullable: false}",
                                     "- {name: price, type: \"decimal(4,2)\", nullable: false}",
                                     "- {name: score, type: double, nullable: false}",
                                     "- {name: active, type: boolean, nullable: false}",
                                     "- {name: created_at, type: timestamp, nullable: false}",
                                     "- {name: updated_ts, type: timestamp, nullable: false}",
                                     "- {name: day, type: date, nullable: false}",
                                     "- {name: meta.source, type: string, nullable: false}",
                                     "- {name: meta.note, type: string, nullable: true}",
                                     "- {name: tags, type: json, nullable: false}",
                                     "- {name: big, type: long, nullable: false}",
                                     "- {name: comment, type: string, nullable: true}"})
            QVERIFY2(out.contains(QString::fromUtf8(expected)),
                     qPrintable(QString::fromUtf8(expected) + QLatin1Char(10) + out));
        // the declared style was confirmed: no change proposed, the evidence as a comment
        QVERIFY2(out.contains(QLatin1String("# pagination: page (as declared) confirmed")),
                 qPrintable(out));
        QVERIFY(!out.contains(QLatin1String("\n    pagination:")));
    }

    void wrongDeclaredPaginationIsCorrected()
    {
        const QString s = spec(QStringLiteral("wrong"),
                               endpointYaml(QStringLiteral("/cursor"), QStringLiteral("$.items"),
                                            QStringLiteral("key-query"),
                                            QStringLiteral("      pagination: page\n")));
        const Run r = uisctl({s, QStringLiteral("--infer")});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.out.contains("    pagination: cursor  # cursor (next_cursor: \"c10\" on page 1, "
                                "\"c20\" on page 2); declared `page` is wrong"),
                 r.out.constData());
    }

    void checkReportsDriftWithPositions()
    {
        const QString s =
            spec(QStringLiteral("drift"),
                 QStringLiteral("      path: /drifted\n"
                                "      response_path: $.results\n"
                                "      schema:\n"
                                "        - { name: id, type: int, nullable: false }\n"
                                "        - { name: name, type: string, nullable: false }\n"
                                "        - { name: price, type: double }\n"));
        const Run r = uisctl({s, QStringLiteral("--check")});
        QCOMPARE(r.code, 1);
        QFile f(s);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
        auto pos = [&](const QString &lineText, const QString &value) {
            const int line = int(lines.indexOf(lineText)) + 1;
            const int col = int(lines.at(line - 1).indexOf(value)) + 1;
            return QStringLiteral("%1:%2:%3").arg(s).arg(line).arg(col);
        };
        const QString out = QString::fromUtf8(r.out);
        const QString idLine = QStringLiteral("        - { name: id, type: int, nullable: false }");
        const QString nameLine =
            QStringLiteral("        - { name: name, type: string, nullable: false }");
        const QString priceLine = QStringLiteral("        - { name: price, type: double }");
        QVERIFY2(out.contains(pos(idLine, QStringLiteral("int")) +
                              QStringLiteral(": error: `id` is declared `int` but the sample "
                                             "holds `string` values [UIS-E-DRIFT-TYPE]")),
                 qPrintable(out));
        QVERIFY2(
            out.contains(pos(nameLine, QStringLiteral("false")) +
                         QStringLiteral(": error: `name` is declared `nullable: false` but "
                                        "is null in 1 of 3 sampled records [UIS-E-DRIFT-NULLS]")),
            qPrintable(out));
        QVERIFY2(out.contains(pos(priceLine, QStringLiteral("price")) +
                              QStringLiteral(": error: `price` is declared but none of the 3 "
                                             "sampled records has it [UIS-E-DRIFT-FIELD-GONE]")),
                 qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral(": warning: the sample has `extra` (int), which the "
                                             "schema does not declare [UIS-W-DRIFT-NEW-FIELD]")),
                 qPrintable(out));
    }

    void checkWithMappedNamesAndOnlyBroaderChangesPasses()
    {
        const QString s =
            spec(QStringLiteral("broader"),
                 QStringLiteral("      path: /plain\n"
                                "      response_path: $.results\n"
                                "      field_mapping: { name: item_name }\n"
                                "      schema:\n"
                                "        - { name: id, type: long, nullable: false }\n"
                                "        - { name: item_name, type: string }\n"
                                "        - { name: created_at, type: timestamp }\n"));
        const Run r = uisctl({s, QStringLiteral("--check")});
        QVERIFY2(r.code == 0, (r.out + r.err).constData());
        QVERIFY(r.out.contains("[UIS-W-DRIFT-NEW-FIELD]"));
        QVERIFY(!r.out.contains(": error:"));
    }

    void erroringEndpoints()
    {
        // 401: the placeholder's value is wrong; the message names where it comes from.
        Run r = uisctl({spec(QStringLiteral("e401"),
                             endpointYaml(QStringLiteral("/page"), QStringLiteral("$.results"),
                                          QStringLiteral("bearer")))},
                       {{QStringLiteral("API_TOKEN"), QStringLiteral("not-the-token-987")}});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("HTTP 401") && r.err.contains("{{api_token}}"), r.err.constData());
        QVERIFY(!r.err.contains("not-the-token-987"));
        // a placeholder with no value anywhere (no terminal to prompt on)
        r = uisctl({spec(QStringLiteral("missing"),
                         endpointYaml(QStringLiteral("/page"), QStringLiteral("$.results"),
                                      QStringLiteral("bearer")))},
                   {{QStringLiteral("API_TOKEN"), QString()}});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("{{api_token}} has no value"), r.err.constData());
        // 429
        r = uisctl({spec(QStringLiteral("e429"),
                         endpointYaml(QStringLiteral("/ratelimited"), QStringLiteral("$"), {}))});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("HTTP 429") && r.err.contains("retry after 7 s"),
                 r.err.constData());
        // slow: bounded by --timeout
        QElapsedTimer clock;
        clock.start();
        r = uisctl({spec(QStringLiteral("slow"),
                         endpointYaml(QStringLiteral("/slow"), QStringLiteral("$.results"), {})),
                    QStringLiteral("--timeout"), QStringLiteral("1")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("no answer") && r.err.contains("--timeout"), r.err.constData());
        QVERIFY(clock.elapsed() < 4000);
        // a dead host
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const QString dead = QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort());
        probe.close();
        r = uisctl({spec(QStringLiteral("dead"),
                         endpointYaml(QStringLiteral("/x"), QStringLiteral("$"), {}), dead)});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("connection refused"), r.err.constData());
        // a huge body is cut, not loaded
        r = uisctl({spec(QStringLiteral("huge"),
                         endpointYaml(QStringLiteral("/huge"), QStringLiteral("$"), {})),
                    QStringLiteral("--max-bytes"), QStringLiteral("100000")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("cut"), r.err.constData());
    }

    void localFiles()
    {
        QDir(m_dir.path()).mkpath(QStringLiteral("files"));
        QFile csv(m_dir.filePath(QStringLiteral("files/a.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("id,name,amount,when\n1,\"Smith, J\",2.5,2024-05-01 "
                  "10:00:00\n2,Lee,,2024-05-02T10:00:00Z\n");
        csv.close();
        const QString text =
            QStringLiteral("version: \"1.1\"\nname: files-test\nprovider:\n  name: files\n"
                           "  provider_type: file_ftp\n  base_url: file://%1/files\n  mode: batch\n"
                           "  endpoints:\n    - name: rows\n      path: \"*.csv\"\n"
                           "      format: csv\n      options: { header: \"true\" }\n"
                           "  sinks:\n    - name: out\n      type: console\n")
                .arg(m_dir.path());
        const QString path = m_dir.filePath(QStringLiteral("files.uis.yaml"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text.toUtf8());
        f.close();
        Run r = uisctl({path});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.out.trimmed().split('\n').size(), 2);
        QVERIFY(r.out.contains("\"name\":\"Smith, J\""));
        r = uisctl({path, QStringLiteral("--infer")});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.out.contains("- {name: amount, type: double, nullable: true}"),
                 r.out.constData());
        QVERIFY(r.out.contains("- {name: when, type: timestamp, nullable: false}"));
    }
};

QTEST_GUILESS_MAIN(TestSampleCommand)
#include "tst_samplecommand.moc"
