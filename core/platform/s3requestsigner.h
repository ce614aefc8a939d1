// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QNetworkRequest>
#include <QString>

namespace uis {

/**
 * AWS Signature Version 4 for the few requests the platform sends to its object store (a
 * readiness check: ListBuckets; the sample data: CreateBucket, PutObject; sampling `s3a://`
 * files: ListObjectsV2, GetObject). The query string is signed as SigV4 canonicalizes it.
 */
class S3RequestSigner
{
public:
    S3RequestSigner(QString accessKey, QString secretKey,
                    QString region = QStringLiteral("us-east-1"))
        : m_accessKey(std::move(accessKey)), m_secretKey(std::move(secretKey)),
          m_region(std::move(region))
    {
    }

    /// A signed GET request for `url` at time `now` (UTC).
    QNetworkRequest signedGet(const QUrl &url,
                              const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    /// A signed `method` request for `url` whose body is `payload`.
    QNetworkRequest signedRequest(const QByteArray &method, const QUrl &url,
                                  const QByteArray &payload,
                                  const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

private:
    QString m_accessKey;
    QString m_secretKey;
    QString m_region;
};

} // namespace uis
