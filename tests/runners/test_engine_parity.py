# SPDX-License-Identifier: Apache-2.0
"""Same result on both engines (README, "Same result on both engines"): one spec, compiled by
`uisctl` for Spark and for Flink, run by both runners on the same files, and the two outputs
compared row by row, and with the result the spec means.

The input proves each rule at once (one run per engine keeps the test short):
  - averages of integers are doubles: avg(signal_strength) over INT is 11.5, not 11;
  - count(*) is BIGINT on both, and aggregates ignore NULLs (count(x), avg(x));
  - filters treat NULL as not matching, `NOT (level > 2)` included;
  - string comparison is case-sensitive (`site <> 'Lab'` keeps `lab`);
  - timestamps: ISO-8601 with `Z`, with an offset (`+02:00`, `+0200`), with a space, with 9
    fraction digits, and epoch milliseconds parse to the same UTC instant, with the engines' JVMs
    in a non-UTC time zone (TZ=Asia/Kolkata);
  - windows are [start, end): an event at 00:10:00 is in [00:10, 00:20);
  - dedupe keeps the first row by event time, not the first read (the file lists the later
    duplicate first);
  - the CSV header line is not a row (Flink's csv format has no header option);
  - an empty CSV field is NULL and a number with blanks around it is that number;
  - a poison record (`5.5` in an INT column, a timestamp in no known form, a line of more or
    fewer fields than the schema) is dropped: the spec has no schema_validation (UIS-SPEC.md,
    "Values as real sources send them"); both engines count them (`invalid` in the source's node
    counts) and log them with their file.

The streaming case: the kafka-dedupe-window template (mode streaming) compiled for Spark (a
Structured Streaming job) and for Flink, both running on a real broker at the same time, emit the
same windows (duplicates arrive in event-time order: README, "What still differs").
"""

import json
import math
import sys
import time
from datetime import datetime

import pyarrow.parquet as pq
import pytest
import templates as T
from conftest import FLINK_RUNNER, SPARK_RUNNER, explain, run_flink, run_spark, runner_env
from test_kafka_engines import Proc, norm_ts, wait_for

pytestmark = [pytest.mark.spark, pytest.mark.flink]

SPEC = """\
version: "1.1"
name: parity-check
created_by: tests
provider:
  name: parity
  provider_type: file_ftp
  base_url: {base}
  tenant_id: tests
  owner: tests@example.com
  mode: batch
  parallelism: 1
  endpoints:
    - name: readings
      path: "*.csv"
      format: csv
      options:
        header: "true"
      schema:
        - {{ name: reading_id, type: string, nullable: false }}
        - {{ name: sensor_id, type: string }}
        - {{ name: site, type: string }}
        - {{ name: signal_strength, type: int }}
        - {{ name: level, type: int }}
        - {{ name: reading_time, type: timestamp, nullable: false }}
  transforms:
    - name: unique_readings
      type: dedupe
      keys: [reading_id]
      within: 1 hours
    - name: kept
      type: filter
      condition: NOT (level > 2) AND site <> 'Lab'
    - name: per_10_minutes
      type: window_aggregate
      time_column: reading_time
      window: 10 minutes
      group_by: [site]
      aggregates:
        readings: count(*)
        with_signal: count(signal_strength)
        avg_signal: avg(signal_strength)
  sinks:
    - name: rows_out
      type: parquet
      inputs: [kept]
      config: {{ path: "{out}/rows" }}
    - name: agg_out
      type: parquet
      inputs: [per_10_minutes]
      config: {{ path: "{out}/agg" }}
"""

CSV = """\
reading_id,sensor_id,site,signal_strength,level,reading_time
r1,s1,north,99,1,2024-01-01T00:09:00Z
r1,s1,north,10,1,2024-01-01T00:00:00Z
r2,s1,north,11,1,2024-01-01T02:01:00+02:00
r2,s1,north,13,1,2024-01-01T00:00:30.000Z
r3,s2,north,,1,1704067500000
r4,s2,north,20,1,2024-01-01 00:10:00
r5,s3,lab,30,1,2024-01-01T00:02:00Z
r6,s3,Lab,40,1,2024-01-01T00:03:00Z
r7,s4,north,50,,2024-01-01T00:04:00Z
r8,s4,north,60,3,2024-01-01T00:04:30Z
r9,,lab, 35,1,2024-01-01T00:06:00Z
r10,s5,lab,5.5,1,2024-01-01T00:07:00Z
r11,s6,north,1,1,2024-01-01T02:11:00.120000000+0200
r12,s7,north,2,1,not a time
r13,s8,north,1,1,2024-01-01T00:01:00Z,surplus
r14,s9,north
"""
POISON = ["r10", "r12", "r13", "r14"]


