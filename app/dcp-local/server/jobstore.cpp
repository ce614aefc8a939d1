// SPDX-License-Identifier: Apache-2.0
#include "jobstore.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace uis::dcplocal {

namespace {

QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QVariant time(const QDateTime &t)
{
    return t.isValid() ? QVariant(toRfc3339(t)) : QVariant(QMetaType::fromType<QString>());
}

QDateTime parseTime(const QVariant &v)
{
    return v.isNull() ? QDateTime() : fromRfc3339(QJsonValue(v.toString()));
}

} // namespace

JobStore::JobStore() : m_connection(QStringLiteral("jobs-") + QUuid::createUuid().toString(QUuid::Id128)) {}

JobStore::~JobStore()
{
    close();
}

QString JobStore::exec(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(sql))
        return q.lastError().text();
    return QString();
}

QString JobStore::open(const QString &dataDir)
{
    m_dataDir = dataDir;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(QDir(dataDir).filePath(QStringLiteral("jobs.db")));
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return QStringLiteral("cannot open the job database %1: %2").arg(db.databaseName(), db.lastError().text());
    // WAL: readers never block the writer, and a crash loses nothing that was committed.
    for (const char *sql : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
                            "CREATE TABLE IF NOT EXISTS jobs ("
                            " seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT, team TEXT, user TEXT,"
                            " engine TEXT, job_type TEXT, status TEXT NOT NULL, engine_state TEXT,"
                            " created_at TEXT, started_at TEXT, finished_at TEXT, exit_code INTEGER, error TEXT,"
                            " ui_url TEXT, idempotency_key TEXT UNIQUE, request TEXT)"}) {
        if (const QString e = exec(QString::fromLatin1(sql)); !e.isEmpty())
            return QStringLiteral("cannot prepare the job database %1: %2").arg(db.databaseName(), e);
    }
    if (const QString e = migrate(); !e.isEmpty())
        return QStringLiteral("cannot upgrade the job database %1: %2").arg(db.databaseName(), e);
    if (const QString e = m_savepoints.open(m_connection); !e.isEmpty())
        return QStringLiteral("cannot read the savepoints in %1: %2").arg(db.databaseName(), e);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT seq, id, name, team, user, engine, job_type, status, engine_state, created_at,"
            " started_at, finished_at, exit_code, error, ui_url, idempotency_key, request,"
            " target, engine_job_id, last_confirmed_at, nodes, fit_warning"
            " FROM jobs ORDER BY seq")))
        return QStringLiteral("cannot read the job database: %1").arg(q.lastError().text());
    while (q.next()) {
        JobRecord r;
        r.seq = q.value(0).toLongLong();
        JobStatus &s = r.status;
        s.jobId = q.value(1).toString();
        s.name = q.value(2).toString();
        s.team = q.value(3).toString();
        s.user = q.value(4).toString();
        s.engine = q.value(5).toString();
        s.jobType = q.value(6).toString();
        s.state = parseJobState(q.value(7).toString());
        s.engineState = q.value(8).toString();
        s.createdAt = parseTime(q.value(9));
        s.startedAt = parseTime(q.value(10));
        s.finishedAt = parseTime(q.value(11));
        if (!q.value(12).isNull())
            s.exitCode = q.value(12).toInt();
        s.error = q.value(13).toString();
        s.uiUrl = q.value(14).toString();
        r.idempotencyKey = q.value(15).toString();
        r.request = q.value(16).toString().toUtf8();
        s.target = q.value(17).toString();
        s.engineJobId = q.value(18).toString();
        s.lastConfirmedAt = parseTime(q.value(19));
        s.nodes = NodeRunStats::listFromJson(
            QJsonDocument::fromJson(q.value(20).toString().toUtf8()).array());
        r.fitWarning = q.value(21).toString();
        m_seqById.insert(s.jobId, r.seq);
        if (!r.idempotencyKey.isEmpty())
            m_seqByKey.insert(r.idempotencyKey, r.seq);
        m_nextSeq = qMax(m_nextSeq, r.seq + 1);
        m_bySeq.emplace(r.seq, std::move(r));
    }
    return QString();
}

void JobStore::close()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection);
        if (db.isOpen()) {
            exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QString JobStore::migrate()
{
    // Databases of earlier versions lack the columns of cluster targets: add them in place (the
    // records keep everything they had; the new fields start empty).
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(QStringLiteral("PRAGMA table_info(jobs)")))
        return q.lastError().text();
    QStringList have;
    while (q.next())
        have << q.value(1).toString();
    for (const char *column :
         {"target", "engine_job_id", "last_confirmed_at", "nodes", "fit_warning"}) {
        if (have.contains(QLatin1String(column)))
            continue;
        if (const QString e = exec(QStringLiteral("ALTER TABLE jobs ADD COLUMN %1 TEXT").arg(QLatin1String(column)));
            !e.isEmpty())
            return e;
    }
    return QString();
}

QStringList JobStore::recover(QStringList *reattach, const std::function<bool(const JobRecord &)> &reattachable)
{
    QStringList pending;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<QPair<QString, JobStatus>> changed;
    for (auto &[seq, r] : m_bySeq) {
        Q_UNUSED(seq)
        if (r.status.state == JobState::Pending) {
            pending.append(r.status.jobId);
        } else if (r.status.state == JobState::Submitted || r.status.state == JobState::Running) {
            if (reattachable && reattachable(r)) {
                if (reattach)
                    reattach->append(r.status.jobId);
                continue;
            }
            JobStatus s = r.status;
            s.state = JobState::Failed;
            s.engineState = QStringLiteral("LOST");
            s.finishedAt = now;
            s.error = QStringLiteral("dcp-local stopped while the job was running; the job was not finished "
                                     "(marked FAILED when the server restarted at %1)")
                          .arg(toRfc3339(now));
            changed.append({r.status.jobId, s});
        }
    }
    for (const auto &c : changed)
        update(c.first, c.second);
    return pending;
}

