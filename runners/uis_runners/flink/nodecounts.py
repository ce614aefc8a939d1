# SPDX-License-Identifier: Apache-2.0
"""Rows in and out per spec node of a local Flink run, for the canvas's run overlay (the same
`uis-runner: nodes [...]` line as the Spark runner, uis_runners.nodereport).

Where the counts come from: a metric reporter in the runner's own JVM (runners/flink/java,
built by scripts/engines/flink-reporter.sh) that Flink hands every operator's numRecordsIn /
numRecordsOut counter. It writes them to a file per job while the job runs (every second) and
keeps each counter's last value when the task removes it. Why not the REST API of the
mini-cluster: its vertex IO metrics (read-records/write-records) count only records between
tasks, so a chained job shows zeros; its operator metrics come through a fetcher that lags by
its update interval; and a local bounded job's mini-cluster shuts down as soon as the job ends,
taking the last values with it. The reporter sees the counters themselves until their tasks
close, so a bounded job that ends in a second still reports exact final counts, and a
streaming job shows live counts and rates.

Operators map to spec nodes with flink/opnodes.py (NodeMap). A node's rows in are what its first
operator took, its rows out what its last emitted; a source reports its rows out under its
endpoint's name, a sink the rows it received (in = out, as on Spark)."""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import time

from ..jobconfig import ENGINES
from ..log import log
from ..nodereport import report
from .opnodes import NodeMap
from .poison import validated

REPORTER = "uis_nodes"
FACTORY = "uis.flink.NodeCountsReporterFactory"
INTERVAL_S = 1.0
LIVE_EVERY_S = 2.0  # how often a running job's counts are printed (when they changed)
RATE_EVERY_S = 30.0  # how often its rates are, when only they changed


def reporter_jar() -> str | None:
    jar = ENGINES / ".cache" / "jars" / "uis-flink" / "uis-flink-nodecounts.jar"
    return str(jar) if jar.is_file() else None


