// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "alertconfig.h"
#include "metrics/metricsample.h"

#include "jobstatus.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <map>

namespace uis::dcplocal {

/// The job an event is about.
struct AlertJob
{
    QString id;
    QString name;
    QString team;
    QString target;
    QString status;
};

/// A message to send: a rule fired or resolved for a group of jobs (one job name).
struct AlertNotification
{
    int alertIndex = -1; ///< into AlertEvaluator::alerts()
    QString rule;
    QString status; ///< "firing" or "resolved"
    AlertJob job;
    QString text; ///< one line, as a chat message shows it
    qint64 atMs = 0;
};

/// One alert: a rule firing for a job name, until it resolves.
struct AlertState
{
    QString rule;
    QString group;  ///< the job name: re-runs and re-submits of a job are one alert
    AlertJob job;   ///< the job that last fired it
    QString status; ///< "firing" or "resolved"
    qint64 firedAtMs = 0;
    qint64 resolvedAtMs = 0;
    qint64 fineSinceMs = 0; ///< when its condition last stopped holding (0: it holds)
    int occurrences = 0;    ///< how often the condition held again while firing (flaps)
    QString text;
};

/**
 * The alert rules as a state machine, with no timers and no I/O (AlertManager feeds it and
 * sends what it returns), so that firing, grouping and flapping are decided in one place:
 *
 * - an alert is (rule, job name): a job that fails again, or its re-submit, is the same alert;
 * - a condition that holds fires the alert once; while it is firing, the condition holding
 *   again (a flapping job) sends nothing;
 * - it resolves once its condition has not held for the rule's `resolve_after`; one message.
 */
class AlertEvaluator
{
public:
    explicit AlertEvaluator(QList<AlertRule> rules);

    /// A job changed state (job_failed: FAILED holds the condition, SUCCEEDED or RUNNING not).
    QList<AlertNotification> jobState(const AlertJob &job, JobState state, qint64 nowMs);
    /// New metric points of a running job (lag, rows, checkpoints, restarts).
    QList<AlertNotification> metrics(const AlertJob &job, const MetricSamples &samples,
                                     qint64 nowMs);
    /// Time passed: resolutions whose quiet period is over.
    QList<AlertNotification> tick(qint64 nowMs);
    /**
     * A scheduled job's next run (schedule_late): due at `dueMs` and not started yet, or
     * (`dueMs` 0) started. It is late once it has waited the rule's `for` past its time.
     */
    QList<AlertNotification> scheduledRun(const AlertJob &job, int run, qint64 dueMs, qint64 nowMs);
    /// A test message for `rule` (uisctl alerts test), with no state change; nullopt if unknown.
    std::optional<AlertNotification> test(const QString &rule, qint64 nowMs) const;

    const QList<AlertState> &alerts() const { return m_alerts; }
    /// The alerts of an earlier server (AlertStore): the firing ones go on firing.
    void restore(const QList<AlertState> &alerts);
    /// The indexes of the alerts changed since the last call (to write them through).
    QList<int> takeChanged();
    const QList<AlertRule> &rules() const { return m_rules; }

private:
    /// Per (rule, job id): what the metric rules remember between samples.
    struct Tracking
    {
        qint64 breachSinceMs = 0; ///< kafka_lag / no_rows: since when it has been over
        double checkpointId = -1; ///< checkpoint_failures: completed checkpoints when last seen
        double failuresAtCheckpoint = -1;
        QList<std::pair<qint64, double>> restarts; ///< restarts: (time, count) in the window
    };

    void setCondition(const AlertRule &rule, const AlertJob &job, bool holds, const QString &why,
                      qint64 nowMs, QList<AlertNotification> *out);
    AlertNotification notify(int index, qint64 nowMs) const;

    QList<AlertRule> m_rules;
    QList<AlertState> m_alerts;
    std::map<std::pair<QString, QString>, int> m_open; ///< (rule, group) → the firing alert
    QHash<QString, Tracking> m_tracking;               ///< "rule\njob id"
    QSet<int> m_changed;
};

} // namespace uis::dcplocal
