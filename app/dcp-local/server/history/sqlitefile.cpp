// SPDX-License-Identifier: Apache-2.0
#include "sqlitefile.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace uis::dcplocal {

SqliteFile::SqliteFile()
    : m_connection(QStringLiteral("sqlitefile-") + QUuid::createUuid().toString(QUuid::Id128))
{
}

SqliteFile::~SqliteFile()
{
    close();
}

QString SqliteFile::open(const QString &path, const QStringList &schema)
{
    m_path = path;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return QStringLiteral("cannot open the database %1: %2").arg(path, db.lastError().text());
    QSqlQuery q(db);
    QStringList statements{QStringLiteral("PRAGMA journal_mode=WAL"),
                           QStringLiteral("PRAGMA synchronous=NORMAL")};
    statements << schema;
    for (const QString &sql : std::as_const(statements)) {
        if (!q.exec(sql))
            return QStringLiteral("cannot prepare the database %1: %2")
                .arg(path, q.lastError().text());
    }
    return QString();
}

bool SqliteFile::isOpen() const
{
    return QSqlDatabase::contains(m_connection) &&
           QSqlDatabase::database(m_connection, false).isOpen();
}

void SqliteFile::close()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen()) {
            QSqlQuery(db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connection);
}

} // namespace uis::dcplocal
