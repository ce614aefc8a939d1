// SPDX-License-Identifier: Apache-2.0
#include "savepointstore.h"

#include "jobstatus.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace uis::dcplocal {

namespace {

QVariant text(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QVariant time(const QDateTime &t)
{
    return t.isValid() ? QVariant(toRfc3339(t)) : QVariant(QMetaType::fromType<QString>());
}

QDateTime parseTime(const QVariant &v)
{
    return v.isNull() ? QDateTime() : fromRfc3339(QJsonValue(v.toString()));
}

const char *const kColumns =
    "id, job_id, kind, origin, status, path, created_at, completed_at, size_bytes,"
    " trigger_id, error, deleted_at, deleted_by";

} // namespace

QString SavepointStore::open(const QString &connection)
{
    m_connection = connection;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(QStringLiteral(
            "CREATE TABLE IF NOT EXISTS savepoints ("
            " seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,"
            " job_id TEXT NOT NULL, kind TEXT NOT NULL, origin TEXT, status TEXT NOT NULL,"
            " path TEXT, created_at TEXT, completed_at TEXT, size_bytes INTEGER,"
            " trigger_id TEXT, error TEXT, deleted_at TEXT, deleted_by TEXT)")))
        return q.lastError().text();
    q.setForwardOnly(true);
    if (!q.exec(
            QStringLiteral("SELECT %1 FROM savepoints ORDER BY seq").arg(QLatin1String(kColumns))))
        return q.lastError().text();
    while (q.next()) {
        SavepointRecord r;
        r.id = q.value(0).toString();
        r.jobId = q.value(1).toString();
        r.kind = q.value(2).toString();
        r.origin = q.value(3).toString();
        r.status = q.value(4).toString();
        r.path = q.value(5).toString();
        r.createdAt = parseTime(q.value(6));
        r.completedAt = parseTime(q.value(7));
        if (!q.value(8).isNull())
            r.sizeBytes = q.value(8).toLongLong();
        r.triggerId = q.value(9).toString();
        r.error = q.value(10).toString();
        r.deletedAt = parseTime(q.value(11));
        r.deletedBy = q.value(12).toString();
        m_index.insert(r.id, m_records.size());
        m_records.append(r);
    }
    return QString();
}

QString SavepointStore::put(const SavepointRecord &r)
{
    // The memory copy changes even if the write fails, so clients see the truth (as JobStore).
    if (const auto it = m_index.constFind(r.id); it != m_index.constEnd()) {
        m_records[*it] = r;
    } else {
        m_index.insert(r.id, m_records.size());
        m_records.append(r);
    }
    QSqlQuery q(QSqlDatabase::database(m_connection));
    // Upsert that keeps `seq` (the creation order) of an existing row.
    q.prepare(
        QStringLiteral(
            "INSERT INTO savepoints (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, origin = excluded.origin,"
            " status = excluded.status, path = excluded.path, created_at = excluded.created_at,"
            " completed_at = excluded.completed_at, size_bytes = excluded.size_bytes,"
            " trigger_id = excluded.trigger_id, error = excluded.error,"
            " deleted_at = excluded.deleted_at, deleted_by = excluded.deleted_by")
            .arg(QLatin1String(kColumns)));
    q.addBindValue(r.id);
    q.addBindValue(r.jobId);
    q.addBindValue(r.kind);
    q.addBindValue(text(r.origin));
    q.addBindValue(r.status);
    q.addBindValue(text(r.path));
    q.addBindValue(time(r.createdAt));
    q.addBindValue(time(r.completedAt));
    q.addBindValue(r.sizeBytes ? QVariant(*r.sizeBytes)
                               : QVariant(QMetaType::fromType<qlonglong>()));
    q.addBindValue(text(r.triggerId));
    q.addBindValue(text(r.error));
    q.addBindValue(time(r.deletedAt));
    q.addBindValue(text(r.deletedBy));
    if (!q.exec())
        return QStringLiteral("cannot store savepoint %1: %2").arg(r.id, q.lastError().text());
    return QString();
}

const SavepointRecord *SavepointStore::find(const QString &id) const
{
    const auto it = m_index.constFind(id);
    return it == m_index.constEnd() ? nullptr : &m_records.at(*it);
}

QList<const SavepointRecord *> SavepointStore::forJob(const QString &jobId) const
{
    QList<const SavepointRecord *> out;
    for (const SavepointRecord &r : m_records) {
        if (r.jobId == jobId)
            out.append(&r);
    }
    return out;
}

const SavepointRecord *SavepointStore::latestSavepoint(const QString &jobId) const
{
    for (auto it = m_records.crbegin(); it != m_records.crend(); ++it) {
        if (it->jobId == jobId && it->kind == QLatin1String("savepoint") && it->usable())
            return &*it;
    }
    return nullptr;
}

const SavepointRecord *SavepointStore::latestCheckpoint(const QString &jobId) const
{
    for (auto it = m_records.crbegin(); it != m_records.crend(); ++it) {
        if (it->jobId == jobId && it->kind == QLatin1String("checkpoint") && it->usable())
            return &*it;
    }
    return nullptr;
}

} // namespace uis::dcplocal