def ts(text: str) -> datetime:
    return datetime.fromisoformat(text)


# What the spec means: the rows that pass dedupe and the filter, and their windows.
EXPECTED_ROWS = [
    ("r1", "s1", "north", 10, 1, ts("2024-01-01 00:00:00")),  # earliest by event time
    ("r2", "s1", "north", 13, 1, ts("2024-01-01 00:00:30")),  # 00:01:00Z (+02:00) is later
    ("r3", "s2", "north", None, 1, ts("2024-01-01 00:05:00")),  # epoch milliseconds
    ("r4", "s2", "north", 20, 1, ts("2024-01-01 00:10:00")),  # a space instead of T
    ("r5", "s3", "lab", 30, 1, ts("2024-01-01 00:02:00")),  # 'lab' <> 'Lab'
    ("r9", None, "lab", 35, 1, ts("2024-01-01 00:06:00")),  # an empty field, a padded number
    ("r11", "s6", "north", 1, 1, ts("2024-01-01 00:11:00.120")),  # +0200, 9 fraction digits
]  # r10 (5.5 is no INT), r12 (no time), r13 and r14 (more and fewer fields) are poison
EXPECTED_AGG = [
    # window_start, window_end, site, readings, with_signal, avg_signal
    (ts("2024-01-01 00:00:00"), ts("2024-01-01 00:10:00"), "lab", 2, 2, 32.5),
    (ts("2024-01-01 00:00:00"), ts("2024-01-01 00:10:00"), "north", 3, 2, 11.5),
    (ts("2024-01-01 00:10:00"), ts("2024-01-01 00:20:00"), "north", 2, 2, 10.5),
]
ROW_COLUMNS = ["reading_id", "sensor_id", "site", "signal_strength", "level", "reading_time"]
AGG_COLUMNS = ["window_start", "window_end", "site", "readings", "with_signal", "avg_signal"]


def read(path, columns):
    """The parquet files under `path` as sorted tuples, timestamps as naive UTC datetimes."""
    table = pq.read_table(str(path))
    rows = []
    for r in table.to_pylist():
        row = []
        for c in columns:
            v = r[c]
            if isinstance(v, datetime) and v.tzinfo is not None:
                v = v.replace(tzinfo=None)
            row.append(v)
        rows.append(tuple(row))
    return sorted(rows, key=repr), table.schema


def types(schema, columns):
    return {c: str(schema.field(c).type) for c in columns}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """Both engines' outputs of the one spec: {"spark": dir, "flink": dir}."""
    root = tmp_path_factory.mktemp("parity")
    data = root / "in"
    data.mkdir()
    (data / "readings.csv").write_text(CSV)
    out = {}
    for engine in ("spark", "flink"):
        o = root / f"out-{engine}"
        spec = root / f"parity-{engine}.uis.yaml"
        spec.write_text(SPEC.format(base=data.as_uri(), out=o.as_uri()))
        # The JVMs in a time zone that is not UTC: the results must not move.
        env = {"TZ": "Asia/Kolkata"}
        if engine == "spark":
            job = T.load(T.compile_spec(spec, "spark-job", "--master", "local[1]"))
            p = run_spark(job, root, env=env, timeout=240, name="parity-job.json")
        else:
            sql, job = root / "parity.sql", root / "parity-flink.json"
            T.compile_spec(spec, "flink-sql", "--format", "text", out_file=sql)
            T.compile_spec(spec, "flink-job", out_file=job)  # names the nodes of the counts
            p = run_flink(sql, "--spec-job", str(job), env=env, timeout=240)
        assert p.returncode == 0, f"{engine}: {explain(p)}"
        out[engine] = o
        out[f"{engine}-run"] = p
    return out


