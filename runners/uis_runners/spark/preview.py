# SPDX-License-Identifier: Apache-2.0
"""`--dry-run`: a schema line, up to --limit row lines and an end line per node, in definition
order (the `uis-preview:` lines of the GUI's data preview). The same code serves a classic
session and a Spark Connect one (sessions/spark_warm.py): rows become JSON in the engine
(`to_json`), which both have, so warm and cold rows are the same text.

The nodes are fetched side by side, each in a worker thread (at most WORKERS at a time): a
session, classic or Spark Connect, runs operations from several threads at once, and most of a
node's time is the engine planning and running its small query on one core. The lines still
come in definition order (fetch_in_order): a node's schema line once its columns are known and
every node before it has ended, its rows and end line once all its rows are here. A node whose
fetch failed or was interrupted writes no row; after a stop nothing more is written."""

from __future__ import annotations

import json
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_any

from ..log import PREVIEW, emit
from .frames import columns, schema
from .records import clean

WORKERS = 4  # nodes fetched at once (a preview of many nodes queues the rest)
POLL = 0.1  # seconds between two looks at the stop flag while waiting for a node
_STOPPED = object()


def preview(run, enter=None, workers: int | None = None) -> None:
    """Previews run.order's nodes of `run` (a SparkJob). `enter()` is called in the worker
    thread before each node (Spark Connect's tags belong to the thread that adds them)."""
    write(run.kinds, fetch_nodes(run, enter, workers))


def fetch_nodes(run, enter=None, workers: int | None = None):
    """fetch_in_order's (name, columns, rows | None) of run.order's nodes."""
    from pyspark.sql import functions as F

    def stopped() -> bool:
        return run.stop_requested  # a warm preview's Stop (sessions/spark_warm.py)

    def fetch(name: str, known) -> list:
        df = clean(run.nodes[name])  # poison records show in a dead-letter node
        known([{"name": f.name, "type": f.dataType.simpleString()} for f in schema(df).fields])
        if stopped():  # no new operation after a stop (an interrupt only ends running ones)
            return []
        as_json = F.to_json(F.struct(*[F.col(f"`{c}`") for c in columns(df)]))
        return [r[0] for r in df.limit(run.limit).select(as_json).collect()]

    return fetch_in_order(run.order, fetch, stopped, workers or WORKERS, enter)


def write_in_order(names, kinds: dict, fetch, stopped, workers: int = WORKERS, enter=None):
    """The preview lines of `names` (kinds: name -> "source" | "transform"), fetched by
    fetch_in_order."""
    write(kinds, fetch_in_order(names, fetch, stopped, workers, enter))


def write(kinds: dict, fetched) -> None:
    """The preview lines of fetch_in_order's items."""
    for name, cols, rows in fetched:
        if rows is None:
            emit(PREVIEW, {"event": "schema", "node": name, "kind": kinds[name], "columns": cols})
            continue
        for i, r in enumerate(rows):
            emit(PREVIEW, {"event": "row", "node": name, "index": i, "data": json.loads(r)})
        emit(PREVIEW, {"event": "end", "node": name, "rows": len(rows)})


def fetch_in_order(names, fetch, stopped, workers: int = WORKERS, enter=None):
    """Runs `fetch(name, known)` for every name, `workers` at a time in threads of their own
    (each after `enter()` in its thread); fetch calls `known(columns)` once it knows them and
    returns the node's rows. Yields (name, columns, None), then (name, columns, rows), node by
    node in the order of `names` whatever order the fetches end in. Raises a node's error in
    its turn (the nodes before it are yielded whole). Ends without another item as soon as
    `stopped()`; the fetches not yet begun are dropped, the running ones left to end (a stop
    interrupts them)."""
    names = list(names)
    heads = [Future() for _ in names]  # a node's columns
    tails = [Future() for _ in names]  # its rows

    def one(i: int) -> None:
        if stopped():
            return  # nobody waits for it: the reader ends on the same flag
        try:
            if enter is not None:
                enter()
            rows = fetch(names[i], heads[i].set_result)
        except BaseException as e:  # handed to the reader, in the node's turn
            if not heads[i].done():
                heads[i].set_exception(e)
            tails[i].set_exception(e)
        else:
            if not heads[i].done():
                heads[i].set_exception(RuntimeError(f"{names[i]}: no columns"))
            tails[i].set_result(rows)

    def wait(future: Future):
        """The future's result (or its error), or _STOPPED when a stop comes first."""
        while not future.done() and not stopped():
            wait_any([future], timeout=POLL, return_when=FIRST_COMPLETED)
        return _STOPPED if stopped() else future.result()

    pool = ThreadPoolExecutor(max(1, min(workers, len(names))), "uis-preview")
    try:
        for i in range(len(names)):
            pool.submit(one, i)
        for i, name in enumerate(names):
            cols = wait(heads[i])
            if cols is _STOPPED:
                return
            yield name, cols, None
            rows = wait(tails[i])
            if rows is _STOPPED:
                return
            yield name, cols, rows
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
