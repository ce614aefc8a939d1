// SPDX-License-Identifier: Apache-2.0
// The runs of a scheduled job as child rows in the Jobs dock, against a real dcp-local that runs
// a micro_batch spec every second (a script stands in for spark-submit, as in the server's
// schedule tests: run 2 fails, the others succeed). The rows come from GET …/runs through the
// asynchronous client; the model is checked with QAbstractItemModelTester and must never be
// reset: a run's row keeps its persistent index while newer runs are inserted above it.
#include "dcpclient.h"
#include "dcplocalserver.h"
#include "environmentstore.h"
#include "isolatedhome.h"
#include "jobrun.h"
#include "jobrunsfetcher.h"
#include "jobsconnections.h"
#include "jobsdock.h"
#include "jobsmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace uis;
using uis::test::DcpLocalServer;
using uis::test::waitFor;

namespace {

// clang-format off
const QByteArray kEngine = R"sh(#!/bin/sh
n=$(cat "$UIS_JOB_DIR/runs" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "$UIS_JOB_DIR/runs"
sleep 0.3
if [ "$n" = 2 ]; then echo "uis-runner: FAILED: the REST API answered 503 on run 2"; exit 1; fi
exit 0
)sh";
// clang-format on

QJsonObject scheduledJob()
{
    const QJsonObject config{
        {QStringLiteral("name"), QStringLiteral("rest-poll")},
        {QStringLiteral("job_type"), QStringLiteral("micro_batch")},
        {QStringLiteral("sources"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("api")},
                                {QStringLiteral("type"), QStringLiteral("rest_api")}}}},
        {QStringLiteral("schedule"),
         QJsonObject{{QStringLiteral("trigger_interval"), QStringLiteral("1 seconds")}}}};
    return {{QStringLiteral("name"), QStringLiteral("rest-poll")},
            {QStringLiteral("config"),
             QJsonObject{
                 {QStringLiteral("job_type"), QStringLiteral("BATCH")},
                 {QStringLiteral("uis"), QJsonObject{{QStringLiteral("job_config"), config}}}}}};
}

/// The child row of run `run` under the job row `parent`, or an invalid index.
QModelIndex runRow(const JobsModel &model, const QModelIndex &parent, int run)
{
    for (int i = 0; i < model.rowCount(parent); ++i)
        if (model.index(i, 0, parent).data(JobsModel::RunRole).toInt() == run)
            return model.index(i, 0, parent);
    return {};
}

QString cell(const QModelIndex &row, int column)
{
    return row.sibling(row.row(), column).data().toString();
}

} // namespace

class TestJobRuns : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    DcpLocalServer m_server;

