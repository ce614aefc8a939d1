# SPDX-License-Identifier: Apache-2.0
"""Values as real sources send them, on Flink (UIS-SPEC.md): a Kafka JSON source with a declared
schema reads every timestamp form as the same UTC instant, and poison records (not JSON, a string
in a number column, a timestamp in no known form) go by the `on_invalid` of the schema_validation
that reads their endpoint, never into a restart loop. Jobs run through dcp-local on a real Flink
session cluster (one per module) with a real Kafka broker; `fail` and `drop` also on a local
mini-cluster, where the poison records are counted (`invalid` in the source's node counts) and
the first ones logged with their position, and JSON lines files (batch) on a local
mini-cluster."""

import json
import re
import time
from datetime import UTC, datetime

import pytest
from clusters import Dcp, FlinkSession, brief, get_json, wait_for

pytestmark = [pytest.mark.slow, pytest.mark.flink]

HEAD = """version: "1.1"
name: {name}
provider:
  name: tests
  provider_type: kafka
  tenant_id: tests
  owner: tests@example.com
  mode: streaming
  parallelism: 1
  config:
    kafka_bootstrap_servers: {bootstrap}
    checkpoint_interval: 5 s
    state_backend: hashmap
"""


@pytest.fixture(scope="module")
def flink(tmp_path_factory):
    session = FlinkSession(tmp_path_factory.mktemp("flink"))
    try:
        yield session.start()
    finally:
        session.stop()


@pytest.fixture(scope="module")
def dcp(flink, tmp_path_factory):
    base = tmp_path_factory.mktemp("dcp")
    targets = base / "targets.yaml"
    targets.write_text(f"""targets:
  - {{name: local, kind: local}}
  - {{name: flink-dev, kind: flink-session, rest_url: {flink.rest_url}}}
""")
    server = Dcp(base / "data", targets)
    try:
        yield server
    finally:
        server.stop()


def produce(bootstrap, topic, values) -> list:
    """Each value as one record (a str as is, else as JSON) on partition 0; their offsets."""
    from confluent_kafka import Producer

    offsets = []

    def done(err, msg):
        assert err is None, err
        offsets.append(msg.offset())

    p = Producer({"bootstrap.servers": bootstrap, "linger.ms": 5})
    for v in values:
        raw = v if isinstance(v, str) else json.dumps(v)
        p.produce(topic, value=raw.encode(), partition=0, on_delivery=done)
        p.flush(30)
    return offsets


def consume(bootstrap, topic, want: int, timeout: float, detail) -> list:
    from confluent_kafka import Consumer

    c = Consumer(
        {
            "bootstrap.servers": bootstrap,
            "group.id": f"poison-test-{topic}-{time.time()}",
            "auto.offset.reset": "earliest",
        }
    )
    c.subscribe([topic])
    got = []
    try:

        def enough():
            m = c.poll(0.5)
            if m is not None and not m.error():
                got.append(json.loads(m.value()))
            return len(got) >= want

        wait_for(f"{want} records in {topic}", enough, timeout, interval=0, detail=detail)
        end = time.monotonic() + 3  # nothing more arrives
        while time.monotonic() < end:
            m = c.poll(0.5)
            if m is not None and not m.error():
                got.append(json.loads(m.value()))
    finally:
        c.close()
    return got


def restarts(flink, jid) -> int:
    doc = get_json(f"{flink.rest_url}/jobs/{jid}/exceptions?maxExceptions=20")
    entries = (doc.get("exceptionHistory") or {}).get("entries") or []
    return len(entries)


def running_jid(dcp, job_id, timeout=180) -> str:
    def up():
        s = dcp.status(job_id)
        assert s["status"] not in ("FAILED", "CANCELLED"), f"{s}\n{brief(dcp.logs(job_id))}"
        return s["engine_job_id"] if s["status"] == s["engine_state"] == "RUNNING" else None

    return wait_for("the job to run", up, timeout, detail=lambda: brief(dcp.logs(job_id)))


def cancel(dcp, job_id):
    dcp.ctl("cancel", job_id)


