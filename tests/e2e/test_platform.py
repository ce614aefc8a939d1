# SPDX-License-Identifier: Apache-2.0
"""`uisctl platform start|status|stop` with the real engines on loopback (ctest label `engine`):
a fresh directory gets a Flink session cluster (1 TaskManager, 2 slots), a Spark master with one
ALIVE worker, a Kafka broker and an S3 store, and a dcp-local serving them as the targets
`platform-flink` and `platform-spark`; Kafka and S3 round trips go through them; a second start
reuses the same processes; a port held by someone else is refused by name; stop leaves no process
behind, dcp-local included. In the `local` environment (jobs run by the platform's dcp-local) the
bundled example reads the sample data the first start put into the store and writes Parquet there,
and rest-to-parquet-iceberg runs unchanged but for its base_url: its Parquet and Iceberg files land
in the store, listed with boto3. The same example on the Flink engine writes its Parquet to the
store too (flink-s3-fs-hadoop), on the runner's mini-cluster and on the session cluster, and into
an Iceberg table through the platform's REST catalog (or, without it, a Hadoop catalog in the
store), read back from the table's snapshot. The platform's session servers (spark-connect,
flink-sql-gateway) answer their probes, are named by its targets, and `uisctl preview --session
auto` uses them instead of starting a private pair, as `--target` does through dcp-local. Needs
`make deps` (.venv with pyspark, apache-flink, confluent-kafka, boto3; .cache with the Kafka jars,
the Flink S3 plugin and versitygw) and UIS_BIN_DIR (set by ctest) for uisctl."""

import csv
import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from http.server import ThreadingHTTPServer
from pathlib import Path
from threading import Thread

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "runners"))
import templates as T  # noqa: E402  (the shipped templates' data and API fixtures)

SAMPLES = REPO / "resources" / "samples"
EXAMPLE = REPO / "resources" / "templates" / "sample-trades-to-parquet.uis.yaml"
UISCTL = Path(os.environ.get("UIS_BIN_DIR", REPO / "build" / "bin")) / "uisctl"
SERVICES = [
    "s3",
    "kafka",
    "flink-jobmanager",
    "flink-taskmanager",
    "spark-master",
    "spark-worker",
    "iceberg-rest",
    "spark-connect",
    "flink-sql-gateway",
]
TIMINGS = {}


def uisctl(*args, timeout=400):
    env = dict(os.environ, UIS_VENV=str(REPO / ".venv"))
    return subprocess.run(
        [str(UISCTL), "platform", *args], capture_output=True, text=True, timeout=timeout, env=env
    )


