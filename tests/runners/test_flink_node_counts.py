# SPDX-License-Identifier: Apache-2.0
"""The Flink runner's rows per spec node (`uis-runner: nodes [...]`, the canvas's run overlay) on
real runs of shipped templates: the counts equal what the sinks received, read back from the
sinks themselves.

Batch: files-to-parquet (CSV → filter → 10-minute windows → Parquet), a bounded job that ends in
seconds, so the final counts must survive the end of its mini-cluster. Streaming:
kafka-dedupe-window on the test broker, stopped by --max-run-seconds, counts while it runs (with
a rate) and after."""

import json
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import templates as T
from conftest import FLINK_RUNNER, explain, run_flink, runner_env

pytestmark = pytest.mark.flink

MARK = "uis-runner: nodes "


def node_reports(stdout: str) -> list[dict]:
    return [
        {e["node"]: e for e in json.loads(line[len(MARK) :])}
        for line in stdout.splitlines()
        if line.startswith(MARK)
    ]


def compile_both(spec: Path, workdir: Path) -> tuple[Path, Path]:
    sql, job = workdir / "job.sql", workdir / "job.json"
    T.compile_spec(spec, "flink-sql", "--format", "text", out_file=sql)
    T.compile_spec(spec, "flink-job", out_file=job)
    return sql, job


def test_batch_files_template_counts_equal_what_the_sink_received(tmp_path):
    template = T.TEMPLATES / "files-to-parquet.uis.yaml"
    data, out = tmp_path / "in", tmp_path / "out"
    endpoint = T.load(template)["provider"]["endpoints"][0]
    written = T.write_files(endpoint, data, n=40)
    text = T.rewrite_base_url(template.read_text(), data.as_uri())
    old_sink = "s3a://sensor-rollups/ten-minute"
    assert old_sink in text
    spec = tmp_path / "files-to-parquet.uis.yaml"
    spec.write_text(text.replace(old_sink, out.as_uri()))
    sql, job = compile_both(spec, tmp_path)

    t0 = time.monotonic()
    p = run_flink(sql, "--spec-job", str(job), timeout=300)
    assert p.returncode == 0, explain(p)
    print(f"batch run {time.monotonic() - t0:.1f}s")
    reports = node_reports(p.stdout)
    assert reports, explain(p)
    nodes = reports[-1]

    table = pq.read_table(str(out))
    received = table.num_rows
    assert received > 1  # several windows, so the counts mean something
    # The sink: the rows it took are the rows in its files.
    assert nodes["rollup_parquet"]["rows_in"] == received
    assert nodes["rollup_parquet"]["rows_out"] == received
    # The window aggregate emitted exactly those rows, and counted in them every row its
    # `readings` column (count(*)) says it aggregated, which is what the filter let through.
    assert nodes["per_10_minutes"]["rows_out"] == received
    aggregated = sum(table.column("readings").to_pylist())
    assert nodes["per_10_minutes"]["rows_in"] == aggregated
    assert nodes["usable"]["rows_out"] == aggregated
    # What Flink read: every line of the file. Flink's csv format has no header option: the
    # header line is a row the compiled source view drops, in the Calc Flink merges with the
    # filter, so it is counted out of the source and into the filter.
    lines = len(written.read_text().splitlines())
    assert nodes["readings"]["rows_out"] == lines
    assert nodes["usable"]["rows_in"] == lines
    assert aggregated < lines - 1  # the filter dropped rows (null signal strengths)
    assert all("error" not in e for e in nodes.values())


def test_streaming_kafka_template_counts_live_and_final(tmp_path, kafka):
    from confluent_kafka import Consumer, Producer
    from test_engine_parity import CLICKS, CLOSE, click, template_for
    from test_kafka_engines import Proc

    src, out = "counts-clicks", "counts-metrics"
    kafka.create_topics(src, out)
    p = Producer({"bootstrap.servers": kafka.bootstrap, "linger.ms": 5})
    sent = [*CLICKS, CLOSE]
    for c in sent:
        p.produce(src, value=json.dumps(click(*c)).encode())
    assert p.flush(30) == 0
    spec = tmp_path / "kafka-dedupe-window.uis.yaml"
    spec.write_text(template_for("flink", kafka.bootstrap, src, out))
    sql, job = compile_both(spec, tmp_path)
    # Stopped by its own time limit (not a signal): the runner cancels the job and reports the
    # counters' last values. The windows come out seconds after the job runs (all the input is
    # there before it starts); 90 s leave room for a slow start on a loaded machine.
    cmd = [sys.executable, str(FLINK_RUNNER), "--sql", str(sql), "--spec-job", str(job)]
    proc = Proc([*cmd, "--max-run-seconds", "90"], runner_env())
    try:
        proc.p.wait(240)
    finally:
        proc.stop()
    stdout = "\n".join(proc.lines)
    assert proc.p.returncode == 0, stdout[-6000:]

    consumer = Consumer(
        {
            "bootstrap.servers": kafka.bootstrap,
            "group.id": "counts",
            "auto.offset.reset": "earliest",
        }
    )
    consumer.subscribe([out])
    received, idle = [], 0
    while idle < 6:
        m = consumer.poll(0.5)
        if m is None or m.error():
            idle += 1
            continue
        received.append(json.loads(m.value()))
    consumer.close()
    assert received, stdout[-6000:]

    reports = node_reports(stdout)
    assert reports, stdout[-6000:]
    # While it ran: counts with a rate (the source had read everything by then).
    live = [r for r in reports if "rows_per_second" in r.get("clicks", {})]
    assert live, reports
    final = reports[-1]
    assert final["clicks"]["rows_out"] == len(sent)
    assert final["unique_clicks"]["rows_in"] == len(sent)
    assert final["unique_clicks"]["rows_out"] == len({c[0] for c in sent})
    assert final["per_minute"]["rows_in"] == final["unique_clicks"]["rows_out"]
    assert final["per_minute"]["rows_out"] == len(received)
    assert final["metrics_out"]["rows_in"] == len(received)
    # The closed windows hold every click but the one that closed them.
    assert sum(r["clicks"] for r in received) == final["per_minute"]["rows_in"] - 1
