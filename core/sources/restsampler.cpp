// SPDX-License-Identifier: Apache-2.0
#include "restsampler.h"

#include "formatrules.h"

#include "jsonconvert.h"
#include "jsonrecords.h"
#include "spec.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace uis {

namespace {

QString mib(qint64 bytes)
{
    return QStringLiteral("%1 MiB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
}

} // namespace

QString RestSampleResult::confirmedStyle() const
{
    for (const PaginationProposal &p : pagination) {
        if (p.confirmed)
            return p.style;
    }
    return {};
}

RestSampler::RestSampler(QObject *parent)
    : QObject(parent), m_nam(new QNetworkAccessManager(this)), m_deadline(new QTimer(this))
{
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        if (m_reply)
            m_reply->abort(); // its finished handler reports
        else
            timedOut();
    });
}

RestSampler::~RestSampler()
{
    m_done = true;
    if (m_reply)
        m_reply->abort();
}

QList<Placeholder> RestSampler::placeholdersOf(const Spec &spec, const Endpoint &e)
{
    QList<Placeholder> all = PlaceholderScanner::scan(spec.provider.baseUrl);
    all += PlaceholderScanner::scan(e.path);
    for (const auto &kv : e.headers)
        all += PlaceholderScanner::scan(kv.second);
    for (const auto &kv : e.queryParams)
        all += PlaceholderScanner::scan(kv.second);
    if (!e.body.isNull())
        all += PlaceholderScanner::scanTree(e.body);
    return PlaceholderScanner::unique(all);
}

RestSampleRequest RestSampler::requestFor(const Spec &spec, const Endpoint &e,
                                          const PlaceholderResolver::Lookup &lookup,
                                          QStringList *missing)
{
    RestSampleRequest r;
    r.endpoint = e.name;
    r.method = e.method.isEmpty() ? QStringLiteral("GET") : e.method.toUpper();
    r.url = QUrl(PlaceholderResolver::resolve(FormatRules::joinUrl(spec.provider.baseUrl, e.path),
                                              lookup, missing));
    for (const auto &kv : e.queryParams) {
        r.params.append({kv.first, PlaceholderResolver::resolve(kv.second, lookup, missing)});
        if (PlaceholderScanner::contains(kv.second))
            r.credentialPlaces.append(
                QStringLiteral("query parameter %1 (%2)").arg(kv.first, kv.second));
    }
    for (const auto &kv : e.headers) {
        r.headers.append(
            {kv.first.toUtf8(), PlaceholderResolver::resolve(kv.second, lookup, missing).toUtf8()});
        if (PlaceholderScanner::contains(kv.second))
            r.credentialPlaces.append(QStringLiteral("header %1 (%2)").arg(kv.first, kv.second));
    }
    if (!e.body.isNull()) {
        r.body = dumpJson(toOrderedJson(PlaceholderResolver::resolveTree(e.body, lookup, missing)));
        bool hasType = false;
        for (const auto &h : r.headers)
            hasType = hasType || h.first.compare("content-type", Qt::CaseInsensitive) == 0;
        if (!hasType)
            r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    }
    r.responsePath = e.responsePath;
    r.pagination = e.pagination;
    r.rateLimitPerSecond = e.rateLimitPerSecond.value_or(0);
    for (const Placeholder &p : placeholdersOf(spec, e)) {
        if (const auto v = lookup(p); v && !v->isEmpty())
            r.secrets.append(*v);
    }
    return r;
}

QString RestSampler::mask(const QString &text) const
{
    QString out = text;
    for (const QString &s : m_request.secrets) {
        out.replace(s, QStringLiteral("****"));
        const QString encoded = QString::fromUtf8(QUrl::toPercentEncoding(s));
        if (encoded != s)
            out.replace(encoded, QStringLiteral("****"));
    }
    return out;
}

void RestSampler::start(const RestSampleRequest &request, const RestSampleOptions &options)
{
    m_request = request;
    m_options = options;
    m_result = {};
    m_mainPages.clear();
    m_candidate = 0;
    m_done = false;
    m_timedOut = false;
    m_nextStartMs = 0;
    m_clock.start();
    m_deadline->start(std::max(1, m_options.timeoutMs));
    if (!m_request.url.isValid() || m_request.url.scheme().isEmpty() ||
        !m_request.url.scheme().startsWith(QLatin1String("http"))) {
        QTimer::singleShot(0, this, [this] {
            fail(QStringLiteral("`%1` is not an http(s) URL: check provider.base_url and the "
                                "endpoint's path")
                     .arg(mask(m_request.url.toString())));
        });
        return;
    }
    m_walker.emplace(m_request.pagination, m_request.url, m_request.params);
    fetch(m_walker->first(), QString(), [this](const SamplePage &p) { onMainPage(p); });
}

