# SPDX-License-Identifier: Apache-2.0
"""Events and output of the upgrade tests (Flink and Spark): clicks before the snapshot, clicks
after it, and the per-minute windows read back from Kafka.

Before the snapshot: three clicks on /home in the 10:00 minute and one at 10:01:20, whose
watermark (10 s) closes 10:00 → the old job emits (10:00, /home, 3) and keeps 10:01 /home = 1 in
its state. After it: one more /home click in 10:01 and a click at 10:02:30 that closes 10:01. A
job that restored the state and the offsets emits (10:01, /home, 2) and never 10:00 again; one
without the state emits 1; one that reads from the start emits 10:00 again."""

import json
import time

from confluent_kafka import Consumer, Producer, TopicPartition


def click(eid, page, hhmmss, duration=2.0, sep=" "):
    return {
        "event_id": eid,
        "page": page,
        "duration": duration,
        "event_time": f"2024-01-15{sep}10:{hhmmss}.000",
    }


BEFORE = [
    click("e1", "/home", "00:05"),
    click("e2", "/home", "00:20"),
    click("e3", "/home", "00:30"),
    click("e4", "/home", "01:20"),
]
AFTER = [
    click("e1", "/home", "00:05"),  # a duplicate of a click the old job has seen
    click("e5", "/home", "01:40"),
    click("e6", "/other", "02:30"),
]
W1 = ("2024-01-15 10:00:00", "/home")
W2 = ("2024-01-15 10:01:00", "/home")


def produce(bootstrap: str, topic: str, events: list):
    p = Producer({"bootstrap.servers": bootstrap, "linger.ms": 5})
    for e in events:
        p.produce(topic, key=e["page"].encode(), value=json.dumps(e).encode())
    assert p.flush(30) == 0


def norm_ts(s: str) -> str:
    return s.replace("T", " ")[:19]


def end_offset(bootstrap: str, topic: str) -> int:
    c = Consumer({"bootstrap.servers": bootstrap, "group.id": "uis-upgrade-offsets"})
    try:
        _lo, hi = c.get_watermark_offsets(TopicPartition(topic, 0), timeout=10)
        return hi
    finally:
        c.close()


def windows(bootstrap: str, topic: str, start: int = 0, wait: float = 1.0) -> list:
    """[(window_start, page, clicks)] from partition 0 of `topic`, from offset `start`."""
    c = Consumer(
        {
            "bootstrap.servers": bootstrap,
            "group.id": f"uis-upgrade-read-{time.monotonic_ns()}",
            "enable.auto.commit": False,
        }
    )
    out = []
    try:
        c.assign([TopicPartition(topic, 0, start)])
        idle = time.monotonic() + wait
        while time.monotonic() < idle:
            m = c.poll(0.3)
            if m is None or m.error():
                continue
            v = json.loads(m.value())
            out.append((norm_ts(v["window_start"]), v.get("page"), int(v["clicks"])))
            idle = time.monotonic() + wait
    finally:
        c.close()
    return out


def wait_until(what: str, predicate, timeout: float, detail=lambda: ""):
    deadline = time.monotonic() + timeout
    while True:
        got = predicate()
        if got:
            return got
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}\n{detail()}")
        time.sleep(1)