def test_flink_compiles_the_batch_files_spec_to_a_batch_job(outputs, tmp_path):
    sql = (outputs["flink"].parent / "parity.sql").read_text()
    assert "SET 'execution.runtime-mode' = 'batch';" in sql
    assert "SET 'table.local-time-zone' = 'UTC';" in sql
    # csv lines are read whole and split in SQL (a line of more fields is poison, not skipped)
    assert "'connector' = 'filesystem'" in sql and "'format' = 'raw'" in sql
    assert "AVG(CAST(signal_strength AS DOUBLE))" in sql
    assert "ORDER BY `reading_time` ASC" in sql


def test_rows_match_row_by_row(outputs):
    spark, spark_schema = read(outputs["spark"] / "rows", ROW_COLUMNS)
    flink, flink_schema = read(outputs["flink"] / "rows", ROW_COLUMNS)
    assert spark == flink, f"spark {spark}\nflink {flink}"
    assert spark == sorted(EXPECTED_ROWS, key=repr)
    assert types(spark_schema, ["signal_strength", "level"]) == types(
        flink_schema, ["signal_strength", "level"]
    )


def node_report(stdout: str) -> dict:
    lines = [x for x in stdout.splitlines() if x.startswith("uis-runner: nodes ")]
    assert lines, "no nodes report"
    return {e["node"]: e for e in json.loads(lines[-1][len("uis-runner: nodes ") :])}


@pytest.mark.parametrize("engine", ["spark", "flink"])
def test_poison_records_are_counted_and_logged(outputs, engine):
    """Without a schema_validation the source drops its poison records: counted in its node
    counts and logged with their file, in the same words on both engines."""
    p = outputs[f"{engine}-run"]
    e = node_report(p.stdout)["readings"]
    # (Flink's source emits the header line too: its rows in are the file's lines.)
    lines = len(CSV.splitlines()) - (engine == "spark")
    assert (e["rows_in"], e["invalid"], e["rows_out"]) == (
        lines,
        len(POISON),
        lines - len(POISON),
    ), e
    assert f"source readings: {len(POISON)} poison record(s) dropped" in p.stdout, explain(p)
    logged = [x for x in p.stdout.splitlines() if "source readings: poison record at " in x]
    assert len(logged) == len(POISON), explain(p)
    assert all("readings.csv: " in x for x in logged), logged
    assert sum("reading_time" in x for x in logged) == 1, logged
    assert sum("signal_strength" in x for x in logged) == 1, logged
    assert sum("not a csv record of the schema" in x for x in logged) == 2, logged


def test_aggregates_match_row_by_row(outputs):
    spark, spark_schema = read(outputs["spark"] / "agg", AGG_COLUMNS)
    flink, flink_schema = read(outputs["flink"] / "agg", AGG_COLUMNS)
    assert len(spark) == len(flink) == len(EXPECTED_AGG), f"spark {spark}\nflink {flink}"
    for s, f, e in zip(spark, flink, sorted(EXPECTED_AGG, key=repr), strict=True):
        assert s[:5] == f[:5] == e[:5], (s, f, e)
        assert math.isclose(s[5], e[5], rel_tol=1e-9) and math.isclose(f[5], e[5], rel_tol=1e-9)
    # count(*) is BIGINT and avg of an INT a DOUBLE on both
    for schema in (spark_schema, flink_schema):
        assert types(schema, ["readings", "with_signal", "avg_signal"]) == {
            "readings": "int64",
            "with_signal": "int64",
            "avg_signal": "double",
        }


# ---------------------------------------------------------------- streaming Kafka, the template

CLICKS = [
    # event_id, page, duration, seconds after 00:00
    ("c1", "p1", 1.0, 5),
    ("c2", "p1", 3.0, 20),
    ("c1", "p1", 1.0, 5),  # a duplicate
    ("c3", "p2", 4.0, 30),
    ("c4", "p1", 5.0, 60),  # exactly at the end of [00:00, 00:01): in [00:01, 00:02)
    ("c5", "p2", 6.0, 70),
    ("c5", "p2", 6.0, 70),  # a duplicate
]
# One hour later: past both engines' watermarks (Spark's is the dedupe's `within`, 10 minutes).
CLOSE = ("c99", "p9", 0.0, 3600)
EXPECTED_WINDOWS = {
    ("2024-01-01 00:00:00", "2024-01-01 00:01:00", "p1"): (2, 2.0),
    ("2024-01-01 00:00:00", "2024-01-01 00:01:00", "p2"): (1, 4.0),
    ("2024-01-01 00:01:00", "2024-01-01 00:02:00", "p1"): (1, 5.0),
    ("2024-01-01 00:01:00", "2024-01-01 00:02:00", "p2"): (1, 6.0),
}


