# SPDX-License-Identifier: Apache-2.0
"""The Kafka window template (resources/templates/kafka-dedupe-window) as the old job of the
upgrade tests, and the edits the restore check is proven on: each edit is a function that
changes a copy of the old spec the way a user would in the designer."""

import copy
import json
from pathlib import Path

import templates as T
from conftest import REPO

TEMPLATE = REPO / "resources" / "templates" / "kafka-dedupe-window.uis.yaml"


def old_spec(bootstrap: str, in_topic: str, out_topic: str, parallelism: int = 1) -> dict:
    """The template with a filter between dedupe and window (so a filter can change), pointed at
    the test broker and topics, checkpointing every 2 s."""
    spec = T.load(TEMPLATE)
    p = spec["provider"]
    p["parallelism"] = parallelism
    p["config"]["kafka_bootstrap_servers"] = bootstrap
    p["config"]["checkpoint_interval"] = "2 s"
    p["endpoints"][0]["topic"] = in_topic
    transforms = p["transforms"]
    transforms.insert(
        1,
        {"name": "valid_clicks", "type": "filter", "condition": "duration < 1000"},
    )
    p["sinks"][0]["kafka_topic"] = out_topic
    return spec


def transform(spec: dict, name: str) -> dict:
    return next(t for t in spec["provider"]["transforms"] if t["name"] == name)


def changed_filter(spec):
    transform(spec, "valid_clicks")["condition"] = "duration < 500"


def changed_window_size(spec):
    transform(spec, "per_minute")["window"] = "2 minutes"


def changed_group_keys(spec):
    transform(spec, "per_minute")["group_by"] = ["page", "event_id"]


def removed_dedupe(spec):
    spec["provider"]["transforms"] = [
        t for t in spec["provider"]["transforms"] if t["name"] != "unique_clicks"
    ]


def added_sink(spec):
    sink = copy.deepcopy(spec["provider"]["sinks"][0])
    sink["name"] = "metrics_copy"
    sink["kafka_topic"] = sink["kafka_topic"] + "-copy"
    spec["provider"]["sinks"].append(sink)


def renamed_node(spec):
    transform(spec, "per_minute")["name"] = "clicks_per_minute"


EDITS = {
    "changed_filter": changed_filter,
    "changed_window_size": changed_window_size,
    "changed_group_keys": changed_group_keys,
    "removed_dedupe": removed_dedupe,
    "added_sink": added_sink,
    "renamed_node": renamed_node,
}


def edited(spec: dict, edit: str) -> dict:
    new = copy.deepcopy(spec)
    EDITS[edit](new)
    return new


def write(spec: dict, path: Path) -> Path:
    path.write_text(json.dumps(spec, indent=2))
    return path


def flink_job(spec: dict, workdir: Path, name: str) -> Path:
    """The spec and its compiled `flink-job` JSON, written to `workdir`; returns the job file."""
    spec_file = write(spec, workdir / f"{name}.uis.json")
    job = workdir / f"{name}.flink-job.json"
    T.compile_spec(spec_file, "flink-job", out_file=job)
    return job


def spark_job(spec: dict, workdir: Path, name: str) -> Path:
    """The spec compiled for Spark Structured Streaming (`spark-job`); returns the job file."""
    spec_file = write(spec, workdir / f"{name}.uis.json")
    job = workdir / f"{name}.spark-job.json"
    T.compile_spec(spec_file, "spark-job", "--engine", "spark", out_file=job)
    return job
