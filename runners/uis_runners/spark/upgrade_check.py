# SPDX-License-Identifier: Apache-2.0
"""The restore check on Spark: can the new version of a Structured Streaming job continue from
the old job's checkpoints? Spark decides, by a trial start of the new queries on a COPY of the
checkpoints:

- each sink's query keeps its checkpoint under <base>/<app>/<sink>; a query of the old job that
  the new job no longer has leaves its state behind (`dropped`);
- in the copy, the last committed batch of every query is un-committed, so the trial re-runs it:
  Spark loads every stateful operator's state and checks its key and value schemas against the
  stored ones (StateSchemaCompatibilityChecker), exactly as the real restart will. The sinks write
  to scratch places of the same kind, so the re-run batch goes nowhere real. A schema Spark
  refuses names the operator (its key columns) that is `incompatible`.

Prints `uis-upgrade-check: {json}` like the Flink check."""

from __future__ import annotations

import argparse
import copy
import json
import re
import shutil
import tempfile
import uuid
from pathlib import Path

from ..errors import JobError, root_cause
from ..log import log
from ..upgrade_report import emit_report

STATEFUL = ("dedupe", "window_aggregate", "aggregate", "join")


def query_dirs(base: Path) -> list[Path]:
    """Checkpoint folders of streaming queries (they hold offsets/ and commits/) under `base`."""
    if (base / "offsets").is_dir():
        return [base]
    found = [*base.glob("*/offsets"), *base.glob("*/*/offsets")]  # <app>/<sink> at most
    return sorted(p.parent for p in found if (p.parent / "commits").is_dir())


def has_state(q: Path) -> bool:
    return (q / "state").is_dir() and any((q / "state").iterdir())


def uncommit_last(q: Path) -> int | None:
    commits = sorted(
        (int(f.name), f) for f in (q / "commits").iterdir() if f.name.isdigit() and f.is_file()
    )
    if not commits:
        return None
    batch, f = commits[-1]
    f.unlink()
    crc = f.parent / f".{f.name}.crc"
    if crc.exists():
        crc.unlink()
    return batch


def state_versions(q: Path) -> dict:
    """The newest state version each stateful operator of a query has written (state/<op>/…)."""
    out = {}
    for op in (q / "state").iterdir() if (q / "state").is_dir() else []:
        versions = [int(f.name.split(".")[0]) for f in op.glob("*/*.delta") if f.name[0].isdigit()]
        versions += [
            int(f.name.split(".")[0]) for f in op.glob("*/*.snapshot") if f.name[0].isdigit()
        ]
        out[op.name] = max(versions, default=-1)
    return out


def stored_key_columns(q: Path, op: str) -> set:
    """The key columns Spark stored for an operator's state (its schema file)."""
    for f in (q / "state" / op).glob("*/_metadata/schema"):
        text = f.read_text(errors="replace")  # a version line, then length-prefixed JSON schemas
        at = text.find("{")
        try:
            key, _end = json.JSONDecoder().raw_decode(text, at)
            return {fld["name"] for fld in key.get("fields", [])}
        except ValueError:
            return set()
    return set()


def key_columns(node: dict) -> set:
    t = node.get("type")
    if t == "window_aggregate":
        return {"window", *node.get("group_by", [])}
    if t == "dedupe":
        return set(node.get("keys", []))
    return set(node.get("group_by", []) or node.get("keys", []))


def schema_fields(text: str, which: str) -> set:
    """The top-level field names of the `<which> key schema: StructType(…)` in Spark's
    StateSchemaNotCompatible message (nested struct fields such as a window's start and end are
    not keys of their own)."""
    head = f"{which} key schema: StructType("
    at = text.find(head)
    if at < 0:
        return set()
    names, depth, i = set(), 1, at + len(head)
    while i < len(text) and depth > 0:
        if depth == 1 and text.startswith("StructField(", i):
            i += len("StructField(")
            end = text.find(",", i)
            names.add(text[i:end])
            i, depth = end, 2
            continue
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        i += 1
    return names


