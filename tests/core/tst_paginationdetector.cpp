// SPDX-License-Identifier: Apache-2.0
// Pagination detection: the runner's page rules (PageWalker), the candidates page 1 gives, and
// RestSampler confirming them against a real HTTP API on 127.0.0.1 (tests/cli/sample_api.py)
// for every style, with each kind of auth, plus the plain, slow and erroring endpoints.
#include "../cli/sampleapiserver.h"

#include "jsonrecords.h"
#include "pagewalker.h"
#include "paginationdetector.h"
#include "restsampler.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTcpServer>
#include <QTimer>
#include <QtTest>

using namespace uis;

namespace {

SamplePage page(const QUrl &url, const char *json, const char *path = "")
{
    const QString responsePath = QString::fromLatin1(path);
    SamplePage p;
    p.url = url;
    p.status = 200;
    p.json = QJsonDocument::fromJson(json).isArray()
                 ? QJsonValue(QJsonDocument::fromJson(json).array())
                 : QJsonValue(QJsonDocument::fromJson(json).object());
    p.records = JsonRecords::records(p.json, responsePath);
    return p;
}

struct Run
{
    RestSampleResult result;
    QString failure;
    QStringList progress;
    qint64 elapsedMs = 0;
};

Run sample(const RestSampleRequest &request, RestSampleOptions options = {})
{
    Run run;
    RestSampler s;
    QEventLoop loop;
    QObject::connect(&s, &RestSampler::finished, &loop, &QEventLoop::quit);
    QObject::connect(&s, &RestSampler::failed, &loop, [&](const QString &m) {
        run.failure = m;
        loop.quit();
    });
    QObject::connect(&s, &RestSampler::progress, &loop,
                     [&](const QString &m) { run.progress.append(m); });
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, &loop, [&] {
        run.failure = QStringLiteral("TEST: the sampler never reported");
        loop.quit();
    });
    guard.start(60000);
    QElapsedTimer clock;
    clock.start();
    s.start(request, options);
    loop.exec();
    run.elapsedMs = clock.elapsed();
    run.result = s.result();
    return run;
}

} // namespace

class TestPaginationDetector : public QObject
{
    Q_OBJECT

    test::SampleApiServer m_api;

