// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QTcpServer>

namespace uis::dcplocal {

/**
 * The listening socket of the API. QtHttpServer 6.4 reads a whole body into memory before any
 * handler runs, so a request that declares a body over the limit is answered here (413, JSON
 * error body) as soon as its headers arrive, and its body is discarded as it comes in, never
 * buffered.
 */
class BoundedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    BoundedTcpServer(qint64 maxBodyBytes, QObject *parent = nullptr);

    QTcpSocket *nextPendingConnection() override;

private:
    void inspect(QTcpSocket *socket);

    qint64 m_maxBodyBytes;
};

} // namespace uis::dcplocal