def status(directory):
    r = uisctl("status", "--dir", str(directory), "--format", "json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def alive(pid):
    """Exists and is not a zombie waiting for init to reap it."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False


def dcp_record(directory):
    """dcp-local as platform.json records it (the service `stop` ends with the engines)."""
    state = json.loads((Path(directory) / "platform.json").read_text())
    return next(s for s in state["services"] if s["name"] == "dcp-local")


def dcp_targets(st):
    """`uisctl targets --format json` against the platform's dcp-local, as CI would reach it."""
    token = Path(st["dcp"]["token_file"]).read_text().strip()
    env = dict(os.environ, DCP_URL=st["dcp"]["url"], DCP_TOKEN=token)
    r = subprocess.run(
        [str(UISCTL), "targets", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    return r.returncode, json.loads(r.stdout) if r.stdout.strip() else {}, r.stderr


def session_urls(st):
    """The platform's Spark Connect and SQL Gateway URLs, from `status --format json`."""
    urls = {s["name"]: s["url"] for s in st["services"]}
    return urls["spark-connect"], urls["flink-sql-gateway"]


def get_json(url):
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.load(r)


@pytest.fixture(scope="module")
def platform(tmp_path_factory):
    if not UISCTL.exists():
        pytest.fail(f"{UISCTL} not built")
    directory = tmp_path_factory.mktemp("platform")
    t0 = time.monotonic()
    r = uisctl("start", "--dir", str(directory))
    TIMINGS["start (fresh dir)"] = time.monotonic() - t0
    try:
        assert r.returncode == 0, f"start failed ({r.returncode}):\n{r.stdout}\n{r.stderr}"
        yield directory, r
    finally:
        pids = []
        state = directory / "platform.json"
        if state.exists():
            pids = [
                (s["pid"], s["pgid"]) for s in json.loads(state.read_text())["services"] if s["pid"]
            ]
        stop = uisctl("stop", "--dir", str(directory), timeout=120)
        # Last resort, so that a failed test never leaves JVMs on a shared machine: the groups
        # the platform recorded, and only those.
        for pid, pgid in pids:
            if alive(pid):
                try:
                    os.killpg(pgid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        print("\nplatform timings: " + ", ".join(f"{k} {v:.1f} s" for k, v in TIMINGS.items()))
        assert stop.returncode == 0, stop.stderr


def test_every_service_runs_and_answers(platform):
    directory, start = platform
    st = status(directory)
    assert [s["name"] for s in st["services"]] == SERVICES
    prefixes = ("http://127.0.0.1:", "spark://127.0.0.1:", "127.0.0.1:", "sc://127.0.0.1:")
    for s in st["services"]:
        assert s["state"] == "running", s
        assert s["healthy"] is True and s["health"] is None, s  # its probe passes now
        assert s["url"].startswith(prefixes), s
    # start printed every service's address and the files clients read.
    for name in SERVICES:
        assert name in start.stdout
    targets = Path(st["targets_file"]).read_text()
    flink = st["services"][2]["url"]
    master = st["services"][4]
    connect, gateway = session_urls(st)
    assert connect.startswith("sc://127.0.0.1:") and gateway.startswith("http://127.0.0.1:")
    assert (
        f"{{name: platform-flink, kind: flink-session, rest_url: {flink}, sql_gateway: {gateway}}}"
    ) in targets
    assert (
        f"{{name: platform-spark, kind: spark-standalone, master: {master['url']}, "
        f"master_ui: {master['ui']}, spark_connect: {connect}}}"
    ) in targets
    assert get_json(gateway + "/v1/info")["version"].startswith("1.20"), gateway
    assert st["s3"]["access_key"] and st["s3"]["secret_key"]
    assert "dcp" in st and set(st["dcp"]) == {"url", "token_file"}
    env = Path(st["env_file"]).read_text()
    assert f"UIS_KAFKA_BOOTSTRAP={st['kafka']['bootstrap']}" in env

    overview = get_json(flink + "/overview")
    assert overview["taskmanagers"] == 1, overview
    assert overview["slots-total"] == 2, overview

    master_json = get_json(master["ui"] + "/json/")
    assert master_json["status"] == "ALIVE"
    workers = [w for w in master_json["workers"] if w["state"] == "ALIVE"]
    assert len(workers) == 1, master_json
    assert workers[0]["cores"] == 2


def test_dcp_local_serves_the_platform_targets(platform):
    directory, start = platform
    st = status(directory)
    assert st["dcp"]["url"].startswith("http://127.0.0.1:"), st["dcp"]
    assert Path(st["dcp"]["token_file"]).is_file()
    assert "dcp-local" in start.stdout
    record = dcp_record(directory)
    assert alive(record["pid"]) and record["url"] == st["dcp"]["url"]
    # Started with the targets file and the platform's settings in its environment.
    with open(f"/proc/{record['pid']}/cmdline", "rb") as f:
        cmdline = f.read().split(b"\0")
    assert str(st["targets_file"]).encode() in cmdline
    with open(f"/proc/{record['pid']}/environ", "rb") as f:
        environ = f.read().split(b"\0")
    assert f"UIS_KAFKA_BOOTSTRAP={st['kafka']['bootstrap']}".encode() in environ
    # Both engines are targets, reachable, with their own figures (checked on the server's clock).
    deadline = time.monotonic() + 60
    while True:
        code, answer, err = dcp_targets(st)
        targets = {t["name"]: t for t in answer.get("targets", [])}
        if code == 0 and all(
            targets.get(n, {}).get("reachable") for n in ("platform-flink", "platform-spark")
        ):
            break
        assert time.monotonic() < deadline, (code, answer, err)
        time.sleep(1)
    assert set(targets) == {"local", "platform-flink", "platform-spark"}
    assert targets["platform-flink"]["kind"] == "flink-session"
    assert targets["platform-flink"]["overview"]["taskmanagers"] == 1
    assert targets["platform-spark"]["kind"] == "spark-standalone"
    assert targets["platform-spark"]["overview"]["alive_workers"] == 1
    # The targets name the platform's session servers; `uisctl targets` prints them.
    connect, gateway = session_urls(st)
    assert targets["platform-spark"]["spark_connect"] == connect
    assert targets["platform-flink"]["sql_gateway"] == gateway
    assert targets["local"]["spark_connect"] is None


def test_kafka_round_trip(platform):
    from confluent_kafka import Consumer, Producer
    from confluent_kafka.admin import AdminClient, NewTopic

    t0 = time.monotonic()
    bootstrap = status(platform[0])["kafka"]["bootstrap"]
    topic = "platform-" + uuid.uuid4().hex[:8]
    admin = AdminClient({"bootstrap.servers": bootstrap})
    for f in admin.create_topics(
        [NewTopic(topic, num_partitions=1, replication_factor=1)]
    ).values():
        f.result(30)
    producer = Producer({"bootstrap.servers": bootstrap})
    for i in range(3):
        producer.produce(topic, key=str(i), value=f"hello {i}")
    assert producer.flush(30) == 0
    consumer = Consumer(
        {
            "bootstrap.servers": bootstrap,
            "group.id": "platform-test",
            "auto.offset.reset": "earliest",
        }
    )
    consumer.subscribe([topic])
    got = []
    deadline = time.time() + 60
    while len(got) < 3 and time.time() < deadline:
        m = consumer.poll(1.0)
        if m is not None and not m.error():
            got.append(m.value().decode())
    consumer.close()
    assert got == ["hello 0", "hello 1", "hello 2"]
    TIMINGS["kafka round trip"] = time.monotonic() - t0


def test_s3_round_trip(platform):
    import boto3

    t0 = time.monotonic()
    s3cfg = status(platform[0])["s3"]
    s3 = boto3.client(
        "s3",
        endpoint_url=s3cfg["endpoint"],
        aws_access_key_id=s3cfg["access_key"],
        aws_secret_access_key=s3cfg["secret_key"],
        region_name="us-east-1",
    )
    s3.create_bucket(Bucket="landing")
    s3.put_object(Bucket="landing", Key="in/orders.json", Body=b'{"id": 1}\n')
    keys = [o["Key"] for o in s3.list_objects_v2(Bucket="landing", Prefix="in/")["Contents"]]
    assert keys == ["in/orders.json"]
    assert s3.get_object(Bucket="landing", Key="in/orders.json")["Body"].read() == b'{"id": 1}\n'
    assert "landing" in [b["Name"] for b in s3.list_buckets()["Buckets"]]
    # The wrong secret is refused: the store checks signatures.
    bad = boto3.client(
        "s3",
        endpoint_url=s3cfg["endpoint"],
        aws_access_key_id=s3cfg["access_key"],
        aws_secret_access_key="wrong" + s3cfg["secret_key"],
        region_name="us-east-1",
    )
    from botocore.exceptions import ClientError

    with pytest.raises(ClientError):
        bad.list_buckets()
    TIMINGS["s3 round trip"] = time.monotonic() - t0


def s3_client(directory):
    import boto3

    s3cfg = status(directory)["s3"]
    return boto3.client(
        "s3",
        endpoint_url=s3cfg["endpoint"],
        aws_access_key_id=s3cfg["access_key"],
        aws_secret_access_key=s3cfg["secret_key"],
        region_name="us-east-1",
    )


def keys(s3, bucket, prefix=""):
    pages = s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix)
    return sorted(o["Key"] for page in pages for o in page.get("Contents", []))


def run_locally(directory, spec, *extra, env=None):
    """What Run Locally does: submit to the `local` environment, the platform's dcp-local."""
    st = status(directory)
    token = Path(st["dcp"]["token_file"]).read_text().strip()
    r = subprocess.run(
        [str(UISCTL), "submit", str(spec), "--env", "local", *extra],
        capture_output=True,
        text=True,
        timeout=600,
        env=dict(os.environ, DCP_URL=st["dcp"]["url"], DCP_TOKEN=token, **(env or {})),
    )
    return r, r.stdout.split()[0] if r.stdout.strip() else None


def job_log(directory, job_id):
    st = status(directory)
    token = Path(st["dcp"]["token_file"]).read_text().strip()
    r = subprocess.run(
        [str(UISCTL), "logs", job_id, "--env", "local"],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ, DCP_URL=st["dcp"]["url"], DCP_TOKEN=token),
    )
    return r.stdout


def test_first_start_put_the_samples_into_the_store(platform):
    s3 = s3_client(platform[0])
    bundled = sorted(p.relative_to(SAMPLES).as_posix() for p in SAMPLES.rglob("*") if p.is_file())
    assert bundled and keys(s3, "uis-samples") == bundled
    for k in bundled:
        body = s3.get_object(Bucket="uis-samples", Key=k)["Body"].read()
        assert body == (SAMPLES / k).read_bytes()


def test_run_locally_the_bundled_example(platform, tmp_path):
    import pyarrow.parquet as pq

    directory = platform[0]
    make = (REPO / "Makefile").read_text()
    assert f"EXAMPLE ?= {EXAMPLE.relative_to(REPO)}" in make  # what `make run` opens
    t0 = time.monotonic()
    r, job = run_locally(directory, EXAMPLE, "--wait")
    TIMINGS["run locally: bundled example"] = time.monotonic() - t0
    log = job_log(directory, job) if job else ""
    assert r.returncode == 0, f"{r.stdout}\n{r.stderr}\n{log[-6000:]}"
    assert "local platform: s3a:// paths use the local store" in log
    assert "local platform: created bucket sample-output" in log

    s3 = s3_client(directory)
    written = [k for k in keys(s3, "sample-output", "trades/") if k.endswith(".parquet")]
    assert written and all("/exchange=" in k for k in written), written
    ids = []
    for i, k in enumerate(written):
        local = tmp_path / f"{i}.parquet"
        s3.download_file("sample-output", k, str(local))
        ids += pq.read_table(local).column("trade_id").to_pylist()
    rows = []
    for p in SAMPLES.rglob("*.csv"):
        rows += list(csv.DictReader(io.StringIO(p.read_text())))
    expected = sorted(int(row["trade_id"]) for row in rows if int(row["quantity"]) > 0)
    assert 0 < len(expected) < len(rows)
    assert expected == expected_trade_ids()
    assert sorted(ids) == expected


def test_bundled_example_on_the_platform_spark_cluster(platform):
    """The same job on the standalone master: the executors find S3A on their class path."""
    directory = platform[0]
    s3 = s3_client(directory)
    before = set(keys(s3, "sample-output", "trades/"))
    t0 = time.monotonic()
    r, job = run_locally(directory, EXAMPLE, "--target", "platform-spark", "--wait")
    TIMINGS["bundled example on platform-spark"] = time.monotonic() - t0
    log = job_log(directory, job) if job else ""
    assert r.returncode == 0, f"{r.stdout}\n{r.stderr}\n{log[-6000:]}"
    assert "master spark://127.0.0.1:" in log, log[-3000:]
    added = [
        k for k in set(keys(s3, "sample-output", "trades/")) - before if k.endswith(".parquet")
    ]
    assert added, "no new Parquet objects"


def flink_spec(tmp_path, bucket):
    """The bundled example on the Flink engine, writing to its own bucket."""
    text = EXAMPLE.read_text()
    assert "  mode: batch\n" in text and "bucket: sample-output" in text
    text = text.replace("  mode: batch\n", "  mode: batch\n  engine: flink\n")
    spec = tmp_path / f"{bucket}.uis.yaml"
    spec.write_text(text.replace("bucket: sample-output", f"bucket: {bucket}"))
    return spec


def expected_trade_ids():
    rows = []
    for p in SAMPLES.rglob("*.csv"):
        rows += list(csv.DictReader(io.StringIO(p.read_text())))
    return sorted(int(row["trade_id"]) for row in rows if int(row["quantity"]) > 0)


@pytest.mark.parametrize("target", ["local", "platform-flink"])
def test_flink_writes_parquet_to_the_store(platform, tmp_path, target):
    """Flink reads the samples from the store and writes Parquet there through the
    flink-s3-fs-hadoop plugin: on the runner's mini-cluster (`local`) and on the platform's
    session cluster. The objects are listed and read back with boto3."""
    import pyarrow.parquet as pq

    directory = platform[0]
    bucket = f"flink-{target}"
    t0 = time.monotonic()
    r, job = run_locally(directory, flink_spec(tmp_path, bucket), "--target", target, "--wait")
    TIMINGS[f"flink example on {target}"] = time.monotonic() - t0
    log = job_log(directory, job) if job else ""
    assert r.returncode == 0, f"{r.stdout}\n{r.stderr}\n{log[-6000:]}"
    assert "local platform: s3:// and s3a:// paths use the local store" in log
    assert f"local platform: created bucket {bucket}" in log
    s3 = s3_client(directory)
    written = [k for k in keys(s3, bucket, "trades/") if "/part-" in k]
    assert written and all("/exchange=" in k for k in written), written
    ids = []
    for i, k in enumerate(written):
        local = tmp_path / f"{i}.parquet"
        s3.download_file(bucket, k, str(local))
        ids += pq.read_table(local).column("trade_id").to_pylist()
    assert sorted(ids) == expected_trade_ids()


def flink_iceberg_spec(tmp_path, table):
    """The bundled example on Flink, into an Iceberg table of a `hive` catalog (as specs for a
    real metastore name it), which the `local` environment turns into the platform's."""
    text = flink_spec(tmp_path, "unused").read_text()
    sink = text[text.index("    - name: trades_parquet") :]
    text = text.replace(
        sink,
        "    - name: trades_iceberg\n      type: iceberg\n"
        f"      table_name: flink_trades.{table}\n"
        "      config:\n        catalog: lake\n        catalog_type: hive\n",
    )
    spec = tmp_path / f"{table}.uis.yaml"
    spec.write_text(text)
    return spec


def iceberg_column(s3, metadata, column, tmp_path):
    """`column` of every row of the table's current snapshot, read as an Iceberg reader does:
    the snapshot the REST catalog names, its manifest list, its manifests, their live data
    files (fastavro and pyarrow on objects fetched from the store)."""
    import fastavro
    import pyarrow.parquet as pq

    def fetch(url):
        bucket, key = url.split("://", 1)[1].split("/", 1)
        local = tmp_path / key.replace("/", "_")
        s3.download_file(bucket, key, str(local))
        return local

    current = metadata["current-snapshot-id"]
    snapshot = next(s for s in metadata["snapshots"] if s["snapshot-id"] == current)
    values = []
    with open(fetch(snapshot["manifest-list"]), "rb") as f:
        manifests = [m["manifest_path"] for m in fastavro.reader(f)]
    for manifest in manifests:
        with open(fetch(manifest), "rb") as f:
            files = [e["data_file"]["file_path"] for e in fastavro.reader(f) if e["status"] != 2]
        for path in files:
            values += pq.read_table(fetch(path)).column(column).to_pylist()
    return snapshot, values


@pytest.mark.parametrize("target", ["local", "platform-flink"])
def test_flink_writes_iceberg_through_the_rest_catalog(platform, tmp_path, target):
    """In the `local` environment a Flink job's Iceberg catalog is the platform's REST catalog:
    the table is created and committed there, its files written to the store through S3FileIO,
    on the runner's mini-cluster and on the session cluster. Read back through the catalog."""
    directory = platform[0]
    table = "trades_" + target.replace("-", "_")
    t0 = time.monotonic()
    r, job = run_locally(
        directory, flink_iceberg_spec(tmp_path, table), "--target", target, "--wait"
    )
    TIMINGS[f"flink iceberg on {target}"] = time.monotonic() - t0
    log = job_log(directory, job) if job else ""
    assert r.returncode == 0, f"{r.stdout}\n{r.stderr}\n{log[-6000:]}"
    rest = next(s for s in status(directory)["services"] if s["name"] == "iceberg-rest")["url"]
    assert (
        "local platform: Iceberg catalog lake (hive) is the local platform's Iceberg REST "
        f"catalog at {rest} (warehouse s3a://warehouse/ in the local store)"
    ) in log
    assert store_secret(directory) not in log
    meta = get_json(f"{rest}/v1/namespaces/flink_trades/tables/{table}")
    location = meta["metadata"]["location"]
    assert location == f"s3a://warehouse/flink_trades/{table}", location
    snapshot, ids = iceberg_column(s3_client(directory), meta["metadata"], "trade_id", tmp_path)
    assert snapshot["summary"]["operation"] == "append", snapshot
    assert int(snapshot["summary"]["total-records"]) == len(expected_trade_ids())
    assert sorted(ids) == expected_trade_ids()


def test_flink_iceberg_without_the_rest_catalog_is_a_hadoop_catalog(platform, tmp_path):
    """Without the platform's REST catalog (its jars not installed: platform.env has no
    UIS_ICEBERG_REST_URI) the catalog is a Hadoop catalog on s3a://warehouse/ through S3A. On the
    session cluster, which covers the runner's side too (the catalog and the table are made in
    its JVM, as on the mini-cluster); the runner is run as dcp-local runs it."""
    directory = platform[0]
    table = "hadoop_session"
    sql = tmp_path / "job.sql"
    T.compile_spec(flink_iceberg_spec(tmp_path, table), "flink-sql", out_file=sql)
    env = platform_env(directory)
    for k in ("UIS_ICEBERG_REST_URI", "UIS_ICEBERG_REST_WAREHOUSE"):
        env.pop(k, None)
    rest = urllib.parse.urlsplit(status(directory)["services"][2]["url"])
    remote = ["execution.target=remote", f"rest.address={rest.hostname}", f"rest.port={rest.port}"]
    extra = [a for kv in remote for a in ("--set", kv)]
    runner = REPO / "runners" / "flink" / "uis_flink_runner.py"
    t0 = time.monotonic()
    r = subprocess.run(
        [str(REPO / ".venv" / "bin" / "python"), str(runner), "--sql", str(sql), *extra],
        capture_output=True,
        text=True,
        timeout=400,
        env=env,
    )
    TIMINGS["flink iceberg, hadoop catalog, on platform-flink"] = time.monotonic() - t0
    assert r.returncode == 0, f"{r.stdout[-6000:]}\n{r.stderr[-6000:]}"
    assert (
        "local platform: Iceberg catalog lake (hive) is a local Hadoop catalog of the same name "
        "on s3a://warehouse/ in the local store"
    ) in r.stdout
    s3 = s3_client(directory)
    meta = f"flink_trades/{table}/metadata/"
    hint = s3.get_object(Bucket="warehouse", Key=meta + "version-hint.text")["Body"].read()
    current = s3.get_object(Bucket="warehouse", Key=f"{meta}v{int(hint)}.metadata.json")
    metadata = json.loads(current["Body"].read())
    _, ids = iceberg_column(s3, metadata, "trade_id", tmp_path)
    assert sorted(ids) == expected_trade_ids()


def store_secret(directory):
    return status(directory)["s3"]["secret_key"]


def platform_env(directory):
    """platform.env as the designer reads it for Preview Data (PlatformDcp::runningEnvironment)."""
    env = dict(os.environ)
    for line in Path(status(directory)["env_file"]).read_text().splitlines():
        if line.startswith("export ") and "=" in line:
            k, v = line[len("export ") :].split("=", 1)
            env[k] = v
    return env


def test_preview_data_reads_the_store(platform, tmp_path):
    """Preview Data's dry run (the runner outside spark-submit) reads the samples from the store."""
    job = tmp_path / "spark-job.json"
    T.compile_spec(EXAMPLE, "spark-job", out_file=job)
    t0 = time.monotonic()
    r = subprocess.run(
        [
            str(REPO / ".venv" / "bin" / "python"),
            str(REPO / "runners" / "spark" / "uis_spark_runner.py"),
            "--job-config",
            str(job),
            "--dry-run",
            "--limit",
            "5",
        ],
        capture_output=True,
        text=True,
        timeout=400,
        env=platform_env(platform[0]),
    )
    TIMINGS["preview data: bundled example"] = time.monotonic() - t0
    assert r.returncode == 0, f"{r.stdout}\n{r.stderr[-6000:]}"
    nodes = T.previews(r.stdout)
    rows = nodes["filled_trades"]["rows"]
    assert len(rows) == 5 and all(row["quantity"] > 0 for row in rows), nodes
    assert "created bucket" not in r.stdout  # a dry run writes nothing


def test_rest_example_runs_unchanged_in_the_local_environment(platform, tmp_path):
    directory = platform[0]
    template = REPO / "resources" / "templates" / "rest-to-parquet-iceberg.uis.yaml"
    text = template.read_text()
    api = T.api_handler(T.load(text), total=7, page_size=3)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), api)
    httpd.daemon_threads = True
    Thread(target=httpd.serve_forever, daemon=True).start()
    spec = tmp_path / template.name
    spec.write_text(T.rewrite_base_url(text, f"http://127.0.0.1:{httpd.server_address[1]}"))
    job = None
    try:
        t0 = time.monotonic()
        r, job = run_locally(directory, spec, env=T.placeholders(text))
        assert r.returncode == 0 and job, f"{r.stdout}\n{r.stderr}"
        # A micro-batch job stays RUNNING between runs: its first run's end is in the log.
        deadline = time.monotonic() + 420
        while True:
            log = job_log(directory, job)
            if "uis-runner: job finished" in log or "uis-runner: FAILED" in log:
                break
            assert time.monotonic() < deadline, log[-6000:]
            time.sleep(2)
        TIMINGS["run locally: rest-to-parquet-iceberg"] = time.monotonic() - t0
        assert "uis-runner: job finished" in log, log[-6000:]
    finally:
        if job:
            st = status(directory)
            token = Path(st["dcp"]["token_file"]).read_text().strip()
            subprocess.run(
                [str(UISCTL), "cancel", job, "--env", "local", "--wait"],
                capture_output=True,
                timeout=120,
                env=dict(os.environ, DCP_URL=st["dcp"]["url"], DCP_TOKEN=token),
            )
        httpd.shutdown()
        httpd.server_close()
    assert any(q["path"] == "/v3/reference/tickers" for q in api.requests)
    st = status(directory)
    rest = next(s for s in st["services"] if s["name"] == "iceberg-rest")["url"]
    assert (
        "local platform: Iceberg catalog hive_prod (hive) is the local platform's Iceberg REST "
        f"catalog at {rest} (warehouse s3a://warehouse/ in the local store)"
    ) in log
    # The table is in the REST catalog, as any Iceberg client sees it over HTTP ...
    assert ["market_data"] in get_json(rest + "/v1/namespaces")["namespaces"]
    tables = get_json(rest + "/v1/namespaces/market_data/tables")["identifiers"]
    assert {"namespace": ["market_data"], "name": "stock_tickers"} in tables
    meta = get_json(rest + "/v1/namespaces/market_data/tables/stock_tickers")
    location = meta["metadata"]["location"]
    assert location == "s3a://warehouse/market_data/stock_tickers", location
    assert meta["metadata-location"].startswith(location + "/metadata/")
    # ... and its files are in the store.
    s3 = s3_client(directory)
    landing = keys(s3, "landing-zone", "market-data-ingestion/")
    assert any(k.endswith(".parquet") for k in landing), landing
    table = keys(s3, "warehouse", "market_data/stock_tickers/")
    assert any(k.endswith(".metadata.json") for k in table), table
    assert any("/data/" in k and k.endswith(".parquet") for k in table), table


