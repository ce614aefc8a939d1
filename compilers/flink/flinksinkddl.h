// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "flinkplanner.h"
#include "flinksqlwriter.h"

#include <QSet>

namespace uis {

/**
 * The `CREATE TABLE` (and Iceberg `CREATE CATALOG`) of each sink and its `INSERT INTO … SELECT`:
 * kafka or upsert-kafka by whether the input is a changelog, Iceberg (upserts by primary key),
 * the community ClickHouse connector (with a warning), parquet through `filesystem`, console
 * through `print`.
 */
class FlinkSinkDdl
{
public:
    FlinkSinkDdl(FlinkContext &context, const FlinkPlanner &planner);

    /// Writes the tables of all sinks, in document order.
    void write(FlinkSqlWriter &w);
    /// The INSERT statements (without `;`), one per sink that got a table.
    const QStringList &inserts() const { return m_inserts; }

private:
    void table(FlinkSqlWriter &w, int index);
    /// The primary key of an upserting sink: `config.primary_key`, else the input's key.
    QStringList sinkKey(const Sink &s, const FlinkRelation &in, int index, const QString &why);
    /// The INSERT's SELECT list: unknown types are written as STRING.
    QString insertSelect(const FlinkRelation &in, const QStringList &inputs,
                         const QString &sinkName, int index);

    FlinkContext &m_ctx;
    const FlinkPlanner &m_planner;
    QStringList m_inserts;
    QSet<QString> m_catalogs; ///< Iceberg catalogs already created
};

} // namespace uis
