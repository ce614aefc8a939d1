# SPDX-License-Identifier: Apache-2.0
"""Batch sinks: type name → writer(run, name, sink, df). A streaming input is written through
streaming.start (a native streaming format, else these writers per micro-batch)."""

from __future__ import annotations

import re

from ..errors import JobError
from ..httpclient import auth_headers
from ..log import log
from ..placeholders import resolve
from ..registry import Registry
from .delivery import RATE_HEADROOM, RESPONSE_DDL, deliver_partition
from .frames import columns
from .options import str_opts

SINKS = Registry("sink")


@SINKS.register("parquet")
def parquet(_run, name, s, df):
    path = resolve(s.get("path") or "")
    if not path:
        raise JobError(f"sink {name}: parquet needs path")
    w = df.write.mode(s.get("mode", "append")).options(**str_opts(s.get("options")))
    if s.get("partition_by"):
        w = w.partitionBy(*s["partition_by"])
    w.parquet(path)
    log(f"sink {name}: wrote parquet {s.get('path')}")


def iceberg_table(s) -> str:
    table = s.get("table") or s.get("table_name")
    if not table:
        raise JobError(f"sink {s.get('name')}: iceberg needs table")
    cat = s.get("catalog") or "uis"
    parts = table.split(".")
    if parts[0] == cat and len(parts) >= 3:
        return table
    if len(parts) == 1:
        ns = s.get("namespace") or "default"
        return f"{cat}.{ns}.{table}"
    return f"{cat}.{table}"


def partition_expr(p: str):
    """'col', 'days(ts)', 'bucket(16, id)' -> a partition transform for writeTo().partitionedBy."""
    from pyspark.sql import functions as F

    m = re.fullmatch(
        r"\s*(years|months|days|hours|year|month|day|hour)\s*\(\s*`?(\w+)`?\s*\)\s*", p
    )
    if m:
        fn = {"year": "years", "month": "months", "day": "days", "hour": "hours"}.get(
            m.group(1), m.group(1)
        )
        return getattr(F, fn)(F.col(m.group(2)))
    m = re.fullmatch(r"\s*bucket\s*\(\s*(\d+)\s*,\s*`?(\w+)`?\s*\)\s*", p)
    if m:
        return F.bucket(int(m.group(1)), F.col(m.group(2)))
    return F.col(p)


@SINKS.register("iceberg")
def iceberg(run, name, s, df):
    full = iceberg_table(s)
    ns = full.rsplit(".", 1)[0]
    run.spark.sql(f"CREATE NAMESPACE IF NOT EXISTS {ns}")
    mode = str(s.get("mode", "append")).lower()
    exists = run.spark.catalog.tableExists(full)
    if exists and mode == "append":
        df.writeTo(full).append()
    elif exists and mode in ("overwrite_partitions", "dynamic_overwrite"):
        df.writeTo(full).overwritePartitions()
    else:
        w = df.writeTo(full).using("iceberg")
        parts = [partition_expr(p) for p in s.get("partition_by") or []]
        if parts:
            w = w.partitionedBy(*parts)
        for k, v in (s.get("table_properties") or {}).items():
            w = w.tableProperty(k, str(v).lower() if isinstance(v, bool) else str(v))
        if exists:  # mode overwrite
            w.createOrReplace()
        else:
            w.create()
    log(
        f"sink {name}: {'appended to' if exists and mode == 'append' else 'wrote'} "
        f"iceberg table {full}"
    )


@SINKS.register("clickhouse", "jdbc")
def jdbc(_run, name, s, df):
    opts = {
        "url": resolve(s.get("url", "")),
        "dbtable": s.get("dbtable") or s.get("table") or s.get("table_name"),
        "driver": s.get("driver", "com.clickhouse.jdbc.ClickHouseDriver"),
    }
    if not opts["url"] or not opts["dbtable"]:
        raise JobError(f"sink {name}: clickhouse needs url and dbtable")
    user = s.get("user", s.get("username"))
    if user:
        opts["user"] = resolve(user)
    if s.get("password") is not None:
        opts["password"] = resolve(s["password"])
    # ClickHouse needs an engine when Spark creates the table.
    opts["createTableOptions"] = s.get(
        "create_table_options", "ENGINE = MergeTree() ORDER BY tuple()"
    )
    opts.update(str_opts(s.get("options")))
    df.write.format("jdbc").options(**opts).mode(s.get("mode", "append")).save()
    log(f"sink {name}: wrote {opts['dbtable']} over JDBC")


def kafka_options(s) -> dict:
    opts = str_opts(s.get("options"))
    for k in ("kafka.bootstrap.servers", "topic"):
        if s.get(k) is not None:
            opts[k] = str(resolve(s[k]))
    if "kafka.bootstrap.servers" not in opts or "topic" not in opts:
        raise JobError(f"sink {s.get('name')}: kafka needs kafka.bootstrap.servers and topic")
    return opts


