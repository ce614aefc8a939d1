// SPDX-License-Identifier: Apache-2.0
#include "s3objectreader.h"

#include "platformlayout.h"
#include "platformstate.h"
#include "s3requestsigner.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrlQuery>
#include <QXmlStreamReader>

namespace uis {

bool S3ObjectReader::split(const QString &url, QString *bucket, QString *key)
{
    for (const QLatin1String scheme : {QLatin1String("s3a://"), QLatin1String("s3://")}) {
        if (url.startsWith(scheme)) {
            const QString rest = url.mid(scheme.size());
            const qsizetype slash = rest.indexOf(QLatin1Char('/'));
            *bucket = slash < 0 ? rest : rest.left(slash);
            *key = slash < 0 ? QString() : rest.mid(slash + 1);
            return !bucket->isEmpty();
        }
    }
    return false;
}

std::optional<S3Store> S3ObjectReader::storeFor(const Provider &provider, QString *error)
{
    S3Store s;
    const SourceNode *configured = provider.config.find(u"s3_endpoint");
    QString endpoint = configured ? configured->text() : QString();
    s.origin = QStringLiteral("config.s3_endpoint");
    if (endpoint.isEmpty()) {
        endpoint = qEnvironmentVariable("AWS_ENDPOINT_URL");
        s.origin = QStringLiteral("AWS_ENDPOINT_URL");
    }
    s.accessKey = qEnvironmentVariable("AWS_ACCESS_KEY_ID");
    s.secretKey = qEnvironmentVariable("AWS_SECRET_ACCESS_KEY");
    if (qEnvironmentVariableIsSet("AWS_REGION"))
        s.region = qEnvironmentVariable("AWS_REGION");
    // The platform's store: what `uisctl platform start` runs, recorded in its platform.json.
    const PlatformLayout layout(PlatformLayout::resolveDir());
    const std::optional<PlatformState> state = PlatformState::read(layout.statePath());
    const ServiceRecord *platform = state && state->isRunning(QStringLiteral("s3"))
                                        ? state->service(QStringLiteral("s3"))
                                        : nullptr;
    if (platform) {
        if (endpoint.isEmpty()) {
            endpoint = platform->url;
            s.origin = QStringLiteral("the platform's store");
        }
        // Its own keys are the ones it takes, whatever AWS keys the shell holds for other
        // stores (as the platform's spark-defaults.conf gives them to s3a for it).
        const bool itsOwn = QUrl(endpoint).adjusted(QUrl::StripTrailingSlash) ==
                            QUrl(platform->url).adjusted(QUrl::StripTrailingSlash);
        if (itsOwn || s.accessKey.isEmpty()) {
            s.accessKey = state->accessKey;
            s.secretKey = state->secretKey;
        }
    }
    if (endpoint.isEmpty()) {
        *error = QStringLiteral("no S3 endpoint: set config.s3_endpoint in the spec or "
                                "AWS_ENDPOINT_URL, or start the platform (uisctl platform start)");
        return std::nullopt;
    }
    if (s.accessKey.isEmpty() || s.secretKey.isEmpty()) {
        *error = QStringLiteral("no S3 keys for %1: set AWS_ACCESS_KEY_ID and "
                                "AWS_SECRET_ACCESS_KEY")
                     .arg(endpoint);
        return std::nullopt;
    }
    s.endpoint = QUrl(endpoint);
    return s;
}

std::optional<QByteArray> S3ObjectReader::get(const QUrl &url, const QByteArray &range,
                                              qint64 *total, QString *error) const
{
    // Its own manager and loop: this runs on a pool thread.
    QNetworkAccessManager nam;
    QNetworkRequest req =
        S3RequestSigner(m_store.accessKey, m_store.secretKey, m_store.region).signedGet(url);
    if (!range.isEmpty())
        req.setRawHeader("Range", range); // not signed: SigV4 allows unsigned headers
    QNetworkReply *reply = nam.get(req);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    bool timedOut = false;
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(m_timeoutMs);
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    const QString where =
        m_store.endpoint.toString() + QStringLiteral(" (") + m_store.origin + QLatin1Char(')');
    reply->deleteLater();
    if (timedOut) {
        *error = QStringLiteral("the S3 store at %1 did not answer within %2 s")
                     .arg(where)
                     .arg(m_timeoutMs / 1000);
        return std::nullopt;
    }
    if (status == 0) {
        *error = QStringLiteral("cannot reach the S3 store at %1: %2 (is it running?)")
                     .arg(where, reply->errorString());
        return std::nullopt;
    }
    if (status >= 300) {
        QString code;
        QXmlStreamReader xml(body);
        while (xml.readNextStartElement() || !xml.atEnd()) {
            if (xml.isStartElement() && xml.name() == QLatin1String("Code")) {
                code = xml.readElementText();
                break;
            }
            xml.readNext();
        }
        const QString hint =
            status == 403   ? QStringLiteral(": check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
            : status == 404 ? QStringLiteral(": check the bucket and path")
                            : QString();
        *error = QStringLiteral("%1 answered %2 %3 for %4%5")
                     .arg(where)
                     .arg(status)
                     .arg(code, url.path(), hint);
        return std::nullopt;
    }
    if (total) {
        // Content-Range: bytes a-b/TOTAL, else the whole object came.
        const QByteArray cr = reply->rawHeader("Content-Range");
        *total = cr.contains('/') ? cr.mid(cr.lastIndexOf('/') + 1).toLongLong() : body.size();
    }
    return body;
}

S3ObjectReader::Listing
S3ObjectReader::list(const QString &bucket, const QString &prefix, qint64 maxBytes,
                     const std::function<bool(const QStringList &page)> &enough,
                     QString *error) const
{
    Listing out;
    QString token;
    qint64 bytes = 0;
    while (true) {
        QUrl url = m_store.endpoint;
        url.setPath(QLatin1Char('/') + bucket);
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("list-type"), QStringLiteral("2"));
        q.addQueryItem(QStringLiteral("max-keys"), QString::number(m_pageSize));
        if (!prefix.isEmpty())
            q.addQueryItem(QStringLiteral("prefix"), prefix);
        if (!token.isEmpty()) // opaque: any character may need encoding
            q.addQueryItem(QStringLiteral("continuation-token"),
                           QString::fromLatin1(QUrl::toPercentEncoding(token)));
        url.setQuery(q);
        const std::optional<QByteArray> body = get(url, {}, nullptr, error);
        if (!body)
            return out;
        ++out.pages;
        bytes += body->size();
        QStringList page;
        bool truncated = false;
        token.clear();
        QXmlStreamReader xml(*body);
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("Key"))
                page.append(xml.readElementText());
            else if (xml.name() == QLatin1String("IsTruncated"))
                truncated = xml.readElementText() == QLatin1String("true");
            else if (xml.name() == QLatin1String("NextContinuationToken"))
                token = xml.readElementText();
        }
        if (xml.hasError()) {
            *error = QStringLiteral("the store's listing of %1 is not XML: %2")
                         .arg(bucket, xml.errorString());
            return out;
        }
        page.sort();
        out.keys += page;
        if (!truncated)
            break;
        if (token.isEmpty()) {
            *error = QStringLiteral("the store's listing of %1 is cut (IsTruncated) without a "
                                    "NextContinuationToken to go on with")
                         .arg(bucket);
            return out;
        }
        if ((enough && enough(page)) || bytes >= maxBytes) {
            out.complete = false;
            break;
        }
    }
    return out;
}

std::optional<QByteArray> S3ObjectReader::read(const QString &bucket, const QString &key,
                                               qint64 from, qint64 length, qint64 *total,
                                               QString *error) const
{
    QUrl url = m_store.endpoint;
    url.setPath(QLatin1Char('/') + bucket + QLatin1Char('/') + key);
    const QByteArray range = from < 0 ? "bytes=" + QByteArray::number(from)
                                      : "bytes=" + QByteArray::number(from) + '-' +
                                            QByteArray::number(from + length - 1);
    return get(url, range, total, error);
}

} // namespace uis
