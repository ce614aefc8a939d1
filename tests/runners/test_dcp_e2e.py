# SPDX-License-Identifier: Apache-2.0
"""End to end through dcp-local: the real `dcp-local` on a loopback port with a temporary data
directory, driven by the real `uisctl submit/status/logs/cancel`, running the real engines.

(a) a batch template (table-to-rest-api, its source and sink pointed at local data and a local
    receiver) submitted with --wait ends SUCCEEDED, and its log holds the engine's output;
(b) a streaming template (kafka-dedupe-window on a local Kafka broker, Flink) is cancelled
    while its Flink job runs: it ends CANCELLED and its whole process group is gone."""

import json
import os
import queue
import re
import signal
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
import templates as T
from conftest import REPO

pytestmark = pytest.mark.spark


def wait_for(what, predicate, timeout, interval=0.5, detail=None):
    """Polls `predicate` until it returns something truthy; fails naming `what` (and `detail()`,
    e.g. the job's log) after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        got = predicate()
        if got:
            return got
        if time.monotonic() > deadline:
            raise AssertionError(
                f"timed out after {timeout}s waiting for {what}"
                + (f"\n{detail()}" if detail else "")
            )
        time.sleep(interval)


def log_tail(dcp, job_id, n=6000):
    """The job's log without Java stack frames and INFO lines, for failure messages."""
    lines = [
        line
        for line in dcp.logs(job_id).splitlines()
        if not line.startswith("\tat ") and " INFO " not in line
    ]
    return "\n".join(lines)[-n:]


