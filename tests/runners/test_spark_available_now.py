# SPDX-License-Identifier: Apache-2.0
"""Spark runner, trigger `once` on a Kafka source: an available-now streaming run drains the
topic into Parquet and stops; the next run continues from the checkpoint (no duplicates)."""

import pytest
from conftest import explain, run_spark
from test_kafka_engines import produce

pytestmark = [pytest.mark.slow, pytest.mark.spark]


def job(topic, out):
    return {
        "job_type": "micro_batch",
        "spark_config": {
            "spark.app.name": "uis-kafka-landing",
            "spark.sql.shuffle.partitions": "2",
            "spark.ui.enabled": "false",
        },
        "sources": [
            {
                "type": "kafka",
                "name": "kafka_orders",
                "format": "json",
                "options": {
                    "kafka.bootstrap.servers": "{{env.KAFKA_BOOTSTRAP}}",
                    "subscribe": topic,
                    "startingOffsets": "earliest",
                    "maxOffsetsPerTrigger": "2",
                },
                "schema": [
                    {"name": "order_id", "type": "long"},
                    {"name": "user", "type": "string"},
                    {"name": "ts", "type": "timestamp"},
                ],
            }
        ],
        "transforms": [
            {
                "type": "field_mapping",
                "name": "map_orders",
                "input": "kafka_orders",
                "mapping": {"user": "customer"},
            }
        ],
        "sinks": [
            {
                "type": "parquet",
                "name": "landing",
                "inputs": ["map_orders"],
                "path": str(out),
                "mode": "append",
                "options": {"compression": "snappy"},
            }
        ],
        "schedule": {"trigger_type": "once"},
    }


def orders(ids):
    return [
        {"order_id": i, "user": f"u{i % 2}", "ts": f"2024-01-01 00:00:{i:02d}.000"} for i in ids
    ]


def test_kafka_to_parquet_available_now(tmp_path, kafka, spark):
    topic, out = "orders-available-now", tmp_path / "landing"
    kafka.create_topics(topic)
    produce(kafka.bootstrap, topic, orders(range(1, 6)))
    env = {"KAFKA_BOOTSTRAP": kafka.bootstrap}
    p = run_spark(job(topic, out), tmp_path, env=env)
    assert p.returncode == 0, explain(p)
    assert "trigger once" in p.stdout
    # available-now drains all 5 records although a batch takes at most 2 (maxOffsetsPerTrigger)
    assert spark.read.parquet(str(out)).count() == 5

    produce(kafka.bootstrap, topic, orders(range(6, 9)))
    p2 = run_spark(job(topic, out), tmp_path, env=env)
    assert p2.returncode == 0, explain(p2)
    df = spark.read.parquet(str(out))
    assert sorted(r["order_id"] for r in df.collect()) == list(range(1, 9))
    assert set(df.columns) == {"order_id", "customer", "ts"}
