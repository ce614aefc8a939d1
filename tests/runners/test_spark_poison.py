# SPDX-License-Identifier: Apache-2.0
"""Values as real sources send them, on Spark (UIS-SPEC.md): poison records and timestamps.

Poison records (not JSON, a string in a number column, `5.5` in an int column, a timestamp in no
known form) mixed into good ones, from Kafka (a Structured Streaming query, available-now) and
from files (a batch job): the `schema_validation` that reads the endpoint decides (`drop` keeps
every good row and counts the bad, `dead_letter` gives each bad record with its reason and
position, `fail` ends FAILED once with the position as root cause); without one the source drops
them, counts them in the node report and logs them with their position. A JSON null or a missing
field is NULL, not poison.

Every timestamp form (epoch milliseconds as a number or digits; ISO-8601 with `Z`, `+02:00`,
`+0200`, no zone, `T` or a space, 0/3/6/9 fraction digits) is the same UTC instant, in a
declared schema, with the JVM and the session in time zones that are not UTC: as rows from files
(json and csv), and as one-minute windows of a Kafka stream.
"""

import json
from datetime import UTC, datetime

import pyarrow.parquet as pq
import pytest
from conftest import explain, run_spark

pytestmark = [pytest.mark.slow, pytest.mark.spark]

SCHEMA = [
    {"name": "id", "type": "string"},
    {"name": "amount", "type": "int"},
    {"name": "ts", "type": "timestamp"},
]
# The records as sent, in order; None: good, else a word of the reason each must give.
RECORDS = [
    ('{"id": "g1", "amount": 1, "ts": "2024-01-01T00:00:10Z"}', None),
    ("this is not json", "not JSON"),
    ('{"id": "g2", "amount": null, "ts": 1704067220000}', None),
    ('{"id": "b1", "amount": "lots", "ts": "2024-01-01T00:00:50Z"}', "amount"),
    ('{"id": "g3", "amount": " 3", "ts": "2024-01-01 00:00:30"}', None),
    ('{"id": "b2", "amount": 2, "ts": "yesterday"}', "ts"),
    ('{"id": "g4", "ts": "2024-01-01T02:00:40+02:00"}', None),
    ('{"id": "b3", "amount": 5.5, "ts": "2024-01-01T00:00:55Z"}', "amount"),
]
BAD = [(i, r, why) for i, (r, why) in enumerate(RECORDS) if why]
CSV = "id,amount,ts\n" + "\n".join(
    [
        "g1,1,2024-01-01T00:00:10Z",
        "b0,1,2024-01-01T00:00:11Z,surplus,fields",
        "g2,,1704067220000",
        "b1,lots,2024-01-01T00:00:50Z",
        "g3, 3,2024-01-01 00:00:30",
        "b2,2,yesterday",
        "g4,,2024-01-01T02:00:40+02:00",
        "b3,5.5,2024-01-01T00:00:55Z",
    ]
)


def t(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=None)


GOOD = [
    ("g1", 1, t("2024-01-01 00:00:10")),
    ("g2", None, t("2024-01-01 00:00:20")),
    ("g3", 3, t("2024-01-01 00:00:30")),
    ("g4", None, t("2024-01-01 00:00:40")),
]

# (form, value as sent, the UTC instant it means)
FORMS = [
    ("epoch_ms_number", 1704067230000, "2024-01-01 00:00:30"),
    ("epoch_ms_digits", "1704067290000", "2024-01-01 00:01:30"),
    ("z", "2024-01-01T00:02:30Z", "2024-01-01 00:02:30"),
    ("offset_colon", "2024-01-01T02:03:30+02:00", "2024-01-01 00:03:30"),
    ("offset_compact", "2024-01-01T02:04:30+0200", "2024-01-01 00:04:30"),
    ("no_zone_t", "2024-01-01T00:05:30", "2024-01-01 00:05:30"),
    ("no_zone_space", "2024-01-01 00:06:30", "2024-01-01 00:06:30"),
    ("fraction_3", "2024-01-01T00:07:30.123Z", "2024-01-01 00:07:30.123"),
    ("fraction_6", "2024-01-01T00:08:30.123456+00:00", "2024-01-01 00:08:30.123456"),
    # 9 digits are cut to Spark's microseconds, never rounded into the next minute
    ("fraction_9", "2024-01-01T00:09:59.999999999Z", "2024-01-01 00:09:59.999999"),
    ("negative_offset", "2023-12-31T19:10:30-05:00", "2024-01-01 00:10:30"),
    ("space_half_hour_offset", "2024-01-01 05:41:30+05:30", "2024-01-01 00:11:30"),
]
FORM_SCHEMA = [{"name": "form", "type": "string"}, {"name": "ts", "type": "timestamp"}]
# Neither the JVM nor the session in UTC: the instants must not move.
ENV = {"TZ": "Asia/Kolkata"}
SPARK_CONFIG = {
    "spark.ui.enabled": "false",
    "spark.sql.shuffle.partitions": "2",
    "spark.sql.session.timeZone": "America/New_York",
}