private Q_SLOTS:
    void initTestCase()
    {
        test::isolateHome(m_home.path());
        QVERIFY2(QFileInfo(DcpLocalServer::binary()).isExecutable(), "build dcp-local first");
        const QString engine = m_server.script(QStringLiteral("spark-submit"), kEngine);
        QVERIFY2(m_server.start({QStringLiteral("--spark-submit"), engine,
                                 QStringLiteral("--kill-grace"), QStringLiteral("2")}),
                 qPrintable(m_server.output()));
        EnvironmentStore().setLocalDataDir(m_server.dataDir());
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }

    void whatLooksScheduled()
    {
        JobStatus s;
        s.engineState = QStringLiteral("RUNNING (run 2)");
        QVERIFY(JobRunsFetcher::looksScheduled(s));
        s.engineState = QStringLiteral("SCHEDULED next 2026-12-07T12:00:00Z (run 3)");
        QVERIFY(JobRunsFetcher::looksScheduled(s));
        s.engineState = QStringLiteral("SCHEDULE_CANCELLED");
        QVERIFY(JobRunsFetcher::looksScheduled(s));
        s.engineState = QStringLiteral("RUNNING");
        QVERIFY(!JobRunsFetcher::looksScheduled(s));
    }

    void runsAreChildRowsOfTheirJob()
    {
        JobsConnections connections;
        DcpClient *client = nullptr;
        connections.withClient(QStringLiteral("local"),
                               [&](DcpClient *c, const QString &) { client = c; });
        QVERIFY(waitFor([&] { return client != nullptr; }, 30000));
        std::unique_ptr<DcpReply> submitted(client->submit(scheduledJob()));
        QVERIFY(submitted->wait(30000));
        QVERIFY2(submitted->isOk(), qPrintable(submitted->error().message));
        const QString id = submitted->submitResult().jobId;
        std::unique_ptr<DcpReply> got(client->get(id));
        QVERIFY(got->wait(10000) && got->isOk());

        JobsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
        JobsDock dock(&model, &connections);
        dock.addJob(QStringLiteral("local"), got->status());
        const QModelIndex job = model.index(0, 0);
        QCOMPARE(job.data(JobsModel::JobIdRole).toString(), id);

        // Run 1 appears as a child row; its persistent index must survive the next answers.
        QVERIFY2(waitFor([&] { return runRow(model, job, 1).isValid(); }, 60000),
                 qPrintable(m_server.output()));
        QPersistentModelIndex first(runRow(model, job, 1));
        QVERIFY2(waitFor(
                     [&] {
                         const QModelIndex r3 = runRow(model, job, 3);
                         return r3.isValid() &&
                                cell(r3, JobsModel::StatusColumn) == QLatin1String("SUCCEEDED");
                     },
                     60000),
                 qPrintable(m_server.output()));
        QVERIFY(first.isValid());
        QCOMPARE(first.data(JobsModel::RunRole).toInt(), 1);
        QCOMPARE(first.row(), model.rowCount(job) - 1); // newest first: run 1 at the bottom
        QCOMPARE(cell(first, JobsModel::NameColumn), QStringLiteral("Run 1"));
        QCOMPARE(cell(first, JobsModel::StatusColumn), QStringLiteral("SUCCEEDED"));
        QVERIFY(!cell(first, JobsModel::DurationColumn).isEmpty());
        QVERIFY(!cell(first, JobsModel::SubmittedColumn).isEmpty());
        const QModelIndex second = runRow(model, job, 2);
        QCOMPARE(cell(second, JobsModel::StatusColumn), QStringLiteral("FAILED"));
        QVERIFY2(cell(second, JobsModel::EngineStateColumn).contains(QLatin1String("503")),
                 qPrintable(cell(second, JobsModel::EngineStateColumn)));
        QCOMPARE(second.data(JobsModel::JobIdRole).toString(), id);
        QCOMPARE(second.data(JobsModel::StateRole).toInt(), int(JobState::Failed));

        // A selected run selects its job for every action of the dock.
        dock.view()->setCurrentIndex(second);
        QCOMPARE(dock.currentRow(), 0);
        QVERIFY(dock.cancelAction()->isEnabled());

        // Cancel: the job ends, and no run is left RUNNING in the rows.
        std::unique_ptr<DcpReply> cancel(client->cancel(id));
        QVERIFY(cancel->wait(10000) && cancel->isOk());
        QVERIFY(
            waitFor([&] { return model.entry(0)->status.state == JobState::Cancelled; }, 30000));
        QVERIFY2(waitFor(
                     [&] {
                         for (int i = 0; i < model.rowCount(job); ++i)
                             if (cell(model.index(i, 0, job), JobsModel::StatusColumn) ==
                                 QLatin1String("RUNNING"))
                                 return false;
                         return dock.runsFetcher()->inFlight() == 0;
                     },
                     30000),
                 qPrintable(m_server.output()));
        // The rows are what the server says, run for run.
        std::unique_ptr<DcpReply> runs(client->runs(id));
        QVERIFY(runs->wait(10000) && runs->isOk());
        const QList<JobRun> expected = JobRun::listFromRunsJson(runs->json());
        QCOMPARE(model.rowCount(job), int(expected.size()));
        for (int i = 0; i < expected.size(); ++i) {
            const QModelIndex r = model.index(i, 0, job);
            QCOMPARE(r.data(JobsModel::RunRole).toInt(), expected[i].run);
            QCOMPARE(cell(r, JobsModel::StatusColumn), expected[i].outcome);
        }
        QCOMPARE(first.data(JobsModel::RunRole).toInt(), 1);
        QCOMPARE(resets.count(), 0);
    }

    void mergeInsertsRemovesAndChangesRowByRow()
    {
        JobsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        JobStatus s;
        s.jobId = QStringLiteral("job-1");
        model.upsert(QStringLiteral("local"), s);
        const auto run = [](int n, const char *outcome) {
            JobRun r;
            r.run = n;
            r.outcome = QString::fromLatin1(outcome);
            r.startedAt = QDateTime::currentDateTimeUtc();
            return r;
        };
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setRuns(QStringLiteral("local"), s.jobId, {run(2, "RUNNING"), run(1, "SUCCEEDED")});
        QCOMPARE(inserted.count(), 2);
        QPersistentModelIndex one(model.index(1, 0, model.index(0, 0)));
        // Run 3 is new, run 2 ended, run 1 fell out of the server's history.
        model.setRuns(QStringLiteral("local"), s.jobId, {run(3, "RUNNING"), run(2, "FAILED")});
        QCOMPARE(inserted.count(), 3);
        QCOMPARE(removed.count(), 1);
        QVERIFY(!one.isValid());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(cell(model.index(1, 0, model.index(0, 0)), JobsModel::StatusColumn),
                 QStringLiteral("FAILED"));
        // The same answer again changes nothing.
        changed.clear();
        model.setRuns(QStringLiteral("local"), s.jobId,
                      {model.entry(0)->runs.at(0), model.entry(0)->runs.at(1)});
        QCOMPARE(changed.count(), 0);
    }
};

QTEST_MAIN(TestJobRuns)
#include "tst_jobruns.moc"
