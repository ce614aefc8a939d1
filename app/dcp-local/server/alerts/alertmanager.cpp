// SPDX-License-Identifier: Apache-2.0
#include "alertmanager.h"

#include "alertdispatcher.h"
#include "jobrunner.h"
#include "jobstore.h"
#include "metrics/metricscollector.h"

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
      m_dispatcher(new AlertDispatcher(this)), m_tick(new QTimer(this))
{
    connect(runner, &JobRunner::stateChanged, this, &AlertManager::onState);
    if (collector)
        connect(collector, &MetricsCollector::sampled, this, &AlertManager::onSampled);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, [this] { send(m_evaluator.tick(now())); });
    m_tick->start();
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
    for (const AlertNotification &n : notifications) {
        const AlertRule *rule = m_config.rule(n.rule);
        for (const QString &name : rule ? rule->channels : QStringList{})
            if (const AlertChannel *c = m_config.channel(name))
                m_deliveries[n.alertIndex].append(m_dispatcher->deliver(*c, n));
    }
}

bool AlertManager::test(const QString &ruleName)
{
    const std::optional<AlertNotification> n = m_evaluator.test(ruleName, now());
    if (!n)
        return false;
    QList<int> ids;
    for (const QString &name : m_config.rule(ruleName)->channels)
        if (const AlertChannel *c = m_config.channel(name))
            ids << m_dispatcher->deliver(*c, *n);
    m_tests.append({*n, ids});
    return true;
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
    return {{QStringLiteral("alerts"), alerts},
            {QStringLiteral("tests"), tests},
            {QStringLiteral("rules"), rules}};
}

} // namespace uis::dcplocal
