// SPDX-License-Identifier: Apache-2.0
// `uisctl diff` on a real Git repository: the spec's diff, node changes, findings that appear,
// and the artifacts a change touches; exit codes 0 (identical artifacts), 1, 2.
#include "uisctlprocess.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using uis::test::runUisctl;

class TestDiffCommand : public QObject
{
    Q_OBJECT

    QTemporaryDir m_repo;
    QString m_spec;

    bool git(const QStringList &args)
    {
        QProcess p;
        p.setWorkingDirectory(m_repo.path());
        p.start(QStringLiteral("git"),
                QStringList{QStringLiteral("-c"), QStringLiteral("user.name=t"),
                            QStringLiteral("-c"), QStringLiteral("user.email=t@e")} +
                    args);
        return p.waitForFinished(30000) && p.exitCode() == 0;
    }
    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    void write(const QByteArray &text)
    {
        QFile f(m_spec);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("git")).isEmpty())
            QSKIP("git is not installed");
        m_spec = m_repo.filePath(QStringLiteral("pipeline.uis.yaml"));
        write(read(
            QStringLiteral(UIS_SOURCE_DIR "/resources/templates/kafka-dedupe-window.uis.yaml")));
        QVERIFY(git({QStringLiteral("init"), QStringLiteral("-q")}));
        QVERIFY(git({QStringLiteral("add"), QStringLiteral(".")}));
        QVERIFY(git({QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("spec")}));
    }

    void unchangedIsZero()
    {
        const auto r = runUisctl({QStringLiteral("diff"), QStringLiteral("git:HEAD"), m_spec});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.isEmpty());
        // The three Flink targets, dcp-request and flink-deployment.
        QVERIFY(r.err.contains("0 of 5 artifact(s) differ"));
    }

    void windowChangeReachesTheSql()
    {
        const QByteArray original = read(m_spec);
        QVERIFY(original.contains("window: 1 minutes"));
        write(QByteArray(original).replace("window: 1 minutes", "window: 5 minutes"));
        const auto r = runUisctl({QStringLiteral("diff"), QStringLiteral("git:HEAD"),
                                  QStringLiteral("pipeline.uis.yaml"), QStringLiteral("--all")},
                                 m_repo.path());
        write(original);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.startsWith("--- git:HEAD:pipeline.uis.yaml\n+++ pipeline.uis.yaml\n"),
                 r.out.left(200));
        QVERIFY(r.out.contains("\n-      window: 1 minutes\n+      window: 5 minutes\n"));
        QVERIFY(r.out.contains("node changed: transform per_minute\n"));
        QVERIFY(r.out.contains("=== flink-sql (flink)\n"));
        QVERIFY(r.out.contains(
            "+  TUMBLE(TABLE `unique_clicks`, DESCRIPTOR(`event_time`), INTERVAL '5' MINUTE)"));
        QVERIFY(r.out.contains(
            "-  TUMBLE(TABLE `unique_clicks`, DESCRIPTOR(`event_time`), INTERVAL '1' MINUTE)"));
    }

    void oneTargetAndFindings()
    {
        const QByteArray original = read(m_spec);
        write(QByteArray(original).replace("window: 1 minutes", "window: 1 minutess"));
        const QString old = m_repo.filePath(QStringLiteral("old.uis.yaml"));
        QFile::remove(old);
        QVERIFY(QFile::copy(
            QStringLiteral(UIS_SOURCE_DIR "/resources/templates/kafka-dedupe-window.uis.yaml"),
            old));
        const auto r = runUisctl({QStringLiteral("diff"), old, m_spec, QStringLiteral("--target"),
                                  QStringLiteral("flink-sql")});
        write(original);
        QCOMPARE(r.code, 1); // the broken spec compiles to nothing: the artifact is gone
        QVERIFY2(r.out.contains("+ " + m_spec.toUtf8() + ":"), r.out);
        QVERIFY(r.out.contains("[UIS-E-DURATION]"));
        QVERIFY(r.out.contains(
            "=== flink-sql (flink)\n--- a/click-session-metrics.flink-sql.sql\n+++ /dev/null\n"));
        QVERIFY(!r.out.contains("=== flink-job"));
    }

    void usageErrors()
    {
        QCOMPARE(runUisctl({QStringLiteral("diff"), m_spec}).code, 2);
        QCOMPARE(runUisctl({QStringLiteral("diff"), QStringLiteral("git:HEAD"),
                            QStringLiteral("git:HEAD~1")})
                     .code,
                 2);
        QCOMPARE(runUisctl({QStringLiteral("diff"), m_spec, m_spec, QStringLiteral("--target"),
                            QStringLiteral("nope")})
                     .code,
                 2);
        const auto missing =
            runUisctl({QStringLiteral("diff"), QStringLiteral("git:HEAD~9"), m_spec});
        QCOMPARE(missing.code, 2);
        QVERIFY(missing.err.contains("does not exist at HEAD~9"));
        QTemporaryDir outside;
        const QString lone = outside.filePath(QStringLiteral("x.uis.yaml"));
        QVERIFY(QFile::copy(m_spec, lone));
        const auto noRepo = runUisctl({QStringLiteral("diff"), QStringLiteral("git:HEAD"), lone});
        QCOMPARE(noRepo.code, 2);
        QVERIFY(noRepo.err.contains("not in a Git repository"));
    }
};

QTEST_GUILESS_MAIN(TestDiffCommand)
#include "tst_diffcommand.moc"
