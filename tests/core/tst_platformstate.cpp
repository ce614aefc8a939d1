// SPDX-License-Identifier: Apache-2.0
// The local platform's bookkeeping (core/platform): platform.json, the directory layout, port
// choice and conflict detection with a real listening socket, and the /proc checks that decide
// whether a recorded pid is still ours; PlatformManager's stop signalling when nothing runs.
#include "platformlayout.h"
#include "platformmanager.h"
#include "platformrecipe.h"
#include "platformstate.h"
#include "processinfo.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace uis;

class TstPlatformState : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip();
    void writesOwnerOnlyAndReads();
    void rejectsBadFiles();
    void missingFileIsEmptyState();
    void completeChoosesDistinctPortsAndKeepsThem();
    void requestedPortsWin();
    void detectsPortInUse();
    void processIdentity();
    void layoutPaths();
    void clientFilesNameTheTargets();
    void stopWithNothingRunningSignalsFromTheEventLoop();
};

void TstPlatformState::stopWithNothingRunningSignalsFromTheEventLoop()
{
    // A caller connects, calls stop() and then waits: `stopped` must not come inside stop(),
    // where a QSignalSpy::wait() or a QEventLoop started after it would miss it.
    QTemporaryDir dir;
    PlatformManager manager{PlatformLayout(dir.path())};
    QSignalSpy stopped(&manager, &PlatformManager::stopped);
    manager.stop();
    QCOMPARE(stopped.count(), 0);
    QVERIFY(stopped.wait(5000));
    QCOMPARE(stopped.first().at(0).toBool(), true);
    QTest::qWait(500); // the stop timer's ticks signal nothing more
    QCOMPARE(stopped.count(), 1);
}

void TstPlatformState::roundTrip()
{
    PlatformState s;
    ServiceRecord &r = s.ensureService(QStringLiteral("kafka"));
    r.ports.insert(QStringLiteral("broker"), 19092);
    r.pid = 4242;
    r.pgid = 4242;
    r.startTime = 123456789012ULL;
    r.marker = QStringLiteral("/tmp/p");
    r.url = QStringLiteral("127.0.0.1:19092");
    s.accessKey = QStringLiteral("AK");
    s.secretKey = QStringLiteral("SK");
    QString error;
    const auto back = PlatformState::fromJson(s.toJson(), &error);
    QVERIFY2(back.has_value(), qPrintable(error));
    const ServiceRecord *k = back->service(QStringLiteral("kafka"));
    QVERIFY(k);
    QCOMPARE(k->ports.value(QStringLiteral("broker")), quint16(19092));
    QCOMPARE(k->pid, qint64(4242));
    QCOMPARE(k->pgid, qint64(4242));
    QCOMPARE(k->startTime, 123456789012ULL);
    QCOMPARE(k->marker, QStringLiteral("/tmp/p"));
    QCOMPARE(back->accessKey, QStringLiteral("AK"));
    QCOMPARE(back->secretKey, QStringLiteral("SK"));
    QCOMPARE(back->service(QStringLiteral("s3")), nullptr);
    // ensureService does not duplicate.
    PlatformState t = *back;
    t.ensureService(QStringLiteral("kafka"));
    QCOMPARE(t.services.size(), 1);
}

void TstPlatformState::writesOwnerOnlyAndReads()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    PlatformState s;
    s.ensureService(QStringLiteral("s3")).ports.insert(QStringLiteral("api"), 7070);
    s.secretKey = QStringLiteral("secret");
    const QString path = dir.filePath(QStringLiteral("platform.json"));
    QCOMPARE(s.write(path), QString());
    // It holds the S3 secret: nobody but the owner reads it.
    QCOMPARE(QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
    QString error;
    const auto back = PlatformState::read(path, &error);
    QVERIFY2(back.has_value(), qPrintable(error));
    QCOMPARE(back->service(QStringLiteral("s3"))->ports.value(QStringLiteral("api")),
             quint16(7070));
}