const JobRecord *JobStore::find(const QString &id) const
{
    const auto it = m_seqById.constFind(id);
    if (it == m_seqById.constEnd())
        return nullptr;
    return &m_bySeq.at(*it);
}

const JobRecord *JobStore::findByIdempotencyKey(const QString &key) const
{
    const auto it = m_seqByKey.constFind(key);
    if (it == m_seqByKey.constEnd())
        return nullptr;
    return &m_bySeq.at(*it);
}

QString JobStore::insert(JobRecord record, const JobRecord **stored)
{
    record.seq = m_nextSeq;
    const JobStatus &s = record.status;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral(
        "INSERT INTO jobs (seq, id, name, team, user, engine, job_type, status, engine_state,"
        " created_at, started_at, finished_at, exit_code, error, ui_url, idempotency_key, request,"
        " target, engine_job_id, last_confirmed_at, fit_warning)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(record.seq);
    q.addBindValue(s.jobId);
    q.addBindValue(s.name);
    q.addBindValue(s.team);
    q.addBindValue(s.user);
    q.addBindValue(s.engine);
    q.addBindValue(s.jobType);
    q.addBindValue(jobStateName(s.state));
    q.addBindValue(text(s.engineState));
    q.addBindValue(time(s.createdAt));
    q.addBindValue(time(s.startedAt));
    q.addBindValue(time(s.finishedAt));
    q.addBindValue(s.exitCode ? QVariant(*s.exitCode) : QVariant(QMetaType::fromType<int>()));
    q.addBindValue(text(s.error));
    q.addBindValue(text(s.uiUrl));
    q.addBindValue(record.idempotencyKey.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                   : QVariant(record.idempotencyKey));
    q.addBindValue(QString::fromUtf8(record.request));
    q.addBindValue(text(s.target));
    q.addBindValue(text(s.engineJobId));
    q.addBindValue(time(s.lastConfirmedAt));
    q.addBindValue(text(record.fitWarning));
    if (!q.exec())
        return QStringLiteral("cannot store the job: %1").arg(q.lastError().text());
    ++m_nextSeq;
    const qint64 seq = record.seq;
    m_seqById.insert(s.jobId, seq);
    if (!record.idempotencyKey.isEmpty())
        m_seqByKey.insert(record.idempotencyKey, seq);
    auto [it, ok] = m_bySeq.emplace(seq, std::move(record));
    Q_UNUSED(ok)
    if (stored)
        *stored = &it->second;
    return QString();
}

QString JobStore::update(const QString &id, const JobStatus &status)
{
    const auto it = m_seqById.constFind(id);
    if (it == m_seqById.constEnd())
        return QStringLiteral("no job %1").arg(id);
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral(
        "UPDATE jobs SET status = ?, engine_state = ?, started_at = ?, finished_at = ?,"
        " exit_code = ?, error = ?, ui_url = ?, target = ?, engine_job_id = ?,"
        " last_confirmed_at = ?, nodes = ? WHERE seq = ?"));
    q.addBindValue(jobStateName(status.state));
    q.addBindValue(text(status.engineState));
    q.addBindValue(time(status.startedAt));
    q.addBindValue(time(status.finishedAt));
    q.addBindValue(status.exitCode ? QVariant(*status.exitCode) : QVariant(QMetaType::fromType<int>()));
    q.addBindValue(text(status.error));
    q.addBindValue(text(status.uiUrl));
    q.addBindValue(text(status.target));
    q.addBindValue(text(status.engineJobId));
    q.addBindValue(time(status.lastConfirmedAt));
    q.addBindValue(
        status.nodes.isEmpty()
            ? QVariant(QMetaType::fromType<QString>())
            : QVariant(QString::fromUtf8(QJsonDocument(NodeRunStats::listToJson(status.nodes))
                                             .toJson(QJsonDocument::Compact))));
    q.addBindValue(*it);
    // The in-memory copy changes even if the write fails, so clients see the truth; the
    // failure is reported to the caller to log.
    JobRecord &r = m_bySeq.at(*it);
    r.status = status;
    r.invalidate();
    if (!q.exec())
        return QStringLiteral("cannot update job %1: %2").arg(id, q.lastError().text());
    return QString();
}

QList<const JobRecord *> JobStore::list(const JobQuery &query, qint64 *nextCursor) const
{
    QList<const JobRecord *> out;
    *nextCursor = 0;
    const JobState wanted = query.status.isEmpty() ? JobState::Unknown : parseJobState(query.status);
    auto it = query.beforeSeq > 0 ? std::make_reverse_iterator(m_bySeq.lower_bound(query.beforeSeq)) : m_bySeq.rbegin();
    for (; it != m_bySeq.rend(); ++it) {
        const JobRecord &r = it->second;
        if (wanted != JobState::Unknown && r.status.state != wanted)
            continue;
        if (!query.team.isEmpty() && r.status.team != query.team)
            continue;
        if (!query.user.isEmpty() && r.status.user != query.user)
            continue;
        if (out.size() == query.limit) {
            *nextCursor = out.last()->seq;
            break;
        }
        out.append(&r);
    }
    return out;
}

QString JobStore::jobDir(const QString &id) const
{
    return QDir(m_dataDir).filePath(QStringLiteral("jobs/") + id);
}

QString JobStore::logPath(const QString &id) const
{
    return QDir(jobDir(id)).filePath(QStringLiteral("job.log"));
}

} // namespace uis::dcplocal