def click(eid, page, duration, sec):
    h, rest = divmod(sec, 3600)
    m, s = divmod(rest, 60)
    t = f"2024-01-01 {h:02d}:{m:02d}:{s:02d}.000"
    return {"event_id": eid, "page": page, "duration": duration, "event_time": t}


def template_for(engine, bootstrap, src, out):
    text = (T.TEMPLATES / "kafka-dedupe-window.uis.yaml").read_text()
    for old, new in (
        ("localhost:9092", bootstrap),
        ("topic: clicks", f"topic: {src}"),
        ("kafka_topic: click-metrics", f"kafka_topic: {out}"),
        ("group_id: click-metrics", f"group_id: parity-{engine}"),
        ("parallelism: 2", "parallelism: 1"),
        ("checkpoint_interval: 30 s", "checkpoint_interval: 2 s"),
    ):
        assert old in text, old
        text = text.replace(old, new)
    return text


def test_streaming_kafka_template_same_windows_on_both_engines(tmp_path, kafka):
    from confluent_kafka import Consumer, Producer

    src, outs = "parity-clicks", {"spark": "parity-spark", "flink": "parity-flink"}
    kafka.create_topics(src, *outs.values())
    procs = {}
    for engine, out in outs.items():
        spec = tmp_path / f"{engine}.uis.yaml"
        spec.write_text(template_for(engine, kafka.bootstrap, src, out))
        if engine == "spark":
            job = tmp_path / "spark-job.json"
            T.compile_spec(spec, "spark-job", "--master", "local[2]", out_file=job)
            assert json.loads(job.read_text())["schedule"]["trigger_type"] == "processing_time"
            cmd = [sys.executable, str(SPARK_RUNNER), "--job-config", str(job)]
            cmd += ["--master", "local[2]", "--checkpoint-dir", str(tmp_path / "ckpt")]
        else:
            sql = tmp_path / "flink.sql"
            T.compile_spec(spec, "flink-sql", "--format", "text", out_file=sql)
            cmd = [sys.executable, str(FLINK_RUNNER), "--sql", str(sql)]
        procs[engine] = Proc(cmd, runner_env())
    spark, flink = procs["spark"], procs["flink"]
    consumer = Consumer(
        {
            "bootstrap.servers": kafka.bootstrap,
            "group.id": "parity",
            "auto.offset.reset": "earliest",
        }
    )
    consumer.subscribe(list(outs.values()))
    got = {}

    def windows(topic):
        while (m := consumer.poll(0.5)) is not None:
            if m.error():
                continue
            v = json.loads(m.value())
            key = (norm_ts(v["window_start"]), norm_ts(v["window_end"]), v["page"])
            got.setdefault(m.topic(), []).append((key, (v["clicks"], float(v["avg_duration"]))))
        return dict(got.get(topic, []))

    try:
        wait_for(
            lambda: spark.has("streaming query") and flink.has("state RUNNING"),
            180,
            "both jobs running",
            procs,
        )
        p = Producer({"bootstrap.servers": kafka.bootstrap, "linger.ms": 5})
        for c in CLICKS:
            p.produce(src, value=json.dumps(click(*c)).encode())
        assert p.flush(30) == 0
        time.sleep(3)  # the duplicates are read before the event that closes the windows
        p.produce(src, value=json.dumps(click(*CLOSE)).encode())
        assert p.flush(30) == 0
        wait_for(
            lambda: all(set(windows(t)) >= set(EXPECTED_WINDOWS) for t in outs.values()),
            150,
            lambda: f"the windows from both engines (so far {got})",
            procs,
        )
        time.sleep(2)
        windows(outs["spark"])
    finally:
        spark.stop()
        flink.stop()
        consumer.close()
    for engine, topic in outs.items():
        rows = got[topic]
        assert len(rows) == len({k for k, _ in rows}), f"{engine} emitted a window twice: {rows}"
        assert dict(rows) == EXPECTED_WINDOWS, f"{engine}: {rows}"
