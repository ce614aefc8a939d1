// SPDX-License-Identifier: Apache-2.0
// Whether a job fits a cluster (app/dcp-local/server/fitting/): what a request asks for (the
// compiled Spark conf, the Flink SQL's parallelism), compared with the engines' own JSON (the
// Spark master's /json/, Flink's /overview and /taskmanagers, in the shapes Spark 3.5 and
// Flink 1.20 answer): never (422 or scaled down), later (held PENDING), or now. Also the
// targets file's `fit_resources` and `waiting_limit`.
#include "fitting/resourcefit.h"
#include "jobrequest.h"
#include "targetregistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace uis;
using namespace uis::dcplocal;

namespace {

QJsonObject worker(int cores, int coresUsed, int memoryMb, int memoryUsedMb,
                   const QString &state = QStringLiteral("ALIVE"))
{
    return QJsonObject{
        {QStringLiteral("id"), QStringLiteral("worker-20261207010000-127.0.0.1-40000")},
        {QStringLiteral("host"), QStringLiteral("127.0.0.1")},
        {QStringLiteral("state"), state},
        {QStringLiteral("cores"), cores},
        {QStringLiteral("coresused"), coresUsed},
        {QStringLiteral("coresfree"), cores - coresUsed},
        {QStringLiteral("memory"), memoryMb},
        {QStringLiteral("memoryused"), memoryUsedMb},
        {QStringLiteral("memoryfree"), memoryMb - memoryUsedMb}};
}

QJsonObject master(const QJsonArray &workers)
{
    return QJsonObject{{QStringLiteral("url"), QStringLiteral("spark://127.0.0.1:7077")},
                       {QStringLiteral("workers"), workers},
                       {QStringLiteral("aliveworkers"), workers.size()},
                       {QStringLiteral("activeapps"), QJsonArray{}},
                       {QStringLiteral("completedapps"), QJsonArray{}},
                       {QStringLiteral("status"), QStringLiteral("ALIVE")}};
}

QJsonObject overview(int tms, int total, int available)
{
    return QJsonObject{{QStringLiteral("taskmanagers"), tms},
                       {QStringLiteral("slots-total"), total},
                       {QStringLiteral("slots-available"), available},
                       {QStringLiteral("jobs-running"), 0},
                       {QStringLiteral("flink-version"), QStringLiteral("1.20.1")}};
}

QJsonArray taskManagers(double processBytes)
{
    return QJsonArray{
        QJsonObject{{QStringLiteral("id"), QStringLiteral("127.0.0.1:40001-a1b2c3")},
                    {QStringLiteral("slotsNumber"), 2},
                    {QStringLiteral("freeSlots"), 2},
                    {QStringLiteral("memoryConfiguration"),
                     QJsonObject{{QStringLiteral("totalProcessMemory"), processBytes},
                                 {QStringLiteral("totalFlinkMemory"), processBytes * 0.8}}}}};
}

ResourceRequest spark(const QString &memory, const QString &cores, const QString &instances)
{
    QJsonObject conf;
    if (!memory.isEmpty())
        conf.insert(QStringLiteral("spark.executor.memory"), memory);
    if (!cores.isEmpty())
        conf.insert(QStringLiteral("spark.executor.cores"), cores);
    if (!instances.isEmpty())
        conf.insert(QStringLiteral("spark.executor.instances"), instances);
    return ResourceRequest::ofSpark(QJsonObject{{QStringLiteral("spark_config"), conf}});
}

ResourceRequest flink(int parallelism, const QString &tmMemory = {})
{
    QJsonObject conf;
    if (!tmMemory.isEmpty())
        conf.insert(QStringLiteral("taskmanager.memory.process.size"), tmMemory);
    return ResourceRequest::ofFlink(
        QStringLiteral("SET 'pipeline.name' = 'uis-x';\nSET 'parallelism.default' = '%1';\n")
            .arg(parallelism),
        QJsonObject{{QStringLiteral("flink_config"), conf}});
}

QString parseError(const QByteArray &yaml, QList<TargetSpec> *specs = nullptr)
{
    QList<TargetSpec> out;
    QString error;
    if (!TargetRegistry::parse(yaml, QStringLiteral("targets.yaml"), &out, &error))
        return error;
    if (specs)
        *specs = out;
    return QString();
}

} // namespace

