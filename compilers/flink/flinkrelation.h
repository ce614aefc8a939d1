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
    /// For a source read as raw records and checked (FlinkCheckedSource): the view of every
    /// record with its typed columns, `uis_raw`, `uis_position` and `uis_reason` (NULL when the
    /// record is good); `sql` is then the view of the good records.
    QString checked;
    /// What becomes of its poison records: `drop`, `dead_letter` or `fail` (the `on_invalid` of
    /// the schema_validation that reads the endpoint; `drop` without one).
    QString onInvalid;

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

    /// The expression that parses text `text` (an SQL expression) to TIMESTAMP(3) in UTC:
    /// ISO-8601 with `Z`, an offset (`+02:00`, `+0200`) or none (UTC), `T` or a space, 0-9
    /// fraction digits (milliseconds kept), or epoch milliseconds; NULL for anything else. Needs
    /// the session time zone UTC (`table.local-time-zone`).
    static QString parsedTimeExpression(const QString &text);
    /// The name of that computed column.
    static QString parsedTimeColumn(const QString &column);

    /// The Flink SQL type of a UIS schema type (`long` → BIGINT, `decimal(p,s)`, …).
    static QString sqlType(const QString &uisType);
};

} // namespace uis