def test_every_timestamp_form_is_the_same_instant(dcp, flink, kafka, tmp_path):
    src, out = "ts-forms", "ts-forms-out"
    kafka.create_topics(src, out)
    spec = tmp_path / "ts.uis.yaml"
    spec.write_text(
        HEAD.format(name="ts-forms", bootstrap=kafka.bootstrap)
        + f"""  endpoints:
    - name: clicks
      topic: {src}
      format: json
      starting_offsets: earliest
      schema:
        - {{ name: page, type: string }}
        - {{ name: event_time, type: timestamp }}
  transforms:
    - name: per_minute
      type: window_aggregate
      time_column: event_time
      window: 1 minutes
      watermark: 1 s
      group_by: [page]
      aggregates:
        clicks: count(*)
  sinks:
    - name: out
      type: kafka
      kafka_topic: {out}
"""
    )
    noon = int(datetime(2024, 1, 1, 12, tzinfo=UTC).timestamp() * 1000)
    # Each the same minute 12:00 UTC; read with the zone ignored, most would land elsewhere.
    forms = [
        "2024-01-01T12:00:01Z",
        "2024-01-01T14:00:02+02:00",
        "2024-01-01T07:00:03-0500",
        "2024-01-01 14:00:04.5+0200",
        "2024-01-01T12:00:05.123456789Z",
        "2024-01-01 12:00:06",
        "2024-01-01T12:00:07.1234",
        noon + 8000,
        str(noon + 9000),
    ]
    events = [{"page": "/a", "event_time": f} for f in forms]
    events.append({"page": "/b", "event_time": "2024-01-01T13:01:30+01:00"})  # 12:01
    events.append({"page": "/z", "event_time": "2024-01-01T12:05:00Z"})  # moves the watermark
    produce(kafka.bootstrap, src, events)
    job_id = dcp.submit(spec, "flink-dev")
    jid = running_jid(dcp, job_id)
    try:
        rows = consume(kafka.bootstrap, out, 2, 150, lambda: brief(dcp.logs(job_id)))
        got = sorted((r["window_start"], r["page"], r["clicks"]) for r in rows)
        assert got == [
            ("2024-01-01 12:00:00", "/a", len(forms)),
            ("2024-01-01 12:01:00", "/b", 1),
        ], rows
        assert restarts(flink, jid) == 0
    finally:
        cancel(dcp, job_id)


def poison_spec(tmp_path, bootstrap, name, policy, src, out, dead=None):
    sinks = f"""    - name: good_out
      type: kafka
      kafka_topic: {out}
      inputs: [checked]
"""
    if dead:
        sinks += f"""    - name: dead_out
      type: kafka
      kafka_topic: {dead}
      inputs: [checked_dead_letter]
"""
    spec = tmp_path / f"{name}.uis.yaml"
    spec.write_text(
        HEAD.format(name=name, bootstrap=bootstrap)
        + f"""  endpoints:
    - name: orders
      topic: {src}
      format: json
      starting_offsets: earliest
      schema:
        - {{ name: id, type: string }}
        - {{ name: amount, type: long }}
        - {{ name: ts, type: timestamp }}
  transforms:
    - name: checked
      type: schema_validation
      inputs: [orders]
      schema:
        - {{ name: id, type: string, nullable: false }}
      on_invalid: {policy}
  sinks:
{sinks}"""
    )
    return spec


GOOD = [{"id": f"g{i}", "amount": i, "ts": f"2024-01-15T10:30:0{i}Z"} for i in range(1, 4)]
POISON = [
    ("{not json", "not JSON"),
    ({"id": "b2", "amount": "abc", "ts": "2024-01-15T10:30:05Z"}, "amount: not BIGINT"),
    ({"id": "b3", "amount": 7, "ts": "yesterday"}, "ts: not TIMESTAMP(3)"),
]


def mixed():
    """Good records with the poison ones between them: (values, reason by index)."""
    values, reasons = [], {}
    for i, g in enumerate(GOOD):
        values.append(g)
        if i < len(POISON):
            reasons[len(values)] = POISON[i][1]
            values.append(POISON[i][0])
    return values, reasons


