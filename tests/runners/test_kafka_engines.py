# SPDX-License-Identifier: Apache-2.0
"""Kafka -> dedupe -> event-time window -> Kafka on Spark and on Flink, against a real Kafka
broker, with the same events (duplicates, out-of-order and late events). Both engines run at
the same time as streaming jobs; the late events are produced only after both have closed the
windows they belong to, so "late" means the same thing to both."""

import json
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from conftest import FLINK_RUNNER, JOBS, SPARK_RUNNER, runner_env

pytestmark = [pytest.mark.slow, pytest.mark.spark, pytest.mark.flink]

T0 = datetime(2024, 1, 1, tzinfo=UTC)


def ev(eid, user, sec, amount):
    ts = (T0 + timedelta(seconds=sec)).strftime("%Y-%m-%d %H:%M:%S.000")
    return {"event_id": eid, "user": user, "amount": amount, "ts": ts}


# Phase 1: windows [0,10) and [10,20) with a duplicate each and one out-of-order event (8 after
# 12, within the 5 s bound); the event at 26 s moves the watermark to 21 s and closes both.
PHASE1 = [
    ev("e1", "u1", 1, 1.0),
    ev("e2", "u2", 2, 2.0),
    ev("e3", "u1", 4, 3.0),
    ev("e1", "u1", 1, 1.0),
    ev("e4", "u2", 12, 4.0),
    ev("e5", "u1", 11, 5.0),
    ev("e6", "u1", 8, 6.0),
    ev("e7", "u2", 15, 7.0),
    ev("e4", "u2", 12, 4.0),
    ev("e8", "u1", 26, 8.0),
]
# Phase 2: late events for the closed windows (dropped by both), more of [20,30) with
# duplicates, and an event at 100 s that closes [20,30).
PHASE2 = [
    ev("e9", "u1", 3, 100.0),
    ev("e10", "u2", 15, 100.0),
    ev("e11", "u2", 22, 9.0),
    ev("e11", "u2", 22, 9.0),
    ev("e8", "u1", 26, 8.0),
    ev("e12", "u1", 28, 10.0),
    ev("e13", "u2", 100, 1.0),
]


def w(sec):
    return (T0 + timedelta(seconds=sec)).strftime("%Y-%m-%d %H:%M:%S")


EXPECTED_12 = {
    (w(0), w(10), "u1"): (3, 10.0),
    (w(0), w(10), "u2"): (1, 2.0),
    (w(10), w(20), "u1"): (1, 5.0),
    (w(10), w(20), "u2"): (2, 11.0),
}
EXPECTED = {**EXPECTED_12, (w(20), w(30), "u1"): (2, 18.0), (w(20), w(30), "u2"): (1, 9.0)}


class Proc:
    """A runner subprocess whose stdout is collected line by line."""

    def __init__(self, cmd, env):
        self.lines = []
        self.p = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env
        )
        self.t = threading.Thread(target=self._read, daemon=True)
        self.t.start()

    def _read(self):
        for line in self.p.stdout:
            self.lines.append(line.rstrip("\n"))

    def has(self, text):
        return any(text in line for line in self.lines)

    def tail(self, n=60):
        return "\n".join(self.lines[-n:])

    def stop(self, timeout=90):
        if self.p.poll() is None:
            self.p.send_signal(signal.SIGTERM)
            try:
                self.p.wait(timeout)
            except subprocess.TimeoutExpired:
                self.p.kill()
                self.p.wait(10)
        self.t.join(5)
        return self.p.returncode


def norm_ts(s):
    return s.replace("T", " ")[:19]


def read_windows(consumer, into):
    while True:
        m = consumer.poll(0.5)
        if m is None:
            return
        if m.error():
            continue
        v = json.loads(m.value())
        into.setdefault(m.topic(), []).append(
            (
                (norm_ts(v["window_start"]), norm_ts(v["window_end"]), v["user"]),
                (v["cnt"], float(v["total"])),
                m.key().decode() if m.key() else None,
            )
        )


