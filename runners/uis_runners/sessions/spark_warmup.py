# SPDX-License-Identifier: Apache-2.0
"""A new Spark Connect server's first previews load and compile what a preview runs (Connect's
plan conversion, the csv and json readers, the value conversions of records.py, a window
aggregate's shuffle, to_json): seconds more than the same preview later. The private pair's
server therefore previews a small job of its own once it answers (servers.spark_connect), through
the runner's own code (SparkJob, preview.fetch_nodes), before the user's first preview.

`python -m uis_runners.sessions.spark_warmup URL` runs it in a process of its own: a Connect
client marks its process as one (spark_warm.leave_connect). Nothing reaches stdout."""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROUNDS = 2  # the second preview also warms what the first compiled
BUDGET = 15  # seconds after which no further round starts (a busy machine)
ROWS = 60

SCHEMA = [
    {"name": "id", "type": "string", "nullable": False},
    {"name": "site", "type": "string"},
    {"name": "qty", "type": "int"},
    {"name": "big", "type": "long"},
    {"name": "price", "type": "double"},
    {"name": "amount", "type": "decimal(12,2)"},
    {"name": "ok", "type": "boolean"},
    {"name": "day", "type": "date"},
    {"name": "at", "type": "timestamp", "nullable": False},
]


def records() -> list[dict]:
    start = datetime(2024, 1, 1, tzinfo=UTC)
    out = []
    for i in range(ROWS):
        at = start + timedelta(minutes=7 * i)
        out.append(
            {
                "id": f"r{i % 45}",
                "site": f"site-{i % 4}",
                "qty": "x" if i == 5 else i % 9,  # one poison record
                "big": i * 1_000_003,
                "price": i / 8,
                "amount": f"{i * 3}.25",
                "ok": i % 2 == 0,
                "day": at.date().isoformat(),
                "at": at.isoformat() if i % 3 else int(at.timestamp() * 1000),
            }
        )
    return out


def write_data(folder: Path) -> None:
    rows = records()
    (folder / "csv").mkdir()
    (folder / "json").mkdir()
    half = len(rows) // 2
    for n, part in enumerate((rows[:half], rows[half:])):
        with open(folder / "csv" / f"part-{n}.csv", "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=[c["name"] for c in SCHEMA])
            w.writeheader()
            w.writerows(part)
    with open(folder / "json" / "part-0.jsonl", "w") as f:
        f.writelines(json.dumps(r) + "\n" for r in rows)


# what the compiler sets on every batch job (the rest is the server's own)
COMPILED = {
    "spark.sql.adaptive.enabled": "true",
    "spark.sql.adaptive.coalescePartitions.enabled": "true",
    "spark.sql.session.timeZone": "UTC",
}
DEAD = "dead_letter"


def step(kind: str, name: str, source: str, **config) -> dict:
    return {"type": kind, "name": name, "inputs": [source], **config}


def job(folder: Path) -> dict:
    """A spark-job of the shapes the templates compile to."""
    csv_source = {
        "type": "file_ftp",
        "name": "file_readings",
        "endpoint": "readings",
        "path": f"{folder}/csv/*.csv",
        "format": "csv",
        "options": {"header": "true"},
        "schema": SCHEMA,
    }
    json_source = {**csv_source, "name": "file_events", "endpoint": "events"}
    json_source.update(path=f"{folder}/json/*.jsonl", format="json", options={})
    window = {"time_column": "at", "window": "10 minutes", "group_by": ["site"]}
    window["aggregates"] = {"n": "count(*)", "avg_qty": "avg(qty)", "top": "max(amount)"}
    return {
        "job_type": "batch",
        "spark_config": dict(COMPILED),
        "sources": [csv_source, json_source],
        "transforms": [
            step("field_mapping", "map_events", "file_events", mapping={"site": "place"}),
            step("schema_validation", "valid", "readings", schema=SCHEMA[:3], on_invalid=DEAD),
            step("filter", "usable", "valid", condition="qty IS NOT NULL AND site <> 'site-3'"),
            step("window_aggregate", "per_10_minutes", "usable", **window),
        ],
        "sinks": [],
    }


def warm_up(url: str, rounds: int = ROUNDS) -> None:
    from ..spark.job import SparkJob
    from ..spark.preview import fetch_nodes
    from .spark_warm import remote_session

    folder = Path(tempfile.mkdtemp(prefix="uis-spark-warm-up-"))
    try:
        write_data(folder)
        spec = job(folder)
        began = time.monotonic()
        for i in range(rounds):
            if i and time.monotonic() - began > BUDGET:
                break
            spark = remote_session(url, spec, f"uis-warm-up-{uuid.uuid4().hex}")
            try:
                run = SparkJob(spec, argparse.Namespace(dry_run=True, limit=20))
                run.spark = spark
                run.build_sources()
                run.build_transforms()
                for _ in fetch_nodes(run):
                    pass
            finally:
                spark.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m uis_runners.sessions.spark_warmup")
    ap.add_argument("url")
    sys.stdout = sys.stderr  # the runner's progress lines are no one's business here
    warm_up(ap.parse_args(argv).url)
    return 0


if __name__ == "__main__":
    sys.exit(main())