void RestSampler::stop()
{
    if (m_done)
        return;
    m_done = true; // before abort(): the reply's finished handler must not report
    m_deadline->stop();
    if (m_reply)
        m_reply->abort();
    Q_EMIT failed(QStringLiteral("stopped"));
}

void RestSampler::fetch(const QUrl &url, const QString &purpose, Then then)
{
    // Request starts at least 1/rate apart, as the runner's RateLimiter spaces them.
    const qint64 now = m_clock.elapsed();
    const qint64 at = std::max(now, m_nextStartMs);
    if (m_request.rateLimitPerSecond > 0)
        m_nextStartMs = at + qint64(1000.0 / m_request.rateLimitPerSecond);
    if (at > now)
        QTimer::singleShot(int(at - now), this, [this, url, purpose, then] {
            if (!m_done && !m_timedOut)
                send(url, purpose, then);
        });
    else
        send(url, purpose, then);
}

void RestSampler::send(const QUrl &url, const QString &purpose, Then then)
{
    QNetworkRequest req(url);
    req.setRawHeader("Accept", "application/json");
    req.setRawHeader("User-Agent", "uis-studio-sample");
    for (const auto &h : m_request.headers)
        req.setRawHeader(h.first, h.second);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::NoLessSafeRedirectPolicy);
    const int number = int(m_result.pages.size()) + 1;
    Q_EMIT progress(QStringLiteral("%1 %2%3").arg(
        m_request.method, mask(url.toString()),
        purpose.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(purpose)));
    QNetworkReply *reply = m_request.method == QLatin1String("POST")
                               ? m_nam->post(req, m_request.body)
                               : m_nam->sendCustomRequest(req, m_request.method.toUtf8());
    m_reply = reply;
    auto page = std::make_shared<SamplePage>();
    page->number = number;
    page->purpose = purpose;
    page->url = url;
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    // The byte bound: read as data comes and cut (abort) past it, so a huge body never loads.
    connect(reply, &QNetworkReply::readyRead, this, [this, reply, page] {
        const qint64 room = m_options.maxBytes - page->body.size();
        if (reply->bytesAvailable() > room) {
            page->body += reply->read(std::max<qint64>(room, 0));
            page->truncated = true;
            reply->abort();
            return;
        }
        page->body += reply->readAll();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, page, clock, then] {
        reply->deleteLater();
        if (m_reply == reply)
            m_reply = nullptr;
        if (m_done)
            return;
        if (m_timedOut) {
            timedOut();
            return;
        }
        page->elapsedMs = clock->elapsed();
        if (!page->truncated)
            page->body += reply->readAll();
        page->status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        page->headers = reply->rawHeaderPairs();
        complete(*page, page->truncated ? int(QNetworkReply::NoError) : int(reply->error()),
                 reply->errorString(), then);
    });
}

void RestSampler::complete(SamplePage page, int networkError, const QString &errorText,
                           const Then &then)
{
    page.displayUrl = mask(page.url.toString());
    const QString host =
        page.url.host() +
        (page.url.port() > 0 ? QStringLiteral(":%1").arg(page.url.port()) : QString());
    if (page.truncated) {
        const QByteArray length = page.header("content-length");
        page.error =
            QStringLiteral("the response body is larger than the sample's bound of %1%2: "
                           "it was cut there and not parsed. Ask for smaller pages "
                           "(a limit or page size in query_params) or raise --max-bytes")
                .arg(mib(m_options.maxBytes),
                     length.isEmpty()
                         ? QString()
                         : QStringLiteral(" (Content-Length %1)").arg(mib(length.toLongLong())));
    } else if (page.status == 0) {
        switch (QNetworkReply::NetworkError(networkError)) {
        case QNetworkReply::ConnectionRefusedError:
            page.error = QStringLiteral("cannot connect to %1 (connection refused): is the API "
                                        "running, and is provider.base_url right?")
                             .arg(host);
            break;
        case QNetworkReply::HostNotFoundError:
            page.error = QStringLiteral("host `%1` not found: check provider.base_url and the "
                                        "network (DNS, VPN, proxy)")
                             .arg(page.url.host());
            break;
        case QNetworkReply::RemoteHostClosedError:
            page.error = QStringLiteral("%1 closed the connection without an answer").arg(host);
            break;
        case QNetworkReply::SslHandshakeFailedError:
            page.error =
                QStringLiteral("the TLS handshake with %1 failed: %2").arg(host, mask(errorText));
            break;
        default:
            page.error = QStringLiteral("%1: %2").arg(host, mask(errorText));
        }
    } else if (page.status / 100 != 2) {
        page.error = failureMessage(page);
    } else {
        const QByteArray trimmed = page.body.trimmed();
        if (trimmed.isEmpty() || trimmed == "null") {
            page.json = QJsonValue(QJsonValue::Null);
        } else {
            QJsonParseError pe;
            const QJsonDocument doc = QJsonDocument::fromJson(page.body, &pe);
            if (pe.error != QJsonParseError::NoError) {
                page.error = QStringLiteral("the response is not JSON (%1 at byte %2): it starts "
                                            "with `%3`")
                                 .arg(pe.errorString())
                                 .arg(pe.offset)
                                 .arg(mask(QString::fromUtf8(trimmed.left(80))));
            } else {
                page.json = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
            }
        }
        page.records = JsonRecords::records(page.json, m_request.responsePath);
    }
    m_result.pages.append(page);
    Q_EMIT pageFetched(page);
    Q_EMIT progress(QStringLiteral("page %1: %2 %3, %4 records, %5 bytes, %6 ms")
                        .arg(page.number)
                        .arg(page.status)
                        .arg(page.error.isEmpty() ? QStringLiteral("ok") : QStringLiteral("failed"))
                        .arg(page.records.size())
                        .arg(page.body.size())
                        .arg(page.elapsedMs));
    then(page);
}

