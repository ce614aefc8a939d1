# SPDX-License-Identifier: Apache-2.0
"""Sources: type name → reader(run, src, kind) → DataFrame."""

from __future__ import annotations

import json

from ..errors import JobError
from ..log import log
from ..placeholders import resolve
from ..registry import Registry
from .options import str_opts
from .rest_fetch import fetch_rest
from .schema import (
    number_columns,
    parse_numbers,
    parse_times,
    read_schema,
    schema_ddl,
    time_columns,
    times_as_text,
)

SOURCES = Registry("source")

FILE_FORMATS = ("csv", "json", "parquet", "xml")


@SOURCES.register("rest_api", "rest", "http")
def rest_source(run, src, _kind):
    cap = run.limit if run.dry_run else None
    records = fetch_rest(src, cap)
    ddl = schema_ddl(src.get("schema"))
    sc = run.spark.sparkContext
    rdd = sc.parallelize(
        [json.dumps(r) for r in records], max(1, min(len(records) // 10000, 64)) or 1
    )
    reader = run.spark.read
    if ddl:
        reader = reader.schema(ddl)
    if not records and not ddl:
        log(f"source {src.get('name')}: no records and no schema: an empty table without columns")
    return reader.json(rdd)


@SOURCES.register("file", "files", "file_ftp", *FILE_FORMATS)
def file_source(run, src, kind):
    fmt = str(src.get("format") or (kind if kind in FILE_FORMATS else "")).lower()
    path = resolve(src.get("path") or src.get("url") or "")
    if not path:
        raise JobError(f"source {src.get('name')}: no path")
    if path.startswith("file://"):
        path = path[len("file://") :] if path.startswith("file:///") else path
    if fmt not in ("csv", "json", "jsonl", "parquet", "xml", "orc", "text", "avro"):
        raise JobError(
            f"source {src.get('name')}: unsupported file format {fmt!r} (csv, json, xml, parquet)"
        )
    opts = str_opts(src.get("options"))
    if fmt == "csv":
        opts.setdefault("header", "true")
        opts.setdefault("inferSchema", "true")
    if fmt == "jsonl":
        fmt = "json"
    if fmt == "xml":
        opts.setdefault("rowTag", "row")
    # Text formats read timestamps as strings and parse them as the Flink job does, and csv
    # its numbers too.
    times = time_columns(src.get("schema")) if fmt in ("csv", "json") else []
    numbers = number_columns(src.get("schema")) if fmt == "csv" else {}
    as_text = times + list(numbers)
    ddl = schema_ddl(times_as_text(src["schema"], as_text) if as_text else src.get("schema"))
    stream = run.streaming and src.get("streaming", True) and not run.dry_run
    try:
        if stream:
            if not ddl:  # file streams need a schema: take it from the files present now
                ddl = run.spark.read.format(fmt).options(**opts).load(path).schema
            df = run.spark.readStream.format(fmt).options(**opts).schema(ddl).load(path)
            return parse_numbers(parse_times(df, times), numbers)
        reader = run.spark.read.format(fmt).options(**opts)
        if ddl:
            reader = reader.schema(ddl)
        return parse_numbers(parse_times(reader.load(path), times), numbers)
    except Exception as e:
        text = str(e)
        missing = ("ClassNotFound", "DATA_SOURCE_NOT_FOUND", "Failed to find data source")
        if fmt == "xml" and "xml" in text.lower() and any(m in text for m in missing):
            raise JobError(
                "format xml needs the spark-xml jar (com.databricks:spark-xml_2.12): "
                "run scripts/engines/setup.sh or pass it with --jars"
            ) from None
        raise


@SOURCES.register("kafka")
def kafka_source(run, src, _kind):
    from pyspark.sql import functions as F

    opts = str_opts(src.get("options"))
    for k in ("kafka.bootstrap.servers", "subscribe", "subscribePattern", "startingOffsets"):
        if k in src and k not in opts:
            opts[k] = str(resolve(src[k]))
    if "topic" in src and not any(k in opts for k in ("subscribe", "subscribePattern", "assign")):
        opts["subscribe"] = str(src["topic"])
    if "kafka.bootstrap.servers" not in opts:
        raise JobError(f"source {src.get('name')}: kafka options need kafka.bootstrap.servers")
    if run.streaming:
        df = run.spark.readStream.format("kafka").options(**opts).load()
    else:
        opts.pop("maxOffsetsPerTrigger", None)
        # A batch read cannot start at `latest` (Spark rejects it); a preview of what is
        # there starts at the beginning instead.
        if opts.get("startingOffsets", "earliest").strip().lower() == "latest":
            if run.dry_run:
                log(
                    f"source {src.get('name')}: startingOffsets latest read from earliest "
                    "for the preview"
                )
            opts["startingOffsets"] = "earliest"
        df = run.spark.read.format("kafka").options(**opts).load()
        if run.dry_run:
            df = df.limit(run.limit)
    schema, times = read_schema(src)
    ddl = schema_ddl(schema)
    fmt = str(src.get("format", "json")).lower()
    if ddl and fmt == "json":
        parsed = df.select(F.from_json(F.col("value").cast("string"), ddl).alias("_v"))
        return parse_times(parsed.select("_v.*"), times)
    return df.select(
        F.col("key").cast("string").alias("key"),
        F.col("value").cast("string").alias("value"),
        "topic",
        "partition",
        "offset",
        "timestamp",
    )