def rows(path, columns):
    out = []
    for r in pq.read_table(str(path)).to_pylist():
        row = []
        for c in columns:
            v = r[c]
            if hasattr(v, "to_pydatetime"):  # a nanosecond timestamp comes as pandas'
                v = v.to_pydatetime()
            if isinstance(v, datetime) and v.tzinfo is not None:
                v = v.astimezone(UTC).replace(tzinfo=None)
            row.append(v)
        out.append(tuple(row))
    return sorted(out, key=repr)


def node_report(stdout: str) -> dict:
    lines = [x for x in stdout.splitlines() if x.startswith("uis-runner: nodes ")]
    assert lines, "no nodes report"
    return {e["node"]: e for e in json.loads(lines[-1][len("uis-runner: nodes ") :])}


def validation(name, source, on_invalid):
    return {
        "type": "schema_validation",
        "name": name,
        "inputs": [source],
        "on_invalid": on_invalid,
        "schema": [{"name": "id", "type": "string", "nullable": False}],
    }


def parquet(name, inputs, out):
    return {"type": "parquet", "name": name, "inputs": [inputs], "path": str(out / name)}


def dead_letters(path):
    return sorted(
        (r["raw_record"], r["reason"], r["position"]) for r in pq.read_table(str(path)).to_pylist()
    )


def check_dead_letters(got, sent, position_of):
    """Each bad record once, as sent, with its reason and its position."""
    assert len(got) == len(BAD), got
    by_record = {r: (why, pos) for r, why, pos in got}
    for i, record, word in BAD:
        assert record in by_record, f"{record!r} not among the dead letters {got}"
        why, pos = by_record[record]
        assert word in why, f"{record!r}: reason {why!r}"
        assert position_of(i) in pos, f"{record!r}: position {pos!r}"


# ---------------------------------------------------------------------------- files (batch)
@pytest.fixture(scope="module")
def files_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("poison-files")
    for d in ("json", "csv", "forms_json", "forms_csv"):
        (root / d).mkdir()
    (root / "json" / "events.json").write_text("\n".join(r for r, _ in RECORDS) + "\n")
    (root / "csv" / "events.csv").write_text(CSV + "\n")
    (root / "forms_json" / "forms.json").write_text(
        "\n".join(json.dumps({"form": f, "ts": v}) for f, v, _ in FORMS) + "\n"
    )
    (root / "forms_csv" / "forms.csv").write_text(
        "form,ts\n" + "\n".join(f"{f},{v}" for f, v, _ in FORMS) + "\n"
    )
    out = root / "out"

    def src(name, d, fmt, schema=SCHEMA):
        return {
            "type": "file_ftp",
            "name": name,
            "path": str(root / d),
            "format": fmt,
            "schema": schema,
        }

    job = {
        "job_type": "batch",
        "spark_config": {**SPARK_CONFIG, "spark.app.name": "uis-poison-files"},
        "sources": [
            src("json_drop", "json", "json"),
            src("json_dead", "json", "json"),
            src("json_none", "json", "json"),
            src("csv_dead", "csv", "csv"),
            src("forms_json", "forms_json", "json", FORM_SCHEMA),
            src("forms_csv", "forms_csv", "csv", FORM_SCHEMA),
        ],
        "transforms": [
            validation("checked_drop", "json_drop", "drop"),
            validation("checked_dead", "json_dead", "dead_letter"),
            validation("checked_csv", "csv_dead", "dead_letter"),
        ],
        "sinks": [
            parquet("drop", "checked_drop", out),
            parquet("dead", "checked_dead", out),
            parquet("dead_dl", "checked_dead_dead_letter", out),
            parquet("none", "json_none", out),
            parquet("csv", "checked_csv", out),
            parquet("csv_dl", "checked_csv_dead_letter", out),
            parquet("forms_json_out", "forms_json", out),
            parquet("forms_csv_out", "forms_csv", out),
        ],
    }
    p = run_spark(job, root, env=ENV, timeout=300)
    assert p.returncode == 0, explain(p)
    return p, out, root


