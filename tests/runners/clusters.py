# SPDX-License-Identifier: Apache-2.0
"""Real clusters and a dcp-local for test_cluster_targets.py: a Flink session cluster and a Spark
standalone cluster started independently of UIS Studio (from the PyFlink and PySpark wheels), the
dcp-local driven through the real `uisctl`, and the small waiting helpers the tests share."""

import contextlib
import glob
import json
import os
import queue
import re
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from datetime import datetime
from pathlib import Path

import templates as T
from conftest import REPO

POLL = 2  # dcp-local --poll-interval, seconds


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def site_packages() -> Path:
    found = glob.glob(str(REPO / ".venv" / "lib" / "python3*" / "site-packages"))
    if not found:
        raise RuntimeError(f"no .venv in {REPO}: the deps script sets it up")
    return Path(found[0])


def get_json(url: str, timeout: float = 5):
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return json.loads(r.read())


def stop_group(proc, grace: float = 15):
    """SIGTERM to the process group the daemon leads, SIGKILL after `grace` seconds."""
    if proc is None or proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(10)


class FlinkSession:
    """jobmanager.sh / taskmanager.sh start-foreground with a private FLINK_CONF_DIR."""

    def __init__(self, workdir: Path, extra_conf: str = ""):
        self.workdir = Path(workdir)
        self.extra_conf = extra_conf  # more top-level lines of config.yaml
        self.home = site_packages() / "pyflink"
        self.rest_port = free_port()
        self.rpc_port = free_port()
        self.conf_dir = self.workdir / "conf"
        self.log_dir = self.workdir / "log"
        self.jm = None
        self.tms = []

    @property
    def rest_url(self) -> str:
        return f"http://127.0.0.1:{self.rest_port}"

    def _write_conf(self):
        self.conf_dir.mkdir(parents=True, exist_ok=True)
        self.log_dir.mkdir(parents=True, exist_ok=True)
        src = (self.home / "conf" / "config.yaml").read_text()
        # keep the JVM options of the shipped file (Java 17 needs its --add-opens), replace the rest
        opts = src.split("jobmanager:", 1)[0]
        opts += f"""
jobmanager:
  bind-host: 127.0.0.1
  rpc: {{address: 127.0.0.1, port: {self.rpc_port}}}
  memory: {{process: {{size: 768m}}}}
  execution: {{failover-strategy: region}}
taskmanager:
  bind-host: 127.0.0.1
  host: 127.0.0.1
  numberOfTaskSlots: 2
  memory: {{process: {{size: 1024m}}}}
parallelism: {{default: 1}}
rest:
  port: {self.rest_port}
  address: 127.0.0.1
  bind-address: 127.0.0.1
blob: {{server: {{port: "0"}}}}
restart-strategy:
  type: fixed-delay
  fixed-delay: {{attempts: 1000, delay: 2 s}}
heartbeat: {{interval: 2000, timeout: 8000}}
web: {{tmpdir: {self.workdir / "web"}}}
io: {{tmp: {{dirs: {self.workdir / "tmp"}}}}}
{self.extra_conf}"""
        (self.conf_dir / "config.yaml").write_text(opts)
        for f in ("log4j-console.properties", "log4j.properties", "logback-console.xml"):
            (self.conf_dir / f).write_text((self.home / "conf" / f).read_text())

    def _env(self):
        env = dict(os.environ)
        env.update(
            FLINK_CONF_DIR=str(self.conf_dir),
            FLINK_LOG_DIR=str(self.log_dir),
            FLINK_HOME=str(self.home),
        )
        env.pop("FLINK_ENV_JAVA_OPTS", None)
        return env

    def _daemon(self, script, name):
        out = open(self.log_dir / f"{name}.out", "ab")
        return subprocess.Popen(
            ["bash", str(self.home / "bin" / script), "start-foreground"],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=self._env(),
            cwd=self.workdir,
            start_new_session=True,
        )

    def start(self, timeout: float = 120) -> "FlinkSession":
        self._write_conf()
        self.jm = self._daemon("jobmanager.sh", "jobmanager")
        self.start_taskmanager()
        self.wait_for_slots(2, timeout)
        return self

    def start_taskmanager(self):
        self.tms.append(self._daemon("taskmanager.sh", f"taskmanager-{len(self.tms)}"))
        return self.tms[-1]

    def overview(self):
        return get_json(self.rest_url + "/overview")

    def wait_for_slots(self, n: int, timeout: float = 120):
        deadline = time.monotonic() + timeout
        while True:
            try:
                if self.overview().get("slots-available", 0) >= n:
                    return
            except OSError:
                pass
            if self.jm.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(
                    f"the Flink session cluster did not come up with {n} free slots:\n"
                    + self.log_tail()
                )
            time.sleep(0.5)

    def log_tail(self, n=4000) -> str:
        out = []
        for f in sorted(self.log_dir.glob("*.out")) + sorted(self.log_dir.glob("*.log")):
            out.append(f"--- {f.name}\n" + f.read_text(errors="replace")[-n:])
        return "\n".join(out)

    def jobs(self) -> list:
        return get_json(self.rest_url + "/jobs/overview")["jobs"]

    def kill_taskmanager(self, i: int = 0):
        tm = self.tms[i]
        try:
            os.killpg(tm.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        tm.wait(10)

    def stop(self):
        for tm in self.tms:
            stop_group(tm)
        stop_group(self.jm)


class SparkStandalone:
    """spark-class Master and Worker (1 core, 1 GiB) on 127.0.0.1."""

    def __init__(self, workdir: Path):
        self.workdir = Path(workdir)
        self.home = site_packages() / "pyspark"
        self.port = free_port()
        self.ui_port = free_port()
        self.worker_port = free_port()
        self.worker_ui_port = free_port()
        self.master = None
        self.worker = None

    @property
    def master_url(self) -> str:
        return f"spark://127.0.0.1:{self.port}"

    @property
    def ui_url(self) -> str:
        return f"http://127.0.0.1:{self.ui_port}"

    def _env(self):
        env = dict(os.environ)
        env.update(
            SPARK_LOCAL_IP="127.0.0.1",
            SPARK_HOME=str(self.home),
            SPARK_LOG_DIR=str(self.workdir / "log"),
            SPARK_WORKER_DIR=str(self.workdir / "work"),
            SPARK_NO_DAEMONIZE="1",
            SPARK_DAEMON_MEMORY="384m",
            PYSPARK_PYTHON=str(REPO / ".venv" / "bin" / "python"),
        )
        return env

    def _spawn(self, name, *args):
        (self.workdir / "log").mkdir(parents=True, exist_ok=True)
        out = open(self.workdir / "log" / f"{name}.out", "ab")
        return subprocess.Popen(
            [str(self.home / "bin" / "spark-class"), *args],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=self._env(),
            cwd=self.workdir,
            start_new_session=True,
        )

    def state(self):
        return get_json(self.ui_url + "/json/")

    def start(self, timeout: float = 90) -> "SparkStandalone":
        self.master = self._spawn(
            "master",
            "org.apache.spark.deploy.master.Master",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--webui-port",
            str(self.ui_port),
        )
        self.worker = self._spawn(
            "worker",
            "org.apache.spark.deploy.worker.Worker",
            self.master_url,
            "--host",
            "127.0.0.1",
            "--port",
            str(self.worker_port),
            "--webui-port",
            str(self.worker_ui_port),
            "--cores",
            "1",
            "--memory",
            "1g",
            "--work-dir",
            str(self.workdir / "work"),
        )
        deadline = time.monotonic() + timeout
        while True:
            try:
                if self.state().get("aliveworkers", 0) >= 1:
                    return self
            except OSError:
                pass
            if self.master.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(
                    "the Spark standalone cluster did not come up:\n" + self.log_tail()
                )
            time.sleep(0.5)

    def log_tail(self, n=4000) -> str:
        return "\n".join(
            f"--- {f.name}\n" + f.read_text(errors="replace")[-n:]
            for f in sorted((self.workdir / "log").glob("*.out"))
        )

    def stop(self):
        stop_group(self.worker)
        stop_group(self.master)


# ------------------------------------------------------------------ dcp-local with targets


# A batch spec on csv files (header, three typed columns, a filter) landing Parquet in `out`; the
# cluster tests submit it to their Spark targets, `resources` being provider.config lines.
CSV_LANDING_SPEC = """\
version: "1.1"
name: {name}
created_by: e2e
provider:
  name: shop_files
  provider_type: file_ftp
  base_url: "{base}"
  tenant_id: e2e
  mode: batch
  config:
    spark.ui.enabled: "false"
    spark.sql.shuffle.partitions: "2"
{resources}  endpoints:
    - name: sales_csv
      path: daily/*.csv
      format: csv
      options: {{header: "true"}}
      schema:
        - {{ name: shop_id, type: int, nullable: false }}
        - {{ name: sku, type: string, nullable: false }}
        - {{ name: quantity, type: int }}
  transforms:
    - name: positive_quantity
      type: filter
      condition: quantity > 0
  sinks:
    - name: landing
      type: parquet
      config: {{ path: "{out}" }}
"""


def csv_landing_spec(folder: Path, name: str, rows: str, resources: str = "") -> tuple:
    """Writes `rows` (csv lines after the header) to FOLDER/NAME/data/daily and the spec to
    FOLDER/NAME.uis.yaml; returns (spec, the output folder)."""
    data = folder / name / "data" / "daily"
    data.mkdir(parents=True)
    (data / "part-0001.csv").write_text("shop_id,sku,quantity\n" + rows)
    out = folder / name / "out"
    spec = folder / f"{name}.uis.yaml"
    spec.write_text(
        CSV_LANDING_SPEC.format(
            name=name, base=(folder / name / "data").as_uri(), out=out.as_uri(), resources=resources
        )
    )
    return spec, out


@contextlib.contextmanager
def started(*clusters, timeout: float = 240):
    """Starts the clusters side by side (each JVM start takes tens of seconds) and stops them
    all at the end, whatever happened; the first start that failed is raised."""
    errors = []

    def start(c):
        try:
            c.start()
        except Exception as e:  # reported below, after every cluster had its chance
            errors.append(e)

    threads = [threading.Thread(target=start, args=(c,)) for c in clusters]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout)
        if errors:
            raise errors[0]
        yield clusters
    finally:
        for c in reversed(clusters):
            c.stop()


