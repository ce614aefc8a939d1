// SPDX-License-Identifier: Apache-2.0
// Sampling `s3a://` files from the local platform's own store, as its user does: the bundled
// template names neither an S3 endpoint nor keys, and no AWS_* variable is set, so `uisctl
// sample` must find the store in the platform's platform.json (S3ObjectReader::storeFor). The
// store is the platform's: versitygw launched by PlatformRecipe and PlatformService as `uisctl
// platform start` launches it (only the store: the engines are not needed here), seeded with the
// bundled samples by SampleSeeder, and stopped by PlatformManager. Then S3ObjectReader's listing
// page by page (continuation tokens, small pages) on that store, and the message once the
// platform is stopped. Skips without versitygw (`make deps`).
#include "isolatedhome.h"
#include "platformlayout.h"
#include "platformmanager.h"
#include "platformrecipe.h"
#include "platformservice.h"
#include "processinfo.h"
#include "s3objectreader.h"
#include "s3requestsigner.h"
#include "sampleseeder.h"
#include "uisctlprocess.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <csignal>

using namespace uis;

namespace {

const QString kTemplate =
    QStringLiteral(UIS_SOURCE_DIR "/resources/templates/sample-trades-to-parquet.uis.yaml");

QString show(const test::UisctlRun &r)
{
    return QStringLiteral("exit %1\n--- stdout\n%2\n--- stderr\n%3")
        .arg(r.code)
        .arg(QString::fromUtf8(r.out.left(3000)), QString::fromUtf8(r.err));
}

} // namespace

class TestSamplePlatformStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<PlatformLayout> m_layout;
    PlatformState m_state;
    std::unique_ptr<PlatformService> m_store;

    QUrl storeUrl() const { return QUrl(m_state.service(QStringLiteral("s3"))->url); }

    bool put(const QString &path, const QByteArray &body)
    {
        QNetworkAccessManager nam;
        QUrl url = storeUrl();
        url.setPath(QLatin1Char('/') + path);
        QNetworkReply *reply = nam.put(
            S3RequestSigner(m_state.accessKey, m_state.secretKey).signedRequest("PUT", url, body),
            body);
        QSignalSpy done(reply, &QNetworkReply::finished);
        const bool ok = done.wait(20000) && reply->error() == QNetworkReply::NoError;
        delete reply;
        return ok;
    }

