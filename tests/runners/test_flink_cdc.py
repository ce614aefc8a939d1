# SPDX-License-Identifier: Apache-2.0
"""PostgreSQL CDC -> Iceberg on Flink: inserts, updates and deletes in a real PostgreSQL
(logical replication, pgoutput) show up in the Iceberg table, read back with Spark."""

import sys

import pytest
from conftest import FLINK_RUNNER, JOBS, runner_env
from test_kafka_engines import Proc, wait_for

pytestmark = [pytest.mark.slow, pytest.mark.flink]


def table_state(spark, name):
    spark.sql(f"REFRESH TABLE {name}")
    return {r["id"]: (r["name"], r["city"]) for r in spark.table(name).collect()}


def test_postgres_cdc_to_iceberg(tmp_path, postgres, spark, warehouse):
    postgres.psql("DROP DATABASE IF EXISTS shop")
    postgres.psql("CREATE DATABASE shop")
    postgres.psql(
        "CREATE TABLE customers (id INT PRIMARY KEY, name TEXT NOT NULL, city TEXT);"
        "ALTER TABLE customers REPLICA IDENTITY FULL;"
        "INSERT INTO customers VALUES (1, 'Ada', 'London'), (2, 'Grace', 'New York'), "
        "(3, 'Linus', 'Helsinki')",
        db="shop",
    )
    env = runner_env(
        PG_PORT=postgres.port,
        UIS_SECRET_SHOP_DB_PASSWORD=postgres.password,
        UIS_TEST_WAREHOUSE=warehouse,
    )
    flink = Proc(
        [sys.executable, str(FLINK_RUNNER), "--sql", str(JOBS / "postgres_cdc_iceberg.sql")], env
    )
    procs = {"flink": flink}
    name = "uis_test.shop.customers"
    state = {}

    def reached(expected):
        def check():
            nonlocal state
            try:
                state = table_state(spark, name)
            except Exception:
                return False
            return state == expected

        return check

    try:
        wait_for(lambda: flink.has("state RUNNING"), 120, "the CDC job running", procs)
        snapshot = {1: ("Ada", "London"), 2: ("Grace", "New York"), 3: ("Linus", "Helsinki")}
        wait_for(
            reached(snapshot), 180, lambda: f"the initial snapshot in Iceberg (have {state})", procs
        )

        postgres.psql(
            "INSERT INTO customers VALUES (4, 'Barbara', 'Boston');"
            "UPDATE customers SET city = 'Cambridge' WHERE id = 1;"
            "DELETE FROM customers WHERE id = 2;"
            "UPDATE customers SET name = 'Linus T.' WHERE id = 3",
            db="shop",
        )
        changed = {1: ("Ada", "Cambridge"), 3: ("Linus T.", "Helsinki"), 4: ("Barbara", "Boston")}
        wait_for(reached(changed), 120, lambda: f"the changes in Iceberg (have {state})", procs)
    finally:
        rc = flink.stop()
    assert rc == 0, flink.tail()
    assert postgres.password not in "\n".join(flink.lines)
