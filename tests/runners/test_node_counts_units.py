# SPDX-License-Identifier: Apache-2.0
"""Flink operators to spec nodes for the run overlay, without an engine: the names and chains
are those a real batch run of files-to-parquet reported (test_flink_node_counts runs it)."""

from uis_runners.flink.nodecounts import _failed_operator, _failed_table, _names
from uis_runners.flink.opnodes import NodeMap

JOB = {
    "sources": [{"name": "file_ftp_readings", "endpoint": "readings"}],
    "transforms": [
        {"type": "filter", "name": "usable", "inputs": ["file_ftp_readings"]},
        {"type": "window_aggregate", "name": "per_10_minutes", "inputs": ["usable"]},
    ],
    "sinks": [{"name": "rollup_parquet", "inputs": ["per_10_minutes"]}],
}
HEAD = [
    "Source: file_ftp_readings__files[1]",
    "Calc[2]",
    "WindowTableFunction[3]",
    "Calc[4]",
    "Sort[5]",
    "SortAggregate[6]",
]
TAIL = ["Sort[8]", "SortAggregate[9]", "Sink: Filesystem"]


def chain_links(*chains):
    return {b: a for c in chains for a, b in zip(c, c[1:], strict=False)}


def test_batch_plan_maps_to_the_spec_nodes():
    m = NodeMap(JOB, HEAD + TAIL, chain_links(HEAD, TAIL))
    assert m.node("Source: file_ftp_readings__files[1]") == ("readings", "source")
    assert m.node("Calc[2]") == ("usable", "filter")
    assert m.operators_of("per_10_minutes") == [
        "WindowTableFunction[3]",
        "SortAggregate[6]",
        "SortAggregate[9]",
    ]
    assert m.node("Sink: Filesystem") == ("rollup_parquet", "sink")
    # a Calc inside the window aggregate is not a transform of its own
    assert m.node("Calc[4]") == ("Calc[4]", "operator")


def test_a_calc_between_nodes_with_two_stateless_transforms_keeps_its_name():
    job = {
        **JOB,
        "transforms": [
            {"type": "filter", "name": "a", "inputs": ["file_ftp_readings"]},
            {"type": "select", "name": "b", "inputs": ["a"]},
            {"type": "window_aggregate", "name": "per_10_minutes", "inputs": ["b"]},
        ],
    }
    m = NodeMap(job, HEAD + TAIL, chain_links(HEAD, TAIL))
    assert m.node("Calc[2]") == ("Calc[2]", "operator")


def test_streaming_sink_writer_comes_before_its_committer():
    ops = ["Source: kafka_clicks[1]", "metrics_out[15]: Committer", "metrics_out[15]: Writer"]
    job = {
        "sources": [{"name": "kafka_clicks", "endpoint": "clicks"}],
        "sinks": [{"name": "metrics_out"}],
    }
    m = NodeMap(job, ops)
    assert m.operators_of("metrics_out") == [
        "metrics_out[15]: Writer",
        "metrics_out[15]: Committer",
    ]


def test_a_failure_is_put_on_the_operator_it_names():
    ops = ["Calc[2]", "Calc[21]", "rollup[5]: Writer"]
    assert _failed_operator("Calc[21] failed: boom", ops) == "Calc[21]"
    assert _failed_operator("java.lang.ArithmeticException: / by zero", ops) is None


def test_a_failure_that_names_a_table_by_its_identifier():
    cause = "Could not write to `default_catalog`.`default_database`.`rollup_parquet`: denied"
    assert _failed_table(cause) == "rollup_parquet"
    assert _failed_table("Calc[2] failed") is None
    m = NodeMap(JOB, HEAD + TAIL, chain_links(HEAD, TAIL))
    assert _names(m, "readings", None, "file_ftp_readings__files")
    assert _names(m, "rollup_parquet", None, "rollup_parquet")
    assert not _names(m, "usable", None, "rollup_parquet")
    assert _names(m, "usable", "Calc[2]", None)
