// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "spec.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <algorithm>
#include <functional>
#include <optional>

namespace uis {

/// Where an `s3a://` path is read from, and with which keys.
struct S3Store
{
    QUrl endpoint; ///< http(s)://host:port, path-style requests
    QString accessKey;
    QString secretKey;
    QString region = QStringLiteral("us-east-1");
    QString origin; ///< where the endpoint came from, for messages
};

/**
 * Reads objects of an S3 store for FileSampler, synchronously (call it off the GUI thread):
 * ListObjectsV2 and ranged GetObject, signed with S3RequestSigner, each request bounded in
 * time. Nothing is written.
 */
class S3ObjectReader
{
public:
    /**
     * The store of a spec: the endpoint from `config.s3_endpoint`, else `AWS_ENDPOINT_URL`, else
     * the platform's store when it runs (PlatformState in UIS_PLATFORM_DIR or the default
     * folder). The platform's store is read with the platform's keys (AWS keys in the shell are
     * for other stores); any other with `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY` (what
     * Hadoop's s3a reads), else the platform's. nullopt with `error` when there is none.
     */
    static std::optional<S3Store> storeFor(const Provider &provider, QString *error);
    /// `s3a://bucket/key` (or `s3://`) split; false when it is not such a URL.
    static bool split(const QString &url, QString *bucket, QString *key);

    S3ObjectReader(S3Store store, int timeoutMs) : m_store(std::move(store)), m_timeoutMs(timeoutMs)
    {
    }

    /// Keys per ListObjectsV2 page (`max-keys`): 1 to 1000, S3's own maximum (the default).
    void setPageSize(int keys) { m_pageSize = std::clamp(keys, 1, 1000); }

    /// A listing, whole or cut short by its bounds.
    struct Listing
    {
        QStringList keys; ///< in name order
        int pages = 0;
        bool complete = true; ///< false when a bound stopped it before the store's last page
    };
    /**
     * Keys under `prefix` in name order, page after page (continuation tokens), until the
     * store's last page, until `enough(page)` (the keys of the page just read) says the caller
     * has what it needs, or until the pages' bodies add up to `maxBytes` (a sample never lists a
     * bucket of millions). `error` set when a page failed.
     */
    Listing list(const QString &bucket, const QString &prefix, qint64 maxBytes,
                 const std::function<bool(const QStringList &page)> &enough, QString *error) const;
    /// Bytes [from, from+length) of an object (fewer at its end); its whole size in `total`.
    /// A negative `from` reads the last -from bytes.
    std::optional<QByteArray> read(const QString &bucket, const QString &key, qint64 from,
                                   qint64 length, qint64 *total, QString *error) const;

private:
    std::optional<QByteArray> get(const QUrl &url, const QByteArray &range, qint64 *total,
                                  QString *error) const;

    S3Store m_store;
    int m_timeoutMs;
    int m_pageSize = 1000;
};

} // namespace uis
