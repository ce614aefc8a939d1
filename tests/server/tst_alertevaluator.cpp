// SPDX-License-Identifier: Apache-2.0
// The alert rules as a state machine (no timers, no I/O): one firing per job name however often
// its condition holds again, one resolution after the quiet period, lag and no-rows held "for"
// their time, checkpoint failures counted from the last completed checkpoint, restarts within a
// window, a scheduled run late past its `for`, rules narrowed to job names, the state an
// earlier server left (restore) and what changed since the last write, and the alerts file's
// errors with line and column.
#include "alerts/alertconfig.h"
#include "alerts/alertevaluator.h"

#include <QTest>

using namespace uis;
using namespace uis::dcplocal;

namespace {

AlertRule rule(AlertRule::When when, double threshold = 0, qint64 forMs = 0)
{
    AlertRule r;
    r.name = AlertRule::whenName(when);
    r.when = when;
    r.threshold = threshold;
    r.forMs = forMs;
    r.withinMs = 60'000;
    r.resolveAfterMs = 10'000;
    r.channels = {QStringLiteral("hook")};
    return r;
}

AlertJob job(const QString &id, const QString &name = QStringLiteral("etl"))
{
    return {id, name, QStringLiteral("team"), QStringLiteral("local"), QStringLiteral("RUNNING")};
}

MetricSample sample(const QString &name, double v, const QString &part = {})
{
    return {name, {}, part, {}, 0, v};
}

QStringList statuses(const QList<AlertNotification> &n)
{
    QStringList out;
    for (const AlertNotification &x : n)
        out << x.rule + QLatin1Char(':') + x.status;
    return out;
}

} // namespace

