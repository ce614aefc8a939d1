# SPDX-License-Identifier: Apache-2.0
"""Every template and seed example carries golden-data cases (`<name>.tests.yaml`, UIS-SPEC.md
"Pipeline tests"); `uisctl test --engine both --format junit` runs them on every engine that
has the spec's connectors (Spark through spark-submit local[*], Flink on a PyFlink mini-cluster:
the cold path, `--session none`; an engine without them is skipped) and must pass them all. The
warm sessions give the same results: test_warm_golden.py.

The JUnit report is parsed: one testsuite per engine, one testcase per case, no failure or
error, and at least one case ran. The run time per engine per spec is printed at the end (run
with `-s` to see it) and written to `$UIS_GOLDEN_TIMES` when set."""

import json
import os
import subprocess
import time
import xml.etree.ElementTree as ET

import pytest
import templates as T

SPECS = T.all_specs()
TIMES = {}


def test_every_spec_has_cases():
    missing = [p.name for p in SPECS if not (p.parent / (T.spec_id(p) + ".tests.yaml")).is_file()]
    assert not missing, f"no .tests.yaml next to {missing}"
    assert len(SPECS) >= 8


@pytest.mark.parametrize("spec", SPECS, ids=T.spec_id)
def test_golden_cases_pass(spec, tmp_path):
    uisctl = T.tool("uisctl")
    started = time.time()
    p = subprocess.run(
        [
            str(uisctl),
            "test",
            str(spec),
            "--engine",
            "both",
            "--format",
            "junit",
            "--keep",
            str(tmp_path),
            "--session",
            "none",
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    wall = time.time() - started
    assert p.returncode == 0, (
        f"uisctl test failed ({p.returncode}):\n{p.stdout}\n{p.stderr[-4000:]}"
    )
    root = ET.fromstring(p.stdout)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert suites, p.stdout
    ran = 0
    for suite in suites:
        engine = suite.get("name")
        assert engine in ("spark", "flink"), engine
        for case in suite.findall("testcase"):
            problems = case.findall("failure") + case.findall("error")
            assert not problems, f"{engine}: {case.get('name')}: {problems[0].text or ''}"
            if case.find("skipped") is None:
                ran += 1
        if int(suite.get("skipped", "0")) == 0:
            TIMES[(T.spec_id(spec), engine)] = float(suite.get("time"))
    assert ran >= 1, f"no case ran:\n{p.stdout}"
    assert int(root.get("failures")) == 0 and int(root.get("errors")) == 0
    TIMES[(T.spec_id(spec), "wall")] = wall


def teardown_module(_module):
    if not TIMES:
        return
    lines = ["golden pipeline run time (engine process, seconds):"]
    for (spec, engine), secs in sorted(TIMES.items()):
        lines.append(f"  {spec:28} {engine:6} {secs:7.1f}")
    print("\n" + "\n".join(lines))
    out = os.environ.get("UIS_GOLDEN_TIMES")
    if out:
        with open(out, "w") as f:
            json.dump({f"{s}/{e}": t for (s, e), t in sorted(TIMES.items())}, f, indent=1)


# ------------------------------------------------------------------ the test mode's own helpers
# (no engine: what the runners do to the rows before and after the engine sees them)


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
