// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "flinkplanner.h"
#include "flinksqlwriter.h"

#include <QSet>

namespace uis {

/**
 * The views of the Flink script: each endpoint's field_mapping view, endpoints under their own
 * name where a `sql` transform reads them, and one `CREATE TEMPORARY VIEW` per transform
 * (dedupe with ROW_NUMBER, windows with the TUMBLE/HOP table functions, …), checked against the
 * planner's relations.
 */
class FlinkViewWriter
{
public:
    FlinkViewWriter(FlinkContext &context, FlinkPlanner &planner);

    /// Builds the transform views in the planner's order and records each one's relation with
    /// the planner. Call once, after FlinkPlanner::plan().
    void build();
    /// Writes the views (mapping views, endpoint views, transform views) to `w`.
    void write(FlinkSqlWriter &w) const;

    /// The longest dedupe horizon (`table.exec.state.ttl`), 0 when there is none.
    qint64 stateTtlMs() const { return m_stateTtlMs; }
    /// Whether a transform other than a window keeps state (grouped SQL, joins, DISTINCT).
    bool statefulNonWindow() const { return m_statefulNonWindow; }

private:
    QString transformView(int i);
    /// The body of schema_validation `i`'s view; its dead letters go to m_deadLetters.
    QString validationView(int i, const FlinkRelation &in, const QString &from);
    /// Whether dedupe `name` keeps the first row by event time (else by arrival).
    bool dedupeByEventTime(const QString &name) const;

    FlinkContext &m_ctx;
    FlinkPlanner &m_planner;
    QSet<QString> m_endpointViews;     ///< endpoints a sql transform reads under their own name
    QStringList m_views;               ///< one per transform, in the planner's order
    QHash<int, QString> m_deadLetters; ///< by transform: its `<name>_dead_letter` view
    qint64 m_stateTtlMs = 0;
    bool m_statefulNonWindow = false;
};

} // namespace uis
