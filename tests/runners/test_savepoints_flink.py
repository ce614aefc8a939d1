# SPDX-License-Identifier: Apache-2.0
"""Savepoints, stop-with-savepoint and restore of a Flink Kafka window job through dcp-local, on
the local target (the runner's mini-cluster) and on a REAL Flink session cluster, with a real
Kafka broker; no mocks.

The job is the kafka-dedupe-window template (dedupe on event_id, 1-minute tumbling counts per
page, watermark 10 s). Clicks are produced in two phases: phase 1 closes the 12:00 window and
leaves the 12:01 window open (its rows and the dedupe state only in Flink's state); the job is
stopped with a savepoint (`uisctl stop --savepoint`), phase 2 is produced while nothing runs (a
duplicate of a phase-1 click, more clicks of 12:01, and clicks that close it), and the job is
submitted again with `--restore-from <the old job>` (on the session cluster: `uisctl upgrade`,
which stops with a savepoint and resubmits restoring, after the restore check). The sink's
windows must equal the counts computed from what was produced: no window twice (nothing
reprocessed), none lost, the duplicate dropped (dedupe state restored), the 12:01 window complete
(window state restored)."""

import json
import time
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import templates as T
from clusters import Dcp, FlinkSession, brief, engine_running, get_json, wait_for

pytestmark = [pytest.mark.slow, pytest.mark.flink]

WATERMARK_DELAY = timedelta(seconds=10)


def click(eid, page, hhmmss, duration):
    return {
        "event_id": eid,
        "page": page,
        "duration": float(duration),
        "event_time": f"2024-01-01 {hhmmss}",
    }


# (partition, click); a duplicate stays in the partition of its original, so "first" is defined.
PHASE1 = [
    (0, click("a1", "/a", "12:00:05", 1)),
    (0, click("a2", "/a", "12:00:20", 2)),
    (0, click("a1", "/a", "12:00:05", 1)),
    (0, click("b1", "/b", "12:00:30", 3)),
    (1, click("a3", "/a", "12:00:40", 5)),
    (1, click("b2", "/b", "12:00:50", 6)),
    # both partitions past 12:01:15: the watermark (12:01:05) closes 12:00, 12:01 stays open
    (0, click("c1", "/a", "12:01:15", 4)),
    (1, click("c2", "/b", "12:01:20", 7)),
]
PHASE2 = [
    (0, click("c1", "/a", "12:01:15", 4)),  # a duplicate of a click in the open window
    (0, click("d1", "/a", "12:01:30", 8)),
    (1, click("d2", "/b", "12:01:40", 10)),
    (1, click("d3", "/a", "12:01:45", 11)),
    (0, click("e1", "/a", "12:03:10", 9)),
    (1, click("e2", "/b", "12:03:20", 12)),
]


def ts(e):
    return datetime.strptime(e["event_time"], "%Y-%m-%d %H:%M:%S")


def expected_windows(produced):
    """The windows a correct run emits for what was produced: first click per event_id, counted
    per minute and page, for every window the final watermark (the slowest partition's latest
    click minus the delay) has closed."""
    seen, per = set(), {}
    for _, e in produced:
        if e["event_id"] in seen:
            continue
        seen.add(e["event_id"])
        start = ts(e).replace(second=0)
        per.setdefault((start, e["page"]), []).append(e["duration"])
    latest = {}
    for part, e in produced:
        latest[part] = max(latest.get(part, ts(e)), ts(e))
    watermark = min(latest.values()) - WATERMARK_DELAY
    return Counter(
        (start.strftime("%Y-%m-%d %H:%M"), page, len(d), round(sum(d) / len(d), 6))
        for (start, page), d in per.items()
        if start + timedelta(minutes=1) <= watermark
    )


def produce(bootstrap, topic, events):
    from confluent_kafka import Producer

    p = Producer({"bootstrap.servers": bootstrap, "linger.ms": 5})
    for part, e in events:
        p.produce(topic, value=json.dumps(e).encode(), partition=part)
    assert p.flush(30) == 0


class Sink:
    """Reads the sink topic from the start; rows as (window start, page, clicks, avg)."""

    def __init__(self, bootstrap, topic, group):
        from confluent_kafka import Consumer

        self.c = Consumer(
            {"bootstrap.servers": bootstrap, "group.id": group, "auto.offset.reset": "earliest"}
        )
        self.c.subscribe([topic])
        self.rows = []

    def drain(self, seconds=0.5):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            m = self.c.poll(0.2)
            if m is not None and not m.error():
                v = json.loads(m.value())
                self.rows.append(
                    (
                        v["window_start"].replace("T", " ")[:16],
                        v["page"],
                        v["clicks"],
                        round(float(v["avg_duration"]), 6),
                    )
                )
        return self.rows

    def close(self):
        self.c.close()


