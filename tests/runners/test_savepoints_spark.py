# SPDX-License-Identifier: Apache-2.0
"""A Spark Structured Streaming job keeps its checkpoint across runs of the same job name in
dcp-local, on real Spark (local[*]) and a real Kafka broker; no mocks.

The job (tests/runners/jobs/kafka_window.json: dedupe on event_id, 10 s windows per user,
watermark 5 s, Kafka → Kafka) runs, is cancelled after phase 1's windows are out, and a job of
the same name is submitted again with no restore option: it must continue from the first run's
checkpoint (listed by GET …/savepoints as kind `checkpoint`), so that phase 2's windows come out
once, phase 1's are not emitted again, and a phase-2 duplicate of a phase-1 event is dropped.
The expected windows are computed from what was produced. `config.restore = {"fresh": true}`
starts a new checkpoint folder instead (the old one is kept)."""

import json
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from clusters import Dcp, brief, wait_for
from conftest import JOBS

pytestmark = [pytest.mark.slow, pytest.mark.spark]

T0 = datetime(2024, 1, 1, tzinfo=UTC)
WINDOW, DELAY = 10, 5


def ev(eid, user, sec, amount):
    ts = (T0 + timedelta(seconds=sec)).strftime("%Y-%m-%d %H:%M:%S.000")
    return {"event_id": eid, "user": user, "amount": amount, "ts": ts, "sec": sec}


PHASE1 = [
    ev("e1", "u1", 1, 1.0),
    ev("e2", "u2", 2, 2.0),
    ev("e3", "u1", 4, 3.0),
    ev("e1", "u1", 1, 1.0),
    ev("e4", "u2", 12, 4.0),
    ev("e5", "u1", 11, 5.0),
    ev("e7", "u2", 15, 7.0),
    ev("e8", "u1", 26, 8.0),  # the watermark moves to 21 s: [0,10) and [10,20) close
]
PHASE2 = [
    ev("e9", "u1", 3, 100.0),  # late for a closed window: dropped
    ev("e11", "u2", 22, 9.0),
    ev("e8", "u1", 26, 8.0),  # a duplicate of a phase-1 event: dropped if the state survived
    ev("e12", "u1", 28, 10.0),
    ev("e13", "u2", 100, 1.0),  # closes [20,30)
]


def expected_windows(phases):
    """What a correct run emits: per phase (each processed before the next is produced), events
    older than the watermark are dropped, the first of each event_id counts; windows whose end
    the final watermark has passed are emitted once."""
    seen, per, watermark, latest = set(), {}, None, None
    for phase in phases:
        for e in phase:
            if (watermark is not None and e["sec"] < watermark) or e["event_id"] in seen:
                continue
            seen.add(e["event_id"])
            start = e["sec"] // WINDOW * WINDOW
            cnt, total = per.get((start, e["user"]), (0, 0.0))
            per[(start, e["user"])] = (cnt + 1, total + e["amount"])
        latest = max([latest or 0] + [e["sec"] for e in phase])
        watermark = latest - DELAY
    return Counter(
        (start, user, cnt, total)
        for (start, user), (cnt, total) in per.items()
        if start + WINDOW <= watermark
    )


def produce(bootstrap, topic, events):
    from confluent_kafka import Producer

    p = Producer({"bootstrap.servers": bootstrap, "linger.ms": 5})
    for e in events:
        body = {k: v for k, v in e.items() if k != "sec"}
        p.produce(topic, key=e["user"].encode(), value=json.dumps(body).encode())
    assert p.flush(30) == 0


class Sink:
    def __init__(self, bootstrap, topic):
        from confluent_kafka import Consumer

        self.c = Consumer(
            {
                "bootstrap.servers": bootstrap,
                "group.id": "sp-reader",
                "auto.offset.reset": "earliest",
            }
        )
        self.c.subscribe([topic])
        self.rows = []

    def drain(self, seconds=0.5):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            m = self.c.poll(0.2)
            if m is not None and not m.error():
                v = json.loads(m.value())
                start = datetime.fromisoformat(v["window_start"].replace("Z", "+00:00"))
                if start.tzinfo is None:
                    start = start.replace(tzinfo=UTC)
                self.rows.append(
                    (int((start - T0).total_seconds()), v["user"], v["cnt"], float(v["total"]))
                )
        return self.rows


class PrivateDcp(Dcp):
    """dcp-local that decides where checkpoints go itself (no UIS_CHECKPOINT_DIR)."""

    def env(self, **extra):
        env = super().env(**extra)
        env.pop("UIS_CHECKPOINT_DIR", None)
        return env


