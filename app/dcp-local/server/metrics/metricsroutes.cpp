// SPDX-License-Identifier: Apache-2.0
#include "metricsroutes.h"

#include "httpapi.h"
#include "jobstore.h"
#include "metricsstore.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QSet>
#include <QUrlQuery>

namespace uis::dcplocal {

namespace {

using Status = QHttpServerResponder::StatusCode;

QHttpServerResponse error(Status status, const QString &code, const QString &message)
{
    return QHttpServerResponse(QByteArrayLiteral("application/json; charset=utf-8"),
                               HttpApi::errorBody(code, message), status);
}

} // namespace

QHttpServerResponse MetricsRoutes::get(const JobStore *jobs, const MetricsStore *metrics,
                                       const QString &id, const QHttpServerRequest &request)
{
    if (!jobs->find(id))
        return error(Status::NotFound, QStringLiteral("job_not_found"),
                     QStringLiteral("no job %1").arg(id));
    if (!metrics)
        return error(Status::ServiceUnavailable, QStringLiteral("metrics_unavailable"),
                     QStringLiteral("this dcp-local keeps no metrics"));
    const QUrlQuery query(request.url());
    qint64 since = QDateTime::currentMSecsSinceEpoch() - DefaultWindowMs;
    if (query.hasQueryItem(QStringLiteral("since"))) {
        const QString text = query.queryItemValue(QStringLiteral("since"), QUrl::FullyDecoded);
        const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!t.isValid())
            return error(Status::BadRequest, QStringLiteral("invalid_parameter"),
                         QStringLiteral("since: expected an ISO-8601 time such as "
                                        "2026-01-31T12:00:00Z, got `%1`")
                             .arg(text));
        since = t.toMSecsSinceEpoch();
    }
    QSet<QString> names;
    for (const QString &n :
         query.queryItemValue(QStringLiteral("names"), QUrl::FullyDecoded).split(QLatin1Char(',')))
        if (!n.trimmed().isEmpty())
            names.insert(n.trimmed());
    return QHttpServerResponse(
        QByteArrayLiteral("application/json; charset=utf-8"),
        QJsonDocument(metrics->series(id, since, names)).toJson(QJsonDocument::Compact));
}

} // namespace uis::dcplocal
