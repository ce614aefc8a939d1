# SPDX-License-Identifier: Apache-2.0
"""The restore check: can the new version of a job start from the old job's savepoint (or
retained checkpoint)? Flink decides, in two steps that are what a real restore does:

1. Mapping. Flink restores state by OperatorID. The savepoint's operator states come from Flink's
   own metadata reader; the new job's operator ids from the JobGraph its script becomes. State
   whose operator is not in the new job is `dropped` (a real restore refuses it unless
   allow_non_restored_state).
2. Trial restore. The new job runs on a local mini-cluster from a COPY of the snapshot, its sinks
   redirected to scratch places of the same connector, checkpointing off (nothing is committed),
   and is cancelled as soon as every task is RUNNING, i.e. has restored its state. A key or state
   serializer the new job cannot read fails the task with Flink's own exception: the operator it
   names is `incompatible`.

Output (stdout): `uis-upgrade-check: {"restorable", "snapshot", "operators": [{"node", "kind",
"verdict", "reason", "operator_ids", "size_bytes"}], "trial": {...}}`."""

from __future__ import annotations

import re
import shutil
import tempfile
import time
import uuid
from pathlib import Path

from ..errors import JobError, root_cause
from ..log import log
from ..upgrade_report import emit_report
from . import jobgraph as G
from .opnodes import NodeMap, label, spec_change
from .restarts import get_json, local_rest

HEX_ID = re.compile(r"(?<![0-9a-f])([0-9a-f]{32})(?![0-9a-f])")


class UpgradeCheck:
    def __init__(self, snapshot: str, new_job: dict, old_job: dict | None, args):
        self.snapshot = snapshot
        self.new_job = new_job
        self.old_job = old_job
        self.args = args
        self.stop_requested = False
        self.work = Path(tempfile.mkdtemp(prefix="uis-upgrade-check-"))
        self.client = None

    def stoppable(self) -> bool:
        return False

    def close(self):
        shutil.rmtree(self.work, ignore_errors=True)

    # ------------------------------------------------------------------ the decision

    def run(self) -> int:
        meta = G.metadata_file(self.snapshot)
        copy = self.work / "snapshot"
        shutil.copytree(meta.parent, copy)
        log(f"snapshot {meta.parent} copied for the trial restore")
        states = [s for s in G.operator_states(copy / "_metadata") if s.has_state]
        log(f"{len(states)} operators hold state in the snapshot")

        new_statements = G.script_of(self.new_job)
        new_ops = G.operators(new_statements, self.args.jars_dir)
        new_map = NodeMap(self.new_job, [o.name for o in new_ops])
        old_ops, old_map = [], None
        if self.old_job is not None:
            old_ops = G.operators(G.script_of(self.old_job), self.args.jars_dir)
            old_map = NodeMap(self.old_job, [o.name for o in old_ops])
        new_by_id = {o.id: o for o in new_ops}
        old_by_id = {o.id: o for o in old_ops}

        dropped = [s for s in states if s.id not in new_by_id]
        trial = self.trial_restore(new_statements, copy, allow_non_restored=bool(dropped))
        failed_ids = set(trial.get("operator_ids", []))
        # a mapping failure of the trial names the state it could not place: dropped as well
        dropped_ids = {s.id for s in dropped} | set(trial.get("unmapped_ids", []))

        entries = []
        for s in states:
            if s.id in old_by_id:
                node, kind = old_map.node(old_by_id[s.id].name)
            elif s.id in new_by_id:
                node, kind = new_map.node(new_by_id[s.id].name)
            else:
                node, kind = f"operator {s.id}", "operator"
            if s.id in dropped_ids:
                verdict, why = "dropped", f"Flink operator {s.id} is gone"
            elif s.id in failed_ids or (trial["status"] == "failed" and not failed_ids):
                verdict, why = "incompatible", trial["cause"]
            else:
                verdict, why = "restored", ""
            entries.append((node, kind, verdict, why, s))
        result = by_node(entries, old_map, new_map, trial["status"] == "ok")
        return emit_report("flink", meta.parent, result, trial, self.args.output)

    # ------------------------------------------------------------------ the trial restore

    def redirect_sinks(self, statements: list):
        """ALTER TABLE … SET for every sink: a scratch topic or folder of the same connector, so
        the trial writes nothing where the real job writes. Connectors without a scratch place
        are refused (the trial must not write to a real table)."""
        sinks = G.sink_tables(statements)
        scratch = f"uis-upgrade-check-{uuid.uuid4().hex[:12]}"

        def apply(tenv):
            for table in sinks:
                opts = self.table_options(tenv, table)
                connector = opts.get("connector", "")
                if connector in ("kafka", "upsert-kafka"):
                    new = {"topic": f"{scratch}-{table}"}
                elif connector == "filesystem":
                    new = {"path": str(self.work / "sinks" / table)}
                elif connector in ("print", "blackhole"):
                    continue
                else:
                    raise JobError(
                        f"sink {table}: the trial restore cannot redirect a '{connector}' sink to "
                        "a scratch place, so it is not run (the check would write real data)"
                    )
                sets = ", ".join(f"'{k}' = '{v}'" for k, v in new.items())
                tenv.execute_sql(f"ALTER TABLE `{table}` SET ({sets})")
                log(f"trial: sink {table} writes to {next(iter(new.values()))}")

        return apply

    @staticmethod
    def table_options(tenv, table: str) -> dict:
        rows = tenv.execute_sql(f"SHOW CREATE TABLE `{table}`").collect()
        with rows:
            ddl = "".join(str(r[0]) for r in rows)
        return dict(re.findall(r"'([^']+)'\s*=\s*'((?:[^']|'')*)'", ddl))

    def trial_restore(self, statements: list, copy: Path, allow_non_restored: bool) -> dict:
        from pyflink.table import EnvironmentSettings, TableEnvironment

        extra = {
            "execution.target": "local",
            "pipeline.name": "uis-upgrade-check",
            "execution.savepoint.path": "file://" + str(copy),
            "execution.savepoint.ignore-unclaimed-state": str(allow_non_restored).lower(),
            "restart-strategy.type": "none",
            "execution.checkpointing.interval": "365 d",  # never: nothing is committed
        }
        for kv in self.args.set or []:
            k, _, v = kv.partition("=")
            extra.setdefault(k.strip(), v.strip())
        conf = G.configuration(statements, extra, self.args.jars_dir)
        rest = local_rest(conf)
        settings = EnvironmentSettings.new_instance().in_streaming_mode()
        tenv = TableEnvironment.create(settings.with_configuration(conf).build())
        started = time.monotonic()
        try:
            ss = G.statement_set(tenv, statements, self.redirect_sinks(statements))
            G.reset_node_ids(tenv)
            result = ss.execute()
        except JobError as e:
            return {"status": "not_run", "cause": str(e), "seconds": 0}
        except Exception as e:
            return self.failure(e, started)
        self.client = result.get_job_client()
        jid = str(self.client.get_job_id())
        log(f"trial: job {jid} restoring on a local mini-cluster")
        deadline = time.monotonic() + self.args.trial_timeout
        try:
            while True:
                try:
                    status = str(self.client.get_job_status().result()).split(".")[-1]
                except Exception:
                    break  # a failed job's per-job mini-cluster is gone: ask its result
                if status in ("FAILED", "CANCELED", "FINISHED"):
                    break
                if status == "RUNNING" and self.tasks_running(rest, jid):
                    log("trial: every task is RUNNING: state restored")
                    return {"status": "ok", "seconds": round(time.monotonic() - started, 1)}
                if time.monotonic() > deadline:
                    return {
                        "status": "failed",
                        "cause": f"the trial job did not start within {self.args.trial_timeout}s",
                        "seconds": round(time.monotonic() - started, 1),
                    }
                time.sleep(0.3)
            try:
                self.client.get_job_execution_result().result()
                return {"status": "ok", "seconds": round(time.monotonic() - started, 1)}
            except Exception as e:
                return self.failure(e, started)
        finally:
            self.cancel()

    @staticmethod
    def failure(e: Exception, started: float) -> dict:
        text = str(e)
        ids = sorted(set(HEX_ID.findall(text)))
        out = {
            "status": "failed",
            "cause": root_cause(e),
            "seconds": round(time.monotonic() - started, 1),
        }
        if "Cannot map checkpoint/savepoint state" in text:
            out["unmapped_ids"] = ids
        else:
            out["operator_ids"] = ids
        return out

    @staticmethod
    def tasks_running(rest: list[str], jid: str) -> bool:
        for base in rest:
            try:
                job = get_json(f"{base}/jobs/{jid}")
            except Exception:
                continue
            vertices = job.get("vertices", [])
            return bool(vertices) and all(v.get("status") == "RUNNING" for v in vertices)
        return False

    def cancel(self):
        if self.client is None:
            return
        try:
            self.client.cancel().result()
        except Exception:
            pass  # already ended