class SparkUpgradeCheck:
    def __init__(self, snapshot: str, new_job: dict, old_job: dict | None, args):
        self.snapshot = Path(snapshot.removeprefix("file://").removeprefix("file:"))
        self.new_job = new_job
        self.old_job = old_job or new_job
        self.args = args
        self.stop_requested = False
        self.work = Path(tempfile.mkdtemp(prefix="uis-upgrade-check-"))
        self.job = None

    def stoppable(self) -> bool:
        return self.job is not None and self.job.stoppable()

    def close(self):
        if self.job is not None:
            self.job.close()
        shutil.rmtree(self.work, ignore_errors=True)

    @staticmethod
    def app(job: dict) -> str:
        name = (job.get("spark_config") or {}).get("spark.app.name") or job.get("name") or "uis-job"
        return re.sub(r"[^A-Za-z0-9_.-]", "_", name)

    def scratch_job(self) -> dict:
        job = copy.deepcopy(self.new_job)
        scratch = f"uis-upgrade-check-{uuid.uuid4().hex[:12]}"
        for s in job.get("sinks", []):
            kind = str(s.get("type", "")).lower()
            if kind == "kafka":
                s["topic"] = f"{scratch}-{s.get('name')}"
            elif kind == "parquet":
                s["path"] = str(self.work / "sinks" / str(s.get("name")))
            elif kind != "console":
                raise JobError(
                    f"sink {s.get('name')}: the trial cannot redirect a '{kind}' sink to a "
                    "scratch place, so it is not run (the check would write real data)"
                )
        job.setdefault("schedule", {})["trigger_type"] = "available_now"
        return job

    def run(self) -> int:
        if not self.snapshot.is_dir() or not query_dirs(self.snapshot):
            raise JobError(f"{self.snapshot}: no Structured Streaming checkpoint here")
        # the base the runner put <app>/<sink> under (a query folder's grandparent)
        queries = query_dirs(self.snapshot)
        base = queries[0].parent.parent if queries[0] != self.snapshot else self.snapshot
        copy_base = self.work / "checkpoints"
        shutil.copytree(base, copy_base)
        old_app, new_app = self.app(self.old_job), self.app(self.new_job)
        new_sinks = {s.get("name") for s in self.new_job.get("sinks", [])}
        stateful = [t for t in self.old_job.get("transforms", []) if t.get("type") in STATEFUL]
        result, trial = [], {"status": "ok"}
        rerun = []
        for q in query_dirs(copy_base / old_app):
            if not has_state(q):
                continue
            if q.name not in new_sinks:
                for t in stateful:
                    result.append(self.entry(t, "dropped", f"its query `{q.name}` is gone"))
                continue
            if old_app != new_app:
                (copy_base / new_app).mkdir(parents=True, exist_ok=True)
                shutil.copytree(q, copy_base / new_app / q.name, dirs_exist_ok=True)
                q = copy_base / new_app / q.name
            batch = uncommit_last(q)
            rerun.append((q.name, batch, q, state_versions(q)))
        if rerun:
            log("trial: re-running " + ", ".join(f"{n} batch {b}" for n, b, _q, _v in rerun))
            trial = self.trial(copy_base)
        # State Spark did not read in the trial (no new version written) has no operator in the
        # new query: the restart goes on without it.
        unread = set()
        if trial["status"] == "ok":
            for _n, _b, q, before in rerun:
                after = state_versions(q)
                for op, v in before.items():
                    if after.get(op, -1) <= v:
                        unread.add(frozenset(stored_key_columns(q, op)))
        culprit = None
        if trial["status"] == "failed":
            existing = schema_fields(trial.get("detail", ""), "Existing")
            culprit = next((t for t in stateful if key_columns(t) == existing), None)
        if rerun:
            for t in stateful:
                if trial["status"] == "ok" and frozenset(key_columns(t)) in unread:
                    result.append(
                        self.entry(
                            t,
                            "dropped",
                            "Spark no longer reads its state (the new query has no operator "
                            "for it); the restart goes on without it",
                        )
                    )
                elif trial["status"] == "ok":
                    result.append(self.entry(t, "restored", "state restored by Spark"))
                elif culprit is None or t is culprit:
                    result.append(self.entry(t, "incompatible", trial["cause"]))
                else:
                    result.append(
                        self.entry(t, "restored", "not refused (Spark stopped at another node)")
                    )
        trial.pop("detail", None)
        return emit_report("spark", base, result, trial, self.args.output)

    def entry(self, t: dict, verdict: str, why: str) -> dict:
        from ..flink.opnodes import NodeMap, spec_change

        kind = t.get("type")
        what = f"{kind.replace('_', ' ')} `{t.get('name')}`"
        if verdict == "dropped" and "query" in why and "gone" in why:
            why += "; the new job starts it from nothing"
        reason = f"{what}: {why}"
        change = spec_change(t.get("name"), NodeMap(self.old_job, []), NodeMap(self.new_job, []))
        if change:
            reason += f" [spec: {change}]"
        return {"node": t.get("name"), "kind": kind, "verdict": verdict, "reason": reason}

    def trial(self, checkpoints: Path) -> dict:
        from .job import SparkJob

        args = argparse.Namespace(
            dry_run=False,
            limit=20,
            master=self.args.master or "local[2]",
            jars_dir=self.args.jars_dir,
            checkpoint_dir=str(checkpoints),
            trigger="available_now",
            max_run_seconds=self.args.trial_timeout,
            log_level=self.args.log_level,
        )
        self.job = SparkJob(self.scratch_job(), args)
        try:
            self.job.run()
            return {"status": "ok"}
        except Exception as e:
            detail = str(e)
            for q in self.job.queries:
                try:
                    if q.exception() is not None:
                        detail += "\n" + str(q.exception())
                except Exception:
                    pass
            return {"status": "failed", "cause": root_cause(e)[:1500], "detail": detail}