def test_files_drop_keeps_every_good_row_and_counts_the_bad(files_run):
    p, out, _ = files_run
    assert rows(out / "drop", ["id", "amount", "ts"]) == GOOD
    nodes = node_report(p.stdout)
    assert nodes["json_drop"]["invalid"] == len(BAD), nodes["json_drop"]
    assert nodes["checked_drop"]["rows_in"] == len(RECORDS), nodes["checked_drop"]
    assert nodes["checked_drop"]["rows_out"] == len(GOOD)


def test_files_dead_letter_gives_each_bad_record_its_reason_and_file(files_run):
    _, out, root = files_run
    assert rows(out / "dead", ["id", "amount", "ts"]) == GOOD
    check_dead_letters(dead_letters(out / "dead_dl"), RECORDS, lambda _i: "events.json")
    csv_bad = dead_letters(out / "csv_dl")
    assert rows(out / "csv", ["id", "amount", "ts"]) == GOOD
    reasons = {r.split(",")[0]: (why, pos) for r, why, pos in csv_bad}
    assert sorted(reasons) == ["b0", "b1", "b2", "b3"], csv_bad
    assert "csv" in reasons["b0"][0] and "amount" in reasons["b1"][0]
    assert "ts" in reasons["b2"][0] and "amount" in reasons["b3"][0]
    assert all("events.csv" in pos for _, pos in reasons.values())


def test_files_without_validation_drop_count_and_log_the_bad(files_run):
    p, out, _ = files_run
    assert rows(out / "none", ["id", "amount", "ts"]) == GOOD
    nodes = node_report(p.stdout)
    e = nodes["json_none"]
    assert (e["rows_in"], e["rows_out"], e["invalid"]) == (len(RECORDS), len(GOOD), len(BAD)), e
    assert f"source json_none: {len(BAD)} poison record(s) dropped" in p.stdout
    logged = [x for x in p.stdout.splitlines() if "source json_none: poison record at" in x]
    assert len(logged) == len(BAD), p.stdout
    assert all("events.json" in x for x in logged)
    assert any("not JSON" in x for x in logged)


@pytest.mark.parametrize("sink", ["forms_json_out", "forms_csv_out"])
def test_files_every_timestamp_form_is_the_same_utc_instant(files_run, sink):
    _, out, _ = files_run
    got = dict(rows(out / sink, ["form", "ts"]))
    assert got == {f: t(want) for f, _v, want in FORMS}


def instants(values) -> dict:
    """form → the instant an engine's JSON rendering of `ts` means, to the millisecond (the
    engines render milliseconds)."""
    out = {}
    for form, text in values:
        v = datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)
        out[form] = v.replace(tzinfo=None)
    return out


