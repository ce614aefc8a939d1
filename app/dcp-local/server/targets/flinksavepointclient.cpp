// SPDX-License-Identifier: Apache-2.0
#include "flinksavepointclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace uis::dcplocal {

namespace {

constexpr int kTimeoutMs = 10000;

} // namespace

FlinkSavepointClient::FlinkSavepointClient(QObject *parent)
    : QObject(parent), m_nam(new QNetworkAccessManager(this))
{
}

QUrl FlinkSavepointClient::join(const QUrl &base, const QString &path)
{
    QUrl u = base;
    QString p = u.path();
    while (p.endsWith(QLatin1Char('/')))
        p.chop(1);
    u.setPath(p + path);
    return u;
}

QString FlinkSavepointClient::failureText(const QJsonValue &cause)
{
    QString trace;
    if (cause.isObject())
        trace = cause.toObject().value(QLatin1String("stack-trace")).toString();
    else if (cause.isString())
        trace = cause.toString();
    else if (cause.isArray()) // a REST error body: {"errors": ["…", "<trace>"]}
        for (const QJsonValue &v : cause.toArray())
            trace += v.toString() + QLatin1Char('\n');
    const QStringList lines = trace.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QString text = lines.isEmpty() ? QStringLiteral("unknown failure") : lines.first().trimmed();
    for (const QString &l : lines) {
        if (l.trimmed().startsWith(QLatin1String("Caused by:")))
            text = l.trimmed().mid(10).trimmed();
    }
    return text.left(2000);
}

void FlinkSavepointClient::send(const QByteArray &method, const QUrl &url, const QByteArray &body,
                                const Handler &handler)
{
    QNetworkRequest req(url);
    req.setTransferTimeout(kTimeoutMs);
    req.setRawHeader("Accept", "application/json");
    if (!body.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = m_nam->sendCustomRequest(req, method, body);
    connect(reply, &QNetworkReply::finished, this, [reply, handler, url] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll());
        if (status == 0) {
            handler(0, {},
                    QStringLiteral("%1: %2").arg(url.toString(QUrl::RemoveQuery),
                                                 reply->errorString()));
            return;
        }
        if (status < 200 || status >= 300) {
            const QJsonValue errors = doc.object().value(QLatin1String("errors"));
            handler(status, doc,
                    QStringLiteral("%1 answered HTTP %2%3")
                        .arg(url.toString(QUrl::RemoveQuery))
                        .arg(status)
                        .arg(errors.isArray() ? QStringLiteral(": ") + failureText(errors)
                                              : QString()));
            return;
        }
        handler(status, doc, QString());
    });
}

void FlinkSavepointClient::trigger(const QUrl &base, const QString &flinkJobId,
                                   const QString &targetDir,
                                   const std::function<void(const Triggered &)> &done)
{
    const QJsonObject body{{QStringLiteral("target-directory"), targetDir},
                           {QStringLiteral("cancel-job"), false}};
    send("POST", join(base, QStringLiteral("/jobs/%1/savepoints").arg(flinkJobId)),
         QJsonDocument(body).toJson(QJsonDocument::Compact),
         [done](int, const QJsonDocument &doc, const QString &error) {
             done({doc.object().value(QLatin1String("request-id")).toString(), error});
         });
}

void FlinkSavepointClient::stop(const QUrl &base, const QString &flinkJobId,
                                const QString &targetDir, bool drain,
                                const std::function<void(const Triggered &)> &done)
{
    const QJsonObject body{{QStringLiteral("targetDirectory"), targetDir},
                           {QStringLiteral("drain"), drain}};
    send("POST", join(base, QStringLiteral("/jobs/%1/stop").arg(flinkJobId)),
         QJsonDocument(body).toJson(QJsonDocument::Compact),
         [done](int, const QJsonDocument &doc, const QString &error) {
             done({doc.object().value(QLatin1String("request-id")).toString(), error});
         });
}

void FlinkSavepointClient::operation(const QUrl &base, const QString &flinkJobId,
                                     const QString &triggerId,
                                     const std::function<void(const Operation &)> &done)
{
    send("GET", join(base, QStringLiteral("/jobs/%1/savepoints/%2").arg(flinkJobId, triggerId)), {},
         [done](int status, const QJsonDocument &doc, const QString &error) {
             Operation op;
             if (!error.isEmpty()) {
                 // 404: the JobManager has forgotten the trigger (it ended, or the cluster
                 // restarted).
                 op.status = status == 404 ? QStringLiteral("FAILED") : QString();
                 op.error = error;
                 done(op);
                 return;
             }
             const QJsonObject o = doc.object();
             const QString id =
                 o.value(QLatin1String("status")).toObject().value(QLatin1String("id")).toString();
             const QJsonObject operation = o.value(QLatin1String("operation")).toObject();
             if (id != QLatin1String("COMPLETED")) {
                 op.status = QStringLiteral("IN_PROGRESS");
             } else if (operation.contains(QLatin1String("failure-cause"))) {
                 op.status = QStringLiteral("FAILED");
                 op.error = failureText(operation.value(QLatin1String("failure-cause")));
             } else {
                 op.status = QStringLiteral("COMPLETED");
                 op.location = operation.value(QLatin1String("location")).toString();
             }
             done(op);
         });
}

void FlinkSavepointClient::latestCheckpoint(const QUrl &base, const QString &flinkJobId,
                                            const std::function<void(const Checkpoint &)> &done)
{
    send("GET", join(base, QStringLiteral("/jobs/%1/checkpoints").arg(flinkJobId)), {},
         [done](int, const QJsonDocument &doc, const QString &error) {
             Checkpoint c;
             c.error = error;
             const QJsonObject completed = doc.object()
                                               .value(QLatin1String("latest"))
                                               .toObject()
                                               .value(QLatin1String("completed"))
                                               .toObject();
             const QString path = completed.value(QLatin1String("external_path")).toString();
             // A checkpoint that is not externalized (`<checkpoint-not-externalized>`) cannot be
             // restored.
             if (error.isEmpty() && !completed.isEmpty() && !path.isEmpty() &&
                 !path.startsWith(QLatin1Char('<'))) {
                 c.found = true;
                 c.checkpointId = qint64(completed.value(QLatin1String("id")).toDouble());
                 c.path = path;
                 const qint64 ms =
                     qint64(completed.value(QLatin1String("latest_ack_timestamp")).toDouble());
                 c.at = QDateTime::fromMSecsSinceEpoch(
                     ms > 0
                         ? ms
                         : qint64(completed.value(QLatin1String("trigger_timestamp")).toDouble()),
                     Qt::UTC);
                 const QJsonValue size = completed.contains(QLatin1String("checkpointed_size"))
                                             ? completed.value(QLatin1String("checkpointed_size"))
                                             : completed.value(QLatin1String("state_size"));
                 if (size.isDouble())
                     c.sizeBytes = qint64(size.toDouble());
             }
             done(c);
         });
}

} // namespace uis::dcplocal