@pytest.mark.parametrize("policy", ["drop", "dead_letter"])
def test_poison_records_are_dropped_or_dead_letters(dcp, flink, kafka, tmp_path, policy):
    src, out, dead = f"p-{policy}", f"p-{policy}-out", f"p-{policy}-dead"
    kafka.create_topics(src, out, dead)
    spec = poison_spec(
        tmp_path,
        kafka.bootstrap,
        f"poison-{policy.replace('_', '-')}",
        policy,
        src,
        out,
        dead if policy == "dead_letter" else None,
    )
    values, reasons = mixed()
    missing_id = {"amount": 9, "ts": "2024-01-15T10:30:09Z"}  # invalid for the transform
    values.append(missing_id)
    offsets = produce(kafka.bootstrap, src, values)
    job_id = dcp.submit(spec, "flink-dev")
    jid = running_jid(dcp, job_id)
    try:
        rows = consume(kafka.bootstrap, out, len(GOOD), 120, lambda: brief(dcp.logs(job_id)))
        assert sorted(r["id"] for r in rows) == [g["id"] for g in GOOD], rows
        assert {r["ts"] for r in rows} == {
            "2024-01-15 10:30:01",
            "2024-01-15 10:30:02",
            "2024-01-15 10:30:03",
        }, rows
        if policy == "dead_letter":
            letters = consume(kafka.bootstrap, dead, 4, 60, lambda: brief(dcp.logs(job_id)))
            by_reason = {d["reason"]: d for d in letters}
            assert len(letters) == 4, letters
            for index, reason in reasons.items():
                d = by_reason[reason]
                raw = values[index]
                assert d["raw_record"] == (raw if isinstance(raw, str) else json.dumps(raw))
                assert d["position"] == f"topic {src} partition 0 offset {offsets[index]}", d
            d = by_reason["id: null"]
            assert json.loads(d["raw_record"])["amount"] == 9 and d["position"] is None, d
        assert restarts(flink, jid) == 0
        assert dcp.status(job_id)["status"] == "RUNNING"
    finally:
        cancel(dcp, job_id)


def node_counts(stdout: str) -> dict:
    """The last `nodes` report of a runner's output, by node."""
    lines = [x for x in stdout.splitlines() if "uis-runner: nodes " in x]
    assert lines, "no nodes report"
    return {e["node"]: e for e in json.loads(lines[-1].split("uis-runner: nodes ", 1)[1])}


def test_drop_counts_and_logs_poison_records_on_a_local_run(dcp, kafka, tmp_path):
    """`drop` on the local mini-cluster: the good rows pass, the source's node counts carry the
    poison records as `invalid` and the job log names each with its offset and reason (Spark's
    words); a row the transform refuses is not poison."""
    src, out = "p-drop-local", "p-drop-local-out"
    kafka.create_topics(src, out)
    spec = poison_spec(tmp_path, kafka.bootstrap, "poison-drop-local", "drop", src, out)
    values, reasons = mixed()
    values.append({"amount": 9, "ts": "2024-01-15T10:30:09Z"})  # no id: invalid, not poison
    offsets = produce(kafka.bootstrap, src, values)
    job_id = dcp.submit(spec, "local")
    try:
        rows = consume(kafka.bootstrap, out, len(GOOD), 180, lambda: brief(dcp.logs(job_id)))
        assert sorted(r["id"] for r in rows) == [g["id"] for g in GOOD], rows
        want = f"source orders: {len(reasons)} poison record(s) handed to schema_validation"
        wait_for("the poison count in the log", lambda: want in dcp.logs(job_id), 60,
                 detail=lambda: brief(dcp.logs(job_id)))  # fmt: skip
        log = dcp.logs(job_id)
        lines = log.splitlines()
        logged = [x.split("uis-runner: ", 1)[1] for x in lines if "poison record at" in x]
        assert sorted(logged) == sorted(
            f"source orders: poison record at topic {src} partition 0 offset {offsets[i]}: {why}"
            for i, why in reasons.items()
        ), brief(log)
        # The job's record (what the run overlay shows): rows in every record, `invalid` the
        # poison ones, rows out all of them (the schema_validation decides).
        nodes = {n["node"]: n for n in dcp.status(job_id).get("nodes") or []}
        e = nodes["orders"]
        assert (e["rows_in"], e["invalid"], e["rows_out"]) == (
            len(values),
            len(reasons),
            len(values),
        ), nodes
        assert dcp.status(job_id)["status"] == "RUNNING"
    finally:
        cancel(dcp, job_id)


