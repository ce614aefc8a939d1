# SPDX-License-Identifier: Apache-2.0
"""Where Spark's defaults differ from Flink's, the runner follows what the spec means, so both
engines compute the same result (README, "Same result on both engines"): timestamps of text
files parse ISO-8601 (`Z` or an offset) and epoch milliseconds to the UTC instant (the Flink job's
file source does the same in SQL), and dedupe keeps the first row by event time."""

from __future__ import annotations

# Epoch milliseconds, else Spark's own ISO-8601 parsing (`T` or a space, optional fraction,
# optional `Z` or offset), in the session time zone: UTC (spark.sql.session.timeZone).
PARSE_TIMESTAMP = (
    "CASE WHEN trim({c}) RLIKE '^-?[0-9]+$' THEN timestamp_millis(CAST(trim({c}) AS BIGINT)) "
    "ELSE to_timestamp(trim({c})) END"
)


def timestamp_columns(schema) -> list:
    """The names of a schema list's `timestamp` columns."""
    if not isinstance(schema, list):
        return []
    return [f["name"] for f in schema if str(f.get("type", "")).strip().lower() == "timestamp"]


def parse_timestamps(df, columns: list):
    """`columns` (strings) parsed to timestamps in place."""
    from pyspark.sql import functions as F

    for c in columns:
        quoted = "`" + c.replace("`", "``") + "`"
        df = df.withColumn(c, F.expr(PARSE_TIMESTAMP.format(c=quoted)))
    return df


def first_by_event_time(df, keys: list, time_column: str):
    """Per key, the row with the earliest event time (a batch; ties: the first read)."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    order = "_uis_read_order"
    w = Window.partitionBy(*[F.col(f"`{k}`") for k in keys]).orderBy(
        F.col(f"`{time_column}`").asc_nulls_last(), F.col(order)
    )
    ranked = df.withColumn(order, F.monotonically_increasing_id()).withColumn(
        "_uis_row_num", F.row_number().over(w)
    )
    return ranked.filter(F.col("_uis_row_num") == 1).drop("_uis_row_num", order)
