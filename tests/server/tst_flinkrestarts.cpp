// SPDX-License-Identifier: Apache-2.0
// A Flink job in a restart loop, as dcp-local sees it: a script prints what the Flink runner
// prints (runners/uis_runners/flink/restarts.py) and the job's status shows the loop
// (`engine_state` `RESTARTING (3 restarts)`, `error` the latest restart's exception), while the
// log keeps the trace in the form the root-cause finder (core/client/loganalyzer) reads.
#include "jobrequest.h"
#include "jobrunner.h"
#include "jobstore.h"
#include "loganalyzer.h"

#include "dcplocalserver.h"
#include "faketools.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace uis;
using namespace uis::dcplocal;
using uis::test::waitFor;

namespace {

// clang-format off
/// The Flink runner's output in a restart loop (shortened from a real run on Flink 1.20.1),
/// then `RUNNING (3 restarts)` until the file `go` appears.
const QByteArray kFakeFlink = R"sh(#!/bin/sh
cat <<'EOF2'
uis-runner: job 79d9bf6e submitted (INSERT INTO readings_out SELECT * FROM readings)
uis-runner: job 79d9bf6e state RUNNING
uis-runner: job 79d9bf6e restart 1 caused by: java.io.IOException: Failed to deserialize consumer record due to (root cause: org.apache.flink.formats.json.JsonParseException: Fail to deserialize at field: ts.)
java.io.IOException: Failed to deserialize consumer record due to
	at org.apache.flink.connector.kafka.source.reader.KafkaRecordEmitter.emitRecord(KafkaRecordEmitter.java:56)
	at org.apache.flink.connector.base.source.reader.SourceReaderBase.pollNext(SourceReaderBase.java:203)
	... 9 more
Caused by: java.io.IOException: Failed to deserialize JSON '{"device_id": "sensor-7", "ts": "2024-01-15T10:30:05Z"}'.
	at org.apache.flink.formats.json.JsonParserRowDataDeserializationSchema.deserialize(JsonParserRowDataDeserializationSchema.java:97)
	... 4 more
Caused by: org.apache.flink.formats.json.JsonParseException: Fail to deserialize at field: ts.
	at org.apache.flink.formats.json.JsonParserToRowDataConverters.lambda$createRowConverter$43b82837$1(JsonParserToRowDataConverters.java:419)
	... 14 more
uis-runner: job 79d9bf6e state RESTARTING (1 restart)
uis-runner: job 79d9bf6e state RUNNING (1 restart)
EOF2
sleep 0.3
echo 'uis-runner: job 79d9bf6e restart 3 caused by: java.lang.RuntimeException: run 3 (root cause: java.time.DateTimeException: bad ts)'
echo 'uis-runner: job 79d9bf6e state RESTARTING (3 restarts)'
while [ ! -e go ]; do sleep 0.05; done
exit 0
)sh";
// clang-format on

} // namespace

class TestFlinkRestarts : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tools;
    QTemporaryDir m_data;

private Q_SLOTS:
    void restartLoopShowsInStatusAndLog()
    {
        qunsetenv("UIS_RUNNERS_DIR");
        const QDir tools(m_tools.path());
        RunnerConfig rc;
        rc.runnersDir = test::makeRunnersDir(tools.path());
        rc.flink = test::writeScript(tools.filePath(QStringLiteral("flink")), kFakeFlink);
        QVERIFY(!rc.runnersDir.isEmpty() && !rc.flink.isEmpty());

        JobStore store;
        QCOMPARE(store.open(m_data.path()), QString());
        rc.killGraceMs = 1000;
        JobRunner jobs(&store, rc);

        const QJsonObject body{
            {QStringLiteral("name"), QStringLiteral("iot")},
            {QStringLiteral("config"),
             QJsonObject{{QStringLiteral("engine"), QStringLiteral("flink")},
                         {QStringLiteral("job_type"), QStringLiteral("STREAMING")},
                         {QStringLiteral("flink"),
                          QJsonObject{{QStringLiteral("sql"), QStringLiteral("SELECT 1;")}}}}}};
        JobRequest req;
        QVERIFY(!JobRequest::parse(QJsonDocument(body).toJson(), &req));
        JobRecord r;
        r.status.jobId = QStringLiteral("job-1");
        r.status.name = req.name;
        r.status.engine = req.engine;
        r.status.jobType = req.jobType;
        r.status.state = JobState::Pending;
        r.status.createdAt = QDateTime::currentDateTimeUtc();
        r.request = req.storedBody;
        QCOMPARE(store.insert(std::move(r)), QString());
        QCOMPARE(jobs.submit(QStringLiteral("job-1"), req), QString());

        auto status = [&] { return store.find(QStringLiteral("job-1"))->status; };
        QVERIFY(waitFor(
            [&] { return status().engineState == QLatin1String("RESTARTING (3 restarts)"); },
            20000));
        QCOMPARE(status().state, JobState::Running);
        QCOMPARE(status().error, QStringLiteral("java.lang.RuntimeException: run 3 (root cause: "
                                                "java.time.DateTimeException: bad ts)"));

        // The log: the trace as the root-cause finder reads it.
        QFile log(store.logPath(QStringLiteral("job-1")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const auto rc2 = LogAnalyzer::findRootCause(QString::fromUtf8(log.readAll()));
        QVERIFY(rc2);
        QCOMPARE(
            rc2->exception,
            QStringLiteral("java.io.IOException: Failed to deserialize consumer record due to"));
        QCOMPARE(rc2->summary(), QStringLiteral("org.apache.flink.formats.json.JsonParseException: "
                                                "Fail to deserialize at field: ts."));

        // The job ends normally: the restart marker leaves with it.
        QFile go(store.jobDir(QStringLiteral("job-1")) + QStringLiteral("/go"));
        QVERIFY(go.open(QIODevice::WriteOnly));
        go.close();
        QVERIFY(waitFor([&] { return status().state == JobState::Succeeded; }, 20000));
        QCOMPARE(status().engineState, QStringLiteral("FINISHED"));
        QVERIFY(status().error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFlinkRestarts)
#include "tst_flinkrestarts.moc"