    RestSampleRequest request(const QString &path, const QString &responsePath) const
    {
        RestSampleRequest r;
        r.endpoint = QStringLiteral("items");
        r.url = QUrl(m_api.base() + path);
        r.responsePath = responsePath;
        return r;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_api.start(), qPrintable(m_api.error())); }

    // ---------------------------------------------------------------- the runner's rules
    void walkerOffset()
    {
        PageWalker w(QStringLiteral("offset"), QUrl(QStringLiteral("http://h/items")),
                     {{QStringLiteral("limit"), QStringLiteral("2")}});
        QCOMPARE(w.first().toString(), QStringLiteral("http://h/items?limit=2&offset=0"));
        const SamplePage full = page(w.first(), "[{\"a\":1},{\"a\":2}]");
        QCOMPARE(w.next(full).toString(), QStringLiteral("http://h/items?limit=2&offset=2"));
        const SamplePage shortPage = page(w.first(), "[{\"a\":3}]");
        QVERIFY(w.next(shortPage).isEmpty());
        PageWalker d(QStringLiteral("offset"), QUrl(QStringLiteral("http://h/items")), {});
        QCOMPARE(d.pageSize(), 100); // the runner's default page size
    }

    void walkerCursorForms()
    {
        const QUrl base(QStringLiteral("http://h:1/api/items"));
        PageWalker abs(QStringLiteral("cursor"), base, {});
        QCOMPARE(abs.next(page(base, "{\"r\":[1],\"next_url\":\"http://other/x?p=2\"}", "$.r")),
                 QUrl(QStringLiteral("http://other/x?p=2")));
        PageWalker rel(QStringLiteral("cursor"), base, {});
        QCOMPARE(rel.next(page(base, "{\"r\":[1],\"next\":\"/api/items?s=10\"}", "$.r")),
                 QUrl(QStringLiteral("http://h:1/api/items?s=10")));
        PageWalker tok(QStringLiteral("cursor"), base,
                       {{QStringLiteral("k"), QStringLiteral("v")}});
        QCOMPARE(tok.next(page(base, "{\"r\":[1],\"meta\":{\"next_cursor\":\"abc\"}}", "$.r"))
                     .toString(),
                 QStringLiteral("http://h:1/api/items?k=v&cursor=abc"));
        PageWalker end(QStringLiteral("cursor"), base, {});
        QVERIFY(end.next(page(base, "{\"r\":[1],\"next_url\":null}", "$.r")).isEmpty());
        PageWalker empty(QStringLiteral("cursor"), base, {});
        QVERIFY(empty.next(page(base, "{\"r\":[],\"next_url\":\"http://x/\"}", "$.r")).isEmpty());
    }

    void linkHeader()
    {
        const QUrl next = PageWalker::linkNext(
            "<https://a/b?page=1>; rel=\"first\", </items?page=3>; rel=\"next\"",
            QUrl(QStringLiteral("https://a/items?page=2")));
        QCOMPARE(next, QUrl(QStringLiteral("https://a/items?page=3")));
        QVERIFY(PageWalker::linkNext("<https://a/b>; rel=\"prev\"", QUrl()).isEmpty());
    }

    void noCandidateWithoutHints()
    {
        const QUrl u(QStringLiteral("http://h/plain"));
        QVERIFY(PaginationDetector::candidates(page(u, "{\"count\":2,\"results\":[{\"a\":1}]}"), {})
                    .isEmpty());
        QVERIFY(PaginationDetector::candidates(page(u, "[{\"next\":1}]"), {}).isEmpty());
    }

    void candidatesFromPageOne()
    {
        const QUrl u(QStringLiteral("http://h/x"));
        auto c = PaginationDetector::candidates(
            page(u, "{\"results\":[1],\"meta\":{\"page\":1,\"total_pages\":3}}"), {});
        QCOMPARE(c.size(), 1);
        QCOMPARE(c.first().style, QStringLiteral("page"));
        QCOMPARE(c.first().field, QStringLiteral("meta.page"));
        QCOMPARE(c.first().page1Value, QStringLiteral("1"));
        c = PaginationDetector::candidates(page(u, "{\"results\":[1],\"offset\":0,\"limit\":10}"),
                                           {});
        QCOMPARE(c.size(), 1);
        QCOMPARE(c.first().style, QStringLiteral("offset"));
        c = PaginationDetector::candidates(page(u, "{\"results\":[1],\"next_cursor\":\"zz\"}"), {});
        QCOMPARE(c.size(), 1);
        QCOMPARE(c.first().style, QStringLiteral("cursor"));
        QCOMPARE(c.first().field, QStringLiteral("next_cursor"));
        QCOMPARE(c.first().page1Value, QStringLiteral("zz"));
    }

    // ---------------------------------------------------------------- against the real API
    void detectsEveryStyle_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("responsePath");
        QTest::addColumn<QString>("auth");
        QTest::addColumn<QString>("style");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("page1");
        QTest::addColumn<QString>("page2");
        QTest::newRow("next link, absolute (bearer)") << "/next-absolute"
                                                      << "$.results"
                                                      << "bearer"
                                                      << "cursor"
                                                      << "next_url"
                                                      << "/next-absolute?start=10"
                                                      << "/next-absolute?start=20";
        QTest::newRow("next link, relative (api key header)") << "/next-relative"
                                                              << "$.data"
                                                              << "key-header"
                                                              << "cursor"
                                                              << "next"
                                                              << "/next-relative?start=10"
                                                              << "/next-relative?start=20";
        QTest::newRow("cursor (api key query)") << "/cursor"
                                                << "$.items"
                                                << "key-query"
                                                << "cursor"
                                                << "next_cursor"
                                                << "c10"
                                                << "c20";
        QTest::newRow("offset (basic)") << "/offset"
                                        << "$.results"
                                        << "basic"
                                        << "offset"
                                        << "offset"
                                        << "0"
                                        << "10";
        QTest::newRow("page (bearer)") << "/page"
                                       << "$.results"
                                       << "bearer"
                                       << "page"
                                       << "page"
                                       << "1"
                                       << "2";
        QTest::newRow("Link header") << "/link"
                                     << "$"
                                     << "none"
                                     << "link_header"
                                     << "Link header"
                                     << "/link?page=2"
                                     << "/link?page=3";
        QTest::newRow("plain") << "/plain"
                               << "$.results"
                               << "none"
                               << ""
                               << ""
                               << ""
                               << "";
    }
    void detectsEveryStyle()
    {
        QFETCH(QString, path);
        QFETCH(QString, responsePath);
        QFETCH(QString, auth);
        QFETCH(QString, style);
        QFETCH(QString, field);
        QFETCH(QString, page1);
        QFETCH(QString, page2);
        RestSampleRequest r = request(path, responsePath);
        if (auth == QLatin1String("bearer")) {
            r.headers.append(
                qMakePair(QByteArray("Authorization"), QByteArray("Bearer s3cret-token")));
            r.secrets.append(QStringLiteral("s3cret-token"));
        } else if (auth == QLatin1String("key-header")) {
            r.headers.append(qMakePair(QByteArray("X-API-Key"), QByteArray("k3y-abc")));
            r.secrets.append(QStringLiteral("k3y-abc"));
        } else if (auth == QLatin1String("key-query")) {
            r.params.append({QStringLiteral("api_key"), QStringLiteral("k3y-abc")});
            r.secrets.append(QStringLiteral("k3y-abc"));
        } else if (auth == QLatin1String("basic")) {
            r.headers.append(
                qMakePair(QByteArray("Authorization"), QByteArray("Basic YWxpY2U6cGE1NXdvcmQ=")));
            r.secrets.append(QStringLiteral("YWxpY2U6cGE1NXdvcmQ="));
            r.params.append({QStringLiteral("limit"), QStringLiteral("10")});
        }
        RestSampleOptions o;
        o.maxPages = 1;
        const Run run = sample(r, o);
        QVERIFY2(run.failure.isEmpty(), qPrintable(run.failure));
        QCOMPARE(run.result.confirmedStyle(), style);
        for (const QString &line : run.progress)
            QVERIFY2(!line.contains(QLatin1String("k3y-abc")) &&
                         !line.contains(QLatin1String("s3cret")),
                     qPrintable(line));
        if (style.isEmpty()) {
            QVERIFY(run.result.pagination.isEmpty()); // nothing proposed, nothing fetched
            QCOMPARE(run.result.pages.size(), 1);
            return;
        }
        const PaginationProposal &p = run.result.pagination.first();
        QCOMPARE(p.style, style);
        QCOMPARE(p.field, field);
        QVERIFY2(p.page1Value.endsWith(page1), qPrintable(p.page1Value));
        QVERIFY2(p.page2Value.endsWith(page2), qPrintable(p.page2Value));
        QVERIFY(!run.result.records.isEmpty());
    }

    void followsTheDeclaredStyle_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("responsePath");
        QTest::addColumn<QString>("style");
        QTest::newRow("cursor") << "/next-relative"
                                << "$.data"
                                << "cursor";
        QTest::newRow("page") << "/page"
                              << "$.results"
                              << "page";
        QTest::newRow("link_header") << "/link"
                                     << "$"
                                     << "link_header";
    }
    void followsTheDeclaredStyle()
    {
        QFETCH(QString, path);
        QFETCH(QString, responsePath);
        QFETCH(QString, style);
        RestSampleRequest r = request(path, responsePath);
        r.headers.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer s3cret-token")));
        r.headers.append(qMakePair(QByteArray("X-API-Key"), QByteArray("k3y-abc")));
        r.pagination = style;
        RestSampleOptions o;
        o.maxPages = 5;
        const Run run = sample(r, o);
        QVERIFY2(run.failure.isEmpty(), qPrintable(run.failure));
        QSet<int> ids;
        for (const QJsonValue &v : run.result.records)
            ids.insert(v.toObject().value(QLatin1String("id")).toInt());
        QCOMPARE(ids.size(), 25);
        QCOMPARE(run.result.confirmedStyle(), style);
    }

    void wrongDeclaredStyleIsReplaced()
    {
        RestSampleRequest r = request(QStringLiteral("/offset"), QStringLiteral("$.results"));
        r.headers.append(
            qMakePair(QByteArray("Authorization"), QByteArray("Basic YWxpY2U6cGE1NXdvcmQ=")));
        r.params.append({QStringLiteral("limit"), QStringLiteral("10")});
        r.pagination = QStringLiteral("page");
        const Run run = sample(r);
        QVERIFY2(run.failure.isEmpty(), qPrintable(run.failure));
        QCOMPARE(run.result.pagination.first().style, QStringLiteral("page"));
        QVERIFY(!run.result.pagination.first().confirmed);
        QVERIFY2(run.result.pagination.first().note.contains(QLatin1String("same records")),
                 qPrintable(run.result.pagination.first().note));
        QCOMPARE(run.result.confirmedStyle(), QStringLiteral("offset"));
    }

    void offsetWithoutLimitSaysWhatToAdd()
    {
        // The API caps pages at 10; the runner would ask for 100 and stop after page 1.
        RestSampleRequest r = request(QStringLiteral("/offset"), QStringLiteral("$.results"));
        r.headers.append(
            qMakePair(QByteArray("Authorization"), QByteArray("Basic YWxpY2U6cGE1NXdvcmQ=")));
        const Run run = sample(r);
        QVERIFY2(run.failure.isEmpty(), qPrintable(run.failure));
        QCOMPARE(run.result.confirmedStyle(), QString());
        QCOMPARE(run.result.pagination.size(), 1);
        QVERIFY2(run.result.pagination.first().note.contains(QLatin1String("limit: \"10\"")),
                 qPrintable(run.result.pagination.first().note));
    }

    void rateLimitSpacesRequests()
    {
        RestSampleRequest r = request(QStringLiteral("/page"), QStringLiteral("$.results"));
        r.headers.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer s3cret-token")));
        r.pagination = QStringLiteral("page");
        r.rateLimitPerSecond = 4;
        RestSampleOptions o;
        o.maxPages = 4;
        o.detectPagination = false;
        const Run run = sample(r, o);
        QVERIFY2(run.failure.isEmpty(), qPrintable(run.failure));
        QCOMPARE(run.result.pages.size(), 4);
        QVERIFY2(run.elapsedMs >= 700, qPrintable(QString::number(run.elapsedMs))); // 3 × 250 ms
    }

    void unauthorizedSaysWhereCredentialsComeFrom()
    {
        RestSampleRequest r = request(QStringLiteral("/page"), QStringLiteral("$.results"));
        r.headers.append(
            qMakePair(QByteArray("Authorization"), QByteArray("Bearer wrong-value-123")));
        r.secrets.append(QStringLiteral("wrong-value-123"));
        r.credentialPlaces.append(QStringLiteral("header Authorization (Bearer {{token}})"));
        const Run run = sample(r);
        QVERIFY(run.failure.contains(QLatin1String("401")));
        QVERIFY(run.failure.contains(QLatin1String("{{token}}")));
        QVERIFY(!run.failure.contains(QLatin1String("wrong-value-123")));
    }

    void tooManyRequests()
    {
        const Run run = sample(request(QStringLiteral("/ratelimited"), {}));
        QVERIFY2(run.failure.contains(QLatin1String("429")) &&
                     run.failure.contains(QLatin1String("7 s")) &&
                     run.failure.contains(QLatin1String("rate_limit_per_second")),
                 qPrintable(run.failure));
    }

    void slowEndpointIsBoundedInTime()
    {
        RestSampleRequest r = request(QStringLiteral("/slow"), QStringLiteral("$.results"));
        r.params.append({QStringLiteral("seconds"), QStringLiteral("5")});
        RestSampleOptions o;
        o.timeoutMs = 800;
        const Run run = sample(r, o);
        QVERIFY2(run.failure.contains(QLatin1String("no answer")), qPrintable(run.failure));
        QVERIFY2(run.elapsedMs < 3000, qPrintable(QString::number(run.elapsedMs)));
    }

    void hugeBodyIsCut()
    {
        RestSampleOptions o;
        o.maxBytes = 1024 * 1024;
        const Run run = sample(request(QStringLiteral("/huge"), {}), o);
        QVERIFY2(run.failure.contains(QLatin1String("cut")), qPrintable(run.failure));
        QVERIFY(run.failure.contains(QLatin1String("64.0 MiB")));
        QVERIFY(run.result.pages.first().body.size() <= o.maxBytes);
    }

    void deadHost()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        RestSampleRequest r;
        r.url = QUrl(QStringLiteral("http://127.0.0.1:%1/items").arg(port));
        const Run run = sample(r);
        QVERIFY2(run.failure.contains(QLatin1String("connection refused")) &&
                     run.failure.contains(QLatin1String("base_url")),
                 qPrintable(run.failure));
    }
};

QTEST_GUILESS_MAIN(TestPaginationDetector)
#include "tst_paginationdetector.moc"