class NodeCounts:
    def __init__(self, job: dict | None):
        self.job = job or {}
        self.jar = reporter_jar() if self.job.get("sources") or self.job.get("sinks") else None
        self.dir = None
        self.last_print = 0.0
        self.last = None  # the entries last printed
        self.on_entries = None  # called with the entries printed (the poison log's counts)

    def classpath(self) -> None:
        """Before the gateway JVM starts: the reporter on its classpath (PyFlink's launcher adds
        HADOOP_CLASSPATH to it, its only way in for extra jars)."""
        if self.jar:
            cp = os.environ.get("HADOOP_CLASSPATH", "")
            os.environ["HADOOP_CLASSPATH"] = f"{cp}:{self.jar}" if cp else self.jar

    def configure(self, conf) -> None:
        """The reporter for the local mini-cluster. A session cluster keeps its own reporters
        (dcp-local follows those jobs), so nothing is counted here then."""
        if not self.jar:
            if self.job:
                log("no per-node counts: the Flink reporter is not built (run `make deps`)")
            return
        if conf.get_string("execution.target", "local").lower() not in ("local", ""):
            self.jar = None
            return
        self.dir = tempfile.mkdtemp(prefix="uis-flink-nodes-")
        prefix = f"metrics.reporter.{REPORTER}"
        conf.set_string(f"{prefix}.factory.class", FACTORY)
        conf.set_string(f"{prefix}.dir", self.dir)
        conf.set_string(f"{prefix}.interval", f"{int(INTERVAL_S * 1000)} ms")
        reporters = conf.get_string("metrics.reporters", "")
        if reporters:  # a script that names its reporters: ours is one of them
            conf.set_string("metrics.reporters", f"{reporters},{REPORTER}")

    def close(self) -> None:
        if self.dir:
            shutil.rmtree(self.dir, ignore_errors=True)

    def _operators(self, jid: str) -> list:
        try:
            with open(os.path.join(self.dir, f"{jid}.json")) as f:
                return json.load(f).get("operators", [])
        except (OSError, ValueError):
            return []

    def entries(self, jids: list[str], failure: tuple[str, str] | None = None) -> tuple:
        """(entries, whether any counter is still live). `failure`: (job id, root cause)."""
        out, live = [], False
        for jid in jids:
            ops = {}  # operator → summed counts over its subtasks
            after = {}
            for o in self._operators(jid):
                c = ops.setdefault(o["name"], {"in": 0, "out": 0, "rate": 0.0, "rate_in": 0.0})
                c["in"] += int(o.get("in") or 0)
                c["out"] += int(o.get("out") or 0)
                c["rate"] += float(o.get("rate") or 0)
                c["rate_in"] += float(o.get("rate_in") or 0)
                c["live"] = c.get("live", False) or bool(o.get("live"))
                chain = [p.strip() for p in (o.get("task") or "").split(" -> ")]
                if o["name"] in chain and chain.index(o["name"]) > 0:
                    after[o["name"]] = chain[chain.index(o["name"]) - 1]
            if not ops:
                continue
            nm = NodeMap(self.job, list(ops), after)
            failed_op = failed_table = None
            if failure and failure[0] == jid:
                failed_op = _failed_operator(failure[1], list(ops))
                failed_table = _failed_table(failure[1])
            invalid = {}  # source node → its poison records (rows into its `__invalid` sink)
            for op, node in nm.invalid.items():
                if op in ops and not op.endswith(": Committer"):
                    invalid[node] = invalid.get(node, 0) + ops[op]["in"]
                    live = live or bool(ops[op].get("live"))
            seen = set()
            for op in nm.order:
                node, kind = nm.node(op)
                if op not in nm.by_name or node in seen:
                    continue
                seen.add(node)
                mine = [ops[o] for o in nm.operators_of(node)]
                first, last = mine[0], mine[-1]
                running = any(c.get("live") for c in mine)
                live = live or running
                e = {"node": node}
                if kind == "source":
                    e["rows_out"] = first["out"]
                    rate = first["rate"]
                    if node in invalid:
                        _poison_entry(e, invalid[node], self.job)
                elif kind == "sink":
                    e["rows_in"] = e["rows_out"] = first["in"]
                    rate = first["rate_in"]
                else:
                    e["rows_in"], e["rows_out"] = first["in"], last["out"]
                    rate = last["rate"]
                if running:
                    e["rows_per_second"] = round(rate, 2)
                if _names(nm, node, failed_op, failed_table):
                    e["error"] = failure[1]
                out.append(e)
        return out, live

    def tick(self, jids: list[str]) -> None:
        """While jobs run: the live counts when they changed (at most every LIVE_EVERY_S), and
        the rates alone every RATE_EVERY_S (a rate drifts on every read: one line per change
        would fill the job's log while nothing flows)."""
        since = time.monotonic() - self.last_print
        if not self.dir or since < LIVE_EVERY_S:
            return
        entries = self.entries(jids)[0]
        if since >= RATE_EVERY_S or _counts(entries) != _counts(self.last or []):
            self._print(entries)

    def final(self, jids: list[str], failure=None, wait_s: float = 5.0) -> None:
        """After the jobs ended: the counters' last values (each task writes them as it closes;
        wait for the last one, within `wait_s`)."""
        if not self.dir:
            return
        deadline = time.monotonic() + wait_s
        entries, live = self.entries(jids, failure)
        while live and time.monotonic() < deadline:
            time.sleep(0.2)
            entries, live = self.entries(jids, failure)
        for e in entries:
            e.pop("rows_per_second", None)
        self._print(entries)

    def _print(self, entries: list) -> None:
        if entries and entries != self.last:
            self.last = entries
            self.last_print = time.monotonic()
            report(entries)
            if self.on_entries is not None:
                self.on_entries(entries)


def _poison_entry(e: dict, invalid: int, job: dict) -> None:
    """A checked source, as on Spark: rows in every record, `invalid` the poison ones, rows out
    what it passes on (without the poison when no schema_validation reads it: it drops them)."""
    e["rows_in"] = e["rows_out"]
    e["invalid"] = invalid
    if not validated(job, e["node"]):
        e["rows_out"] = e["rows_in"] - invalid


def _counts(entries: list) -> list:
    return [{k: v for k, v in e.items() if k != "rows_per_second"} for e in entries]


def _names(nm: NodeMap, node: str, failed_op: str | None, failed_table: str | None) -> bool:
    """Whether a failure's operator (else its table: a source's raw table `<name>__files` too)
    is this node's."""
    ops = nm.operators_of(node)
    if failed_op is not None:
        return failed_op in ops
    name = nm.spec_name.get(ops[0])
    return bool(failed_table) and failed_table in (name, f"{name}__files")


def _failed_table(cause: str) -> str | None:
    """The table a failure names by its full identifier (a sink's or a source's)."""
    m = re.search(r"default_catalog`?\.`?default_database`?\.`?(\w+)", cause or "")
    return m.group(1) if m else None


def _failed_operator(cause: str, operators: list[str]) -> str | None:
    """The operator a failure names (the longest name found in its text), if any."""
    for op in sorted(operators, key=len, reverse=True):
        if re.search(re.escape(op) + r"(?![\w\[])", cause or ""):
            return op
    return None
