// SPDX-License-Identifier: Apache-2.0
#include "alertstore.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace uis::dcplocal {

namespace {

QString run(QSqlQuery &q, const QString &what)
{
    return q.exec() ? QString()
                    : QStringLiteral("cannot store %1: %2").arg(what, q.lastError().text());
}

/// Grows `list` so that `index` is in it (rows are read in index order; gaps stay default).
template <typename T> T &slot(QList<T> &list, int index)
{
    while (list.size() <= index)
        list.append(T());
    return list[index];
}

} // namespace

QString AlertStore::open(const QString &dataDir)
{
    return m_db.open(
        QDir(dataDir).filePath(QStringLiteral("alerts.db")),
        {QStringLiteral("CREATE TABLE IF NOT EXISTS alerts (idx INTEGER PRIMARY KEY, rule TEXT,"
                        " grp TEXT, job_id TEXT, job_name TEXT, team TEXT, target TEXT,"
                        " job_status TEXT, status TEXT, fired_ms INTEGER, resolved_ms INTEGER,"
                        " fine_since_ms INTEGER, occurrences INTEGER, text TEXT)"),
         QStringLiteral("CREATE TABLE IF NOT EXISTS tests (idx INTEGER PRIMARY KEY, rule TEXT,"
                        " at_ms INTEGER, text TEXT)"),
         QStringLiteral("CREATE TABLE IF NOT EXISTS deliveries (id INTEGER PRIMARY KEY,"
                        " alert_idx INTEGER, test_idx INTEGER, channel TEXT, status TEXT,"
                        " ok INTEGER, done INTEGER, attempts INTEGER, error TEXT, text TEXT,"
                        " at_ms INTEGER)")});
}

QString AlertStore::saveAlert(int index, const AlertState &a)
{
    if (!m_db.isOpen())
        return QStringLiteral("the alerts database is not open");
    QSqlQuery q(QSqlDatabase::database(m_db.connection(), false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO alerts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                             " ?, ?, ?, ?, ?)"));
    for (const QVariant &v : {QVariant(index), QVariant(a.rule), QVariant(a.group),
                              QVariant(a.job.id), QVariant(a.job.name), QVariant(a.job.team),
                              QVariant(a.job.target), QVariant(a.job.status), QVariant(a.status),
                              QVariant(a.firedAtMs), QVariant(a.resolvedAtMs),
                              QVariant(a.fineSinceMs), QVariant(a.occurrences), QVariant(a.text)})
        q.addBindValue(v);
    return run(q, QStringLiteral("alert %1").arg(index));
}

QString AlertStore::saveTest(int index, const AlertNotification &t)
{
    if (!m_db.isOpen())
        return QStringLiteral("the alerts database is not open");
    QSqlQuery q(QSqlDatabase::database(m_db.connection(), false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO tests VALUES (?, ?, ?, ?)"));
    q.addBindValue(index);
    q.addBindValue(t.rule);
    q.addBindValue(t.atMs);
    q.addBindValue(t.text);
    return run(q, QStringLiteral("test message %1").arg(index));
}

QString AlertStore::saveDelivery(const StoredDelivery &d)
{
    if (!m_db.isOpen())
        return QStringLiteral("the alerts database is not open");
    QSqlQuery q(QSqlDatabase::database(m_db.connection(), false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO deliveries VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                             " ?, ?, ?)"));
    for (const QVariant &v :
         {QVariant(d.id), QVariant(d.alertIndex), QVariant(d.testIndex),
          QVariant(d.delivery.channel), QVariant(d.delivery.status), QVariant(d.delivery.ok),
          QVariant(d.delivery.done), QVariant(d.delivery.attempts), QVariant(d.delivery.error),
          QVariant(d.notification.text), QVariant(d.notification.atMs)})
        q.addBindValue(v);
    return run(q, QStringLiteral("delivery %1").arg(d.id));
}

AlertStore::Contents AlertStore::load() const
{
    Contents c;
    if (!m_db.isOpen())
        return c;
    const QSqlDatabase db = QSqlDatabase::database(m_db.connection(), false);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral("SELECT idx, rule, grp, job_id, job_name, team, target, job_status,"
                              " status, fired_ms, resolved_ms, fine_since_ms, occurrences, text"
                              " FROM alerts ORDER BY idx"))) {
        while (q.next()) {
            AlertState &a = slot(c.alerts, q.value(0).toInt());
            a.rule = q.value(1).toString();
            a.group = q.value(2).toString();
            a.job = {q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                     q.value(6).toString(), q.value(7).toString()};
            a.status = q.value(8).toString();
            a.firedAtMs = q.value(9).toLongLong();
            a.resolvedAtMs = q.value(10).toLongLong();
            a.fineSinceMs = q.value(11).toLongLong();
            a.occurrences = q.value(12).toInt();
            a.text = q.value(13).toString();
        }
    }
    if (q.exec(QStringLiteral("SELECT idx, rule, at_ms, text FROM tests ORDER BY idx"))) {
        while (q.next()) {
            AlertNotification &t = slot(c.tests, q.value(0).toInt());
            t.rule = q.value(1).toString();
            t.status = QStringLiteral("test");
            t.job = {QStringLiteral("test"), QStringLiteral("test"), {}, {}, {}};
            t.atMs = q.value(2).toLongLong();
            t.text = q.value(3).toString();
        }
    }
    if (q.exec(QStringLiteral("SELECT id, alert_idx, test_idx, channel, status, ok, done,"
                              " attempts, error, text, at_ms FROM deliveries ORDER BY id"))) {
        while (q.next()) {
            StoredDelivery &d = slot(c.deliveries, q.value(0).toInt());
            d.id = q.value(0).toInt();
            d.alertIndex = q.value(1).toInt();
            d.testIndex = q.value(2).toInt();
            d.delivery.channel = q.value(3).toString();
            d.delivery.status = q.value(4).toString();
            d.delivery.ok = q.value(5).toBool();
            d.delivery.done = q.value(6).toBool();
            d.delivery.attempts = q.value(7).toInt();
            d.delivery.error = q.value(8).toString();
            d.notification.status = d.delivery.status;
            d.notification.text = q.value(9).toString();
            d.notification.atMs = q.value(10).toLongLong();
            d.notification.alertIndex = d.alertIndex;
        }
    }
    return c;
}

} // namespace uis::dcplocal
