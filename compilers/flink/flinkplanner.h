// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "flinkcontext.h"
#include "flinkrelation.h"

#include <QHash>
#include <QList>

namespace uis {

/**
 * The planner of the Flink script: turns the spec's nodes into relations (tables and views with
 * their columns, keys, changelog kind and event time), orders the transforms so every input
 * comes first, and decides which source column carries event time with which watermark delay.
 *
 * Relations are looked up by node name in hashes built once: nothing here scans the spec.
 */
class FlinkPlanner
{
public:
    explicit FlinkPlanner(FlinkContext &context);

    /// Builds the source relations, the transform order and the watermarks. Call once.
    void plan();

    /// The relation a spec node name (endpoint or transform) reads as.
    const FlinkRelation &relation(const QString &name) const;
    /// Records the relation transform `name` produces (the view writer, in transform order).
    void setRelation(const QString &name, const FlinkRelation &relation);
    /// The source table of an endpoint (before its field_mapping).
    const FlinkRelation &source(const QString &endpoint) const;
    /// The endpoint's `map_<endpoint>` view, or nullptr when it has no field_mapping.
    const FlinkRelation *mapping(const QString &endpoint) const;
    /// Transforms in an order where every input comes first (document order otherwise).
    const QList<int> &order() const { return m_order; }
    /// The watermark delay of `column` of `endpoint`, or -1 when it carries no event time.
    qint64 watermarkDelay(const QString &endpoint, const QString &column) const;

    /// The union of the inputs' columns (by name, first-seen order); a column missing from an
    /// input is NULL there, and the event time survives only when all inputs share it.
    FlinkRelation unionOf(const QStringList &inputs) const;
    /// `(SELECT … FROM a UNION ALL SELECT … FROM b)` for several inputs, else the input's name.
    QString fromClause(const QStringList &inputs, const FlinkRelation &merged) const;
    /// The relation transform `i` produces from `in` (columns, keys, event time), without SQL.
    /// `quiet` drops the diagnostics (the first pass, which runs again).
    FlinkRelation shapeOf(int i, const FlinkRelation &in, bool quiet);
    /// The relation after renaming `mapping` (source → target), columns kept in place.
    FlinkRelation mapColumns(const FlinkRelation &in, const StringMap &mapping,
                             const QString &pointer);

private:
    struct Watermark
    {
        QString column;
        qint64 delayMs = 0;
    };

    void buildSources();
    /// The `on_invalid` of the schema_validation that reads `endpoint`, else `drop`.
    QString onInvalid(const QString &endpoint) const;
    void sortTransforms();
    void collectWatermarks();
    void requireWatermark(const FlinkRelation &in, const QString &column, qint64 delayMs,
                          bool explicitDelay, const QString &pointer);

    FlinkContext &m_ctx;
    QHash<QString, FlinkRelation> m_rels;     ///< by spec node name (endpoint or transform)
    QHash<QString, FlinkRelation> m_sources;  ///< by endpoint name: the source table itself
    QHash<QString, FlinkRelation> m_mappings; ///< by endpoint name: its map_<endpoint> view
    QHash<QString, Watermark> m_watermarks;   ///< by endpoint name: its event-time column
    QList<int> m_order;
    FlinkRelation m_none; ///< what an unknown name reads as
};

} // namespace uis
