// SPDX-License-Identifier: Apache-2.0
#include "alertevaluator.h"

#include <QDateTime>

#include <algorithm>

namespace uis::dcplocal {

namespace {

QString key(const AlertRule &rule, const QString &jobId)
{
    return rule.name + QLatin1Char('\n') + jobId;
}

QString number(double v)
{
    return QString::number(v, 'g', 12);
}

QString duration(qint64 ms)
{
    if (ms % 60'000 == 0)
        return QStringLiteral("%1 min").arg(ms / 60'000);
    return QStringLiteral("%1 s").arg(double(ms) / 1000.0);
}

} // namespace

AlertEvaluator::AlertEvaluator(QList<AlertRule> rules) : m_rules(std::move(rules)) {}

AlertNotification AlertEvaluator::notify(int index, qint64 nowMs) const
{
    const AlertState &a = m_alerts[index];
    AlertNotification n;
    n.alertIndex = index;
    n.rule = a.rule;
    n.status = a.status;
    n.job = a.job;
    n.atMs = nowMs;
    n.text = a.status == QLatin1String("firing")
                 ? QStringLiteral("[FIRING] %1: job %2 (%3): %4")
                       .arg(a.rule, a.job.name, a.job.id, a.text)
                 : QStringLiteral("[RESOLVED] %1: job %2 (%3) is fine again")
                       .arg(a.rule, a.job.name, a.job.id);
    return n;
}

void AlertEvaluator::setCondition(const AlertRule &rule, const AlertJob &job, bool holds,
                                  const QString &why, qint64 nowMs, QList<AlertNotification> *out)
{
    const auto open = m_open.find({rule.name, job.name});
    if (holds) {
        if (open != m_open.end()) {
            AlertState &a = m_alerts[open->second];
            if (a.fineSinceMs != 0 || a.text != why || a.job.id != job.id)
                m_changed.insert(open->second);
            if (a.fineSinceMs != 0)
                ++a.occurrences; // it flapped: fine for a while, failing again
            a.fineSinceMs = 0;
            a.job = job;
            a.text = why;
            return;
        }
        AlertState a;
        a.rule = rule.name;
        a.group = job.name;
        a.job = job;
        a.status = QStringLiteral("firing");
        a.firedAtMs = nowMs;
        a.occurrences = 1;
        a.text = why;
        m_alerts.append(a);
        m_open[{rule.name, job.name}] = int(m_alerts.size() - 1);
        m_changed.insert(int(m_alerts.size() - 1));
        out->append(notify(int(m_alerts.size() - 1), nowMs));
        return;
    }
    if (open != m_open.end()) {
        AlertState &a = m_alerts[open->second];
        if (a.fineSinceMs == 0 || a.job.status != job.status)
            m_changed.insert(open->second);
        if (a.fineSinceMs == 0)
            a.fineSinceMs = nowMs;
        a.job.status = job.status;
    }
}

QList<AlertNotification> AlertEvaluator::jobState(const AlertJob &job, JobState state, qint64 nowMs)
{
    QList<AlertNotification> out;
    for (const AlertRule &rule : std::as_const(m_rules)) {
        if (!rule.covers(job.name, job.team))
            continue;
        if (rule.when == AlertRule::When::JobFailed) {
            if (state == JobState::Failed)
                setCondition(rule, job, true, QStringLiteral("the job failed"), nowMs, &out);
            else if (state == JobState::Succeeded || state == JobState::Running)
                setCondition(rule, job, false, {}, nowMs, &out);
        } else if (isTerminal(state)) {
            // A job that ended has no lag, rows or checkpoints any more: its conditions end.
            setCondition(rule, job, false, {}, nowMs, &out);
            m_tracking.remove(key(rule, job.id));
        }
    }
    return out;
}

QList<AlertNotification> AlertEvaluator::metrics(const AlertJob &job, const MetricSamples &samples,
                                                 qint64 nowMs)
{
    QList<AlertNotification> out;
    double maxLag = -1, rows = -1, failures = -1, checkpointId = -1, restarts = -1;
    QString lagPartition;
    for (const MetricSample &s : samples) {
        if (s.name == QLatin1String("kafka_lag") && s.value > maxLag) {
            maxLag = s.value;
            lagPartition = s.partition;
        } else if (s.name == QLatin1String("rows_in_per_second") ||
                   s.name == QLatin1String("rows_out_per_second"))
            rows = std::max(rows, 0.0) + s.value;
        else if (s.name == QLatin1String("checkpoint_failures"))
            failures = s.value;
        else if (s.name == QLatin1String("checkpoints_completed"))
            checkpointId = s.value;
        else if (s.name == QLatin1String("restarts"))
            restarts = s.value;
    }
    for (const AlertRule &rule : std::as_const(m_rules)) {
        if (!rule.covers(job.name, job.team))
            continue;
        Tracking &t = m_tracking[key(rule, job.id)];
        switch (rule.when) {
        case AlertRule::When::KafkaLag:
        case AlertRule::When::NoRows: {
            const bool lag = rule.when == AlertRule::When::KafkaLag;
            const double v = lag ? maxLag : rows;
            if (v < 0)
                break; // this sample does not say
            const bool over = lag ? v > rule.threshold : v <= 0;
            if (!over) {
                t.breachSinceMs = 0;
                setCondition(rule, job, false, {}, nowMs, &out);
                break;
            }
            if (t.breachSinceMs == 0)
                t.breachSinceMs = nowMs;
            if (nowMs - t.breachSinceMs >= rule.forMs)
                setCondition(rule, job, true,
                             lag ? QStringLiteral("Kafka lag %1 on %2 (over %3 for %4)")
                                       .arg(number(v), lagPartition, number(rule.threshold),
                                            duration(rule.forMs))
                                 : QStringLiteral("no rows for %1").arg(duration(rule.forMs)),
                             nowMs, &out);
            break;
        }
        case AlertRule::When::CheckpointFailures:
            if (failures < 0)
                break;
            if (checkpointId >= 0 && checkpointId != t.checkpointId) {
                // A checkpoint completed: failures count from here.
                t.checkpointId = checkpointId;
                t.failuresAtCheckpoint = failures;
            }
            if (t.failuresAtCheckpoint < 0)
                t.failuresAtCheckpoint = 0;
            setCondition(rule, job, failures - t.failuresAtCheckpoint >= rule.threshold,
                         QStringLiteral("%1 checkpoints failed since the last one that completed")
                             .arg(number(failures - t.failuresAtCheckpoint)),
                         nowMs, &out);
            break;
        case AlertRule::When::Restarts: {
            if (restarts < 0)
                break;
            t.restarts.append({nowMs, restarts});
            while (t.restarts.size() > 1 && nowMs - t.restarts.first().first > rule.withinMs)
                t.restarts.removeFirst();
            const double within = restarts - t.restarts.first().second;
            setCondition(rule, job, within >= rule.threshold,
                         QStringLiteral("%1 restarts within %2")
                             .arg(number(within), duration(rule.withinMs)),
                         nowMs, &out);
            break;
        }
        default:
            break;
        }
    }
    return out;
}

QList<AlertNotification> AlertEvaluator::tick(qint64 nowMs)
{
    QList<AlertNotification> out;
    for (auto it = m_open.begin(); it != m_open.end();) {
        AlertState &a = m_alerts[it->second];
        const AlertRule *rule = nullptr;
        for (const AlertRule &r : std::as_const(m_rules))
            if (r.name == a.rule)
                rule = &r;
        if (a.fineSinceMs != 0 && rule && nowMs - a.fineSinceMs >= rule->resolveAfterMs) {
            a.status = QStringLiteral("resolved");
            a.resolvedAtMs = nowMs;
            m_changed.insert(it->second);
            out.append(notify(it->second, nowMs));
            it = m_open.erase(it);
        } else {
            ++it;
        }
    }
    return out;
}

QList<AlertNotification> AlertEvaluator::scheduledRun(const AlertJob &job, int run, qint64 dueMs,
                                                      qint64 nowMs)
{
    QList<AlertNotification> out;
    for (const AlertRule &rule : std::as_const(m_rules)) {
        if (rule.when != AlertRule::When::ScheduleLate || !rule.covers(job.name, job.team))
            continue;
        const bool late = dueMs > 0 && nowMs - dueMs >= rule.forMs;
        setCondition(rule, job, late,
                     QStringLiteral("run %1 was due at %2 UTC and had not started %3 later")
                         .arg(run)
                         .arg(QDateTime::fromMSecsSinceEpoch(dueMs, Qt::UTC)
                                  .toString(QStringLiteral("HH:mm:ss")),
                              duration(rule.forMs)),
                     nowMs, &out);
    }
    return out;
}

void AlertEvaluator::restore(const QList<AlertState> &alerts)
{
    m_alerts = alerts;
    m_open.clear();
    for (int i = 0; i < m_alerts.size(); ++i)
        if (m_alerts.at(i).status == QLatin1String("firing"))
            m_open[{m_alerts.at(i).rule, m_alerts.at(i).group}] = i;
}

QList<int> AlertEvaluator::takeChanged()
{
    QList<int> out(m_changed.begin(), m_changed.end());
    std::sort(out.begin(), out.end());
    m_changed.clear();
    return out;
}

std::optional<AlertNotification> AlertEvaluator::test(const QString &rule, qint64 nowMs) const
{
    for (const AlertRule &r : m_rules) {
        if (r.name != rule)
            continue;
        AlertNotification n;
        n.rule = r.name;
        n.status = QStringLiteral("test");
        n.job = {QStringLiteral("test"), QStringLiteral("test"), {}, {}, {}};
        n.atMs = nowMs;
        n.text = QStringLiteral("[TEST] %1 (%2): a test message from dcp-local")
                     .arg(r.name, AlertRule::whenName(r.when));
        return n;
    }
    return std::nullopt;
}

} // namespace uis::dcplocal