class TestAlertEvaluator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aFlappingJobFiresOnceAndResolvesOnce()
    {
        AlertEvaluator e({rule(AlertRule::When::JobFailed)});
        QList<AlertNotification> sent;
        qint64 t = 1'000'000;
        for (int i = 0; i < 5; ++i) {
            sent += e.jobState(job(QStringLiteral("j%1").arg(i)), JobState::Failed, t += 1000);
            sent += e.jobState(job(QStringLiteral("j%1b").arg(i)), JobState::Succeeded, t += 1000);
            sent += e.tick(t += 1000);
        }
        QCOMPARE(statuses(sent), QStringList{QStringLiteral("job_failed:firing")});
        QCOMPARE(e.alerts().first().occurrences, 5);
        sent += e.tick(t + 8'000); // 9 s after the last success
        QCOMPARE(sent.size(), 1);  // not quiet long enough yet
        sent += e.tick(t + 20'000);
        QCOMPARE(statuses(sent), (QStringList{QStringLiteral("job_failed:firing"),
                                              QStringLiteral("job_failed:resolved")}));
        // fails again later: a new alert
        sent += e.jobState(job(QStringLiteral("k")), JobState::Failed, t + 30'000);
        QCOMPARE(sent.size(), 3);
        QCOMPARE(e.alerts().size(), 2);
    }

    void otherJobNamesAreOtherAlerts()
    {
        AlertRule r = rule(AlertRule::When::JobFailed);
        r.jobs = {QStringLiteral("nightly-*")};
        AlertEvaluator e({r});
        QCOMPARE(
            e.jobState(job(QStringLiteral("a"), QStringLiteral("nightly-a")), JobState::Failed, 1)
                .size(),
            1);
        QCOMPARE(
            e.jobState(job(QStringLiteral("b"), QStringLiteral("nightly-b")), JobState::Failed, 2)
                .size(),
            1);
        QCOMPARE(e.jobState(job(QStringLiteral("c"), QStringLiteral("hourly")), JobState::Failed, 3)
                     .size(),
                 0);
    }

    void lagMustHoldForItsTime()
    {
        AlertEvaluator e({rule(AlertRule::When::KafkaLag, 100, 10'000)});
        const AlertJob j = job(QStringLiteral("j"));
        QVERIFY(e.metrics(j, {sample(QStringLiteral("kafka_lag"), 500, QStringLiteral("t/0"))}, 0)
                    .isEmpty());
        QVERIFY(
            e.metrics(j, {sample(QStringLiteral("kafka_lag"), 50, QStringLiteral("t/0"))}, 5'000)
                .isEmpty());
        QVERIFY(
            e.metrics(j, {sample(QStringLiteral("kafka_lag"), 500, QStringLiteral("t/0"))}, 6'000)
                .isEmpty());
        QVERIFY(
            e.metrics(j, {sample(QStringLiteral("kafka_lag"), 600, QStringLiteral("t/0"))}, 15'000)
                .isEmpty());
        const auto fired =
            e.metrics(j, {sample(QStringLiteral("kafka_lag"), 700, QStringLiteral("t/0"))}, 16'000);
        QCOMPARE(statuses(fired), QStringList{QStringLiteral("kafka_lag:firing")});
        QVERIFY(fired.first().text.contains(QStringLiteral("t/0")));
    }

    void noRowsAndCheckpointFailures()
    {
        AlertEvaluator e({rule(AlertRule::When::NoRows, 0, 5'000),
                          rule(AlertRule::When::CheckpointFailures, 3)});
        const AlertJob j = job(QStringLiteral("j"));
        QVERIFY(e.metrics(j,
                          {sample(QStringLiteral("rows_out_per_second"), 0),
                           sample(QStringLiteral("checkpoint_failures"), 10),
                           sample(QStringLiteral("checkpoints_completed"), 4)},
                          0)
                    .isEmpty());
        // 2 failures since the last completed checkpoint: below the threshold
        QVERIFY(e.metrics(j,
                          {sample(QStringLiteral("rows_out_per_second"), 3),
                           sample(QStringLiteral("checkpoint_failures"), 12),
                           sample(QStringLiteral("checkpoints_completed"), 4)},
                          4'000)
                    .isEmpty());
        const auto out = e.metrics(j,
                                   {sample(QStringLiteral("rows_out_per_second"), 0),
                                    sample(QStringLiteral("checkpoint_failures"), 13),
                                    sample(QStringLiteral("checkpoints_completed"), 4)},
                                   5'000);
        QCOMPARE(statuses(out), QStringList{QStringLiteral("checkpoint_failures:firing")});
        QCOMPARE(statuses(e.metrics(j, {sample(QStringLiteral("rows_out_per_second"), 0)}, 10'500)),
                 QStringList{QStringLiteral("no_rows:firing")});
    }

    void restartsWithinTheWindow()
    {
        AlertEvaluator e({rule(AlertRule::When::Restarts, 3)});
        const AlertJob j = job(QStringLiteral("j"));
        QVERIFY(e.metrics(j, {sample(QStringLiteral("restarts"), 5)}, 0).isEmpty());
        QVERIFY(e.metrics(j, {sample(QStringLiteral("restarts"), 7)}, 30'000).isEmpty());
        QCOMPARE(e.metrics(j, {sample(QStringLiteral("restarts"), 8)}, 50'000).size(), 1);
    }

    void aScheduledRunLatePastItsTime()
    {
        AlertEvaluator e({rule(AlertRule::When::ScheduleLate, 0, 5'000)});
        const AlertJob j = job(QStringLiteral("j"));
        const qint64 due = 100'000;
        QVERIFY(e.scheduledRun(j, 3, due, due + 4'999).isEmpty()); // not late yet
        const QList<AlertNotification> fired = e.scheduledRun(j, 3, due, due + 5'000);
        QCOMPARE(statuses(fired), QStringList{QStringLiteral("schedule_late:firing")});
        QVERIFY2(fired.first().text.contains(QLatin1String("run 3 was due at 00:01:40 UTC")),
                 qPrintable(fired.first().text));
        QVERIFY(e.scheduledRun(j, 3, due, due + 9'000).isEmpty()); // still late: no second one
        QVERIFY(e.scheduledRun(j, 4, 0, due + 10'000).isEmpty());  // run 3 started
        QVERIFY(e.tick(due + 19'999).isEmpty());
        QCOMPARE(statuses(e.tick(due + 20'000)),
                 QStringList{QStringLiteral("schedule_late:resolved")});
        // Other rules do not care about schedules.
        AlertEvaluator other({rule(AlertRule::When::JobFailed)});
        QVERIFY(other.scheduledRun(j, 1, due, due + 60'000).isEmpty());
    }

    void restoredAlertsGoOnAndChangesAreTracked()
    {
        AlertEvaluator first({rule(AlertRule::When::JobFailed)});
        first.jobState(job(QStringLiteral("a"), QStringLiteral("etl")), JobState::Failed, 1000);
        first.jobState(job(QStringLiteral("b"), QStringLiteral("ok")), JobState::Failed, 1000);
        first.jobState(job(QStringLiteral("c"), QStringLiteral("ok")), JobState::Succeeded, 2000);
        QCOMPARE(first.takeChanged(), (QList<int>{0, 1}));
        QCOMPARE(first.tick(20'000).size(), 1); // "ok" resolved
        QCOMPARE(first.takeChanged(), QList<int>{1});
        QVERIFY(first.takeChanged().isEmpty());

        AlertEvaluator second({rule(AlertRule::When::JobFailed)});
        second.restore(first.alerts());
        // Failing again is the same alert, still firing: nothing is sent.
        QVERIFY(
            second
                .jobState(job(QStringLiteral("d"), QStringLiteral("etl")), JobState::Failed, 30'000)
                .isEmpty());
        QCOMPARE(second.alerts().size(), 2);
        second.jobState(job(QStringLiteral("e"), QStringLiteral("etl")), JobState::Succeeded,
                        31'000);
        QCOMPARE(statuses(second.tick(41'000)), QStringList{QStringLiteral("job_failed:resolved")});
        // A resolved alert stays resolved: the name failing again is a new alert.
        QCOMPARE(statuses(second.jobState(job(QStringLiteral("f"), QStringLiteral("ok")),
                                          JobState::Failed, 50'000)),
                 QStringList{QStringLiteral("job_failed:firing")});
        QCOMPARE(second.alerts().size(), 3);
    }

    void theFileSaysWhereItIsWrong()
    {
        AlertConfig c;
        QString error;
        QVERIFY(
            !AlertConfig::parse("channels:\n  - {name: m, kind: email, smtp: 'h:25', from: a@b, "
                                "to: [c@d], password: x}\nrules: []\n",
                                QStringLiteral("a.yaml"), &c, &error));
        QVERIFY2(error.startsWith(QStringLiteral("a.yaml:2:")) &&
                     error.contains(QStringLiteral("password_env")),
                 qPrintable(error));
        QVERIFY(!AlertConfig::parse("rules:\n  - {name: r, when: lag, channels: [x]}\n",
                                    QStringLiteral("a.yaml"), &c, &error));
        QVERIFY2(error.contains(QStringLiteral("`when` is one of")), qPrintable(error));
        QVERIFY(!AlertConfig::parse("rules:\n  - {name: r, when: job_failed, channels: [nope]}\n",
                                    QStringLiteral("a.yaml"), &c, &error));
        QVERIFY2(error.contains(QStringLiteral("no channel `nope`")), qPrintable(error));
        QVERIFY(AlertConfig::parse(
            "channels:\n  - {name: h, kind: webhook, url: 'http://127.0.0.1:1/x'}\n"
            "rules:\n  - {name: r, when: kafka_lag, threshold: 10, for: 5 minutes, "
            "channels: [h]}\n",
            QStringLiteral("a.yaml"), &c, &error));
        QCOMPARE(c.rules.first().forMs, 300'000);
        QVERIFY2(AlertConfig::parse(
                     "channels:\n  - {name: h, kind: webhook, url: 'http://127.0.0.1:1/x'}\n"
                     "rules:\n  - {name: late, when: schedule_late, for: 10 minutes, "
                     "channels: [h]}\n",
                     QStringLiteral("a.yaml"), &c, &error),
                 qPrintable(error));
        QVERIFY(
            !AlertConfig::parse("channels:\n  - {name: h, kind: webhook, url: 'http://x/'}\n"
                                "rules:\n  - {name: late, when: schedule_late, channels: [h]}\n",
                                QStringLiteral("a.yaml"), &c, &error));
        QVERIFY2(error.contains(QStringLiteral("needs `for`")), qPrintable(error));
        QVERIFY(AlertConfig::parse(
            "channels:\n  - {name: m, kind: email, smtp: 'h:25', from: a@b, to: [c@d], "
            "username: u, password_keychain: alerts/smtp}\nrules: []\n",
            QStringLiteral("a.yaml"), &c, &error));
        QCOMPARE(c.channels.first().passwordKeychain, QStringLiteral("alerts/smtp"));
        QVERIFY(!AlertConfig::parse(
            "channels:\n  - {name: m, kind: email, smtp: 'h:25', from: a@b, to: [c@d], "
            "username: u, password_env: P, password_keychain: alerts/smtp}\nrules: []\n",
            QStringLiteral("a.yaml"), &c, &error));
        QVERIFY2(error.contains(QStringLiteral("not both")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestAlertEvaluator)
#include "tst_alertevaluator.moc"
