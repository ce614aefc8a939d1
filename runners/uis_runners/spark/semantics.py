# SPDX-License-Identifier: Apache-2.0
"""Where Spark's defaults differ from Flink's, the runner follows what the spec means, so both
engines compute the same result (README, "Same result on both engines"): dedupe keeps the first
row by event time. (Timestamps read as text are parsed by records.to_time().)"""

from __future__ import annotations


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
