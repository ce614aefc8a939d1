# SPDX-License-Identifier: Apache-2.0
"""Metrics of a Kafka → window job on a REAL Flink session cluster through dcp-local, with a real
Kafka broker; no mocks. The job is the kafka-dedupe-window template (dedupe, 1-minute windows per
page, checkpoints every 2 s) reading clicks the test produces at a steady, known rate:

- the series appear: rows in/out per second per spec node, back pressure, the checkpoint
  duration, size and failures, and the consumer lag per partition;
- the source node's rate matches the rate produced (±20 %; Flink's per-second meters average
  over a minute, so the rate is read after a minute of steady production);
- the lag falls to (almost) nothing once production stops and the job has read everything;
- the per-node counts dcp-local shows for the session job (no runner counts it) equal what the
  sink topic received."""

import json
import time

import pytest
from clusters import Dcp, FlinkSession, brief, engine_running, wait_for
from metrics_support import (
    SteadyProducer,
    describe,
    lag_total,
    median_after,
    now_ms,
    points,
    series,
)
from test_savepoints_flink import Sink, click, window_spec

pytestmark = [pytest.mark.slow, pytest.mark.flink]

RATE = 40  # clicks per second


def make_click(i):
    # event time advances a second per click, so a window closes every 60 clicks and the sink
    # receives a row per page and minute
    return click(f"c{i}", f"/p{i % 3}", f"{12 + i // 3600}:{i // 60 % 60:02d}:{i % 60:02d}", 1)


def test_session_flink_job_metrics(kafka, tmp_path):
    flink = FlinkSession(tmp_path / "flink")
    flink.start()
    dcp = None
    producer = None
    sink = None
    try:
        targets = tmp_path / "targets.yaml"
        targets.write_text(
            f"targets:\n  - {{name: flink-dev, kind: flink-session, rest_url: {flink.rest_url}}}\n"
        )
        dcp = Dcp(tmp_path / "data", targets)
        spec, src, out = window_spec(tmp_path, kafka, "mxflink")
        job = dcp.submit(spec, "flink-dev")
        engine_running(dcp, job, "the job to run", 240)
        producer = SteadyProducer(kafka.bootstrap, src, RATE, make_click).start()
        steady_from = now_ms() + 65_000
        time.sleep(90)

        got = series(dcp, job)
        rate = median_after(points(got, "rows_out_per_second", node="clicks"), steady_from)
        print(f"Flink session: produced {RATE}/s; source node clicks {rate}/s")
        assert rate is not None and abs(rate - RATE) <= 0.2 * RATE, describe(got)
        for node in ("unique_clicks", "per_minute"):
            assert points(got, "rows_in_per_second", node=node), describe(got)
        assert points(got, "backpressure_ratio"), describe(got)
        durations = points(got, "checkpoint_duration_ms")
        sizes = points(got, "checkpoint_size_bytes")
        failures = points(got, "checkpoint_failures")
        print(
            f"Flink session: checkpoint duration {durations[-3:]}, size {sizes[-3:]},"
            f" failures {failures[-1:]}"
        )
        assert durations and all(v >= 0 for _, v in durations), describe(got)
        assert sizes and sizes[-1][1] > 0, describe(got)
        assert failures, describe(got)
        lag = lag_total(got, src)
        assert lag, describe(got)
        print(f"Flink session: lag while producing {lag[-5:]}")

        produced = producer.stop()
        producer = None
        stopped_at = now_ms()

        def drained():
            after = [
                v
                for t, v in lag_total(series(dcp, job, ["kafka_lag"]), src)
                if t > stopped_at + 5000
            ]
            return after and after[-1] <= 2 and after

        print(
            "Flink session: lag after production stopped "
            + str(
                wait_for(
                    "the lag to fall to nothing",
                    drained,
                    120,
                    interval=2,
                    detail=lambda: describe(series(dcp, job)),
                )
            )
        )

        # Per-node counts: the sink node's rows equal the records the sink topic received.
        sink = Sink(kafka.bootstrap, out, "mxflink-check")

        def counts_match():
            rows = len(sink.drain(1))
            nodes = {n["node"]: n for n in dcp.status(job).get("nodes") or []}
            got_sink = nodes.get("metrics_out", {}).get("rows_in")
            return rows > 0 and got_sink == rows and (rows, nodes)

        rows, nodes = wait_for(
            "the sink node's count to equal what the sink topic received",
            counts_match,
            90,
            interval=1,
            detail=lambda: (
                f"{dcp.status(job).get('nodes')} vs {len(sink.rows)} rows\n{brief(dcp.logs(job))}"
            ),
        )
        assert nodes["clicks"]["rows_out"] == produced, (nodes, produced)
        assert rows >= 3 * (produced // 60 - 2), (rows, produced)  # every closed window came out
        print(
            f"Flink session: produced {produced}, sink received {rows};"
            f" nodes {json.dumps(list(nodes.values()))}"
        )
        assert dcp.ctl("cancel", job, "--wait").returncode == 0
    finally:
        if producer is not None:
            producer.stop()
        if sink is not None:
            sink.close()
        if dcp is not None:
            dcp.stop()
        flink.stop()
