# SPDX-License-Identifier: Apache-2.0
"""Golden-data cases without an engine (ctest label `runners`): every template and seed example
carries its cases (`<name>.tests.yaml`, UIS-SPEC.md "Pipeline tests"), and the runners' test mode
reads times and Flink DDL as it should. test_warm_golden.py runs the cases with `uisctl test
--engine both` on every engine that applies, cold and warm, and requires them all to pass."""

import templates as T

SPECS = T.all_specs()


def test_every_spec_has_cases():
    missing = [p.name for p in SPECS if not (p.parent / (T.spec_id(p) + ".tests.yaml")).is_file()]
    assert not missing, f"no .tests.yaml next to {missing}"
    assert len(SPECS) >= 8


# ------------------------------------------------------------------ the test mode's own helpers
# (what the runners do to the rows before and after the engine sees them)


def test_instants():
    import datetime as dt

    from uis_runners import testing

    utc = dt.datetime(2024, 1, 15, 10, 0, tzinfo=dt.UTC)
    for v in (
        "2024-01-15T10:00:00Z",
        "2024-01-15T10:00:00",
        "2024-01-15 10:00:00.000",
        "2024-01-15T12:00:00+02:00",
        1705312800000,
        "1705312800000",
    ):
        assert testing.instant(v) == utc, v
    assert testing.instant("not a time") is None
    assert testing.instant(None) is None
    assert testing.flink_row({"t": 1705312800125, "x": "a"}, [("t", "TIMESTAMP(3) NOT NULL")]) == {
        "t": "2024-01-15 10:00:00.125",
        "x": "a",
    }
    assert testing.spark_row({"t": "2024-01-15T12:00:00+02:00"}, {"t": "timestamp"}) == {
        "t": "2024-01-15T10:00:00.000Z"
    }
    assert testing.json_value(dt.datetime(2024, 1, 15, 10, 0, 0, 125000)) == (
        "2024-01-15T10:00:00.125Z"
    )


def test_flink_table_ddl_is_parsed():
    from uis_runners.flink.bounded import parse_table

    t = parse_table(
        "CREATE TABLE IF NOT EXISTS `lake`.`shop`.`orders` (\n"
        "  `id` BIGINT NOT NULL,\n  `amount` DECIMAL(10, 2),\n"
        "  `ts` TIMESTAMP(3),\n  WATERMARK FOR `ts` AS `ts` - INTERVAL '5' SECOND,\n"
        "  PRIMARY KEY (`id`) NOT ENFORCED\n) WITH ('format-version' = '2')"
    )
    assert t.name == "lake.shop.orders"
    assert [n for n, _ in t.columns] == ["id", "amount", "ts"]
    assert t.primary_key == ["id"]
    assert len(t.elements) == 5
    assert parse_table("CREATE TEMPORARY VIEW v AS SELECT 1") is None