def submit(dcp, kafka, src, out, restore=None):
    config = {
        "job_type": "STREAMING",
        "target": "local",
        "uis": {"job_config": json.loads((JOBS / "kafka_window.json").read_text())},
    }
    if restore is not None:
        config["restore"] = restore
    code, body = dcp.api(
        "POST",
        "/api/v1/jobs",
        {
            "name": "spark-window",
            "config": config,
            "runtime_env": {
                "KAFKA_BOOTSTRAP": kafka.bootstrap,
                "UIS_TEST_IN_TOPIC": src,
                "UIS_TEST_OUT_TOPIC": out,
            },
        },
    )
    assert code == 201, body
    job = body["job_id"]
    wait_for(
        f"the streaming query of {job}",
        lambda: "streaming query" in dcp.logs(job),
        240,
        detail=lambda: f"{dcp.status(job)}\n{brief(dcp.logs(job))}",
    )
    return job


def checkpoints(dcp, job):
    code, body = dcp.api("GET", f"/api/v1/jobs/{job}/savepoints")
    assert code == 200, body
    return body["savepoints"]


def test_spark_streaming_job_continues_from_the_checkpoint_of_its_name(kafka, tmp_path):
    src, out = "sp-spark-events", "sp-spark-windows"
    kafka.create_topics(src, out)
    targets = tmp_path / "targets.yaml"
    targets.write_text("targets:\n  - {name: local, kind: local}\n")
    dcp = PrivateDcp(tmp_path / "data", targets)
    sink = Sink(kafka.bootstrap, out)
    t0 = time.monotonic()
    try:
        job1 = submit(dcp, kafka, src, out)
        produce(kafka.bootstrap, src, PHASE1)
        want1 = expected_windows([PHASE1])
        assert len(want1) == 4, want1
        wait_for(
            "phase 1's windows",
            lambda: Counter(sink.drain()) == want1,
            180,
            interval=0,
            detail=lambda: f"{sink.rows} != {want1}\n{brief(dcp.logs(job1))}",
        )
        time.sleep(3)  # the micro-batch that wrote them has committed
        [cp] = checkpoints(dcp, job1)
        path = cp["path"]
        assert (cp["kind"], cp["status"]) == ("checkpoint", "COMPLETED"), cp
        assert path == str(
            tmp_path / "data" / "jobs" / job1 / "checkpoints" / "uis-kafka-window" / "per_user_out"
        ), cp
        assert (Path(path) / "offsets").is_dir() and cp["size_bytes"] > 0, cp
        c = dcp.ctl("cancel", job1, "--wait", timeout=180)
        assert c.returncode == 0 and dcp.status(job1)["status"] == "CANCELLED", c.stderr

        # the same name again, no restore option: it continues from the first run's checkpoint
        produce(kafka.bootstrap, src, PHASE2)
        job2 = submit(dcp, kafka, src, out)
        assert f"checkpoint {path})" in dcp.logs(job2), brief(dcp.logs(job2))
        assert [s["path"] for s in checkpoints(dcp, job2)] == [path]
        want = expected_windows([PHASE1, PHASE2])
        assert len(want) == 6, want
        wait_for(
            "phase 2's windows",
            lambda: set(sink.drain()) >= set(want),
            180,
            interval=0,
            detail=lambda: f"{sink.rows} vs {want}\n{brief(dcp.logs(job2))}",
        )
        rows = Counter(sink.drain(3))
        assert rows == want, f"got {rows}, expected {want}"
        assert dcp.ctl("cancel", job2, "--wait", timeout=180).returncode == 0

        # fresh: a new checkpoint folder of its own; the old one stays
        job3 = submit(dcp, kafka, src, out, restore={"fresh": True})
        fresh = wait_for("job 3's checkpoint", lambda: checkpoints(dcp, job3), 60)
        assert [s["path"] for s in fresh] == [
            str(
                tmp_path
                / "data"
                / "jobs"
                / job3
                / "checkpoints"
                / "uis-kafka-window"
                / "per_user_out"
            )
        ], fresh
        assert dcp.ctl("cancel", job3, "--wait", timeout=180).returncode == 0
        assert (Path(path) / "offsets").is_dir()
        print(f"spark checkpoint round trip {time.monotonic() - t0:.1f} s")
    finally:
        sink.c.close()
        dcp.stop()
