// SPDX-License-Identifier: Apache-2.0
#include "s3requestsigner.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

namespace uis {

namespace {

QByteArray hmac(const QByteArray &key, const QByteArray &data)
{
    return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256);
}

} // namespace

QNetworkRequest S3RequestSigner::signedGet(const QUrl &url, const QDateTime &now) const
{
    return signedRequest("GET", url, {}, now);
}

QNetworkRequest S3RequestSigner::signedRequest(const QByteArray &method, const QUrl &url,
                                               const QByteArray &payload,
                                               const QDateTime &now) const
{
    const QByteArray amzDate =
        now.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
    const QByteArray day = amzDate.left(8);
    const QByteArray payloadHash =
        QCryptographicHash::hash(payload, QCryptographicHash::Sha256).toHex();
    QByteArray host = url.host().toLatin1();
    if (url.port() > 0)
        host += ':' + QByteArray::number(url.port());
    QByteArray path = url.path(QUrl::FullyEncoded).toLatin1();
    if (path.isEmpty())
        path = "/";
    // SigV4's canonical query: each name and value encoded (RFC 3986 unreserved kept), sorted.
    QList<QByteArray> params;
    for (const auto &item : QUrlQuery(url).queryItems(QUrl::FullyDecoded))
        params.append(QUrl::toPercentEncoding(item.first) + '=' +
                      QUrl::toPercentEncoding(item.second));
    std::sort(params.begin(), params.end());
    const QByteArray query = params.join('&');
    QUrl sent = url;
    if (!query.isEmpty())
        sent.setQuery(QString::fromLatin1(query), QUrl::StrictMode); // sent as signed

    const QByteArray signedHeaders = "host;x-amz-content-sha256;x-amz-date";
    const QByteArray canonical = method + '\n' + path + '\n' + query + '\n' + "host:" + host +
                                 "\n" + "x-amz-content-sha256:" + payloadHash + "\n" +
                                 "x-amz-date:" + amzDate + "\n\n" + signedHeaders + "\n" +
                                 payloadHash;
    const QByteArray scope = day + '/' + m_region.toLatin1() + "/s3/aws4_request";
    const QByteArray toSign =
        "AWS4-HMAC-SHA256\n" + amzDate + '\n' + scope + '\n' +
        QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex();
    QByteArray key = hmac("AWS4" + m_secretKey.toUtf8(), day);
    key = hmac(key, m_region.toLatin1());
    key = hmac(key, "s3");
    key = hmac(key, "aws4_request");
    const QByteArray signature = hmac(key, toSign).toHex();

    QNetworkRequest req(sent);
    req.setRawHeader("x-amz-date", amzDate);
    req.setRawHeader("x-amz-content-sha256", payloadHash);
    req.setRawHeader("Authorization", "AWS4-HMAC-SHA256 Credential=" + m_accessKey.toUtf8() + '/' +
                                          scope + ", SignedHeaders=" + signedHeaders +
                                          ", Signature=" + signature);
    return req;
}

} // namespace uis
