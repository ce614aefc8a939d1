# SPDX-License-Identifier: Apache-2.0
"""The bounded, sink-free Flink script that the golden-data tests and the data preview both run
(uis_runners/flink/bounded.py), and the changelog they apply (no engine)."""

import pytest

from uis_runners.errors import ConfigError
from uis_runners.flink.bounded import (
    SETTINGS,
    BoundedScript,
    FinalRows,
    bounded_kafka,
    matching_paren,
    split_top,
)
from uis_runners.flink.statements import Statement, split_sql

SCRIPT = """
SET 'pipeline.name' = 'p';
SET 'parallelism.default' = '4';
SET 'execution.checkpointing.interval' = '10 s';
CREATE CATALOG lake WITH ('type' = 'iceberg');
CREATE DATABASE IF NOT EXISTS lake.shop;
CREATE TABLE `clicks` (`id` STRING, `ts` TIMESTAMP(3), WATERMARK FOR `ts` AS `ts`)
  WITH ('connector' = 'kafka', 'topic' = 't', 'format' = 'json');
CREATE TABLE `lake`.`shop`.`out` (`id` STRING, PRIMARY KEY (`id`) NOT ENFORCED);
CREATE TABLE `audit` (`id` STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW `v` AS SELECT `id` FROM `clicks`;
INSERT INTO `lake`.`shop`.`out` SELECT `id` FROM `v`;
EXECUTE STATEMENT SET BEGIN
  INSERT INTO `audit` SELECT `id` FROM `v`;
  INSERT INTO `lake`.`shop`.`out` (`id`) SELECT `id` FROM `clicks`;
END;
"""


def test_rewrite_leaves_sinks_out_and_replaces_sources_and_inserts():
    script = BoundedScript(split_sql(SCRIPT))
    assert script.targets == {"lake.shop.out", "audit"}
    sources, inserts = [], []

    def source(st, t):
        sources.append(t.name)
        return Statement("ddl", f"-- {t.name}", st.line)

    def insert(st, target, query):
        inserts.append((target, query))
        return [Statement("uis_capture", query, st.line)]

    out = script.rewrite(source, insert)
    assert sources == ["clicks"]
    assert inserts == [
        ("lake.shop.out", "SELECT `id` FROM `v`"),
        ("audit", "SELECT `id` FROM `v`"),
        ("lake.shop.out", "SELECT `id` FROM `clicks`"),
    ]
    kinds = [(st.kind, st.key or st.text.split()[0]) for st in out]
    assert kinds == [
        ("set", "pipeline.name"),  # the checkpoint interval and parallelism are dropped
        ("ddl", "--"),
        ("ddl", "CREATE"),  # the view
        ("uis_capture", "SELECT"),
        ("uis_capture", "SELECT"),
        ("uis_capture", "SELECT"),
    ]
    assert set(script.tables) == {"clicks", "lake.shop.out", "audit"}
    assert script.tables["lake.shop.out"].primary_key == ["id"]


def test_configure_adds_the_settings():
    class Args:
        set = ["a=b"]

    BoundedScript.configure(Args)
    assert Args.set == ["a=b", *(f"{k}={v}" for k, v in SETTINGS.items())]


def test_bounded_kafka():
    kafka = "CREATE TABLE t (a INT) WITH ('connector' = 'kafka', 'topic' = 'x')"
    assert bounded_kafka(kafka).endswith("'scan.bounded.mode' = 'latest-offset'\n)")
    upsert = kafka.replace("'kafka'", "'upsert-kafka'")
    assert "latest-offset" in bounded_kafka(upsert)
    files = "CREATE TABLE t (a INT) WITH ('connector' = 'filesystem')"
    assert bounded_kafka(files) == files
    bounded = kafka[:-1] + ", 'scan.bounded.mode' = 'specific-offsets')"
    assert bounded_kafka(bounded) == bounded


def test_split_top_and_matching_paren_skip_quotes():
    text = "a INT, `b,(` STRING, c AS f(x, ')'), d DECIMAL(10, 2)"
    assert split_top(text) == ["a INT", "`b,(` STRING", "c AS f(x, ')')", "d DECIMAL(10, 2)"]
    assert split_top("a, b,") == ["a", "b"]
    ddl = "CREATE TABLE t (a STRING DEFAULT ')', b ROW<x INT>) WITH ()"
    assert ddl[matching_paren(ddl, ddl.index("(")) + 1 :] == " WITH ()"
    with pytest.raises(ConfigError):
        matching_paren("(a (b)", 0)


def test_final_rows_apply_a_changelog():
    plain = FinalRows()
    for kind, row in [
        ("INSERT", {"k": 1, "n": 1}),
        ("INSERT", {"k": 2, "n": 1}),
        ("UPDATE_BEFORE", {"k": 1, "n": 1}),
        ("UPDATE_AFTER", {"k": 1, "n": 2}),
        ("DELETE", {"k": 2, "n": 1}),
        ("DELETE", {"k": 9, "n": 9}),  # nothing to retract
    ]:
        plain.apply(kind, row)
    assert plain.rows == [{"k": 1, "n": 2}] and len(plain) == 1

    keyed = FinalRows(["k"])  # an upsert sink: the last row per key, at its latest position
    for kind, row in [
        ("INSERT", {"k": 1, "n": 1}),
        ("INSERT", {"k": 2, "n": 1}),
        ("UPDATE_AFTER", {"k": 1, "n": 2}),
        ("INSERT", {"k": 3, "n": 1}),
        ("DELETE", {"k": 3, "n": 1}),
    ]:
        keyed.apply(kind, row)
    assert keyed.rows == [{"k": 2, "n": 1}, {"k": 1, "n": 2}] and len(keyed) == 2