def local_trades(tmp_path):
    """The bundled example on local files (the preview needs no store)."""
    spec = T.load(EXAMPLE)
    for e in spec["provider"]["endpoints"]:
        T.write_files(e, tmp_path / "data", n=8)
    copy = tmp_path / "trades.uis.yaml"
    copy.write_text(T.rewrite_base_url(EXAMPLE.read_text(), (tmp_path / "data").as_uri()))
    return copy


def preview(spec, *args, env):
    r = subprocess.run(
        [str(UISCTL), "preview", str(spec), "--limit", "5", "--format", "json", *args],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    return r, [json.loads(line) for line in r.stdout.splitlines() if line.strip()]


def test_preview_auto_uses_the_platform_session_servers(platform, tmp_path):
    """--session auto with the platform up: its spark-connect and flink-sql-gateway, no private
    pair started (its state folder stays empty), rows from both engines."""
    directory = platform[0]
    connect, gateway = session_urls(status(directory))
    private = tmp_path / "private-sessions"
    env = dict(os.environ, UIS_PLATFORM_DIR=str(directory), UIS_SESSIONS_DIR=str(private))
    t0 = time.monotonic()
    r, answers = preview(local_trades(tmp_path), "--engine", "both", env=env)
    TIMINGS["preview both on the platform's sessions"] = time.monotonic() - t0
    assert r.returncode == 0, f"{r.stdout}\n{r.stderr}"
    assert f"warm spark session at {connect} (the local platform's spark-connect)" in r.stderr
    assert f"warm flink session at {gateway} (the local platform's flink-sql-gateway)" in r.stderr
    assert "cold preview" not in r.stderr, r.stderr
    assert [a["engine"] for a in answers] == ["spark", "flink"]
    for a in answers:
        assert "error" not in a, a
        assert a["nodes"] and all(n["rows"] for n in a["nodes"]), a
    assert all("filled_trades" in {n["node"] for n in a["nodes"]} for a in answers), answers
    assert not (private / "sessions.json").exists(), "a private pair was started"


def test_preview_on_a_target_uses_its_session_servers(platform, tmp_path):
    """--target NAME: the session servers the dcp-local's target names (GET /api/v1/targets)."""
    st = status(platform[0])
    connect, _ = session_urls(st)
    token = Path(st["dcp"]["token_file"]).read_text().strip()
    env = dict(
        os.environ,
        DCP_URL=st["dcp"]["url"],
        DCP_TOKEN=token,
        UIS_PLATFORM_DIR=str(tmp_path / "no-platform"),
        UIS_SESSIONS_DIR=str(tmp_path / "private-sessions"),
    )
    spec = local_trades(tmp_path)
    r, answers = preview(spec, "--engine", "spark", "--target", "platform-spark", env=env)
    assert r.returncode == 0, f"{r.stdout}\n{r.stderr}"
    assert f"target platform-spark: {connect}" in r.stderr, r.stderr
    assert f"warm spark session at {connect} (given by --session)" in r.stderr, r.stderr
    assert answers[0]["nodes"] and all(n["rows"] for n in answers[0]["nodes"]), answers
    # A target without a server for the engine is refused, saying what to add.
    r, _ = preview(spec, "--engine", "spark", "--target", "platform-flink", env=env)
    assert r.returncode == 2, (r.returncode, r.stderr)
    assert "target `platform-flink` names no spark_connect" in r.stderr, r.stderr
    r, _ = preview(spec, "--target", "nowhere", env=env)
    assert r.returncode == 2 and "unknown target `nowhere`" in r.stderr, r.stderr


def test_second_start_reuses(platform):
    directory = platform[0]
    before = {s["name"]: s["pid"] for s in status(directory)["services"]}
    dcp_before = dcp_record(directory)["pid"]
    t0 = time.monotonic()
    r = uisctl("start", "--dir", str(directory))
    TIMINGS["second start"] = time.monotonic() - t0
    assert r.returncode == 0, r.stderr
    assert "already running" in r.stderr
    after = {s["name"]: s["pid"] for s in status(directory)["services"]}
    assert after == before
    assert dcp_record(directory)["pid"] == dcp_before


def test_port_in_use_is_named(platform, tmp_path):
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen(1)
        port = held.getsockname()[1]
        r = uisctl("start", "--dir", str(tmp_path / "other"), "--ports", f"kafka.broker={port}")
    assert r.returncode == 2, (r.returncode, r.stderr)
    assert f"port {port}" in r.stderr and "kafka" in r.stderr, r.stderr
    # Nothing was started for the refused platform.
    assert all(s["state"] == "stopped" for s in status(tmp_path / "other")["services"])


def test_stop_leaves_nothing(platform):
    directory = platform[0]
    pids = [s["pid"] for s in status(directory)["services"]] + [dcp_record(directory)["pid"]]
    assert all(pids)
    t0 = time.monotonic()
    r = uisctl("stop", "--dir", str(directory), timeout=120)
    TIMINGS["stop"] = time.monotonic() - t0
    assert r.returncode == 0, r.stderr
    assert [p for p in pids if alive(p)] == []
    assert all(s["state"] == "stopped" for s in status(directory)["services"])
    assert status(directory)["dcp"]["url"] is None
    # A second stop has nothing to do.
    assert uisctl("stop", "--dir", str(directory)).returncode == 0
