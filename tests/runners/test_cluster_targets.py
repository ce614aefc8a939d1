# SPDX-License-Identifier: Apache-2.0
"""dcp-local as a gateway to real clusters (`dcp-local --targets FILE`), on loopback, no mocks.

The module starts, independently of UIS Studio, a REAL Flink session cluster (jobmanager.sh and
taskmanager.sh start-foreground from the PyFlink wheel, private FLINK_CONF_DIR, 2 slots) and a
REAL Spark standalone cluster (spark-class Master + Worker, 1 core, 1 GiB) next to a Kafka broker,
and one dcp-local whose targets file names them (plus a flink-session target on a closed port).
Every test talks to dcp-local through the real `uisctl`, and checks what it says against the
engines' own REST APIs:

- GET /api/v1/targets shows the clusters' own figures; a submit to an unreachable target is 503
  and stores nothing;
- a Spark batch job runs on the standalone master (application in the master's JSON, executor on
  the worker, the data written), its status confirmed by the master;
- a Flink Kafka → Kafka job runs on the session cluster (in the JobManager's /jobs/overview, the
  windows arrive in Kafka); cancelled through Flink's own REST API, dcp-local shows CANCELLED
  within one poll;
- a Flink job survives a restart of dcp-local (re-attached, still RUNNING), follows the loss of
  its TaskManager (RESTARTING with restarts counted, the exception in its log) and is cancelled
  through dcp-local (Flink's cancel).

Every process the module starts is stopped at the end, also when a test fails."""

import json
import os
import re
import socket
import time
import urllib.error
import urllib.request

import pytest
import templates as T
from clusters import (
    POLL,
    Dcp,
    FlinkSession,
    SparkStandalone,
    brief,
    csv_landing_spec,
    engine_running,
    get_json,
    parse_time,
    started,
    wait_for,
)

pytestmark = [pytest.mark.slow, pytest.mark.flink, pytest.mark.spark]


# ------------------------------------------------------------------ fixtures


@pytest.fixture(scope="module")
def clusters(tmp_path_factory):
    """Both clusters, started side by side; stopped at the end whatever happened."""
    base = tmp_path_factory.mktemp("clusters")
    flink, spark = FlinkSession(base / "flink"), SparkStandalone(base / "spark")
    with started(flink, spark):
        yield flink, spark


@pytest.fixture(scope="module")
def dcp(clusters, tmp_path_factory):
    flink, spark = clusters
    base = tmp_path_factory.mktemp("dcp")
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    targets = base / "targets.yaml"
    targets.write_text(f"""targets:
  - {{name: local, kind: local}}
  - {{name: flink-dev, kind: flink-session, rest_url: {flink.rest_url}}}
  - {{name: spark-dev, kind: spark-standalone,
     master: {spark.master_url}, master_ui: {spark.ui_url}}}
  - {{name: flink-gone, kind: flink-session, rest_url: "http://127.0.0.1:{closed}"}}
""")
    server = Dcp(base / "data", targets)
    try:
        yield server
    finally:
        server.stop()


def kafka_spec(tmp_path, kafka, name) -> tuple:
    """The kafka-dedupe-window template on the test broker, with topics of its own."""
    text = (T.TEMPLATES / "kafka-dedupe-window.uis.yaml").read_text()
    src, out = f"{name}-clicks", f"{name}-metrics"
    for old, new in (
        ("kafka_bootstrap_servers: localhost:9092", f"kafka_bootstrap_servers: {kafka.bootstrap}"),
        ("topic: clicks\n", f"topic: {src}\n"),
        ("kafka_topic: click-metrics", f"kafka_topic: {out}"),
        ("group_id: click-metrics", f"group_id: {name}"),
    ):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    kafka.create_topics(src, partitions=2)
    kafka.create_topics(out)
    spec = tmp_path / f"{name}.uis.yaml"
    spec.write_text(text)
    return spec, src, out


def flink_running(dcp, flink, job_id, timeout=180) -> str:
    """Waits until dcp-local and the JobManager agree the job runs; returns the Flink job id."""
    st = engine_running(dcp, job_id, "the Flink job to run on the session cluster", timeout)
    jid = st["engine_job_id"]
    assert re.fullmatch(r"[0-9a-f]{32}", jid), st
    assert (
        st["target"] == "flink-dev" and st["ui_url"] == f"{flink.rest_url}/#/job/running/{jid}"
    ), st
    assert parse_time(st["last_confirmed_at"]), st
    jobs = {j["jid"]: j["state"] for j in flink.jobs()}
    assert jobs.get(jid) == "RUNNING", jobs
    return jid


