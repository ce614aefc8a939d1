#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""`uisctl sample` on a Kafka endpoint against a real broker on loopback
(tests/runners/kafka_broker.py): the latest N records of each partition with key, headers and
timestamp (as JSON lines, and beside the value in --format table, still lined up when a poison
value is skipped), JSON values inferred and checked, no consumer group left with committed
offsets, and clear failures for an unknown topic and a dead broker. Skips (77) when the Kafka
jars are missing (scripts/engines/setup.sh).

usage: test_sample_kafka.py UISCTL
"""

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(os.environ.get("UIS_SOURCE_DIR") or Path(__file__).resolve().parents[2])
sys.path.insert(0, str(ROOT / "tests" / "runners"))
from kafka_broker import JARS, KafkaBroker, free_port  # noqa: E402
from sampletool import check, sample  # noqa: E402


def spec(bootstrap, topic, extra=""):
    return (
        'version: "1.1"\nname: kafka-sample\nprovider:\n  name: events\n'
        "  provider_type: kafka\n  mode: streaming\n"
        f'  config: {{ kafka_bootstrap_servers: "{bootstrap}" }}\n'
        f"  endpoints:\n    - name: orders\n      topic: {topic}\n      format: json\n"
        f"      group_id: must-not-commit\n{extra}"
        "  sinks:\n    - type: console\n"
    )


def run(uisctl, d, text, *args):
    path = Path(d) / "kafka.uis.yaml"
    path.write_text(text)
    return sample(uisctl, path, *args)


def main():
    uisctl = sys.argv[1]
    if not JARS.is_dir() or not any(JARS.glob("kafka_*.jar")):
        print(f"Kafka jars missing in {JARS}: skipped")
        return 77
    from confluent_kafka import Producer
    from confluent_kafka.admin import AdminClient

    with tempfile.TemporaryDirectory(prefix="uis-kafka-sample-") as d:
        broker = KafkaBroker(Path(d) / "broker").start()
        try:
            broker.create_topics("orders", partitions=2)
            producer = Producer({"bootstrap.servers": broker.bootstrap})
            base = 1767225600000  # 2026-01-01T00:00:00Z
            for i in range(5):
                producer.produce(
                    "orders",
                    json.dumps({"id": i, "amount": i * 1.5 + 0.25}),
                    key=f"k{i}",
                    partition=0,
                    timestamp=base + i * 1000,
                    headers=[("source", b"test"), ("n", str(i).encode())],
                )
            for i in range(5, 8):
                producer.produce(
                    "orders",
                    json.dumps({"id": i, "amount": 2.5, "note": "x"}),
                    key=f"k{i}",
                    partition=1,
                    timestamp=base + i * 1000,
                )
            producer.flush(30)

            r, _ = run(uisctl, d, spec(broker.bootstrap, "orders"), "--limit", "2")
            check(r.returncode == 0, "sample exits 0", r)
            msgs = [json.loads(x) for x in r.stdout.splitlines()]
            got = sorted((m["partition"], m["offset"]) for m in msgs)
            check(
                got == [(0, 3), (0, 4), (1, 1), (1, 2)], "the latest 2 records of each partition", r
            )
            m = next(x for x in msgs if x["partition"] == 0 and x["offset"] == 4)
            check(
                m["key"] == "k4"
                and m["headers"] == {"source": "test", "n": "4"}
                and m["timestamp"] == "2026-01-01T00:00:04.000Z"
                and m["value"] == {"id": 4, "amount": 6.25},
                "key, headers, timestamp and the JSON value",
                r,
            )

            # The table shows each record's metadata beside its value, row by row.
            r, _ = run(uisctl, d, spec(broker.bootstrap, "orders"), "--format", "table")
            lines = r.stdout.splitlines()
            head = lines[0].split()
            check(
                r.returncode == 0
                and head[:5] == ["partition", "offset", "timestamp", "key", "headers"]
                and "amount" in head
                and "id" in head,
                "--format table: partition, offset, timestamp, key, headers, then the value",
                r,
            )
            row = next(x.split() for x in lines[2:] if x.split()[3] == "k4")
            check(
                row[:3] == ["0", "4", "2026-01-01T00:00:04.000Z"]
                and row[head.index("id")] == "4"
                and row[head.index("amount")] == "6.25",
                "--format table: the metadata stays with its record",
                r,
            )

            # A poison value (not JSON) is no record: the metadata of the others still lines up.
            broker.create_topics("mixed")
            for key, value in (("a", b'{"id": 1}'), ("b", b"not json"), ("c", b'{"id": 3}')):
                producer.produce("mixed", value, key=key, partition=0)
            producer.flush(30)
            r, _ = run(uisctl, d, spec(broker.bootstrap, "mixed"), "--format", "table")
            rows = [x.split() for x in r.stdout.splitlines()[2:]]
            check(
                r.returncode == 0 and [(x[3], x[-1]) for x in rows] == [("a", "1"), ("c", "3")],
                "--format table: poison skipped, keys still beside their values",
                r,
            )
            check("not JSON" in r.stderr, "the poison value is noted", r)

            r, _ = run(uisctl, d, spec(broker.bootstrap, "orders"), "--infer")
            check(
                r.returncode == 0
                and "- {name: id, type: int, nullable: false}" in r.stdout
                and "- {name: amount, type: double, nullable: false}" in r.stdout
                and "- {name: note, type: string, nullable: true}" in r.stdout
                and "8 sampled record(s)" in r.stdout,
                "--infer over the values",
                r,
            )

            declared = (
                "      schema:\n        - {name: id, type: int, nullable: false}\n"
                "        - {name: amount, type: int, nullable: false}\n"
            )
            r, _ = run(uisctl, d, spec(broker.bootstrap, "orders", declared), "--check")
            check(
                r.returncode == 1
                and "UIS-E-DRIFT-TYPE" in r.stdout
                and "UIS-W-DRIFT-NEW-FIELD" in r.stdout,
                "--check: amount is not int",
                r,
            )

            groups = (
                AdminClient({"bootstrap.servers": broker.bootstrap})
                .list_consumer_groups(request_timeout=10)
                .result()
            )
            ids = [g.group_id for g in groups.valid]
            check(
                not any(g.startswith("uis-sample") or g == "must-not-commit" for g in ids),
                f"no consumer group committed (groups: {ids})",
            )

            r, _ = run(uisctl, d, spec(broker.bootstrap, "nosuchtopic"), "--timeout", "10")
            check(
                r.returncode == 1 and "no topic `nosuchtopic`" in r.stderr,
                "unknown topic: said so",
                r,
            )
        finally:
            broker.stop()
        r, took = run(uisctl, d, spec(f"127.0.0.1:{free_port()}", "orders"), "--timeout", "5")
        check(
            r.returncode == 1 and "cannot reach the Kafka brokers" in r.stderr,
            "dead broker: a clear message",
            r,
        )
        check(took < 20, f"dead broker fails within the bound ({took:.1f}s)", r)
    return 0


if __name__ == "__main__":
    sys.exit(main())
