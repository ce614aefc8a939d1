# SPDX-License-Identifier: Apache-2.0
"""Jobs that do not fit their cluster (dcp-local targets), on REAL clusters, no mocks.

The module starts a Spark standalone cluster whose one worker has 2 cores and 2 GiB, and a Flink
session cluster with one TaskManager of 2 slots (both from the wheels, as in
test_cluster_targets.py), and one dcp-local with two targets per cluster: as is, and with
`fit_resources: true`. For each engine:

- a job larger than the cluster is refused with 422, the message naming what it asks and what
  the cluster offers (`uisctl submit` shows it), and nothing is stored;
- on the `fit_resources` target the same job is scaled down to the largest request that fits,
  says so (`fit_warning` and its log), runs on the cluster with the scaled figures (checked in the
  engine's own REST API) and SUCCEEDS;
- a job submitted while another holds the whole cluster is PENDING with
  `engine_state: WAITING for resources (…)` (also in `uisctl status`), then runs when the first
  has ended, and SUCCEEDS.
"""

import re

import pyarrow.parquet as pq
import pytest
from clusters import (
    Dcp,
    FlinkSession,
    SparkStandalone,
    brief,
    csv_landing_spec,
    get_json,
    started,
    wait_for,
)

pytestmark = [pytest.mark.slow, pytest.mark.flink, pytest.mark.spark]


class SmallSpark(SparkStandalone):
    """The standalone cluster of clusters.py with a worker of 2 cores and 2 GiB."""

    def _spawn(self, name, *args):
        if name == "worker":
            args = list(args)
            args[args.index("--cores") + 1] = "2"
            args[args.index("--memory") + 1] = "2g"
        return super()._spawn(name, *args)


@pytest.fixture(scope="module")
def clusters(tmp_path_factory):
    base = tmp_path_factory.mktemp("fit-clusters")
    flink, spark = FlinkSession(base / "flink"), SmallSpark(base / "spark")
    with started(flink, spark):
        yield flink, spark


@pytest.fixture(scope="module")
def dcp(clusters, tmp_path_factory):
    flink, spark = clusters
    base = tmp_path_factory.mktemp("fit-dcp")
    spark_at = f"master: {spark.master_url}, master_ui: {spark.ui_url}"
    targets = base / "targets.yaml"
    targets.write_text(f"""targets:
  - {{name: spark-dev, kind: spark-standalone, {spark_at}, waiting_limit: 2 s}}
  - {{name: spark-fit, kind: spark-standalone, {spark_at}, fit_resources: true,
     waiting_limit: 2 s}}
  - {{name: flink-dev, kind: flink-session, rest_url: {flink.rest_url}}}
  - {{name: flink-fit, kind: flink-session, rest_url: {flink.rest_url}, fit_resources: true,
     waiting_limit: 60 s}}
""")
    server = Dcp(base / "data", targets)
    try:
        # the first check of every target has the engines' figures
        wait_for(
            "every target checked",
            lambda: all(
                t["checked_at"] and t["overview"]
                for t in server.api("GET", "/api/v1/targets")[1]["targets"]
            ),
            30,
        )
        yield server
    finally:
        server.stop()


PRODUCTION = '    executor_memory: 8g\n    executor_cores: "4"\n'


def csv_spec(tmp_path, name, resources=""):
    return csv_landing_spec(tmp_path, name, "1,a,3\n2,b,0\n3,c,5\n", resources)


def flink_sql(parallelism, rows, rate):
    """A bounded Flink job that holds `parallelism` slots for about rows/rate seconds."""
    return f"""SET 'parallelism.default' = '{parallelism}';
CREATE TEMPORARY TABLE src (id BIGINT) WITH (
  'connector' = 'datagen', 'number-of-rows' = '{rows}', 'rows-per-second' = '{rate}');
CREATE TEMPORARY TABLE snk (id BIGINT) WITH ('connector' = 'blackhole');
INSERT INTO snk SELECT id FROM src;
"""


def flink_job(name, target, sql):
    return {
        "name": name,
        "config": {"engine": "flink", "job_type": "BATCH", "target": target, "flink": {"sql": sql}},
    }


def ended(dcp, job_id, timeout):
    return wait_for(
        f"job {job_id} to end",
        lambda: (lambda s: s if s["status"] in ("SUCCEEDED", "FAILED", "CANCELLED") else None)(
            dcp.status(job_id)
        ),
        timeout,
        interval=1,
        detail=lambda: f"{dcp.status(job_id)}\n{brief(dcp.logs(job_id))}",
    )


