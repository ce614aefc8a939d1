#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""`uisctl sample` on a PostgreSQL (CDC) endpoint against a real server on loopback
(tests/runners/postgres_server.py): the table's catalogue types, N rows as JSON, --infer, --check
(no drift, then a type change and a gone field), an endpoint of two tables (N rows of each with
its table, one merged schema with each table's as comments), and clear failures for a wrong
password (never printed) and a dead port. Skips (77) when PostgreSQL is not installed.

usage: test_sample_postgres.py UISCTL
"""

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(os.environ.get("UIS_SOURCE_DIR") or Path(__file__).resolve().parents[2])
sys.path.insert(0, str(ROOT / "tests" / "runners"))
from kafka_broker import free_port  # noqa: E402
from postgres_server import PostgresServer, pg_bin  # noqa: E402
from sampletool import check, sample  # noqa: E402

PASSWORD = "s3cr3t-Pg-pw"


def spec(port, schema="", tables="orders"):
    return (
        'version: "1.1"\nname: cdc-sample\nprovider:\n  name: db\n  provider_type: database\n'
        "  mode: streaming\n  endpoints:\n    - name: orders\n      connector: postgres-cdc\n"
        f"      hostname: 127.0.0.1\n      port: {port}\n      database_name: shop\n"
        f"      schema_name: sales\n      tables: [{tables}]\n      username: postgres\n"
        '      password: "{{env.UIS_TEST_PG_PW}}"\n      slot_name: uis_slot\n'
        f"{schema}  sinks:\n    - type: console\n"
    )


def run(uisctl, path, *args, password=PASSWORD):
    return sample(uisctl, path, *args, env={"UIS_TEST_PG_PW": password})


def two_tables(uisctl, server, d):
    """An endpoint of two tables: N rows of each, printed with its table; one schema for the
    endpoint (UIS-SPEC has one per endpoint), their columns merged, each table's as comments."""
    server.psql(
        "CREATE TABLE sales.refunds (id bigint PRIMARY KEY, amount numeric(12,2) NOT NULL, "
        "reason text);"
        "INSERT INTO sales.refunds VALUES (10, 5.00, 'late'), (11, 1.25, NULL), "
        "(12, 3.50, 'broken')",
        db="shop",
    )
    path = d / "two.uis.yaml"
    path.write_text(spec(server.port, tables="orders, sales.refunds"))
    r, _ = run(uisctl, path, "--limit", "2")
    check(r.returncode == 0, "two tables: exits 0", r)
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    check(
        [(x["table"], x["row"]["id"]) for x in rows]
        == [("sales.orders", 1), ("sales.orders", 2), ("sales.refunds", 10), ("sales.refunds", 11)],
        "two tables: --limit 2 rows of each, each with its table",
        r,
    )
    check(rows[2]["row"] == {"id": 10, "amount": "5.00", "reason": "late"}, "a refunds row", r)

    r, _ = run(uisctl, path, "--infer")
    check(r.returncode == 0, "two tables: --infer exits 0", r)
    merged = [
        ("id", "long", "false"),  # integer in one table, bigint in the other
        ("big", "long", "true"),  # orders only: null in refunds' rows
        ("amount", '"decimal(12,2)"', "true"),  # (10,2) nullable and (12,2) not null
        ("attrs", "json", "true"),
        ("reason", "string", "true"),  # refunds only
    ]
    for name, typ, nullable in merged:
        line = f"      - {{name: {name}, type: {typ}, nullable: {nullable}}}\n"
        check(line in r.stdout, f"two tables: merged {line.strip()}", r)
    own = "    # sales.%s (3 row(s) read):\n    #   - {name: id, type: %s, nullable: false}"
    check(
        own % ("orders", "int") in r.stdout and own % ("refunds", "long") in r.stdout,
        "two tables: each table's own schema as comments",
        r,
    )
    check(r.stdout.count("    schema:") == 1, "two tables: one schema for the endpoint", r)
    check(
        "tables differ" in r.stderr and "column `reason` is in 1 of 2 tables" in r.stderr,
        "two tables: what differs is said",
        r,
    )

    r, _ = run(uisctl, path, "--format", "table")
    head = r.stdout.splitlines()[0].split()
    check(r.returncode == 0 and head[:2] == ["table", "id"], "two tables: table column first", r)


def main():
    uisctl = sys.argv[1]
    if pg_bin() is None:
        print("PostgreSQL is not installed: skipped")
        return 77
    with tempfile.TemporaryDirectory(prefix="uis-pg-sample-") as d:
        os.chmod(d, 0o755)
        server = PostgresServer(Path(d) / "pg", password=PASSWORD).start()
        try:
            server.psql("CREATE DATABASE shop")
            server.psql(
                "CREATE SCHEMA sales; CREATE TABLE sales.orders (id integer PRIMARY KEY, "
                "big bigint NOT NULL, amount numeric(10,2), ratio double precision, paid boolean, "
                "day date, created_at timestamp, note text, attrs jsonb);"
                "INSERT INTO sales.orders VALUES "
                "(1, 5000000000, 19.90, 0.5, true, '2026-01-02', '2026-01-02 03:04:05.678', "
                "'first', '{\"k\": 1}'),"
                "(2, 7, NULL, NULL, false, NULL, NULL, NULL, NULL),"
                "(3, 8, 1.00, 2, true, '2026-03-04', '2026-03-04 00:00:00', 'third', '[1,2]')",
                db="shop",
            )
            path = Path(d) / "cdc.uis.yaml"
            path.write_text(spec(server.port))

            r, _ = run(uisctl, path, "--limit", "2")
            check(r.returncode == 0, "sample exits 0", r)
            rows = [json.loads(line) for line in r.stdout.splitlines()]
            check(len(rows) == 2, "--limit 2 gives 2 rows", r)
            first = rows[0]
            check(first["id"] == 1 and first["big"] == 5000000000, "integers as numbers", r)
            check(first["amount"] == "19.90", "numeric kept exact as text", r)
            check(first["paid"] is True and first["ratio"] == 0.5, "boolean and double", r)
            check(first["day"] == "2026-01-02", "date as YYYY-MM-DD", r)
            check(first["created_at"] == "2026-01-02T03:04:05.678Z", "timestamp as UTC ISO-8601", r)
            check(first["attrs"] == {"k": 1}, "jsonb as JSON", r)
            check(rows[1]["amount"] is None and rows[1]["note"] is None, "NULL as null", r)
            check(PASSWORD not in r.stdout + r.stderr, "password never printed", r)

            r, _ = run(uisctl, path, "--infer")
            check(r.returncode == 0, "--infer exits 0", r)
            expected = [
                ("id", "int", "false"),
                ("big", "long", "false"),
                ("amount", "decimal(10,2)", "true"),
                ("ratio", "double", "true"),
                ("paid", "boolean", "true"),
                ("day", "date", "true"),
                ("created_at", "timestamp", "true"),
                ("note", "string", "true"),
                ("attrs", "json", "true"),
            ]
            for name, typ, nullable in expected:
                shown = f'"{typ}"' if "," in typ else typ
                line = f"- {{name: {name}, type: {shown}, nullable: {nullable}}}"
                check(line in r.stdout, f"catalogue type {line}", r)

            declared = "      schema:\n" + "".join(
                f'        - {{name: {n}, type: "{t}", nullable: {nl}}}\n' for n, t, nl in expected
            )
            path.write_text(spec(server.port, declared))
            r, _ = run(uisctl, path, "--check")
            check(r.returncode == 0 and "UIS-E-" not in r.stdout, "--check: no drift", r)

            two_tables(uisctl, server, Path(d))

            server.psql(
                "ALTER TABLE sales.orders ALTER COLUMN paid TYPE text; "
                "ALTER TABLE sales.orders DROP COLUMN note",
                db="shop",
            )
            r, _ = run(uisctl, path, "--check")
            check(r.returncode == 1, "--check after ALTER exits 1", r)
            check(
                "UIS-E-DRIFT-TYPE" in r.stdout and "UIS-E-DRIFT-FIELD-GONE" in r.stdout,
                "--check reports the type change and the gone column",
                r,
            )

            r, _ = run(uisctl, path, password="wrong-pw-123")
            check(
                r.returncode == 1 and "cannot connect" in r.stderr and "password" in r.stderr,
                "wrong password: a clear message",
                r,
            )
            check("wrong-pw-123" not in r.stdout + r.stderr, "wrong password never printed", r)

            path.write_text(spec(free_port()))
            r, took = run(uisctl, path, "--timeout", "5")
            check(
                r.returncode == 1
                and "cannot connect" in r.stderr
                and "is the server running" in r.stderr,
                "dead port: a clear message",
                r,
            )
            check(took < 30, f"dead port fails fast ({took:.1f}s)", r)
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
