// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "pagewalker.h"
#include "paginationdetector.h"
#include "placeholder.h"
#include "samplepage.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace uis {

struct Spec;
struct Endpoint;

/// One REST endpoint's requests, placeholders resolved (build it with RestSampler::requestFor).
struct RestSampleRequest
{
    QString endpoint; ///< the endpoint's name
    QString method = QStringLiteral("GET");
    QUrl url;                                     ///< base_url + path, resolved
    PageWalker::Params params;                    ///< query_params, resolved
    QList<QPair<QByteArray, QByteArray>> headers; ///< resolved
    QByteArray body;                              ///< POST body, resolved
    QString responsePath;
    QString pagination; ///< as declared ("" when not)
    double rateLimitPerSecond = 0;
    QStringList secrets;          ///< resolved placeholder values: masked in everything shown
    QStringList credentialPlaces; ///< "header Authorization ({{token}})": named in 401 messages
};

/// Bounds of one sample.
struct RestSampleOptions
{
    int maxPages = 3;                   ///< pages followed the declared way
    int maxRecords = 100;               ///< records kept
    int timeoutMs = 30000;              ///< the whole sample, every request included
    qint64 maxBytes = 16 * 1024 * 1024; ///< per response body
    bool detectPagination = true;       ///< also fetch what confirming a candidate needs
};

/// What a finished sample holds.
struct RestSampleResult
{
    QList<SamplePage> pages;              ///< every response, detection requests included
    QJsonArray records;                   ///< after response_path, at most maxRecords
    QList<PaginationProposal> pagination; ///< declared style first, then the candidates
    QStringList notes;                    ///< bounds reached and other things to know
    /// The confirmed style, "" when none was confirmed.
    QString confirmedStyle() const;
};

/**
 * Samples a REST endpoint asynchronously with QNetworkAccessManager: the spec's method, headers,
 * query and body, the declared pagination followed the runner's way (PageWalker) up to
 * maxPages, `rate_limit_per_second` respected between request starts, and, when asked, the
 * requests that confirm a pagination candidate (PaginationDetector).
 *
 * Bounded in time (`timeoutMs` for the whole sample) and bytes (`maxBytes` per body: a larger
 * body is cut, not loaded, and the page says so). Resolved placeholder values are masked as
 * `****` in every URL, message and evidence it reports. A dead host, 401/403 and 429 fail with a
 * message that says what to do.
 *
 * Reports by signals: progress() while it runs, pageFetched() per response, then exactly one
 * of finished() or failed().
 */
class RestSampler : public QObject
{
    Q_OBJECT
public:
    explicit RestSampler(QObject *parent = nullptr);
    ~RestSampler() override;

    /**
     * The request of `endpoint` with every placeholder resolved by `lookup` (the caller resolves
     * as Submit does: environment, keychain, prompt). Placeholders without a value are listed
     * in `missing` and left as written.
     */
    static RestSampleRequest requestFor(const Spec &spec, const Endpoint &endpoint,
                                        const PlaceholderResolver::Lookup &lookup,
                                        QStringList *missing = nullptr);
    /// The placeholders the endpoint's request uses (base_url, path, headers, query, body).
    static QList<Placeholder> placeholdersOf(const Spec &spec, const Endpoint &endpoint);

    void start(const RestSampleRequest &request, const RestSampleOptions &options = {});
    /// Stops at once; failed("stopped") follows.
    void stop();

    const RestSampleResult &result() const { return m_result; }
    /// `text` with every resolved secret replaced by `****`.
    QString mask(const QString &text) const;

Q_SIGNALS:
    void progress(const QString &message);
    void pageFetched(const uis::SamplePage &page);
    void finished();
    void failed(const QString &message);

private:
    using Then = std::function<void(const SamplePage &)>;
    void fetch(const QUrl &url, const QString &purpose, Then then);
    void send(const QUrl &url, const QString &purpose, Then then);
    void complete(SamplePage page, int networkError, const QString &errorText, const Then &then);
    void onMainPage(const SamplePage &page);
    void detectNext();
    void finish();
    void fail(const QString &message);
    void timedOut();
    QString failureMessage(const SamplePage &page) const;

    QNetworkAccessManager *m_nam = nullptr;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_deadline = nullptr;
    RestSampleRequest m_request;
    RestSampleOptions m_options;
    RestSampleResult m_result;
    std::optional<PageWalker> m_walker;
    QList<SamplePage> m_mainPages;
    int m_candidate = 0;
    bool m_done = false;
    bool m_timedOut = false;
    QElapsedTimer m_clock;
    qint64 m_nextStartMs = 0;
};

} // namespace uis