SEVERITY = {"restored": 0, "dropped": 1, "incompatible": 2}


def by_node(entries: list, old_map, new_map, trial_ok: bool = True) -> list:
    """One entry per spec node (a two-phase aggregate, a sink's writer and committer are one
    node) with the worst verdict of its operators, their sizes added up, and the reason in the
    spec's terms."""
    nodes = {}
    for node, kind, verdict, why, s in entries:
        n = nodes.setdefault(
            node,
            {"node": node, "kind": kind, "verdict": "restored", "why": "", "ids": [], "size": 0},
        )
        n["ids"].append(s.id)
        n["size"] += s.size
        if SEVERITY[verdict] > SEVERITY[n["verdict"]]:
            n["verdict"], n["why"] = verdict, why
    out = []
    for n in nodes.values():
        what = f"{label(n['kind'])} `{n['node']}`"
        if n["verdict"] == "dropped":
            reason = (
                f"{what}: its state ({n['size']} bytes) has no operator in the new job "
                f"({n['why']}); restoring needs allow_non_restored_state"
            )
        elif n["verdict"] == "incompatible":
            reason = f"{what}: {n['why']}"
        elif trial_ok:
            reason = f"{what}: state restored by Flink ({n['size']} bytes)"
        else:
            reason = (
                f"{what}: its state ({n['size']} bytes) maps onto the new job and Flink did not "
                "refuse it (the trial failed at another node)"
            )
        change = spec_change(n["node"], old_map, new_map)
        if change:
            reason += f" [spec: {change}]"
        out.append(
            {
                "node": n["node"],
                "kind": n["kind"],
                "verdict": n["verdict"],
                "reason": reason,
                "operator_ids": n["ids"],
                "size_bytes": n["size"],
            }
        )
    return out
