// SPDX-License-Identifier: Apache-2.0
#include "httpapi.h"

#include "alerts/alertmanager.h"
#include "jobrequest.h"
#include "jobrunner.h"
#include "jobstore.h"
#include "metrics/metricsroutes.h"
#include "microbatchschedule.h"
#include "openapidocument.h"
#include "savepointroutes.h"
#include "snapshotmanager.h"
#include "targets/executiontarget.h"
#include "targets/targetregistry.h"

#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrlQuery>

namespace uis::dcplocal {

namespace {

using Status = QHttpServerResponder::StatusCode;

const QByteArray kJson = QByteArrayLiteral("application/json; charset=utf-8");
constexpr qint64 kDefaultLogLimit = 64 * 1024;
constexpr qint64 kMaxLogLimit = 1024 * 1024;

QHttpServerResponse json(const QByteArray &body, Status status = Status::Ok)
{
    return QHttpServerResponse(kJson, body, status);
}

QHttpServerResponse error(Status status, const QString &code, const QString &message, const QJsonArray &details = {})
{
    return json(HttpApi::errorBody(code, message, details), status);
}

QString newJobId()
{
    // 64 random bits: short enough to type, far too many to guess or collide.
    return QStringLiteral("job-%1").arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
}

/// Parses a non-negative integer query value; nullopt when malformed.
std::optional<qint64> parseCount(const QString &text)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < 0)
        return std::nullopt;
    return v;
}

/// Shortens `n` so that the range does not end inside a UTF-8 sequence.
qint64 utf8Boundary(const QByteArray &data, qint64 n)
{
    qint64 i = n;
    int back = 0;
    while (i > 0 && back < 4 && (uchar(data[i - 1]) & 0xC0) == 0x80) {
        --i;
        ++back;
    }
    if (i == 0)
        return n;
    const uchar lead = uchar(data[i - 1]);
    const int len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (len > 1 && (i - 1) + len > n)
        return i - 1 > 0 ? i - 1 : n;
    return n;
}

} // namespace

HttpApi::HttpApi(JobStore *store, TargetRegistry *targets, QByteArray token, qint64 maxBodyBytes,
                 QObject *parent)
    : QObject(parent), m_store(store), m_targets(targets), m_expectedAuth("Bearer " + token),
      m_maxBodyBytes(maxBodyBytes), m_upgradeCheck(store, QString())
{
    setupRoutes();
}

QByteArray HttpApi::errorBody(const QString &code, const QString &message, const QJsonArray &details)
{
    QJsonObject e{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    e.insert(QStringLiteral("details"), details);
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), e}}).toJson(QJsonDocument::Compact);
}

