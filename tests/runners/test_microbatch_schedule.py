# SPDX-License-Identifier: Apache-2.0
"""A scheduled micro-batch job through dcp-local: a REST source (a loopback HTTP fixture as the
API) -> parquet, `job_type: micro_batch` with `schedule.trigger_interval: 5 seconds`, on the real
Spark runner. dcp-local runs it again after each run: it stays RUNNING from run to run
(`engine_state: SCHEDULED next <time> (run N)` while a run waits for its time), the API is
called once per run, every run is a `--- run N` block in the log, and a cancel ends it
CANCELLED."""

import json
import re
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler

import pytest
from test_dcp_e2e import DcpLocal, log_tail, wait_for

pytestmark = [pytest.mark.spark]

SCHEDULED = re.compile(r"SCHEDULED next \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(run \d+\)")


class ItemsApi(BaseHTTPRequestHandler):
    """GET /v1/items: a page of two items that differ per call."""

    calls = 0
    lock = threading.Lock()

    def log_message(self, *a):
        pass

    def do_GET(self):
        with self.lock:
            ItemsApi.calls += 1
            n = ItemsApi.calls
        data = json.dumps(
            {"items": [{"id": n * 10 + i, "title": f"call {n} item {i}"} for i in range(2)]}
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


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


def job_config(api_url, out_dir):
    return {
        "name": "rest-poll",
        "job_type": "micro_batch",
        "spark_config": {
            "spark.app.name": "uis-rest-poll",
            "spark.ui.enabled": "false",
            "spark.sql.shuffle.partitions": "1",
            "spark.driver.memory": "512m",
        },
        "sources": [
            {
                "type": "rest_api",
                "name": "items",
                "url": f"{api_url}/v1/items",
                "method": "GET",
                "format": "json",
                "response_path": "$.items",
                "schema": [
                    {"name": "id", "type": "long"},
                    {"name": "title", "type": "string"},
                ],
            }
        ],
        "transforms": [],
        "sinks": [
            {
                "type": "parquet",
                "name": "landing",
                "inputs": ["items"],
                "path": str(out_dir),
                "mode": "append",
            }
        ],
        "schedule": {"trigger_type": "processing_time", "trigger_interval": "5 seconds"},
    }


def test_micro_batch_rest_job_runs_every_interval_until_cancelled(tmp_path, http_server):
    ItemsApi.calls = 0
    srv = http_server(ItemsApi)
    out = tmp_path / "landing"
    dcp = DcpLocal(tmp_path / "dcp-data")
    try:
        created = api(
            dcp,
            "POST",
            "/api/v1/jobs",
            {
                "name": "rest-poll",
                "team": "data-infra",
                "config": {
                    "job_type": "BATCH",
                    "uis": {"spec_version": "1.1", "job_config": job_config(srv.url, out)},
                },
            },
        )
        job_id = created["job_id"]
        seen_states = set()

        def runs_done():
            st = api(dcp, "GET", f"/api/v1/jobs/{job_id}")
            seen_states.add(st["status"])
            if st["engine_state"] and st["engine_state"].startswith("SCHEDULED next"):
                seen_states.add("SCHEDULED")
                assert SCHEDULED.fullmatch(st["engine_state"]), st["engine_state"]
            assert st["status"] in ("PENDING", "SUBMITTED", "RUNNING"), (
                f"the job ended: {st}\n{log_tail(dcp, job_id)}"
            )
            return "--- run 3 SUCCEEDED" in dcp.logs(job_id)

        wait_for(
            "three runs of the schedule",
            runs_done,
            timeout=420,
            interval=1,
            detail=lambda: log_tail(dcp, job_id),
        )
        # RUNNING throughout; `SCHEDULED next …` only shows while a run waits for its time (a
        # Spark run here often takes longer than 5 s: the next one then starts at once).
        assert "RUNNING" in seen_states, seen_states
        assert ItemsApi.calls >= 3
        assert len(list(out.glob("*.parquet"))) >= 3, sorted(p.name for p in out.iterdir())

        cancelled = api(dcp, "DELETE", f"/api/v1/jobs/{job_id}")
        assert cancelled["status"] in ("RUNNING", "CANCELLED")
        wait_for(
            "CANCELLED",
            lambda: api(dcp, "GET", f"/api/v1/jobs/{job_id}")["status"] == "CANCELLED",
            timeout=60,
            detail=lambda: log_tail(dcp, job_id),
        )
        log = dcp.logs(job_id)
        for n in (1, 2, 3):
            started = log.index(f"--- run {n} started at ")
            ended = log.index(f"--- run {n} SUCCEEDED in ")
            assert started < ended, log_tail(dcp, job_id)
            if n > 1:
                assert log.index(f"--- run {n - 1} SUCCEEDED in ") < started
        assert "micro-batch schedule: every 5 s; runs until cancelled" in log
        # The cancel ends the run in progress, or the wait between two runs.
        ended = re.search(r"--- (run \d+ CANCELLED|schedule cancelled after run \d+)", log)
        assert ended, log_tail(dcp, job_id)
        for n in (1, 2):
            assert re.search(
                rf"--- run {n} SUCCEEDED in [0-9.]+ s; run {n + 1} at \d{{4}}-\S+Z\n", log
            ), log_tail(dcp, job_id)
        final = api(dcp, "GET", f"/api/v1/jobs/{job_id}")
        assert final["finished_at"] and final["error"] is None
    finally:
        dcp.stop()