QString RestSampler::failureMessage(const SamplePage &page) const
{
    const QString snippet = mask(QString::fromUtf8(page.body.left(200)).simplified());
    const QString where = QStringLiteral("%1 %2").arg(m_request.method, page.displayUrl);
    switch (page.status) {
    case 401:
    case 403: {
        QString s = page.status == 401
                        ? QStringLiteral("HTTP 401 Unauthorized from %1: the API refused the "
                                         "credentials. ")
                              .arg(where)
                        : QStringLiteral("HTTP 403 Forbidden from %1: the credentials were read "
                                         "but do not allow this. ")
                              .arg(where);
        if (m_request.credentialPlaces.isEmpty())
            s += QStringLiteral("The request sent no credentials: add the header or query "
                                "parameter the API expects, e.g. headers: {Authorization: "
                                "\"Bearer {{token}}\"}");
        else
            s += QStringLiteral("They come from %1: check those values (environment, keychain "
                                "or the value typed)")
                     .arg(m_request.credentialPlaces.join(QStringLiteral(", ")));
        return s;
    }
    case 429: {
        const QByteArray after = page.header("retry-after");
        return QStringLiteral("HTTP 429 Too Many Requests from %1: the API's rate limit was "
                              "reached%2. Sample again later, or set rate_limit_per_second "
                              "lower (now %3)")
            .arg(where,
                 after.isEmpty() ? QString()
                                 : QStringLiteral(" (it asks to retry after %1 s)")
                                       .arg(QString::fromUtf8(after)),
                 m_request.rateLimitPerSecond > 0
                     ? QStringLiteral("%1 per second").arg(m_request.rateLimitPerSecond)
                     : QStringLiteral("unset"));
    }
    case 404:
        return QStringLiteral("HTTP 404 Not Found from %1: check provider.base_url and the "
                              "endpoint's path")
            .arg(where);
    default:
        break;
    }
    if (page.status >= 500)
        return QStringLiteral("HTTP %1 from %2: the API failed on its side; try again later (%3)")
            .arg(page.status)
            .arg(where, snippet);
    return QStringLiteral("HTTP %1 from %2: %3").arg(page.status).arg(where, snippet);
}

