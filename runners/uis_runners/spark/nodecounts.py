# SPDX-License-Identifier: Apache-2.0
"""Rows in and out per spec node, for the canvas's run overlay: `uis-runner: nodes [...]`.

Batch: each node's DataFrame carries a Spark `Observation` (a row count computed by the very
job that writes the sinks, no extra pass over the data). Streaming: the queries' progress
(rows per micro-batch, summed, and the rate). Names are the spec's: a source reports under its
endpoint's name."""

from __future__ import annotations

import threading
import time

from ..nodereport import report


def _get(observation, timeout: float):
    """The observed count, or None when the action that computes it has not run (the JVM call
    blocks until then: ask from a thread and give up after `timeout`)."""
    out = {}

    def ask():
        try:
            out["v"] = observation.get.get("rows")
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
            if node in self.errors:
                e["error"] = self.errors[node]
            if len(e) > 1:
                out.append(e)
        return out

    def report(self, timeout: float = 3.0):
        entries = self.entries(timeout)
        if entries:
            report(entries)
