// SPDX-License-Identifier: Apache-2.0
#include "boundedtcpserver.h"

#include "httpapi.h"

#include <QTcpSocket>

namespace uis::dcplocal {

namespace {

constexpr const char *kDrainProperty = "uisDrainBytes";

} // namespace

BoundedTcpServer::BoundedTcpServer(qint64 maxBodyBytes, QObject *parent) : QTcpServer(parent), m_maxBodyBytes(maxBodyBytes)
{
}

QTcpSocket *BoundedTcpServer::nextPendingConnection()
{
    QTcpSocket *socket = QTcpServer::nextPendingConnection();
    // Connected before QHttpServer connects its own handler, so this runs first on every read.
    if (socket)
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { inspect(socket); });
    return socket;
}

void BoundedTcpServer::inspect(QTcpSocket *socket)
{
    const QVariant drain = socket->property(kDrainProperty);
    if (drain.isValid()) {
        // A rejected request: throw its body away as it arrives, then close.
        qint64 left = drain.toLongLong() - socket->skip(socket->bytesAvailable());
        socket->setProperty(kDrainProperty, left);
        if (left <= 0)
            socket->disconnectFromHost();
        return;
    }
    // Only the start of a request with a body is of interest; the method decides, from a few
    // bytes, before the headers are copied (a status GET passes here on every request).
    const QByteArray method = socket->peek(6);
    if (!(method.startsWith("POST ") || method.startsWith("PUT ") || method.startsWith("PATCH ")))
        return;
    const QByteArray head = socket->peek(16 * 1024);
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    qint64 length = -1;
    for (const QByteArray &line : head.left(end).split('\n')) {
        const QByteArray l = line.trimmed();
        if (l.size() > 15 && l.left(15).compare("content-length:", Qt::CaseInsensitive) == 0)
            length = l.mid(15).trimmed().toLongLong();
    }
    if (length <= m_maxBodyBytes)
        return;
    const QByteArray body =
        HttpApi::errorBody(QStringLiteral("payload_too_large"),
                           QStringLiteral("the request body is %1 bytes; the limit is %2 bytes").arg(length).arg(m_maxBodyBytes));
    socket->write("HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json; charset=utf-8\r\n"
                  "Cache-Control: no-store\r\nConnection: close\r\nContent-Length: " +
                  QByteArray::number(body.size()) + "\r\n\r\n" + body);
    const qint64 consumed = socket->skip(end + 4);
    Q_UNUSED(consumed)
    socket->setProperty(kDrainProperty, length - socket->skip(socket->bytesAvailable()));
}

} // namespace uis::dcplocal
