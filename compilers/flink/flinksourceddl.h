// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "flinkplanner.h"
#include "flinksqlwriter.h"

namespace uis {

/**
 * The `CREATE TABLE` of each source: the kafka connector (also for WebSocket and webhook
 * endpoints, which reach Flink through a Kafka bridge topic), postgres-cdc / mysql-cdc for
 * databases; typed columns and the watermark the planner chose.
 */
class FlinkSourceDdl
{
public:
    FlinkSourceDdl(FlinkContext &context, const FlinkPlanner &planner);

    /// Writes one table per endpoint, in document order.
    void write(FlinkSqlWriter &w);

    /// The value format of an endpoint: `raw` without a schema, else `json`, `avro`, `csv`, ….
    static QString format(const Endpoint &e);

private:
    void table(FlinkSqlWriter &w, int index);

    FlinkContext &m_ctx;
    const FlinkPlanner &m_planner;
    bool m_utc = false; ///< `table.local-time-zone` is set to UTC
};

} // namespace uis