# ------------------------------------------------------------------ tests


def test_targets_overview_and_unreachable_target(dcp, clusters, tmp_path):
    flink, spark = clusters
    # the first check of every target happens at start; the closed port answers at once
    targets = wait_for(
        "every target checked",
        lambda: (lambda t: t if all(x["checked_at"] for x in t) else None)(
            json.loads(dcp.ctl("targets", "--format", "json").stdout)["targets"]
        ),
        20,
    )
    by = {t["name"]: t for t in targets}
    assert list(by) == ["local", "flink-dev", "spark-dev", "flink-gone"]
    assert (by["flink-dev"]["kind"], by["flink-dev"]["engines"], by["flink-dev"]["reachable"]) == (
        "flink-session",
        ["flink"],
        True,
    )
    # the engines' own figures, compared with what the engines say themselves
    fo, jm = by["flink-dev"]["overview"], flink.overview()
    assert (
        (fo["taskmanagers"], fo["slots_total"], fo["slots_available"], fo["jobs_running"])
        == (jm["taskmanagers"], jm["slots-total"], jm["slots-available"], jm["jobs-running"])
        == (1, 2, 2, 0)
    ), (fo, jm)
    assert fo["flink_version"] == "1.20.1"
    so, master = by["spark-dev"]["overview"], spark.state()
    assert (
        (so["alive_workers"], so["cores"], so["memory_mb"], so["status"])
        == (master["aliveworkers"], master["cores"], master["memory"], "ALIVE")
        == (1, 1, 1024, "ALIVE")
    ), (so, master)
    assert by["spark-dev"]["engines"] == ["spark"] and by["local"]["engines"] == ["spark", "flink"]
    gone = by["flink-gone"]
    assert gone["reachable"] is False and "Connection refused" in gone["error"], gone
    text = dcp.ctl("targets")
    assert (
        text.returncode == 1
        and "flink-gone  flink-session  engines=flink  UNREACHABLE" in text.stdout
    ), text.stdout
    assert "slots_total=2" in text.stdout and "alive_workers=1" in text.stdout, text.stdout

    # a submit to the unreachable target: 503 with a JSON error, nothing stored
    before = dcp.api("GET", "/api/v1/jobs")[1]["jobs"]
    code, body = dcp.api(
        "POST",
        "/api/v1/jobs",
        {
            "name": "nowhere",
            "config": {
                "engine": "flink",
                "job_type": "STREAMING",
                "target": "flink-gone",
                "flink": {"sql": "SELECT 1"},
            },
        },
    )
    assert code == 503 and body["error"]["code"] == "target_unreachable", (code, body)
    assert "flink-gone" in body["error"]["message"] and "not stored" in body["error"]["message"], (
        body
    )
    assert dcp.api("GET", "/api/v1/jobs")[1]["jobs"] == before
    # a target that does not run the engine, or does not exist: 400
    code, body = dcp.api(
        "POST",
        "/api/v1/jobs",
        {
            "name": "x",
            "config": {"engine": "flink", "target": "spark-dev", "flink": {"sql": "SELECT 1"}},
        },
    )
    assert code == 400 and body["error"]["code"] == "invalid_target", body
    code, body = dcp.api(
        "POST",
        "/api/v1/jobs",
        {
            "name": "x",
            "config": {"engine": "flink", "target": "nope", "flink": {"sql": "SELECT 1"}},
        },
    )
    assert code == 400 and "unknown target `nope`" in body["error"]["message"], body
    assert dcp.api("GET", "/api/v1/jobs")[1]["jobs"] == before


