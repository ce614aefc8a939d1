// SPDX-License-Identifier: Apache-2.0
// DcpClient, JobFollower and the environment store, against a real dcp-local: a server that is
// down, one that is stopped (SIGSTOP) so that requests time out, retries and idempotency,
// following a job's log to the end, and tokens in a real keychain (gnome-keyring on a private
// D-Bus session).
#include "dcplocalserver.h"

#include "dcpclient.h"
#include "environmentstore.h"
#include "jobfollower.h"
#include "localserverinfo.h"
#include "tokenstore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

#include <optional>

using namespace uis;
using namespace uis::test;

namespace {

QJsonObject job(const QString &name = QStringLiteral("client-test"))
{
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("config"),
                        QJsonObject{{QStringLiteral("uis"),
                                     QJsonObject{{QStringLiteral("job_config"),
                                                  QJsonObject{{QStringLiteral("name"), name}}}}}}}};
}

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort(); // closed again when `s` goes: nothing listens there
}

/// Resolves through the event loop (resolve() itself never waits).
Environment resolveNow(const EnvironmentStore &store, const QString &name, TokenStore *tokens)
{
    std::optional<Environment> got;
    QObject context;
    store.resolve(name, tokens, &context, [&](const Environment &e) { got = e; });
    if (got)
        qFatal("resolve() answered before it returned");
    if (!waitFor([&] { return got.has_value(); }, 60000))
        qFatal("resolve() did not answer");
    return *got;
}

struct KeychainAnswer
{
    bool answered = false;
    QString value;
    QString error;
};

KeychainAnswer readNow(TokenStore &tokens, const QString &key)
{
    KeychainAnswer a;
    tokens.read(key, &tokens, [&](const QString &v, const QString &e) { a = {true, v, e}; });
    waitFor([&] { return a.answered; }, 60000);
    return a;
}

KeychainAnswer writeNow(TokenStore &tokens, const QString &key, const QString &value)
{
    KeychainAnswer a;
    tokens.write(key, value, &tokens, [&](const QString &e) { a = {true, {}, e}; });
    waitFor([&] { return a.answered; }, 60000);
    return a;
}

KeychainAnswer removeNow(TokenStore &tokens, const QString &key)
{
    KeychainAnswer a;
    tokens.remove(key, &tokens, [&](const QString &e) { a = {true, {}, e}; });
    waitFor([&] { return a.answered; }, 60000);
    return a;
}

} // namespace

class TestDcpClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qunsetenv("DCP_URL");
        qunsetenv("DCP_TOKEN");
    }

    void serverDown()
    {
        DcpClient client;
        const QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(freePort()));
        client.setBaseUrl(url);
        client.setToken(QStringLiteral("t"));
        client.setBackoff(20);
        client.setMaxAttempts(3);
        std::unique_ptr<DcpReply> get(client.get(QStringLiteral("job-1")));
        QStringList progress;
        connect(get.get(), &DcpReply::progress, this, [&](const QString &m) { progress << m; });
        QVERIFY(!get->wait(60000));
        QCOMPARE(get->error().kind, DcpError::Kind::Unreachable);
        QVERIFY2(get->error().message.startsWith(
                     QStringLiteral("server unreachable at %1").arg(url.toString())),
                 qPrintable(get->error().message));
        QCOMPARE(get->attempts(), 3);
        QCOMPARE(progress.size(), 2);
        QVERIFY(get->error().isTransient());

        std::unique_ptr<DcpReply> submit(client.submit(job()));
        QVERIFY(!submit->wait(60000));
        QCOMPARE(submit->attempts(), 3); // safe: the idempotency key makes retries harmless

        std::unique_ptr<DcpReply> cancel(client.cancel(QStringLiteral("job-1")));
        QVERIFY(!cancel->wait(60000));
        QCOMPARE(cancel->attempts(), 1); // never retried

        DcpClient unconfigured;
        std::unique_ptr<DcpReply> none(unconfigured.list());
        QVERIFY(!none->wait(60000));
        QCOMPARE(none->error().kind, DcpError::Kind::Config);
        QVERIFY(none->error().message.contains(QLatin1String("DCP_URL")));
    }

    void slowServer()
    {
        DcpLocalServer server;
        const QString spark = server.script(QStringLiteral("spark-submit"), "exit 0\n");
        QVERIFY(server.start({QStringLiteral("--spark-submit"), spark}));
        DcpClient client;
        client.setBaseUrl(server.url());
        client.setToken(server.token());

        // A stopped server accepts connections (the kernel does) but never answers.
        server.pause();
        client.setTimeout(400);
        client.setMaxAttempts(1);
        std::unique_ptr<DcpReply> timedOut(client.list());
        QElapsedTimer t;
        t.start();
        QVERIFY(!timedOut->wait(60000));
        QCOMPARE(timedOut->error().kind, DcpError::Kind::Timeout);
        QVERIFY2(timedOut->error().message.contains(QLatin1String("did not answer in time")),
                 qPrintable(timedOut->error().message));
        QVERIFY(t.elapsed() < 30000);

        // Retries with backoff carry a GET and a submit over a server that comes back.
        client.setTimeout(500);
        client.setMaxAttempts(30);
        client.setBackoff(100);
        const QString key = DcpClient::newIdempotencyKey();
        std::unique_ptr<DcpReply> submit(client.submit(job(), key));
        std::unique_ptr<DcpReply> get(client.list());
        QTest::qWait(1500);
        QVERIFY(!submit->isFinished());
        server.resume();
        QVERIFY2(submit->wait(120000), qPrintable(submit->error().fullText()));
        QVERIFY2(get->wait(120000), qPrintable(get->error().fullText()));
        QVERIFY(submit->attempts() > 1);
        // Whatever the server made of the abandoned attempts, there is exactly one job.
        client.setTimeout(30000);
        std::unique_ptr<DcpReply> list(client.list());
        QVERIFY(list->wait(60000));
        QCOMPARE(list->jobList().jobs.size(), 1);
        QCOMPARE(list->jobList().jobs.first().jobId, submit->submitResult().jobId);
    }

    void follower()
    {
        DcpLocalServer server;
        const QString spark = server.script(QStringLiteral("spark-submit"),
                                            "i=0; while [ $i -lt 400 ]; do echo \"line $i: ünïcödé "
                                            "output of the job\"; i=$((i+1)); "
                                            "[ $((i % 100)) -eq 0 ] && sleep 0.3; done; exit 0\n");
        QVERIFY(server.start({QStringLiteral("--spark-submit"), spark}));
        DcpClient client;
        client.setBaseUrl(server.url());
        client.setToken(server.token());
        std::unique_ptr<DcpReply> submit(client.submit(job()));
        QVERIFY(submit->wait(60000));
        const QString id = submit->submitResult().jobId;

        JobFollower f(&client, id);
        f.setFollowLogs(true);
        f.setIntervals(50, 400);
        QByteArray followed;
        QList<JobState> states;
        bool done = false;
        JobStatus last;
        connect(&f, &JobFollower::logData, this, [&](const QByteArray &d, qint64 at) {
            QCOMPARE(at, qint64(followed.size()));
            followed += d;
        });
        connect(&f, &JobFollower::statusUpdated, this, [&](const JobStatus &s, bool changed) {
            if (changed)
                states << s.state;
        });
        connect(&f, &JobFollower::finished, this, [&](const JobStatus &s) {
            done = true;
            last = s;
        });
        f.start();
        QVERIFY(waitFor([&] { return done; }, 120000));
        QCOMPARE(last.state, JobState::Succeeded);
        QCOMPARE(states.last(), JobState::Succeeded);
        std::unique_ptr<DcpReply> all(client.logs(id, 0, 1024 * 1024));
        QVERIFY(all->wait(60000));
        QCOMPARE(followed, all->logChunk().data);
        QVERIFY(followed.contains("line 399: ünïcödé"));

        JobFollower missing(&client, QStringLiteral("job-missing"));
        DcpError error;
        connect(&missing, &JobFollower::failed, this, [&](const DcpError &e) { error = e; });
        missing.start();
        QVERIFY(waitFor([&] { return error.isError(); }));
        QCOMPARE(error.kind, DcpError::Kind::NotFound);
    }

    void environments()
    {
        QTemporaryDir dir;
        EnvironmentStore store(dir.filePath(QStringLiteral("env.conf")));
        QCOMPARE(store.names(), QStringList{QStringLiteral("local")});
        QCOMPARE(store.current(), QStringLiteral("local"));
        QVERIFY(
            store.setUrl(QStringLiteral("prod"), QUrl(QStringLiteral("https://dcp.example.com")))
                .isEmpty());
        QVERIFY(store
                    .setUrl(QStringLiteral("staging"),
                            QUrl(QStringLiteral("https://dcp-staging.example.com:8443/base")))
                    .isEmpty());
        QVERIFY(
            !store.setUrl(QStringLiteral("bad name"), QUrl(QStringLiteral("https://x"))).isEmpty());
        QVERIFY(!store.setUrl(QStringLiteral("ftp"), QUrl(QStringLiteral("ftp://x"))).isEmpty());
        QCOMPARE(store.names(), (QStringList{QStringLiteral("local"), QStringLiteral("prod"),
                                             QStringLiteral("staging")}));
        store.setCurrent(QStringLiteral("staging"));
        {
            EnvironmentStore again(dir.filePath(QStringLiteral("env.conf")));
            QCOMPARE(again.current(), QStringLiteral("staging"));
            QCOMPARE(again.url(QStringLiteral("prod")),
                     QUrl(QStringLiteral("https://dcp.example.com")));
        }
        store.remove(QStringLiteral("staging"));
        QCOMPARE(store.current(), QStringLiteral("local"));

        // Tokens never land in the settings file.
        QFile conf(dir.filePath(QStringLiteral("env.conf")));
        QVERIFY(conf.open(QIODevice::ReadOnly));
        QVERIFY(!conf.readAll().contains("token"));

        // DCP_URL / DCP_TOKEN win, for CI.
        qputenv("UIS_NO_KEYCHAIN", "1");
        qputenv("DCP_URL", "http://127.0.0.1:9");
        qputenv("DCP_TOKEN", "ci-token");
        TokenStore tokens;
        Environment e = resolveNow(store, QStringLiteral("prod"), &tokens);
        QCOMPARE(e.url, QUrl(QStringLiteral("http://127.0.0.1:9")));
        QCOMPARE(e.urlSource, QStringLiteral("DCP_URL"));
        QCOMPARE(e.token, QStringLiteral("ci-token"));
        qunsetenv("DCP_URL");
        qunsetenv("DCP_TOKEN");
        e = resolveNow(store, QStringLiteral("prod"), &tokens);
        QCOMPARE(e.url, QUrl(QStringLiteral("https://dcp.example.com")));
        QVERIFY(e.token.isEmpty());
        QVERIFY2(e.tokenProblem.contains(QLatin1String("DCP_TOKEN")), qPrintable(e.tokenProblem));

        // `local` finds a running dcp-local of its data directory, URL and token.
        DcpLocalServer server;
        QVERIFY(server.start());
        store.setLocalDataDir(server.dataDir());
        e = resolveNow(store, QStringLiteral("local"), &tokens);
        QCOMPARE(e.url, server.url());
        QCOMPARE(e.urlSource, QStringLiteral("dcp-local"));
        QCOMPARE(e.token, server.token());
        DcpClient client(e);
        std::unique_ptr<DcpReply> list(client.list());
        QVERIFY(list->wait(60000));
        QCOMPARE(server.stop(), 0);
        QVERIFY(!LocalServerInfo::readRunning(server.dataDir()));
        qunsetenv("UIS_NO_KEYCHAIN");
    }

    void keychainUnavailable()
    {
        qputenv("UIS_NO_KEYCHAIN", "1");
        TokenStore tokens;
        KeychainAnswer a = readNow(tokens, QStringLiteral("prod"));
        QVERIFY(a.answered && a.value.isEmpty());
        QVERIFY(a.error.contains(QLatin1String("DCP_TOKEN")));
        a = writeNow(tokens, QStringLiteral("prod"), QStringLiteral("x"));
        QVERIFY(a.answered && !a.error.isEmpty());
        qunsetenv("UIS_NO_KEYCHAIN");
    }

    void realKeychain()
    {
        // Runs keychainRoundTrip in a child on a private D-Bus session with an unlocked
        // gnome-keyring, so that the real Secret Service is used and the user's is untouched.
        if (QStandardPaths::findExecutable(QStringLiteral("dbus-run-session")).isEmpty() ||
            QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon")).isEmpty())
            QSKIP("dbus-run-session or gnome-keyring-daemon is not installed");
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("UIS_KEYCHAIN_CHILD"), QStringLiteral("1"));
        env.remove(QStringLiteral("UIS_NO_KEYCHAIN"));
        // A throwaway home with an empty, unlocked `login` collection (the one libsecret writes
        // to), so that no prompt is needed; the user's own keyring is never touched.
        QTemporaryDir home;
        QDir(home.path()).mkpath(QStringLiteral("data/keyrings"));
        QFile ring(home.path() + QStringLiteral("/data/keyrings/login.keyring"));
        QVERIFY(ring.open(QIODevice::WriteOnly));
        ring.write("[keyring]\ndisplay-name=login\nctime=0\nmtime=0\nlock-on-idle=false\nlock-"
                   "after=false\n");
        ring.close();
        QFile def(home.path() + QStringLiteral("/data/keyrings/default"));
        QVERIFY(def.open(QIODevice::WriteOnly));
        def.write("login");
        def.close();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.path() + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path());
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(
            QStringLiteral("dbus-run-session"),
            {QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
             QStringLiteral("gnome-keyring-daemon --start --components=secrets >/dev/null 2>&1; "
                            "exec \"$0\" keychainRoundTrip"),
             QCoreApplication::applicationFilePath()});
        QVERIFY(p.waitForFinished(120000));
        const QByteArray out = p.readAll();
        if (out.contains("keyring-unavailable"))
            QSKIP("gnome-keyring could not start here");
        QVERIFY2(p.exitCode() == 0 && out.contains("PASS   : TestDcpClient::keychainRoundTrip()"),
                 out.constData());
    }

    void keychainRoundTrip()
    {
        if (qEnvironmentVariableIsEmpty("UIS_KEYCHAIN_CHILD"))
            QSKIP("runs inside realKeychain()");
        TokenStore tokens;
        tokens.setTimeout(30000);
        const QString key = TokenStore::tokenKey(QStringLiteral("staging"));
        if (const KeychainAnswer w = writeNow(tokens, key, QStringLiteral("s3cret-token"));
            !w.error.isEmpty()) {
            qInfo("keyring-unavailable: %s", qPrintable(w.error));
            QSKIP("no keyring");
        }
        KeychainAnswer r = readNow(tokens, key);
        QCOMPARE(r.value, QStringLiteral("s3cret-token"));
        QVERIFY(r.error.isEmpty());
        QTemporaryDir dir;
        EnvironmentStore store(dir.filePath(QStringLiteral("env.conf")));
        store.setUrl(QStringLiteral("staging"),
                     QUrl(QStringLiteral("https://dcp-staging.example.com")));
        const Environment e = resolveNow(store, QStringLiteral("staging"), &tokens);
        QCOMPARE(e.token, QStringLiteral("s3cret-token"));
        QCOMPARE(e.tokenSource, QStringLiteral("keychain"));
        QVERIFY(removeNow(tokens, key).error.isEmpty());
        r = readNow(tokens, key);
        QVERIFY(r.answered && r.value.isEmpty());
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error)); // "no entry" is not an error
    }

    void keychainThatDoesNotAnswer_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("no session bus") << QStringLiteral("nowhere");
        QTest::newRow("secret service stopped") << QStringLiteral("stopped");
    }

    void keychainThatDoesNotAnswer()
    {
        // Runs resolutionDoesNotBlock in a child whose session D-Bus is either missing
        // (DBUS_SESSION_BUS_ADDRESS points nowhere) or has a real gnome-keyring that is stopped
        // (SIGSTOP) and so never answers. Either way the caller gets a clear error through the
        // event loop, and the loop keeps running meanwhile.
        QFETCH(QString, mode);
        QTemporaryDir home;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("UIS_RESOLVE_CHILD"), mode);
        env.remove(QStringLiteral("UIS_NO_KEYCHAIN"));
        env.remove(QStringLiteral("DCP_TOKEN"));
        env.remove(QStringLiteral("DCP_URL"));
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path() + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.path() + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path());
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        if (mode == QLatin1String("nowhere")) {
            env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                       QStringLiteral("unix:path=") + home.filePath(QStringLiteral("no-such-bus")));
            p.setProcessEnvironment(env);
            p.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("resolutionDoesNotBlock")});
        } else {
            for (const char *tool : {"dbus-run-session", "dbus-send", "gnome-keyring-daemon"}) {
                if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
                    QSKIP("dbus-run-session, dbus-send or gnome-keyring-daemon is not installed");
            }
            p.setProcessEnvironment(env);
            const QString script = QStringLiteral(
                "gnome-keyring-daemon --foreground --components=secrets >/dev/null 2>&1 &\n"
                "k=$!\n"
                "i=0\n"
                "until dbus-send --session --print-reply --dest=org.freedesktop.DBus "
                "/org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner "
                "string:org.freedesktop.secrets 2>/dev/null | grep -q true; do\n"
                "  i=$((i+1)); if [ $i -gt 400 ]; then echo keyring-unavailable; kill $k; exit 0; "
                "fi\n"
                "  sleep 0.05\n"
                "done\n"
                "kill -STOP $k\n"
                "\"$0\" resolutionDoesNotBlock; rc=$?\n"
                "kill -CONT $k; kill $k\n"
                "exit $rc\n");
            p.start(QStringLiteral("dbus-run-session"),
                    {QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"), script,
                     QCoreApplication::applicationFilePath()});
        }
        QVERIFY(p.waitForFinished(120000));
        const QByteArray out = p.readAll();
        if (out.contains("keyring-unavailable"))
            QSKIP("gnome-keyring could not start here");
        QVERIFY2(p.exitCode() == 0 &&
                     out.contains("PASS   : TestDcpClient::resolutionDoesNotBlock()"),
                 out.constData());
        for (const QByteArray &line : out.split('\n')) {
            if (line.contains("resolved in"))
                qInfo("%s", line.trimmed().constData());
        }
    }

    void resolutionDoesNotBlock()
    {
        const QString mode = qEnvironmentVariable("UIS_RESOLVE_CHILD");
        if (mode.isEmpty())
            QSKIP("runs inside keychainThatDoesNotAnswer()");
        TokenStore tokens;
        tokens.setTimeout(2000);
        QTemporaryDir dir;
        EnvironmentStore store(dir.filePath(QStringLiteral("env.conf")));
        QVERIFY(store
                    .setUrl(QStringLiteral("staging"),
                            QUrl(QStringLiteral("https://dcp-staging.example.com")))
                    .isEmpty());

        // A timer that must keep ticking while the keychain is asked.
        QElapsedTimer clock;
        clock.start();
        qint64 last = 0;
        qint64 longestGap = 0;
        int ticks = 0;
        QTimer ticker;
        ticker.setInterval(10);
        connect(&ticker, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            longestGap = qMax(longestGap, now - last);
            last = now;
            ++ticks;
        });
        ticker.start();

        std::optional<Environment> got;
        QElapsedTimer call;
        call.start();
        store.resolve(QStringLiteral("staging"), &tokens, this,
                      [&](const Environment &e) { got = e; });
        const qint64 callMs = call.elapsed();
        QVERIFY2(!got, "resolve() must answer from the event loop, not before it returns");
        QVERIFY2(callMs < 250,
                 qPrintable(QStringLiteral("resolve() took %1 ms to return").arg(callMs)));
        QVERIFY(waitFor([&] { return got.has_value(); }, 30000));
        const qint64 total = clock.elapsed();
        longestGap = qMax(longestGap, total - last);
        ticker.stop();
        qInfo("%s: resolved in %lld ms (resolve() returned after %lld ms); the timer ticked %d "
              "times, longest gap %lld ms; problem: %s",
              qPrintable(mode), total, callMs, ticks, longestGap, qPrintable(got->tokenProblem));

        QCOMPARE(got->url, QUrl(QStringLiteral("https://dcp-staging.example.com")));
        QVERIFY(got->token.isEmpty());
        QVERIFY2(got->tokenProblem.contains(QLatin1String("keychain")),
                 qPrintable(got->tokenProblem));
        QVERIFY2(longestGap < 500,
                 qPrintable(QStringLiteral("the event loop stalled for %1 ms").arg(longestGap)));
        if (mode == QLatin1String("stopped")) {
            // The stopped service never answers: the store's own time limit reports it.
            QVERIFY2(got->tokenProblem.contains(QLatin1String("did not answer")),
                     qPrintable(got->tokenProblem));
            QVERIFY(total >= 1500); // the time limit is a coarse timer (±5 %)
            QVERIFY(ticks > 50);
        }
    }
};

QTEST_GUILESS_MAIN(TestDcpClient)
#include "tst_dcpclient.moc"
