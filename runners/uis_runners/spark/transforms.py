# SPDX-License-Identifier: Apache-2.0
"""Transforms: type name → apply(run, step) → (DataFrame, carries a watermark)."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..errors import JobError
from ..log import log
from ..registry import Registry
from .frames import columns, same_columns, schema
from .options import spark_interval
from .records import HIDDEN, POISON, POS, RAW, clean, to_time
from .schema import spark_type
from .semantics import first_by_event_time

TRANSFORMS = Registry("transform")


class Step(NamedTuple):
    name: str
    node: dict  # the transform's config
    inputs: list  # the names it reads
    df: object  # its input (the inputs unioned)
    watermarked: bool  # whether the input carries a watermark


@TRANSFORMS.register("field_mapping")
def field_mapping(_run, step: Step):
    from pyspark.sql import functions as F

    df, mapping = step.df, step.node.get("mapping") or {}
    cols = []
    mapped = set()
    for src_field, target in mapping.items():
        top = src_field.split(".")[0]
        if src_field not in columns(df) and top not in columns(df):
            raise JobError(
                f"field_mapping: source field {src_field!r} not in input columns {columns(df)}"
            )
        expr = F.col(f"`{src_field}`") if src_field in columns(df) else F.col(src_field)
        cols.append(expr.alias(target))
        mapped.add(src_field)
    targets = set(mapping.values())
    rest = [F.col(f"`{c}`") for c in columns(df) if c not in mapped and c not in targets]
    return df.select(*rest, *cols), step.watermarked


@TRANSFORMS.register("sql")
def sql(run, step: Step):
    # the inputs, and also the other known nodes, so queries may join what they name
    names = [*step.inputs]
    names += [n for n in run.nodes if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", n) and n not in names]
    for n in names:
        # A name's node never changes (register), so its view is made once per run: on Spark
        # Connect each is a round trip that analyses the node's plan.
        if n not in run.views:
            clean(run.nodes[n]).createOrReplaceTempView(n)
            run.views.add(n)
    return run.spark.sql(step.node["query"]), step.watermarked


@TRANSFORMS.register("filter")
def filter_rows(_run, step: Step):
    from pyspark.sql import functions as F

    out = step.df.filter(F.expr(step.node["condition"]))
    return same_columns(out, step.df), step.watermarked


@TRANSFORMS.register("schema_validation")
def schema_validation(run, step: Step):
    from pyspark.sql import functions as F

    name, df, t = step.name, step.df, step.node
    schema = t.get("schema") or []
    on_invalid = str(t.get("on_invalid", "drop")).lower()
    problems = []
    casts = {}
    for f in schema:
        c, typ = f["name"], spark_type(f.get("type", "string"))
        if c not in columns(df):
            casts[c] = F.lit(None).cast(typ)
            problems.append(F.lit(f"missing {c}"))
            continue
        casted = F.col(f"`{c}`").cast(typ)
        problems.append(
            F.when(F.col(f"`{c}`").isNotNull() & casted.isNull(), F.lit(f"{c}: not {typ}"))
        )
        if f.get("nullable", True) is False:
            problems.append(F.when(F.col(f"`{c}`").isNull(), F.lit(f"{c}: null")))
        casts[c] = casted
    poison = POISON in columns(df)
    if poison:  # a record the source could not read (records.py): its reason comes first
        problems.insert(0, F.col(POISON))
    # The problems are computed on the input columns first, then the columns are cast.
    checked = df.withColumn("_uis_errors", F.concat_ws("; ", *problems) if problems else F.lit(""))
    out = checked
    for c, e in casts.items():
        out = out.withColumn(c, e)
    hidden = [h for h in HIDDEN if h in columns(df)]
    valid = out.filter(F.col("_uis_errors") == "").drop("_uis_errors", *hidden)
    where = F.col(POS) if POS in columns(df) else F.lit(None).cast("string")
    if on_invalid == "fail":
        # A filter predicate is always evaluated (a projected column that is dropped later
        # would be pruned), so the first invalid row fails the job with its problems and, for
        # a source record, its position.
        at = F.when(where.isNotNull(), F.concat(F.lit(" at "), where)).otherwise(F.lit(""))
        fail = F.when(
            F.col("_uis_errors") != "",
            F.raise_error(F.concat(F.lit(f"schema_validation {name}: "), F.col("_uis_errors"), at)),
        )
        return out.filter(fail.isNull()).drop("_uis_errors", *hidden), step.watermarked
    if on_invalid == "dead_letter":
        # Dead letters have the same three columns on both engines (the Flink compiler's
        # dead-letter view): the record as the source sent it (a row the transform refused, as
        # JSON), the reasons and the source position (NULL for such a row).
        visible = [F.col(f"`{c}`") for c in columns(df) if c not in HIDDEN]
        record = F.to_json(F.struct(*visible))
        if RAW in columns(df):
            record = F.coalesce(F.col(RAW), record)
        bad = checked.filter(F.col("_uis_errors") != "").select(
            record.alias("raw_record"),
            F.col("_uis_errors").alias("reason"),
            where.alias("position"),
        )
        run.register(f"{name}_dead_letter", bad, "transform")
    return valid, step.watermarked


def with_time(df, col, t):
    """Event-time columns must be timestamps: strings are parsed, numbers are epoch millis
    (seconds with time_unit: s)."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import NumericType, StringType, TimestampType

    if col not in columns(df):
        raise JobError(f"time column {col!r} not in columns {columns(df)}")
    dtype = schema(df)[col].dataType
    if isinstance(dtype, TimestampType):
        return df
    if isinstance(dtype, StringType):
        return df.withColumn(col, to_time(F.col(f"`{col}`")))
    if isinstance(dtype, NumericType):
        if str(t.get("time_unit", "ms")).lower() in ("s", "seconds"):
            return df.withColumn(col, F.timestamp_seconds(F.col(col)))
        return df.withColumn(col, F.timestamp_millis(F.col(col).cast("long")))
    return df.withColumn(col, F.col(col).cast("timestamp"))


