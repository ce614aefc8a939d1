# SPDX-License-Identifier: Apache-2.0
"""The Kafka lag of a job on a REAL Flink session cluster while the job is stopped, through
dcp-local, with a real Kafka broker (the kafka-dedupe-window template, as test_metrics_flink.py
runs it); no mocks. The mirror of the Spark case in test_metrics_spark.py:

- the TaskManager's processes are frozen (SIGSTOP), so the job reads nothing while the topic
  keeps growing: the lag dcp-local stores grows;
- once they go on (SIGCONT) the job catches up: the lag falls back.

The freeze lasts 6 s, under the session's 8 s heartbeat timeout, so that what is measured is a
job that stops reading, not a failover; dcp-local samples every second to see it, and the
JobManager fetches its TaskManagers' metrics every second (its default, 10 s, makes the lag a
10 s sawtooth that a short freeze cannot be told apart from)."""

import os

import pytest
from clusters import Dcp, FlinkSession, engine_running, wait_for
from metrics_support import (
    SteadyProducer,
    describe,
    lag_total,
    lag_while_frozen,
    series,
    wait_lag_falls,
)
from test_metrics_flink import make_click
from test_savepoints_flink import window_spec

pytestmark = [pytest.mark.slow, pytest.mark.flink]

RATE = 40  # clicks per second
FROZEN_S = 6


def test_flink_lag_grows_while_stopped_and_falls_after(kafka, tmp_path):
    flink = FlinkSession(tmp_path / "flink", "metrics: {fetcher: {update-interval: 1000}}\n")
    flink.start()
    dcp = None
    producer = None
    try:
        targets = tmp_path / "targets.yaml"
        targets.write_text(
            f"targets:\n  - {{name: flink-dev, kind: flink-session, rest_url: {flink.rest_url}}}\n"
        )
        dcp = Dcp(tmp_path / "data", targets, ["--metrics-interval", "1"])
        spec, src, _ = window_spec(tmp_path, kafka, "lagflink")
        job = dcp.submit(spec, "flink-dev")
        engine_running(dcp, job, "the job to run", 240)
        producer = SteadyProducer(kafka.bootstrap, src, RATE, make_click).start()

        def reading():
            lag = lag_total(series(dcp, job, ["kafka_lag"]), src)
            return len(lag) >= 5 and lag[-1][1] < RATE * 5 and lag

        wait_for(
            "the job to read what is produced",
            reading,
            180,
            interval=2,
            detail=lambda: describe(series(dcp, job)),
        )

        # from 2 s in: the samples of the first second still carry offsets fetched before
        during, resumed_at = lag_while_frozen(
            dcp, job, src, os.getpgid(flink.tms[0].pid), FROZEN_S, skip_ms=2000
        )
        print(f"Flink: lag while stopped {during}")
        assert len(during) >= 3, during
        assert all(b > a for a, b in zip(during, during[1:], strict=False)), during
        assert during[-1] - during[0] >= 0.5 * RATE * (len(during) - 1), during
        # back near its level while reading (a Flink job lags by the second or two of records
        # between the metrics it reports), and staying there: the last three low
        after = wait_lag_falls(dcp, job, src, resumed_at + 1000, 0.6 * during[-1], last=3)
        print(f"Flink: lag after resuming {after}")
        assert dcp.ctl("cancel", job, "--wait").returncode == 0
    finally:
        if producer is not None:
            producer.stop()
        if dcp is not None:
            dcp.stop()
        flink.stop()
