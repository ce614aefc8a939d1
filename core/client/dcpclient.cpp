// SPDX-License-Identifier: Apache-2.0
#include "dcpclient.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

namespace uis {

DcpClient::DcpClient(QObject *parent) : QObject(parent), m_nam(new QNetworkAccessManager(this))
{
    // Never a system proxy for the API: a loopback dcp-local must not go through one.
    m_nam->setProxy(QNetworkProxy::NoProxy);
}

DcpClient::DcpClient(const Environment &environment, QObject *parent) : DcpClient(parent)
{
    setEnvironment(environment);
}

DcpClient::~DcpClient() = default;

void DcpClient::setEnvironment(const Environment &environment)
{
    m_baseUrl = environment.url;
    m_token = environment.token.toUtf8();
}

QString DcpClient::newIdempotencyKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

DcpReply *DcpClient::start(DcpReply::Operation op, const QByteArray &method, const QString &path,
                           const QList<QPair<QString, QString>> &query, const QByteArray &body, bool retriable,
                           const QByteArray &idempotencyKey)
{
    DcpReply::Request r;
    r.method = method;
    QUrl url = m_baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path);
    if (!query.isEmpty()) {
        QUrlQuery q;
        q.setQueryItems(query);
        url.setQuery(q);
    }
    r.url = url;
    r.body = body;
    r.token = m_token;
    r.idempotencyKey = idempotencyKey;
    r.retriable = retriable;
    r.timeoutMs = m_timeoutMs;
    r.maxAttempts = m_maxAttempts;
    r.backoffMs = m_backoffMs;
    auto *reply = new DcpReply(m_nam, op, r, nullptr);
    const QString scheme = m_baseUrl.scheme();
    if (!m_baseUrl.isValid() || m_baseUrl.host().isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        const DcpError e = DcpError::config(
            m_baseUrl.isEmpty() ? QStringLiteral("no DCP URL configured: choose an environment or set DCP_URL")
                                : QStringLiteral("invalid DCP URL `%1`: expected http(s)://host[:port]")
                                      .arg(m_baseUrl.toString()));
        // Report asynchronously, as for every other failure.
        QTimer::singleShot(0, reply, [reply, e] { reply->finish(e); });
        return reply;
    }
    QTimer::singleShot(0, reply, [reply] {
        if (!reply->m_finished && reply->m_attempt == 0)
            reply->startAttempt();
    });
    return reply;
}

DcpReply *DcpClient::submit(const QJsonObject &request, const QString &idempotencyKey)
{
    return submitRaw(QJsonDocument(request).toJson(QJsonDocument::Compact), idempotencyKey);
}

DcpReply *DcpClient::submitRaw(const QByteArray &body, const QString &idempotencyKey)
{
    const QString key = idempotencyKey.isEmpty() ? newIdempotencyKey() : idempotencyKey;
    // With the key, a retried submit returns the first job, so retrying is safe.
    return start(DcpReply::Operation::Submit, "POST", QStringLiteral("/api/v1/jobs"), {}, body, true, key.toUtf8());
}

DcpReply *DcpClient::get(const QString &jobId)
{
    return start(DcpReply::Operation::Get, "GET",
                 QStringLiteral("/api/v1/jobs/") + QString::fromUtf8(QUrl::toPercentEncoding(jobId)), {}, QByteArray(),
                 true);
}

DcpReply *DcpClient::upgradeCheck(const QString &jobId, const QJsonObject &newVersion)
{
    return start(DcpReply::Operation::Get, "POST",
                 QStringLiteral("/api/v1/jobs/%1/upgrade-check")
                     .arg(QString::fromLatin1(QUrl::toPercentEncoding(jobId))),
                 {}, QJsonDocument(newVersion).toJson(QJsonDocument::Compact), false);
}

DcpReply *DcpClient::targets()
{
    return start(DcpReply::Operation::Get, "GET", QStringLiteral("/api/v1/targets"), {}, QByteArray(), true);
}

DcpReply *DcpClient::metrics(const QString &jobId, const QString &since, const QStringList &names)
{
    QList<QPair<QString, QString>> query;
    if (!since.isEmpty())
        query.append({QStringLiteral("since"), since});
    if (!names.isEmpty())
        query.append({QStringLiteral("names"), names.join(QLatin1Char(','))});
    return start(DcpReply::Operation::Get, "GET",
                 QStringLiteral("/api/v1/jobs/%1/metrics")
                     .arg(QString::fromLatin1(QUrl::toPercentEncoding(jobId))),
                 query, QByteArray(), true);
}

