// SPDX-License-Identifier: Apache-2.0
// uisctl submit / status / list / logs / cancel against a real dcp-local, exit codes included.
#include "dcplocalserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace uis::test;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestJobCommands : public QObject
{
    Q_OBJECT

private:
    DcpLocalServer m_server;
    QString m_spark;
    QTemporaryDir m_home;

    Run uisctl(const QStringList &args, const QMap<QString, QString> &extraEnv = {}, int timeoutMs = 180000)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // A private home: no settings, keychain or dcp-local of the user's are involved.
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.path() + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.path() + QStringLiteral("/data"));
        env.insert(QStringLiteral("UIS_NO_KEYCHAIN"), QStringLiteral("1"));
        env.insert(QStringLiteral("DCP_URL"), m_server.url().toString());
        env.insert(QStringLiteral("DCP_TOKEN"), m_server.token());
        for (auto it = extraEnv.begin(); it != extraEnv.end(); ++it) {
            if (it.value().isNull())
                env.remove(it.key());
            else
                env.insert(it.key(), it.value());
        }
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(UIS_BINARY_DIR "/bin/uisctl"), args);
        p.closeWriteChannel();
        Run r;
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    static QString templ(const char *name)
    {
        return QStringLiteral(UIS_SOURCE_DIR "/resources/templates/") + QLatin1String(name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_spark = m_server.script(QStringLiteral("spark-submit"),
                                  "cfg=$(echo \"$@\" | sed 's/.*--job-config //')\n"
                                  "echo \"engine got $cfg\"\n"
                                  "if grep -q fail-me \"$cfg\"; then echo 'uis-runner: FAILED: asked to fail'; exit 1; fi\n"
                                  "if grep -q sleep-me \"$cfg\"; then trap 'exit 143' TERM; while true; do sleep 0.1; done; fi\n"
                                  "echo \"api key is ${API_KEY:+set}\"; exit 0\n");
        QVERIFY(m_server.start({QStringLiteral("--spark-submit"), m_spark}));
    }

    // The REST template runs every 5 minutes until cancelled; as a one-off batch job it ends.
    QString restBatchCopy()
    {
        QFile in(templ("rest-to-parquet-iceberg.uis.yaml"));
        if (!in.open(QIODevice::ReadOnly))
            return {};
        QByteArray text = in.readAll();
        text.replace("  mode: micro_batch\n", "  mode: batch\n");
        text.replace("  schedule:\n    trigger_interval: 5 minutes\n", "");
        const QString path = m_home.filePath(QStringLiteral("rest-batch.uis.yaml"));
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(text) != text.size())
            return {};
        return path;
    }

    void submitWaitSucceeds()
    {
        const QString spec = restBatchCopy();
        QVERIFY(!spec.isEmpty());
        const Run r = uisctl({QStringLiteral("submit"), spec, QStringLiteral("--wait")},
                             {{QStringLiteral("API_KEY"), QStringLiteral("k-123-secret")}});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString id = QString::fromUtf8(r.out).trimmed();
        QVERIFY(id.startsWith(QLatin1String("job-")));
        QVERIFY2(r.err.contains("SUCCEEDED"), r.err.constData());

        const Run status = uisctl({QStringLiteral("status"), id});
        QCOMPARE(status.exitCode, 0);
        QVERIFY(status.out.contains("status:       SUCCEEDED"));
        QVERIFY(status.out.contains("name:         market-data-ingestion"));
        const Run json = uisctl({QStringLiteral("status"), id, QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(QJsonDocument::fromJson(json.out).object().value(QLatin1String("status")).toString(), QStringLiteral("SUCCEEDED"));

        const Run logs = uisctl({QStringLiteral("logs"), id});
        QCOMPARE(logs.exitCode, 0);
        QVERIFY2(logs.out.contains("api key is set"), logs.out.constData());
        QVERIFY(!logs.out.contains("k-123-secret"));

        const Run list = uisctl({QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        QVERIFY(list.out.contains(id.toUtf8()));
        QVERIFY(list.out.startsWith("ID "));
    }

    void submitFollowFails()
    {
        // A compiled request with the job config the fake engine fails on.
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("req.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"name": "fails", "config": {"uis": {"job_config": {"name": "fail-me"}}}})");
        f.close();
        const Run r = uisctl({QStringLiteral("submit"), file, QStringLiteral("--follow")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("engine got"), r.out.constData()); // the log, on stdout
        QVERIFY2(r.err.contains("FAILED: asked to fail"), r.err.constData());
    }

    void cancelExitCodes()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("req.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"name": "sleeps", "config": {"uis": {"job_config": {"name": "sleep-me"}}}})");
        f.close();
        const Run r = uisctl({QStringLiteral("submit"), file});
        QCOMPARE(r.exitCode, 0);
        const QString id = QString::fromUtf8(r.out).trimmed();
        QVERIFY(waitFor([&] { return uisctl({QStringLiteral("status"), id}).out.contains("RUNNING"); }));
        // --wait on a job that gets cancelled exits 1.
        QProcess waiter;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DCP_URL"), m_server.url().toString());
        env.insert(QStringLiteral("DCP_TOKEN"), m_server.token());
        env.insert(QStringLiteral("UIS_NO_KEYCHAIN"), QStringLiteral("1"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.path() + QStringLiteral("/config"));
        waiter.setProcessEnvironment(env);
        waiter.start(QStringLiteral(UIS_BINARY_DIR "/bin/uisctl"), {QStringLiteral("logs"), id, QStringLiteral("--follow")});
        QVERIFY(waiter.waitForStarted());
        const Run c = uisctl({QStringLiteral("cancel"), id, QStringLiteral("--wait")});
        QVERIFY2(c.exitCode == 0, c.err.constData());
        QVERIFY2(c.err.contains("CANCELLED"), c.err.constData());
        QVERIFY(waiter.waitForFinished(120000));
        QCOMPARE(waiter.exitCode(), 0);
        const Run again = uisctl({QStringLiteral("cancel"), id});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("already finished"), again.err.constData());
        const Run missing = uisctl({QStringLiteral("status"), QStringLiteral("job-nope")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains("job not found"));
    }

    void placeholdersAndDryRun()
    {
        // Without API_KEY and with no terminal, the submit stops and names the variable.
        const Run missing = uisctl({QStringLiteral("submit"), templ("rest-to-parquet-iceberg.uis.yaml")},
                                   {{QStringLiteral("API_KEY"), QString()}});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains("{{api_key}} has no value: set API_KEY"), missing.err.constData());
        const Run dry = uisctl({QStringLiteral("submit"), templ("rest-to-parquet-iceberg.uis.yaml"), QStringLiteral("--dry-run")},
                               {{QStringLiteral("API_KEY"), QStringLiteral("k-123-secret")}});
        QCOMPARE(dry.exitCode, 0);
        QVERIFY(!dry.out.contains("k-123-secret"));
        const QJsonObject body = QJsonDocument::fromJson(dry.out).object();
        QCOMPARE(body.value(QLatin1String("runtime_env")).toObject().value(QLatin1String("API_KEY")).toString(), QStringLiteral("****"));
        QVERIFY(body.value(QLatin1String("config")).toObject().value(QLatin1String("uis")).toObject().contains(QLatin1String("spec")));
    }

    void invalidSpecAndBadUsage()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("bad.uis.yaml"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("version: \"1.1\"\nname: bad\n");
        f.close();
        const Run r = uisctl({QStringLiteral("submit"), file});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("nothing was submitted"));
        QCOMPARE(uisctl({QStringLiteral("status")}).exitCode, 2);
        QCOMPARE(uisctl({QStringLiteral("submit"), QStringLiteral("/nonexistent.yaml")}).exitCode, 2);
        const Run down = uisctl({QStringLiteral("list"), QStringLiteral("--timeout"), QStringLiteral("2")},
                                {{QStringLiteral("DCP_URL"), QStringLiteral("http://127.0.0.1:1")}});
        QCOMPARE(down.exitCode, 2);
        QVERIFY(down.err.contains("server unreachable at http://127.0.0.1:1"));
    }
};

QTEST_GUILESS_MAIN(TestJobCommands)
#include "tst_jobcommands.moc"
