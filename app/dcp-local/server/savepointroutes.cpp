// SPDX-License-Identifier: Apache-2.0
#include "savepointroutes.h"

#include "httpapi.h"
#include "jobstore.h"
#include "snapshotmanager.h"
#include "targets/targetregistry.h"

#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace uis::dcplocal {

namespace {

using Status = QHttpServerResponder::StatusCode;

QHttpServerResponse json(const QJsonObject &o, Status status = Status::Ok)
{
    return QHttpServerResponse(QByteArrayLiteral("application/json; charset=utf-8"),
                               QJsonDocument(o).toJson(QJsonDocument::Compact), status);
}

QHttpServerResponse error(int status, const QString &code, const QString &message)
{
    return QHttpServerResponse(QByteArrayLiteral("application/json; charset=utf-8"),
                               HttpApi::errorBody(code, message), Status(status));
}

QHttpServerResponse error(const SnapshotProblem &p)
{
    return error(p.httpStatus, p.code, p.message);
}

QHttpServerResponse started(const SavepointRecord &r)
{
    return json(QJsonObject{{QStringLiteral("savepoint_id"), r.id},
                            {QStringLiteral("job_id"), r.jobId},
                            {QStringLiteral("origin"), r.origin},
                            {QStringLiteral("status"), r.status}},
                Status::Accepted);
}

/// The stop request's flags; an error message when the body is not `{"savepoint": b, "drain": b}`.
QString parseStop(const QByteArray &body, bool *savepoint, bool *drain)
{
    *savepoint = true;
    *drain = false;
    if (body.trimmed().isEmpty())
        return QString();
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return QStringLiteral(
            "the body must be a JSON object {\"savepoint\": true, \"drain\": false}");
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() != QLatin1String("savepoint") && it.key() != QLatin1String("drain"))
            return QStringLiteral("unknown key `%1` (stop takes `savepoint` and `drain`)")
                .arg(it.key());
        if (!it.value().isBool())
            return QStringLiteral("`%1` must be true or false").arg(it.key());
    }
    *savepoint = o.value(QLatin1String("savepoint")).toBool(true);
    *drain = o.value(QLatin1String("drain")).toBool(false);
    if (*drain && !*savepoint)
        return QStringLiteral("`drain` needs `savepoint`: a drained stop ends with a savepoint");
    return QString();
}

} // namespace

void SavepointRoutes::install(HttpApi *api, JobStore *store, TargetRegistry *targets)
{
    using Method = QHttpServerRequest::Method;
    QHttpServer *server = api->server();
    SnapshotManager *snapshots = targets->snapshots();

    server->route(
        QStringLiteral("/api/v1/jobs/<arg>/savepoints/<arg>"), Method::Delete,
        [api, snapshots](const QString &id, const QString &sid, const QHttpServerRequest &r) {
            if (!api->authorized(r))
                return HttpApi::unauthorized(r);
            QString user =
                r.query().queryItemValue(QStringLiteral("user"), QUrl::FullyDecoded).trimmed();
            if (user.isEmpty())
                user = QString::fromUtf8(r.value(QByteArrayLiteral("X-DCP-User"))).trimmed();
            SavepointRecord out;
            if (const auto p = snapshots->remove(id, sid, user.left(200), &out))
                return error(*p);
            return json(out.toJson());
        });
    server->route(QStringLiteral("/api/v1/jobs/<arg>/savepoints"), Method::Get,
                  [api, snapshots](const QString &id, const QHttpServerRequest &r) {
                      if (!api->authorized(r))
                          return HttpApi::unauthorized(r);
                      const auto list = snapshots->list(id);
                      if (!list)
                          return error(404, QStringLiteral("job_not_found"),
                                       QStringLiteral("no job with id `%1`").arg(id));
                      return json(QJsonObject{{QStringLiteral("job_id"), id},
                                              {QStringLiteral("savepoints"), *list}});
                  });
    server->route(QStringLiteral("/api/v1/jobs/<arg>/savepoints"), Method::Post,
                  [api, snapshots](const QString &id, const QHttpServerRequest &r) {
                      if (!api->authorized(r))
                          return HttpApi::unauthorized(r);
                      SavepointRecord out;
                      if (const auto p = snapshots->trigger(id, false, false, &out))
                          return error(*p);
                      return started(out);
                  });
    server->route(QStringLiteral("/api/v1/jobs/<arg>/stop"), Method::Post,
                  [api, store, targets, snapshots](const QString &id, const QHttpServerRequest &r) {
                      if (!api->authorized(r))
                          return HttpApi::unauthorized(r);
                      bool savepoint = true, drain = false;
                      if (const QString e = parseStop(r.body(), &savepoint, &drain); !e.isEmpty())
                          return error(400, QStringLiteral("invalid_request"), e);
                      if (!savepoint) { // a plain stop is a cancel
                          const JobRecord *rec = store->find(id);
                          if (!rec)
                              return error(404, QStringLiteral("job_not_found"),
                                           QStringLiteral("no job with id `%1`").arg(id));
                          if (targets->cancel(id) == JobRunner::CancelOutcome::AlreadyFinished)
                              return error(409, QStringLiteral("job_finished"),
                                           QStringLiteral("job `%1` has already finished").arg(id));
                          return json(
                              QJsonObject{{QStringLiteral("job_id"), id},
                                          {QStringLiteral("savepoint_id"), QJsonValue()},
                                          {QStringLiteral("status"), QStringLiteral("CANCELLING")}},
                              Status::Accepted);
                      }
                      SavepointRecord out;
                      if (const auto p = snapshots->trigger(id, true, drain, &out))
                          return error(*p);
                      return started(out);
                  });
}

} // namespace uis::dcplocal
