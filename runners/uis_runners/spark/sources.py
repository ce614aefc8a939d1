# SPDX-License-Identifier: Apache-2.0
"""Sources: type name → reader(run, src, kind) → DataFrame."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile

from ..errors import CannotRunWarm, JobError
from ..log import log
from ..placeholders import resolve
from ..registry import Registry
from .options import str_opts
from .records import CORRUPT, POS, RAW, SEQ, convert, json_records, text_schema
from .rest_fetch import fetch_rest
from .schema import schema_ddl
from .session import is_connect

SOURCES = Registry("source")

FILE_FORMATS = ("csv", "json", "parquet", "xml")


def declared(src) -> list | None:
    """The source's schema as a list of columns (declared or derived), or None."""
    schema = src.get("schema")
    return schema if isinstance(schema, list) and schema else None


def json_lines(run, src, lines: list, where: str):
    """JSON records held on the driver (REST pages, test rows) → a frame: with a schema list
    each record is read by records.json_records, its position `<where> record <n>`. The records
    are one partition (a slice per 10000 beyond), so "the first row" is the first in order."""
    schema = declared(src)
    slices = max(1, min(len(lines) // 10000, 64))
    if schema:
        rows = [(t, f"{where} record {i + 1}", i) for i, t in enumerate(lines)]
        ddl = f"value STRING, `{POS}` STRING, `{SEQ}` BIGINT"
        return json_records(local_frame(run.spark, rows, ddl, slices), schema)
    reader = run.spark.read
    ddl = schema_ddl(src.get("schema"))
    if ddl:
        reader = reader.schema(ddl)
    if not lines and not ddl:
        log(f"source {src.get('name')}: no records and no schema: an empty table without columns")
    if is_connect(run.spark):
        return reader.json(server_file(run.spark, lines))
    return reader.json(run.spark.sparkContext.parallelize(lines, slices))


def local_frame(spark, rows: list, ddl: str, slices: int):
    """Rows of the driver as a frame of `slices` partitions in order. Spark Connect has no
    parallelize: its local relation is split over the cores, so one slice is a coalesce(1)."""
    if not is_connect(spark):
        return spark.createDataFrame(spark.sparkContext.parallelize(rows, slices), ddl)
    df = spark.createDataFrame(rows, ddl)
    return df.coalesce(1) if slices == 1 else df


def server_file(spark, lines: list) -> str:
    """JSON lines the server's reader infers a schema from, as it does from an RDD of them:
    Spark Connect's reader takes paths only, so a file, which a server on this machine (the
    private pair) reads; a server elsewhere cannot (CannotRunWarm: the cold path runs)."""
    host = spark.client.host
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise CannotRunWarm(
            f"a source without a schema is read by inferring it, which Spark Connect does from "
            f"a file only, and the server at {host} cannot read this machine's files"
        )
    folder = tempfile.mkdtemp(prefix="uis-connect-records-")
    atexit.register(shutil.rmtree, folder, True)
    path = os.path.join(folder, "records.json")
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(line + "\n" for line in lines)
    return path


@SOURCES.register("rest_api", "rest", "http")
def rest_source(run, src, _kind):
    cap = run.limit if run.dry_run else None
    records = fetch_rest(src, cap)
    return json_lines(run, src, [json.dumps(r) for r in records], f"{src.get('url', 'REST')}")


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
    stream = run.streaming and src.get("streaming", True) and not run.dry_run
    try:
        schema = declared(src)
        if schema and fmt in ("csv", "json"):
            return text_file(run, src, fmt, path, opts, schema, stream)
        ddl = schema_ddl(src.get("schema"))
        if stream:
            if not ddl:  # file streams need a schema: take it from the files present now
                ddl = run.spark.read.format(fmt).options(**opts).load(path).schema
            return run.spark.readStream.format(fmt).options(**opts).schema(ddl).load(path)
        reader = run.spark.read.format(fmt).options(**opts)
        if ddl:
            reader = reader.schema(ddl)
        return reader.load(path)
    except Exception as e:
        text = str(e)
        missing = ("ClassNotFound", "DATA_SOURCE_NOT_FOUND", "Failed to find data source")
        if fmt == "xml" and "xml" in text.lower() and any(m in text for m in missing):
            raise JobError(
                "format xml needs the spark-xml jar (com.databricks:spark-xml_2.12): "
                "run scripts/engines/setup.sh or pass it with --jars"
            ) from None
        raise


def text_file(run, src, fmt, path, opts, schema, stream):
    """csv and json files with a schema: every column read as text and converted by one rule
    (records.py), a record that does not parse kept as poison with its file. JSON lines are read
    as lines (the raw record is the line); multi-line JSON and csv by their readers, with the
    readers' corrupt-record column."""
    from pyspark.sql import functions as F

    def load(reader):
        return reader.readStream if stream else reader.read

    where = F.concat(F.lit("file "), F.input_file_name())
    multiline = str(opts.get("multiLine", opts.get("multiline", "false"))).lower() == "true"
    if fmt == "json" and not multiline:
        text_opts = {k: v for k, v in opts.items() if k in ("lineSep", "encoding")}
        lines = load(run.spark).format("text").options(**text_opts).load(path)
        lines = lines.filter(F.trim(F.col("value")) != "")  # the json reader skips blank lines
        framed = lines.select("value", where.alias(POS), F.lit(None).cast("long").alias(SEQ))
        return json_records(framed, schema, opts)
    texts, types = text_schema(schema)
    ddl = schema_ddl(texts) + f", `{CORRUPT}` STRING"
    opts = {**opts, "mode": "PERMISSIVE", "columnNameOfCorruptRecord": CORRUPT}
    df = load(run.spark).format(fmt).options(**opts).schema(ddl).load(path)
    names = [f["name"] for f in texts]
    cols = [F.col(f"`{n}`") for n in names]
    if fmt == "csv":
        raw = F.concat_ws(opts.get("sep", opts.get("delimiter", ",")), *cols)
        reason = F.when(F.col(CORRUPT).isNotNull(), F.lit("not a csv record of the schema"))
    else:
        raw = F.to_json(F.struct(*cols))
        reason = F.when(F.col(CORRUPT).isNotNull(), F.lit("not JSON"))
    framed = df.select(
        *cols,
        F.coalesce(F.col(CORRUPT), raw).alias(RAW),
        where.alias(POS),
        F.lit(None).cast("long").alias(SEQ),
        CORRUPT,
    )
    return convert(framed, types, reason, [*names, RAW, POS, SEQ, CORRUPT]).drop(CORRUPT)


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
    fmt = str(src.get("format", "json")).lower()
    schema = declared(src)
    if schema and fmt == "json":
        where = F.concat(
            F.lit("topic "),
            F.col("topic"),
            F.lit(" partition "),
            F.col("partition"),
            F.lit(" offset "),
            F.col("offset"),
        )
        framed = df.select(
            F.col("value").cast("string").alias("value"),
            where.alias(POS),
            F.col("offset").alias(SEQ),
        )
        return json_records(framed, schema)
    ddl = schema_ddl(src.get("schema"))
    if ddl and fmt == "json":
        parsed = df.select(F.from_json(F.col("value").cast("string"), ddl).alias("_v"))
        return parsed.select("_v.*")
    return df.select(
        F.col("key").cast("string").alias("key"),
        F.col("value").cast("string").alias("value"),
        "topic",
        "partition",
        "offset",
        "timestamp",
    )
