// SPDX-License-Identifier: Apache-2.0
#include "webhooksender.h"

#include "alertconfig.h"
#include "alertevaluator.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace uis::dcplocal {

namespace {

constexpr int TimeoutMs = 10'000;

} // namespace

WebhookSender::WebhookSender(QObject *parent)
    : AlertSender(parent), m_network(new QNetworkAccessManager(this))
{
}

QJsonObject WebhookSender::payload(const AlertNotification &n)
{
    return {{QStringLiteral("alert"), n.rule},
            {QStringLiteral("status"), n.status},
            {QStringLiteral("job"), QJsonObject{{QStringLiteral("id"), n.job.id},
                                                {QStringLiteral("name"), n.job.name},
                                                {QStringLiteral("target"), n.job.target},
                                                {QStringLiteral("status"), n.job.status}}},
            {QStringLiteral("text"), n.text},
            {QStringLiteral("at"),
             QDateTime::fromMSecsSinceEpoch(n.atMs, Qt::UTC).toString(Qt::ISODateWithMs)}};
}

void WebhookSender::send(const AlertChannel &channel, const AlertNotification &n, Done done)
{
    QNetworkRequest request{QUrl(channel.url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(TimeoutMs);
    QNetworkReply *reply =
        m_network->post(request, QJsonDocument(payload(n)).toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() == QNetworkReply::NoError && status >= 200 && status < 300)
            done(QString());
        else if (status != 0)
            done(QStringLiteral("HTTP %1 from %2").arg(status).arg(reply->url().toString()));
        else if (reply->error() == QNetworkReply::OperationCanceledError)
            done(QStringLiteral("no answer from %1 within %2 s")
                     .arg(reply->url().toString())
                     .arg(TimeoutMs / 1000));
        else
            done(reply->errorString());
    });
}

} // namespace uis::dcplocal
