// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "flinkplanner.h"
#include "flinksqlwriter.h"

namespace uis {

/**
 * A Kafka (or Kafka bridge) JSON source whose records are checked before anything reads them,
 * so a poison record (not JSON, a value that is not its column's type, a timestamp in no known
 * form) never fails the job by surprise (UIS-SPEC.md "Values as real sources send them"):
 *
 * - the table reads each record as one `uis_raw` STRING (the `raw` format cannot fail) with its
 *   topic, partition and offset (metadata columns), and the event-time column computed from it
 *   (a watermark needs a column of the table);
 * - the `<table>__checked` view types every column (JSON_VALUE, TRY_CAST, the one timestamp
 *   rule of FlinkRelation::parsedTimeExpression) and says why a record is poison in
 *   `uis_reason` (NULL when it is good), with its `uis_position`;
 * - the `<table>_parsed` view holds the good records; with `on_invalid: fail` its filter fails
 *   the job at the first poison record, naming its position and reason;
 * - unless the policy is `fail`, the sink `<table>__invalid` (a blackhole: stateless, on every
 *   cluster) takes the poison records' position and reason, so that its operator's rows are the
 *   source's `invalid` count in the run overlay, and the local runner logs the first ones
 *   (runners/uis_runners/flink/poison.py).
 *
 * A csv file is read line by line too (the `raw` format) and split here, so a line with more or
 * fewer fields than the schema reaches the checks (`not a csv record of the schema`, as on
 * Spark) instead of being skipped by the csv format.
 *
 * The dead letters of a `dead_letter` policy are read from `__checked` (FlinkViewWriter).
 */
class FlinkCheckedSource
{
public:
    FlinkCheckedSource(FlinkContext &context, const FlinkPlanner &planner);

    /// Writes the table (with its connector `options`, the format set to `raw`) and the views of
    /// endpoint `index`.
    void write(FlinkSqlWriter &w, int index, const QList<QPair<QString, QString>> &options);

    /// The `<table>__invalid` sink of endpoint `index` (its DDL to `w`) and its INSERT, which
    /// goes after the spec's own so the operators before it keep their ids; empty for `fail`.
    QString writeInvalidSink(FlinkSqlWriter &w, int index);

    /// Whether endpoint `index` is read this way: Kafka or a bridge topic, JSON, some columns.
    static bool applies(const FlinkContext &context, int index);
    /// A predicate that fails the job (`fail`) with a message naming `what`, the `position`
    /// and the `reason` (SQL expressions): a cast of the message to INT. Put after `OR` behind
    /// the test of a good row, so only a bad one evaluates it.
    static QString failure(const QString &what, const QString &position, const QString &reason);

private:
    FlinkContext &m_ctx;
    const FlinkPlanner &m_planner;
};

} // namespace uis