void TstPlatformState::rejectsBadFiles()
{
    QString error;
    QVERIFY(!PlatformState::fromJson("{not json", &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!PlatformState::fromJson("[]", &error));
    QVERIFY(!PlatformState::fromJson(R"({"version": 7, "services": []})", &error));
    QVERIFY2(error.contains(QLatin1String("7")), qPrintable(error));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("platform.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("garbage");
    f.close();
    QVERIFY(!PlatformState::read(path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
}

void TstPlatformState::missingFileIsEmptyState()
{
    QTemporaryDir dir;
    const auto s = PlatformState::read(dir.filePath(QStringLiteral("none.json")));
    QVERIFY(s.has_value());
    QVERIFY(s->services.isEmpty());
}

void TstPlatformState::completeChoosesDistinctPortsAndKeepsThem()
{
    QTemporaryDir dir;
    PlatformRecipe recipe{PlatformLayout(dir.path(), dir.path())};
    PlatformState s;
    recipe.complete(s, {});
    QSet<quint16> seen;
    int roles = 0;
    for (const QString &name : PlatformRecipe::serviceNames()) {
        const ServiceRecord *r = s.service(name);
        QVERIFY2(r, qPrintable(name));
        QCOMPARE(r->marker, QDir(dir.path()).absolutePath());
        for (const QString &role : PlatformRecipe::portRoles(name)) {
            const quint16 p = r->ports.value(role);
            QVERIFY2(p > 0, qPrintable(name + QLatin1Char('.') + role));
            seen.insert(p);
            ++roles;
        }
    }
    QCOMPARE(seen.size(), roles);
    QCOMPARE(roles, 11); // the Iceberg REST catalog and each session server have one
    QVERIFY(s.accessKey.size() >= 16);
    QVERIFY(s.secretKey.size() >= 32);
    QCOMPARE(
        s.service(QStringLiteral("spark-master"))->url,
        QStringLiteral("spark://127.0.0.1:%1")
            .arg(s.service(QStringLiteral("spark-master"))->ports.value(QStringLiteral("master"))));

    // A second start keeps the ports and keys (stable URLs in targets.yaml).
    PlatformState again = *PlatformState::fromJson(s.toJson());
    recipe.complete(again, {});
    QCOMPARE(again.allPorts(), s.allPorts());
    QCOMPARE(again.secretKey, s.secretKey);
}

void TstPlatformState::requestedPortsWin()
{
    QTemporaryDir dir;
    PlatformRecipe recipe{PlatformLayout(dir.path(), dir.path())};
    PlatformState s;
    recipe.complete(s, {{QStringLiteral("flink-jobmanager.rest"), 18081}});
    QCOMPARE(s.service(QStringLiteral("flink-jobmanager"))->ports.value(QStringLiteral("rest")),
             quint16(18081));
    QCOMPARE(s.service(QStringLiteral("flink-jobmanager"))->url,
             QStringLiteral("http://127.0.0.1:18081"));
    QVERIFY(!s.allPorts().isEmpty());
    // No other role was given the requested port.
    int uses = 0;
    for (const ServiceRecord &r : s.services)
        uses += int(std::count(r.ports.cbegin(), r.ports.cend(), quint16(18081)));
    QCOMPARE(uses, 1);
}

void TstPlatformState::detectsPortInUse()
{
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    const quint16 held = holder.serverPort();
    QVERIFY(!PlatformLayout::isPortFree(held));
    QVERIFY(PlatformLayout::pickFreePort({}) != held);

    PlatformState s;
    s.ensureService(QStringLiteral("kafka")).ports.insert(QStringLiteral("broker"), held);
    const quint16 free = PlatformLayout::pickFreePort({held});
    QVERIFY(free > 0);
    s.ensureService(QStringLiteral("s3")).ports.insert(QStringLiteral("api"), free);

    const QList<PortConflict> conflicts =
        s.portConflicts({QStringLiteral("kafka"), QStringLiteral("s3")});
    QCOMPARE(conflicts.size(), 1);
    QCOMPARE(conflicts.first().service, QStringLiteral("kafka"));
    QCOMPARE(conflicts.first().port, held);
    const QString message = conflicts.first().message();
    QVERIFY2(message.contains(QString::number(held)) && message.contains(QLatin1String("kafka")),
             qPrintable(message));
    // Services not being started are not checked (their own ports are in use by themselves).
    QVERIFY(s.portConflicts({QStringLiteral("s3")}).isEmpty());

    holder.close();
    QVERIFY(PlatformLayout::isPortFree(held));
    QVERIFY(s.portConflicts({QStringLiteral("kafka")}).isEmpty());
}

void TstPlatformState::processIdentity()
{
    const qint64 self = QCoreApplication::applicationPid();
    const quint64 started = ProcessInfo::startTime(self);
    QVERIFY(started > 0);
    QVERIFY(ProcessInfo::exists(self));
    QVERIFY(ProcessInfo::commandLine(self)
                .join(QLatin1Char(' '))
                .contains(QLatin1String("tst_platformstate")));
    QVERIFY(ProcessInfo::isOurs(self, started, QStringLiteral("tst_platformstate")));
    // A reused pid has another start time; a foreign process lacks the marker.
    QVERIFY(!ProcessInfo::isOurs(self, started + 1, QStringLiteral("tst_platformstate")));
    QVERIFY(!ProcessInfo::isOurs(self, started, QStringLiteral("/no/such/platform/dir")));
    QVERIFY(!ProcessInfo::isOurs(0, started, {}));
    QVERIFY(ProcessInfo::groupMembers(ProcessInfo::processGroup(self)).contains(self));
    // Groups 0 and 1 are never signalled.
    QVERIFY(!ProcessInfo::signalGroup(0, 0));
    QVERIFY(!ProcessInfo::signalGroup(1, 0));

    PlatformState s;
    ServiceRecord &r = s.ensureService(QStringLiteral("s3"));
    r.pid = self;
    r.startTime = started;
    r.marker = QStringLiteral("tst_platformstate");
    QVERIFY(s.isRunning(QStringLiteral("s3")));
    r.startTime = started - 1;
    QVERIFY(!s.isRunning(QStringLiteral("s3")));
}

void TstPlatformState::layoutPaths()
{
    QTemporaryDir dir;
    const PlatformLayout l(dir.path() + QStringLiteral("/./p"), QStringLiteral("/opt/proj/.venv"));
    QCOMPARE(l.dir(), QDir(dir.path()).absolutePath() + QStringLiteral("/p"));
    QCOMPARE(l.statePath(), l.dir() + QStringLiteral("/platform.json"));
    QCOMPARE(l.targetsPath(), l.dir() + QStringLiteral("/targets.yaml"));
    QCOMPARE(l.logPath(QStringLiteral("kafka")), l.dir() + QStringLiteral("/logs/kafka.log"));
    QCOMPARE(l.projectDir(), QStringLiteral("/opt/proj"));
    if (QStandardPaths::findExecutable(QStringLiteral("versitygw")).isEmpty()) {
        QCOMPARE(l.versitygw(), QStringLiteral("/opt/proj/.cache/bin/versitygw"));
        QVERIFY(!l.hasS3Store());
        // Not a checkout: Go's own install command, into the engines' .cache/bin.
        QVERIFY2(l.s3StoreHint().contains(QLatin1String(
                     "GOBIN=/opt/proj/.cache/bin go install github.com/versity/versitygw")),
                 qPrintable(l.s3StoreHint()));
    }
    QVERIFY(PlatformLayout::defaultDir().endsWith(QLatin1String("/uis-studio/platform")));
    // A .venv without the engines is reported, with the way to get them (not a checkout: the
    // engines folder); the S3 store is optional and not among them.
    const QString missing = l.missing().join(QLatin1Char('\n'));
    QVERIFY2(missing.contains(QLatin1String("uisctl engines install")), qPrintable(missing));
    QVERIFY2(!missing.contains(QLatin1String("versitygw")), qPrintable(missing));
}

void TstPlatformState::clientFilesNameTheTargets()
{
    QTemporaryDir dir;
    const PlatformLayout layout(dir.path(), dir.path());
    PlatformRecipe recipe(layout);
    PlatformState s;
    recipe.complete(s, {});
    QCOMPARE(recipe.writeClientFiles(s), QString());
    QFile targets(layout.targetsPath());
    QVERIFY(targets.open(QIODevice::ReadOnly));
    const QString yaml = QString::fromUtf8(targets.readAll());
    QVERIFY2(
        yaml.contains(QStringLiteral("{name: platform-flink, kind: flink-session, rest_url: %1}")
                          .arg(s.service(QStringLiteral("flink-jobmanager"))->url)),
        qPrintable(yaml));
    QVERIFY2(yaml.contains(
                 QStringLiteral(
                     "{name: platform-spark, kind: spark-standalone, master: %1, master_ui: %2}")
                     .arg(s.service(QStringLiteral("spark-master"))->url,
                          s.service(QStringLiteral("spark-master"))->ui)),
             qPrintable(yaml));
    QFile env(layout.envPath());
    QVERIFY(env.open(QIODevice::ReadOnly));
    const QString exports = QString::fromUtf8(env.readAll());
    // The store's endpoint and keys only when there is a store (versitygw in PATH here).
    QCOMPARE(exports.contains(QStringLiteral("AWS_SECRET_ACCESS_KEY=") + s.secretKey),
             layout.hasS3Store());
    QVERIFY(exports.contains(QStringLiteral("UIS_KAFKA_BOOTSTRAP=") +
                             s.service(QStringLiteral("kafka"))->url));
    QCOMPARE(QFile::permissions(layout.envPath()) &
                 (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
}

QTEST_GUILESS_MAIN(TstPlatformState)
#include "tst_platformstate.moc"