void HttpApi::setupRoutes()
{
    using Method = QHttpServerRequest::Method;
    // The longer paths first, so that `<arg>` never swallows "/logs" or "/savepoints".
    SavepointRoutes::install(this, m_store, m_targets);
    m_server.route(QStringLiteral("/api/v1/jobs/<arg>/logs"), Method::Get,
                   [this](const QString &id, const QHttpServerRequest &r) { return logs(id, r); });
    m_server.route(QStringLiteral("/api/v1/jobs/<arg>/runs"), Method::Get,
                   [this](const QString &id, const QHttpServerRequest &r) {
                       if (!authorized(r))
                           return unauthorized(r);
                       if (!m_store->find(id))
                           return error(Status::NotFound, QStringLiteral("job_not_found"),
                                        QStringLiteral("no job %1").arg(id));
                       const QJsonObject runs =
                           m_schedules ? m_schedules->runsJson(id)
                                       : QJsonObject{{QStringLiteral("job_id"), id},
                                                     {QStringLiteral("scheduled"), false},
                                                     {QStringLiteral("runs"), QJsonArray()}};
                       return json(QJsonDocument(runs).toJson(QJsonDocument::Compact));
                   });
    m_server.route(QStringLiteral("/api/v1/jobs/<arg>/metrics"), Method::Get,
                   [this](const QString &id, const QHttpServerRequest &r) {
                       return authorized(r) ? MetricsRoutes::get(m_store, m_metrics, id, r)
                                            : unauthorized(r);
                   });
    m_server.route(QStringLiteral("/api/v1/jobs/<arg>/upgrade-check"), Method::Post,
                   [this](const QString &id, const QHttpServerRequest &r) {
                       return authorized(r) ? m_upgradeCheck.handle(id, r)
                                            : QtFuture::makeReadyFuture(unauthorized(r));
                   });
    m_server.route(QStringLiteral("/api/v1/jobs/<arg>"), Method::Get,
                   [this](const QString &id, const QHttpServerRequest &r) { return status(id, r); });
    m_server.route(QStringLiteral("/api/v1/jobs/<arg>"), Method::Delete,
                   [this](const QString &id, const QHttpServerRequest &r) { return cancel(id, r); });
    m_server.route(QStringLiteral("/api/v1/jobs"), Method::Post, [this](const QHttpServerRequest &r) { return submit(r); });
    m_server.route(QStringLiteral("/api/v1/jobs"), Method::Get, [this](const QHttpServerRequest &r) { return list(r); });
    m_server.route(QStringLiteral("/api/v1/alerts"), Method::Get,
                   [this](const QHttpServerRequest &r) { return alerts(r); });
    m_server.route(QStringLiteral("/api/v1/alerts/test"), Method::Post,
                   [this](const QHttpServerRequest &r) { return testAlert(r); });
    m_server.route(QStringLiteral("/api/v1/targets"), Method::Get,
                   [this](const QHttpServerRequest &r) { return targets(r); });
    // The contract (OpenAPI 3.1), without a token: clients and tools read it before they have one.
    m_server.route(QString::fromLatin1(OpenApiDocument::kPath), Method::Get,
                   [] { return json(OpenApiDocument::json()); });

    m_server.afterRequest([](QHttpServerResponse &&response) {
        response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
        return std::move(response);
    });

    m_server.setMissingHandler([](const QHttpServerRequest &request,
                                  QHttpServerResponder &&responder) {
        static const QRegularExpression known(
            QStringLiteral("^/api/v1/(jobs(/[^/]+(/logs|/metrics|/runs|/stop|/upgrade-check|/"
                           "savepoints(/[^/]+)?)?)?|"
                           "targets|alerts(/test)?)$"));
        const QString path = request.url().path();
        if (known.match(path).hasMatch()) {
            responder.write(errorBody(QStringLiteral("method_not_allowed"),
                                      QStringLiteral("%1 is not allowed on %2")
                                          .arg(QString::fromLatin1(QMetaEnum::fromType<QHttpServerRequest::Method>()
                                                                       .valueToKey(int(request.method())))
                                                   .toUpper(),
                                               path)),
                            {{QByteArrayLiteral("Content-Type"), kJson}}, Status::MethodNotAllowed);
            return;
        }
        responder.write(errorBody(QStringLiteral("not_found"),
                                  QStringLiteral("no such endpoint: %1 (the API is under /api/v1/jobs)").arg(path)),
                        {{QByteArrayLiteral("Content-Type"), kJson}}, Status::NotFound);
    });
}

bool HttpApi::authorized(const QHttpServerRequest &request) const
{
    const QByteArray given = request.value(QByteArrayLiteral("Authorization"));
    if (given.size() != m_expectedAuth.size())
        return false;
    // Constant time, so the comparison does not leak how much of a guess was right.
    uchar diff = 0;
    for (qsizetype i = 0; i < given.size(); ++i)
        diff |= uchar(given[i]) ^ uchar(m_expectedAuth[i]);
    return diff == 0;
}

QHttpServerResponse HttpApi::unauthorized(const QHttpServerRequest &request)
{
    const bool missing = request.value(QByteArrayLiteral("Authorization")).isEmpty();
    return error(Status::Unauthorized, QStringLiteral("unauthorized"),
                 missing ? QStringLiteral("missing bearer token: send `Authorization: Bearer <token>` (the token is "
                                          "in the data directory of dcp-local, file `token`)")
                         : QStringLiteral("token rejected"));
}