class TestResourceFit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sizes()
    {
        QCOMPARE(ResourceRequest::parseSizeMb(QStringLiteral("8g")).value_or(-1), 8192);
        QCOMPARE(ResourceRequest::parseSizeMb(QStringLiteral("512m")).value_or(-1), 512);
        QCOMPARE(ResourceRequest::parseSizeMb(QStringLiteral("1024")).value_or(-1), 1024);
        QCOMPARE(ResourceRequest::parseSizeMb(QStringLiteral("1.5 GB")).value_or(-1), 1536);
        QCOMPARE(ResourceRequest::parseSizeMb(QStringLiteral("2gib")).value_or(-1), 2048);
        QVERIFY(!ResourceRequest::parseSizeMb(QStringLiteral("lots")));
        QCOMPARE(ResourceRequest::sizeText(8192), QStringLiteral("8 GiB"));
        QCOMPARE(ResourceRequest::sizeText(1536), QStringLiteral("1.5 GiB"));
        QCOMPARE(ResourceRequest::sizeText(512), QStringLiteral("512 MiB"));
    }

    void sparkRequestFromTheCompiledConf()
    {
        const ResourceRequest r =
            spark(QStringLiteral("8g"), QStringLiteral("4"), QStringLiteral("2"));
        QCOMPARE(r.executorMemoryMb, 8192);
        QCOMPARE(r.executorCores, 4);
        QCOMPARE(r.executorInstances, 2);
    }

    void sparkProductionSizedNeverFits()
    {
        const FitVerdict v = ResourceFit::spark(
            QStringLiteral("spark-dev"), spark(QStringLiteral("8g"), QStringLiteral("4"), {}),
            master({worker(2, 0, 2048, 0)}));
        QCOMPARE(v.kind, FitVerdict::Kind::Never);
        QCOMPARE(v.message, QStringLiteral("spark-dev: executors need 8 GiB and 4 cores; the "
                                           "largest worker offers 2 GiB and 2 cores"));
        QVERIFY(v.canScale);
        QCOMPARE(v.fitted.executorMemoryMb, 2048);
        QCOMPARE(v.fitted.executorCores, 2);
        QCOMPARE(v.fitted.executorInstances, 1);
        QCOMPARE(v.changes, (QStringList{QStringLiteral("executor memory 8 GiB → 2 GiB"),
                                         QStringLiteral("executor cores 4 → 2")}));
    }

    void sparkLargestWorkerIsTheOneThatTakesMost()
    {
        // A dead worker counts for nothing; of the live ones the 4-core one is named.
        const FitVerdict v = ResourceFit::spark(
            QStringLiteral("c"), spark(QStringLiteral("16g"), QStringLiteral("8"), {}),
            master({worker(32, 0, 65536, 0, QStringLiteral("DEAD")), worker(2, 0, 8192, 0),
                    worker(4, 0, 4096, 0)}));
        QCOMPARE(v.kind, FitVerdict::Kind::Never);
        QVERIFY2(v.message.endsWith(QStringLiteral("the largest worker offers 4 GiB and 4 cores")),
                 qPrintable(v.message));
        QCOMPARE(v.fitted.executorCores, 4);
        QCOMPARE(v.fitted.executorMemoryMb, 4096);
    }

    void sparkMoreExecutorsThanTheClusterHolds()
    {
        const FitVerdict v = ResourceFit::spark(
            QStringLiteral("spark-dev"),
            spark(QStringLiteral("1g"), QStringLiteral("1"), QStringLiteral("3")),
            master({worker(2, 0, 2048, 0)}));
        QCOMPARE(v.kind, FitVerdict::Kind::Never);
        QCOMPARE(v.message,
                 QStringLiteral("spark-dev: 3 executors of 1 GiB and 1 core need 3 cores and 3 "
                                "GiB; the cluster offers 2 cores and 2 GiB on 1 worker, room for "
                                "2 such executors"));
        QCOMPARE(v.fitted.executorInstances, 2);
        QCOMPARE(v.changes, QStringList{QStringLiteral("executor instances 3 → 2")});
    }

    void sparkTooSmallToScale()
    {
        const FitVerdict v =
            ResourceFit::spark(QStringLiteral("s"), spark(QStringLiteral("2g"), {}, {}),
                               master({worker(1, 0, 256, 0)}));
        QCOMPARE(v.kind, FitVerdict::Kind::Never);
        QVERIFY(!v.canScale); // Spark refuses executors under 450 MiB
    }

    void sparkBusyClusterMeansLater()
    {
        const ResourceRequest r = spark(QStringLiteral("1g"), QStringLiteral("1"), {});
        // another application holds both cores
        FitVerdict v =
            ResourceFit::spark(QStringLiteral("spark-dev"), r, master({worker(2, 2, 2048, 2048)}));
        QCOMPARE(v.kind, FitVerdict::Kind::Later);
        QCOMPARE(v.message, QStringLiteral("executors need 1 GiB and 1 core; free on the "
                                           "workers: 0 of 2 cores, 0 MiB of 2 GiB"));
        QCOMPARE(ResourceFit::waitingState(v.message),
                 QStringLiteral("WAITING for resources (executors need 1 GiB and 1 core; free on "
                                "the workers: 0 of 2 cores, 0 MiB of 2 GiB)"));
        // cores free but not the memory: still later
        v = ResourceFit::spark(QStringLiteral("s"), r, master({worker(2, 1, 2048, 1536)}));
        QCOMPARE(v.kind, FitVerdict::Kind::Later);
        // one executor's room is enough to start
        v = ResourceFit::spark(QStringLiteral("s"), r, master({worker(2, 1, 2048, 1024)}));
        QCOMPARE(v.kind, FitVerdict::Kind::Fits);
        // no worker at all: later, not never (workers may register)
        v = ResourceFit::spark(QStringLiteral("s"), r, master({}));
        QCOMPARE(v.kind, FitVerdict::Kind::Later);
    }

    void sparkJobsStillStartingTakeTheirRoomFirst()
    {
        const ResourceRequest r = spark(QStringLiteral("1g"), QStringLiteral("1"), {});
        const QJsonObject idle = master({worker(2, 0, 2048, 0)});
        // one capped at a core leaves the other
        ResourceRequest capped = r;
        capped.coresMax = 1;
        QCOMPARE(ResourceFit::spark(QStringLiteral("s"), r, idle, {capped}).kind,
                 FitVerdict::Kind::Fits);
        // without spark.cores.max the master gives it every core
        const FitVerdict v = ResourceFit::spark(QStringLiteral("s"), r, idle, {r});
        QCOMPARE(v.kind, FitVerdict::Kind::Later);
        QVERIFY2(v.message.endsWith(QStringLiteral(", after 1 job starting")),
                 qPrintable(v.message));
    }

    void sparkScaledRequestIsWrittenIntoTheConf()
    {
        JobRequest req;
        req.engine = QStringLiteral("spark");
        req.jobConfig = QJsonObject{
            {QStringLiteral("spark_config"),
             QJsonObject{{QStringLiteral("spark.executor.memory"), QStringLiteral("8g")},
                         {QStringLiteral("spark.executor.cores"), QStringLiteral("4")},
                         {QStringLiteral("spark.app.name"), QStringLiteral("x")}}}};
        ResourceRequest fitted = ResourceRequest::of(req);
        fitted.executorMemoryMb = 2048;
        fitted.executorCores = 2;
        fitted.executorInstances = 1;
        fitted.applyTo(&req);
        const QJsonObject conf = req.jobConfig.value(QLatin1String("spark_config")).toObject();
        QCOMPARE(conf.value(QLatin1String("spark.executor.memory")).toString(),
                 QStringLiteral("2048m"));
        QCOMPARE(conf.value(QLatin1String("spark.executor.cores")).toString(), QStringLiteral("2"));
        QCOMPARE(conf.value(QLatin1String("spark.cores.max")).toString(), QStringLiteral("2"));
        QCOMPARE(conf.value(QLatin1String("spark.app.name")).toString(), QStringLiteral("x"));
        QCOMPARE(ResourceRequest::of(req).executorMemoryMb, 2048);
    }

    void flinkRequestFromTheSql()
    {
        QCOMPARE(flink(4).parallelism, 4);
        // the last SET wins, as in the SQL client; without one, flink_config
        QCOMPARE(ResourceRequest::ofFlink(QStringLiteral("SET 'parallelism.default' = '2';\nset "
                                                         "'parallelism.default'='6';"),
                                          {})
                     .parallelism,
                 6);
        QCOMPARE(ResourceRequest::ofFlink(
                     QStringLiteral("INSERT INTO a SELECT 1;"),
                     QJsonObject{{QStringLiteral("flink_config"),
                                  QJsonObject{{QStringLiteral("parallelism.default"),
                                               QStringLiteral("3")}}}})
                     .parallelism,
                 3);
        QCOMPARE(flink(1, QStringLiteral("4096m")).taskManagerMemoryMb, 4096);
    }

    void flinkMoreSlotsThanTheClusterHas()
    {
        const FitVerdict v = ResourceFit::flink(QStringLiteral("flink-dev"), flink(4),
                                                overview(1, 2, 2), taskManagers(1073741824.0));
        QCOMPARE(v.kind, FitVerdict::Kind::Never);
        QCOMPARE(v.message, QStringLiteral("flink-dev: the job needs 4 slots (parallelism 4); "
                                           "the cluster has 2 slots on 1 TaskManager"));
        QVERIFY(v.canScale);
        QCOMPARE(v.fitted.parallelism, 2);
        QCOMPARE(v.changes, QStringList{QStringLiteral("parallelism 4 → 2")});
    }

    void flinkTaskManagersTooSmall()
    {
        const FitVerdict v =
            ResourceFit::flink(QStringLiteral("flink-dev"), flink(2, QStringLiteral("4g")),
                               overview(1, 2, 2), taskManagers(1073741824.0));
        QCOMPARE(v.kind, FitVerdict::Kind::Never);
        QCOMPARE(v.message, QStringLiteral("flink-dev: the job asks for TaskManagers of 4 GiB; "
                                           "the largest TaskManager has 1 GiB"));
        QCOMPARE(v.fitted.parallelism, 2);
    }

    void flinkBusyClusterMeansLater()
    {
        const QJsonArray tms = taskManagers(1073741824.0);
        FitVerdict v = ResourceFit::flink(QStringLiteral("f"), flink(2), overview(1, 2, 0), tms);
        QCOMPARE(v.kind, FitVerdict::Kind::Later);
        QCOMPARE(v.message, QStringLiteral("the job needs 2 slots (parallelism 2); 0 of 2 free"));
        QCOMPARE(ResourceFit::flink(QStringLiteral("f"), flink(2), overview(1, 2, 2), tms).kind,
                 FitVerdict::Kind::Fits);
        // a job still being submitted takes its slots first
        v = ResourceFit::flink(QStringLiteral("f"), flink(1), overview(1, 2, 2), tms, {flink(2)});
        QCOMPARE(v.kind, FitVerdict::Kind::Later);
        QVERIFY2(v.message.endsWith(QStringLiteral("0 of 2 free after 1 job starting")),
                 qPrintable(v.message));
        QCOMPARE(ResourceFit::flink(QStringLiteral("f"), flink(1), overview(0, 0, 0), {}).kind,
                 FitVerdict::Kind::Later);
    }

    void flinkScaledParallelismIsWrittenIntoTheSql()
    {
        JobRequest req;
        req.engine = QStringLiteral("flink");
        req.flinkSql = QStringLiteral("SET 'parallelism.default' = '4';\nINSERT INTO b SELECT * "
                                      "FROM a;\n");
        ResourceRequest fitted = ResourceRequest::of(req);
        fitted.parallelism = 2;
        fitted.applyTo(&req);
        QCOMPARE(req.flinkSql, QStringLiteral("SET 'parallelism.default' = '2';\nINSERT INTO b "
                                              "SELECT * FROM a;\n"));
        req.flinkSql = QStringLiteral("INSERT INTO b SELECT * FROM a;\n");
        fitted.applyTo(&req);
        QCOMPARE(ResourceRequest::of(req).parallelism, 2);
    }

    void targetOptions()
    {
        QList<TargetSpec> specs;
        QCOMPARE(parseError("targets:\n"
                            "  - {name: s, kind: spark-standalone, master: spark://h:7077,\n"
                            "     master_ui: http://h:8080, fit_resources: true,\n"
                            "     waiting_limit: 90 s}\n"
                            "  - {name: f, kind: flink-session, rest_url: http://h:8081,\n"
                            "     waiting_limit: 30}\n",
                            &specs),
                 QString());
        QCOMPARE(specs.size(), 2);
        QCOMPARE(specs[0].fitResources, true);
        QCOMPARE(specs[0].waitingLimitMs, 90000);
        QCOMPARE(specs[1].fitResources, false);
        QCOMPARE(specs[1].waitingLimitMs, 30000);
        QCOMPARE(TargetSpec().waitingLimitMs, 120000);
        QCOMPARE(parseError("targets:\n  - {name: f, kind: flink-session, rest_url: "
                            "http://h:8081, fit_resources: maybe}\n"),
                 QStringLiteral("targets.yaml:2:76: `fit_resources` must be true or false"));
        QVERIFY(parseError("targets:\n  - {name: f, kind: flink-session, rest_url: "
                           "http://h:8081, waiting_limit: soon}\n")
                    .contains(QStringLiteral("`waiting_limit` must be a positive duration")));
        QVERIFY(parseError("targets:\n  - {name: l, kind: local, fit_resources: true}\n")
                    .contains(QStringLiteral("`fit_resources` does not apply to a local target")));
    }
};

QTEST_GUILESS_MAIN(TestResourceFit)
#include "tst_resourcefit.moc"