def seen_waiting(dcp, job_id, timeout=30):
    """The job's status while it waits: PENDING with `WAITING for resources (…)`."""
    return wait_for(
        "WAITING for resources",
        lambda: (
            lambda s: s if (s["engine_state"] or "").startswith("WAITING for resources") else None
        )(dcp.status(job_id)),
        timeout,
        interval=0.3,
        detail=lambda: dcp.status(job_id),
    )


# ------------------------------------------------------------------ Spark


def test_spark_production_sized_job_is_refused_with_both_sides(dcp, tmp_path):
    spec, _ = csv_spec(tmp_path, "fit-refused", PRODUCTION)
    before = dcp.api("GET", "/api/v1/jobs")[1]["jobs"]
    p = dcp.ctl("submit", str(spec), "--target", "spark-dev")
    assert p.returncode == 1, p.stdout + p.stderr
    assert (
        "spark-dev: executors need 8 GiB and 4 cores; the largest worker offers 2 GiB and 2 cores"
        in p.stderr
    ), p.stderr
    assert dcp.api("GET", "/api/v1/jobs")[1]["jobs"] == before


def test_spark_job_is_scaled_down_on_a_fit_resources_target(dcp, clusters, tmp_path):
    _, spark = clusters
    spec, out = csv_spec(tmp_path, "fit-scaled", PRODUCTION)
    job_id = dcp.submit(spec, "spark-fit", "--wait")
    st, log = dcp.status(job_id), dcp.logs(job_id)
    assert st["status"] == "SUCCEEDED", f"{st}\n{brief(log)}"
    warning = st["fit_warning"]
    assert warning.startswith(
        "scaled down to fit target spark-fit: executor memory 8 GiB → 2 GiB, executor cores 4 → 2"
    ), warning
    assert "WARNING: " + warning in log, brief(log)
    assert "--conf spark.executor.memory=2048m" in log and "--conf spark.cores.max=2" in log, log
    # the master granted the scaled executor: 2 cores of 2 GiB
    app = st["engine_job_id"]
    entry = wait_for(
        "the application among the master's completed apps",
        lambda: next((a for a in spark.state()["completedapps"] if a["id"] == app), None),
        20,
    )
    assert (entry["state"], entry["cores"], entry["memoryperexecutor"]) == ("FINISHED", 2, 2048), (
        entry
    )
    assert sorted(r["sku"] for r in pq.read_table(out).to_pylist()) == ["a", "c"]


def test_spark_job_waits_behind_one_holding_every_core(dcp, clusters, tmp_path):
    _, spark = clusters
    first_spec, first_out = csv_spec(tmp_path, "fit-first")
    second_spec, second_out = csv_spec(tmp_path, "fit-second")
    first = dcp.submit(first_spec, "spark-dev")
    second = dcp.submit(second_spec, "spark-dev")
    st = seen_waiting(dcp, second)
    assert st["status"] == "PENDING", st
    assert "executors need 1 GiB and 1 core" in st["engine_state"], st
    text = dcp.ctl("status", second)
    assert text.returncode == 0 and "WAITING for resources (" in text.stdout, text.stdout
    # the first runs with every core of the worker meanwhile
    wait_for(
        "the first application to hold both cores",
        lambda: any(a["cores"] == 2 for a in spark.state()["activeapps"]),
        90,
        detail=lambda: f"{spark.state()}\n{dcp.status(first)}",
    )
    assert dcp.status(second)["status"] == "PENDING"
    assert ended(dcp, first, 180)["status"] == "SUCCEEDED"
    st = ended(dcp, second, 180)
    log = dcp.logs(second)
    assert st["status"] == "SUCCEEDED", f"{st}\n{brief(log)}"
    assert "the job waits for room on the cluster" in log, brief(log)
    assert "target spark-dev has room for the job now: submitting it" in log, brief(log)
    # it started only once the first had ended
    first_end = dcp.status(first)["finished_at"]
    assert st["started_at"] >= first_end, (st, first_end)
    for out in (first_out, second_out):
        assert sorted(r["sku"] for r in pq.read_table(out).to_pylist()) == ["a", "c"]


