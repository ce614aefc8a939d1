// SPDX-License-Identifier: Apache-2.0
// EngineSessions: the --session choice, the runners' dry-run arguments, their session progress
// lines (the wording of runners/uis_runners/sessions/warm.py) and the real status report of
// `python -m uis_runners.sessions` for a state folder with no pair (no engine starts here), and
// the runner environment EnginePaths gives them (the Spark driver's class-data archive).
#include "enginepaths.h"
#include "enginesessions.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace uis;

class TestEngineSessions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void choices()
    {
        for (const char *ok :
             {"auto", "none", "sc://127.0.0.1:15002", "http://gw:8083", "sc://a:1, https://b:2"})
            QVERIFY2(EngineSessions::isValidChoice(QString::fromUtf8(ok)), ok);
        for (const char *bad : {"", "warm", "ftp://x:1", "sc://a:1,grpc://b:2", " "})
            QVERIFY2(!EngineSessions::isValidChoice(QString::fromUtf8(bad)), bad);
        QVERIFY(EngineSessions::invalidChoiceMessage(QStringLiteral("warm"))
                    .contains(QLatin1String("`warm`")));
    }

    void dryRunArguments()
    {
        QCOMPARE(EngineSessions::dryRunArguments(QStringLiteral("/t/job.json"), 7,
                                                 QStringLiteral("auto")),
                 QStringList({QStringLiteral("--job-config"), QStringLiteral("/t/job.json"),
                              QStringLiteral("--dry-run"), QStringLiteral("--limit"),
                              QStringLiteral("7"), QStringLiteral("--session"),
                              QStringLiteral("auto")}));
        QProcessEnvironment env;
        EngineSessions::setIdleSeconds(&env, 120);
        QCOMPARE(env.value(QStringLiteral("UIS_SESSIONS_IDLE_SECONDS")), QStringLiteral("120"));
        EngineSessions::setIdleSeconds(&env, 0);
        QCOMPARE(env.value(QStringLiteral("UIS_SESSIONS_IDLE_SECONDS")),
                 QString::number(EngineSessions::DefaultIdleSeconds));
    }

    void progressLines()
    {
        using K = SessionEvent::Kind;
        SessionEvent e =
            EngineSessions::parseProgress(QStringLiteral("starting the warm spark session"));
        QCOMPARE(e.kind, K::Starting);
        QCOMPARE(e.engine, QStringLiteral("spark"));
        e = EngineSessions::parseProgress(
            QStringLiteral("the warm flink server is not answering (refused); restarting it"));
        QCOMPARE(e.kind, K::Starting);
        QCOMPARE(e.engine, QStringLiteral("flink"));
        e = EngineSessions::parseProgress(
            QStringLiteral("warm spark session at sc://127.0.0.1:4123"));
        QCOMPARE(e.kind, K::Warm);
        QCOMPARE(e.detail, QStringLiteral("sc://127.0.0.1:4123"));
        e = EngineSessions::parseProgress(
            QStringLiteral("no warm flink session: the Flink SQL Gateway did not answer; running "
                           "the cold preview"));
        QCOMPARE(e.kind, K::Cold);
        QCOMPARE(e.engine, QStringLiteral("flink"));
        QCOMPARE(e.detail,
                 QStringLiteral("no warm flink session: the Flink SQL Gateway did not answer"));
        QCOMPARE(EngineSessions::parseProgress(QStringLiteral("line 3: CREATE TABLE x")).kind,
                 K::None);
        QCOMPARE(
            EngineSessions::parseProgress(QStringLiteral("dry run finished: no sink written")).kind,
            K::None);
    }

    void statusReport()
    {
        QCOMPARE(EngineSessions::parseStatus("not json").valid, false);
        QCOMPARE(EngineSessions::parseStatus("{}").valid, false);
        const SessionsStatus s = EngineSessions::parseStatus(
            "{\"engines\": {\"spark\": {\"state\": \"warm\", \"url\": \"sc://127.0.0.1:1\"}, "
            "\"flink\": {\"state\": \"dead\", \"url\": \"http://127.0.0.1:2\"}}, "
            "\"folder\": \"/x\", \"idle_seconds_left\": 42}");
        QVERIFY(s.valid);
        QCOMPARE(s.spark.state, SessionServer::State::Warm);
        QCOMPARE(s.spark.url, QStringLiteral("sc://127.0.0.1:1"));
        QCOMPARE(s.flink.state, SessionServer::State::Dead);
        QCOMPARE(s.idleSecondsLeft, 42);
        QVERIFY(s.anyWarm());
    }

    void statusOfTheRealModule()
    {
        // The sessions module's own report of a folder where no pair was started.
        const QString runners = QStringLiteral(UIS_SOURCE_DIR "/runners");
        const QString python = EnginePaths::venvPython(EnginePaths::enginesHome(runners));
        if (!EnginePaths::isExecutable(python))
            QSKIP("no .venv: run `make deps`");
        QTemporaryDir dir;
        QProcessEnvironment env =
            EngineSessions::sessionsEnvironment(runners, QProcessEnvironment::systemEnvironment());
        env.insert(QStringLiteral("UIS_SESSIONS_DIR"), dir.path());
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(python, EngineSessions::commandArguments(QStringLiteral("status")));
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const SessionsStatus s = EngineSessions::parseStatus(p.readAllStandardOutput());
        QVERIFY(s.valid);
        QCOMPARE(s.spark.state, SessionServer::State::Stopped);
        QCOMPARE(s.flink.state, SessionServer::State::Stopped);
        QCOMPARE(s.folder, dir.path());
        QVERIFY(!s.anyWarm());
    }

    void runnerEnvironmentCarriesTheClassArchive()
    {
        QTemporaryDir home;
        QProcessEnvironment env;
        EnginePaths::addRunnerEnvironment(env, home.path());
        QCOMPARE(env.value(QStringLiteral("UIS_ENGINES_DIR")), home.path());
        QVERIFY(!env.contains(QStringLiteral("SPARK_SUBMIT_OPTS"))); // no archive made

        QVERIFY(QDir(home.path()).mkpath(QStringLiteral(".cache/cds")));
        QFile options(home.filePath(QStringLiteral(".cache/cds/spark-driver.options")));
        QVERIFY(options.open(QIODevice::WriteOnly));
        options.write("-XX:SharedArchiveFile=/x/spark-driver.jsa -Xshare:auto\n");
        options.close();
        env.insert(QStringLiteral("SPARK_SUBMIT_OPTS"), QStringLiteral("-Dgiven=1"));
        EnginePaths::addRunnerEnvironment(env, home.path());
        const QString want =
            QStringLiteral("-Dgiven=1 -XX:SharedArchiveFile=/x/spark-driver.jsa -Xshare:auto");
        QCOMPARE(env.value(QStringLiteral("SPARK_SUBMIT_OPTS")), want);
        EnginePaths::addRunnerEnvironment(env, home.path()); // a second call adds nothing
        QCOMPARE(env.value(QStringLiteral("SPARK_SUBMIT_OPTS")), want);
    }
};

QTEST_GUILESS_MAIN(TestEngineSessions)
#include "tst_enginesessions.moc"
