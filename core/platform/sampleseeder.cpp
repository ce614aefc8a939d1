// SPDX-License-Identifier: Apache-2.0
#include "sampleseeder.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSaveFile>
#include <QTimer>

namespace uis {

namespace {
const QString kRoot = QStringLiteral(":/uis-samples");
}

SampleSeeder::SampleSeeder(const QUrl &endpoint, S3RequestSigner signer, QString markerPath,
                           QObject *parent)
    : QObject(parent), m_endpoint(endpoint), m_signer(std::move(signer)),
      m_marker(std::move(markerPath)), m_net(new QNetworkAccessManager(this))
{
}

QString SampleSeeder::bucket()
{
    return QStringLiteral("uis-samples");
}

QStringList SampleSeeder::sampleKeys()
{
    QStringList keys;
    QDirIterator it(kRoot, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        keys << it.next().mid(kRoot.size() + 1);
    keys.sort();
    return keys;
}

QNetworkReply *SampleSeeder::put(const QString &path, const QByteArray &body)
{
    QUrl url = m_endpoint;
    url.setPath(QLatin1Char('/') + path);
    QNetworkRequest req = m_signer.signedRequest("PUT", url, body);
    req.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
    return m_net->put(req, body);
}

void SampleSeeder::start()
{
    if (QFileInfo::exists(m_marker)) {
        QTimer::singleShot(0, this, [this] { Q_EMIT finished(0, {}); });
        return;
    }
    m_pending = sampleKeys();
    m_uploaded = 0;
    QNetworkReply *reply = put(bucket(), {});
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const int code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        // An existing bucket of ours is fine: a start that stopped half-way is repeated.
        if (code == 200 || (code == 409 && body.contains("BucketAlreadyOwnedByYou")))
            return putNext();
        done(QStringLiteral("cannot create the bucket %1: %2")
                 .arg(bucket(), code ? QStringLiteral("HTTP %1 %2")
                                           .arg(code)
                                           .arg(QString::fromUtf8(body.left(300)))
                                     : reply->errorString()));
    });
}

void SampleSeeder::putNext()
{
    if (m_pending.isEmpty()) {
        QSaveFile marker(m_marker);
        if (!marker.open(QIODevice::WriteOnly) || marker.write("uis-samples\n") < 0 ||
            !marker.commit())
            return done(QStringLiteral("cannot write %1: %2").arg(m_marker, marker.errorString()));
        return done({});
    }
    const QString key = m_pending.takeFirst();
    QFile f(kRoot + QLatin1Char('/') + key);
    if (!f.open(QIODevice::ReadOnly))
        return done(QStringLiteral("cannot read the bundled sample %1").arg(key));
    QNetworkReply *reply = put(bucket() + QLatin1Char('/') + key, f.readAll());
    connect(reply, &QNetworkReply::finished, this, [this, reply, key] {
        reply->deleteLater();
        const int code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (code != 200)
            return done(
                QStringLiteral("cannot put %1/%2: %3")
                    .arg(bucket(), key,
                         code ? QStringLiteral("HTTP %1").arg(code) : reply->errorString()));
        ++m_uploaded;
        putNext();
    });
}

void SampleSeeder::done(const QString &error)
{
    Q_EMIT finished(m_uploaded, error);
}

} // namespace uis
