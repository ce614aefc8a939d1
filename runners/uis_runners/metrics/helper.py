# SPDX-License-Identifier: Apache-2.0
"""dcp-local's metrics helper: one long-lived process that answers JSON lines on stdin, one
answer line per request (`{"id", "result"}` or `{"id", "error"}`), so the server's collector can
use what only Python has without starting a process per sample:

- `flink_nodes`: a Flink job's operator counters (from the JobManager's REST API) per spec node,
  through the very rule the local runner uses (flink/nodecounts.py over flink/opnodes.py);
- `kafka_sources`: the Kafka sources of a compiled job (bootstrap servers and topics);
- `end_offsets`: the broker's end offset of every partition of some topics (for the lag).

Run: python -m uis_runners.metrics.helper"""

from __future__ import annotations

import json
import os
import sys

from .kafkaoffsets import EndOffsets
from .sources import kafka_sources


def _entries(job: dict, operators: list) -> list:
    from ..flink.nodecounts import NodeCounts

    class Given(NodeCounts):
        """NodeCounts reading the operators given, not its reporter's file."""

        def _operators(self, jid):
            return operators

    counts = Given(job)
    counts.dir = "-"  # anything but None: entries() only reads through _operators()
    return counts.entries(["j"])[0]


def load(path: str) -> dict:
    with open(path) as f:
        return json.load(f)


class Helper:
    def __init__(self):
        self.offsets = EndOffsets()
        self.jobs = {}  # job config path -> (mtime, parsed)

    def job(self, path: str) -> dict:
        mtime = os.path.getmtime(path)
        cached = self.jobs.get(path)
        if cached is None or cached[0] != mtime:
            cached = (mtime, load(path))
            self.jobs[path] = cached
        return cached[1]

    def flink_nodes(self, req: dict) -> dict:
        """Per node: counts (rows_in/rows_out) and rates (rows_in_per_second/…_out_…), through
        the local runner's own rule (NodeCounts.entries over NodeMap), fed with the operators
        the JobManager reported instead of its reporter's file; rates go through the same rule
        as counts (in milli-rows, since NodeCounts keeps counts as integers)."""
        job = self.job(req["job_config"])
        ops = req.get("operators") or []
        base = [{"name": o["name"], "task": o.get("task", ""), "live": False} for o in ops]
        totals = _entries(
            job,
            [
                dict(b, **{"in": o.get("in"), "out": o.get("out")})
                for b, o in zip(base, ops, strict=True)
            ],
        )
        rates = _entries(
            job,
            [
                dict(
                    b,
                    **{
                        "in": round(1000 * (o.get("rate_in") or 0)),
                        "out": round(1000 * (o.get("rate") or 0)),
                    },
                )
                for b, o in zip(base, ops, strict=True)
            ],
        )
        by_node = {e["node"]: e for e in rates}
        out = []
        for e in totals:
            r = by_node.get(e["node"], {})
            n = dict(e)
            if "rows_in" in r:
                n["rows_in_per_second"] = r["rows_in"] / 1000.0
            if "rows_out" in r:
                n["rows_out_per_second"] = r["rows_out"] / 1000.0
            out.append(n)
        return {"nodes": out}

    def kafka_sources(self, req: dict) -> dict:
        return {"sources": kafka_sources(self.job(req["job_config"]))}

    def end_offsets(self, req: dict) -> dict:
        return {"offsets": self.offsets.get(req["bootstrap"], req.get("topics") or [])}

    def answer(self, line: str) -> dict:
        req = json.loads(line)
        rid = req.get("id")
        op = getattr(self, str(req.get("op")), None)
        if op is None or str(req.get("op")).startswith("_") or req.get("op") in ("answer", "job"):
            return {"id": rid, "error": f"unknown request {req.get('op')!r}"}
        try:
            return {"id": rid, "result": op(req)}
        except Exception as e:  # one bad request must not end the helper
            return {"id": rid, "error": f"{type(e).__name__}: {e}"}


def main() -> int:
    helper = Helper()
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            out = helper.answer(line)
        except ValueError as e:
            out = {"id": None, "error": f"not JSON: {e}"}
        sys.stdout.write(json.dumps(out) + "\n")
        sys.stdout.flush()
    helper.offsets.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