@TRANSFORMS.register("dedupe")
def dedupe(run, step: Step):
    df, t, wm = step.df, step.node, step.watermarked
    keys = t.get("keys") or []
    carries = wm or (t.get("time_column") in columns(df) and run.streaming)
    if not run.streaming:
        tc = t.get("time_column")
        if keys and tc and tc in columns(df) and t.get("keep", "first_by_event_time") != "any":
            # Same result as Flink's ROW_NUMBER() ORDER BY the event time: the earliest row.
            return first_by_event_time(with_time(df, tc, t), keys, tc), carries
        return (df.dropDuplicates(keys) if keys else df.dropDuplicates()), carries
    if not wm and t.get("time_column") in columns(df):
        df = with_time(df, t["time_column"], t)
        df = df.withWatermark(t["time_column"], spark_interval(t.get("within", "0 s")))
        wm = True
    if wm:
        # Keeps state per key only until the watermark passes it: bounded state.
        return (
            df.dropDuplicatesWithinWatermark(keys) if keys else df.dropDuplicatesWithinWatermark()
        ), carries
    log("dedupe without a watermark on a stream keeps every key forever; add a watermark transform")
    return (df.dropDuplicates(keys) if keys else df.dropDuplicates()), carries


@TRANSFORMS.register("watermark")
def watermark(_run, step: Step):
    t = step.node
    df = with_time(step.df, t["time_column"], t)
    delay = t.get("max_out_of_orderness", t.get("delay"))
    if delay is None and t.get("max_out_of_orderness_ms") is not None:
        delay = f"{t['max_out_of_orderness_ms']} ms"
    return df.withWatermark(t["time_column"], spark_interval(delay or "0 s")), True


@TRANSFORMS.register("window_aggregate")
def window_aggregate(run, step: Step):
    from pyspark.sql import functions as F

    df, t, wm = step.df, step.node, step.watermarked
    tc = t["time_column"]
    if tc not in columns(df):
        raise JobError(f"window_aggregate: time column {tc!r} not in columns {columns(df)}")
    df = with_time(df, tc, t)
    if not wm and t.get("watermark") and run.streaming:
        df = df.withWatermark(tc, spark_interval(t["watermark"]))
    if t.get("slide"):
        w = F.window(F.col(tc), spark_interval(t["window"]), spark_interval(t["slide"]))
    else:
        w = F.window(F.col(tc), spark_interval(t["window"]))
    groups = [F.col(f"`{g}`") for g in t.get("group_by") or []]
    aggs = [F.expr(e).alias(out) for out, e in (t.get("aggregates") or {}).items()]
    if not aggs:
        aggs = [F.count(F.lit(1)).alias("count")]
    res = df.groupBy(w.alias("_w"), *groups).agg(*aggs)
    out = res.select(
        F.col("_w.start").alias("window_start"),
        F.col("_w.end").alias("window_end"),
        *[F.col(f"`{g}`") for g in t.get("group_by") or []],
        *[F.col(f"`{o}`") for o in (t.get("aggregates") or {"count": 0})],
    )
    return out, True
