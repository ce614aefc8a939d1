# SPDX-License-Identifier: Apache-2.0
"""Flink runner --explain: the planner validates a script using the Kafka connector without
running it; mistakes come back as a non-zero exit with the root cause."""

import pytest
from conftest import JOBS, explain, run_flink

pytestmark = pytest.mark.flink

ENV = {"KAFKA_BOOTSTRAP": "127.0.0.1:9", "UIS_TEST_IN_TOPIC": "events", "UIS_TEST_OUT_TOPIC": "out"}

TWO_SINKS = """
SET 'pipeline.name' = 'uis-explain';
CREATE TABLE `clicks` (`url` STRING, `user_id` BIGINT, `ts` TIMESTAMP(3),
  WATERMARK FOR `ts` AS `ts` - INTERVAL '2' SECOND
) WITH ('connector' = 'kafka', 'topic' = 'clicks',
  'properties.bootstrap.servers' = '{{env.KAFKA_BOOTSTRAP}}', 'properties.group.id' = 'g',
  'scan.startup.mode' = 'latest-offset', 'format' = 'json');
CREATE TABLE `per_url` (`url` STRING, `window_start` TIMESTAMP(3), `window_end` TIMESTAMP(3),
  `n` BIGINT,
  PRIMARY KEY (`url`, `window_start`) NOT ENFORCED
) WITH ('connector' = 'upsert-kafka', 'topic' = 'per-url',
  'properties.bootstrap.servers' = '{{env.KAFKA_BOOTSTRAP}}', 'key.format' = 'json',
  'value.format' = 'json');
CREATE TABLE `console` (`url` STRING, `user_id` BIGINT) WITH ('connector' = 'print');
EXECUTE STATEMENT SET BEGIN
  INSERT INTO `per_url` SELECT `url`, window_start, window_end, COUNT(*) FROM
    TABLE(HOP(TABLE `clicks`, DESCRIPTOR(`ts`), INTERVAL '5' SECOND, INTERVAL '1' MINUTE))
    GROUP BY `url`, window_start, window_end;
  INSERT INTO `console` SELECT `url`, `user_id` FROM `clicks` WHERE `url` <> 'it''s; not a split';
END;
"""


def test_explain_kafka_window_script():
    p = run_flink(JOBS / "kafka_window.sql", "--explain", "--print-plan", env=ENV)
    assert p.returncode == 0, explain(p)
    assert "EXPLAIN ok: INSERT INTO `per_user_out`" in p.stdout
    assert "EXPLAIN passed for 1 statement(s)" in p.stdout
    # the plan shows the Kafka scan with its watermark, the dedupe and the window aggregate
    assert (
        "TableSourceScan(table=[[default_catalog, default_database, events, watermark=" in p.stdout
    )
    assert "Deduplicate(keep=[FirstRow], key=[event_id]" in p.stdout
    assert "WindowAggregate" in p.stdout and "TUMBLE" in p.stdout


def test_explain_statement_set(tmp_path):
    sql = tmp_path / "two.sql"
    sql.write_text(TWO_SINKS)
    p = run_flink(sql, "--explain", env=ENV)
    assert p.returncode == 0, explain(p)
    assert "EXPLAIN ok: statement set of 2 INSERTs" in p.stdout


@pytest.mark.parametrize(
    "change, cause",
    [
        (("COUNT(*) FROM", "COUNT(`nope`) FROM"), "Column 'nope' not found"),
        (
            (
                "'connector' = 'kafka', 'topic' = 'clicks'",
                "'connector' = 'kafka-nope', 'topic' = 'clicks'",
            ),
            "Could not find any factory for identifier 'kafka-nope'",
        ),
        (
            (
                "'format' = 'json');\nCREATE TABLE `per_url`",
                "'format' = 'jsn');\nCREATE TABLE `per_url`",
            ),
            "Could not find any factory for identifier 'jsn'",
        ),
    ],
)
def test_explain_reports_root_cause(tmp_path, change, cause):
    sql = tmp_path / "bad.sql"
    assert change[0] in TWO_SINKS
    sql.write_text(TWO_SINKS.replace(change[0], change[1]))
    p = run_flink(sql, "--explain", env=ENV)
    assert p.returncode == 1, explain(p)
    failed = [line for line in p.stdout.splitlines() if line.startswith("uis-runner: FAILED:")]
    assert failed and cause in failed[0], explain(p)
