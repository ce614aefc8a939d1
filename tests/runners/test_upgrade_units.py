# SPDX-License-Identifier: Apache-2.0
"""The upgrade checks' naming without an engine: Flink operators to spec nodes, Spark's refused
key schema, one verdict per node."""

import json

import pytest

from uis_runners.errors import JobError
from uis_runners.flink.jobgraph import OperatorState, metadata_file
from uis_runners.flink.opnodes import NodeMap, spec_change
from uis_runners.flink.upgrade_check import HEX_ID, by_node
from uis_runners.spark.upgrade_check import schema_fields

JOB = {
    "sources": [{"name": "kafka_clicks", "endpoint": "clicks"}],
    "transforms": [
        {"type": "dedupe", "name": "unique_clicks", "keys": ["event_id"]},
        {"type": "filter", "name": "valid_clicks"},
        {"type": "window_aggregate", "name": "per_minute", "group_by": ["page"]},
        {"type": "window_aggregate", "name": "per_hour", "group_by": ["page"]},
    ],
    "sinks": [{"name": "metrics_out"}],
}
OPERATORS = [
    "Source: kafka_clicks[1]",
    "Calc[2]",
    "Deduplicate[4]",
    "LocalWindowAggregate[6]",
    "GlobalWindowAggregate[8]",
    "LocalWindowAggregate[11]",
    "GlobalWindowAggregate[13]",
    "metrics_out[15]: Writer",
    "metrics_out[15]: Committer",
]


def test_operators_map_to_spec_nodes_in_definition_order():
    m = NodeMap(JOB, OPERATORS)
    assert m.node("Source: kafka_clicks[1]") == ("clicks", "source")
    assert m.node("Deduplicate[4]") == ("unique_clicks", "dedupe")
    assert m.node("LocalWindowAggregate[6]") == ("per_minute", "window_aggregate")
    assert m.node("GlobalWindowAggregate[8]") == ("per_minute", "window_aggregate")
    assert m.node("GlobalWindowAggregate[13]") == ("per_hour", "window_aggregate")
    assert m.node("metrics_out[15]: Committer") == ("metrics_out", "sink")
    assert m.node("Calc[2]") == ("Calc[2]", "operator")


def test_spec_change_names_what_changed():
    new = json.loads(json.dumps(JOB))
    new["transforms"][2]["group_by"] = ["page", "device_type"]
    assert spec_change("per_minute", NodeMap(JOB, []), NodeMap(new, [])) == (
        "group keys changed (page → page, device_type)"
    )
    assert spec_change("per_minute", None, NodeMap(new, [])) == ""


def test_operator_ids_inside_flink_operator_names_are_found():
    text = "Could not restore keyed state backend for SlicingWindowOperator_" + "ab" * 16 + "_(1/1)"
    assert HEX_ID.findall(text) == ["ab" * 16]


def test_one_verdict_per_node_the_worst():
    m = NodeMap(JOB, OPERATORS)
    states = [OperatorState("a" * 32, 10, True), OperatorState("b" * 32, 30, True)]
    entries = [
        ("metrics_out", "sink", "restored", "", states[0]),
        ("metrics_out", "sink", "dropped", "Flink operator bbb is gone", states[1]),
    ]
    (out,) = by_node(entries, None, m)
    assert out["verdict"] == "dropped"
    assert out["size_bytes"] == 40
    assert out["operator_ids"] == ["a" * 32, "b" * 32]
    assert "allow_non_restored_state" in out["reason"]


def test_spark_refused_key_schema_top_level_fields():
    text = (
        "StateSchemaNotCompatible: Provided schema doesn't match\n"
        "- Provided key schema: StructType(StructField(event_id,StringType,true))\n"
        "- Existing key schema: StructType(StructField(window,StructType(StructField(start,"
        "TimestampType,true),StructField(end,TimestampType,true)),true),"
        "StructField(page,StringType,true))\n"
    )
    assert schema_fields(text, "Existing") == {"window", "page"}
    assert schema_fields(text, "Provided") == {"event_id"}
    assert schema_fields("no schema here", "Existing") == set()


def test_a_subsumed_checkpoint_falls_back_to_the_latest_complete_one(tmp_path):
    # Flink deletes chk-2 once chk-3 completes: the path chosen a moment ago may be gone.
    job = tmp_path / "b8b6d2e94c528b12758ada05fce32310"
    (job / "chk-3").mkdir(parents=True)
    (job / "chk-3" / "_metadata").write_bytes(b"x")
    (job / "chk-4").mkdir()  # in progress: no _metadata yet
    assert metadata_file(str(job / "chk-2")) == job / "chk-3" / "_metadata"
    assert metadata_file("file:" + str(job)) == job / "chk-3" / "_metadata"
    with pytest.raises(JobError, match="no _metadata found"):
        metadata_file(str(tmp_path / "elsewhere" / "chk-1"))
