// SPDX-License-Identifier: Apache-2.0
#include "flinksessiontarget.h"

#include "jobrequest.h"
#include "jobstore.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTimer>

namespace uis::dcplocal {

namespace {

/// The root cause of a Java stack trace: its last `Caused by:`, else its first line.
QString rootCause(const QString &trace)
{
    const QStringList lines = trace.split(QLatin1Char('\n'));
    QString cause = lines.isEmpty() ? QString() : lines.first().trimmed();
    for (const QString &l : lines) {
        const QString t = l.trimmed();
        if (t.startsWith(QLatin1String("Caused by:")))
            cause = t.mid(10).trimmed();
    }
    return cause.left(1000);
}

QString timeOf(qint64 ms)
{
    return toRfc3339(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC));
}

bool waitingTasks(const QJsonObject &job)
{
    const QJsonObject counts = job.value(QLatin1String("status-counts")).toObject();
    for (const char *s : {"CREATED", "SCHEDULED", "DEPLOYING", "INITIALIZING", "RECONCILING"}) {
        if (counts.value(QLatin1String(s)).toInt() > 0)
            return true;
    }
    return false;
}

/// Tasks SCHEDULED: their slot is requested and not there yet (CREATED tasks of a batch job
/// wait for their inputs, not for slots).
bool slotRequested(const QJsonObject &job)
{
    return job.value(QLatin1String("status-counts"))
               .toObject()
               .value(QLatin1String("SCHEDULED"))
               .toInt() > 0;
}

/// Why a job's tasks wait, in Flink's words when it has any (its slot request's exception).
QString waitingReason(const QJsonObject &job, const QString &latestException)
{
    if (latestException.contains(QLatin1String("NoResourceAvailable")) ||
        latestException.contains(QLatin1String("slot"), Qt::CaseInsensitive))
        return latestException;
    const QJsonObject counts = job.value(QLatin1String("status-counts")).toObject();
    int waiting = 0, total = 0;
    for (auto it = counts.begin(); it != counts.end(); ++it) {
        total += it.value().toInt();
        if (it.key() == QLatin1String("SCHEDULED"))
            waiting += it.value().toInt();
    }
    return QStringLiteral("%1 of %2 tasks are SCHEDULED without a slot: no free slot on the "
                          "TaskManagers")
        .arg(waiting)
        .arg(total);
}

} // namespace

FlinkSessionTarget::FlinkSessionTarget(TargetSpec spec, JobStore *store, JobRunner *runner,
                                       int pollIntervalMs, QObject *parent)
    : ExecutionTarget(std::move(spec), store, runner, parent), m_pollIntervalMs(pollIntervalMs)
{
    connect(m_runner, &JobRunner::output, this, &FlinkSessionTarget::onOutput);
    connect(m_runner, &JobRunner::stateChanged, this, &FlinkSessionTarget::onStateChanged);
}

QUrl FlinkSessionTarget::api(const QString &path) const
{
    QUrl u = m_spec.restUrl;
    QString base = u.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    const qsizetype q = path.indexOf(QLatin1Char('?'));
    u.setPath(base + (q < 0 ? path : path.left(q)));
    if (q >= 0)
        u.setQuery(path.mid(q + 1));
    return u;
}

QString FlinkSessionTarget::uiUrl(const QString &flinkId) const
{
    QString base = m_spec.restUrl.toString(QUrl::StripTrailingSlash);
    return base + QStringLiteral("/#/job/running/") + flinkId;
}

LaunchOptions FlinkSessionTarget::launchOptions(const QString &id) const
{
    LaunchOptions o;
    o.remoteStatus = true;
    o.unlimited = true; // the cluster's slots are the limit, not this machine's cores
    const QUrl &u = m_spec.restUrl;
    o.flinkSettings << QStringLiteral("execution.target=remote")
                    << QStringLiteral("rest.address=%1").arg(u.host())
                    << QStringLiteral("rest.port=%1")
                           .arg(u.port(u.scheme() == QLatin1String("https") ? 443 : 8081));
    if (u.scheme() == QLatin1String("https"))
        o.flinkSettings << QStringLiteral("security.ssl.rest.enabled=true");
    if (const JobRecord *r = m_store->find(id))
        o.flinkSettings << QStringLiteral("pipeline.name=%1 [%2]").arg(r->status.name, id);
    return o;
}