@pytest.mark.parametrize("target", ["flink-dev", "local"])
def test_poison_record_fails_the_job_once(dcp, flink, kafka, tmp_path, target):
    src, out = f"p-fail-{target}", f"p-fail-{target}-out"
    kafka.create_topics(src, out)
    spec = poison_spec(tmp_path, kafka.bootstrap, f"poison-fail-{target}", "fail", src, out)
    values = [GOOD[0], {"id": "b2", "amount": "abc", "ts": "2024-01-15T10:30:05Z"}, GOOD[1]]
    offsets = produce(kafka.bootstrap, src, values)
    job_id = dcp.submit(spec, target)
    try:
        st = wait_for(
            "the job to end FAILED",
            lambda: (lambda s: s if s["status"] in ("FAILED", "SUCCEEDED", "CANCELLED") else None)(
                dcp.status(job_id)
            ),
            180,
            interval=1,
            detail=lambda: f"{dcp.status(job_id)}\n{brief(dcp.logs(job_id))}",
        )
        log = dcp.logs(job_id)
        assert st["status"] == "FAILED", f"{st}\n{brief(log)}"
        want = f"topic {src} partition 0 offset {offsets[1]}: amount: not BIGINT"
        assert want in st["error"], f"{st}\n{brief(log)}"
        assert "restart" not in (st.get("engine_state") or ""), st
        assert not re.search(r"restart \d+ caused by", log), brief(log)
        if target == "flink-dev":
            assert restarts(flink, st["engine_job_id"]) <= 1  # the failure itself, no restart
            assert "RESTARTING" not in log, brief(log)
    finally:
        cancel(dcp, job_id)


