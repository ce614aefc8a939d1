// SPDX-License-Identifier: Apache-2.0
#include "dcpreply.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>

namespace uis {

namespace {

DcpError::Kind transportKind(QNetworkReply::NetworkError e)
{
    switch (e) {
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // what setTransferTimeout() produces
        return DcpError::Kind::Timeout;
    case QNetworkReply::SslHandshakeFailedError:
        return DcpError::Kind::Tls;
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::ProtocolInvalidOperationError:
        return DcpError::Kind::Protocol;
    default:
        return DcpError::Kind::Unreachable;
    }
}

QString transportReason(QNetworkReply::NetworkError e, const QString &qtText, int timeoutMs)
{
    switch (e) {
    case QNetworkReply::ConnectionRefusedError:
        return QStringLiteral("connection refused (is the server running?)");
    case QNetworkReply::HostNotFoundError:
        return QStringLiteral("host not found");
    case QNetworkReply::RemoteHostClosedError:
        return QStringLiteral("the server closed the connection");
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return QStringLiteral("no answer after %1 s").arg(timeoutMs / 1000.0, 0, 'g', 3);
    default:
        return qtText;
    }
}

} // namespace

DcpReply::DcpReply(QNetworkAccessManager *nam, Operation op, Request request, QObject *parent)
    : QObject(parent), m_nam(nam), m_operation(op), m_request(std::move(request))
{
    qRegisterMetaType<uis::DcpError>();
    if (m_nam) {
        connect(m_nam, &QObject::destroyed, this, [this] {
            m_reply = nullptr;
            finish(DcpError::transport(DcpError::Kind::Unreachable, m_request.url,
                                       QStringLiteral("the client was closed")));
        });
    }
}

DcpReply::~DcpReply()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QByteArray DcpReply::header(const QByteArray &name) const
{
    for (const auto &h : m_headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

void DcpReply::startAttempt()
{
    if (!m_nam || m_finished)
        return;
    ++m_attempt;
    QNetworkRequest req(m_request.url);
    req.setTransferTimeout(m_request.timeoutMs);
    req.setRawHeader("Accept", "application/json");
    req.setRawHeader("User-Agent", "uis-studio/0.1");
    if (!m_request.token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_request.token);
    if (!m_request.idempotencyKey.isEmpty())
        req.setRawHeader("Idempotency-Key", m_request.idempotencyKey);
    if (!m_request.body.isNull())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json; charset=utf-8"));
    // Redirects would replay a POST to another origin; the API never redirects.
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (m_request.method == "GET")
        m_reply = m_nam->get(req);
    else if (m_request.method == "DELETE")
        m_reply = m_nam->deleteResource(req);
    else
        m_reply = m_nam->sendCustomRequest(req, m_request.method, m_request.body);
    connect(m_reply, &QNetworkReply::finished, this, &DcpReply::onNetworkFinished);
}

void DcpReply::onNetworkFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    DcpError error;
    if (!statusAttr.isValid()) {
        const auto e = reply->error();
        const DcpError::Kind kind = transportKind(e);
        error = DcpError::transport(kind, m_request.url, transportReason(e, reply->errorString(), m_request.timeoutMs));
    } else {
        m_httpStatus = statusAttr.toInt();
        m_body = reply->readAll();
        m_headers = reply->rawHeaderPairs();
        if (m_httpStatus >= 200 && m_httpStatus < 300) {
            QJsonParseError pe;
            const QJsonDocument doc = QJsonDocument::fromJson(m_body, &pe);
            if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
                error = DcpError::transport(DcpError::Kind::Protocol, m_request.url,
                                            QStringLiteral("the body is not a JSON object (%1)").arg(pe.errorString()));
                error.httpStatus = m_httpStatus;
            } else {
                m_json = doc.object();
            }
        } else {
            error = DcpError::fromHttp(m_httpStatus, m_body, m_request.url);
            if (error.kind == DcpError::Kind::Unauthorized && m_request.token.isEmpty())
                error.message = QStringLiteral("no token for %1: set the environment's token (Environments dialog, "
                                               "or DCP_TOKEN)")
                                    .arg(m_request.url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toString());
        }
    }
    if (error.isError() && error.isTransient() && m_request.retriable && m_attempt < m_request.maxAttempts) {
        // Exponential backoff with jitter, so that many clients do not retry in lockstep.
        const int base = qMin(m_request.maxBackoffMs, m_request.backoffMs << (m_attempt - 1));
        const int delay = base / 2 + int(QRandomGenerator::global()->bounded(base / 2 + 1));
        Q_EMIT progress(QStringLiteral("%1; retrying in %2 s (attempt %3 of %4)")
                            .arg(error.message)
                            .arg(delay / 1000.0, 0, 'f', 1)
                            .arg(m_attempt + 1)
                            .arg(m_request.maxAttempts));
        m_httpStatus = 0;
        m_body.clear();
        if (!m_retryTimer) {
            m_retryTimer = new QTimer(this);
            m_retryTimer->setSingleShot(true);
            connect(m_retryTimer, &QTimer::timeout, this, &DcpReply::startAttempt);
        }
        m_retryTimer->start(delay);
        return;
    }
    finish(error);
}

void DcpReply::finish(const DcpError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_error.attempts = m_attempt;
    if (m_error.isError())
        Q_EMIT failed(m_error);
    else
        Q_EMIT finished();
    Q_EMIT done();
}

bool DcpReply::wait(int timeoutMs)
{
    if (!m_finished) {
        QEventLoop loop;
        connect(this, &DcpReply::done, &loop, &QEventLoop::quit);
        if (timeoutMs >= 0)
            QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return isOk();
}

void DcpReply::abort()
{
    if (m_finished)
        return;
    if (m_retryTimer)
        m_retryTimer->stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    finish(DcpError::transport(DcpError::Kind::Unreachable, m_request.url, QStringLiteral("aborted")));
}

} // namespace uis
