# SPDX-License-Identifier: Apache-2.0
"""Spark runner: every file format of a file_ftp source in one dry run, the clear error when
XML has no reader, and the JDBC write of the ClickHouse sink."""

import json

import pytest
from conftest import explain, run_spark

pytestmark = pytest.mark.spark

ROWS = [
    {"id": 1, "name": "a", "qty": 2},
    {"id": 2, "name": "b", "qty": 0},
    {"id": 3, "name": "c", "qty": 7},
]


def write_inputs(d):
    import pyarrow as pa
    import pyarrow.parquet as pq

    d.mkdir()
    (d / "rows.csv").write_text(
        "id,name,qty\n" + "".join(f"{r['id']},{r['name']},{r['qty']}\n" for r in ROWS)
    )
    (d / "rows.json").write_text("".join(json.dumps(r) + "\n" for r in ROWS))
    (d / "rows.xml").write_text(
        "<rows>"
        + "".join(
            f"<row><id>{r['id']}</id><name>{r['name']}</name><qty>{r['qty']}</qty></row>"
            for r in ROWS
        )
        + "</rows>"
    )
    pq.write_table(pa.Table.from_pylist(ROWS), d / "rows.parquet")


def formats_job(d):
    sources = [
        {
            "type": "file_ftp",
            "name": f"file_{fmt}",
            "path": str(d / f"rows.{fmt}"),
            "format": fmt,
            "options": {"rowTag": "row"} if fmt == "xml" else {},
        }
        for fmt in ("csv", "json", "xml", "parquet")
    ]
    union = " UNION ALL ".join(
        f"SELECT CAST(id AS INT) AS id, '{s['name']}' AS src FROM {s['name']} WHERE qty > 0"
        for s in sources
    )
    return {
        "job_type": "batch",
        "spark_config": {"spark.app.name": "uis-formats", "spark.ui.enabled": "false"},
        "sources": sources,
        "transforms": [
            {
                "type": "sql",
                "name": "all_rows",
                "inputs": [s["name"] for s in sources],
                "query": union,
            }
        ],
        "sinks": [{"type": "parquet", "name": "out", "path": str(d.parent / "out")}],
        "schedule": {"trigger_type": "once"},
    }


def previews(stdout):
    out = {}
    for line in stdout.splitlines():
        if line.startswith("uis-preview: "):
            e = json.loads(line[len("uis-preview: ") :])
            if e["event"] == "row":
                out.setdefault(e["node"], []).append(e["data"])
    return out


def test_file_formats_dry_run(tmp_path):
    write_inputs(tmp_path / "in")
    p = run_spark(formats_job(tmp_path / "in"), tmp_path, "--dry-run", "--limit", "10")
    assert p.returncode == 0, explain(p)
    rows = previews(p.stdout)
    for fmt in ("csv", "json", "xml", "parquet"):
        got = sorted((int(r["id"]), r["name"], int(r["qty"])) for r in rows[f"file_{fmt}"])
        assert got == [(r["id"], r["name"], r["qty"]) for r in ROWS], fmt
    assert sorted((r["src"], r["id"]) for r in rows["all_rows"]) == sorted(
        (f"file_{fmt}", i) for fmt in ("csv", "json", "xml", "parquet") for i in (1, 3)
    )
    assert not (tmp_path / "out").exists()


def test_xml_without_reader_is_a_clear_error(tmp_path):
    write_inputs(tmp_path / "in")
    (tmp_path / "nojars").mkdir()
    job = formats_job(tmp_path / "in")
    job["sources"] = [s for s in job["sources"] if s["format"] == "xml"]
    job["transforms"] = []
    p = run_spark(job, tmp_path, "--jars-dir", str(tmp_path / "nojars"))
    assert p.returncode == 1, explain(p)
    assert "FAILED: format xml needs the spark-xml jar" in p.stdout, explain(p)


def test_clickhouse_sink_writes_over_jdbc(tmp_path, postgres):
    """No ClickHouse server can be installed here (not in Debian, no containers), so the sink's
    JDBC write runs against PostgreSQL through the same code with PostgreSQL's driver."""
    postgres.psql("DROP DATABASE IF EXISTS warehouse")
    postgres.psql("CREATE DATABASE warehouse")
    write_inputs(tmp_path / "in")
    job = {
        "job_type": "batch",
        "spark_config": {"spark.app.name": "uis-jdbc", "spark.ui.enabled": "false"},
        "sources": [
            {
                "type": "file_ftp",
                "name": "file_rows",
                "path": str(tmp_path / "in" / "rows.json"),
                "format": "json",
            }
        ],
        "transforms": [{"type": "filter", "name": "positive", "condition": "qty > 0"}],
        "sinks": [
            {
                "type": "clickhouse",
                "name": "rows_table",
                "format": "jdbc",
                "url": "jdbc:postgresql://127.0.0.1:{{env.PG_PORT}}/warehouse",
                "dbtable": "public.rows",
                "driver": "org.postgresql.Driver",
                "user": "postgres",
                "password": "{{secret.pg:password}}",
                "create_table_options": "",
            }
        ],
    }
    env = {"PG_PORT": postgres.port, "UIS_SECRET_PG_PASSWORD": postgres.password}
    p = run_spark(job, tmp_path, env=env)
    assert p.returncode == 0, explain(p)
    assert postgres.password not in p.stdout + p.stderr
    got = postgres.psql("SELECT id, name, qty FROM public.rows ORDER BY id", db="warehouse").split()
    assert got == ["1|a|2", "3|c|7"]