class DcpLocal:
    """dcp-local on 127.0.0.1 with a port it picks itself (--listen 127.0.0.1:0); the URL is the
    one it announces."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.lines = queue.Queue()
        self.output = []
        self.proc = subprocess.Popen(
            [
                str(T.tool("dcp-local")),
                "--listen",
                "127.0.0.1:0",
                "--data-dir",
                str(data_dir),
                "--runners-dir",
                str(REPO / "runners"),
                "--kill-grace",
                "15",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=self.env(),
        )
        threading.Thread(target=self._pump, daemon=True).start()
        self.url = None
        deadline = time.monotonic() + 30
        while self.url is None:
            try:
                line = self.lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                line = None
            if line is None and (self.proc.poll() is not None or time.monotonic() > deadline):
                self.stop()
                raise AssertionError("dcp-local did not announce its URL:\n" + "".join(self.output))
            m = re.search(r"listening on (http://127\.0\.0\.1:\d+)", line or "")
            if m:
                self.url = m.group(1)
        self.token = (data_dir / "token").read_text().strip()
        assert len(self.token) >= 16
        assert (data_dir / "token").stat().st_mode & 0o077 == 0, (
            "the token file is readable by others"
        )

    def _pump(self):
        for line in self.proc.stdout:
            self.output.append(line)
            self.lines.put(line)

    def env(self, **extra):
        env = dict(os.environ)
        # uisctl and dcp-local keep their settings under the user's config directory: keep the
        # test's apart
        env["XDG_CONFIG_HOME"] = str(self.data_dir / "xdg-config")
        env["XDG_DATA_HOME"] = str(self.data_dir / "xdg-data")
        # streaming checkpoints (default /tmp/uis-checkpoints/<app>/<sink>) are kept across runs on
        # purpose; a test's jobs must not resume from an earlier test run's offsets
        env["UIS_CHECKPOINT_DIR"] = str(self.data_dir / "checkpoints")
        env.update({k: str(v) for k, v in extra.items()})
        return env

    def ctl(self, *args, timeout=60, **env):
        """Runs uisctl against this server (token from DCP_TOKEN)."""
        return subprocess.run(
            [str(T.tool("uisctl")), *args, "--url", self.url],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=self.env(DCP_TOKEN=self.token, **env),
        )

    def status(self, job_id) -> dict:
        p = self.ctl("status", job_id, "--format", "json")
        assert p.returncode == 0, p.stderr
        return json.loads(p.stdout)

    def logs(self, job_id) -> str:
        p = self.ctl("logs", job_id)
        assert p.returncode == 0, p.stderr
        return p.stdout

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)


@pytest.fixture
def dcp(tmp_path):
    server = DcpLocal(tmp_path / "dcp-data")
    yield server
    server.stop()


def job_processes(job_id: str) -> list:
    """pids of the processes that run a job: dcp-local gives each job UIS_JOB_ID, and the engine's
    children (the JVM, Python workers) inherit it."""
    mark = f"UIS_JOB_ID={job_id}".encode()
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/environ", "rb") as f:
                    if mark in f.read().split(b"\0"):
                        out.append(int(d))
            except OSError:
                pass  # gone, or not ours
    return out


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
        return True
    except ProcessLookupError:
        return False


class Receiver(BaseHTTPRequestHandler):
    """The registry API of the table-to-rest-api template: accepts every POST."""

    got = []
    lock = threading.Lock()

    def log_message(self, *a):
        pass

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with self.lock:
            self.got.append(
                {"path": self.path, "headers": dict(self.headers), "body": json.loads(body)}
            )
        data = b'{"ok": true}'
        self.send_response(201)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def test_submit_wait_batch_template_succeeds(dcp, tmp_path, http_server):
    Receiver.got = []
    receiver = http_server(Receiver)
    src = T.TEMPLATES / "table-to-rest-api.uis.yaml"
    text = src.read_text()
    spec = T.load(text)
    for e in spec["provider"]["endpoints"]:
        T.write_files(e, tmp_path / "data", n=8)
    local = T.rewrite_base_url(text, (tmp_path / "data").as_uri())
    sink = spec["provider"]["sinks"][0]["config"]
    assert sink["url"] in local and sink["response_table"] in local
    local = local.replace(sink["url"], receiver.url + "/v1/patient")
    local = local.replace(sink["response_table"], (tmp_path / "responses").as_uri())
    copy = tmp_path / src.name
    copy.write_text(local)
    secrets = T.placeholders(text)
    assert secrets == {"UIS_SECRET_REGISTRY_TOKEN": "test-uis-secret-registry-token"}

    p = dcp.ctl("submit", str(copy), "--wait", timeout=600, **secrets)
    assert p.returncode == 0, f"exit {p.returncode}\n{p.stdout}\n{p.stderr}\n{''.join(dcp.output)}"
    job_id = p.stdout.split()[0]
    assert re.fullmatch(r"[A-Za-z0-9_-]+", job_id), p.stdout
    assert f"job {job_id} SUCCEEDED" in p.stderr, p.stderr

    st = dcp.status(job_id)
    assert (st["status"], st["exit_code"], st["error"]) == ("SUCCEEDED", 0, None), st
    assert st["engine"] == "spark" and st["job_type"] == "BATCH" and st["name"] == spec["name"]
    assert st["started_at"] and st["finished_at"]

    log = dcp.logs(job_id)
    # the engine's own output: Spark's log lines and the runner's progress lines, in order
    assert re.search(r"INFO SparkContext: Running Spark version 3\.5\.\d+", log), log[-3000:]
    for line in (
        "uis-runner: Spark 3.5",
        "uis-runner: source file_staged_patients (file_ftp)",
        "uis-runner: transform to_request (field_mapping) <- file_staged_patients",
        "uis-runner: sink registry_api: 8 requests, 8 succeeded, 0 failed",
        "uis-runner: job finished",
        "uis-runner: exit 0 after",
        "dcp-local: job SUCCEEDED",
    ):
        assert line in log, f"{line!r} not in the log:\n{log[-3000:]}"
    assert log.index("uis-runner: job finished") < log.index("dcp-local: job SUCCEEDED")
    # the secret reached the receiver (runtime env of the submit) but no file of the job
    value = secrets["UIS_SECRET_REGISTRY_TOKEN"]
    assert value not in log
    for f in (dcp.data_dir / "jobs").rglob("*"):
        if f.is_file():
            assert value.encode() not in f.read_bytes(), f

    # what the job did: one request per row, mapped, authorised, with a request id
    assert len(Receiver.got) == 8
    assert all(
        r["headers"]["Authorization"] == f"Bearer {value}" and r["headers"]["Idempotency-Key"]
        for r in Receiver.got
    )
    assert sorted(r["body"]["patient"] for r in Receiver.got) == sorted(
        f"patient_id-{i}" for i in range(1, 9)
    )
    import pyarrow.parquet as pq

    responses = pq.read_table(tmp_path / "responses").to_pylist()
    assert len(responses) == 8 and all(r["success"] and r["status_code"] == 201 for r in responses)

    # rows per spec node (the canvas's run overlay) equal what the source held and the sink got
    nodes = {n["node"]: n for n in st["nodes"]}
    assert nodes["staged_patients"]["rows_out"] == 8, st["nodes"]
    assert nodes["to_request"] == {"node": "to_request", "rows_in": 8, "rows_out": 8}, st["nodes"]
    assert nodes["registry_api"]["rows_in"] == len(Receiver.got) == 8, st["nodes"]

    # the job is listed, and a finished job cannot be cancelled
    listed = json.loads(dcp.ctl("list", "--format", "json").stdout)
    assert [j["job_id"] for j in listed["jobs"]] == [job_id]
    c = dcp.ctl("cancel", job_id)
    assert c.returncode == 1, c.stdout + c.stderr
    assert dcp.status(job_id)["status"] == "SUCCEEDED"


@pytest.mark.slow
@pytest.mark.flink
def test_cancel_running_streaming_template(dcp, tmp_path, kafka):
    src = T.TEMPLATES / "kafka-dedupe-window.uis.yaml"
    text = src.read_text()
    assert text.count("kafka_bootstrap_servers: localhost:9092") == 1
    copy = tmp_path / src.name
    copy.write_text(
        text.replace(
            "kafka_bootstrap_servers: localhost:9092", f"kafka_bootstrap_servers: {kafka.bootstrap}"
        )
    )
    kafka.create_topics("clicks", "click-metrics")

    p = dcp.ctl("submit", str(copy))
    assert p.returncode == 0, f"{p.stdout}\n{p.stderr}"
    job_id = p.stdout.split()[0]

    # running for real: the Flink job itself reports RUNNING (not only the process started)
    wait_for(
        "the Flink job to run",
        lambda: re.search(r"uis-runner: job [0-9a-f]{32} state RUNNING", dcp.logs(job_id)),
        timeout=180,
        detail=lambda: log_tail(dcp, job_id),
    )
    st = dcp.status(job_id)
    assert (st["status"], st["engine"], st["job_type"]) == ("RUNNING", "flink", "STREAMING"), st
    pids = job_processes(job_id)
    assert pids, "no process carries the job's UIS_JOB_ID"
    groups = {os.getpgid(pid) for pid in pids}
    assert len(groups) == 1, groups
    pgid = groups.pop()
    assert pgid != os.getpgrp() and pgid in pids, "the job does not lead its own process group"
    assert any(b"java" in Path(f"/proc/{pid}/cmdline").read_bytes() for pid in pids), (
        "no JVM in the group"
    )

    # the run overlay's counts reach the job record while it runs (the runner's `nodes` lines,
    # named after the spec's nodes through the compiled job dcp-local hands it)
    from confluent_kafka import Producer

    prod = Producer({"bootstrap.servers": kafka.bootstrap})
    sent = 3
    for i in range(sent):
        at = "2024-01-01 00:00:00.000"
        event = {"event_id": f"e{i}", "page": "p", "duration": 1.0, "event_time": at}
        prod.produce("clicks", value=json.dumps(event).encode())
    assert prod.flush(30) == 0

    def source_rows():
        nodes = {n["node"]: n for n in dcp.status(job_id).get("nodes", [])}
        return nodes.get("clicks", {}).get("rows_out")

    wait_for(
        "the source's rows in the job record",
        lambda: source_rows() == sent,
        timeout=60,
        detail=lambda: f"{dcp.status(job_id).get('nodes')}\n{log_tail(dcp, job_id)}",
    )

    c = dcp.ctl("cancel", job_id, "--wait", timeout=120)
    assert c.returncode == 0, f"{c.stdout}\n{c.stderr}"
    st = dcp.status(job_id)
    assert st["status"] == "CANCELLED" and st["finished_at"] and st["engine_state"] == "CANCELED", (
        st
    )

    wait_for("the job's process group to go", lambda: not group_alive(pgid), timeout=20)
    wait_for("every process of the job to go", lambda: not job_processes(job_id), timeout=20)

    log = dcp.logs(job_id)
    for line in (
        "dcp-local: cancel requested",
        "uis-runner: received signal SIGTERM",
        "uis-runner: cancelling jobs (signal)",
        "uis-runner: exit 0",
        "dcp-local: job CANCELLED",
    ):
        assert line in log, f"{line!r} not in the log:\n{log[-3000:]}"
    assert "Traceback" not in log, log[-3000:]
    assert "still running after the grace period: SIGKILL" not in log, (
        "the runner did not stop on SIGTERM"
    )
    # a terminal state does not change: cancelling again is refused
    assert dcp.ctl("cancel", job_id).returncode == 1
    assert dcp.status(job_id)["status"] == "CANCELLED"


SPARK_STREAM = """\
version: "1.1"
name: clicks-landing
created_by: e2e
provider:
  name: clickstream
  provider_type: kafka
  tenant_id: e2e
  mode: micro_batch
  schedule: {{ trigger_interval: 2 seconds }}
  config:
    kafka_bootstrap_servers: "{bootstrap}"
    spark.ui.enabled: "false"
    spark.sql.shuffle.partitions: "2"
  endpoints:
    - name: clicks
      topic: spark-clicks
      starting_offsets: earliest
      schema:
        - {{ name: event_id, type: string, nullable: false }}
        - {{ name: page, type: string }}
  sinks:
    - name: landing
      type: parquet
      config: {{ path: "{out}" }}
