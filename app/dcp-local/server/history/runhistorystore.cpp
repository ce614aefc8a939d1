// SPDX-License-Identifier: Apache-2.0
#include "runhistorystore.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace uis::dcplocal {

namespace {

QVariant ms(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}

QDateTime time(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

} // namespace

QString RunHistoryStore::open(const QString &dataDir)
{
    return m_db.open(QDir(dataDir).filePath(QStringLiteral("runs.db")),
                     {QStringLiteral("CREATE TABLE IF NOT EXISTS runs (job_id TEXT NOT NULL,"
                                     " run INTEGER NOT NULL, schedule TEXT, started_ms INTEGER,"
                                     " finished_ms INTEGER, outcome TEXT NOT NULL, error TEXT,"
                                     " PRIMARY KEY (job_id, run))")});
}

QString RunHistoryStore::save(const QString &jobId, const QString &schedule,
                              const ScheduledRun &run)
{
    if (!m_db.isOpen())
        return QStringLiteral("the run history database is not open");
    QSqlDatabase db = QSqlDatabase::database(m_db.connection(), false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO runs (job_id, run, schedule, started_ms,"
                             " finished_ms, outcome, error) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(jobId);
    q.addBindValue(run.run);
    q.addBindValue(schedule);
    q.addBindValue(ms(run.startedAt));
    q.addBindValue(ms(run.finishedAt));
    q.addBindValue(run.outcome);
    q.addBindValue(run.error);
    if (!q.exec())
        return QStringLiteral("cannot store run %1 of %2: %3")
            .arg(run.run)
            .arg(jobId, q.lastError().text());
    if (run.run > MaxRunsPerJob) {
        QSqlQuery trim(db);
        trim.prepare(QStringLiteral("DELETE FROM runs WHERE job_id = ? AND run <= ?"));
        trim.addBindValue(jobId);
        trim.addBindValue(run.run - MaxRunsPerJob);
        trim.exec();
    }
    return QString();
}

RunHistoryStore::History RunHistoryStore::load()
{
    History h;
    if (!m_db.isOpen())
        return h;
    QSqlDatabase db = QSqlDatabase::database(m_db.connection(), false);
    QList<std::pair<QString, ScheduledRun>> cut;
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT job_id, run, schedule, started_ms, finished_ms,"
                                   " outcome, error FROM runs ORDER BY job_id, run")))
            return h;
        while (q.next()) {
            const QString id = q.value(0).toString();
            ScheduledRun r;
            r.run = q.value(1).toInt();
            r.startedAt = time(q.value(3));
            r.finishedAt = time(q.value(4));
            r.outcome = q.value(5).toString();
            r.error = q.value(6).toString();
            if (r.outcome == QLatin1String("RUNNING")) {
                r.outcome = QStringLiteral("FAILED");
                r.error = QStringLiteral("dcp-local stopped during this run");
                cut.append({id, r});
            }
            h.runs[id].append(r);
            h.schedules.insert(id, q.value(2).toString());
        }
    }
    for (const auto &[id, r] : std::as_const(cut))
        save(id, h.schedules.value(id), r);
    return h;
}

} // namespace uis::dcplocal
