// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "restsampler.h"

#include <QJsonArray>
#include <QObject>
#include <QStringList>
#include <QTimer>

class QWebSocket;

namespace uis {

/// What a WebSocket sample holds.
struct WebSocketSampleResult
{
    QJsonArray records; ///< JSON objects received (an array message gives its elements)
    QStringList notes;
    qint64 messages = 0; ///< text or binary messages received
};

/**
 * Samples a `websocket` endpoint: connects to base_url + path with its query parameters and
 * headers (placeholders resolved as for REST: RestSampler::requestFor), then keeps the first N
 * records or what arrives in T seconds, whichever comes first. Asynchronous (QtWebSockets on
 * the caller's event loop); one message larger than `maxBytes` closes the connection with a
 * note, as a REST body is cut. A message that is not JSON is skipped with a note, as the
 * engines skip a poison record. Resolved secrets are masked in every message.
 *
 * Reports finished() (also when T passes with fewer records) or failed() (cannot connect, or the
 * server closed before any message), exactly once.
 */
class WebSocketSampler : public QObject
{
    Q_OBJECT
public:
    explicit WebSocketSampler(QObject *parent = nullptr);
    ~WebSocketSampler() override;

    void start(const RestSampleRequest &request, int maxRecords = 100, int timeoutMs = 30000,
               qint64 maxBytes = 16 * 1024 * 1024);
    void stop();
    const WebSocketSampleResult &result() const { return m_result; }

Q_SIGNALS:
    void progress(const QString &message);
    void finished();
    void failed(const QString &message);

private:
    void onText(const QString &text);
    void done(const QString &error = {});
    QString mask(QString text) const;
    QString connectFailure() const;

    QWebSocket *m_socket = nullptr;
    QTimer m_timer;
    RestSampleRequest m_request;
    WebSocketSampleResult m_result;
    int m_maxRecords = 100;
    int m_timeoutMs = 30000;
    bool m_connected = false;
    bool m_done = true;
    int m_poison = 0;
};

} // namespace uis