def launch_dcp(args: list, env: dict, output: list):
    """Starts dcp-local on 127.0.0.1:0 with the checkout's runners and `args`; its output goes
    into `output` as it comes. Returns (process, url) once it listens; raises with the output
    if it ends or stays silent for 30 s."""
    lines = queue.Queue()
    proc = subprocess.Popen(
        [
            str(T.tool("dcp-local")),
            "--listen",
            "127.0.0.1:0",
            "--runners-dir",
            str(REPO / "runners"),
            *args,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )

    def pump():
        for line in proc.stdout:
            output.append(line)
            lines.put(line)

    threading.Thread(target=pump, daemon=True).start()
    deadline = time.monotonic() + 30
    while True:
        try:
            line = lines.get(timeout=0.5)
        except queue.Empty:
            line = ""
        m = re.search(r"listening on (http://127\.0\.0\.1:\d+)", line)
        if m:
            return proc, m.group(1)
        if proc.poll() is not None or time.monotonic() > deadline:
            stop_dcp(proc)
            raise AssertionError("dcp-local did not start:\n" + "".join(output))


def stop_dcp(proc):
    """SIGTERM, as a user's Ctrl-C; SIGKILL if it has not ended within 30 s."""
    if proc and proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


class Dcp:
    """dcp-local with --targets on 127.0.0.1:0; restart() keeps its data directory."""

    def __init__(self, data_dir: Path, targets_file: Path, extra_args=()):
        self.data_dir = data_dir
        self.targets_file = targets_file
        self.extra_args = list(extra_args)
        self.proc = None
        self.output = []
        self.url = None
        self.start()

    def env(self, **extra):
        env = dict(os.environ)
        env["XDG_CONFIG_HOME"] = str(self.data_dir / "xdg-config")
        env["XDG_DATA_HOME"] = str(self.data_dir / "xdg-data")
        env["UIS_CHECKPOINT_DIR"] = str(self.data_dir / "checkpoints")
        # the Spark driver runs under dcp-local: it binds to loopback like the cluster
        env["SPARK_LOCAL_IP"] = "127.0.0.1"
        env.update({k: str(v) for k, v in extra.items()})
        return env

    def start(self):
        self.proc, self.url = launch_dcp(
            [
                "--data-dir",
                str(self.data_dir),
                "--targets",
                str(self.targets_file),
                "--poll-interval",
                str(POLL),
                "--kill-grace",
                "10",
                *self.extra_args,
            ],
            self.env(),
            self.output,
        )
        self.token = (self.data_dir / "token").read_text().strip()

    def stop(self):
        stop_dcp(self.proc)

    def restart(self):
        self.stop()
        assert self.proc.returncode == 0, "".join(self.output[-30:])
        self.start()

    def ctl(self, *args, timeout=120):
        return subprocess.run(
            [str(T.tool("uisctl")), *args, "--url", self.url],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=self.env(DCP_TOKEN=self.token),
        )

    def api(self, method, path, body=None):
        req = urllib.request.Request(
            self.url + path,
            method=method,
            data=json.dumps(body).encode() if body is not None else None,
            headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(req, timeout=15) as r:
                return r.status, json.loads(r.read() or b"{}")
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read() or b"{}")

    def status(self, job_id) -> dict:
        code, body = self.api("GET", f"/api/v1/jobs/{job_id}")
        assert code == 200, body
        return body

    def logs(self, job_id) -> str:
        p = self.ctl("logs", job_id)
        assert p.returncode == 0, p.stderr
        return p.stdout

    def submit(self, spec: Path, target: str, *extra) -> str:
        p = self.ctl("submit", str(spec), "--target", target, *extra, timeout=300)
        assert p.returncode == 0, f"exit {p.returncode}\n{p.stdout}\n{p.stderr}"
        return p.stdout.split()[0]


def wait_for(what, predicate, timeout, interval=0.5, detail=None):
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


def engine_running(dcp, job_id, what, timeout):
    """Waits until dcp-local says RUNNING in the engine's own word, with the engine's job id
    known; returns the job's status."""

    def running():
        s = dcp.status(job_id)
        return s if s["status"] == s["engine_state"] == "RUNNING" and s["engine_job_id"] else None

    return wait_for(
        what, running, timeout, detail=lambda: f"{dcp.status(job_id)}\n{brief(dcp.logs(job_id))}"
    )


def brief(log: str, n=5000) -> str:
    return "\n".join(
        line for line in log.splitlines() if not line.startswith("\tat ") and " INFO " not in line
    )[-n:]


def parse_time(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")) if text else None
