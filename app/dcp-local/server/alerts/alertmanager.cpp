// SPDX-License-Identifier: Apache-2.0
#include "alertmanager.h"

#include "alertdispatcher.h"
#include "jobrunner.h"
#include "jobstore.h"
#include "metrics/metricscollector.h"
#include "microbatchschedule.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimer>

namespace uis::dcplocal {

namespace {

QJsonValue time(qint64 ms)
{
    return ms ? QJsonValue(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs))
              : QJsonValue(QJsonValue::Null);
}

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

AlertManager::AlertManager(AlertConfig config, JobStore *jobs, JobRunner *runner,
                           MetricsCollector *collector, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_jobs(jobs), m_evaluator(m_config.rules),
      m_runner(runner), m_dispatcher(new AlertDispatcher(this)), m_tick(new QTimer(this))
{
    connect(runner, &JobRunner::stateChanged, this, &AlertManager::onState);
    if (collector)
        connect(collector, &MetricsCollector::sampled, this, &AlertManager::onSampled);
    connect(m_dispatcher, &AlertDispatcher::deliveryChanged, this, &AlertManager::keepDelivery);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &AlertManager::onTick);
    m_tick->start();
}

QString AlertManager::open(const QString &dataDir)
{
    if (const QString e = m_store.open(dataDir); !e.isEmpty())
        return e;
    const AlertStore::Contents c = m_store.load();
    m_evaluator.restore(c.alerts);
    for (const AlertNotification &t : c.tests)
        m_tests.append({t, {}});
    QList<AlertDelivery> deliveries;
    for (const StoredDelivery &d : c.deliveries) {
        AlertDelivery kept = d.delivery;
        if (d.id < 0) { // a row that was never written: nothing to try again
            kept.done = true;
            kept.error = QStringLiteral("lost: its record was not written");
        }
        deliveries.append(kept);
    }
    m_dispatcher->restore(deliveries);
    m_stored = true;
    for (const StoredDelivery &d : c.deliveries) {
        if (d.id < 0)
            continue;
        StoredDelivery carried = d;
        if (d.alertIndex >= 0 && d.alertIndex < c.alerts.size()) {
            m_deliveries[d.alertIndex].append(d.id);
            carried.notification.rule = c.alerts.at(d.alertIndex).rule;
            carried.notification.job = c.alerts.at(d.alertIndex).job;
        } else if (d.testIndex >= 0 && d.testIndex < m_tests.size()) {
            m_tests[d.testIndex].second.append(d.id);
            carried.notification.rule = m_tests.at(d.testIndex).first.rule;
            carried.notification.job = m_tests.at(d.testIndex).first.job;
        }
        m_carried.insert(d.id, carried);
        // A message the last server had not got through yet: this one goes on trying.
        if (!d.delivery.done)
            if (const AlertChannel *ch = m_config.channel(d.delivery.channel))
                m_dispatcher->resume(d.id, *ch, carried.notification);
    }
    return QString();
}

void AlertManager::onTick()
{
    // schedule_late: a run waiting past its time (for a slot, or for a stalled event loop).
    const qint64 t = now();
    for (const MicroBatchScheduler::NextRun &n : m_runner->schedules()->nextRuns())
        send(m_evaluator.scheduledRun(job(n.jobId), n.run,
                                      n.due.isValid() ? n.due.toMSecsSinceEpoch() : 0, t));
    send(m_evaluator.tick(t));
}

AlertJob AlertManager::job(const QString &id) const
{
    const JobRecord *r = m_jobs->find(id);
    if (!r)
        return {id, id, {}, {}, {}};
    return {id, r->status.name, r->status.team, r->status.target, jobStateName(r->status.state)};
}

void AlertManager::onState(const QString &id, uis::JobState state)
{
    send(m_evaluator.jobState(job(id), state, now()));
}

void AlertManager::onSampled(const QString &id, const MetricSamples &samples)
{
    send(m_evaluator.metrics(job(id), samples, now()));
}

void AlertManager::send(const QList<AlertNotification> &notifications)
{
    keepChangedAlerts(); // the alert first: a delivery row names it
    for (const AlertNotification &n : notifications) {
        const AlertRule *rule = m_config.rule(n.rule);
        for (const QString &name : rule ? rule->channels : QStringList{})
            if (const AlertChannel *c = m_config.channel(name))
                m_deliveries[n.alertIndex].append(deliver(*c, n, n.alertIndex, -1));
    }
}

int AlertManager::deliver(const AlertChannel &channel, const AlertNotification &n, int alertIndex,
                          int testIndex)
{
    StoredDelivery d;
    d.alertIndex = alertIndex;
    d.testIndex = testIndex;
    d.notification = n;
    // The id is the next one; it is known before the dispatcher reports anything about it.
    d.id = m_dispatcher->count();
    m_carried.insert(d.id, d);
    const int id = m_dispatcher->deliver(channel, n);
    keepDelivery(id);
    return id;
}

void AlertManager::keepChangedAlerts()
{
    const QList<int> changed = m_evaluator.takeChanged();
    if (!m_stored)
        return;
    for (int i : changed)
        if (const QString e = m_store.saveAlert(i, m_evaluator.alerts().at(i)); !e.isEmpty())
            qWarning("dcp-local: %s", qUtf8Printable(e));
}

void AlertManager::keepDelivery(int id)
{
    if (!m_stored || !m_carried.contains(id))
        return;
    StoredDelivery &d = m_carried[id];
    d.delivery = m_dispatcher->delivery(id);
    if (const QString e = m_store.saveDelivery(d); !e.isEmpty())
        qWarning("dcp-local: %s", qUtf8Printable(e));
}

bool AlertManager::test(const QString &ruleName)
{
    const std::optional<AlertNotification> n = m_evaluator.test(ruleName, now());
    if (!n)
        return false;
    const int index = int(m_tests.size());
    m_tests.append({*n, {}});
    if (m_stored)
        if (const QString e = m_store.saveTest(index, *n); !e.isEmpty())
            qWarning("dcp-local: %s", qUtf8Printable(e));
    for (const QString &name : m_config.rule(ruleName)->channels)
        if (const AlertChannel *c = m_config.channel(name))
            m_tests[index].second << deliver(*c, *n, -1, index);
    return true;
}

bool AlertManager::hasDesktopChannel(const QString &rule) const
{
    const AlertRule *r = m_config.rule(rule);
    for (const QString &name : r ? r->channels : QStringList{})
        if (const AlertChannel *c = m_config.channel(name);
            c && c->kind == AlertChannel::Kind::Desktop)
            return true;
    return false;
}

QJsonObject AlertManager::toJson() const
{
    const auto deliveries = [this](const QList<int> &ids) {
        QJsonArray out;
        for (int id : ids) {
            const AlertDelivery &d = m_dispatcher->delivery(id);
            out.append(QJsonObject{{QStringLiteral("channel"), d.channel},
                                   {QStringLiteral("status"), d.status},
                                   {QStringLiteral("ok"), d.ok},
                                   {QStringLiteral("done"), d.done},
                                   {QStringLiteral("attempts"), d.attempts},
                                   {QStringLiteral("error"), d.error.isEmpty()
                                                                 ? QJsonValue(QJsonValue::Null)
                                                                 : QJsonValue(d.error)}});
        }
        return out;
    };
    QJsonArray alerts;
    const QList<AlertState> &all = m_evaluator.alerts();
    for (qsizetype i = all.size() - 1; i >= 0; --i) {
        const AlertState &a = all[i];
        alerts.append(
            QJsonObject{{QStringLiteral("rule"), a.rule},
                        {QStringLiteral("job_id"), a.job.id},
                        {QStringLiteral("job_name"), a.job.name},
                        {QStringLiteral("status"), a.status},
                        {QStringLiteral("fired_at"), time(a.firedAtMs)},
                        {QStringLiteral("resolved_at"), time(a.resolvedAtMs)},
                        {QStringLiteral("occurrences"), a.occurrences},
                        {QStringLiteral("text"), a.text},
                        {QStringLiteral("desktop"), hasDesktopChannel(a.rule)},
                        {QStringLiteral("deliveries"), deliveries(m_deliveries.value(int(i)))}});
    }
    QJsonArray tests;
    for (qsizetype i = m_tests.size() - 1; i >= 0; --i)
        tests.append(QJsonObject{{QStringLiteral("rule"), m_tests[i].first.rule},
                                 {QStringLiteral("at"), time(m_tests[i].first.atMs)},
                                 {QStringLiteral("text"), m_tests[i].first.text},
                                 {QStringLiteral("deliveries"), deliveries(m_tests[i].second)}});
    QJsonArray rules;
    for (const AlertRule &r : m_config.rules)
        rules.append(
            QJsonObject{{QStringLiteral("name"), r.name},
                        {QStringLiteral("when"), AlertRule::whenName(r.when)},
                        {QStringLiteral("channels"), QJsonArray::fromStringList(r.channels)}});
    QJsonArray channels;
    for (const AlertChannel &c : m_config.channels)
        channels.append(QJsonObject{{QStringLiteral("name"), c.name},
                                    {QStringLiteral("kind"), c.kind == AlertChannel::Kind::Webhook
                                                                 ? QStringLiteral("webhook")
                                                             : c.kind == AlertChannel::Kind::Email
                                                                 ? QStringLiteral("email")
                                                                 : QStringLiteral("desktop")}});
    return {{QStringLiteral("alerts"), alerts},
            {QStringLiteral("tests"), tests},
            {QStringLiteral("rules"), rules},
            {QStringLiteral("channels"), channels}};
}

} // namespace uis::dcplocal