QString FlinkSessionTarget::submit(const QString &id, const JobRequest &request)
{
    return submitWhenRoom(id, request);
}

void FlinkSessionTarget::requeue(const QString &id)
{
    requeueWhenRoom(id);
}

void FlinkSessionTarget::start(const QString &id, bool requeued)
{
    m_submitting.insert(id, {});
    if (requeued)
        m_runner->requeue(id, launchOptions(id));
    else
        m_runner->start(id, launchOptions(id));
    appendLog(
        id,
        QStringLiteral(
            "target %1 (flink-session): the Flink runner submits the job to the session cluster "
            "at %2; the job runs there")
            .arg(m_spec.name, m_spec.restUrl.toString()));
}

FitVerdict FlinkSessionTarget::fit(const ResourceRequest &request,
                                   const QList<ResourceRequest> &inFlight) const
{
    return ResourceFit::flink(m_spec.name, request, m_overview, m_taskManagers, inFlight);
}

bool FlinkSessionTarget::countedByEngine(const QString &id) const
{
    if (m_submitting.contains(id))
        return false;
    const auto f = m_followed.constFind(id);
    if (f == m_followed.cend())
        return true; // ended, or not followed: nothing of it is expected on the cluster
    // A job whose tasks still wait holds no slots yet.
    const JobRecord *r = m_store->find(id);
    return r && r->status.engineState == QLatin1String("RUNNING") && !f->waitingSince.isValid();
}

void FlinkSessionTarget::onOutput(const QString &id, const QByteArray &lines)
{
    auto it = m_submitting.find(id);
    if (it == m_submitting.end())
        return;
    static const QRegularExpression submittedRe(
        QStringLiteral("uis-runner: job ([0-9a-f]{32}) submitted"));
    static const QRegularExpression stateRe(
        QStringLiteral("uis-runner: job ([0-9a-f]{32}) state ([A-Z_]+)"));
    for (const QByteArray &raw : lines.split('\n')) {
        if (!raw.contains("uis-runner: job "))
            continue;
        const QString line = QString::fromUtf8(raw);
        if (const QRegularExpressionMatch m = submittedRe.match(line); m.hasMatch()) {
            it->append(m.captured(1));
            if (it->size() == 1) {
                if (const JobRecord *r = m_store->find(id)) {
                    JobStatus st = r->status;
                    st.engineJobId = m.captured(1);
                    st.uiUrl = uiUrl(m.captured(1));
                    st.engineState = QStringLiteral("SUBMITTED");
                    setStatus(id, st);
                }
            }
            continue;
        }
        const QRegularExpressionMatch m = stateRe.match(line);
        if (!m.hasMatch() || it->isEmpty() || m.captured(2) == QLatin1String("FAILED"))
            continue; // a failure is the runner's to report: it exits with the cause
        // Every INSERT of the script has been submitted once the runner watches their states.
        const QStringList ids = *it;
        m_submitting.erase(it);
        if (ids.size() > 1)
            appendLog(id, QStringLiteral(
                              "the script started %1 Flink jobs (%2); dcp-local follows the first")
                              .arg(ids.size())
                              .arg(ids.join(QStringLiteral(", "))));
        m_runner->detach(
            id,
            QStringLiteral("Flink job %1 is on the cluster at %2: the submitting runner is stopped "
                           "without cancelling it, and the JobManager's REST API is asked for its "
                           "state every %3 s")
                .arg(ids.first(), m_spec.restUrl.toString())
                .arg(m_pollIntervalMs / 1000.0));
        follow(id, ids.first(), 0);
        return;
    }
}

void FlinkSessionTarget::onStateChanged(const QString &id, JobState state)
{
    // The runner ended before the job reached the cluster (a bad script, no cluster): its
    // status stands, and there is nothing to follow.
    if (isTerminal(state))
        m_submitting.remove(id);
}

void FlinkSessionTarget::follow(const QString &id, const QString &flinkId, qint64 knownUntilMs)
{
    Followed f;
    f.flinkId = flinkId;
    f.lastExceptionMs = knownUntilMs;
    m_followed.insert(id, f);
    poll(id);
}

