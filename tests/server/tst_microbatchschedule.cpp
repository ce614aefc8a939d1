// SPDX-License-Identifier: Apache-2.0
// Scheduled micro-batch jobs of dcp-local: the next-time computation (intervals and 5-field
// cron in UTC: steps, ranges, names, day-of-month OR day-of-week, leap days, year ends, a cron
// that never matches), which jobs are scheduled, and JobRunner running a job again and again
// (a script stands in for spark-submit) until it is cancelled or a run fails with
// stop_on_failure.
#include "jobrequest.h"
#include "jobrunner.h"
#include "jobstore.h"
#include "microbatchschedule.h"

#include "dcplocalserver.h"
#include "faketools.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace uis;
using namespace uis::dcplocal;
using uis::test::waitFor;

namespace {

QDateTime utc(const char *iso)
{
    QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    t.setTimeSpec(Qt::UTC);
    return t;
}

// clang-format off
/// Stands in for spark-submit: counts its runs in the job directory; fails run n when the job
/// config has `fail_on_run_<n>`, with the runner's FAILED line.
const QByteArray kFakeSpark = R"sh(#!/bin/sh
n=$(cat "$UIS_JOB_DIR/runs" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "$UIS_JOB_DIR/runs"
echo "fake run $n"
if grep -q "fail_on_run_$n" "$UIS_JOB_DIR/job-config.json"; then
  echo "uis-runner: FAILED: the REST API answered 503 on run $n"; exit 1
fi
exit 0
)sh";
// clang-format on

QJsonObject microBatchJob(const QJsonObject &schedule, const QString &failRuns = {})
{
    QJsonObject config{
        {QStringLiteral("name"), QStringLiteral("rest-poll")},
        {QStringLiteral("job_type"), QStringLiteral("micro_batch")},
        {QStringLiteral("sources"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("api")},
                                {QStringLiteral("type"), QStringLiteral("rest_api")}}}},
        {QStringLiteral("schedule"), schedule}};
    if (!failRuns.isEmpty())
        config.insert(QStringLiteral("test_marker"), QStringLiteral("fail_on_run_") + failRuns);
    return config;
}

} // namespace

