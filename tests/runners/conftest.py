# SPDX-License-Identifier: Apache-2.0
"""Fixtures for the runner tests: real engines, local servers, no mocks."""

import json
import os
import subprocess
import sys
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SPARK_RUNNER = REPO / "runners" / "spark" / "uis_spark_runner.py"
FLINK_RUNNER = REPO / "runners" / "flink" / "uis_flink_runner.py"
JOBS = HERE / "jobs"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "runners"))  # the uis_runners package

from uis_runners.jvm_archive import spark_submit_env  # noqa: E402

# Every Spark driver of the tests (pyspark here, spark-submit in runners) maps the class-data
# archive `make deps` made, as the programs' drivers do (EnginePaths::addRunnerEnvironment).
spark_submit_env(os.environ)


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: starts Kafka and both engines (select with -m slow)")
    config.addinivalue_line("markers", "spark: runs the Spark runner")
    config.addinivalue_line("markers", "flink: runs the Flink runner")


def runner_env(**extra):
    env = dict(os.environ)
    env.setdefault("PYSPARK_PYTHON", sys.executable)
    for k, v in extra.items():
        if v is None:
            env.pop(k, None)  # None: make sure the runner does not see the variable
        else:
            env[k] = str(v)
    return env


def run_spark(job, tmp_path, *args, env=None, timeout=300, name="job.json"):
    """Runs the Spark runner on `job` (a dict, or the name of a file in jobs/)."""
    if isinstance(job, dict):
        cfg = tmp_path / name
        cfg.write_text(json.dumps(job, indent=2))
    else:
        cfg = JOBS / job
    cmd = [
        sys.executable,
        str(SPARK_RUNNER),
        "--job-config",
        str(cfg),
        "--master",
        "local[2]",
        "--checkpoint-dir",
        str(tmp_path / "checkpoints"),
        *args,
    ]
    return subprocess.run(
        cmd, capture_output=True, text=True, timeout=timeout, env=runner_env(**(env or {}))
    )


def run_spark_submit(job_file, tmp_path, *args, env=None, timeout=300):
    """Runs the Spark runner through spark-submit (runners/spark/submit-local.sh)."""
    cmd = [
        str(REPO / "runners" / "spark" / "submit-local.sh"),
        "--job-config",
        str(JOBS / job_file),
        "--checkpoint-dir",
        str(tmp_path / "checkpoints"),
        *args,
    ]
    return subprocess.run(
        cmd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=runner_env(UIS_SPARK_MASTER="local[2]", **(env or {})),
    )


def run_flink(sql_file, *args, env=None, timeout=300):
    cmd = [sys.executable, str(FLINK_RUNNER), "--sql", str(sql_file), *args]
    return subprocess.run(
        cmd, capture_output=True, text=True, timeout=timeout, env=runner_env(**(env or {}))
    )


def explain(proc) -> str:
    return (
        f"exit {proc.returncode}\n--- stdout\n{proc.stdout[-6000:]}\n"
        f"--- stderr\n{proc.stderr[-6000:]}"
    )


class Server:
    def __init__(self, handler_cls):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler_cls)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def http_server():
    """Factory: http_server(HandlerClass) -> a started Server on 127.0.0.1 at a random port."""
    started = []

    def make(handler_cls):
        s = Server(handler_cls).__enter__()
        started.append(s)
        return s

    yield make
    for s in started:
        s.__exit__()


@pytest.fixture(scope="session")
def kafka(tmp_path_factory):
    """A Kafka broker on loopback: under ctest the one all engine tests share (UIS_SHARED_KAFKA,
    tests/e2e/CMakeLists.txt), else one of this session's own. Tests make their own topics."""
    from kafka_broker import KafkaBroker

    shared = os.environ.get("UIS_SHARED_KAFKA")
    broker = KafkaBroker.attach(shared) if shared else None
    if broker is None:
        broker = KafkaBroker(tmp_path_factory.mktemp("kafka")).start()
    yield broker
    broker.stop()


@pytest.fixture(scope="session")
def warm_pair(tmp_path_factory):
    """The warm engine pair (session_servers.WarmPair), both servers warm: under ctest the one
    the engine tests share (UIS_SHARED_SESSIONS; the ctest fixture stops it and checks no server
    is left), else one of this session's own, stopped at the end with no server left."""
    from session_servers import WarmPair

    shared = os.environ.get("UIS_SHARED_SESSIONS")
    if shared:
        pair = WarmPair(shared)
        pair.status()
        yield pair
        return
    pair = WarmPair(tmp_path_factory.mktemp("warm-pair"))
    try:
        pair.start()
        yield pair
    finally:
        pair.stop()


@pytest.fixture(scope="session")
def postgres(tmp_path_factory):
    """PostgreSQL with wal_level=logical on loopback (password in .password)."""
    from postgres_server import PostgresServer, pg_bin

    if pg_bin() is None:
        pytest.fail(
            "PostgreSQL is not installed: the deps script must install the postgresql package"
        )
    srv = PostgresServer(tmp_path_factory.mktemp("pg"), "pg-test-pw-5521").start()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def warehouse(tmp_path_factory):
    return tmp_path_factory.mktemp("warehouse")


@pytest.fixture(scope="session")
def spark(warehouse):
    """An in-process SparkSession to read back what the runners wrote (Iceberg catalog
    `uis_test` = Hadoop catalog in the session's warehouse directory)."""
    from pyspark.sql import SparkSession

    jars = sorted(str(p) for p in (REPO / ".cache" / "jars" / "spark").glob("iceberg-*.jar"))
    s = (
        SparkSession.builder.master("local[1]")
        .appName("uis-runner-tests")
        .config("spark.jars", ",".join(jars))
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config(
            "spark.sql.extensions",
            "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions",
        )
        .config("spark.sql.catalog.uis_test", "org.apache.iceberg.spark.SparkCatalog")
        .config("spark.sql.catalog.uis_test.type", "hadoop")
        .config("spark.sql.catalog.uis_test.warehouse", str(warehouse))
        .getOrCreate()
    )
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()
