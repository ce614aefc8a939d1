# SPDX-License-Identifier: Apache-2.0
"""Bench: what collecting metrics costs dcp-local. Twenty real Flink jobs (datagen → blackhole,
20 rows/s each) run on a real Flink session cluster; dcp-local follows them as flink-session jobs
(re-attached from its job store, as after a restart, so that twenty PyFlink clients need not
start) and samples each one every 5 s: the JobManager's REST API per task, the checkpoint
statistics, and the operator → spec node mapping through the metrics helper. The CPU time of
dcp-local and of its metrics helper is read from /proc over a minute; the goal is < 2 % of
one core. Also checked: every job got its points in that minute (the collector did its work).

Run: .venv/bin/python tests/bench/metrics_collect_bench.py [--jobs 20] [--seconds 60]"""

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "runners"))

import templates as T  # noqa: E402
from clusters import Dcp, FlinkSession, get_json, wait_for  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


class Server(Dcp):
    """dcp-local on the job store as Dcp starts it, with --metrics-interval."""

    def __init__(self, data_dir, targets_file, metrics_interval):
        self.metrics_interval = metrics_interval
        super().__init__(data_dir, targets_file)

    def start(self):
        real = T.tool
        interval = self.metrics_interval

        def tool(name):
            if name != "dcp-local":
                return real(name)
            wrapper = self.data_dir.parent / "dcp-local-bench"
            wrapper.write_text(f'#!/bin/sh\nexec {real(name)} "$@" --metrics-interval {interval}\n')
            wrapper.chmod(0o755)
            return wrapper

        T.tool = tool
        try:
            super().start()
        finally:
            T.tool = real


class BigSession(FlinkSession):
    """The test session cluster with room for every job (one TaskManager, more slots)."""

    slots = 24

    def _write_conf(self):
        super()._write_conf()
        conf = self.conf_dir / "config.yaml"
        text = conf.read_text()
        text = text.replace("numberOfTaskSlots: 2", f"numberOfTaskSlots: {self.slots}")
        text = text.replace("memory: {process: {size: 1024m}}", "memory: {process: {size: 2048m}}")
        conf.write_text(text)


def submit_jobs(rest_port, n):
    """n INSERT jobs from one PyFlink client (one JVM, not n); returns their Flink job ids."""
    script = f"""
from pyflink.table import EnvironmentSettings, TableEnvironment
env = TableEnvironment.create(EnvironmentSettings.in_streaming_mode())
c = env.get_config()
c.set("execution.target", "remote"); c.set("rest.address", "127.0.0.1"); c.set("rest.port", "{rest_port}")
c.set("parallelism.default", "1"); c.set("execution.checkpointing.interval", "10 s")
for i in range({n}):
    env.execute_sql(f"CREATE TABLE src{{i}} (id BIGINT, v DOUBLE) WITH ('connector'='datagen', 'rows-per-second'='20')")
    env.execute_sql(f"CREATE TABLE snk{{i}} (id BIGINT, v DOUBLE) WITH ('connector'='blackhole')")
    r = env.execute_sql(f"INSERT INTO snk{{i}} SELECT id, v FROM src{{i}}")
    print("JOB", r.get_job_client().get_job_id(), flush=True)
"""
    p = subprocess.run(
        [str(REPO / ".venv" / "bin" / "python"), "-c", script],
        capture_output=True, text=True, timeout=600,
    )
    ids = [line.split()[1] for line in p.stdout.splitlines() if line.startswith("JOB ")]
    if len(ids) != n:
        raise RuntimeError(f"submitted {len(ids)} of {n} jobs:\n{p.stdout}\n{p.stderr[-3000:]}")
    return ids


def job_config(i):
    return {
        "name": f"bench-{i}",
        "sources": [{"name": f"src{i}", "type": "datagen"}],
        "transforms": [],
        "sinks": [{"name": f"snk{i}", "type": "blackhole", "inputs": [f"src{i}"]}],
    }


