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
    if (endpoint.isEmpty() || s.accessKey.isEmpty()) {
        // The platform's store: what `uisctl platform start` runs.
        const PlatformLayout layout(PlatformLayout::resolveDir());
        const std::optional<PlatformState> state = PlatformState::read(layout.statePath());
        const ServiceRecord *s3 = state ? state->service(QStringLiteral("s3")) : nullptr;
        if (s3 && state->isRunning(QStringLiteral("s3"))) {
            if (endpoint.isEmpty()) {
                endpoint = s3->url;
                s.origin = QStringLiteral("the platform's store");
            }
            if (s.accessKey.isEmpty()) {
                s.accessKey = state->accessKey;
                s.secretKey = state->secretKey;
            }
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

QStringList S3ObjectReader::list(const QString &bucket, const QString &prefix, QString *error) const
{
    QUrl url = m_store.endpoint;
    url.setPath(QLatin1Char('/') + bucket);
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("list-type"), QStringLiteral("2"));
    if (!prefix.isEmpty())
        q.addQueryItem(QStringLiteral("prefix"), prefix);
    url.setQuery(q);
    const std::optional<QByteArray> body = get(url, {}, nullptr, error);
    if (!body)
        return {};
    QStringList keys;
    QXmlStreamReader xml(*body);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("Key"))
            keys.append(xml.readElementText());
    }
    if (xml.hasError())
        *error = QStringLiteral("the store's listing of %1 is not XML: %2")
                     .arg(bucket, xml.errorString());
    keys.sort();
    return keys;
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
