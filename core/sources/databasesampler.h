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

/// One table of a database endpoint, sampled.
struct SampledTable
{
    QString name;                   ///< schema.table
    QList<InferredField> catalogue; ///< its columns as the catalogue declares them
    QJsonArray rows;                ///< at most the limit, one JSON object per row
};

/// What a database sample holds.
struct DatabaseSampleResult
{
    QList<SampledTable> tables; ///< every table of the endpoint, in the order it lists them
    QJsonArray records;         ///< every table's rows, table after table
    /// Parallel to `records` when the endpoint lists several tables: `{"table": schema.table}`.
    QJsonArray metadata;
    /// The endpoint's one schema: the tables' catalogues merged (mergeCatalogues()).
    QList<InferredField> catalogue;
    QStringList notes;
    QString error;       ///< why nothing could be read (secrets masked), "" otherwise
    QStringList secrets; ///< resolved placeholder values: never shown
};

/**
 * Samples a `database` (CDC) endpoint: each of its `tables` (`table` or `schema.table`, else
 * `schema_name`, else `public`), its column types from the catalogue
 * (`information_schema.columns`, mapped to UIS types as the CDC source sees them) and its first
 * N rows. PostgreSQL only (`postgres-cdc`), through QtSql's QPSQL driver.
 *
 * An endpoint has one `schema` (UIS-SPEC), and the Flink CDC source reads every table it lists
 * into one table: the endpoint's schema is the tables' catalogues merged (mergeCatalogues()).
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

    /// The metadata of a record of a several-table sample, in the order to show it.
    static QStringList metadataFields();
    /**
     * One schema for rows of several tables, as the CDC source reads them into one table: the
     * columns of the first table, then those only later tables have; a column's types merged
     * as InferredType merges them (int and bigint give bigint; a mix it cannot widen gives
     * string); nullable when it is in any table, or absent from one (the source gives null
     * there). What differs between the tables is said in `notes`.
     */
    static QList<InferredField> mergeCatalogues(const QList<SampledTable> &tables,
                                                QStringList *notes = nullptr);

    /// Reads `maxRecords` rows of each table, synchronously (call it off the GUI thread, or
    /// use start()).
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
