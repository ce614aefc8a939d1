// SPDX-License-Identifier: Apache-2.0
#include "alertwatcher.h"

#include "dcpclient.h"
#include "jobsconnections.h"
#include "jobsmodel.h"

#include <QJsonArray>
#include <QTimer>

namespace uis {

AlertWatcher::AlertWatcher(JobsModel *model, JobsConnections *connections, QObject *parent)
    : QObject(parent), m_model(model), m_connections(connections), m_timer(new QTimer(this))
{
    m_timer->setInterval(5000);
    connect(m_timer, &QTimer::timeout, this, &AlertWatcher::poll);
    m_timer->start();
}

void AlertWatcher::setInterval(int ms)
{
    m_timer->setInterval(ms);
}

QString AlertWatcher::eventKey(const QJsonObject &alert)
{
    return QStringList{alert.value(QLatin1String("rule")).toString(),
                       alert.value(QLatin1String("job_name")).toString(),
                       alert.value(QLatin1String("fired_at")).toString(),
                       alert.value(QLatin1String("status")).toString()}
        .join(QLatin1Char('\n'));
}

void AlertWatcher::poll()
{
    QSet<QString> environments;
    for (const JobEntry &e : m_model->entries())
        environments.insert(e.environment);
    for (const QString &env : std::as_const(environments)) {
        DcpClient *client = m_connections->existingClient(env);
        if (!client || m_inFlight.contains(env))
            continue;
        m_inFlight.insert(env);
        DcpReply *reply = client->alerts();
        connect(reply, &DcpReply::done, this, [this, reply, env] {
            reply->deleteLater();
            m_inFlight.remove(env);
            if (reply->isOk()) // a server without alerts (or an older one) has nothing to say
                take(env, reply->json());
        });
    }
}

bool AlertWatcher::concernsListedJob(const QString &environment, const QJsonObject &alert) const
{
    const QString id = alert.value(QLatin1String("job_id")).toString();
    const QString name = alert.value(QLatin1String("job_name")).toString();
    // An alert is about a job name (re-runs are one alert): a listed job of that name counts.
    for (const JobEntry &e : m_model->entries())
        if (e.environment == environment && (e.status.jobId == id || e.status.name == name))
            return true;
    return false;
}

void AlertWatcher::take(const QString &environment, const QJsonObject &answer)
{
    const bool first = !m_seen.contains(environment);
    QSet<QString> &seen = m_seen[environment];
    const QJsonArray alerts = answer.value(QLatin1String("alerts")).toArray();
    // The answer is newest first; report oldest first, so a fire comes before its resolve.
    for (qsizetype i = alerts.size() - 1; i >= 0; --i) {
        const QJsonObject a = alerts.at(i).toObject();
        if (!a.value(QLatin1String("desktop")).toBool())
            continue;
        const QString key = eventKey(a);
        if (seen.contains(key))
            continue;
        // A resolution seen for the first time implies its firing: never report that later.
        if (a.value(QLatin1String("status")).toString() == QLatin1String("resolved")) {
            QJsonObject firing = a;
            firing.insert(QStringLiteral("status"), QStringLiteral("firing"));
            seen.insert(eventKey(firing));
        }
        seen.insert(key);
        if (!first && concernsListedJob(environment, a))
            Q_EMIT alertChanged(environment, a);
    }
}

} // namespace uis