def window_spec(tmp_path, kafka, name):
    """The template on the test broker, with topics of its own and a 2 s checkpoint interval (so
    a retained checkpoint exists within the test)."""
    text = (T.TEMPLATES / "kafka-dedupe-window.uis.yaml").read_text()
    src, out = f"{name}-clicks", f"{name}-metrics"
    for old, new in (
        ("kafka_bootstrap_servers: localhost:9092", f"kafka_bootstrap_servers: {kafka.bootstrap}"),
        ("topic: clicks\n", f"topic: {src}\n"),
        ("kafka_topic: click-metrics", f"kafka_topic: {out}"),
        ("group_id: click-metrics", f"group_id: {name}"),
        ("checkpoint_interval: 30 s", "checkpoint_interval: 2 s"),
    ):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    kafka.create_topics(src, partitions=2)
    kafka.create_topics(out)
    spec = tmp_path / f"{name}.uis.yaml"
    spec.write_text(text)
    return spec, src, out


def running(dcp, job_id, timeout=240):
    """RUNNING in the engine's own word, with the Flink job id known to dcp-local."""
    return engine_running(dcp, job_id, f"job {job_id} to run", timeout)


def savepoints(dcp, job_id):
    code, body = dcp.api("GET", f"/api/v1/jobs/{job_id}/savepoints")
    assert code == 200, body
    return body["savepoints"]


def local_dir(path):
    return Path(path.removeprefix("file:"))


def upgrade(dcp, job1, spec, target):
    """`uisctl upgrade` with the same spec: the restore check first (without one on the server,
    the upgrade refuses and nothing is stopped), then stop with savepoint and submit restoring.
    Returns the new job's id and the time the stop-and-resubmit took."""
    code, body = dcp.api("POST", f"/api/v1/jobs/{job1}/upgrade-check", {})
    has_check = not (code == 404 and body.get("error", {}).get("code") == "not_found")
    if not has_check:
        refused = dcp.ctl("upgrade", job1, str(spec), "--target", target)
        assert refused.returncode == 1 and "has no restore check" in refused.stderr, refused.stderr
        assert "nothing was stopped" in refused.stderr
        assert dcp.status(job1)["status"] == "RUNNING"
    t0 = time.monotonic()
    up = dcp.ctl(
        "upgrade",
        job1,
        str(spec),
        "--target",
        target,
        *([] if has_check else ["--skip-check"]),
        timeout=400,
    )
    assert up.returncode == 0, up.stdout + up.stderr + brief(dcp.logs(job1))
    job2 = up.stdout.strip().splitlines()[-1]
    assert "RUNNING from savepoint file:" in up.stderr and f"(was job {job1})" in up.stderr, (
        up.stderr
    )
    return job2, time.monotonic() - t0