"""


@pytest.mark.slow
def test_cancel_running_spark_streaming_job(dcp, tmp_path, kafka):
    """The Spark path of dcp-local (spark-submit leads the group, the runner is the JVM's child):
    a micro-batch Kafka query is cancelled while it runs, ends CANCELLED, and leaves nothing."""
    from confluent_kafka import Producer

    kafka.create_topics("spark-clicks")
    prod = Producer({"bootstrap.servers": kafka.bootstrap})
    for i in range(5):
        prod.produce("spark-clicks", json.dumps({"event_id": f"e{i}", "page": "/p"}).encode())
    prod.flush(30)
    spec = tmp_path / "clicks-landing.uis.yaml"
    spec.write_text(
        SPARK_STREAM.format(bootstrap=kafka.bootstrap, out=(tmp_path / "landing").as_uri())
    )

    p = dcp.ctl("submit", str(spec))
    assert p.returncode == 0, f"{p.stdout}\n{p.stderr}"
    job_id = p.stdout.split()[0]
    # running for real: the query has processed a micro-batch with the records
    wait_for(
        "a micro-batch with the records",
        lambda: re.search(
            r"uis-runner: sink landing: batch \d+ read [1-9]\d* rows", dcp.logs(job_id)
        ),
        timeout=180,
        detail=lambda: log_tail(dcp, job_id),
    )
    st = dcp.status(job_id)
    assert (st["status"], st["engine"], st["job_type"]) == ("RUNNING", "spark", "STREAMING"), st
    pids = job_processes(job_id)
    groups = {os.getpgid(pid) for pid in pids}
    assert len(groups) == 1, groups
    pgid = groups.pop()
    assert pgid != os.getpgrp() and pgid in pids

    c = dcp.ctl("cancel", job_id, "--wait", timeout=120)
    assert c.returncode == 0, f"{c.stdout}\n{c.stderr}"
    assert dcp.status(job_id)["status"] == "CANCELLED"
    wait_for("the job's process group to go", lambda: not group_alive(pgid), timeout=20)
    wait_for("every process of the job to go", lambda: not job_processes(job_id), timeout=20)
    log = dcp.logs(job_id)
    # (spark-submit's JVM leads the group and exits 143 on the SIGTERM; the query's checkpoint
    # stays consistent, so the runner gets no chance to log its own exit line)
    assert "still running after the grace period: SIGKILL" not in log
    for line in (
        "dcp-local: cancel requested",
        "uis-runner: received signal SIGTERM",
        "dcp-local: job CANCELLED",
    ):
        assert line in log, f"{line!r} not in the log:\n{log[-3000:]}"
    import pyarrow.parquet as pq

    landed = pq.read_table(tmp_path / "landing").to_pylist()
    assert sorted(r["event_id"] for r in landed) == [f"e{i}" for i in range(5)]