def to_ms(text: str) -> datetime:
    v = t(text)
    return v.replace(microsecond=v.microsecond // 1000 * 1000)


def test_preview_reads_every_timestamp_form(files_run, tmp_path):
    _, _, root = files_run
    job = {
        "job_type": "batch",
        "spark_config": {**SPARK_CONFIG, "spark.app.name": "uis-forms-preview"},
        "sources": [
            {
                "type": "file_ftp",
                "name": n,
                "path": str(root / n),
                "format": fmt,
                "schema": FORM_SCHEMA,
            }
            for n, fmt in (("forms_json", "json"), ("forms_csv", "csv"))
        ],
        "sinks": [{"type": "console", "name": "show", "inputs": ["forms_json"]}],
    }
    p = run_spark(job, tmp_path, "--dry-run", "--limit", "50", env=ENV)
    assert p.returncode == 0, explain(p)
    want = {f: to_ms(w) for f, _v, w in FORMS}
    for node in ("forms_json", "forms_csv"):
        got = [
            (e["data"]["form"], e["data"]["ts"])
            for e in map(
                json.loads,
                (
                    x[len("uis-preview: ") :]
                    for x in p.stdout.splitlines()
                    if x.startswith("uis-preview: ")
                ),
            )
            if e["event"] == "row" and e["node"] == node
        ]
        assert instants(got) == want, node


def test_test_mode_reads_every_timestamp_form_and_drops_poison(tmp_path):
    """`uisctl test` runs the runner's test mode: its rows are read by the same rule."""
    job = {
        "job_type": "micro_batch",
        "spark_config": {**SPARK_CONFIG, "spark.app.name": "uis-forms-test-mode"},
        "sources": [{**kafka_source("kafka_forms", "unused", FORM_SCHEMA), "endpoint": "forms"}],
        "sinks": [parquet("captured", "kafka_forms", tmp_path / "never")],
    }
    rows_in = [{"form": f, "ts": v} for f, v, _ in FORMS] + [{"form": "bad", "ts": "yesterday"}]
    (tmp_path / "inputs.json").write_text(json.dumps({"forms": rows_in}))
    cap = tmp_path / "capture"
    p = run_spark(
        job,
        tmp_path,
        "--test-inputs",
        str(tmp_path / "inputs.json"),
        "--capture-dir",
        str(cap),
        env=ENV,
    )
    assert p.returncode == 0, explain(p)
    lines = (cap / "captured.jsonl").read_text().splitlines()
    got = instants((r["form"], r["ts"]) for r in map(json.loads, lines))
    assert got == {f: to_ms(w) for f, _v, w in FORMS}


def test_rest_records_every_timestamp_form_and_dead_letters(http_server, tmp_path):
    """A REST source with a schema: the same rule; a record whose value does not convert goes
    to the dead letters with its record number."""
    from http.server import BaseHTTPRequestHandler

    body = [{"form": f, "ts": v} for f, v, _ in FORMS] + [{"form": "bad", "ts": "yesterday"}]

    class Api(BaseHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def do_GET(self):
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    srv = http_server(Api)
    job = {
        "job_type": "batch",
        "spark_config": {**SPARK_CONFIG, "spark.app.name": "uis-forms-rest"},
        "sources": [
            {
                "type": "rest_api",
                "name": "rest_forms",
                "url": f"{srv.url}/forms",
                "format": "json",
                "schema": FORM_SCHEMA,
            }
        ],
        "transforms": [
            {**validation("checked", "rest_forms", "dead_letter"), "schema": FORM_SCHEMA[:1]}
        ],
        "sinks": [
            parquet("good", "checked", tmp_path / "out"),
            parquet("dl", "checked_dead_letter", tmp_path / "out"),
        ],
    }
    p = run_spark(job, tmp_path, env=ENV)
    assert p.returncode == 0, explain(p)
    got = dict(rows(tmp_path / "out" / "good", ["form", "ts"]))
    assert got == {f: t(w) for f, _v, w in FORMS}
    [(record, why, pos)] = dead_letters(tmp_path / "out" / "dl")
    assert json.loads(record) == body[-1] and "ts: 'yesterday' is not TIMESTAMP" in why, why
    assert pos == f"{srv.url}/forms record {len(body)}", pos


def test_files_fail_ends_failed_with_the_file_as_root_cause(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "events.json").write_text("\n".join(r for r, _ in RECORDS) + "\n")
    job = {
        "job_type": "batch",
        "spark_config": {**SPARK_CONFIG, "spark.app.name": "uis-poison-fail"},
        "sources": [
            {
                "type": "file_ftp",
                "name": "events",
                "path": str(tmp_path / "in"),
                "format": "json",
                "schema": SCHEMA,
            }
        ],
        "transforms": [validation("checked", "events", "fail")],
        "sinks": [parquet("good", "checked", tmp_path / "out")],
    }
    p = run_spark(job, tmp_path, env=ENV)
    assert p.returncode == 1, explain(p)
    failed = [x for x in p.stdout.splitlines() if "FAILED:" in x]
    assert len(failed) == 1, explain(p)
    assert "schema_validation checked:" in failed[0] and "events.json" in failed[0], failed[0]
    assert not list((tmp_path / "out").rglob("*.parquet"))


# ---------------------------------------------------------------------------- Kafka (streaming)
def produce_raw(bootstrap, topic, values):
    from confluent_kafka import Producer

    p = Producer({"bootstrap.servers": bootstrap, "linger.ms": 5})
    for v in values:
        p.produce(topic, value=v.encode())
    assert p.flush(30) == 0


def kafka_source(name, topic, schema=SCHEMA):
    return {
        "type": "kafka",
        "name": name,
        "format": "json",
        "options": {
            "kafka.bootstrap.servers": "{{env.KAFKA_BOOTSTRAP}}",
            "subscribe": topic,
            "startingOffsets": "earliest",
        },
        "schema": schema,
    }


def kafka_job(app, sources, transforms, sinks):
    return {
        "job_type": "micro_batch",
        "spark_config": {**SPARK_CONFIG, "spark.app.name": app},
        "sources": sources,
        "transforms": transforms,
        "sinks": sinks,
        "schedule": {"trigger_type": "once"},  # available-now: drain the topics and stop
    }


@pytest.fixture(scope="module")
def topics(kafka):
    import uuid

    names = {k: f"{k}-{uuid.uuid4().hex[:8]}" for k in ("poison", "forms", "fail")}
    kafka.create_topics(*names.values())
    produce_raw(kafka.bootstrap, names["poison"], [r for r, _ in RECORDS])
    produce_raw(kafka.bootstrap, names["fail"], [r for r, _ in RECORDS])
    forms = [json.dumps({"form": f, "ts": v}) for f, v, _ in FORMS]
    # a later event moves the watermark past every window above, so that they close
    forms.append(json.dumps({"form": "closer", "ts": "2024-01-01T01:00:00Z"}))
    produce_raw(kafka.bootstrap, names["forms"], forms)
    return names


@pytest.fixture(scope="module")
def kafka_run(kafka, topics, tmp_path_factory):
    root = tmp_path_factory.mktemp("poison-kafka")
    out = root / "out"
    job = kafka_job(
        "uis-poison-kafka",
        [
            kafka_source("k_drop", topics["poison"]),
            kafka_source("k_dead", topics["poison"]),
            kafka_source("k_none", topics["poison"]),
            kafka_source("k_forms", topics["forms"], FORM_SCHEMA),
        ],
        [
            validation("checked_drop", "k_drop", "drop"),
            validation("checked_dead", "k_dead", "dead_letter"),
            {
                "type": "window_aggregate",
                "name": "per_minute",
                "inputs": ["k_forms"],
                "time_column": "ts",
                "window": "1 minute",
                "watermark": "10 seconds",
                "group_by": ["form"],
                "aggregates": {"events": "count(*)"},
            },
        ],
        [
            parquet("drop", "checked_drop", out),
            parquet("dead", "checked_dead", out),
            parquet("dead_dl", "checked_dead_dead_letter", out),
            parquet("none", "k_none", out),
            parquet("windows", "per_minute", out),
        ],
    )
    env = {**ENV, "KAFKA_BOOTSTRAP": kafka.bootstrap}
    p = run_spark(job, root, env=env, timeout=400)
    assert p.returncode == 0, explain(p)
    return p, out


def kafka_position(topic):
    return lambda i: f"topic {topic} partition 0 offset {i}"


def test_kafka_drop_keeps_every_good_row_and_counts_the_bad(kafka_run):
    p, out = kafka_run
    assert rows(out / "drop", ["id", "amount", "ts"]) == GOOD
    assert node_report(p.stdout)["k_drop"]["invalid"] == len(BAD)


def test_kafka_dead_letter_gives_each_bad_record_its_reason_and_offset(kafka_run, topics):
    _, out = kafka_run
    assert rows(out / "dead", ["id", "amount", "ts"]) == GOOD
    check_dead_letters(dead_letters(out / "dead_dl"), RECORDS, kafka_position(topics["poison"]))


def test_kafka_without_validation_drop_count_and_log_the_bad(kafka_run, topics):
    p, out = kafka_run
    assert rows(out / "none", ["id", "amount", "ts"]) == GOOD
    e = node_report(p.stdout)["k_none"]
    assert (e["rows_in"], e["rows_out"], e["invalid"]) == (len(RECORDS), len(GOOD), len(BAD)), e
    assert "source k_none: 4 poison record(s) dropped" in p.stdout
    first = kafka_position(topics["poison"])(BAD[0][0])
    assert f"source k_none: poison record at {first}: not JSON" in p.stdout


def test_kafka_every_timestamp_form_lands_in_its_minute(kafka_run):
    _, out = kafka_run
    got = rows(out / "windows", ["window_start", "form", "events"])
    want = sorted(((t(w).replace(second=0, microsecond=0), f, 1) for f, _v, w in FORMS), key=repr)
    assert got == want


def test_kafka_fail_ends_failed_once_with_the_offset_as_root_cause(kafka, topics, tmp_path):
    job = kafka_job(
        "uis-poison-kafka-fail",
        [kafka_source("events", topics["fail"])],
        [validation("checked", "events", "fail")],
        [parquet("good", "checked", tmp_path / "out")],
    )
    p = run_spark(job, tmp_path, env={**ENV, "KAFKA_BOOTSTRAP": kafka.bootstrap})
    assert p.returncode == 1, explain(p)
    failed = [x for x in p.stdout.splitlines() if "FAILED:" in x]
    assert len(failed) == 1, explain(p)
    first = kafka_position(topics["fail"])(BAD[0][0])
    assert "schema_validation checked: not JSON" in failed[0], failed[0]
    assert first in failed[0], failed[0]