def test_spark_batch_job_runs_on_the_standalone_cluster(dcp, clusters, tmp_path):
    _, spark = clusters
    spec, out = csv_landing_spec(
        tmp_path, "cluster-csv-landing", "1,a,3\n2,b,0\n3,c,5\n4,d,7\n5,e,-1\n"
    )

    job_id = dcp.submit(spec, "spark-dev", "--wait")
    st = dcp.status(job_id)
    log = dcp.logs(job_id)
    assert (st["status"], st["exit_code"], st["target"]) == ("SUCCEEDED", 0, "spark-dev"), (
        f"{st}\n{brief(log)}"
    )
    app = st["engine_job_id"]
    assert re.fullmatch(r"app-\d{14}-\d{4}", app or ""), st
    assert st["ui_url"] == f"{spark.ui_url}/app/?appId={app}", st
    assert f"--master {spark.master_url} --deploy-mode client" in log, brief(log)

    # the master knows the application, and its executor ran on the worker
    master = wait_for(
        "the application among the master's completed apps",
        lambda: (lambda m: m if any(a["id"] == app for a in m["completedapps"]) else None)(
            spark.state()
        ),
        20,
    )
    entry = next(a for a in master["completedapps"] if a["id"] == app)
    assert (
        entry["name"] == "cluster-csv-landing"
        and entry["state"] == "FINISHED"
        and entry["cores"] == 1
    ), entry
    worker = get_json(f"http://127.0.0.1:{spark.worker_ui_port}/json/")
    assert any(e["appid"] == app for e in worker["finishedexecutors"] + worker["executors"]), worker
    assert re.search(
        rf"Granted executor ID {app}/\d+ on hostPort 127\.0\.0\.1:{spark.worker_port}", log
    ), brief(log)
    # confirmed by the master after the driver ended
    wait_for(
        "the master's confirmation in the log",
        lambda: f"the Spark master lists application {app} as FINISHED" in dcp.logs(job_id),
        15,
    )
    st = dcp.status(job_id)
    assert parse_time(st["last_confirmed_at"]) >= parse_time(st["finished_at"]), st

    import pyarrow.parquet as pq

    rows = pq.read_table(out).to_pylist()
    assert sorted(r["sku"] for r in rows) == ["a", "c", "d"], rows


def produce(bootstrap, topic, events, partition=None):
    from confluent_kafka import Producer

    p = Producer({"bootstrap.servers": bootstrap, "linger.ms": 5})
    for e in events:
        kw = {} if partition is None else {"partition": partition}
        p.produce(topic, value=json.dumps(e).encode(), **kw)
    assert p.flush(30) == 0


def test_flink_job_runs_on_the_session_cluster_and_follows_a_cancel_in_flink(
    dcp, clusters, kafka, tmp_path
):
    flink, _ = clusters
    from confluent_kafka import Consumer

    spec, src, out = kafka_spec(tmp_path, kafka, "fl1")
    job_id = dcp.submit(spec, "flink-dev")
    jid = flink_running(dcp, flink, job_id)
    # The client that submitted the job ends soon after the job runs (later on a busy machine).
    log = wait_for(
        "the submitting process to end",
        lambda: (lambda t: t if "the submitting process has ended" in t else None)(
            dcp.logs(job_id)
        ),
        60,
        detail=lambda: brief(dcp.logs(job_id)),
    )
    assert (
        "--set execution.target=remote --set rest.address=127.0.0.1 "
        f"--set rest.port={flink.rest_port}" in log
    )
    assert (
        f"uis-runner: job {jid} submitted" in log and "the submitting process has ended" in log
    ), brief(log)
    # the job runs on the cluster, not in a mini-cluster of a child: no process carries the job now
    assert not [
        p for p in os.listdir("/proc") if p.isdigit() and _has_env(p, f"UIS_JOB_ID={job_id}")
    ]

    # the data arrives: a minute of clicks (one duplicate), then a later click on each partition
    # moves the watermark past the window
    events = [
        {
            "event_id": f"e{i}",
            "page": "/a",
            "duration": float(i),
            "event_time": f"2024-01-01 12:00:{i:02d}",
        }
        for i in (1, 2, 3)
    ]
    produce(kafka.bootstrap, src, events + [events[0]], partition=0)
    for part in (0, 1):
        produce(
            kafka.bootstrap,
            src,
            [
                {
                    "event_id": f"late{part}",
                    "page": "/z",
                    "duration": 1.0,
                    "event_time": "2024-01-01 12:05:00",
                }
            ],
            partition=part,
        )
    consumer = Consumer(
        {
            "bootstrap.servers": kafka.bootstrap,
            "group.id": "cluster-test",
            "auto.offset.reset": "earliest",
        }
    )
    consumer.subscribe([out])
    got = []
    try:

        def window():
            m = consumer.poll(0.5)
            if m is not None and not m.error():
                got.append(json.loads(m.value()))
            return next((r for r in got if r["page"] == "/a"), None)

        row = wait_for(
            "the window from the cluster in Kafka",
            window,
            120,
            interval=0,
            detail=lambda: f"{got}\n{brief(dcp.logs(job_id))}",
        )
    finally:
        consumer.close()
    assert (row["clicks"], row["avg_duration"]) == (3, 2.0), row

    # cancelled by other means (Flink's own REST API): dcp-local follows within one poll
    req = urllib.request.Request(f"{flink.rest_url}/jobs/{jid}?mode=cancel", method="PATCH")
    with urllib.request.urlopen(req, timeout=10) as r:
        assert r.status == 202
    wait_for(
        "Flink to cancel the job",
        lambda: {j["jid"]: j["state"] for j in flink.jobs()}.get(jid) == "CANCELED",
        30,
    )
    cancelled_at = time.monotonic()
    st = wait_for(
        "dcp-local to show CANCELLED",
        lambda: (lambda s: s if s["status"] == "CANCELLED" else None)(dcp.status(job_id)),
        POLL + 3,
        interval=0.2,
    )
    assert time.monotonic() - cancelled_at <= POLL + 3
    assert st["engine_state"] == "CANCELED" and "cancelled on the Flink cluster" in st["error"], st
    assert st["finished_at"] and parse_time(st["last_confirmed_at"]) >= parse_time(
        st["finished_at"]
    ), st
    assert f"Flink job {jid} ended CANCELED (confirmed by the JobManager" in dcp.logs(job_id)
    assert dcp.ctl("cancel", job_id).returncode == 1  # terminal: stays so
    # what the TaskManager logged about the job is kept in the job's own log
    log = wait_for(
        "the TaskManager's lines in the log",
        lambda: (
            lambda text: (
                text
                if re.search(rf"TaskManager \S+ log lines of Flink job {jid}:\n  .*{jid}", text)
                else None
            )
        )(dcp.logs(job_id)),
        15,
        detail=lambda: brief(dcp.logs(job_id)),
    )