def adopt(data_dir, flink_ids):
    """Job records of dcp-local for the cluster's jobs: flink-session, RUNNING, with the Flink
    job id, as dcp-local stores a job its runner submitted."""
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    db = sqlite3.connect(data_dir / "jobs.db")
    ids = []
    for i, fid in enumerate(flink_ids):
        jid = f"job-{i:016x}"
        ids.append(jid)
        (data_dir / "jobs" / jid).mkdir(parents=True, exist_ok=True)
        (data_dir / "jobs" / jid / "job-config.json").write_text(json.dumps(job_config(i)))
        (data_dir / "jobs" / jid / "job.log").write_text("")
        db.execute(
            "INSERT INTO jobs (id, name, team, user, engine, job_type, status, engine_state,"
            " created_at, started_at, request, target, engine_job_id)"
            " VALUES (?, ?, 'bench', 'bench', 'flink', 'STREAMING', 'RUNNING', 'RUNNING', ?, ?, '{}',"
            " 'flink-bench', ?)",
            (jid, f"bench-{i}", now, now, fid),
        )
    db.commit()
    db.close()
    return ids


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def children(pid):
    out = []
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            try:
                stat = (p / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(p.name))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jobs", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=60)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="uis-metrics-bench-"))
    flink = BigSession(work / "flink")
    BigSession.slots = max(args.jobs + 2, 4)
    flink.start()
    dcp = None
    try:
        flink.wait_for_slots(args.jobs, 180)
        flink_ids = submit_jobs(flink.rest_port, args.jobs)
        wait_for(
            "every job running",
            lambda: sum(j["status"] == "RUNNING" for j in get_json(f"{flink.rest_url}/jobs")["jobs"])
            >= args.jobs,
            180,
            1,
        )
        targets = work / "targets.yaml"
        targets.write_text(
            f"targets:\n  - {{name: flink-bench, kind: flink-session, rest_url: {flink.rest_url}}}\n"
        )
        dcp = Dcp(work / "data", targets)  # creates the job store
        dcp.stop()
        ids = adopt(work / "data", flink_ids)
        results = {}
        # A: following the jobs (the target's own polling) with metrics off; B: sampling too.
        for phase, interval in (("following only", 3600), ("following + metrics every 5 s", 5)):
            dcp = Server(work / "data", targets, interval)
            time.sleep(20)  # warm-up: the first listing of every task, the helper's start
            helpers = children(dcp.proc.pid)
            start = time.time()
            t0 = cpu_ticks(dcp.proc.pid)
            h0 = sum(cpu_ticks(h) for h in helpers)
            time.sleep(args.seconds)
            t1 = cpu_ticks(dcp.proc.pid)
            h1 = sum(cpu_ticks(h) for h in helpers)
            elapsed = time.time() - start
            server = 100.0 * (t1 - t0) / TICK / elapsed
            helper = 100.0 * (h1 - h0) / TICK / elapsed
            since = datetime.fromtimestamp(start, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            counts = []
            for jid in ids:
                _code, body = dcp.api("GET", f"/api/v1/jobs/{jid}/metrics?since={since}&names=rows_out_per_second")
                counts.append(sum(len(s["points"]) for s in body.get("series", [])))
            results[phase] = (server, helper, min(counts), max(counts))
            print(
                f"{phase}: {args.jobs} running Flink jobs, {elapsed:.0f} s: dcp-local {server:.2f} %, "
                f"metrics helper {helper:.2f} % of one core; rows_out_per_second points per job "
                f"min {min(counts)}, max {max(counts)}",
                flush=True,
            )
            dcp.stop()
            dcp = None
        base = results["following only"]
        full = results["following + metrics every 5 s"]
        cost = full[0] + full[1] - base[0] - base[1]
        print(
            f"metrics collection for {args.jobs} jobs every 5 s costs {cost:.2f} % of one core "
            f"(dcp-local + helper {full[0] + full[1]:.2f} % with it, {base[0] + base[1]:.2f} % without)"
        )
        ok = cost < 2.0 and full[2] >= int(args.seconds / 5) - 2
        print("PASS" if ok else "FAIL")
        return 0 if ok else 1
    finally:
        if dcp is not None:
            dcp.stop()
        flink.stop()


if __name__ == "__main__":
    sys.exit(main())
