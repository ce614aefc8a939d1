# SPDX-License-Identifier: Apache-2.0
"""`uisctl submit --wait | --follow | --once` on a scheduled micro-batch job, through dcp-local
on the real Spark runner (the REST → parquet job of test_microbatch_schedule.py, every 5 s):

- --wait returns after the first run with that run's outcome (exit 0; a failing run exit 1) and
  says the schedule goes on and when the next run is; the job stays RUNNING;
- --follow prints every run as it ends (here: until two runs are out, then Ctrl-C, which stops
  following and not the job);
- --once runs the scheduled spec a single time: the job SUCCEEDS, the API is called once;
- GET /api/v1/jobs/{id}/runs lists the runs with their outcome and duration."""

import json
import re
import signal
import subprocess
import time
from http.server import BaseHTTPRequestHandler

import pytest
import templates as T
from test_dcp_e2e import DcpLocal, wait_for
from test_microbatch_schedule import ItemsApi, api, job_config

pytestmark = [pytest.mark.spark]


class BrokenApi(BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass

    def do_GET(self):
        self.send_response(500)
        self.send_header("Content-Length", "0")
        self.end_headers()


def request_file(tmp_path, name, api_url):
    job = job_config(api_url, tmp_path / f"{name}-out")
    job["name"] = name
    req = {
        "name": name,
        "config": {"job_type": "BATCH", "uis": {"spec_version": "1.1", "job_config": job}},
    }
    path = tmp_path / f"{name}.dcp-request.json"
    path.write_text(json.dumps(req))
    return path


def job_id(stdout):
    return stdout.split()[0]


def test_wait_follow_and_once_on_a_scheduled_job(tmp_path, http_server):
    ItemsApi.calls = 0
    items = http_server(ItemsApi)
    broken = http_server(BrokenApi)
    dcp = DcpLocal(tmp_path / "dcp-data")
    try:
        # --wait: back after run 1, with its outcome and the next run's time
        req = request_file(tmp_path, "poll-wait", items.url)
        t0 = time.monotonic()
        p = dcp.ctl("submit", str(req), "--wait", timeout=300)
        assert p.returncode == 0, p.stderr
        jid = job_id(p.stdout)
        assert re.search(rf"{jid} run 1 SUCCEEDED in [\d.]+ s", p.stderr), p.stderr
        # the next run's time, or (a run longer than the 5 s interval) the next run's start
        assert re.search(r"goes on: (next run at|run 2 started at) \d{4}-\d\d-\d\dT", p.stderr), (
            p.stderr
        )
        print(f"--wait returned after {time.monotonic() - t0:.1f} s:\n{p.stderr}")
        assert dcp.status(jid)["status"] == "RUNNING"
        wait_for(
            "run 2", lambda: len(api(dcp, "GET", f"/api/v1/jobs/{jid}/runs")["runs"]) >= 2, 180
        )
        runs = api(dcp, "GET", f"/api/v1/jobs/{jid}/runs")
        assert runs["scheduled"] and runs["runs"][0]["outcome"] == "SUCCEEDED", runs
        assert runs["runs"][0]["duration_seconds"] > 0, runs
        assert dcp.ctl("cancel", jid, "--wait", timeout=180).returncode == 0
        after = api(dcp, "GET", f"/api/v1/jobs/{jid}/runs")
        assert after["runs"][-1]["outcome"] in ("SUCCEEDED", "CANCELLED"), after
        assert after["next_run_at"] is None, after

        # --wait on a job whose first run fails: exit 1, the run's cause shown
        bad = request_file(tmp_path, "poll-broken", broken.url)
        p = dcp.ctl("submit", str(bad), "--wait", timeout=300)
        assert p.returncode == 1, p.stderr
        bad_id = job_id(p.stdout)
        assert re.search(rf"{bad_id} run 1 FAILED", p.stderr), p.stderr
        dcp.ctl("cancel", bad_id, "--wait", timeout=180)

        # --follow: every run as it ends; Ctrl-C ends the following, not the job
        req2 = request_file(tmp_path, "poll-follow", items.url)
        f = subprocess.Popen(
            [str(T.tool("uisctl")), "submit", str(req2), "--follow", "--url", dcp.url],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=dcp.env(DCP_TOKEN=dcp.token),
            # as at a terminal: a runner started in the background inherits SIGINT ignored
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        seen = []
        deadline = time.monotonic() + 300
        while len([s for s in seen if re.search(r"run \d+ SUCCEEDED", s)]) < 2:
            assert time.monotonic() < deadline, seen
            line = f.stderr.readline()
            assert line, seen
            seen.append(line)
        f.send_signal(signal.SIGINT)
        f.wait(30)
        follow_id = job_id(f.stdout.read())
        assert dcp.status(follow_id)["status"] == "RUNNING"
        assert any("run 2 SUCCEEDED" in s for s in seen), seen
        dcp.ctl("cancel", follow_id, "--wait", timeout=180)

        # --once: a single run, the job SUCCEEDS
        calls = ItemsApi.calls
        req3 = request_file(tmp_path, "poll-once", items.url)
        p = dcp.ctl("submit", str(req3), "--once", "--wait", timeout=300)
        assert p.returncode == 0, p.stderr
        once = job_id(p.stdout)
        assert dcp.status(once)["status"] == "SUCCEEDED"
        assert ItemsApi.calls == calls + 1
        assert api(dcp, "GET", f"/api/v1/jobs/{once}/runs")["scheduled"] is False
    finally:
        dcp.stop()
