// SPDX-License-Identifier: Apache-2.0
// Git through libgit2 on a real repository made with the git command in a temporary folder, and
// line diffs.
#include "gitrepository.h"
#include "textdiff.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace uis;

class TestGitRepository : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    bool git(const QStringList &args)
    {
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        p.start(QStringLiteral("git"),
                QStringList{QStringLiteral("-c"), QStringLiteral("user.name=t"),
                            QStringLiteral("-c"), QStringLiteral("user.email=t@e")} +
                    args);
        return p.waitForFinished(30000) && p.exitCode() == 0;
    }
    void write(const QString &name, const QByteArray &text)
    {
        QDir(m_dir.path()).mkpath(QFileInfo(name).path());
        QFile f(m_dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("git")).isEmpty())
            QSKIP("git is not installed");
        QVERIFY(git({QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"),
                     QStringLiteral("main")}));
        write(QStringLiteral("specs/p.uis.yaml"), "a: 1\nb: 2\n");
        QVERIFY(git({QStringLiteral("add"), QStringLiteral(".")}));
        QVERIFY(git({QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("one")}));
        write(QStringLiteral("specs/p.uis.yaml"), "a: 1\nb: 3\n");
        QVERIFY(git({QStringLiteral("commit"), QStringLiteral("-qam"), QStringLiteral("two")}));
    }

    void readsRevisions()
    {
        const QString file = m_dir.filePath(QStringLiteral("specs/p.uis.yaml"));
        QString error;
        const auto repo = GitRepository::discover(file, &error);
        QVERIFY2(repo, qPrintable(error));
        QCOMPARE(repo->branch(), QStringLiteral("main"));
        QCOMPARE(repo->relativePath(file), QStringLiteral("specs/p.uis.yaml"));
        QCOMPARE(repo->fileAt(QStringLiteral("HEAD"), file).value_or(QByteArray()),
                 QByteArray("a: 1\nb: 3\n"));
        QCOMPARE(repo->fileAt(QStringLiteral("HEAD~1"), file).value_or(QByteArray()),
                 QByteArray("a: 1\nb: 2\n"));
        QVERIFY(!repo->fileAt(QStringLiteral("HEAD~5"), file, &error));
        QVERIFY(error.contains(QStringLiteral("HEAD~5")));
        QVERIFY(!repo->fileAt(QStringLiteral("HEAD"), m_dir.filePath(QStringLiteral("new.yaml")),
                              &error));
    }

    void statusFollowsTheWorkingFile()
    {
        const QString file = m_dir.filePath(QStringLiteral("specs/p.uis.yaml"));
        const auto repo = GitRepository::discover(file);
        QVERIFY(repo);
        QVERIFY(!repo->differsFromHead(file));
        write(QStringLiteral("specs/p.uis.yaml"), "a: 1\nb: 4\n");
        QVERIFY(repo->differsFromHead(file));
        write(QStringLiteral("specs/p.uis.yaml"), "a: 1\nb: 3\n");
        QVERIFY(!repo->differsFromHead(file));
        write(QStringLiteral("specs/new.uis.yaml"), "x: 1\n");
        QVERIFY(repo->differsFromHead(m_dir.filePath(QStringLiteral("specs/new.uis.yaml"))));
    }

    void noRepository()
    {
        QTemporaryDir outside;
        QString error;
        QVERIFY(!GitRepository::discover(outside.path(), &error));
        QVERIFY(error.contains(QStringLiteral("not in a Git repository")));
    }

    void unifiedDiff()
    {
        const QByteArray a = "one\ntwo\nthree\nfour\n", b = "one\nTWO\nthree\nfour\nfive\n";
        QCOMPARE(TextDiff::unified(a, a, QStringLiteral("a"), QStringLiteral("b")), QByteArray());
        const QByteArray u =
            TextDiff::unified(a, b, QStringLiteral("a/x"), QStringLiteral("b/x"), 1);
        QCOMPARE(
            u, QByteArray(
                   "--- a/x\n+++ b/x\n@@ -1,4 +1,5 @@\n one\n-two\n+TWO\n three\n four\n+five\n"));
        const QList<DiffHunk> hunks = TextDiff::hunks(a, b, 0);
        QCOMPARE(hunks.size(), 2);
        QCOMPARE(hunks[0].lines[0].kind, DiffLine::Kind::Removed);
        QCOMPARE(hunks[0].lines[0].oldLine, 2);
        QCOMPARE(hunks[1].lines[0].newLine, 5);
    }

    void intraLineSpan()
    {
        const auto [a, b] = TextDiff::changedSpan(QStringLiteral("window: 1 minutes"),
                                                  QStringLiteral("window: 15 minutes"));
        QCOMPARE(a.start, 9);
        QCOMPARE(a.length, 0);
        QCOMPARE(b.start, 9);
        QCOMPARE(b.length, 1);
    }
};

QTEST_GUILESS_MAIN(TestGitRepository)
#include "tst_gitrepository.moc"
