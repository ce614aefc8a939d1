// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "s3requestsigner.h"

#include <QObject>
#include <QStringList>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace uis {

/**
 * Puts the bundled sample data (resources/samples, compiled in under `:/uis-samples`) into the
 * local store's bucket `uis-samples` on the platform's first start, through the S3 API, so the
 * bundled example runs offline. A marker file records that it was done; later starts leave the
 * bucket alone (the user may have changed it).
 */
class SampleSeeder : public QObject
{
    Q_OBJECT
public:
    SampleSeeder(const QUrl &endpoint, S3RequestSigner signer, QString markerPath,
                 QObject *parent = nullptr);

    static QString bucket();
    /// The bundled files: keys relative to the samples folder, e.g. `trades/trades-….csv`.
    static QStringList sampleKeys();

    /// Returns at once; finished() follows (also when there was nothing to do).
    void start();

Q_SIGNALS:
    /// `uploaded` objects were put; `error` is "" on success.
    void finished(int uploaded, const QString &error);

private:
    void putNext();
    void done(const QString &error);
    QNetworkReply *put(const QString &path, const QByteArray &body);

    QUrl m_endpoint;
    S3RequestSigner m_signer;
    QString m_marker;
    QNetworkAccessManager *m_net;
    QStringList m_pending;
    int m_uploaded = 0;
};

} // namespace uis