QHttpServerResponse HttpApi::submit(const QHttpServerRequest &request)
{
    if (!authorized(request))
        return unauthorized(request);
    const qint64 declared = request.value(QByteArrayLiteral("Content-Length")).toLongLong();
    const QByteArray body = request.body();
    if (declared > m_maxBodyBytes || body.size() > m_maxBodyBytes)
        return error(Status::PayloadTooLarge, QStringLiteral("payload_too_large"),
                     QStringLiteral("the request body is %1 bytes; the limit is %2 bytes")
                         .arg(qMax<qint64>(declared, body.size()))
                         .arg(m_maxBodyBytes));

    const QString key = QString::fromUtf8(request.value(QByteArrayLiteral("Idempotency-Key"))).trimmed();
    if (key.size() > 255)
        return error(Status::BadRequest, QStringLiteral("invalid_idempotency_key"),
                     QStringLiteral("Idempotency-Key is longer than 255 characters"));
    auto created = [](const JobRecord &r, bool replayed) {
        const QByteArray b = QJsonDocument(QJsonObject{{QStringLiteral("job_id"), r.status.jobId},
                                                       {QStringLiteral("status"), jobStateName(r.status.state)},
                                                       {QStringLiteral("created_at"), toRfc3339(r.status.createdAt)}})
                                 .toJson(QJsonDocument::Compact);
        QHttpServerResponse resp = json(b, Status::Created);
        resp.setHeader(QByteArrayLiteral("Location"), (QStringLiteral("/api/v1/jobs/") + r.status.jobId).toUtf8());
        if (replayed)
            resp.setHeader(QByteArrayLiteral("Idempotent-Replayed"), QByteArrayLiteral("true"));
        return resp;
    };
    if (!key.isEmpty()) {
        if (const JobRecord *first = m_store->findByIdempotencyKey(key))
            return created(*first, true);
    }

    JobRequest req;
    if (const auto problem = JobRequest::parse(body, &req))
        return error(problem->httpStatus == 422 ? Status::UnprocessableEntity : Status::BadRequest, problem->code,
                     problem->message, problem->details);

    // What the job starts from (config.restore), refused before anything is stored.
    SnapshotSettings snapshots;
    if (const auto problem = m_targets->snapshots()->plan(req, &snapshots))
        return error(Status(problem->httpStatus), problem->code, problem->message,
                     {QJsonObject{{QStringLiteral("pointer"), QStringLiteral("/config/restore")},
                                  {QStringLiteral("message"), problem->message}}});

    QString targetError;
    ExecutionTarget *target = m_targets->pick(req.target, req.engine, &targetError);
    if (!target)
        return error(Status::BadRequest, QStringLiteral("invalid_target"), targetError,
                     {QJsonObject{{QStringLiteral("pointer"), QStringLiteral("/config/target")},
                                  {QStringLiteral("message"), targetError}}});
    if (!target->isReachable()) {
        // Nothing is stored: the client keeps its request and may send it again.
        target->refresh();
        return error(Status::ServiceUnavailable, QStringLiteral("target_unreachable"),
                     QStringLiteral("target `%1` (%2) cannot be reached: %3; the job was not stored, submit it again "
                                    "when the cluster is back")
                         .arg(target->name(), target->spec().kindName(), target->problem()));
    }
    // A job the cluster can never hold is refused here, not left waiting forever (or scaled
    // down, with a warning, on a target with `fit_resources: true`).
    QString fitWarning;
    if (const auto problem = target->admit(&req, &fitWarning))
        return error(Status::UnprocessableEntity, problem->code, problem->message,
                     problem->details);

    JobRecord r;
    QString id;
    do {
        id = newJobId();
    } while (m_store->find(id));
    r.status.jobId = id;
    r.status.name = req.name;
    r.status.team = req.team;
    r.status.user = req.user;
    r.status.engine = req.engine;
    r.status.jobType = req.jobType;
    r.status.state = JobState::Pending;
    r.status.engineState = QStringLiteral("QUEUED");
    r.status.target = target->name();
    r.status.createdAt = QDateTime::currentDateTimeUtc();
    r.idempotencyKey = key;
    r.request = req.storedBody;
    r.fitWarning = fitWarning;
    const JobRecord *stored = nullptr;
    if (const QString e = m_store->insert(std::move(r), &stored); !e.isEmpty())
        return error(Status::InternalServerError, QStringLiteral("internal"), e);
    QString e = m_targets->snapshots()->commit(id, req, snapshots);
    if (e.isEmpty())
        e = target->submit(id, req);
    if (!e.isEmpty()) {
        JobStatus s = stored->status;
        s.state = JobState::Failed;
        s.finishedAt = QDateTime::currentDateTimeUtc();
        s.error = e;
        m_store->update(id, s);
        return error(Status::InternalServerError, QStringLiteral("internal"), e);
    }
    return created(*stored, false);
}

