# SPDX-License-Identifier: Apache-2.0
"""The Data Preview of a Flink spec runs on Flink: `uis_flink_runner.py --dry-run --limit N`
on a local mini-cluster prints the `uis-preview:` lines of every node (flink/preview.py); a
Kafka source without samples is read bounded from a real broker and the sink topic stays empty.

The Kafka template's clicks are fed as sample records (`--test-inputs`, as the designer passes
a WebSocket, webhook or CDC sample); the rows of each node are checked against what the input
implies, computed here: every click, the first click per event_id by event time, and 1-minute
tumbling windows per page that all close at the end of the bounded input."""

import datetime as dt
import json
import os
import subprocess
import sys
import time
from collections import defaultdict

import templates as T

sys.path.insert(0, str(T.REPO / "runners"))
from uis_runners.testing import instant  # noqa: E402

RUNNER = T.REPO / "runners" / "flink" / "uis_flink_runner.py"


def iso(t: dt.datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


def expected(clicks: list) -> dict:
    first = {}
    for c in clicks:  # the earliest event time per event_id (ties: the first read)
        t = instant(c["event_time"])
        if c["event_id"] not in first or t < first[c["event_id"]][0]:
            first[c["event_id"]] = (t, c)
    windows = defaultdict(list)
    for t, c in first.values():
        start = t.replace(second=0, microsecond=0)
        windows[(start, c["page"])].append(c.get("duration"))
    per_minute = []
    for (start, page), durations in windows.items():
        known = [d for d in durations if d is not None]
        per_minute.append(
            {
                "window_start": iso(start),
                "window_end": iso(start + dt.timedelta(minutes=1)),
                "page": page,
                "clicks": len(durations),
                "avg_duration": sum(known) / len(known) if known else None,
            }
        )
    return {"clicks": len(clicks), "unique": sorted(first), "per_minute": per_minute}


def key(row: dict) -> str:
    return json.dumps(row, sort_keys=True)


def test_flink_template_previews_on_flink(tmp_path):
    spec = T.TEMPLATES / "kafka-dedupe-window.uis.yaml"
    job = tmp_path / "flink-job.json"
    T.compile_spec(spec, "flink-job", out_file=job)
    cases = T.load(spec.parent / "kafka-dedupe-window.tests.yaml")["tests"]
    clicks = cases[0]["inputs"]["clicks"]
    inputs = tmp_path / "samples.json"
    inputs.write_text(json.dumps({"clicks": clicks}))
    started = time.time()
    p = subprocess.run(
        [sys.executable, str(RUNNER), "--job-config", str(job), "--dry-run", "--limit", "50",
         "--test-inputs", str(inputs), "--capture-dir", str(tmp_path / "work")],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
    print(f"flink preview: {time.time() - started:.1f}s")
    assert p.returncode == 0, p.stdout[-3000:] + p.stderr[-3000:]
    assert "TableEnvironment" in p.stdout  # the Flink runner ran it, not Spark
    nodes = T.previews(p.stdout)
    want = expected(clicks)
    assert list(nodes) == ["kafka_clicks", "unique_clicks", "per_minute"]
    assert nodes["kafka_clicks"]["kind"] == "source"
    assert nodes["kafka_clicks"]["end"] == want["clicks"] == len(nodes["kafka_clicks"]["rows"])
    unique = nodes["unique_clicks"]["rows"]
    assert sorted(r["event_id"] for r in unique) == want["unique"]
    got = nodes["per_minute"]["rows"]
    assert nodes["per_minute"]["columns"]["clicks"] == "BIGINT"
    assert sorted(map(key, got)) == sorted(map(key, want["per_minute"]))
    # the sink is not written: no sink table was created and no job inserted into it
    assert "metrics_out" not in nodes and "INSERT" not in p.stdout


def test_limit_caps_rows(tmp_path):
    spec = T.TEMPLATES / "kafka-dedupe-window.uis.yaml"
    job = tmp_path / "flink-job.json"
    T.compile_spec(spec, "flink-job", out_file=job)
    clicks = [
        {"event_id": f"e{i}", "page": f"/p{i % 3}", "duration": float(i),
         "event_time": 1705312800000 + i * 7000}
        for i in range(30)
    ]  # fmt: skip
    inputs = tmp_path / "samples.json"
    inputs.write_text(json.dumps({"clicks": clicks}))
    p = subprocess.run(
        [sys.executable, str(RUNNER), "--job-config", str(job), "--dry-run", "--limit", "4",
         "--test-inputs", str(inputs), "--capture-dir", str(tmp_path / "work")],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
    )  # fmt: skip
    assert p.returncode == 0, p.stdout[-3000:] + p.stderr[-3000:]
    nodes = T.previews(p.stdout)
    assert len(nodes["kafka_clicks"]["rows"]) == 4
    want = expected(clicks)["per_minute"]
    got = nodes["per_minute"]["rows"]
    assert len(got) == min(4, len(want))
    assert all(key(r) in set(map(key, want)) for r in got)


def test_kafka_source_is_read_bounded(tmp_path, kafka):
    """Without samples the Kafka source is read up to its current offsets: the run ends, every
    window closes, and nothing is written to the sink topic."""
    from confluent_kafka import Consumer, Producer, TopicPartition

    src, out = f"clicks-{tmp_path.name}", f"metrics-{tmp_path.name}"
    kafka.create_topics(src, out)
    text = (T.TEMPLATES / "kafka-dedupe-window.uis.yaml").read_text()
    text = text.replace("localhost:9092", kafka.bootstrap).replace("topic: clicks", f"topic: {src}")
    text = text.replace("kafka_topic: click-metrics", f"kafka_topic: {out}")
    spec = tmp_path / "clicks.uis.yaml"
    spec.write_text(text)
    job = tmp_path / "flink-job.json"
    T.compile_spec(spec, "flink-job", out_file=job)
    start = dt.datetime(2024, 1, 15, 10, 0, tzinfo=dt.UTC)
    clicks = [
        {"event_id": f"e{i % 17}", "page": f"/p{i % 2}", "duration": float(i),
         "event_time": (start + dt.timedelta(seconds=9 * i)).strftime("%Y-%m-%d %H:%M:%S.000")}
        for i in range(24)
    ]  # fmt: skip
    p = Producer({"bootstrap.servers": kafka.bootstrap})
    for c in clicks:
        p.produce(src, value=json.dumps(c).encode())
    p.flush(30)
    started = time.time()
    r = subprocess.run(
        [sys.executable, str(RUNNER), "--job-config", str(job), "--dry-run", "--limit", "100"],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
    )  # fmt: skip
    print(f"flink preview from Kafka: {time.time() - started:.1f}s")
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    nodes = T.previews(r.stdout)
    want = expected(clicks)
    assert nodes["kafka_clicks"]["end"] == len(clicks)
    assert sorted(x["event_id"] for x in nodes["unique_clicks"]["rows"]) == want["unique"]
    assert sorted(map(key, nodes["per_minute"]["rows"])) == sorted(map(key, want["per_minute"]))
    c = Consumer(
        {"bootstrap.servers": kafka.bootstrap, "group.id": "check", "auto.offset.reset": "earliest"}
    )
    _low, high = c.get_watermark_offsets(TopicPartition(out, 0), 10)
    c.close()
    assert high == 0  # the sink topic got nothing
