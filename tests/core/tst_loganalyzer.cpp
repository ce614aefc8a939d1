// SPDX-License-Identifier: Apache-2.0
// LogAnalyzer: line classes and "jump to root cause" on real-shaped Spark, Flink and Python logs.
#include "loganalyzer.h"

#include <QTest>

using namespace uis;

class TestLogAnalyzer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void classify()
    {
        QCOMPARE(LogAnalyzer::classify(u"26/11/21 10:01:02 INFO SparkContext: Running Spark version 3.5.7"),
                 LogAnalyzer::LineKind::Normal);
        QCOMPARE(LogAnalyzer::classify(u"26/11/21 10:01:02 WARN Utils: Your hostname resolves to a loopback address"),
                 LogAnalyzer::LineKind::Warning);
        QCOMPARE(LogAnalyzer::classify(u"26/11/21 10:01:02 ERROR Executor: Exception in task 0.0"),
                 LogAnalyzer::LineKind::Error);
        QCOMPARE(LogAnalyzer::classify(u"2025-01-01 ERROR org.apache.flink.runtime: job failed"), LogAnalyzer::LineKind::Error);
        QCOMPARE(LogAnalyzer::classify(u"uis-runner: FAILED: no such table"), LogAnalyzer::LineKind::Error);
        QCOMPARE(LogAnalyzer::classify(u"\tat org.apache.spark.sql.Dataset.ofRows(Dataset.scala:99)"), LogAnalyzer::LineKind::Exception);
        QCOMPARE(LogAnalyzer::classify(u"Caused by: java.io.FileNotFoundException: /x"), LogAnalyzer::LineKind::Exception);
    }

    void javaChain()
    {
        const QString log = QStringLiteral(
            "26/11/21 10:00:00 INFO SparkContext: Running Spark version 3.5.7\n"
            "the word Exception in prose is not one\n"
            "26/11/21 10:00:01 ERROR Executor: task failed\n"
            "org.apache.spark.SparkException: Job aborted due to stage failure\n"
            "\tat org.apache.spark.scheduler.DAGScheduler.failJobAndIndependentStages(DAGScheduler.scala:2856)\n"
            "\tat org.apache.spark.scheduler.DAGScheduler.abortStage(DAGScheduler.scala:2792)\n"
            "Caused by: java.lang.RuntimeException: cannot write partition\n"
            "\tat org.example.Writer.write(Writer.java:10)\n"
            "\t... 12 more\n"
            "Caused by: java.io.FileNotFoundException: s3a://bucket/x (No such file or directory)\n"
            "\tat org.apache.hadoop.fs.s3a.S3AFileSystem.open(S3AFileSystem.java:1)\n"
            "\t... 20 more\n"
            "26/11/21 10:00:02 INFO ShutdownHookManager: Shutdown hook called\n"
            "java.lang.IllegalStateException: a second one\n"
            "\tat x.Y.z(Y.java:1)\n");
        const auto rc = LogAnalyzer::findRootCause(log);
        QVERIFY(rc);
        QCOMPARE(rc->firstLine, 3);
        QCOMPARE(rc->lastLine, 11);
        QCOMPARE(rc->exception, QStringLiteral("org.apache.spark.SparkException: Job aborted due to stage failure"));
        QCOMPARE(rc->causedBy.size(), 2);
        QCOMPARE(rc->summary(), QStringLiteral("java.io.FileNotFoundException: s3a://bucket/x (No such file or directory)"));
    }

    void pythonChain()
    {
        const QString log = QStringLiteral(
            "uis-runner: reading sources\n"
            "Traceback (most recent call last):\n"
            "  File \"runner.py\", line 10, in read\n"
            "    conn.request()\n"
            "ConnectionRefusedError: [Errno 111] Connection refused\n"
            "\n"
            "The above exception was the direct cause of the following exception:\n"
            "\n"
            "Traceback (most recent call last):\n"
            "  File \"runner.py\", line 20, in main\n"
            "    read()\n"
            "JobError: GET http://api/x: connection refused\n"
            "uis-runner: FAILED: GET http://api/x: connection refused\n");
        const auto rc = LogAnalyzer::findRootCause(log);
        QVERIFY(rc);
        QCOMPARE(rc->firstLine, 1);
        QCOMPARE(rc->lastLine, 11);
        QCOMPARE(rc->exception, QStringLiteral("JobError: GET http://api/x: connection refused"));
        QCOMPARE(rc->causedBy, QStringList{QStringLiteral("ConnectionRefusedError: [Errno 111] Connection refused")});
        QCOMPARE(rc->summary(), QStringLiteral("ConnectionRefusedError: [Errno 111] Connection refused"));
    }

    void nothing()
    {
        QVERIFY(!LogAnalyzer::findRootCause(QStringLiteral("all good\nuis-runner: done\n")));
        QVERIFY(!LogAnalyzer::findRootCause(QString()));
    }
};

QTEST_GUILESS_MAIN(TestLogAnalyzer)
#include "tst_loganalyzer.moc"