def stop_restore_continue(dcp, kafka, tmp_path, target, name, flink=None, via_upgrade=False):
    spec, src, out = window_spec(tmp_path, kafka, name)
    sink = Sink(kafka.bootstrap, out, f"{name}-reader")
    try:
        job1 = dcp.submit(spec, target)
        st = running(dcp, job1)
        jid1 = st["engine_job_id"]
        produce(kafka.bootstrap, src, PHASE1)
        want1 = expected_windows(PHASE1)
        assert want1, "phase 1 must close a window"
        wait_for(
            "the phase-1 windows in Kafka",
            lambda: Counter(sink.drain()) == want1,
            120,
            interval=0,
            detail=lambda: f"{sink.rows} != {want1}\n{brief(dcp.logs(job1))}",
        )
        # a retained checkpoint is listed (checkpoints every 2 s)
        cp = wait_for(
            "a retained checkpoint in the list",
            lambda: next((s for s in savepoints(dcp, job1) if s["kind"] == "checkpoint"), None),
            30,
            detail=lambda: savepoints(dcp, job1),
        )
        assert cp["status"] == "COMPLETED" and f"/{jid1}/chk-" in cp["path"], cp
        assert f"/jobs/{job1}/checkpoints/{jid1}/chk-" in cp["path"] and cp["size_bytes"] > 0, cp
        # Flink keeps one: a newer checkpoint may have replaced it since (the list follows)
        assert list(local_dir(cp["path"]).parent.glob("chk-*/_metadata")), cp

        if via_upgrade:  # check → stop with savepoint → submit restoring, in one command
            job2, stop_secs = upgrade(dcp, job1, spec, target)
            path = next(s for s in savepoints(dcp, job1) if s["kind"] == "savepoint")["path"]
        else:  # stop with a savepoint: the job ends CANCELLED, the record keeps the savepoint
            t0 = time.monotonic()
            stop = dcp.ctl("stop", job1, "--savepoint", timeout=180)
            stop_secs = time.monotonic() - t0
            assert stop.returncode == 0, stop.stdout + stop.stderr + brief(dcp.logs(job1))
            path = stop.stdout.strip().splitlines()[-1]
        st = dcp.status(job1)
        assert st["status"] == "CANCELLED" and st["error"] is None, st
        sp = next(s for s in savepoints(dcp, job1) if s["kind"] == "savepoint")
        assert (sp["status"], sp["origin"], sp["path"]) == ("COMPLETED", "stop", path), sp
        assert (local_dir(path) / "_metadata").is_file() and sp["size_bytes"] > 0, sp
        # the savepoint is under the job's folder on the server (the spec names no savepoint_dir)
        assert f"/jobs/{job1}/savepoints/savepoint-{jid1[:6]}-" in path, path
        if flink is not None:  # Flink's own word on the job: stopped, not failed
            assert {j["jid"]: j["state"] for j in flink.jobs()}[jid1] == "FINISHED"
        listed = dcp.ctl("savepoints", job1)
        assert listed.returncode == 0 and sp["savepoint_id"] in listed.stdout, listed.stdout

        # a restore that names nothing usable is refused before anything is stored
        bad = dcp.ctl("submit", str(spec), "--target", target, "--restore-from", "job-00000000")
        assert bad.returncode == 1 and "no job with id `job-00000000`" in bad.stderr, bad.stderr

        if via_upgrade:  # phase 2 reaches the upgraded job
            running(dcp, job2)
            produce(kafka.bootstrap, src, PHASE2)
        else:  # phase 2 while nothing runs, then the job again from its savepoint
            produce(kafka.bootstrap, src, PHASE2)
            job2 = dcp.submit(spec, target, "--restore-from", job1)
            running(dcp, job2)
        log2 = dcp.logs(job2)
        assert f"--set execution.savepoint.path={path}" in log2, brief(log2)
        assert "--set execution.savepoint.ignore-unclaimed-state=false" in log2
        want = expected_windows(PHASE1 + PHASE2)
        assert len(want) == 4, want  # 12:00 and 12:01 for /a and /b
        wait_for(
            "every window of both phases in Kafka",
            lambda: set(sink.drain()) >= set(want),
            180,
            interval=0,
            detail=lambda: f"{sink.rows} vs {want}\n{brief(dcp.logs(job2))}",
        )
        rows = Counter(sink.drain(3))  # a little longer: a duplicate would show now
        assert rows == want, f"got {rows}, expected {want}"

        # a savepoint of the running job, then its explicit, recorded delete
        trig = dcp.ctl("savepoint", job2, timeout=120)
        assert trig.returncode == 0, trig.stdout + trig.stderr
        sp2 = next(s for s in savepoints(dcp, job2) if s["origin"] == "trigger")
        assert sp2["status"] == "COMPLETED" and sp2["path"] == trig.stdout.strip(), sp2
        assert local_dir(sp2["path"]).is_dir()
        d = dcp.ctl("savepoints", job2, "--delete", sp2["savepoint_id"], "--user", "tester")
        assert d.returncode == 0, d.stderr
        gone = next(s for s in savepoints(dcp, job2) if s["savepoint_id"] == sp2["savepoint_id"])
        assert (gone["status"], gone["deleted_by"]) == ("DELETED", "tester") and gone["deleted_at"]
        assert not local_dir(sp2["path"]).exists()
        assert local_dir(path).is_dir(), "the other savepoint is untouched"
        assert dcp.ctl("cancel", job2, "--wait").returncode == 0
        return stop_secs
    finally:
        sink.close()


class PrivateDcp(Dcp):
    """dcp-local whose jobs keep their state where the server decides (no UIS_CHECKPOINT_DIR)."""

    def env(self, **extra):
        env = super().env(**extra)
        env.pop("UIS_CHECKPOINT_DIR", None)
        return env


def test_local_flink_job_stops_with_a_savepoint_and_continues(kafka, tmp_path):
    targets = tmp_path / "targets.yaml"
    targets.write_text("targets:\n  - {name: local, kind: local}\n")
    dcp = PrivateDcp(tmp_path / "data", targets)
    try:
        t0 = time.monotonic()
        stop_secs = stop_restore_continue(dcp, kafka, tmp_path, "local", "splocal")
        print(
            f"local target: stop-with-savepoint {stop_secs:.1f} s, whole round trip "
            f"{time.monotonic() - t0:.1f} s"
        )
    finally:
        dcp.stop()


def test_session_flink_job_stops_with_a_savepoint_and_continues(kafka, tmp_path):
    flink = FlinkSession(tmp_path / "flink")
    flink.start()
    dcp = None
    try:
        targets = tmp_path / "targets.yaml"
        targets.write_text(
            f"targets:\n  - {{name: flink-dev, kind: flink-session, rest_url: {flink.rest_url}}}\n"
        )
        dcp = PrivateDcp(tmp_path / "data", targets)
        t0 = time.monotonic()
        stop_secs = stop_restore_continue(
            dcp, kafka, tmp_path, "flink-dev", "spsession", flink, via_upgrade=True
        )
        print(
            f"session target: uisctl upgrade (stop, resubmit, RUNNING) {stop_secs:.1f} s, "
            f"whole round trip {time.monotonic() - t0:.1f} s"
        )
        assert get_json(f"{flink.rest_url}/overview")["jobs-running"] == 0
    finally:
        if dcp is not None:
            dcp.stop()
        flink.stop()
