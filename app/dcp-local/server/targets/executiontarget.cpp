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

FitVerdict ExecutionTarget::fit(const ResourceRequest &request,
                                const QList<ResourceRequest> &inFlight) const
{
    Q_UNUSED(request)
    Q_UNUSED(inFlight)
    return FitVerdict{};
}

bool ExecutionTarget::countedByEngine(const QString &id) const
{
    Q_UNUSED(id)
    return true;
}

void ExecutionTarget::start(const QString &id, bool requeued)
{
    if (requeued)
        m_runner->requeue(id);
    else
        m_runner->start(id);
}

std::optional<RequestProblem> ExecutionTarget::admit(JobRequest *request, QString *warning) const
{
    if (!hasFigures())
        return std::nullopt; // the first check has not answered: decided when it has
    const FitVerdict v = fit(ResourceRequest::of(*request), {});
    if (v.kind != FitVerdict::Kind::Never)
        return std::nullopt;
    if (!m_spec.fitResources || !v.canScale) {
        const QString message =
            m_spec.fitResources
                ? v.message + QStringLiteral(" (too small to scale the job down to)")
                : v.message + QStringLiteral("; the job was not stored (a target with "
                                             "`fit_resources: true` scales such a job down)");
        return RequestProblem{422,
                              QStringLiteral("does_not_fit"),
                              message,
                              {QJsonObject{{QStringLiteral("pointer"), QStringLiteral("/config")},
                                           {QStringLiteral("message"), v.message}}}};
    }
    v.fitted.applyTo(request);
    *warning = QStringLiteral("scaled down to fit target %1: %2 (%3)")
                   .arg(m_spec.name, v.changes.join(QStringLiteral(", ")), v.message);
    return std::nullopt;
}

QList<ResourceRequest> ExecutionTarget::inFlight() const
{
    QList<ResourceRequest> out;
    for (auto it = m_demand.cbegin(); it != m_demand.cend(); ++it) {
        const JobRecord *r = m_store->find(it.key());
        if (r && !isTerminal(r->status.state) && !countedByEngine(it.key()))
            out.append(*it);
    }
    return out;
}

QString ExecutionTarget::submitWhenRoom(const QString &id, const JobRequest &request)
{
    if (const QString e = m_runner->prepare(id, request); !e.isEmpty())
        return e;
    const JobRecord *r = m_store->find(id);
    if (r && !r->fitWarning.isEmpty())
        appendLog(id, QStringLiteral("WARNING: ") + r->fitWarning);
    const Held held{ResourceRequest::of(request), false};
    const FitVerdict v = hasFigures() ? fit(held.resources, inFlight())
                                      : FitVerdict{FitVerdict::Kind::Later,
                                                   QStringLiteral("the first check of the cluster "
                                                                  "has not answered yet"),
                                                   {},
                                                   false,
                                                   {}};
    if (v.kind == FitVerdict::Kind::Fits) {
        m_demand.insert(id, held.resources);
        start(id, false);
    } else {
        hold(id, held, v.message);
    }
    return QString();
}

void ExecutionTarget::requeueWhenRoom(const QString &id)
{
    const JobRecord *r = m_store->find(id);
    if (!r)
        return;
    // Decided at the first check after the restart, with the cluster's figures of then.
    hold(id, Held{ResourceRequest::ofJobDir(r->status.engine, m_store->jobDir(id)), true},
         QStringLiteral("queued again after a restart of dcp-local; the cluster is checked "
                        "first"));
}

void ExecutionTarget::hold(const QString &id, const Held &held, const QString &why)
{
    if (!m_held.contains(id))
        m_heldOrder.append(id);
    m_held.insert(id, held);
    const JobRecord *r = m_store->find(id);
    if (!r)
        return;
    JobStatus st = r->status;
    st.engineState = ResourceFit::waitingState(why);
    appendLog(id, QStringLiteral("target %1: the job waits for room on the cluster (%2); it is "
                                 "submitted when a check of the cluster finds it")
                      .arg(m_spec.name, why));
    setStatus(id, st);
}

void ExecutionTarget::releaseHeld()
{
    const QStringList order = m_heldOrder;
    for (const QString &id : order) {
        const JobRecord *r = m_store->find(id);
        if (!r || r->status.state != JobState::Pending) {
            m_heldOrder.removeAll(id); // cancelled while it waited
            m_held.remove(id);
            continue;
        }
        const Held held = m_held.value(id);
        const FitVerdict v = fit(held.resources, inFlight());
        if (v.kind == FitVerdict::Kind::Later) {
            const QString state = ResourceFit::waitingState(v.message);
            if (r->status.engineState != state) {
                JobStatus st = r->status;
                st.engineState = state;
                setStatus(id, st);
            }
            continue;
        }
        m_heldOrder.removeAll(id);
        m_held.remove(id);
        if (v.kind == FitVerdict::Kind::Never) {
            // Only when the cluster shrank (or was not known at submit): it will not get room.
            JobStatus st = r->status;
            st.state = JobState::Failed;
            st.engineState = QStringLiteral("NOT_STARTED");
            st.finishedAt = QDateTime::currentDateTimeUtc();
            st.error = v.message;
            appendLog(id, st.error);
            setStatus(id, st);
            continue;
        }
        appendLog(
            id,
            QStringLiteral("target %1 has room for the job now: submitting it").arg(m_spec.name));
        JobStatus st = r->status;
        st.engineState = QStringLiteral("QUEUED");
        setStatus(id, st);
        m_demand.insert(id, held.resources);
        start(id, held.requeued);
    }
    for (auto it = m_demand.begin(); it != m_demand.end();) {
        const JobRecord *r = m_store->find(it.key());
        if (!r || isTerminal(r->status.state))
            it = m_demand.erase(it);
        else
            ++it;
    }
}

QString ExecutionTarget::waitedTooLong(const QDateTime &waitingSince, const QString &reason) const
{
    if (!waitingSince.isValid() ||
        waitingSince.msecsTo(QDateTime::currentDateTimeUtc()) < m_spec.waitingLimitMs)
        return QString();
    return ResourceFit::waitingState(reason);
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
        {QStringLiteral("fit_resources"), m_spec.fitResources},
        {QStringLiteral("waiting_limit_seconds"), m_spec.waitingLimitMs / 1000.0},
        // Where interactive previews and test runs on this target go (`uisctl preview --target`).
        {QStringLiteral("spark_connect"),
         m_spec.sparkConnect.isValid() ? QJsonValue(m_spec.sparkConnect.toString()) : QJsonValue()},
        {QStringLiteral("sql_gateway"),
         m_spec.sqlGateway.isValid() ? QJsonValue(m_spec.sqlGateway.toString()) : QJsonValue()},
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
