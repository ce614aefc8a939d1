// SPDX-License-Identifier: Apache-2.0
#include "metricsstore.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <map>
#include <tuple>

namespace uis::dcplocal {

namespace {

constexpr qint64 PruneEveryMs = 60'000;

using SeriesKey = std::tuple<QString, QString, QString>; // name, node, partition

} // namespace

MetricsStore::MetricsStore()
    : m_connection(QStringLiteral("metrics-") + QUuid::createUuid().toString(QUuid::Id128))
{
}

MetricsStore::~MetricsStore()
{
    close();
}

QString MetricsStore::open(const QString &dataDir, qint64 retentionMs)
{
    m_retentionMs = retentionMs;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(QDir(dataDir).filePath(QStringLiteral("metrics.db")));
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return QStringLiteral("cannot open the metrics database %1: %2")
            .arg(db.databaseName(), db.lastError().text());
    QSqlQuery q(db);
    for (const char *sql :
         {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
          "CREATE TABLE IF NOT EXISTS metric_points (job_id TEXT NOT NULL, name TEXT NOT NULL,"
          " node TEXT NOT NULL DEFAULT '', part TEXT NOT NULL DEFAULT '', unit TEXT,"
          " at_ms INTEGER NOT NULL, value REAL NOT NULL)",
          "CREATE INDEX IF NOT EXISTS metric_points_job ON metric_points (job_id, at_ms)",
          "CREATE INDEX IF NOT EXISTS metric_points_age ON metric_points (at_ms)"}) {
        if (!q.exec(QString::fromLatin1(sql)))
            return QStringLiteral("cannot prepare the metrics database %1: %2")
                .arg(db.databaseName(), q.lastError().text());
    }
    return QString();
}

void MetricsStore::close()
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

QString MetricsStore::add(const QString &jobId, const MetricSamples &samples)
{
    if (samples.isEmpty())
        return QString();
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen())
        return QStringLiteral("the metrics database is not open");
    db.transaction();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO metric_points (job_id, name, node, part, unit, at_ms,"
                             " value) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (const MetricSample &s : samples) {
        q.addBindValue(jobId);
        q.addBindValue(s.name);
        q.addBindValue(s.node.isNull() ? QStringLiteral("") : s.node);
        q.addBindValue(s.partition.isNull() ? QStringLiteral("") : s.partition);
        q.addBindValue(s.unit);
        q.addBindValue(s.atMs);
        q.addBindValue(s.value);
        if (!q.exec()) {
            const QString e = q.lastError().text();
            db.rollback();
            return QStringLiteral("cannot store metrics: %1").arg(e);
        }
    }
    if (!db.commit())
        return QStringLiteral("cannot store metrics: %1").arg(db.lastError().text());
    prune(samples.constLast().atMs);
    return QString();
}

QJsonObject MetricsStore::series(const QString &jobId, qint64 sinceMs,
                                 const QSet<QString> &names) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT name, node, part, unit, at_ms, value FROM metric_points"
                             " WHERE job_id = ? AND at_ms >= ? ORDER BY at_ms"));
    q.addBindValue(jobId);
    q.addBindValue(sinceMs);
    std::map<SeriesKey, std::pair<QString, QJsonArray>> bySeries; // sorted: a stable answer
    if (q.exec()) {
        while (q.next()) {
            const QString name = q.value(0).toString();
            if (!names.isEmpty() && !names.contains(name))
                continue;
            auto &entry = bySeries[{name, q.value(1).toString(), q.value(2).toString()}];
            entry.first = q.value(3).toString();
            entry.second.append(QJsonArray{q.value(4).toLongLong(), q.value(5).toDouble()});
        }
    }
    QJsonArray out;
    for (const auto &[key, entry] : bySeries) {
        QJsonObject s{{QStringLiteral("name"), std::get<0>(key)},
                      {QStringLiteral("unit"), entry.first},
                      {QStringLiteral("points"), entry.second}};
        if (!std::get<1>(key).isEmpty())
            s.insert(QStringLiteral("node"), std::get<1>(key));
        if (!std::get<2>(key).isEmpty())
            s.insert(QStringLiteral("partition"), std::get<2>(key));
        out.append(s);
    }
    return QJsonObject{{QStringLiteral("job_id"), jobId}, {QStringLiteral("series"), out}};
}

MetricSamples MetricsStore::latest(const QString &jobId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    // SQLite: with MAX() the bare columns come from the row holding the maximum.
    q.prepare(QStringLiteral("SELECT name, node, part, unit, MAX(at_ms), value FROM metric_points"
                             " WHERE job_id = ? GROUP BY name, node, part"));
    q.addBindValue(jobId);
    MetricSamples out;
    if (q.exec()) {
        while (q.next())
            out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                        q.value(3).toString(), q.value(4).toLongLong(), q.value(5).toDouble()});
    }
    return out;
}

qint64 MetricsStore::prune(qint64 nowMs)
{
    if (m_retentionMs <= 0 || nowMs - m_lastPruneMs < PruneEveryMs)
        return 0;
    m_lastPruneMs = nowMs;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("DELETE FROM metric_points WHERE at_ms < ?"));
    q.addBindValue(nowMs - m_retentionMs);
    return q.exec() ? q.numRowsAffected() : 0;
}

} // namespace uis::dcplocal