void FlinkSessionTarget::reattach(const QString &id)
{
    const JobRecord *r = m_store->find(id);
    if (!r || r->status.engineJobId.isEmpty())
        return;
    appendLog(id, QStringLiteral("dcp-local restarted: following Flink job %1 on %2 again")
                      .arg(r->status.engineJobId, m_spec.restUrl.toString()));
    // Exceptions up to the last confirmation are in the log already.
    follow(id, r->status.engineJobId,
           r->status.lastConfirmedAt.isValid() ? r->status.lastConfirmedAt.toMSecsSinceEpoch() : 0);
}

void FlinkSessionTarget::refresh()
{
    request(
        "GET", api(QStringLiteral("/overview")),
        [this](bool ok, int, const QJsonDocument &doc, const QString &error) {
            if (!ok) {
                setChecked(false, {}, error);
                return;
            }
            const QJsonObject o = doc.object();
            m_overview = o;
            setChecked(
                true,
                QJsonObject{
                    {QStringLiteral("flink_version"), o.value(QLatin1String("flink-version"))},
                    {QStringLiteral("taskmanagers"), o.value(QLatin1String("taskmanagers"))},
                    {QStringLiteral("slots_total"), o.value(QLatin1String("slots-total"))},
                    {QStringLiteral("slots_available"), o.value(QLatin1String("slots-available"))},
                    {QStringLiteral("jobs_running"), o.value(QLatin1String("jobs-running"))},
                    {QStringLiteral("jobs_finished"), o.value(QLatin1String("jobs-finished"))},
                    {QStringLiteral("jobs_cancelled"), o.value(QLatin1String("jobs-cancelled"))},
                    {QStringLiteral("jobs_failed"), o.value(QLatin1String("jobs-failed"))}});
            // The TaskManagers' sizes, then the jobs held for room get their chance.
            request("GET", api(QStringLiteral("/taskmanagers")),
                    [this](bool ok2, int, const QJsonDocument &tms, const QString &) {
                        if (ok2)
                            m_taskManagers =
                                tms.object().value(QLatin1String("taskmanagers")).toArray();
                        releaseHeld();
                    });
        });
    followAll();
}

void FlinkSessionTarget::followAll()
{
    if (m_followed.isEmpty() || m_askingOverview)
        return;
    m_askingOverview = true;
    request("GET", api(QStringLiteral("/jobs/overview")),
            [this](bool ok, int, const QJsonDocument &doc, const QString &) {
                m_askingOverview = false;
                const qint64 now = QDateTime::currentMSecsSinceEpoch();
                const QHash<QString, FlinkChangeTracker::Mark> marks =
                    ok ? FlinkChangeTracker::parse(doc.object())
                       : QHash<QString, FlinkChangeTracker::Mark>();
                const QStringList ids = m_followed.keys();
                for (const QString &id : ids) {
                    const auto f = m_followed.constFind(id);
                    if (f == m_followed.cend() || f->polling)
                        continue;
                    // Without an overview the full poll tells why (unreachable, a 404).
                    const auto m = marks.constFind(f->flinkId);
                    const bool full =
                        !ok ||
                        m_changes.needsFullPoll(id, m == marks.cend() ? nullptr : &*m, now) ||
                        f->lastJob.isEmpty();
                    if (full) {
                        poll(id);
                        continue;
                    }
                    // Unchanged since the last full poll: confirmed, and the time-based checks
                    // (recent failure, waiting for slots) advance as a full poll would make them.
                    const QJsonObject job = f->lastJob;
                    const int restarts = f->lastRestarts;
                    apply(id, job, restarts);
                }
            });
}

void FlinkSessionTarget::poll(const QString &id)
{
    auto it = m_followed.find(id);
    if (it == m_followed.end() || it->polling)
        return;
    it->polling = true;
    it->pollStartedMs = QDateTime::currentMSecsSinceEpoch();
    const QString flinkId = it->flinkId;
    request(
        "GET", api(QStringLiteral("/jobs/") + flinkId),
        [this, id, flinkId](bool ok, int status, const QJsonDocument &doc, const QString &error) {
            auto f = m_followed.find(id);
            if (f == m_followed.end())
                return;
            if (ok) {
                onJob(id, doc.object());
                return;
            }
            f->polling = false;
            if (status == 404) {
                // The JobManager answers and does not know the job: it was lost (a cluster
                // restarted without HA) or expired from its archive.
                if (const JobRecord *r = m_store->find(id); r && !isTerminal(r->status.state)) {
                    JobStatus st = r->status;
                    st.state = JobState::Failed;
                    st.engineState = QStringLiteral("NOT_FOUND");
                    st.finishedAt = QDateTime::currentDateTimeUtc();
                    st.lastConfirmedAt = st.finishedAt;
                    st.error =
                        QStringLiteral("the Flink cluster at %1 does not know job %2 any more")
                            .arg(m_spec.restUrl.toString(), flinkId);
                    appendLog(id, st.error);
                    setStatus(id, st);
                }
                m_followed.remove(id);
                m_changes.forget(id);
                return;
            }
            markUnreachable(id, error);
        });
}