def test_spark_application_waiting_on_the_cluster_says_so_after_the_waiting_limit(
    dcp, clusters, tmp_path
):
    """Two targets on one master do not see each other's jobs starting: both applications
    reach the master, the later one gets no executor, and after `waiting_limit` its
    engine_state is WAITING for resources with Spark's own reason; it runs when room appears.
    The limit is 2 s: the later application waits only while the first runs (5-6 s), and the
    master is asked every few seconds, so at 5 s the state was missed when the first was quick."""
    _, spark = clusters
    specs = [csv_spec(tmp_path, f"fit-race-{i}") for i in (1, 2)]
    ids = [dcp.submit(specs[0][0], "spark-dev"), dcp.submit(specs[1][0], "spark-fit")]

    def waiting():
        for job_id in ids:
            s = dcp.status(job_id)
            if s["status"] == "RUNNING" and (s["engine_state"] or "").startswith(
                "WAITING for resources ("
            ):
                return s
        return None

    st = wait_for(
        "an application on the cluster to wait longer than the waiting limit",
        waiting,
        120,
        interval=0.5,
        detail=lambda: f"{[dcp.status(i) for i in ids]}\n{spark.state()}",
    )
    app = st["engine_job_id"]
    assert re.search(
        rf"\(Initial job has not accepted any resources.*|\(the master has granted application "
        rf"{app} no executor\)",
        st["engine_state"],
    ), st
    assert f"application {app} has waited more than 2 s for executors" in dcp.logs(st["job_id"])
    for job_id in ids:
        assert ended(dcp, job_id, 240)["status"] == "SUCCEEDED", brief(dcp.logs(job_id))


# ------------------------------------------------------------------ Flink


def test_flink_job_with_more_parallelism_than_slots_is_refused(dcp):
    before = dcp.api("GET", "/api/v1/jobs")[1]["jobs"]
    code, body = dcp.api(
        "POST", "/api/v1/jobs", flink_job("wide", "flink-dev", flink_sql(4, 10, 5))
    )
    assert code == 422 and body["error"]["code"] == "does_not_fit", (code, body)
    assert body["error"]["message"].startswith(
        "flink-dev: the job needs 4 slots (parallelism 4); the cluster has 2 slots on 1 TaskManager"
    ), body
    assert dcp.api("GET", "/api/v1/jobs")[1]["jobs"] == before


def test_flink_job_is_scaled_to_the_slots_on_a_fit_resources_target(dcp, clusters):
    flink, _ = clusters
    code, body = dcp.api(
        "POST", "/api/v1/jobs", flink_job("wide-fit", "flink-fit", flink_sql(4, 20, 10))
    )
    assert code == 201, body
    job_id = body["job_id"]
    st = ended(dcp, job_id, 240)
    log = dcp.logs(job_id)
    assert st["status"] == "SUCCEEDED", f"{st}\n{brief(log)}"
    assert st["fit_warning"].startswith("scaled down to fit target flink-fit: parallelism 4 → 2"), (
        st
    )
    assert "WARNING: scaled down to fit target flink-fit" in log
    # Flink ran it with 2 parallel subtasks
    job = get_json(f"{flink.rest_url}/jobs/{st['engine_job_id']}")
    assert job["state"] == "FINISHED" and {v["parallelism"] for v in job["vertices"]} == {2}, job


def test_flink_job_waits_for_slots_then_runs(dcp, clusters):
    flink, _ = clusters
    code, a = dcp.api(
        "POST", "/api/v1/jobs", flink_job("slots-first", "flink-dev", flink_sql(2, 150, 10))
    )
    assert code == 201, a
    code, b = dcp.api(
        "POST", "/api/v1/jobs", flink_job("slots-second", "flink-dev", flink_sql(1, 10, 10))
    )
    assert code == 201, b
    first, second = a["job_id"], b["job_id"]
    st = seen_waiting(dcp, second)
    assert (
        st["status"] == "PENDING" and "the job needs 1 slot (parallelism 1)" in (st["engine_state"])
    ), st
    # the first holds both slots on the cluster while the second waits
    wait_for(
        "the first job to hold both slots",
        lambda: (
            flink.overview()["slots-available"] == 0
            and dcp.status(first)["engine_state"] == "RUNNING"
        ),
        120,
        detail=lambda: f"{flink.overview()}\n{dcp.status(first)}",
    )
    assert dcp.status(second)["status"] == "PENDING"
    assert "WAITING for resources" in dcp.ctl("status", second).stdout
    assert ended(dcp, first, 180)["status"] == "SUCCEEDED"
    st = ended(dcp, second, 180)
    log = dcp.logs(second)
    assert st["status"] == "SUCCEEDED", f"{st}\n{brief(log)}"
    assert "target flink-dev has room for the job now: submitting it" in log, brief(log)
    assert st["started_at"] >= dcp.status(first)["finished_at"], st


def test_targets_show_their_fit_options(dcp):
    by = {t["name"]: t for t in dcp.api("GET", "/api/v1/targets")[1]["targets"]}
    assert (by["spark-dev"]["fit_resources"], by["spark-fit"]["fit_resources"]) == (False, True)
    assert by["spark-dev"]["waiting_limit_seconds"] == 2
    assert by["flink-dev"]["waiting_limit_seconds"] == 120
    assert by["flink-fit"]["waiting_limit_seconds"] == 60
