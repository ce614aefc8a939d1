// SPDX-License-Identifier: Apache-2.0
#include "websocketsampler.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QUrlQuery>
#include <QWebSocket>

namespace uis {

WebSocketSampler::WebSocketSampler(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (!m_connected)
            return done(tr("%1 did not accept the connection within %2 s")
                            .arg(m_request.url.toString())
                            .arg(m_timeoutMs / 1000));
        m_result.notes.append(tr("stopped after %1 s with %2 record(s)")
                                  .arg(m_timeoutMs / 1000)
                                  .arg(m_result.records.size()));
        done();
    });
}

WebSocketSampler::~WebSocketSampler()
{
    if (m_socket)
        m_socket->abort();
}

QString WebSocketSampler::mask(QString text) const
{
    for (const QString &s : m_request.secrets) {
        text.replace(s, QStringLiteral("****"));
        text.replace(QString::fromUtf8(QUrl::toPercentEncoding(s)), QStringLiteral("****"));
    }
    return text;
}

void WebSocketSampler::start(const RestSampleRequest &request, int maxRecords, int timeoutMs,
                             qint64 maxBytes)
{
    m_request = request;
    m_result = WebSocketSampleResult();
    m_maxRecords = maxRecords;
    m_timeoutMs = timeoutMs;
    m_connected = false;
    m_done = false;
    m_poison = 0;
    QUrl url = request.url;
    if (!request.params.isEmpty()) {
        QUrlQuery q(url);
        for (const auto &kv : request.params)
            q.addQueryItem(kv.first, kv.second);
        url.setQuery(q);
    }
    const QString scheme = url.scheme();
    if (scheme != QLatin1String("ws") && scheme != QLatin1String("wss"))
        return done(
            tr("base_url must start with ws:// or wss:// (it is %1)").arg(mask(url.toString())));
    QNetworkRequest req(url);
    for (const auto &h : request.headers)
        req.setRawHeader(h.first, h.second);
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingMessageSize(quint64(maxBytes));
    connect(m_socket, &QWebSocket::connected, this, [this] {
        m_connected = true;
        Q_EMIT progress(tr("Connected; waiting for %1 record(s) or %2 s…")
                            .arg(m_maxRecords)
                            .arg(m_timeoutMs / 1000));
    });
    connect(m_socket, &QWebSocket::textMessageReceived, this, &WebSocketSampler::onText);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this,
            [this](const QByteArray &b) { onText(QString::fromUtf8(b)); });
    // `error`: Qt 6.4 has no errorOccurred yet
    connect(
        m_socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this,
        [this](QAbstractSocket::SocketError) {
            if (m_done)
                return;
            if (m_socket->closeCode() == QWebSocketProtocol::CloseCodeTooMuchData ||
                m_socket->errorString().contains(QLatin1String("too big"), Qt::CaseInsensitive)) {
                m_result.notes.append(
                    tr("a message was larger than the byte bound: stopped there"));
                return done();
            }
            if (!m_connected)
                return done(connectFailure());
            m_result.notes.append(tr("the connection failed: %1").arg(m_socket->errorString()));
            done();
        });
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        if (m_done)
            return;
        if (!m_connected)
            return done(connectFailure());
        if (m_result.messages == 0)
            return done(tr("the server closed the connection before any message (code %1 %2)")
                            .arg(int(m_socket->closeCode()))
                            .arg(m_socket->closeReason()));
        m_result.notes.append(tr("the server closed the connection after %n message(s)", nullptr,
                                 int(m_result.messages)));
        done();
    });
    m_timer.start(m_timeoutMs);
    Q_EMIT progress(tr("Connecting to %1…").arg(mask(url.toString())));
    m_socket->open(req);
}

QString WebSocketSampler::connectFailure() const
{
    return tr("cannot connect to %1: %2 (is the server running? check base_url, path, "
              "query_params and headers)")
        .arg(m_request.url.toString(), m_socket->errorString());
}

void WebSocketSampler::onText(const QString &text)
{
    if (m_done)
        return;
    ++m_result.messages;
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &pe);
    if (pe.error != QJsonParseError::NoError || (!doc.isObject() && !doc.isArray())) {
        ++m_poison;
        return;
    }
    const QJsonArray items = doc.isArray() ? doc.array() : QJsonArray{doc.object()};
    for (const QJsonValue &v : items) {
        if (v.isObject() && m_result.records.size() < m_maxRecords)
            m_result.records.append(v);
    }
    if (m_result.records.size() >= m_maxRecords)
        done();
}

void WebSocketSampler::stop()
{
    if (!m_done)
        done(tr("stopped"));
}

void WebSocketSampler::done(const QString &error)
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    if (m_poison > 0)
        m_result.notes.append(tr("%1 message(s) are not JSON objects: skipped, as the engines "
                                 "skip a poison record")
                                  .arg(m_poison));
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    // Signals after the caller's start() returned: a failure found in start() arrives queued too.
    const QString message = mask(error);
    QMetaObject::invokeMethod(
        this,
        [this, message] {
            if (message.isEmpty())
                Q_EMIT finished();
            else
                Q_EMIT failed(message);
        },
        Qt::QueuedConnection);
}

} // namespace uis
