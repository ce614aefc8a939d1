// SPDX-License-Identifier: Apache-2.0
// The job store of dcp-local on a real SQLite file in a temporary directory: records written
// through to disk in WAL mode, lists newest first with filters and a cursor, idempotency keys,
// records surviving a reopen (and a crash), and the restart recovery of running local jobs.
#include "jobstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace uis;
using namespace uis::dcplocal;

namespace {

QDateTime at(qint64 secs)
{
    return QDateTime::fromMSecsSinceEpoch(1'760'000'000'000 + secs * 1000 + 123, Qt::UTC);
}

JobRecord record(const QString &id, JobState state = JobState::Pending,
                 const QString &team = QStringLiteral("data-infra"),
                 const QString &user = QStringLiteral("user@example.com"),
                 const QString &key = QString())
{
    JobRecord r;
    r.status.jobId = id;
    r.status.name = QStringLiteral("name-") + id;
    r.status.team = team;
    r.status.user = user;
    r.status.engine = QStringLiteral("spark");
    r.status.jobType = QStringLiteral("BATCH");
    r.status.state = state;
    r.status.engineState = QStringLiteral("QUEUED");
    r.status.createdAt = at(0);
    if (state != JobState::Pending)
        r.status.startedAt = at(1);
    r.idempotencyKey = key;
    r.request = QByteArrayLiteral("{\"name\":\"") + id.toUtf8() + "\"}";
    return r;
}

QStringList ids(const QList<const JobRecord *> &records)
{
    QStringList out;
    for (const JobRecord *r : records)
        out << r->status.jobId;
    return out;
}

/// The journal mode as another SQLite connection sees it in the file.
QString journalModeOnDisk(const QString &dbPath)
{
    const QString name = QStringLiteral("probe-") + QString::number(quintptr(&dbPath));
    QString mode;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dbPath);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next())
                mode = q.value(0).toString();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return mode;
}

} // namespace

class TestJobStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void walDatabaseOnDisk()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(QStringLiteral("jobs.db"));
        {
            JobStore store;
            QCOMPARE(store.open(dir.path()), QString());
            QCOMPARE(store.dataDir(), dir.path());
            QCOMPARE(store.size(), 0);
            QCOMPARE(store.insert(record(QStringLiteral("job-a"))), QString());
            QVERIFY(QFileInfo::exists(db));
            // Committed but not yet checkpointed: the record lives in the write-ahead log.
            QVERIFY(QFileInfo::exists(db + QStringLiteral("-wal")));
            QVERIFY(QFileInfo(db + QStringLiteral("-wal")).size() > 0);
            QFile f(db);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray header = f.read(100);
            QVERIFY(header.startsWith("SQLite format 3"));
            // Bytes 18 and 19 of the header are the read/write versions: 2 means WAL.
            QCOMPARE(int(header.at(18)), 2);
            QCOMPARE(int(header.at(19)), 2);
            store.close();
            // A clean close checkpoints the log into the database file.
            QVERIFY(!QFileInfo::exists(db + QStringLiteral("-wal")) ||
                    QFileInfo(db + QStringLiteral("-wal")).size() == 0);
        }
        QCOMPARE(journalModeOnDisk(db), QStringLiteral("wal"));
    }

    void insertFindUpdate()
    {
        QTemporaryDir dir;
        JobStore store;
        QCOMPARE(store.open(dir.path()), QString());
        const JobRecord *stored = nullptr;
        QCOMPARE(store.insert(record(QStringLiteral("job-1")), &stored), QString());
        QVERIFY(stored);
        QCOMPARE(stored->status.jobId, QStringLiteral("job-1"));
        QVERIFY(stored->seq > 0);
        QCOMPARE(store.find(QStringLiteral("job-1")), stored);
        QCOMPARE(store.find(QStringLiteral("job-2")), nullptr);
        QVERIFY(stored->json().contains("\"status\":\"PENDING\""));

        JobStatus s = stored->status;
        s.state = JobState::Failed;
        s.engineState = QStringLiteral("FAILED");
        s.startedAt = at(5);
        s.finishedAt = at(9);
        s.exitCode = 3;
        s.error = QStringLiteral("the source table does not exist");
        s.uiUrl = QStringLiteral("http://localhost:4040");
        QCOMPARE(store.update(QStringLiteral("job-1"), s), QString());
        const JobRecord *after = store.find(QStringLiteral("job-1"));
        QCOMPARE(after->status, s);
        // The cached JSON follows the change.
        QVERIFY2(after->json().contains("\"status\":\"FAILED\""), after->json().constData());
        QVERIFY(after->json().contains("the source table does not exist"));

        QVERIFY(!store.update(QStringLiteral("no-such-job"), s).isEmpty());
        QCOMPARE(store.size(), 1);
        QCOMPARE(store.jobDir(QStringLiteral("job-1")), dir.path() + QStringLiteral("/jobs/job-1"));
        QCOMPARE(store.logPath(QStringLiteral("job-1")),
                 dir.path() + QStringLiteral("/jobs/job-1/job.log"));
    }

    void listNewestFirstWithFiltersAndCursor()
    {
        QTemporaryDir dir;
        JobStore store;
        QCOMPARE(store.open(dir.path()), QString());
        const QString a = QStringLiteral("a"), b = QStringLiteral("b");
        const QString u1 = QStringLiteral("u1"), u2 = QStringLiteral("u2");
        QCOMPARE(store.insert(record(QStringLiteral("j1"), JobState::Succeeded, a, u1)), QString());
        QCOMPARE(store.insert(record(QStringLiteral("j2"), JobState::Failed, b, u1)), QString());
        QCOMPARE(store.insert(record(QStringLiteral("j3"), JobState::Succeeded, a, u2)), QString());
        QCOMPARE(store.insert(record(QStringLiteral("j4"), JobState::Running, b, u2)), QString());
        QCOMPARE(store.insert(record(QStringLiteral("j5"), JobState::Succeeded, b, u1)), QString());
        QCOMPARE(store.insert(record(QStringLiteral("j6"), JobState::Pending, a, u1)), QString());

        qint64 next = -1;
        QCOMPARE(ids(store.list({}, &next)),
                 QStringList({QStringLiteral("j6"), QStringLiteral("j5"), QStringLiteral("j4"),
                              QStringLiteral("j3"), QStringLiteral("j2"), QStringLiteral("j1")}));
        QCOMPARE(next, 0);

        JobQuery q;
        q.status = QStringLiteral("SUCCEEDED");
        QCOMPARE(ids(store.list(q, &next)),
                 QStringList({QStringLiteral("j5"), QStringLiteral("j3"), QStringLiteral("j1")}));
        q.team = b;
        QCOMPARE(ids(store.list(q, &next)), QStringList({QStringLiteral("j5")}));
        q = {};
        q.user = u2;
        QCOMPARE(ids(store.list(q, &next)),
                 QStringList({QStringLiteral("j4"), QStringLiteral("j3")}));
        q = {};
        q.status = QStringLiteral("CANCELLED");
        QVERIFY(store.list(q, &next).isEmpty());

        // Pages of two follow each other without gaps or repeats, and the last has no cursor.
        q = {};
        q.limit = 2;
        QStringList seen;
        int pages = 0;
        do {
            seen += ids(store.list(q, &next));
            q.beforeSeq = next;
            ++pages;
        } while (next != 0 && pages < 10);
        QCOMPARE(pages, 3);
        QCOMPARE(seen, ids(store.list({}, &next)));

        // A filtered page stops at the limit and its cursor continues the filter.
        q = {};
        q.team = a;
        q.limit = 1;
        QCOMPARE(ids(store.list(q, &next)), QStringList({QStringLiteral("j6")}));
        QVERIFY(next > 0);
        q.beforeSeq = next;
        QCOMPARE(ids(store.list(q, &next)), QStringList({QStringLiteral("j3")}));
    }

    void idempotencyKeysAndUniqueIds()
    {
        QTemporaryDir dir;
        JobStore store;
        QCOMPARE(store.open(dir.path()), QString());
        const QString key = QStringLiteral("retry-1");
        QCOMPARE(store.insert(record(QStringLiteral("k1"), JobState::Pending, QStringLiteral("t"),
                                     QStringLiteral("u"), key)),
                 QString());
        QCOMPARE(store.insert(record(QStringLiteral("k2"))), QString());
        const JobRecord *first = store.findByIdempotencyKey(key);
        QVERIFY(first);
        QCOMPARE(first->status.jobId, QStringLiteral("k1"));
        QCOMPARE(first->idempotencyKey, key);
        QCOMPARE(store.findByIdempotencyKey(QStringLiteral("other")), nullptr);
        // A record without a key is never found by the empty key.
        QCOMPARE(store.findByIdempotencyKey(QString()), nullptr);

        // The database refuses a second job with the same key or the same id.
        QVERIFY(!store
                     .insert(record(QStringLiteral("k3"), JobState::Pending, QStringLiteral("t"),
                                    QStringLiteral("u"), key))
                     .isEmpty());
        QVERIFY(!store.insert(record(QStringLiteral("k1"))).isEmpty());
        QCOMPARE(store.size(), 2);
        QCOMPARE(store.find(QStringLiteral("k3")), nullptr);
        QCOMPARE(store.findByIdempotencyKey(key)->status.jobId, QStringLiteral("k1"));
        // A refused insert leaves the store usable.
        QCOMPARE(store.insert(record(QStringLiteral("k4"))), QString());
        qint64 next = 0;
        QCOMPARE(ids(store.list({}, &next)),
                 QStringList({QStringLiteral("k4"), QStringLiteral("k2"), QStringLiteral("k1")}));
    }

    void reopenKeepsRecords()
    {
        QTemporaryDir dir;
        JobStatus updated;
        qint64 lastSeq = 0;
        {
            JobStore store;
            QCOMPARE(store.open(dir.path()), QString());
            QCOMPARE(
                store.insert(record(QStringLiteral("r1"), JobState::Pending, QStringLiteral("t"),
                                    QStringLiteral("u"), QStringLiteral("key-r1"))),
                QString());
            QCOMPARE(store.insert(record(QStringLiteral("r2"))), QString());
            const JobRecord *r3 = nullptr;
            QCOMPARE(store.insert(record(QStringLiteral("r3")), &r3), QString());
            lastSeq = r3->seq;
            updated = store.find(QStringLiteral("r2"))->status;
            updated.state = JobState::Succeeded;
            updated.engineState = QStringLiteral("FINISHED");
            updated.startedAt = at(10);
            updated.finishedAt = at(20);
            updated.exitCode = 0;
            updated.uiUrl = QStringLiteral("http://localhost:4041");
            QCOMPARE(store.update(QStringLiteral("r2"), updated), QString());
        }
        JobStore again;
        QCOMPARE(again.open(dir.path()), QString());
        QCOMPARE(again.size(), 3);
        QCOMPARE(again.find(QStringLiteral("r2"))->status, updated);
        const JobRecord *r1 = again.find(QStringLiteral("r1"));
        QVERIFY(r1);
        const JobRecord original = record(QStringLiteral("r1"), JobState::Pending,
                                          QStringLiteral("t"), QStringLiteral("u"));
        QCOMPARE(r1->status, original.status);
        QCOMPARE(r1->request, original.request);
        QCOMPARE(again.findByIdempotencyKey(QStringLiteral("key-r1")), r1);
        // New records continue the order after the old ones.
        const JobRecord *r4 = nullptr;
        QCOMPARE(again.insert(record(QStringLiteral("r4")), &r4), QString());
        QVERIFY(r4->seq > lastSeq);
        qint64 next = 0;
        QCOMPARE(ids(again.list({}, &next)).first(), QStringLiteral("r4"));
    }

    // What was committed is on disk at once: a copy of the files taken while the store is
    // open (as a crash would leave them, without a checkpoint) holds every record.
    void committedRecordsSurviveACrash()
    {
        QTemporaryDir dir;
        QTemporaryDir crashed;
        JobStore store;
        QCOMPARE(store.open(dir.path()), QString());
        for (int i = 0; i < 20; ++i)
            QCOMPARE(store.insert(record(QStringLiteral("c%1").arg(i))), QString());
        JobStatus s = store.find(QStringLiteral("c7"))->status;
        s.state = JobState::Running;
        QCOMPARE(store.update(QStringLiteral("c7"), s), QString());
        for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
            const QString name = QStringLiteral("jobs.db") + suffix;
            QVERIFY2(QFile::copy(dir.filePath(name), crashed.filePath(name)), qPrintable(name));
        }
        JobStore copy;
        QCOMPARE(copy.open(crashed.path()), QString());
        QCOMPARE(copy.size(), 20);
        QCOMPARE(copy.find(QStringLiteral("c7"))->status.state, JobState::Running);
    }

    void recoveryFailsRunningLocalJobs()
    {
        QTemporaryDir dir;
        {
            JobStore store;
            QCOMPARE(store.open(dir.path()), QString());
            QCOMPARE(store.insert(record(QStringLiteral("pending-1"), JobState::Pending)),
                     QString());
            QCOMPARE(store.insert(record(QStringLiteral("submitted"), JobState::Submitted)),
                     QString());
            QCOMPARE(store.insert(record(QStringLiteral("running"), JobState::Running)), QString());
            QCOMPARE(store.insert(record(QStringLiteral("done"), JobState::Succeeded)), QString());
            QCOMPARE(store.insert(record(QStringLiteral("cancelled"), JobState::Cancelled)),
                     QString());
            QCOMPARE(store.insert(record(QStringLiteral("pending-2"), JobState::Pending)),
                     QString());
        }
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        JobStatus doneBefore;
        JobStatus lostBefore;
        {
            JobStore store;
            QCOMPARE(store.open(dir.path()), QString());
            doneBefore = store.find(QStringLiteral("done"))->status;
            // PENDING jobs come back oldest first, to be queued again in their order.
            QCOMPARE(store.recover(),
                     QStringList({QStringLiteral("pending-1"), QStringLiteral("pending-2")}));
            for (const QString &id : {QStringLiteral("submitted"), QStringLiteral("running")}) {
                const JobStatus s = store.find(id)->status;
                QCOMPARE(s.state, JobState::Failed);
                QCOMPARE(s.engineState, QStringLiteral("LOST"));
                QVERIFY2(
                    s.error.contains(QLatin1String("dcp-local stopped while the job was running")),
                    qPrintable(s.error));
                QVERIFY(s.finishedAt >= before);
                QCOMPARE(s.startedAt, at(1));
            }
            lostBefore = store.find(QStringLiteral("running"))->status;
            QCOMPARE(store.find(QStringLiteral("done"))->status, doneBefore);
            QCOMPARE(store.find(QStringLiteral("cancelled"))->status.state, JobState::Cancelled);
            QCOMPARE(store.find(QStringLiteral("pending-1"))->status.state, JobState::Pending);
        }
        // The verdict is stored: a further restart finds the jobs FAILED and recovers nothing new.
        JobStore third;
        QCOMPARE(third.open(dir.path()), QString());
        QCOMPARE(third.find(QStringLiteral("running"))->status.state, JobState::Failed);
        QCOMPARE(third.find(QStringLiteral("submitted"))->status.engineState,
                 QStringLiteral("LOST"));
        QCOMPARE(third.recover(),
                 QStringList({QStringLiteral("pending-1"), QStringLiteral("pending-2")}));
        // Terminal now, so the second recovery leaves the first verdict as it was.
        QCOMPARE(third.find(QStringLiteral("running"))->status, lostBefore);
    }

    void openFailsWhereNoDatabaseCanBe()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("not-a-dir"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        JobStore store;
        const QString error = store.open(file);
        QVERIFY2(!error.isEmpty(), "a data directory that is a file cannot hold jobs.db");
        QVERIFY2(error.contains(QLatin1String("jobs.db")), qPrintable(error));
        QCOMPARE(store.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestJobStore)
#include "tst_jobstore.moc"