def _has_env(pid, mark):
    try:
        with open(f"/proc/{pid}/environ", "rb") as f:
            return mark.encode() in f.read().split(b"\0")
    except OSError:
        return False


def test_flink_job_survives_a_restart_follows_taskmanager_loss_and_cancels(
    dcp, clusters, kafka, tmp_path
):
    flink, _ = clusters
    spec, _, _ = kafka_spec(tmp_path, kafka, "fl2")
    job_id = dcp.submit(spec, "flink-dev")
    jid = flink_running(dcp, flink, job_id)

    # a restart of dcp-local: the job is re-attached and stays RUNNING, confirmed again
    before = parse_time(dcp.status(job_id)["last_confirmed_at"])
    dcp.restart()
    wait_for(
        "dcp-local to announce the re-attached job",
        lambda: "following 1 job(s) that still run on a cluster" in "".join(dcp.output),
        10,
        detail=lambda: "".join(dcp.output),
    )
    st = wait_for(
        "a confirmation after the restart",
        lambda: (lambda s: s if parse_time(s["last_confirmed_at"]) > before else None)(
            dcp.status(job_id)
        ),
        POLL + 5,
    )
    assert (st["status"], st["engine_state"], st["engine_job_id"], st["error"]) == (
        "RUNNING",
        "RUNNING",
        jid,
        None,
    ), st
    assert f"dcp-local restarted: following Flink job {jid}" in dcp.logs(job_id)

    # the TaskManager dies: the job restarts over and over (no slots); that is not a healthy RUNNING
    flink.kill_taskmanager(0)
    st = wait_for(
        "RESTARTING with the restarts counted",
        lambda: (
            lambda s: (
                s
                if re.fullmatch(r"RESTARTING \(\d+ restarts?\)", s["engine_state"] or "")
                else None
            )
        )(dcp.status(job_id)),
        60,
        interval=0.5,
        detail=lambda: f"{dcp.status(job_id)}\n{flink.jobs()}",
    )
    assert st["status"] == "RUNNING" and st["error"], st
    flink_state = {j["jid"]: j["state"] for j in flink.jobs()}[jid]
    assert flink_state in ("RESTARTING", "RUNNING", "CREATED"), flink_state
    log = dcp.logs(job_id)
    assert f"Flink job {jid} failure at" in log and "(JobManager exception history)" in log, brief(
        log
    )
    # the exception of the lost TaskManager (or of the slots it took along) is in the log
    assert re.search(r"TaskManager|NoResourceAvailableException|heartbeat", log), brief(log)

    # cancel through dcp-local is Flink's cancel
    c = dcp.ctl("cancel", job_id, "--wait", timeout=120)
    assert c.returncode == 0, c.stdout + c.stderr
    st = dcp.status(job_id)
    assert (st["status"], st["engine_state"], st["error"]) == ("CANCELLED", "CANCELED", None), st
    assert {j["jid"]: j["state"] for j in flink.jobs()}[jid] == "CANCELED"
    assert f"cancel requested: PATCH {flink.rest_url}/jobs/{jid}?mode=cancel" in dcp.logs(job_id)