QHttpServerResponse HttpApi::status(const QString &id, const QHttpServerRequest &request)
{
    if (!authorized(request))
        return unauthorized(request);
    const JobRecord *r = m_store->find(id);
    if (!r)
        return error(Status::NotFound, QStringLiteral("job_not_found"), QStringLiteral("no job with id `%1`").arg(id));
    return json(r->json());
}

QHttpServerResponse HttpApi::list(const QHttpServerRequest &request)
{
    if (!authorized(request))
        return unauthorized(request);
    const QUrlQuery q = request.query();
    JobQuery query;
    query.status = q.queryItemValue(QStringLiteral("status"), QUrl::FullyDecoded);
    query.team = q.queryItemValue(QStringLiteral("team"), QUrl::FullyDecoded);
    query.user = q.queryItemValue(QStringLiteral("user"), QUrl::FullyDecoded);
    if (!query.status.isEmpty() && parseJobState(query.status) == JobState::Unknown)
        return error(Status::BadRequest, QStringLiteral("invalid_parameter"),
                     QStringLiteral("status must be one of PENDING, SUBMITTED, RUNNING, SUCCEEDED, FAILED, CANCELLED"));
    if (q.hasQueryItem(QStringLiteral("limit"))) {
        const auto limit = parseCount(q.queryItemValue(QStringLiteral("limit")));
        if (!limit || *limit < 1)
            return error(Status::BadRequest, QStringLiteral("invalid_parameter"),
                         QStringLiteral("limit must be an integer from 1 to 500"));
        query.limit = int(qMin<qint64>(*limit, 500));
    }
    if (const QString cursor = q.queryItemValue(QStringLiteral("cursor")); !cursor.isEmpty()) {
        const auto c = parseCount(cursor);
        if (!c || *c < 1)
            return error(Status::BadRequest, QStringLiteral("invalid_parameter"),
                         QStringLiteral("cursor is not one this server returned"));
        query.beforeSeq = *c;
    }
    qint64 next = 0;
    const QList<const JobRecord *> jobs = m_store->list(query, &next);
    QByteArray body;
    body.reserve(jobs.size() * 400 + 64);
    body += "{\"jobs\":[";
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        if (i)
            body += ',';
        body += jobs[i]->json();
    }
    body += "],\"next_cursor\":";
    body += next > 0 ? '"' + QByteArray::number(next) + '"' : QByteArrayLiteral("null");
    body += '}';
    return json(body);
}

QHttpServerResponse HttpApi::cancel(const QString &id, const QHttpServerRequest &request)
{
    if (!authorized(request))
        return unauthorized(request);
    switch (m_targets->cancel(id)) {
    case JobRunner::CancelOutcome::NotFound:
        return error(Status::NotFound, QStringLiteral("job_not_found"), QStringLiteral("no job with id `%1`").arg(id));
    case JobRunner::CancelOutcome::AlreadyFinished: {
        const JobRecord *r = m_store->find(id);
        return error(Status::Conflict, QStringLiteral("job_finished"),
                     QStringLiteral("job `%1` has already finished (%2); it cannot be cancelled")
                         .arg(id, jobStateName(r->status.state)));
    }
    case JobRunner::CancelOutcome::Cancelled:
    case JobRunner::CancelOutcome::Terminating:
        break;
    }
    return json(m_store->find(id)->json(), Status::Accepted);
}

QHttpServerResponse HttpApi::targets(const QHttpServerRequest &request)
{
    if (!authorized(request))
        return unauthorized(request);
    return json(QJsonDocument(m_targets->toJson()).toJson(QJsonDocument::Compact));
}

