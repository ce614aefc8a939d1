# SPDX-License-Identifier: Apache-2.0
"""Rows in and out per spec node, for the canvas's run overlay: `uis-runner: nodes [...]`.

Batch: each node's DataFrame carries a Spark `Observation` (a row count computed by the very
job that writes the sinks, no extra pass over the data). Streaming: the queries' progress
(rows per micro-batch, summed, and the rate). Names are the spec's: a source reports under its
endpoint's name."""

from __future__ import annotations

import threading
import time

from ..log import log
from ..nodereport import report


def _get(observation, timeout: float, key="rows"):
    """The observed count (all metrics when `key` is None), or None when the action that
    computes it has not run (the JVM call blocks until then: ask from a thread and give up
    after `timeout`)."""
    out = {}

    def ask():
        try:
            got = observation.get
            out["v"] = got if key is None else got.get(key)
        except Exception:
            pass

    t = threading.Thread(target=ask, daemon=True)
    t.start()
    t.join(timeout)
    return out.get("v")


class NodeCounts:
    def __init__(self):
        self.observations = {}  # spec node -> Observation
        self.inputs = {}  # spec node -> its input nodes (for rows in)
        self.kind = {}  # spec node -> "source" | "transform" | "sink"
        self.errors = {}  # spec node -> root cause
        self.written = set()  # sinks whose write finished
        self.streams = {}  # sink -> {"rows": total, "rate": last rate}
        self.delivered = {}  # sink -> rows it delivered (rows out), when the sink counts itself
        # Poison records per source (records.py): node -> (Observation or metric name, frame).
        self.poison = {}
        self.drops = set()  # sources that drop their poison records themselves
        self.stream_poison = {}  # (query, node) -> {"rows", "invalid"} summed over batches
        self.poison_logged = {}  # node -> poison records logged so far

    def observe_poison(self, node: str, df, drops: bool):
        """`df` (with records.POISON) counting its records and poison records, and keeping the
        first poison record of each micro-batch for the log."""
        from pyspark.sql import Observation
        from pyspark.sql import functions as F

        from .records import POISON, POS, SEQ

        bad = F.col(POISON).isNotNull()
        metrics = [
            F.count(F.lit(1)).alias("rows"),
            F.count(F.col(POISON)).alias("invalid"),
            F.min_by(
                F.when(bad, F.concat_ws(": ", F.col(POS), F.col(POISON))),
                F.when(bad, F.coalesce(F.col(SEQ), F.lit(0))),
            ).alias("first"),
        ]
        if drops:
            self.drops.add(node)
        if df.isStreaming:
            name = f"uis_poison_{len(self.poison)}"
            self.poison[node] = (name, df)
            return df.observe(name, *metrics)
        obs = Observation(f"uis_poison_{len(self.poison)}")
        self.poison[node] = (obs, df)
        return df.observe(obs, *metrics)

    def observe(self, node: str, df, kind: str, inputs=()):
        """`df` with a row count attached (batch only; streaming counts come from progress)."""
        self.kind[node] = kind
        self.inputs[node] = list(inputs)
        if df.isStreaming:
            return df
        from pyspark.sql import Observation
        from pyspark.sql import functions as F

        obs = Observation(f"uis_rows_{len(self.observations)}")
        self.observations[node] = obs
        return df.observe(obs, F.count(F.lit(1)).alias("rows"))

    def progress(self, sink: str, p: dict):
        s = self.streams.setdefault(sink, {"rows": 0, "rate": None})
        s["rows"] += int(p.get("numInputRows") or 0)
        s["rate"] = p.get("processedRowsPerSecond")
        observed = p.get("observedMetrics") or {}
        for node, (name, _df) in self.poison.items():
            m = observed.get(name) if isinstance(name, str) else None
            if not m:
                continue
            acc = self.stream_poison.setdefault((sink, node), {"rows": 0, "invalid": 0})
            acc["rows"] += int(m.get("rows") or 0)
            acc["invalid"] += int(m.get("invalid") or 0)
            if m.get("invalid"):
                self.log_poison(node, int(m["invalid"]), [m.get("first")], f"batch {p['batchId']}")

    def log_poison(self, node: str, count: int, firsts: list, where: str = ""):
        """The first poison records (up to 10 per source) on the driver's log."""
        done = self.poison_logged.get(node, 0)
        firsts = [f for f in firsts if f][: max(0, 10 - done)]
        what = "dropped" if node in self.drops else "handed to schema_validation"
        log(f"source {node}: {count} poison record(s) {what}{' in ' + where if where else ''}")
        for f in firsts:
            log(f"source {node}: poison record at {f}")
        self.poison_logged[node] = done + len(firsts)

    def log_batch_poison(self, timeout: float = 3.0):
        """After a batch job: each source's poison count, and its first 10 poison records (one
        more pass over the source, only when it had any)."""
        from pyspark.sql import functions as F

        from .records import POISON, POS

        for node, (obs, df) in self.poison.items():
            if isinstance(obs, str):
                continue
            m = _get(obs, timeout, None) or {}
            if m.get("invalid"):
                bad = df.filter(F.col(POISON).isNotNull()).limit(10)
                firsts = [f"{r[0]}: {r[1]}" for r in bad.select(POS, POISON).collect()]
                self.log_poison(node, int(m["invalid"]), firsts)

    def poison_totals(self, node: str, timeout: float) -> dict | None:
        name, _df = self.poison[node]
        if isinstance(name, str):
            per_query = [v for (q, n), v in self.stream_poison.items() if n == node]
            if not per_query:
                return None
            return max(per_query, key=lambda v: v["rows"])  # each query reads every record
        return _get(name, timeout, None)

    def _upstream_of_written(self) -> set:
        done, todo = set(), list(self.written)
        while todo:
            n = todo.pop()
            if n not in done:
                done.add(n)
                todo.extend(self.inputs.get(n, []))
        return done

    def entries(self, timeout: float = 3.0) -> list:
        # Metrics reach an Observation through the listener bus, just after the action: one
        # budget for all of them, so that a count that never comes delays the end only once.
        ready = self._upstream_of_written()
        deadline = time.monotonic() + timeout
        rows = {
            n: _get(o, max(0.05, deadline - time.monotonic()))
            for n, o in self.observations.items()
            if n in ready
        }
        out = []
        for node, kind in self.kind.items():
            e = {"node": node}
            if node in self.streams:
                e["rows_in"] = e["rows_out"] = self.streams[node]["rows"]
                if self.streams[node]["rate"] is not None:
                    e["rows_per_second"] = round(float(self.streams[node]["rate"]), 2)
            elif rows.get(node) is not None:
                e["rows_out"] = int(rows[node])
                ins = [rows.get(i) for i in self.inputs.get(node, [])]
                if kind == "sink":
                    e["rows_in"] = e["rows_out"]
                    if node in self.delivered:
                        e["rows_out"] = int(self.delivered[node])
                elif ins and all(v is not None for v in ins):
                    e["rows_in"] = int(sum(ins))
            if node in self.poison:
                self._poison_entry(node, e, deadline)
            if node in self.errors:
                e["error"] = self.errors[node]
            if len(e) > 1:
                out.append(e)
        return out

    def _poison_entry(self, node: str, e: dict, deadline: float):
        """A source with poison records: rows_in every record, `invalid` the poison ones,
        rows_out what it passed on (the good ones when it drops the poison)."""
        m = self.poison_totals(node, max(0.05, deadline - time.monotonic()))
        if not m or m.get("rows") is None:
            return
        e["rows_in"] = int(m["rows"])
        e["invalid"] = int(m.get("invalid") or 0)
        if "rows_out" not in e or node in self.streams:
            e["rows_out"] = e["rows_in"] - (e["invalid"] if node in self.drops else 0)

    def report(self, timeout: float = 3.0):
        entries = self.entries(timeout)
        if entries:
            report(entries)
