# SPDX-License-Identifier: Apache-2.0
"""Structured Streaming: triggers, checkpoints, starting a sink's query and waiting for them.
Native streaming sinks are in STREAM_SINKS (type name → writer(df, sink, open_writer) →
DataStreamWriter); any other sink runs its batch writer on each micro-batch (foreachBatch)."""

from __future__ import annotations

import json
import os
import re
import time

from ..errors import JobError, root_cause
from ..log import log
from ..placeholders import resolve
from ..registry import Registry
from .options import spark_interval, str_opts
from .sinks import kafka_frame, kafka_options

STREAM_SINKS = Registry("streaming sink")  # type → writer(df, sink, open_writer)
PROGRESS = "progress"  # `uis-runner: progress {…}`: dcp-local's metrics of a streaming query


def progress_line(query: str, p: dict) -> dict:
    """What dcp-local keeps of a query's progress (app/dcp-local/server/metrics): its rates,
    batch duration, state rows and, per source, the offsets it has read up to (for the lag)."""
    state = [s.get("numRowsTotal") for s in p.get("stateOperators") or []]
    return {
        "query": query,
        "batch": p.get("batchId"),
        "timestamp": p.get("timestamp"),
        "rows": p.get("numInputRows"),
        "input_rows_per_second": p.get("inputRowsPerSecond"),
        "processed_rows_per_second": p.get("processedRowsPerSecond"),
        "batch_duration_ms": (p.get("durationMs") or {}).get("triggerExecution"),
        "state_rows": sum(int(x or 0) for x in state) if state else None,
        "sources": [
            {
                "description": s.get("description"),
                "end_offset": s.get("endOffset"),
                "input_rows_per_second": s.get("inputRowsPerSecond"),
            }
            for s in p.get("sources") or []
        ],
    }


def checkpoint(run, name, s):
    loc = s.get("checkpoint_location") or s.get("checkpointLocation")
    if loc:
        return resolve(loc)
    base = (
        run.args.checkpoint_dir
        or os.environ.get("UIS_CHECKPOINT_DIR")
        or run.job.get("checkpoint_location")
        or os.path.join("/tmp", "uis-checkpoints")
    )
    app = (
        (run.job.get("spark_config") or {}).get("spark.app.name")
        or run.job.get("name")
        or "uis-job"
    )
    return os.path.join(resolve(base), re.sub(r"[^A-Za-z0-9_.-]", "_", app), name)


def trigger(run):
    sched = run.job.get("schedule") or {}
    tt = str(sched.get("trigger_type", "once")).lower()
    if run.args.trigger:
        tt = run.args.trigger
    if tt in ("processing_time", "processingtime", "interval"):
        return {"processingTime": spark_interval(sched.get("trigger_interval", "10 seconds"))}, tt
    # once, cron (a scheduled batch run) and available_now all drain what is there and stop.
    return {"availableNow": True}, tt


@STREAM_SINKS.register("parquet")
def parquet_stream(df, s, open_writer):
    w = open_writer(df).format("parquet").option("path", resolve(s["path"]))
    w = w.options(**str_opts(s.get("options")))
    return w.partitionBy(*s["partition_by"]) if s.get("partition_by") else w


@STREAM_SINKS.register("kafka")
def kafka_stream(df, s, open_writer):
    return open_writer(kafka_frame(df, s)).format("kafka").options(**kafka_options(s))


@STREAM_SINKS.register("console")
def console_stream(df, s, open_writer):
    w = open_writer(df).format("console").option("truncate", "false")
    return w.option("numRows", str(s.get("num_rows", 20)))


def start(run, name, kind, s, df, batch_writer):
    trig, tt = trigger(run)
    mode = s.get("output_mode", "append")
    ckpt = checkpoint(run, name, s)

    def open_writer(frame):
        return (
            frame.writeStream.queryName(name)
            .outputMode(mode)
            .option("checkpointLocation", ckpt)
            .trigger(**trig)
        )

    native = STREAM_SINKS.handler(kind)
    if native is not None:
        w = native(df, s, open_writer)
    else:

        def batch(bdf, batch_id, _w=batch_writer, _n=name, _s=s):
            log(f"sink {_n}: micro-batch {batch_id}")
            _w(run, _n, _s, bdf)

        w = open_writer(df).foreachBatch(batch)
    q = w.start()
    log(f"sink {name}: streaming query {q.id} started (trigger {tt}, checkpoint {ckpt})")
    run.queries.append(q)


def await_queries(run):
    last_batch = {}
    deadline = time.time() + run.args.max_run_seconds if run.args.max_run_seconds else None
    while True:
        active = [q for q in run.queries if q.isActive]
        for q in run.queries:
            # every batch since the last look (several may finish between two looks)
            fresh = [p for p in q.recentProgress if p["batchId"] > last_batch.get(q.name, -1)]
            for p in fresh:
                last_batch[q.name] = p["batchId"]
                log(f"sink {q.name}: batch {p['batchId']} read {p.get('numInputRows', 0)} rows")
                log(f"{PROGRESS} {json.dumps(progress_line(q.name, p))}")
                run.counts.progress(q.name, p)
            if fresh:
                run.counts.report()
        for q in run.queries:
            if not q.isActive and q.exception() is not None:
                for other in run.queries:
                    if other.isActive:
                        other.stop()
                run.counts.errors[q.name] = root_cause(q.exception())
                raise JobError(f"streaming query {q.name} failed: {root_cause(q.exception())}")
        if not active:
            return
        if run.stop_requested or (deadline and time.time() > deadline):
            log(
                "stopping streaming queries"
                + (" (signal)" if run.stop_requested else " (max run time)")
            )
            for q in active:
                q.stop()
            return
        try:
            run.spark.streams.awaitAnyTermination(1)
        except Exception:
            pass  # the failing query is reported above
        run.spark.streams.resetTerminated()