public:
    ~TestSamplePlatformStore() override
    {
        // However the test ended, the store it started does not outlive it.
        if (!m_store)
            return;
        const ServiceRecord &r = m_store->record();
        if (r.pgid > 1 && ProcessInfo::isOurs(r.pid, r.startTime, r.marker))
            ProcessInfo::signalGroup(r.pgid, SIGTERM);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateHome(m_dir.filePath(QStringLiteral("home")));
        // Nothing else to fall back on: the platform's store must be the one found.
        for (const char *v :
             {"AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION"})
            qunsetenv(v);
        const QString dir = m_dir.filePath(QStringLiteral("platform"));
        qputenv("UIS_PLATFORM_DIR", dir.toUtf8()); // read by the uisctl this test runs
        m_layout = std::make_unique<PlatformLayout>(dir);
        if (!QFileInfo(m_layout->versitygw()).isExecutable())
            QSKIP("versitygw is not built (make deps)");

        // The platform's recipe: ports, keys and the command line, then its supervised start.
        const PlatformRecipe recipe(*m_layout);
        recipe.complete(m_state, {});
        for (const QString &d : {m_layout->logsDir(), m_layout->s3DataDir()})
            QVERIFY(QDir().mkpath(d));
        const QString s3 = QStringLiteral("s3");
        m_store = std::make_unique<PlatformService>(
            *m_state.service(s3), recipe.launchSpec(s3, m_state), recipe.createProbe(s3, m_state));
        connect(m_store.get(), &PlatformService::launched, this, [this, s3] {
            *m_state.service(s3) = m_store->record(); // pid, process group, start time
            QCOMPARE(m_state.write(m_layout->statePath()), QString());
        });
        QSignalSpy ready(m_store.get(), &PlatformService::ready);
        QSignalSpy failed(m_store.get(), &PlatformService::failed);
        m_store->setTimeout(90);
        m_store->start();
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 100000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        QVERIFY(m_state.isRunning(s3));

        // What the platform's first start puts into the store.
        SampleSeeder seeder(storeUrl(), S3RequestSigner(m_state.accessKey, m_state.secretKey),
                            m_layout->serviceDir(s3) + QStringLiteral("/samples-seeded"));
        QSignalSpy seeded(&seeder, &SampleSeeder::finished);
        seeder.start();
        QVERIFY(seeded.wait(60000));
        QCOMPARE(seeded.first().at(1).toString(), QString());
        QCOMPARE(seeded.first().at(0).toInt(), int(SampleSeeder::sampleKeys().size()));
    }

    void cleanupTestCase()
    {
        if (!m_layout || !m_store)
            return;
        PlatformManager manager(*m_layout);
        QSignalSpy stopped(&manager, &PlatformManager::stopped);
        manager.stop();
        QVERIFY(stopped.wait(60000));
        QVERIFY2(stopped.first().at(0).toBool(), qPrintable(stopped.first().at(1).toString()));
        m_store.reset();
    }

    void samplesTheBundledTemplateFromThePlatformStore()
    {
        // The template's base_url is s3a://uis-samples: no endpoint, no keys, no environment.
        const test::UisctlRun r = test::runUisctl(
            {QStringLiteral("sample"), kTemplate, QStringLiteral("--limit"), QStringLiteral("5")});
        QVERIFY2(r.code == 0, qPrintable(show(r)));
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 5);
        const QJsonObject first = QJsonDocument::fromJson(lines.first()).object();
        QCOMPARE(first.value(QStringLiteral("trade_id")).toInt(), 1);
        QCOMPARE(first.value(QStringLiteral("symbol")).toString(), QStringLiteral("TM"));
        QCOMPARE(first.value(QStringLiteral("traded_at")).toString(),
                 QStringLiteral("2026-03-02T14:30:41Z"));
        QVERIFY2(!r.out.contains(m_state.secretKey.toUtf8()) &&
                     !r.err.contains(m_state.secretKey.toUtf8()),
                 "the store's secret key is never printed");

        // AWS keys in the shell are for other stores: the platform's is read with its own.
        qputenv("AWS_ACCESS_KEY_ID", "AKIAOTHERSTORE");
        qputenv("AWS_SECRET_ACCESS_KEY", "not-the-platform-secret");
        const test::UisctlRun withAwsKeys = test::runUisctl(
            {QStringLiteral("sample"), kTemplate, QStringLiteral("--limit"), QStringLiteral("1")});
        qunsetenv("AWS_ACCESS_KEY_ID");
        qunsetenv("AWS_SECRET_ACCESS_KEY");
        QVERIFY2(withAwsKeys.code == 0 && withAwsKeys.out.contains("\"trade_id\":1,"),
                 qPrintable(show(withAwsKeys)));

        // The whole file: its schema inferred as the template declares it.
        const test::UisctlRun inferred =
            test::runUisctl({QStringLiteral("sample"), kTemplate, QStringLiteral("--infer"),
                             QStringLiteral("--limit"), QStringLiteral("1000")});
        QVERIFY2(inferred.code == 0, qPrintable(show(inferred)));
        QVERIFY2(inferred.out.contains("# inferred from 320 sampled record(s)"),
                 qPrintable(show(inferred)));
        for (const char *line : {"- {name: trade_id, type: int, nullable: false}",
                                 "- {name: symbol, type: string, nullable: false}",
                                 "- {name: traded_at, type: timestamp, nullable: false}"})
            QVERIFY2(inferred.out.contains(line), qPrintable(show(inferred)));
        // ... and it is no drift from what the template declares (decimal prices included).
        const test::UisctlRun checked =
            test::runUisctl({QStringLiteral("sample"), kTemplate, QStringLiteral("--check"),
                             QStringLiteral("--limit"), QStringLiteral("1000")});
        QVERIFY2(checked.code == 0 && !checked.out.contains("error:"), qPrintable(show(checked)));
    }

    void listsTheStorePageByPage()
    {
        for (int i = 1; i <= 5; ++i)
            QVERIFY(put(QStringLiteral("uis-samples/pages/k%1.json").arg(i), "{}\n"));
        QString error;
        const std::optional<S3Store> store = S3ObjectReader::storeFor(Provider(), &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->origin, QStringLiteral("the platform's store"));
        S3ObjectReader reader(*store, 20000);
        reader.setPageSize(2);
        const QString bucket = SampleSeeder::bucket();
        const QString prefix = QStringLiteral("pages/");

        S3ObjectReader::Listing all = reader.list(bucket, prefix, 1 << 20, {}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(all.pages, 3); // 2 + 2 + 1, through two continuation tokens
        QVERIFY(all.complete);
        QCOMPARE(
            all.keys,
            QStringList({prefix + QStringLiteral("k1.json"), prefix + QStringLiteral("k2.json"),
                         prefix + QStringLiteral("k3.json"), prefix + QStringLiteral("k4.json"),
                         prefix + QStringLiteral("k5.json")}));

        // Enough after the second page: no third request.
        int seen = 0;
        const S3ObjectReader::Listing enough = reader.list(
            bucket, prefix, 1 << 20,
            [&seen](const QStringList &page) { return (seen += int(page.size())) >= 3; }, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(enough.pages, 2);
        QCOMPARE(enough.keys.size(), 4);
        QVERIFY(!enough.complete);

        // The byte bound: one page is more than 10 bytes of XML.
        const S3ObjectReader::Listing bounded = reader.list(bucket, prefix, 10, {}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(bounded.pages, 1);
        QVERIFY(!bounded.complete);
    }

    void saysWhatToDoOnceThePlatformIsStopped()
    {
        PlatformManager manager(*m_layout);
        QSignalSpy stopped(&manager, &PlatformManager::stopped);
        manager.stop();
        QVERIFY(stopped.wait(60000));
        const test::UisctlRun r = test::runUisctl({QStringLiteral("sample"), kTemplate});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("start the platform (uisctl platform start)"), qPrintable(show(r)));
        m_store.reset(); // nothing left to stop
    }
};

QTEST_GUILESS_MAIN(TestSamplePlatformStore)
#include "tst_sampleplatformstore.moc"
