# SPDX-License-Identifier: Apache-2.0
"""Warm engine sessions: a Spark Connect server and a Flink session cluster with its SQL
Gateway, started once and shared by every preview and test run of the designer and `uisctl`.

- state.py: where the pair is recorded (one JSON file under the user's state folder), its lock.
- servers.py: the commands that start each server, bound to 127.0.0.1.
- pair.py: start, reuse, restart once, stop, idle out (`python -m uis_runners.sessions`).
- platform_servers.py: the local platform's pair (its `spark-connect`, `flink-sql-gateway`).
- gateway.py: the Flink SQL Gateway's REST API (sessions, statements, results, cancel).
- spark_warm.py / flink_warm.py: the data preview through them, same rows as the cold path.
- spark_warmup.py: a new Spark Connect server's own first preview, before the user's.
- warm_tests.py: the golden-data test runs through them, same captures as the cold path.
"""
