// SPDX-License-Identifier: Apache-2.0
#include "executiontarget.h"

#include "jobstore.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace uis::dcplocal {

namespace {

constexpr int kRequestTimeoutMs = 4000;

} // namespace

ExecutionTarget::ExecutionTarget(TargetSpec spec, JobStore *store, JobRunner *runner,
                                 QObject *parent)
    : QObject(parent), m_spec(std::move(spec)), m_store(store), m_runner(runner)
{
}

ExecutionTarget::~ExecutionTarget() = default;

void ExecutionTarget::reattach(const QString &id)
{
    Q_UNUSED(id)
}

QJsonObject ExecutionTarget::toJson() const
{
    return QJsonObject{
        {QStringLiteral("name"), m_spec.name},
        {QStringLiteral("kind"), m_spec.kindName()},
        {QStringLiteral("engines"), QJsonArray::fromStringList(m_spec.engines())},
        {QStringLiteral("reachable"), m_reachable},
        {QStringLiteral("checked_at"),
         m_checkedAt.isValid() ? QJsonValue(toRfc3339(m_checkedAt)) : QJsonValue()},
        {QStringLiteral("error"), m_problem.isEmpty() ? QJsonValue() : QJsonValue(m_problem)},
        {QStringLiteral("overview"), m_overview},
        // The engine's own web UI, so clients can link to it (the Flink UI is served by the
        // JobManager's REST endpoint; Spark's by the master).
        {QStringLiteral("ui_url"), m_spec.restUrl.isValid() ? QJsonValue(m_spec.restUrl.toString())
                                   : m_spec.masterUi.isValid()
                                       ? QJsonValue(m_spec.masterUi.toString())
                                       : QJsonValue()}};
}

void ExecutionTarget::setChecked(bool reachable, const QJsonObject &overview,
                                 const QString &problem)
{
    m_reachable = reachable;
    m_checkedAt = QDateTime::currentDateTimeUtc();
    if (reachable || !overview.isEmpty())
        m_overview = overview;
    m_problem = problem;
    Q_EMIT checked();
}

void ExecutionTarget::requestText(const QUrl &url, qint64 maxBytes, const TextHandler &handler)
{
    if (!m_nam)
        m_nam = new QNetworkAccessManager(this);
    QNetworkRequest req(url);
    req.setTransferTimeout(kRequestTimeoutMs * 3);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = m_nam->get(req);
    connect(reply, &QNetworkReply::finished, this, [reply, handler, url, maxBytes] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QByteArray body = reply->readAll();
        if (body.size() > maxBytes)
            body = body.right(maxBytes);
        if (reply->error() != QNetworkReply::NoError || status < 200 || status >= 300) {
            handler(false, status, body,
                    status ? QStringLiteral("%1 answered HTTP %2")
                                 .arg(url.toString(QUrl::RemoveQuery))
                                 .arg(status)
                           : QStringLiteral("%1: %2").arg(url.toString(QUrl::RemoveQuery),
                                                          reply->errorString()));
            return;
        }
        handler(true, status, body, QString());
    });
}

void ExecutionTarget::request(const QByteArray &method, const QUrl &url, const JsonHandler &handler)
{
    if (!m_nam)
        m_nam = new QNetworkAccessManager(this);
    QNetworkRequest req(url);
    req.setTransferTimeout(kRequestTimeoutMs);
    req.setRawHeader("Accept", "application/json");
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = m_nam->sendCustomRequest(req, method);
    connect(reply, &QNetworkReply::finished, this, [reply, handler, url] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (reply->error() != QNetworkReply::NoError && status == 0) {
            handler(false, 0, {},
                    QStringLiteral("%1: %2").arg(url.toString(QUrl::RemoveQuery),
                                                 reply->errorString()));
            return;
        }
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
        if (status < 200 || status >= 300) {
            handler(false, status, doc,
                    QStringLiteral("%1 answered HTTP %2")
                        .arg(url.toString(QUrl::RemoveQuery))
                        .arg(status));
            return;
        }
        if (!body.isEmpty() && pe.error != QJsonParseError::NoError) {
            handler(false, status, {},
                    QStringLiteral("%1 did not answer JSON: %2")
                        .arg(url.toString(QUrl::RemoveQuery), pe.errorString()));
            return;
        }
        handler(true, status, doc, QString());
    });
}

} // namespace uis::dcplocal
