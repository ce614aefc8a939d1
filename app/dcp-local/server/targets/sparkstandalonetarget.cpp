// SPDX-License-Identifier: Apache-2.0
#include "sparkstandalonetarget.h"

#include "jobrequest.h"
#include "jobstore.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTimer>

namespace uis::dcplocal {

SparkStandaloneTarget::SparkStandaloneTarget(TargetSpec spec, JobStore *store, JobRunner *runner,
                                             QObject *parent)
    : ExecutionTarget(std::move(spec), store, runner, parent)
{
    connect(m_runner, &JobRunner::output, this, &SparkStandaloneTarget::onOutput);
    connect(m_runner, &JobRunner::stateChanged, this, &SparkStandaloneTarget::onStateChanged);
}

LaunchOptions SparkStandaloneTarget::launchOptions() const
{
    LaunchOptions o;
    o.sparkMaster = m_spec.master.toString();
    o.unlimited = true; // the driver is small; the cluster's workers do the work
    return o;
}

QString SparkStandaloneTarget::appUrl(const QString &appId) const
{
    return m_spec.masterUi.toString(QUrl::StripTrailingSlash) + QStringLiteral("/app/?appId=") +
           appId;
}

QString SparkStandaloneTarget::submit(const QString &id, const JobRequest &request)
{
    return submitWhenRoom(id, request);
}

void SparkStandaloneTarget::requeue(const QString &id)
{
    requeueWhenRoom(id);
}

void SparkStandaloneTarget::start(const QString &id, bool requeued)
{
    m_apps.insert(id, QString());
    if (requeued)
        m_runner->requeue(id, launchOptions());
    else
        m_runner->start(id, launchOptions());
    appendLog(
        id, QStringLiteral(
                "target %1 (spark-standalone): the driver runs here in client mode, the executors "
                "on the workers of %2")
                .arg(m_spec.name, m_spec.master.toString()));
}

FitVerdict SparkStandaloneTarget::fit(const ResourceRequest &request,
                                      const QList<ResourceRequest> &inFlight) const
{
    return ResourceFit::spark(m_spec.name, request, m_master, inFlight);
}

bool SparkStandaloneTarget::countedByEngine(const QString &id) const
{
    const QString app = m_apps.value(id);
    if (!m_apps.contains(id))
        return true; // ended
    if (app.isEmpty())
        return false; // the driver has not registered yet
    for (const QJsonValue &v : m_master.value(QLatin1String("activeapps")).toArray()) {
        const QJsonObject a = v.toObject();
        if (a.value(QLatin1String("id")).toString() == app)
            return a.value(QLatin1String("cores")).toInt() > 0;
    }
    return false;
}

JobRunner::CancelOutcome SparkStandaloneTarget::cancel(const QString &id)
{
    return m_runner->cancel(id);
}

void SparkStandaloneTarget::onOutput(const QString &id, const QByteArray &lines)
{
    auto it = m_apps.find(id);
    if (it == m_apps.end())
        return;
    // TaskSchedulerImpl, every 15 s while no executor takes the first tasks: the reason the
    // engine itself gives for a wait.
    if (const qsizetype at = lines.indexOf("Initial job has not accepted any resources"); at >= 0) {
        const qsizetype end = lines.indexOf('\n', at);
        m_unfed.insert(id, QString::fromUtf8(lines.mid(at, end < 0 ? -1 : end - at)).trimmed());
    }
    if (!it->isEmpty() || !lines.contains("app ID "))
        return;
    // StandaloneSchedulerBackend: "Connected to Spark cluster with app ID app-20250101120000-0000"
    static const QRegularExpression appRe(
        QStringLiteral("Connected to Spark cluster with app ID (app-[0-9]+-[0-9]+)"));
    const QRegularExpressionMatch m = appRe.match(QString::fromUtf8(lines));
    if (!m.hasMatch())
        return;
    *it = m.captured(1);
    if (const JobRecord *r = m_store->find(id)) {
        JobStatus st = r->status;
        st.engineJobId = *it;
        st.uiUrl = appUrl(*it);
        setStatus(id, st);
    }
    refresh(); // confirm with the master now, not at the next poll
}

void SparkStandaloneTarget::onStateChanged(const QString &id, JobState state)
{
    if (!isTerminal(state) || !m_apps.contains(id))
        return;
    const QString app = m_apps.take(id);
    m_unfed.remove(id);
    if (app.isEmpty())
        return;
    // The master needs a moment to move the application to completedapps (one that never shows
    // up there is not waited for forever).
    if (m_ended.size() > 64)
        m_ended.clear();
    m_ended.insert(id, app);
    QTimer::singleShot(1500, this, &SparkStandaloneTarget::refresh);
}

void SparkStandaloneTarget::refresh()
{
    QUrl u = m_spec.masterUi;
    QString path = u.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    u.setPath(path + QStringLiteral("/json/"));
    request("GET", u, [this](bool ok, int, const QJsonDocument &doc, const QString &error) {
        if (!ok) {
            setChecked(false, {}, error);
            for (auto it = m_apps.cbegin(); it != m_apps.cend(); ++it) {
                const JobRecord *r = m_store->find(it.key());
                if (!r || isTerminal(r->status.state) ||
                    r->status.engineState == QLatin1String("UNREACHABLE"))
                    continue;
                JobStatus st = r->status;
                st.engineState = QStringLiteral("UNREACHABLE");
                appendLog(it.key(),
                          QStringLiteral("the Spark master UI cannot be reached (%1)").arg(error));
                setStatus(it.key(), st);
            }
            return;
        }
        const QJsonObject o = doc.object();
        m_master = o;
        setChecked(
            true,
            QJsonObject{{QStringLiteral("status"), o.value(QLatin1String("status"))},
                        {QStringLiteral("alive_workers"), o.value(QLatin1String("aliveworkers"))},
                        {QStringLiteral("cores"), o.value(QLatin1String("cores"))},
                        {QStringLiteral("cores_used"), o.value(QLatin1String("coresused"))},
                        {QStringLiteral("memory_mb"), o.value(QLatin1String("memory"))},
                        {QStringLiteral("memory_used_mb"), o.value(QLatin1String("memoryused"))},
                        {QStringLiteral("active_apps"),
                         o.value(QLatin1String("activeapps")).toArray().size()}});
        confirm(o);
        releaseHeld();
    });
}

void SparkStandaloneTarget::confirm(const QJsonObject &master)
{
    QHash<QString, QJsonObject> apps;
    for (const char *list : {"completedapps", "activeapps"}) {
        for (const QJsonValue &v : master.value(QLatin1String(list)).toArray())
            apps.insert(v.toObject().value(QLatin1String("id")).toString(), v.toObject());
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto it = m_apps.cbegin(); it != m_apps.cend(); ++it) {
        const JobRecord *r = m_store->find(it.key());
        if (it->isEmpty() || !r || isTerminal(r->status.state) || !apps.contains(*it))
            continue;
        const QJsonObject app = apps.value(*it);
        JobStatus st = r->status;
        st.engineState = app.value(QLatin1String("state")).toString();
        // An application without a single executor waits for the cluster: after
        // `waiting_limit` it says so, with the driver's own warning when it has logged one.
        if (app.value(QLatin1String("cores")).toInt() == 0) {
            const QDateTime since = QDateTime::fromMSecsSinceEpoch(
                qint64(app.value(QLatin1String("starttime")).toDouble()), Qt::UTC);
            const QString why = m_unfed.value(
                it.key(),
                QStringLiteral("the master has granted application %1 no executor").arg(*it));
            if (const QString w = waitedTooLong(since, why); !w.isEmpty()) {
                if (!r->status.engineState.startsWith(QLatin1String("WAITING for resources")))
                    appendLog(it.key(), QStringLiteral("application %1 has waited more than %2 s "
                                                       "for executors: %3")
                                            .arg(*it)
                                            .arg(m_spec.waitingLimitMs / 1000.0)
                                            .arg(why));
                st.engineState = w;
            }
        }
        st.lastConfirmedAt = now;
        if (st.state == JobState::Submitted)
            st.state = JobState::Running;
        setStatus(it.key(), st);
    }
    for (auto it = m_ended.begin(); it != m_ended.end();) {
        const JobRecord *r = m_store->find(it.key());
        if (!r || !apps.contains(*it)) {
            ++it;
            continue;
        }
        const QString state = apps.value(*it).value(QLatin1String("state")).toString();
        appendLog(it.key(),
                  QStringLiteral("the Spark master lists application %1 as %2").arg(*it, state));
        JobStatus st = r->status;
        st.lastConfirmedAt = now;
        setStatus(it.key(), st);
        it = m_ended.erase(it);
    }
}

} // namespace uis::dcplocal
