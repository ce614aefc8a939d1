// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace uis {

/// Where a column comes from: a column of an endpoint's schema, passed through or renamed.
struct FlinkOrigin
{
    QString endpoint;
    QString column;
    bool operator==(const FlinkOrigin &o) const = default;
};

/// One column of a table or view of the Flink script.
struct FlinkColumn
{
    QString name;
    QString type; ///< Flink SQL type; empty when unknown
    bool notNull = false;
    QList<FlinkOrigin> origins;
    bool raw = false; ///< the whole record as text (a source without a schema)
    /// A derived time column of a source without a schema: read as text and parsed from
    /// ISO-8601 or epoch milliseconds in a computed column (FlinkSourceDdl).
    bool parsedTime = false;
};

/**
 * A table or view of the Flink script, with what the planner will know about it: its columns,
 * whether it is a changelog, its key and its event-time attribute.
 */
struct FlinkRelation
{
    QString sql;       ///< the quoted name to select from
    bool known = true; ///< the columns are known
    QList<FlinkColumn> columns;
    bool updating = false; ///< produces updates/deletes (a changelog), not only inserts
    QStringList key;       ///< a unique key, when one is known
    QString rowtime;       ///< the event-time attribute column, or ""
    /// For a source whose time columns are parsed (FlinkColumn::parsedTime): the table itself;
    /// `sql` is then the view that shows the parsed columns under their names.
    QString table;

    /// The column called `name`, or nullptr.
    const FlinkColumn *column(const QString &name) const;
    /// The column names in order.
    QStringList columnNames() const;
    /// The column names joined with `, ` (for messages).
    QString columnList() const;
    /// The column list of a `CREATE TABLE`: `(\n  name TYPE [NOT NULL],\n  …\n)` with the
    /// optional watermark and `PRIMARY KEY (…) NOT ENFORCED`. Unknown types are STRING.
    QString columnDdl(const QStringList &primaryKey, bool keepNotNull,
                      const QString &watermark = {}) const;
    /// `*`, or the quoted column names.
    QString selectList() const;

    /// The computed column that parses text column `column` (ISO-8601 with `Z`, an offset or
    /// none (UTC), or epoch milliseconds) to TIMESTAMP(3) in UTC; needs the session time zone
    /// UTC (`table.local-time-zone`).
    static QString parsedTimeExpression(const QString &column);
    /// The name of that computed column.
    static QString parsedTimeColumn(const QString &column);

    /// The Flink SQL type of a UIS schema type (`long` → BIGINT, `decimal(p,s)`, …).
    static QString sqlType(const QString &uisType);
};

} // namespace uis
