# SPDX-License-Identifier: Apache-2.0
"""The Spark runner's rows per spec node (`uis-runner: nodes [...]`, the canvas's run overlay):
on a real batch run the counts equal what the source holds and what the sink received, and a
failing sink is reported with its root cause."""

import json

import pyarrow.parquet as pq
import pytest
from conftest import explain, run_spark

pytestmark = pytest.mark.spark

ORDERS = """order_id,country,amount,status
1,de,50,paid
2,fr,150,paid
3,de,300,cancelled
4,de,120,paid
5,us,99.5,paid
6,us,1000,paid
7,fr,101,paid
"""


def node_report(stdout: str) -> dict:
    lines = [line for line in stdout.splitlines() if line.startswith("uis-runner: nodes ")]
    assert lines, "no nodes report"
    return {e["node"]: e for e in json.loads(lines[-1][len("uis-runner: nodes ") :])}


def test_batch_counts_per_node_equal_what_the_sink_received(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "orders-1.csv").write_text(ORDERS)
    env = {"UIS_TEST_IN": tmp_path / "in", "UIS_TEST_OUT": tmp_path / "out"}
    p = run_spark("csv_filter_parquet.json", tmp_path, env=env)
    assert p.returncode == 0, explain(p)
    nodes = node_report(p.stdout)
    written = sum(
        pq.ParquetFile(f).metadata.num_rows
        for f in (tmp_path / "out" / "orders").rglob("*.parquet")
    )
    assert written == 4
    assert nodes["file_orders"]["rows_out"] == 7
    assert nodes["large_orders"] == {"node": "large_orders", "rows_in": 7, "rows_out": 4}
    assert nodes["by_country"] == {"node": "by_country", "rows_in": 4, "rows_out": 4}
    assert nodes["landing"]["rows_in"] == written
    assert nodes["landing"]["rows_out"] == written


def test_failing_sink_is_reported_on_its_node(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "orders-1.csv").write_text(ORDERS)
    job = json.loads((run_spark.__globals__["JOBS"] / "csv_filter_parquet.json").read_text())
    # mode "error" onto an existing folder: Spark refuses to write.
    (tmp_path / "out" / "orders").mkdir(parents=True)
    (tmp_path / "out" / "orders" / "x").write_text("occupied")
    job["sinks"][0]["mode"] = "error"
    env = {"UIS_TEST_IN": tmp_path / "in", "UIS_TEST_OUT": tmp_path / "out"}
    p = run_spark(job, tmp_path, env=env)
    assert p.returncode == 1, explain(p)
    nodes = node_report(p.stdout)
    assert "already exists" in nodes["landing"]["error"]