void RestSampler::onMainPage(const SamplePage &page)
{
    m_mainPages.append(page);
    if (!page.error.isEmpty()) {
        if (m_mainPages.size() == 1) {
            fail(page.error);
            return;
        }
        m_result.notes.append(QStringLiteral("page %1 failed, the sample stops there: %2")
                                  .arg(m_mainPages.size())
                                  .arg(page.error));
    } else {
        for (const QJsonValue &r : page.records) {
            if (m_result.records.size() >= m_options.maxRecords)
                break;
            m_result.records.append(r);
        }
        const QUrl next = m_walker->next(page);
        if (next.isValid() && !next.isEmpty()) {
            if (m_result.records.size() >= m_options.maxRecords) {
                m_result.notes.append(
                    QStringLiteral("stopped at %1 records (--limit)").arg(m_options.maxRecords));
            } else if (m_mainPages.size() >= m_options.maxPages) {
                m_result.notes.append(
                    QStringLiteral("stopped after %1 page(s) (--pages)").arg(m_options.maxPages));
            } else {
                fetch(next, QString(), [this](const SamplePage &p) { onMainPage(p); });
                return;
            }
        }
    }

    // The pagination: the declared style first, then what page 1 hints at.
    const SamplePage &first = m_mainPages.first();
    const QString declared = m_request.pagination.toLower();
    if (!declared.isEmpty() && declared != QLatin1String("none")) {
        PaginationProposal p = PaginationDetector::forStyle(declared, first, m_request.params);
        if (m_mainPages.size() >= 2)
            PaginationDetector::confirm(&p, first, &m_mainPages.at(1));
        m_result.pagination.append(p);
    }
    for (const PaginationProposal &c : PaginationDetector::candidates(first, m_request.params)) {
        const bool known =
            std::any_of(m_result.pagination.cbegin(), m_result.pagination.cend(),
                        [&](const PaginationProposal &p) { return p.style == c.style; });
        if (!known)
            m_result.pagination.append(c);
    }
    if (!m_options.detectPagination) {
        finish();
        return;
    }
    m_candidate = 0;
    detectNext();
}

void RestSampler::detectNext()
{
    if (!m_result.confirmedStyle().isEmpty()) {
        finish();
        return;
    }
    while (m_candidate < m_result.pagination.size() &&
           (!m_result.pagination.at(m_candidate).page2Url.isEmpty() ||
            !m_result.pagination.at(m_candidate).note.isEmpty()))
        ++m_candidate;
    if (m_candidate >= m_result.pagination.size()) {
        finish();
        return;
    }
    const int index = m_candidate++;
    const QString style = m_result.pagination.at(index).style;
    auto walker = std::make_shared<PageWalker>(style, m_request.url, m_request.params);
    const QUrl firstUrl = walker->first();
    const QString purpose = QStringLiteral("checking pagination: %1").arg(style);

    auto withPage1 = [this, index, walker, purpose](const SamplePage &p1) {
        if (m_done)
            return;
        PaginationProposal &p = m_result.pagination[index];
        if (!p1.ok()) {
            PaginationDetector::confirm(&p, p1, nullptr,
                                        QStringLiteral("page 1 failed: %1").arg(p1.error));
            detectNext();
            return;
        }
        const QUrl second = walker->next(p1);
        if (!second.isValid() || second.isEmpty()) {
            QString why;
            if (p.style == QLatin1String("offset") && !p1.records.isEmpty())
                why = QStringLiteral("page 1 returned %1 records for limit=%2, so the runner would "
                                     "stop after it; if the API caps its pages at %1, add `limit: "
                                     "\"%1\"` to query_params")
                          .arg(p1.records.size())
                          .arg(walker->pageSize());
            else if (p1.records.isEmpty())
                why = QStringLiteral("page 1 has no records");
            else
                why = QStringLiteral("page 1 points to no next page");
            PaginationDetector::confirm(&p, p1, nullptr, why);
            detectNext();
            return;
        }
        fetch(second, purpose, [this, index, p1](const SamplePage &p2) {
            if (m_done)
                return;
            PaginationDetector::confirm(&m_result.pagination[index], p1, &p2);
            detectNext();
        });
    };
    const SamplePage &mainFirst = m_mainPages.first();
    if (firstUrl == mainFirst.url)
        withPage1(mainFirst);
    else
        fetch(firstUrl, purpose, withPage1);
}

void RestSampler::timedOut()
{
    if (m_done)
        return;
    const QString bound = QStringLiteral("%1 s").arg(m_options.timeoutMs / 1000.0);
    if (m_mainPages.isEmpty()) {
        fail(QStringLiteral("no answer from %1 within %2: the API is slow or unreachable; raise "
                            "--timeout or check provider.base_url")
                 .arg(mask(m_request.url.toString()), bound));
        return;
    }
    m_result.notes.append(QStringLiteral("the time bound of %1 was reached: the sample holds the "
                                         "pages fetched until then")
                              .arg(bound));
    finish();
}

void RestSampler::finish()
{
    if (m_done)
        return;
    m_done = true;
    m_deadline->stop();
    for (PaginationProposal &p : m_result.pagination) {
        p.page1Value = mask(p.page1Value);
        p.page2Value = mask(p.page2Value);
        p.note = mask(p.note);
    }
    Q_EMIT finished();
}

void RestSampler::fail(const QString &message)
{
    if (m_done)
        return;
    m_done = true;
    m_deadline->stop();
    Q_EMIT failed(mask(message));
}

} // namespace uis
