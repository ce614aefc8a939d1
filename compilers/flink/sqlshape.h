// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "flinkrelation.h"

#include <QString>
#include <QStringList>

#include <utility>

namespace uis {

/**
 * The SQL-shape analyser: what a `sql` transform's query produces, told from its text without a
 * SQL parser. It reads the SELECT list (columns, renames, casts, aggregates), GROUP BY (the key),
 * DISTINCT, outer joins and grouping without a window (an updating result) and whether the event
 * time passes through. Best effort: anything it cannot tell makes the columns unknown.
 */
class SqlShape
{
public:
    /// The relation `query` produces over `merged` (the union of its `inputCount` inputs).
    /// `sql` is left empty.
    static FlinkRelation analyse(const QString &query, const FlinkRelation &merged, int inputCount);
    /// The type of an aggregate or simple expression over `in` (Flink SQL type, NOT NULL);
    /// an empty type when it cannot be told. `sum` keeps the argument's type; `avg` of an
    /// integer is DOUBLE (the compiler casts it, as Spark computes it).
    static std::pair<QString, bool> expressionType(const QString &expr, const FlinkRelation &in);

    /// `sql` with string literals and quoted identifiers blanked out, upper-cased, so keyword
    /// checks do not match inside quotes. Same length as `sql`.
    static QString skeleton(const QString &sql);
    /// Splits at top-level `separator`s (outside parentheses and quotes); parts are trimmed.
    static QStringList splitTopLevel(const QString &text, QChar separator = QLatin1Char(','));
    /// `` `a``b` `` → `` a`b ``; other text trimmed.
    static QString unquoteIdentifier(QString s);
    /// A bare or backticked identifier.
    static bool isPlainIdentifier(const QString &s);
};

} // namespace uis
