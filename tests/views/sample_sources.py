#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Real sources on loopback for tst_samplesources (the Sample view):

  sample_sources.py kafka DIR     a Kafka broker (tests/runners/kafka_broker.py) with the topic
                                  `clicks`: 3 records with keys, headers and timestamps in
                                  partition 0, 2 without headers in partition 1
  sample_sources.py postgres DIR  a PostgreSQL server (tests/runners/postgres_server.py) with the
                                  database `shop` and two tables, `visits` and `orders`

Prints one JSON line saying where the server is, serves until its stdin closes, then stops it.
Exits 77 when the server cannot run here (no Kafka jars, no PostgreSQL).
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "runners"))

BASE_MS = 1767225600000  # 2026-01-01T00:00:00Z


def kafka(d):
    from kafka_broker import JARS, KafkaBroker

    if not JARS.is_dir() or not any(JARS.glob("kafka_*.jar")):
        print(f"Kafka jars missing in {JARS}", file=sys.stderr)
        return None, 77
    from confluent_kafka import Producer

    broker = KafkaBroker(d / "broker").start(timeout=180)
    broker.create_topics("clicks", partitions=2)
    producer = Producer({"bootstrap.servers": broker.bootstrap})
    for i in range(1, 6):
        producer.produce(
            "clicks",
            json.dumps({"id": i, "page": f"/p{i}"}),
            key=f"u{i}",
            partition=0 if i <= 3 else 1,
            timestamp=BASE_MS + i * 1000,
            headers=[("source", b"web")] if i <= 3 else None,
        )
    producer.flush(30)
    return broker, {"bootstrap": broker.bootstrap}


def postgres(d, password="view-Pg-pw"):
    from postgres_server import PostgresServer, pg_bin

    if pg_bin() is None:
        print("PostgreSQL is not installed", file=sys.stderr)
        return None, 77
    server = PostgresServer(d / "pg", password=password).start()
    server.psql("CREATE DATABASE shop")
    server.psql(
        "CREATE TABLE visits (id integer PRIMARY KEY, page text NOT NULL);"
        "INSERT INTO visits VALUES (1, '/a'), (2, '/b');"
        "CREATE TABLE orders (id bigint PRIMARY KEY, page text, amount numeric(8,2));"
        "INSERT INTO orders VALUES (10, '/c', 5.50), (11, NULL, 1.25), (12, '/d', NULL)",
        db="shop",
    )
    return server, {"port": server.port, "password": password}


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("kafka", "postgres"):
        print(__doc__, file=sys.stderr)
        return 2
    d = Path(sys.argv[2])
    d.mkdir(parents=True, exist_ok=True)
    server, info = (kafka if sys.argv[1] == "kafka" else postgres)(d)
    if server is None:
        return info
    try:
        print(json.dumps(info), flush=True)
        sys.stdin.read()  # until the test closes it
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