DcpReply *DcpClient::runs(const QString &jobId)
{
    return start(DcpReply::Operation::Get, "GET",
                 QStringLiteral("/api/v1/jobs/%1/runs")
                     .arg(QString::fromLatin1(QUrl::toPercentEncoding(jobId))),
                 {}, QByteArray(), true);
}

DcpReply *DcpClient::alerts()
{
    return start(DcpReply::Operation::Get, "GET", QStringLiteral("/api/v1/alerts"), {},
                 QByteArray(), true);
}

DcpReply *DcpClient::testAlert(const QString &rule)
{
    return start(
        DcpReply::Operation::Submit, "POST", QStringLiteral("/api/v1/alerts/test"), {},
        QJsonDocument(QJsonObject{{QStringLiteral("rule"), rule}}).toJson(QJsonDocument::Compact),
        false);
}

DcpReply *DcpClient::list(const JobListQuery &query)
{
    QList<QPair<QString, QString>> q;
    if (!query.status.isEmpty())
        q.append({QStringLiteral("status"), query.status});
    if (!query.team.isEmpty())
        q.append({QStringLiteral("team"), query.team});
    if (!query.user.isEmpty())
        q.append({QStringLiteral("user"), query.user});
    if (query.limit > 0)
        q.append({QStringLiteral("limit"), QString::number(query.limit)});
    if (!query.cursor.isEmpty())
        q.append({QStringLiteral("cursor"), query.cursor});
    return start(DcpReply::Operation::List, "GET", QStringLiteral("/api/v1/jobs"), q, QByteArray(), true);
}

DcpReply *DcpClient::cancel(const QString &jobId)
{
    // Not retried: the brief allows retries only where repeating cannot change the outcome.
    return start(DcpReply::Operation::Cancel, "DELETE",
                 QStringLiteral("/api/v1/jobs/") + QString::fromUtf8(QUrl::toPercentEncoding(jobId)), {}, QByteArray(),
                 false);
}

DcpReply *DcpClient::logs(const QString &jobId, qint64 offset, qint64 limit)
{
    QList<QPair<QString, QString>> q{{QStringLiteral("offset"), QString::number(offset)}};
    if (limit > 0)
        q.append({QStringLiteral("limit"), QString::number(limit)});
    return start(DcpReply::Operation::Logs, "GET",
                 QStringLiteral("/api/v1/jobs/") + QString::fromUtf8(QUrl::toPercentEncoding(jobId)) +
                     QStringLiteral("/logs"),
                 q, QByteArray(), true);
}

namespace {

QString jobPath(const QString &jobId, const QString &rest = QString())
{
    return QStringLiteral("/api/v1/jobs/") + QString::fromUtf8(QUrl::toPercentEncoding(jobId)) +
           rest;
}

} // namespace

DcpReply *DcpClient::triggerSavepoint(const QString &jobId)
{
    return start(DcpReply::Operation::Savepoint, "POST",
                 jobPath(jobId, QStringLiteral("/savepoints")), {}, QByteArrayLiteral("{}"), false);
}

DcpReply *DcpClient::savepoints(const QString &jobId)
{
    return start(DcpReply::Operation::Savepoint, "GET",
                 jobPath(jobId, QStringLiteral("/savepoints")), {}, QByteArray(), true);
}

DcpReply *DcpClient::stop(const QString &jobId, bool savepoint, bool drain)
{
    const QJsonObject body{{QStringLiteral("savepoint"), savepoint},
                           {QStringLiteral("drain"), drain}};
    return start(DcpReply::Operation::Savepoint, "POST", jobPath(jobId, QStringLiteral("/stop")),
                 {}, QJsonDocument(body).toJson(QJsonDocument::Compact), false);
}

DcpReply *DcpClient::deleteSavepoint(const QString &jobId, const QString &savepointId,
                                     const QString &user)
{
    QList<QPair<QString, QString>> q;
    if (!user.isEmpty())
        q.append({QStringLiteral("user"), user});
    return start(DcpReply::Operation::Savepoint, "DELETE",
                 jobPath(jobId, QStringLiteral("/savepoints/") +
                                    QString::fromUtf8(QUrl::toPercentEncoding(savepointId))),
                 q, QByteArray(), false);
}

} // namespace uis
