# SPDX-License-Identifier: Apache-2.0
"""What the metrics tests share: a steady producer at a known rate, the job's series from
dcp-local's metrics API, and finding a local job's process group (to freeze it)."""

import json
import os
import signal
import statistics
import subprocess
import threading
import time

from clusters import wait_for


class SteadyProducer:
    """Produces `rate` records per second over `partitions` partitions until stopped; `make(i)`
    gives the i-th record (a dict). Keeps the count actually sent."""

    def __init__(self, bootstrap, topic, rate, make, partitions=2):
        from confluent_kafka import Producer

        self.p = Producer({"bootstrap.servers": bootstrap, "linger.ms": 5})
        self.topic, self.rate, self.make, self.partitions = topic, rate, make, partitions
        self.sent = 0
        self.started = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self):
        self.started = time.monotonic()
        self._thread.start()
        return self

    def _run(self):
        tick = 0.1
        while not self._stop.is_set():
            due = int((time.monotonic() - self.started) * self.rate)
            while self.sent < due:
                rec = self.make(self.sent)
                self.p.produce(
                    self.topic, json.dumps(rec).encode(), partition=self.sent % self.partitions
                )
                self.sent += 1
            self.p.poll(0)
            time.sleep(tick)
        self.p.flush(30)

    def stop(self):
        self._stop.set()
        self._thread.join(60)
        return self.sent


def series(dcp, job, names=None, since=None):
    q = []
    if names:
        q.append("names=" + ",".join(names))
    if since:
        q.append("since=" + since)
    code, body = dcp.api("GET", f"/api/v1/jobs/{job}/metrics" + ("?" + "&".join(q) if q else ""))
    assert code == 200, body
    assert body["job_id"] == job
    return body["series"]


def points(all_series, name, node=None, partition=None):
    for s in all_series:
        if s["name"] == name and s.get("node") == node and s.get("partition") == partition:
            return s["points"]
    return []


def describe(all_series):
    return "\n".join(
        f"{s['name']} node={s.get('node')} part={s.get('partition')}: {s['points'][-6:]}"
        for s in all_series
    )


def median_after(pts, after_ms):
    vals = [v for t, v in pts if t >= after_ms]
    return statistics.median(vals) if vals else None


def lag_total(all_series, topic):
    """Sum over the topic's partitions of the lag, per sample time (the partitions are sampled
    together)."""
    per_time = {}
    for s in all_series:
        if s["name"] == "kafka_lag" and (s.get("partition") or "").startswith(topic + "/"):
            for t, v in s["points"]:
                per_time[t] = per_time.get(t, 0) + v
    return sorted(per_time.items())


def job_process_group(job_id, server_pid):
    """The process group of the local job: a child of dcp-local (`server_pid`) whose command
    line names the job's folder under the data directory, which holds the job id."""
    out = subprocess.run(
        ["ps", "-eo", "pid=,ppid=,pgid=,args="], capture_output=True, text=True
    ).stdout
    for line in out.splitlines():
        _pid, ppid, pgid, args = line.strip().split(None, 3)
        if job_id in args and int(ppid) == server_pid:
            return int(pgid)
    raise AssertionError(f"no process of {job_id}:\n{out}")


def now_ms():
    return int(time.time() * 1000)


def lag_while_frozen(dcp, job, topic, pgid, seconds, skip_ms=0):
    """The job's summed lag on `topic` while its process group `pgid` is frozen (SIGSTOP) for
    `seconds`, the samples from `skip_ms` in; the group goes on (SIGCONT) whatever happens.
    (samples, when it went on, in ms)."""
    os.killpg(pgid, signal.SIGSTOP)
    stopped_at = now_ms()
    try:
        time.sleep(seconds)
        lag = lag_total(series(dcp, job, ["kafka_lag"]), topic)
        return [v for t, v in lag if t > stopped_at + skip_ms], now_ms()
    finally:
        os.killpg(pgid, signal.SIGCONT)


def wait_lag_falls(dcp, job, topic, since_ms, below, last=1):
    """The lag samples after `since_ms`, once the last `last` of them are all under `below`."""

    def caught_up():
        lag = lag_total(series(dcp, job, ["kafka_lag"]), topic)
        after = [v for t, v in lag if t > since_ms]
        return len(after) >= last and max(after[-last:]) < below and after

    return wait_for(
        "the lag to fall after the job resumed",
        caught_up,
        120,
        interval=2,
        detail=lambda: describe(series(dcp, job, ["kafka_lag"])),
    )
