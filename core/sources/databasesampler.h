// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "placeholder.h"
#include "schemainferrer.h"
#include "spec.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QObject>
#include <QString>
#include <QStringList>

namespace uis {

/// What a database sample holds.
struct DatabaseSampleResult
{
    QString table;                  ///< schema.table sampled
    QJsonArray records;             ///< at most the limit, one JSON object per row
    QList<InferredField> catalogue; ///< the table's columns as the catalogue declares them
    QStringList notes;
    QString error;       ///< why nothing could be read (secrets masked), "" otherwise
    QStringList secrets; ///< resolved placeholder values: never shown
};

/**
 * Samples a `database` (CDC) endpoint: the first of its `tables` (`table` or `schema.table`,
 * else `schema_name`, else `public`), its column types from the catalogue
 * (`information_schema.columns`, mapped to UIS types as the CDC source sees them) and its first
 * N rows. PostgreSQL only (`postgres-cdc`), through QtSql's QPSQL driver.
 *
 * Bounded in time: the connection by libpq's connect_timeout, each query by
 * statement_timeout. Read-only: a plain SELECT, no replication slot is created.
 */
class DatabaseSampler : public QObject
{
    Q_OBJECT
public:
    explicit DatabaseSampler(QObject *parent = nullptr);
    ~DatabaseSampler() override;

    /// The placeholders of the connection fields (hostname, database, user, password, tables).
    static QList<Placeholder> placeholdersOf(const Endpoint &endpoint);
    /// The UIS type of a PostgreSQL catalogue type (information_schema data_type / udt_name).
    static QString uisType(const QString &dataType, int precision, int scale);

    /// Reads synchronously (call it off the GUI thread, or use start()).
    static DatabaseSampleResult sample(const Endpoint &endpoint,
                                       const PlaceholderResolver::Lookup &lookup,
                                       int maxRecords = 100, int timeoutMs = 30000);
    /// Runs sample() on the thread pool; finished() follows.
    void start(const Endpoint &endpoint, const PlaceholderResolver::Lookup &lookup,
               int maxRecords = 100, int timeoutMs = 30000);
    const DatabaseSampleResult &result() const { return m_result; }

Q_SIGNALS:
    void finished();

private:
    QFutureWatcher<DatabaseSampleResult> m_watcher;
    DatabaseSampleResult m_result;
};

} // namespace uis
