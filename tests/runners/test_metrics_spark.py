# SPDX-License-Identifier: Apache-2.0
"""Metrics of a Spark Structured Streaming job through dcp-local, on real Spark (local[*]) and a
real Kafka broker; no mocks. The job (jobs/kafka_window.json: Kafka → dedupe → 10 s windows →
Kafka, a 1 s processing-time trigger) reads records the test produces at a steady, known rate:

- the series appear: the query's input and processed rows per second, batch duration, the
  source's rows per second under its spec node, and the consumer lag per partition;
- the rates dcp-local stores match the rate produced (±20 %);
- the lag grows while the job is stopped (its processes frozen with SIGSTOP, so it reads
  nothing and reports nothing) and falls back after it resumes (SIGCONT)."""

import json
import time
from datetime import UTC, datetime, timedelta

import pytest
from clusters import Dcp, brief, wait_for
from conftest import JOBS
from metrics_support import (
    SteadyProducer,
    describe,
    job_process_group,
    lag_total,
    lag_while_frozen,
    median_after,
    now_ms,
    points,
    series,
    wait_lag_falls,
)

pytestmark = [pytest.mark.slow, pytest.mark.spark]

RATE = 40  # records per second
T0 = datetime(2024, 1, 1, tzinfo=UTC)


def record(i):
    ts = (T0 + timedelta(milliseconds=i * 1000 // RATE)).strftime("%Y-%m-%d %H:%M:%S.%f")[:-3]
    return {"event_id": f"e{i}", "user": f"u{i % 5}", "amount": 1.0, "ts": ts}


def job_config(kafka, src, out):
    """The job with its broker and topics written in (the metrics helper reads the job's Kafka
    sources from its config; a runtime_env placeholder is only known to the job's process)."""
    text = (JOBS / "kafka_window.json").read_text()
    text = text.replace("{{env.KAFKA_BOOTSTRAP}}", kafka.bootstrap)
    text = text.replace("{{env.UIS_TEST_IN_TOPIC}}", src)
    text = text.replace("{{env.UIS_TEST_OUT_TOPIC}}", out)
    return json.loads(text)


def test_spark_streaming_metrics_rates_and_lag(kafka, tmp_path):
    src, out = "mx-spark-events", "mx-spark-windows"
    kafka.create_topics(src, partitions=2)
    kafka.create_topics(out)
    targets = tmp_path / "targets.yaml"
    targets.write_text("targets:\n  - {name: local, kind: local}\n")
    dcp = Dcp(tmp_path / "data", targets)
    producer = None
    job = None
    try:
        code, body = dcp.api(
            "POST",
            "/api/v1/jobs",
            {
                "name": "spark-metrics",
                "config": {
                    "job_type": "STREAMING",
                    "target": "local",
                    "uis": {"job_config": job_config(kafka, src, out)},
                },
            },
        )
        assert code == 201, body
        job = body["job_id"]
        wait_for(
            "the streaming query",
            lambda: "streaming query" in dcp.logs(job),
            240,
            detail=lambda: f"{dcp.status(job)}\n{brief(dcp.logs(job))}",
        )
        producer = SteadyProducer(kafka.bootstrap, src, RATE, record).start()
        steady_from = now_ms() + 15_000  # Spark's first batches read a start-up backlog
        time.sleep(45)

        got = series(dcp, job)
        for name in ("rows_in_per_second", "processed_rows_per_second", "batch_duration_ms"):
            assert points(got, name, node="per_user_out"), describe(got)
        rate_in = median_after(points(got, "rows_in_per_second", node="per_user_out"), steady_from)
        rate_src = median_after(
            points(got, "rows_out_per_second", node="kafka_events"), steady_from
        )
        print(f"Spark: produced {RATE}/s; query input {rate_in}/s, source {rate_src}/s")
        assert rate_in is not None and abs(rate_in - RATE) <= 0.2 * RATE, describe(got)
        assert rate_src is not None and abs(rate_src - RATE) <= 0.2 * RATE, describe(got)
        lag_before = lag_total(got, src)
        assert lag_before, describe(got)
        assert len({s["partition"] for s in got if s["name"] == "kafka_lag"}) == 2, describe(got)

        # Stopped: the job's processes frozen; the topic keeps growing.
        during, resumed_at = lag_while_frozen(
            dcp, job, src, job_process_group(job, dcp.proc.pid), 25
        )
        print(f"Spark: lag while stopped {during}")
        assert len(during) >= 3, during
        assert all(b > a for a, b in zip(during, during[1:], strict=False)), during
        assert during[-1] >= 0.5 * RATE * 20, during  # ~RATE × seconds stopped
        after = wait_lag_falls(dcp, job, src, resumed_at, 0.25 * during[-1])
        print(f"Spark: lag after resuming {after}")
    finally:
        if producer is not None:
            producer.stop()
        if job is not None:
            dcp.ctl("cancel", job, "--wait", timeout=180)
        dcp.stop()
