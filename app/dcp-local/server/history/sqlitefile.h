// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace uis::dcplocal {

/**
 * A small SQLite database of its own in the data directory (run history, alert state): WAL, so
 * that an API read never waits for a write and a crash loses nothing committed, with a busy
 * timeout, its schema created when missing. One named Qt SQL connection per file.
 */
class SqliteFile
{
public:
    SqliteFile();
    ~SqliteFile();
    SqliteFile(const SqliteFile &) = delete;
    SqliteFile &operator=(const SqliteFile &) = delete;

    /// Opens (and creates) `path`, runs `schema` (CREATE … IF NOT EXISTS). Returns an error or "".
    QString open(const QString &path, const QStringList &schema);
    void close();
    bool isOpen() const;
    QString connection() const { return m_connection; }
    QString path() const { return m_path; }

private:
    QString m_connection;
    QString m_path;
};

} // namespace uis::dcplocal
