# SPDX-License-Identifier: Apache-2.0
"""A Flink job in a restart loop shows why. Kafka -> Kafka through dcp-local, with JSON
timestamps the declared column cannot parse (a TIMESTAMP(3) fed `2024-01-15T10:30:05Z`, as in
the IoT case) and a fast fixed-delay restart strategy: the job restarts again and again. The
job's log holds each restart's exception (the Java trace with its `Caused by:` chain, from the
mini-cluster's REST API) and the status shows the loop: `engine_state` `RESTARTING (N restarts)`
(or `RUNNING (N restarts)` between two failures) and `error` the latest exception."""

import json
import re
import urllib.request

import pytest
from test_dcp_e2e import DcpLocal, log_tail, wait_for

pytestmark = [pytest.mark.slow, pytest.mark.flink]

SQL = """
SET 'pipeline.name' = 'uis-iot-restart-loop';
SET 'parallelism.default' = '1';
SET 'restart-strategy.type' = 'fixed-delay';
SET 'restart-strategy.fixed-delay.attempts' = '1000';
SET 'restart-strategy.fixed-delay.delay' = '1 s';

CREATE TABLE `readings` (
  `device_id` STRING,
  `temperature` DOUBLE,
  `ts` TIMESTAMP(3)
) WITH (
  'connector' = 'kafka',
  'topic' = '{in_topic}',
  'properties.bootstrap.servers' = '{bootstrap}',
  'properties.group.id' = 'uis-restart-cause',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'json'
);

CREATE TABLE `readings_out` (
  `device_id` STRING,
  `temperature` DOUBLE,
  `ts` TIMESTAMP(3)
) WITH (
  'connector' = 'kafka',
  'topic' = '{out_topic}',
  'properties.bootstrap.servers' = '{bootstrap}',
  'format' = 'json'
);

INSERT INTO `readings_out` SELECT * FROM `readings`;
"""


def api(dcp, method, path, body=None):
    req = urllib.request.Request(
        dcp.url + path,
        method=method,
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Authorization": f"Bearer {dcp.token}", "Content-Type": "application/json"},
    )
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(req, timeout=30) as r:
        return json.loads(r.read())


def test_flink_restart_loop_shows_its_cause(tmp_path, kafka):
    from confluent_kafka import Producer

    kafka.create_topics("iot-readings", "iot-readings-out")
    p = Producer({"bootstrap.servers": kafka.bootstrap})
    reading = {"device_id": "sensor-7", "temperature": 21.5, "ts": "2024-01-15T10:30:05Z"}
    p.produce("iot-readings", value=json.dumps(reading).encode())
    assert p.flush(30) == 0

    dcp = DcpLocal(tmp_path / "dcp-data")
    try:
        sql = SQL.format(
            in_topic="iot-readings", out_topic="iot-readings-out", bootstrap=kafka.bootstrap
        )
        job_id = api(
            dcp,
            "POST",
            "/api/v1/jobs",
            {
                "name": "iot-restart-loop",
                "config": {
                    "engine": "flink",
                    "job_type": "STREAMING",
                    "flink": {"version": "1.20", "sql": sql},
                },
            },
        )["job_id"]

        def looping():
            st = api(dcp, "GET", f"/api/v1/jobs/{job_id}")
            assert st["status"] in ("PENDING", "SUBMITTED", "RUNNING"), (
                f"the job ended: {st}\n{log_tail(dcp, job_id)}"
            )
            m = re.fullmatch(r"[A-Z_]+ \((\d+) restarts?\)", st["engine_state"] or "")
            return st if m and int(m.group(1)) >= 2 and st["error"] else None

        st = wait_for(
            "a restart marker in the status",
            looping,
            timeout=300,
            interval=1,
            detail=lambda: log_tail(dcp, job_id),
        )
        # The status names the loop and its latest cause.
        assert re.fullmatch(r"[A-Z_]+ \(\d+ restarts\)", st["engine_state"]), st["engine_state"]
        assert "deserialize" in st["error"].lower(), st["error"]
        assert st["error"].startswith("java.") or st["error"].startswith("org."), st["error"]

        log = dcp.logs(job_id)
        # The state line dcp-local parses, with the count; each restart's cause and its trace.
        assert re.search(r"uis-runner: job [0-9a-f]{32} state RESTARTING \(\d+ restarts?\)", log), (
            log_tail(dcp, job_id)
        )
        assert re.search(r"uis-runner: job [0-9a-f]{32} restart 1 caused by: \S+", log)
        assert "Caused by: java.io.IOException: Failed to deserialize JSON" in log
        assert "2024-01-15T10:30:05Z" in log
        # A Java exception line followed by its frames: what the root-cause finder looks for.
        assert re.search(r"\n[a-z][\w.]*\.[A-Z]\w*(Exception|Error): .*\n\tat ", log)

        cancelled = api(dcp, "DELETE", f"/api/v1/jobs/{job_id}")
        assert cancelled["status"] in ("RUNNING", "CANCELLED")
        wait_for(
            "CANCELLED",
            lambda: api(dcp, "GET", f"/api/v1/jobs/{job_id}")["status"] == "CANCELLED",
            timeout=90,
            detail=lambda: log_tail(dcp, job_id),
        )
    finally:
        dcp.stop()