def validation_job(d, on_invalid):
    return {
        "job_type": "batch",
        "spark_config": {"spark.app.name": "uis-validate", "spark.ui.enabled": "false"},
        "sources": [
            {"type": "file_ftp", "name": "file_rows", "path": str(d / "bad.json"), "format": "json"}
        ],
        "transforms": [
            {
                "type": "schema_validation",
                "name": "checked",
                "on_invalid": on_invalid,
                "schema": [
                    {"name": "id", "type": "long", "nullable": False},
                    {"name": "qty", "type": "int"},
                ],
            }
        ],
        "sinks": [
            {"type": "parquet", "name": "good", "inputs": ["checked"], "path": str(d / "good")}
        ],
    }


def test_schema_validation_dead_letter_and_fail(tmp_path):
    d = tmp_path
    (d / "bad.json").write_text(
        '{"id": 1, "qty": "3"}\n{"id": null, "qty": 1}\n{"id": 3, "qty": "many"}\n'
        '{"id": 4, "qty": 5}\n'
    )
    job = validation_job(d, "dead_letter")
    job["sinks"].append(
        {
            "type": "parquet",
            "name": "rejects",
            "inputs": ["checked_dead_letter"],
            "path": str(d / "dl"),
        }
    )
    p = run_spark(job, tmp_path, "--dry-run")
    assert p.returncode == 0, explain(p)
    rows = previews(p.stdout)
    assert [r["id"] for r in rows["checked"]] == [1, 4] and rows["checked"][0]["qty"] == 3
    dead = rows["checked_dead_letter"]
    assert sorted((r["reason"], json.loads(r["raw_record"])["qty"]) for r in dead) == [
        ("id: null", "1"),  # no schema on the source: its values are read as text
        ("qty: not INT", "many"),
    ]

    p = run_spark(validation_job(d, "fail"), tmp_path)
    assert p.returncode == 1, explain(p)
    assert "schema_validation checked: " in p.stdout.split("FAILED:")[-1], explain(p)
    assert not list((d / "good").glob("*.parquet"))


def test_batch_sliding_window_into_iceberg_with_partition_transform(tmp_path, spark, warehouse):
    (tmp_path / "clicks.csv").write_text(
        "user,ts,ms\n"
        "a,2024-03-01 10:00:01,5\nb,2024-03-01 10:00:04,7\na,2024-03-01 10:00:06,1\n"
        "a,2024-03-02 09:00:00,2\n"
    )
    job = {
        "job_type": "batch",
        "spark_config": {
            "spark.app.name": "uis-sliding",
            "spark.ui.enabled": "false",
            "spark.sql.shuffle.partitions": "2",
        },
        "sources": [
            {
                "type": "file_ftp",
                "name": "file_clicks",
                "path": str(tmp_path / "clicks.csv"),
                "format": "csv",
            }
        ],
        "transforms": [
            {
                "type": "window_aggregate",
                "name": "per_user",
                "time_column": "ts",
                "window": "10 s",
                "slide": "5 s",
                "group_by": ["user"],
                "aggregates": {"clicks": "count(*)", "total_ms": "sum(ms)"},
            }
        ],
        "sinks": [
            {
                "type": "iceberg",
                "name": "t",
                "table": "sliding",
                "catalog": "uis_test",
                "namespace": "web",
                "catalog_type": "hadoop",
                "warehouse": str(warehouse),
                "mode": "append",
                "partition_by": ["days(window_start)", "user"],
            }
        ],
    }
    p = run_spark(job, tmp_path)
    assert p.returncode == 0, explain(p)
    rows = spark.sql(
        "SELECT user, date_format(window_start, 'yyyy-MM-dd HH:mm:ss') AS ws, clicks, total_ms "
        "FROM uis_test.web.sliding"
    ).collect()
    got = sorted((r["user"], r["ws"], r["clicks"], r["total_ms"]) for r in rows)
    assert got == [
        ("a", "2024-03-01 09:59:55", 1, 5),
        ("a", "2024-03-01 10:00:00", 2, 6),
        ("a", "2024-03-01 10:00:05", 1, 1),
        ("a", "2024-03-02 08:59:55", 1, 2),
        ("a", "2024-03-02 09:00:00", 1, 2),
        ("b", "2024-03-01 09:59:55", 1, 7),
        ("b", "2024-03-01 10:00:00", 1, 7),
    ]
    spec = spark.sql("SELECT partition FROM uis_test.web.sliding.partitions").collect()
    assert {tuple(r["partition"].asDict().keys()) for r in spec} == {("window_start_day", "user")}
    assert len(spec) == 3
