// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "flinkplanner.h"
#include "flinksqlwriter.h"

namespace uis {

/**
 * The source of a `file_ftp` endpoint on Flink: the filesystem connector (csv, json, parquet;
 * bounded, so a `batch` spec runs as a Flink batch job; a `micro_batch` spec watches the
 * directory). Written as a table `<source>__files` and a view under the source's name that
 *  - parses `timestamp` columns of csv and json files as Spark does: ISO-8601 with `Z` or an
 *    offset, or epoch milliseconds, to the UTC instant (Flink's formats read only
 *    `yyyy-MM-dd HH:mm:ss`); the table reads them as STRING and computes the timestamp;
 *  - drops the header line of a csv file read with `header: "true"` (Flink's csv format has no
 *    header option).
 */
class FlinkFileSourceDdl
{
public:
    FlinkFileSourceDdl(FlinkContext &context, const FlinkPlanner &planner);
    /// Writes endpoint `index`'s table and view; `watermarkDelayMs` < 0 without event time.
    void write(FlinkSqlWriter &w, int index);
    /// The Flink SQL that parses the STRING `column` to TIMESTAMP(3) (UTC): epoch milliseconds,
    /// or ISO-8601 (`T` or a space, optional fraction, optional `Z` / `±hh:mm`).
    static QString parseTimestamp(const QString &column);

private:
    FlinkContext &m_ctx;
    const FlinkPlanner &m_planner;
};

} // namespace uis