void FlinkSessionTarget::onJob(const QString &id, const QJsonObject &job)
{
    const QString flinkId = m_followed.value(id).flinkId;
    request(
        "GET", api(QStringLiteral("/jobs/%1/exceptions?maxExceptions=20").arg(flinkId)),
        [this, id, job, flinkId](bool ok, int, const QJsonDocument &doc, const QString &) {
            if (!m_followed.contains(id))
                return;
            if (ok)
                logExceptions(id, doc.object());
            request(
                "GET", api(QStringLiteral("/jobs/%1/metrics?get=numRestarts").arg(flinkId)),
                [this, id, job, ok](bool ok2, int, const QJsonDocument &metrics, const QString &) {
                    auto f = m_followed.find(id);
                    if (f == m_followed.end())
                        return;
                    f->polling = false;
                    int restarts = 0;
                    if (ok2) {
                        for (const QJsonValue &v : metrics.array()) {
                            if (v.toObject().value(QLatin1String("id")).toString() ==
                                QLatin1String("numRestarts"))
                                restarts =
                                    v.toObject().value(QLatin1String("value")).toString().toInt();
                        }
                    }
                    f->lastJob = QJsonObject{
                        {QStringLiteral("state"), job.value(QLatin1String("state"))},
                        {QStringLiteral("status-counts"),
                         job.value(QLatin1String("status-counts"))},
                        {QStringLiteral("end-time"), job.value(QLatin1String("end-time"))}};
                    f->lastRestarts = restarts;
                    m_changes.polled(id, f->pollStartedMs, ok && ok2);
                    apply(id, job, restarts);
                });
        });
}

void FlinkSessionTarget::logExceptions(const QString &id, const QJsonObject &exceptions)
{
    auto f = m_followed.find(id);
    if (f == m_followed.end())
        return;
    QList<QJsonObject> fresh;
    const QJsonArray entries = exceptions.value(QLatin1String("exceptionHistory"))
                                   .toObject()
                                   .value(QLatin1String("entries"))
                                   .toArray();
    for (const QJsonValue &v : entries) {
        const QJsonObject e = v.toObject();
        if (qint64(e.value(QLatin1String("timestamp")).toDouble()) > f->lastExceptionMs)
            fresh.append(e);
    }
    // Newest first in the answer; oldest first in the log.
    std::sort(fresh.begin(), fresh.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(QLatin1String("timestamp")).toDouble() <
               b.value(QLatin1String("timestamp")).toDouble();
    });
    for (const QJsonObject &e : fresh) {
        const qint64 ts = qint64(e.value(QLatin1String("timestamp")).toDouble());
        const QString trace = e.value(QLatin1String("stacktrace")).toString();
        QString where = e.value(QLatin1String("taskName")).toString();
        const QString endpoint = e.value(QLatin1String("endpoint")).toString();
        if (!endpoint.isEmpty())
            where += QStringLiteral(" on ") + endpoint;
        const QString tm = e.value(QLatin1String("taskManagerId")).toString();
        if (!tm.isEmpty())
            where += QStringLiteral(" (TaskManager %1)").arg(tm);
        m_runner->appendLog(
            id, JobRunner::logLine(
                    QStringLiteral("Flink job %1 failure at %2%3 (JobManager exception "
                                   "history):")
                        .arg(f->flinkId, timeOf(ts),
                             where.isEmpty() ? QString() : QStringLiteral(" in ") + where)) +
                    trace.trimmed().toUtf8() + '\n');
        f->lastExceptionMs = qMax(f->lastExceptionMs, ts);
        f->latestException = rootCause(trace);
    }
    if (f->latestException.isEmpty()) {
        const QString root = exceptions.value(QLatin1String("root-exception")).toString();
        if (!root.isEmpty())
            f->latestException = rootCause(root);
    }
}