QHttpServerResponse HttpApi::logs(const QString &id, const QHttpServerRequest &request)
{
    if (!authorized(request))
        return unauthorized(request);
    const JobRecord *r = m_store->find(id);
    if (!r)
        return error(Status::NotFound, QStringLiteral("job_not_found"), QStringLiteral("no job with id `%1`").arg(id));
    const QUrlQuery q = request.query();
    qint64 offset = 0;
    qint64 limit = kDefaultLogLimit;
    if (q.hasQueryItem(QStringLiteral("offset"))) {
        const auto o = parseCount(q.queryItemValue(QStringLiteral("offset")));
        if (!o)
            return error(Status::BadRequest, QStringLiteral("invalid_parameter"),
                         QStringLiteral("offset must be a non-negative integer (a byte offset)"));
        offset = *o;
    }
    if (q.hasQueryItem(QStringLiteral("limit"))) {
        const auto l = parseCount(q.queryItemValue(QStringLiteral("limit")));
        if (!l || *l < 1)
            return error(Status::BadRequest, QStringLiteral("invalid_parameter"),
                         QStringLiteral("limit must be a positive integer (bytes, at most 1 MiB)"));
        limit = qMin(*l, kMaxLogLimit);
    }
    // Terminal first, then the size: a log that is complete cannot grow after this point.
    const bool terminal = isTerminal(r->status.state);
    QFile f(m_store->logPath(id));
    QByteArray data;
    qint64 size = 0;
    if (f.open(QIODevice::ReadOnly)) {
        size = f.size();
        offset = qMin(offset, size);
        f.seek(offset);
        data = f.read(qMin(limit, size - offset));
        if (offset + data.size() < size)
            data.truncate(utf8Boundary(data, data.size()));
    }
    const qint64 next = offset + data.size();
    const bool complete = terminal && next >= size;
    if (request.value(QByteArrayLiteral("Accept")).startsWith("text/plain")) {
        QHttpServerResponse resp(QByteArrayLiteral("text/plain; charset=utf-8"), data, Status::Ok);
        resp.setHeader(QByteArrayLiteral("X-Offset"), QByteArray::number(offset));
        resp.setHeader(QByteArrayLiteral("X-Next-Offset"), QByteArray::number(next));
        resp.setHeader(QByteArrayLiteral("X-Complete"), complete ? QByteArrayLiteral("true") : QByteArrayLiteral("false"));
        return resp;
    }
    const QJsonObject o{{QStringLiteral("job_id"), id},
                        {QStringLiteral("offset"), offset},
                        {QStringLiteral("next_offset"), next},
                        {QStringLiteral("complete"), complete},
                        {QStringLiteral("data"), QString::fromUtf8(data)}};
    return json(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace uis::dcplocal

namespace uis::dcplocal {

QHttpServerResponse HttpApi::alerts(const QHttpServerRequest &request)
{
    if (!authorized(request))
        return unauthorized(request);
    const QJsonObject body = m_alerts ? m_alerts->toJson()
                                      : QJsonObject{{QStringLiteral("alerts"), QJsonArray()},
                                                    {QStringLiteral("tests"), QJsonArray()},
                                                    {QStringLiteral("rules"), QJsonArray()}};
    return json(QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QHttpServerResponse HttpApi::testAlert(const QHttpServerRequest &request)
{
    if (!authorized(request))
        return unauthorized(request);
    const QJsonDocument doc = QJsonDocument::fromJson(request.body());
    const QString rule = doc.object().value(QStringLiteral("rule")).toString();
    if (!doc.isObject() || rule.isEmpty())
        return error(Status::BadRequest, QStringLiteral("invalid_json"),
                     QStringLiteral("the body must be {\"rule\": \"<rule name>\"}"));
    if (!m_alerts)
        return error(
            Status::NotFound, QStringLiteral("rule_not_found"),
            QStringLiteral("this dcp-local has no alert rules (start it with --alerts FILE)"));
    if (!m_alerts->test(rule))
        return error(Status::NotFound, QStringLiteral("rule_not_found"),
                     QStringLiteral("no alert rule `%1`").arg(rule));
    return json(QJsonDocument(QJsonObject{{QStringLiteral("rule"), rule},
                                          {QStringLiteral("status"), QStringLiteral("sent")}})
                    .toJson(QJsonDocument::Compact),
                Status::Accepted);
}

} // namespace uis::dcplocal
