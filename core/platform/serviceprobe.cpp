// SPDX-License-Identifier: Apache-2.0
#include "serviceprobe.h"

#include "s3requestsigner.h"

#include <QDataStream>
#include <QFile>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTimer>

namespace uis {

namespace {

constexpr int kTimeoutMs = 3000;

} // namespace

ServiceProbe::ServiceProbe(Kind kind, QObject *parent) : QObject(parent), m_kind(kind)
{
    if (kind != Kind::Kafka && kind != Kind::Grpc)
        m_nam = new QNetworkAccessManager(this);
}

ServiceProbe *ServiceProbe::httpJson(const QUrl &url, JsonCheck check, QObject *parent)
{
    auto *p = new ServiceProbe(Kind::HttpJson, parent);
    p->m_url = url;
    p->m_check = std::move(check);
    return p;
}

ServiceProbe *ServiceProbe::kafkaMetadata(quint16 port, QObject *parent)
{
    auto *p = new ServiceProbe(Kind::Kafka, parent);
    p->m_port = port;
    return p;
}

ServiceProbe *ServiceProbe::grpcHandshake(quint16 port, QObject *parent)
{
    auto *p = new ServiceProbe(Kind::Grpc, parent);
    p->m_port = port;
    return p;
}

ServiceProbe *ServiceProbe::s3ListBuckets(const QUrl &endpoint, const QString &accessKey,
                                          const QString &secretKey, QObject *parent)
{
    auto *p = new ServiceProbe(Kind::S3, parent);
    p->m_url = endpoint;
    p->m_accessKey = accessKey;
    p->m_secretKey = secretKey;
    return p;
}

void ServiceProbe::check()
{
    if (m_busy)
        return;
    m_busy = true;
    if (m_kind == Kind::Kafka)
        checkKafka();
    else if (m_kind == Kind::Grpc)
        checkGrpc();
    else
        checkHttp();
}

void ServiceProbe::finish(bool ready, const QString &detail)
{
    m_busy = false;
    Q_EMIT answered(ready, detail);
}

void ServiceProbe::checkHttp()
{
    QNetworkRequest req = m_kind == Kind::S3
                              ? S3RequestSigner(m_accessKey, m_secretKey).signedGet(m_url)
                              : QNetworkRequest(m_url);
    req.setTransferTimeout(kTimeoutMs);
    if (!m_tokenFile.isEmpty()) {
        QFile token(m_tokenFile);
        if (token.open(QIODevice::ReadOnly))
            req.setRawHeader("Authorization", "Bearer " + token.readAll().trimmed());
    }
    QNetworkReply *reply = m_nam->get(req);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (reply->error() != QNetworkReply::NoError && status == 0)
            return finish(false, reply->errorString());
        if (m_kind == Kind::S3) {
            // 200 with a ListAllMyBucketsResult: the store answers and accepts the keys.
            if (status == 200 && body.contains("ListAllMyBucketsResult"))
                return finish(true, {});
            return finish(false, QStringLiteral("ListBuckets answered HTTP %1").arg(status));
        }
        if (status != 200)
            return finish(false, QStringLiteral("HTTP %1").arg(status));
        const QString waiting = m_check ? m_check(QJsonDocument::fromJson(body)) : QString();
        finish(waiting.isEmpty(), waiting);
    });
}

void ServiceProbe::checkKafka()
{
    // Metadata v0 (api key 3) with an empty topic list: the broker answers with the brokers it
    // knows, itself included once it serves requests. Kafka 3.x still accepts v0.
    const qint32 correlation = 7;
    QByteArray body;
    QDataStream s(&body, QIODevice::WriteOnly);
    const QByteArray client("uis-platform");
    s << qint16(3) << qint16(0) << correlation << qint16(client.size());
    s.writeRawData(client.constData(), int(client.size()));
    s << qint32(0);
    QByteArray frame;
    QDataStream f(&frame, QIODevice::WriteOnly);
    f << qint32(body.size());
    frame += body;
    exchange(
        frame,
        [correlation](const QByteArray &buffer) -> std::optional<std::pair<bool, QString>> {
            if (buffer.size() < 12)
                return std::nullopt;
            QDataStream in(buffer);
            qint32 size = 0, corr = 0, brokers = 0;
            in >> size >> corr >> brokers;
            if (buffer.size() < size + 4)
                return std::nullopt;
            if (corr != correlation)
                return std::pair(false, QStringLiteral("unexpected Metadata answer"));
            if (brokers < 1)
                return std::pair(false, QStringLiteral("no broker in the Metadata answer yet"));
            return std::pair(true, QString());
        },
        QStringLiteral("no Metadata answer"));
}

void ServiceProbe::checkGrpc()
{
    // The HTTP/2 client preface and an empty SETTINGS frame: a gRPC server (Netty, as Spark
    // Connect's) answers with its own SETTINGS frame (type 4) before any call. A port that only
    // accepts connections (a JVM still starting its server, something else) does not.
    QByteArray hello("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
    hello.append("\x00\x00\x00\x04\x00\x00\x00\x00\x00", 9);
    exchange(
        hello,
        [](const QByteArray &buffer) -> std::optional<std::pair<bool, QString>> {
            if (buffer.size() < 9)
                return std::nullopt;
            if (buffer.at(3) == 0x04)
                return std::pair(true, QString());
            return std::pair(false, QStringLiteral("not an HTTP/2 (gRPC) server"));
        },
        QStringLiteral("no HTTP/2 answer"));
}

void ServiceProbe::exchange(const QByteArray &request, Judge judge, const QString &silence)
{
    auto *socket = new QTcpSocket(this);
    m_socket = socket;
    auto *timer = new QTimer(socket);
    timer->setSingleShot(true);
    auto buffer = std::make_shared<QByteArray>();
    auto done = [this, socket, timer](bool ready, const QString &detail) {
        // Exactly one answer per check: silence the socket and timer before aborting.
        timer->stop();
        timer->disconnect();
        socket->disconnect();
        socket->abort();
        socket->deleteLater();
        finish(ready, detail);
    };
    connect(timer, &QTimer::timeout, socket, [done, silence] { done(false, silence); });
    connect(socket, &QTcpSocket::errorOccurred, socket,
            [done, socket] { done(false, socket->errorString()); });
    connect(socket, &QTcpSocket::connected, socket, [socket, request] { socket->write(request); });
    connect(socket, &QTcpSocket::readyRead, socket, [done, socket, buffer, judge] {
        *buffer += socket->readAll();
        if (const auto verdict = judge(*buffer))
            done(verdict->first, verdict->second);
    });
    timer->start(kTimeoutMs);
    socket->connectToHost(QHostAddress::LocalHost, m_port);
}

} // namespace uis