void FlinkSessionTarget::apply(const QString &id, const QJsonObject &job, int restarts)
{
    const Followed f = m_followed.value(id);
    const JobRecord *r = m_store->find(id);
    if (!r || isTerminal(r->status.state)) {
        m_followed.remove(id);
        m_changes.forget(id);
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString state = job.value(QLatin1String("state")).toString();
    JobStatus st = r->status;
    const bool wasUnreachable = st.engineState == QLatin1String("UNREACHABLE");
    st.lastConfirmedAt = now;
    st.engineJobId = f.flinkId;
    st.uiUrl = uiUrl(f.flinkId);
    const QString restarting = QStringLiteral("RESTARTING (%1 restart%2)")
                                   .arg(restarts)
                                   .arg(restarts == 1 ? QString() : QStringLiteral("s"));
    const bool recentFailure =
        f.lastExceptionMs > 0 && now.toMSecsSinceEpoch() - f.lastExceptionMs < 3 * m_pollIntervalMs;
    bool terminal = false;
    // Tasks without a slot (no restart to blame): since when, for `waiting_limit`.
    QString waiting;
    if (auto fw = m_followed.find(id); fw != m_followed.end()) {
        const bool unscheduled =
            (state == QLatin1String("RUNNING") || state == QLatin1String("CREATED")) &&
            restarts == 0 && slotRequested(job);
        if (!unscheduled)
            fw->waitingSince = QDateTime();
        else if (!fw->waitingSince.isValid())
            fw->waitingSince = now;
        waiting = waitedTooLong(fw->waitingSince, waitingReason(job, f.latestException));
    }
    if (state == QLatin1String("RUNNING")) {
        st.state = JobState::Running;
        // A job that keeps failing over is not a healthy RUNNING job, even between restarts.
        if (restarts > 0 && (recentFailure || waitingTasks(job))) {
            st.engineState = restarting;
            st.error = f.latestException;
        } else if (!waiting.isEmpty()) {
            st.engineState = waiting;
        } else {
            st.engineState = QStringLiteral("RUNNING");
            if (restarts > 0 && !f.latestException.isEmpty())
                st.error = QStringLiteral("recovered after %1 restart%2; last failure: %3")
                               .arg(restarts)
                               .arg(restarts == 1 ? QString() : QStringLiteral("s"))
                               .arg(f.latestException);
        }
    } else if (state == QLatin1String("RESTARTING")) {
        st.state = JobState::Running;
        st.engineState = restarting;
        st.error = f.latestException;
    } else if (state == QLatin1String("FINISHED") || state == QLatin1String("CANCELED") ||
               state == QLatin1String("FAILED")) {
        terminal = true;
        st.engineState = state;
        const qint64 end = qint64(job.value(QLatin1String("end-time")).toDouble());
        st.finishedAt = end > 0 ? QDateTime::fromMSecsSinceEpoch(end, Qt::UTC) : now;
        if (state == QLatin1String("FINISHED")) {
            st.state = JobState::Succeeded;
            st.error.clear();
        } else if (state == QLatin1String("CANCELED")) {
            st.state = JobState::Cancelled;
            st.error =
                f.cancelRequested
                    ? QString()
                    : QStringLiteral("cancelled on the Flink cluster (not through dcp-local)");
        } else {
            st.state = JobState::Failed;
            st.error = f.latestException.isEmpty() ? QStringLiteral("the Flink job failed")
                                                   : f.latestException;
        }
    } else {
        // CREATED, INITIALIZING, RECONCILING, FAILING, CANCELLING, SUSPENDED: not ended yet.
        if (st.state == JobState::Pending)
            st.state = JobState::Submitted;
        st.engineState = waiting.isEmpty() ? state : waiting;
    }
    if (!waiting.isEmpty() && r->status.engineState != waiting)
        appendLog(id, QStringLiteral("Flink job %1 has waited more than %2 s for slots: %3")
                          .arg(f.flinkId)
                          .arg(m_spec.waitingLimitMs / 1000.0)
                          .arg(waiting));
    if (wasUnreachable)
        appendLog(id, QStringLiteral("the Flink JobManager at %1 answers again: job %2 is %3")
                          .arg(m_spec.restUrl.toString(), f.flinkId, state));
    if (st.state != r->status.state && !terminal)
        appendLog(id, QStringLiteral("Flink job %1 is %2").arg(f.flinkId, state));
    if (terminal) {
        appendLog(id, QStringLiteral("Flink job %1 ended %2 (confirmed by the JobManager at %3)")
                          .arg(f.flinkId, state, m_spec.restUrl.toString()));
        setStatus(id, st);
        finish(id, f.flinkId);
        return;
    }
    setStatus(id, st);
}

void FlinkSessionTarget::markUnreachable(const QString &id, const QString &why)
{
    const JobRecord *r = m_store->find(id);
    if (!r || isTerminal(r->status.state) || r->status.engineState == QLatin1String("UNREACHABLE"))
        return;
    JobStatus st = r->status;
    st.engineState = QStringLiteral("UNREACHABLE");
    appendLog(id,
              QStringLiteral(
                  "the Flink JobManager cannot be reached (%1): the job keeps its last confirmed "
                  "status (%2 at %3) until it answers")
                  .arg(why, jobStateName(st.state), toRfc3339(st.lastConfirmedAt)));
    setStatus(id, st);
}

JobRunner::CancelOutcome FlinkSessionTarget::cancel(const QString &id)
{
    auto f = m_followed.find(id);
    if (f == m_followed.end()) {
        // Not on the cluster yet: the runner (which cancels what it submitted on SIGTERM), or
        // the queue.
        return m_runner->cancel(id);
    }
    if (!f->cancelRequested) {
        f->cancelRequested = true;
        const QString flinkId = f->flinkId;
        appendLog(id, QStringLiteral("cancel requested: PATCH %1/jobs/%2?mode=cancel")
                          .arg(m_spec.restUrl.toString(QUrl::StripTrailingSlash), flinkId));
        request("PATCH", api(QStringLiteral("/jobs/%1?mode=cancel").arg(flinkId)),
                [this, id](bool ok, int, const QJsonDocument &, const QString &error) {
                    auto g = m_followed.find(id);
                    if (g == m_followed.end())
                        return;
                    if (!ok) {
                        g->cancelRequested = false;
                        appendLog(id, QStringLiteral("the cancel was not accepted: %1").arg(error));
                        return;
                    }
                    QTimer::singleShot(300, this, [this, id] { poll(id); });
                });
    }
    return JobRunner::CancelOutcome::Terminating;
}

void FlinkSessionTarget::finish(const QString &id, const QString &flinkId)
{
    m_followed.remove(id);
    m_changes.forget(id);
    copyTaskManagerLogs(id, flinkId);
}

void FlinkSessionTarget::copyTaskManagerLogs(const QString &id, const QString &flinkId)
{
    // What the TaskManagers logged about the job (JobLeaderService, task deployment) outlives
    // the cluster's memory of it in the job's own log.
    request("GET", api(QStringLiteral("/taskmanagers")),
            [this, id, flinkId](bool ok, int, const QJsonDocument &doc, const QString &) {
                if (!ok)
                    return;
                for (const QJsonValue &v :
                     doc.object().value(QLatin1String("taskmanagers")).toArray()) {
                    const QString tm = v.toObject().value(QLatin1String("id")).toString();
                    if (tm.isEmpty())
                        continue;
                    requestText(
                        api(QStringLiteral("/taskmanagers/%1/log").arg(tm)), 8 * 1024 * 1024,
                        [this, id, flinkId, tm](bool ok2, int, const QByteArray &body,
                                                const QString &) {
                            if (!ok2)
                                return;
                            QByteArray lines;
                            int n = 0;
                            for (const QByteArray &l : body.split('\n')) {
                                if (l.contains(flinkId.toLatin1()) && n++ < 200)
                                    lines += "  " + l + '\n';
                            }
                            if (lines.isEmpty())
                                return;
                            m_runner->appendLog(
                                id, JobRunner::logLine(
                                        QStringLiteral("TaskManager %1 log lines of Flink job %2:")
                                            .arg(tm, flinkId)) +
                                        lines);
                        });
                }
            });
}

} // namespace uis::dcplocal