def test_json_files_poison_records_are_dead_letters(tmp_path):
    """JSON lines files take the same route (batch, a local mini-cluster): the position of a
    dead letter is its file."""
    import subprocess
    import sys

    import pyarrow.parquet as pq
    import templates as T

    (tmp_path / "in").mkdir()
    data = tmp_path / "in" / "a.json"
    lines = [
        '{"sensor_id":"s1","signal":5,"reading_time":"2024-01-15T10:00:05+0200"}',
        "{broken",
        '{"sensor_id":"s2","signal":"abc","reading_time":"2024-01-15T08:00:06Z"}',
        '{"sensor_id":"s3","signal":7,"reading_time":1705305607000}',
    ]
    data.write_text("\n".join(lines) + "\n")
    spec = tmp_path / "files.uis.yaml"
    spec.write_text(f"""version: "1.1"
name: json-files
provider:
  name: json_files
  provider_type: file_ftp
  base_url: file://{tmp_path}
  tenant_id: t
  owner: o@example.com
  mode: batch
  endpoints:
    - name: readings
      path: in/*.json
      format: json
      schema:
        - {{ name: sensor_id, type: string }}
        - {{ name: signal, type: int }}
        - {{ name: reading_time, type: timestamp }}
  transforms:
    - name: checked
      type: schema_validation
      inputs: [readings]
      schema:
        - {{ name: sensor_id, type: string, nullable: false }}
      on_invalid: dead_letter
  sinks:
    - name: good
      type: parquet
      inputs: [checked]
      config: {{ path: "file://{tmp_path}/out/good" }}
    - name: dead
      type: parquet
      inputs: [checked_dead_letter]
      config: {{ path: "file://{tmp_path}/out/dead" }}
""")
    sql, job = tmp_path / "job.sql", tmp_path / "job.json"
    for target, out in (("flink-sql", sql), ("flink-job", job)):  # the job names the nodes
        c = subprocess.run(
            [str(T.tool("uisctl")), "compile", str(spec), "--target", target, "--engine", "flink"],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert c.returncode == 0, c.stderr
        out.write_text(c.stdout)
    runner = T.REPO / "runners" / "flink" / "uis_flink_runner.py"
    p = subprocess.run(
        [sys.executable, str(runner), "--sql", str(sql), "--spec-job", str(job)],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
    )  # fmt: skip
    assert p.returncode == 0, p.stdout[-3000:] + p.stderr[-3000:]
    # Counted in the source's node counts and logged with their file, as on Spark.
    e = node_counts(p.stdout)["readings"]
    assert (e["rows_in"], e["invalid"], e["rows_out"]) == (4, 2, 4), e
    assert "source readings: 2 poison record(s) handed to schema_validation" in p.stdout
    logged = sorted(x for x in p.stdout.splitlines() if "source readings: poison record at" in x)
    assert logged == [
        f"uis-runner: source readings: poison record at file {data}: not JSON",
        f"uis-runner: source readings: poison record at file {data}: signal: not INT",
    ], p.stdout[-3000:]

    def rows(name):
        files = [f for f in (tmp_path / "out" / name).rglob("*") if f.is_file()]
        return [
            r for f in files if not f.name.startswith(".") for r in pq.read_table(f).to_pylist()
        ]

    good = sorted((r["sensor_id"], str(r["reading_time"])) for r in rows("good"))
    assert good == [("s1", "2024-01-15 08:00:05"), ("s3", "2024-01-15 08:00:07")], good
    dead = sorted((r["reason"], r["raw_record"], r["position"]) for r in rows("dead"))
    assert dead == [
        ("not JSON", lines[1], f"file {data}"),
        ("signal: not INT", lines[2], f"file {data}"),
    ], dead


# ---------------------------------------------------------------------------- the runner's parts
JOB = {
    "sources": [{"name": "kafka_orders", "endpoint": "orders"}],
    "transforms": [{"name": "checked", "type": "schema_validation", "inputs": ["kafka_orders"]}],
    "sinks": [{"name": "good_out", "inputs": ["checked"]}],
}


def test_the_invalid_sink_counts_for_its_source_not_as_a_node():
    from uis_runners.flink.opnodes import NodeMap

    ops = [
        "Source: kafka_orders[1]",
        "Calc[2]",
        "Calc[3]",
        "good_out[4]: Writer",
        "Calc[5]",
        "kafka_orders__invalid[6]: Writer",
    ]
    nm = NodeMap(JOB, ops)
    assert nm.invalid == {"kafka_orders__invalid[6]: Writer": "orders"}
    assert "kafka_orders__invalid[6]: Writer" not in nm.by_name
    assert nm.node("Source: kafka_orders[1]") == ("orders", "source")


def test_the_poison_log_keeps_the_first_ten_in_sparks_words(tmp_path, capsys):
    from uis_runners.flink.poison import PoisonLog

    p = PoisonLog(JOB)
    p.path = str(tmp_path / "err.log")
    lines = [
        f"uis-poison kafka_orders__invalid> +I[topic t partition 0 offset {i}, amount: not BIGINT]"
        for i in range(12)
    ]
    with open(p.path, "w") as f:  # the last line not yet complete
        f.write("\n".join(lines[:11]) + "\nsomething else on stderr\n" + lines[11][:20])
    p.read()
    out = capsys.readouterr()
    logged = [x for x in out.out.splitlines() if "poison record at" in x]
    assert len(logged) == 10, out.out
    assert logged[0] == (
        "uis-runner: source orders: poison record at topic t partition 0 offset 0: "
        "amount: not BIGINT"
    )
    assert "something else on stderr" in out.err
    p.note([{"node": "orders", "invalid": 12}])
    p.note([{"node": "orders", "invalid": 12}])  # the same count: said once
    said = capsys.readouterr().out.splitlines()
    assert said == ["uis-runner: source orders: 12 poison record(s) handed to schema_validation"]
    # A print to standard error when read here, else the blackhole as compiled.
    ddl = (
        "CREATE TABLE `kafka_orders__invalid` (`position` STRING) WITH ('connector' = 'blackhole')"
    )
    assert "'standard-error' = 'true'" in p.ddl(ddl)
    assert PoisonLog(JOB).ddl(ddl) == ddl


def test_previews_and_test_mode_leave_the_poison_count_out():
    from uis_runners.flink.bounded import BoundedScript
    from uis_runners.flink.statements import split_sql

    script = split_sql(
        "CREATE TABLE `kafka_orders` (`uis_raw` STRING) WITH ('connector' = 'kafka');\n"
        "CREATE TABLE `out` (`id` STRING) WITH ('connector' = 'kafka');\n"
        "CREATE TABLE `kafka_orders__invalid` (`position` STRING, `reason` STRING) "
        "WITH ('connector' = 'blackhole');\n"
        "EXECUTE STATEMENT SET BEGIN\n"
        "INSERT INTO `out` SELECT `uis_raw` FROM `kafka_orders`;\n"
        "INSERT INTO `kafka_orders__invalid` SELECT 'p', 'r' FROM `kafka_orders`;\nEND;\n"
    )
    seen = []

    def insert(_st, target, _query):
        seen.append(target)
        return []

    out = BoundedScript(script).rewrite(lambda st, _t: st, insert)
    assert seen == ["out"]
    assert not any("__invalid" in st.text for st in out)
