// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "flinkplanner.h"
#include "flinksqlwriter.h"

namespace uis {

/**
 * The source of a `file_ftp` endpoint on Flink: the filesystem connector (csv, json, parquet;
 * bounded, so a `batch` spec runs as a Flink batch job; a `micro_batch` spec watches the
 * directory). csv and json files with a schema are read as text and typed and checked by
 * FlinkCheckedSource (one timestamp rule, poison records, the csv header line dropped); Parquet
 * files, typed already, and files without a schema (one `data` column) are a table
 * `<source>__files` under a view with the source's name.
 */
class FlinkFileSourceDdl
{
public:
    FlinkFileSourceDdl(FlinkContext &context, const FlinkPlanner &planner);
    /// Writes endpoint `index`'s table and view; `watermarkDelayMs` < 0 without event time.
    void write(FlinkSqlWriter &w, int index);

private:
    FlinkContext &m_ctx;
    const FlinkPlanner &m_planner;
};

} // namespace uis