class TestMicroBatchSchedule : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tools;
    std::unique_ptr<QTemporaryDir> m_data;
    std::unique_ptr<JobStore> m_store;
    std::unique_ptr<JobRunner> m_runner;
    int m_next = 0;

    QString submit(const QJsonObject &jobConfig)
    {
        const QJsonObject body{
            {QStringLiteral("name"), QStringLiteral("rest-poll")},
            {QStringLiteral("config"),
             QJsonObject{
                 {QStringLiteral("job_type"), QStringLiteral("BATCH")},
                 {QStringLiteral("uis"), QJsonObject{{QStringLiteral("job_config"), jobConfig}}}}}};
        JobRequest req;
        if (JobRequest::parse(QJsonDocument(body).toJson(), &req))
            return {};
        JobRecord r;
        r.status.jobId = QStringLiteral("job-%1").arg(++m_next);
        r.status.name = req.name;
        r.status.engine = req.engine;
        r.status.jobType = req.jobType;
        r.status.state = JobState::Pending;
        r.status.createdAt = QDateTime::currentDateTimeUtc();
        r.request = req.storedBody;
        const QString id = r.status.jobId;
        if (!m_store->insert(std::move(r)).isEmpty() || !m_runner->submit(id, req).isEmpty())
            return {};
        return id;
    }
    JobStatus status(const QString &id) const { return m_store->find(id)->status; }
    QString log(const QString &id) const
    {
        QFile f(m_store->logPath(id));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qunsetenv("UIS_RUNNERS_DIR");
        QVERIFY(!test::makeRunnersDir(m_tools.path()).isEmpty());
        QVERIFY(!test::writeScript(m_tools.filePath(QStringLiteral("spark-submit")), kFakeSpark)
                     .isEmpty());
    }

    void init()
    {
        m_data = std::make_unique<QTemporaryDir>();
        m_store = std::make_unique<JobStore>();
        QCOMPARE(m_store->open(m_data->path()), QString());
        RunnerConfig rc;
        rc.sparkSubmit = m_tools.filePath(QStringLiteral("spark-submit"));
        rc.runnersDir = m_tools.filePath(QStringLiteral("runners"));
        rc.killGraceMs = 1000;
        m_runner = std::make_unique<JobRunner>(m_store.get(), rc);
    }

    void cleanup()
    {
        m_runner.reset();
        m_store.reset();
        m_data.reset();
    }

    void parseInterval_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("5 minutes") << "5 minutes" << qint64(300000);
        QTest::newRow("30 s") << "30 s" << qint64(30000);
        QTest::newRow("1 second") << "1 second" << qint64(1000);
        QTest::newRow("10 seconds") << "10 seconds" << qint64(10000);
        QTest::newRow("2 hours") << "2 hours" << qint64(7200000);
        QTest::newRow("1 day") << "1 day" << qint64(86400000);
        QTest::newRow("500 ms") << "500 ms" << qint64(500);
        QTest::newRow("1.5 minutes") << "1.5 minutes" << qint64(90000);
        QTest::newRow("spark form") << "interval 5 minutes" << qint64(300000);
        QTest::newRow("no space") << "45s" << qint64(45000);
        QTest::newRow("upper case") << "3 MINUTES" << qint64(180000);
        QTest::newRow("no unit") << "5" << qint64(-1);
        QTest::newRow("zero") << "0 s" << qint64(-1);
        QTest::newRow("unknown unit") << "5 fortnights" << qint64(-1);
        QTest::newRow("negative") << "-5 s" << qint64(-1);
        QTest::newRow("empty") << "" << qint64(-1);
    }
    void parseInterval()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        QCOMPARE(MicroBatchSchedule::parseInterval(text).value_or(-1), ms);
    }

    void intervalNextRun()
    {
        const auto s = MicroBatchSchedule::interval(5000);
        QVERIFY(s);
        const QDateTime start = utc("2026-11-26T12:00:00.000");
        // Fixed rate from the run's start, not from its end.
        QCOMPARE(s->nextRun(start, utc("2026-11-26T12:00:02.000")), utc("2026-11-26T12:00:05.000"));
        // A run that took longer than the interval: the next starts at once.
        QCOMPARE(s->nextRun(start, utc("2026-11-26T12:00:09.000")), utc("2026-11-26T12:00:09.000"));
        // Across midnight and the end of a year, in UTC.
        const auto daily = MicroBatchSchedule::interval(86400000);
        QCOMPARE(daily->nextRun(utc("2026-12-31T23:30:00"), utc("2026-12-31T23:31:00")),
                 utc("2027-01-01T23:30:00"));
        // A local time zone does not move a UTC schedule (no DST hour lost or doubled).
        const QDateTime local = utc("2026-03-29T00:30:00").toTimeZone(QTimeZone("Europe/Berlin"));
        QCOMPARE(MicroBatchSchedule::interval(3600000)->nextRun(local, local).toUTC(),
                 utc("2026-03-29T01:30:00"));
        QVERIFY(!MicroBatchSchedule::interval(0));
    }

    void cronNextRun_data()
    {
        QTest::addColumn<QString>("cron");
        QTest::addColumn<QString>("now");
        QTest::addColumn<QString>("next");
        QTest::newRow("every 5 min") << "*/5 * * * *"
                                     << "2026-11-26T12:03:20"
                                     << "2026-11-26T12:05:00";
        QTest::newRow("strictly after") << "*/5 * * * *"
                                        << "2026-11-26T12:05:00"
                                        << "2026-11-26T12:10:00";
        QTest::newRow("every minute") << "* * * * *"
                                      << "2026-11-26T12:03:59"
                                      << "2026-11-26T12:04:00";
        QTest::newRow("every 6 h") << "0 */6 * * *"
                                   << "2026-11-26T11:59:00"
                                   << "2026-11-26T12:00:00";
        QTest::newRow("every 6 h, after") << "0 */6 * * *"
                                          << "2026-11-26T12:00:00"
                                          << "2026-11-26T18:00:00";
        QTest::newRow("next day") << "30 2 * * *"
                                  << "2026-11-26T03:00:00"
                                  << "2026-11-27T02:30:00";
        QTest::newRow("monday by name") << "30 2 * * MON"
                                        << "2026-11-26T03:00:00"
                                        << "2026-11-30T02:30:00";
        QTest::newRow("sunday as 7") << "0 0 * * 7"
                                     << "2026-11-26T03:00:00"
                                     << "2026-11-29T00:00:00";
        QTest::newRow("sunday as 0") << "0 0 * * 0"
                                     << "2026-11-26T03:00:00"
                                     << "2026-11-29T00:00:00";
        QTest::newRow("weekdays range") << "0 9 * * 1-5"
                                        << "2026-11-27T10:00:00"
                                        << "2026-11-30T09:00:00";
        QTest::newRow("year end") << "59 23 31 12 *"
                                  << "2026-12-31T23:59:00"
                                  << "2027-12-31T23:59:00";
        QTest::newRow("new year by name") << "0 0 1 jan *"
                                          << "2026-11-26T00:00:00"
                                          << "2027-01-01T00:00:00";
        QTest::newRow("leap day") << "0 0 29 2 *"
                                  << "2025-03-01T00:00:00"
                                  << "2028-02-29T00:00:00";
        QTest::newRow("31st skips short months") << "0 0 31 * *"
                                                 << "2026-04-01T00:00:00"
                                                 << "2026-05-31T00:00:00";
        QTest::newRow("dom or dow") << "0 0 13 * FRI"
                                    << "2026-11-26T00:00:00"
                                    << "2026-11-27T00:00:00";
        QTest::newRow("list and step range") << "10-20/5,45 * * * *"
                                             << "2026-11-26T12:16:00"
                                             << "2026-11-26T12:20:00";
        QTest::newRow("list wraps the hour") << "10-20/5,45 * * * *"
                                             << "2026-11-26T12:46:00"
                                             << "2026-11-26T13:10:00";
        QTest::newRow("a/n") << "50/5 * * * *"
                             << "2026-11-26T12:56:00"
                             << "2026-11-26T13:50:00";
        QTest::newRow("month range") << "0 0 1 6-8 *"
                                     << "2026-11-26T00:00:00"
                                     << "2027-06-01T00:00:00";
        QTest::newRow("never") << "0 0 30 2 *"
                               << "2026-11-26T00:00:00"
                               << "";
    }
    void cronNextRun()
    {
        QFETCH(QString, cron);
        QFETCH(QString, now);
        QFETCH(QString, next);
        QString error;
        const auto s = MicroBatchSchedule::cron(cron, &error);
        QVERIFY2(s, qPrintable(error));
        const QDateTime t = utc(now.toLatin1().constData());
        const QDateTime got = s->nextRun(t.addSecs(-3600), t);
        if (next.isEmpty()) {
            QVERIFY(!got.isValid());
        } else {
            QCOMPARE(got, utc(next.toLatin1().constData()));
            QCOMPARE(got.timeSpec(), Qt::UTC);
        }
    }

    void cronInvalid_data()
    {
        QTest::addColumn<QString>("cron");
        QTest::newRow("3 fields") << "* * *";
        QTest::newRow("6 fields") << "0 * * * * *";
        QTest::newRow("minute 60") << "60 * * * *";
        QTest::newRow("hour 24") << "0 24 * * *";
        QTest::newRow("day 0") << "0 0 0 * *";
        QTest::newRow("month 13") << "0 0 1 13 *";
        QTest::newRow("step 0") << "*/0 * * * *";
        QTest::newRow("backwards range") << "5-1 * * * *";
        QTest::newRow("bad name") << "0 0 * * FUNDAY";
        QTest::newRow("empty list item") << "1,,2 * * * *";
    }
    void cronInvalid()
    {
        QFETCH(QString, cron);
        QString error;
        QVERIFY(!MicroBatchSchedule::cron(cron, &error));
        QVERIFY(!error.isEmpty());
    }

    void fromJobConfig()
    {
        const QJsonObject every5{
            {QStringLiteral("trigger_type"), QStringLiteral("processing_time")},
            {QStringLiteral("trigger_interval"), QStringLiteral("5 seconds")}};
        auto s = MicroBatchSchedule::fromJobConfig(microBatchJob(every5));
        QVERIFY(s);
        QCOMPARE(s->kind(), MicroBatchSchedule::Kind::Interval);
        QCOMPARE(s->intervalMs(), qint64(5000));
        QVERIFY(!s->stopOnFailure());

        s = MicroBatchSchedule::fromJobConfig(
            microBatchJob({{QStringLiteral("trigger_type"), QStringLiteral("cron")},
                           {QStringLiteral("cron"), QStringLiteral("0 */6 * * *")},
                           {QStringLiteral("stop_on_failure"), true}}));
        QVERIFY(s);
        QCOMPARE(s->kind(), MicroBatchSchedule::Kind::Cron);
        QVERIFY(s->stopOnFailure());

        // A batch job, a micro-batch without a schedule and a Kafka stream are not rerun.
        QJsonObject batch = microBatchJob(every5);
        batch.insert(QStringLiteral("job_type"), QStringLiteral("batch"));
        QVERIFY(!MicroBatchSchedule::fromJobConfig(batch));
        QVERIFY(!MicroBatchSchedule::fromJobConfig(
            microBatchJob({{QStringLiteral("trigger_type"), QStringLiteral("once")}})));
        QJsonObject kafka = microBatchJob(every5);
        kafka.insert(QStringLiteral("sources"),
                     QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("kafka")}}});
        QVERIFY(!MicroBatchSchedule::fromJobConfig(kafka));
        QString error;
        QVERIFY(!MicroBatchSchedule::fromJobConfig(
            microBatchJob({{QStringLiteral("cron"), QStringLiteral("61 * * * *")}}), &error));
        QVERIFY(error.contains(QLatin1String("minute")));
    }

    void runsAgainUntilCancelled()
    {
        // Run 2 fails: without stop_on_failure the schedule goes on.
        const QString id = submit(microBatchJob(
            {{QStringLiteral("trigger_interval"), QStringLiteral("1 s")}}, QStringLiteral("2")));
        QVERIFY(!id.isEmpty());
        QVERIFY(
            waitFor([&] { return log(id).contains(QLatin1String("--- run 4 started")); }, 30000));
        // Between runs and during them the record stays RUNNING.
        QVERIFY(waitFor(
            [&] { return status(id).engineState.startsWith(QLatin1String("SCHEDULED next ")); },
            10000));
        const JobStatus waiting = status(id);
        QCOMPARE(waiting.state, JobState::Running);
        QVERIFY2(QRegularExpression(
                     QStringLiteral("^SCHEDULED next \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ "
                                    "\\(run \\d+\\)$"))
                     .match(waiting.engineState)
                     .hasMatch(),
                 qPrintable(waiting.engineState));
        QVERIFY(!waiting.finishedAt.isValid());
        QCOMPARE(m_runner->cancel(id), JobRunner::CancelOutcome::Cancelled);
        QCOMPARE(status(id).state, JobState::Cancelled);
        const QString text = log(id);
        QVERIFY2(text.contains(QLatin1String("--- run 1 SUCCEEDED in ")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("--- run 2 FAILED in ")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("the REST API answered 503 on run 2")));
        QVERIFY(text.contains(QLatin1String("--- run 3 SUCCEEDED in ")));
        QVERIFY(text.contains(QLatin1String("--- schedule cancelled after run")));
        QVERIFY(text.indexOf(QLatin1String("--- run 1 started")) <
                text.indexOf(QLatin1String("fake run 1")));
        // Nothing runs any more: no new run after the cancel.
        const QString runs =
            QStringLiteral("--- run %1 started").arg(text.count(QLatin1String("started at")) + 1);
        QTest::qWait(1500);
        QVERIFY(!log(id).contains(runs));
    }

    void cancelDuringARun()
    {
        const QString id =
            submit(microBatchJob({{QStringLiteral("trigger_interval"), QStringLiteral("1 s")}}));
        QVERIFY(
            waitFor([&] { return log(id).contains(QLatin1String("--- run 2 SUCCEEDED")); }, 30000));
        QVERIFY(waitFor(
            [&] {
                return status(id).engineState.startsWith(QLatin1String("RUNNING (run")) ||
                       status(id).engineState.startsWith(QLatin1String("SUBMITTED (run"));
            },
            10000));
        m_runner->cancel(id);
        QVERIFY(waitFor([&] { return status(id).state == JobState::Cancelled; }, 10000));
        QVERIFY2(QRegularExpression(QStringLiteral("--- run \\d+ CANCELLED\n"))
                     .match(log(id))
                     .hasMatch(),
                 qPrintable(log(id)));
    }

    void stopOnFailure()
    {
        const QString id =
            submit(microBatchJob({{QStringLiteral("trigger_interval"), QStringLiteral("1 s")},
                                  {QStringLiteral("stop_on_failure"), true}},
                                 QStringLiteral("2")));
        QVERIFY(waitFor([&] { return status(id).state == JobState::Failed; }, 30000));
        const QString text = log(id);
        QVERIFY2(text.contains(QLatin1String("--- run 2 FAILED")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("stop_on_failure: the schedule ends")));
        QVERIFY(!text.contains(QLatin1String("--- run 3 started")));
        QCOMPARE(status(id).error, QStringLiteral("the REST API answered 503 on run 2"));
    }

    void batchJobRunsOnce()
    {
        QJsonObject job =
            microBatchJob({{QStringLiteral("trigger_interval"), QStringLiteral("1 s")}});
        job.insert(QStringLiteral("job_type"), QStringLiteral("batch"));
        const QString id = submit(job);
        QVERIFY(waitFor([&] { return status(id).state == JobState::Succeeded; }, 30000));
        QVERIFY(!log(id).contains(QLatin1String("--- run")));
    }
};

QTEST_GUILESS_MAIN(TestMicroBatchSchedule)
#include "tst_microbatchschedule.moc"