def produce(bootstrap, topic, events):
    from confluent_kafka import Producer

    p = Producer({"bootstrap.servers": bootstrap, "linger.ms": 5})
    for e in events:
        p.produce(topic, key=e["user"].encode(), value=json.dumps(e).encode())
    assert p.flush(30) == 0


def wait_for(cond, timeout, what, procs):
    """Polls cond() until true; fails with the runners' output otherwise. `what` may be a
    callable so the message shows the state at the time of failure."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if cond():
            return
        for name, pr in procs.items():
            if pr.p.poll() is not None:
                pytest.fail(
                    f"{name} runner exited early ({pr.p.returncode}) while waiting for "
                    f"{what() if callable(what) else what}:\n{pr.tail()}"
                )
        time.sleep(0.5)
    pytest.fail(
        f"timed out waiting for {what() if callable(what) else what}\n"
        + "\n".join(f"--- {n}\n{p.tail()}" for n, p in procs.items())
    )


def test_kafka_dedupe_window_both_engines_agree(tmp_path, kafka):
    from confluent_kafka import Consumer

    src, spark_out, flink_out = "events", "per-user-spark", "per-user-flink"
    kafka.create_topics(src, spark_out, flink_out)
    base = {"KAFKA_BOOTSTRAP": kafka.bootstrap, "UIS_TEST_IN_TOPIC": src}
    spark = Proc(
        [
            sys.executable,
            str(SPARK_RUNNER),
            "--job-config",
            str(JOBS / "kafka_window.json"),
            "--master",
            "local[2]",
            "--checkpoint-dir",
            str(tmp_path / "ckpt"),
        ],
        runner_env(**base, UIS_TEST_OUT_TOPIC=spark_out),
    )
    flink = Proc(
        [sys.executable, str(FLINK_RUNNER), "--sql", str(JOBS / "kafka_window.sql")],
        runner_env(**base, UIS_TEST_OUT_TOPIC=flink_out),
    )
    procs = {"spark": spark, "flink": flink}
    consumer = Consumer(
        {
            "bootstrap.servers": kafka.bootstrap,
            "group.id": "uis-test-reader",
            "auto.offset.reset": "earliest",
        }
    )
    consumer.subscribe([spark_out, flink_out])
    got = {}
    try:
        wait_for(
            lambda: spark.has("streaming query") and flink.has("state RUNNING"),
            180,
            "both jobs running",
            procs,
        )
        produce(kafka.bootstrap, src, PHASE1)

        def windows(topic):
            read_windows(consumer, got)
            return {k: v for k, v, _ in got.get(topic, [])}

        wait_for(
            lambda: all(k in windows(t) for t in (spark_out, flink_out) for k in EXPECTED_12),
            180,
            "windows [0,10) and [10,20) from both engines",
            procs,
        )
        produce(kafka.bootstrap, src, PHASE2)
        wait_for(
            lambda: all(k in windows(t) for t in (spark_out, flink_out) for k in EXPECTED),
            180,
            "window [20,30) from both engines",
            procs,
        )
        time.sleep(3)  # anything wrong (a late event re-opening a window) would show up now
        read_windows(consumer, got)
    finally:
        rc_spark, rc_flink = spark.stop(), flink.stop()
        consumer.close()

    for topic in (spark_out, flink_out):
        rows = got[topic]
        keys = [k for k, _, _ in rows]
        assert len(keys) == len(set(keys)), f"{topic}: a window was emitted twice: {rows}"
        assert {k: v for k, v, _ in rows} == EXPECTED, topic
        assert all(key == k[2] for k, _, key in rows), f"{topic}: Kafka key is not the user"
    assert rc_spark == 0, spark.tail()
    assert rc_flink == 0, flink.tail()
    assert flink.has("state CANCELED") or flink.has("cancel"), flink.tail()
    assert spark.has("stopping streaming queries"), spark.tail()