def kafka_frame(df, s):
    """The rows as Kafka records: the row as JSON in `value`, `key_field` as the key."""
    from pyspark.sql import functions as F

    cols = [F.col(f"`{c}`") for c in columns(df)]
    value = F.to_json(F.struct(*cols)).alias("value")
    if s.get("key_field"):
        return df.select(F.col(f"`{s['key_field']}`").cast("string").alias("key"), value)
    return df.select(value)


@SINKS.register("kafka")
def kafka(_run, name, s, df):
    kafka_frame(df, s).write.format("kafka").options(**kafka_options(s)).save()
    log(f"sink {name}: wrote to kafka topic {s.get('topic')}")


@SINKS.register("console")
def console(_run, _name, s, df):
    df.show(int(s.get("num_rows", 20)), truncate=False)


def delivery_plan(name, s, parts) -> dict:
    """What every partition of the REST delivery sink needs (shipped to the executors)."""
    retry = dict(s.get("retry") or {})
    rps = float(s.get("max_requests_per_second") or s.get("rate_limit") or 0)
    url_t = s.get("url")
    if not url_t:
        raise JobError(f"sink {name}: rest_api needs url")
    headers = resolve(s.get("headers") or {})
    headers.update(auth_headers(s.get("auth")))
    mapping = s.get("column_mapping") or {}
    if isinstance(mapping, list):
        mapping = {m["source_column"]: m["endpoint_param"] for m in mapping}
    return {
        "sink": name,
        "url": resolve(url_t),
        "url_template": url_t,
        "url_has_fields": bool(re.search(r"(?<!\{)\{[A-Za-z_]\w*\}(?!\})", resolve(url_t))),
        "method": str(s.get("method", "POST")).upper(),
        "headers": headers,
        "timeout": float(s.get("timeout", 30)),
        "rps": rps,
        # Each partition gets an equal share, so all partitions together never exceed the limit;
        # 5% headroom keeps a request that arrives a little late (network, a busy receiver)
        # from making the receiver count one too many in a one-second window.
        "per_partition_rps": rps * RATE_HEADROOM / parts if rps else 0.0,
        "retry": {
            "max_attempts": int(retry.get("max_attempts", 3)),
            "retry_status_codes": [
                int(c) for c in retry.get("retry_status_codes", [429, 500, 502, 503, 504])
            ],
            "base_delay": float(retry.get("base_delay", 0.2)),
            "max_delay": float(retry.get("max_delay", 2.0)),
        },
        "mapping": dict(mapping),
        "id_column": s.get("id_column"),
        "namespace": s.get("idempotency_namespace") or f"{name}:{url_t}",
    }


@SINKS.register("rest_api", "rest")
def rest_api(run, name, s, df):
    default_parts = max(
        1, min(df.rdd.getNumPartitions(), run.spark.sparkContext.defaultParallelism)
    )
    parts = int(s.get("partitions") or default_parts)
    plan = delivery_plan(name, s, parts)
    log(
        f"sink {name}: delivering rows to {plan['method']} {plan['url_template']} "
        f"({parts} partitions, {plan['rps'] or 'unlimited'} req/s, "
        f"{plan['retry']['max_attempts']} attempts)"
    )
    # Counted once as a DataFrame (the per-node counts of the overlay; RDD work reports none),
    # cached so that the delivery does not compute the input again.
    df = df.persist()
    df.count()
    responses = df.repartition(parts).rdd.mapPartitions(
        lambda rows, _p=plan: deliver_partition(rows, _p)
    )
    resp_df = run.spark.createDataFrame(responses, RESPONSE_DDL).cache()
    total = resp_df.count()
    failed = resp_df.filter("NOT success")
    n_failed = failed.count()
    rt = s.get("response_table") or {}
    if isinstance(rt, str):
        rt = {"path": rt}
    rpath = rt.get("path") or s.get("response_table_path") or s.get("response_path")
    if rpath:
        resp_df.write.mode(rt.get("mode", "append")).parquet(resolve(rpath))
        log(f"sink {name}: response table written to {rpath}")
    log(f"sink {name}: {total} requests, {total - n_failed} succeeded, {n_failed} failed")
    run.counts.delivered[name] = total - n_failed
    if n_failed and s.get("fail_on_error", True):
        first = failed.select("status_code", "error", "response_body").first()
        run.failures.append(
            f"sink {name}: {n_failed} of {total} requests failed "
            f"(first: {first['error']} {str(first['response_body'])[:200]})"
        )
    resp_df.unpersist()
    df.unpersist()
