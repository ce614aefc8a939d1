# SPDX-License-Identifier: Apache-2.0
"""`uisctl test` on every template and seed example with a `*.tests.yaml`, cold and warm (issue
22). The cold run (`--engine both --session none`, Spark through spark-submit local[*], Flink on
a PyFlink mini-cluster; an engine without the spec's connectors is skipped) must pass every
golden case (UIS-SPEC.md "Pipeline tests"): exit 0, every case of every engine that applies
passed, at least one case ran. The warm run (`--session auto`) must give the same verdict per
engine and case, and capture the same rows per sink (as multisets, compared value by value;
never with rows written here). test_golden_pipelines.py has the checks that need no engine.

The pair is conftest.py's `warm_pair` (under ctest the one the engine tests share, else one of
this session's own; either way in a state folder of the tests', so a user's pair is neither used
nor stopped, and stopped with no server left). An engine asked to run warm must run warm: no cold
path is allowed (the window aggregates the gateway could not plan run warm since their views are
inlined, sessions/inline_views.py). One warm run of a small spec with `--format junit` checks
the JUnit report.

The wall time of both runs per spec, and the cold run's time per engine, are printed at the end
(run with `-s` to see them); the latter also goes to `$UIS_GOLDEN_TIMES` when set."""

import json
import os
import subprocess
import time
import xml.etree.ElementTree as ET

import pytest
import templates as T
import yaml

SPECS = [p for p in T.all_specs() if (p.parent / f"{T.spec_id(p)}.tests.yaml").is_file()]
TIMES = {}  # (spec, cold|warm) -> wall seconds of uisctl test
GOLDEN = {}  # (spec, spark|flink|wall) -> the cold run's seconds (engine process; uisctl test)


@pytest.fixture(scope="module")
def env(warm_pair):
    return dict(os.environ, **warm_pair.env)


def uisctl_test(spec, session: str, keep, env) -> dict:
    started = time.monotonic()
    p = subprocess.run(
        [str(T.tool("uisctl")), "test", str(spec), "--engine", "both", "--format", "json"]
        + ["--keep", str(keep), "--session", session],
        capture_output=True,
        text=True,
        timeout=1200,
        env=env,
    )
    wall = time.monotonic() - started
    TIMES[(T.spec_id(spec), "cold" if session == "none" else "warm")] = wall
    assert p.returncode in (0, 1), f"{session}: exit {p.returncode}\n{p.stdout}\n{p.stderr}"
    try:
        out = json.loads(p.stdout)
    except ValueError:
        raise AssertionError(f"{session}: no JSON result\n{p.stdout}\n{p.stderr}") from None
    out["exit"], out["stderr"], out["wall"] = p.returncode, p.stderr, wall
    return out


def check_golden(spec, cold: dict) -> None:
    """Every golden case passed on every engine that applies, and at least one ran."""
    why = f"uisctl test failed ({cold['exit']}):\n{cold['stderr'][-4000:]}"
    ran = 0
    for e in cold["engines"]:
        engine = e["engine"]
        assert engine in ("spark", "flink"), engine
        if e["status"] == "skipped":
            continue
        assert e["status"] == "ran" and e["cases"], f"{engine}: {e.get('reason')}\n{why}"
        for c in e["cases"]:
            diff = "\n".join(c["diff"])
            assert c["status"] == "passed", f"{engine}: {c['name']}: {c.get('error', diff)}\n{why}"
            ran += 1
        GOLDEN[(T.spec_id(spec), engine)] = e["duration"]
    assert ran >= 1, f"no case ran:\n{json.dumps(cold['engines'], indent=1)}\n{why}"
    assert cold["exit"] == 0 and cold["passed"], why
    GOLDEN[(T.spec_id(spec), "wall")] = cold["wall"]


def verdicts(result: dict) -> dict:
    """engine → (status, [(case, status)])."""
    return {
        e["engine"]: (e["status"], [(c["name"], c["status"]) for c in e["cases"]])
        for e in result["engines"]
    }


def same_number(v):
    """3.0 and 3 are one value (JSON writers differ on a whole DECIMAL or DOUBLE)."""
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, dict):
        return {k: same_number(x) for k, x in v.items()}
    if isinstance(v, list):
        return [same_number(x) for x in v]
    return v


def captures(keep, engine: str) -> dict:
    """(case folder, sink) → the sink's rows, sorted (a multiset)."""
    out = {}
    for f in sorted((keep / engine / "captures").glob("*/*.jsonl")):
        rows = [json.loads(line) for line in f.read_text().splitlines() if line.strip()]
        out[(f.parent.name, f.stem)] = sorted(
            json.dumps(same_number(r), sort_keys=True) for r in rows
        )
    return out


@pytest.mark.parametrize("spec", SPECS, ids=T.spec_id)
def test_warm_and_cold_give_the_same_results(spec, env, tmp_path):
    cold = uisctl_test(spec, "none", tmp_path / "cold", env)
    check_golden(spec, cold)
    warm = uisctl_test(spec, "auto", tmp_path / "warm", env)
    assert verdicts(warm) == verdicts(cold), f"warm:\n{warm['stderr']}\ncold:\n{cold['stderr']}"
    assert warm["passed"] == cold["passed"] and warm["exit"] == cold["exit"]
    ran = [e for e in warm["engines"] if e["status"] == "ran"]
    assert ran, warm
    for e in ran:
        engine = e["engine"]
        assert [c for c in cold["engines"] if c["engine"] == engine][0]["session"] == "cold"
        assert e["session"] == "warm", (engine, e.get("session_note"), warm["stderr"])
        got, want = captures(tmp_path / "warm", engine), captures(tmp_path / "cold", engine)
        assert got == want, f"{engine}: warm {got}\ncold {want}"


def test_junit_report(env, tmp_path):
    """`--format junit`: one testsuite per engine, one testcase per case, none failed."""
    spec = T.TEMPLATES / "sample-trades-to-parquet.uis.yaml"
    cases = yaml.safe_load(spec.with_name("sample-trades-to-parquet.tests.yaml").read_text())
    p = subprocess.run(
        [str(T.tool("uisctl")), "test", str(spec), "--engine", "spark", "--format", "junit"]
        + ["--keep", str(tmp_path), "--session", "auto"],
        capture_output=True,
        text=True,
        timeout=900,
        env=env,
    )
    assert p.returncode == 0, f"uisctl test failed ({p.returncode}):\n{p.stdout}\n{p.stderr}"
    root = ET.fromstring(p.stdout)
    assert root.tag == "testsuites"
    assert [s.get("name") for s in root.findall("testsuite")] == ["spark"], p.stdout
    suite = root.find("testsuite")
    names = [c.get("name") for c in suite.findall("testcase")]
    assert names == [c["name"] for c in cases["tests"]], p.stdout
    for case in suite.findall("testcase"):
        problems = case.findall("failure") + case.findall("error") + case.findall("skipped")
        assert not problems, f"{case.get('name')}: {problems[0].text or problems[0].attrib}"
    assert int(suite.get("tests")) == len(names) and float(suite.get("time")) > 0
    assert (root.get("failures"), root.get("errors"), root.get("skipped")) == ("0", "0", "0")


def teardown_module(_module):
    if TIMES:
        lines = ["uisctl test --engine both, wall seconds:"]
        for (spec, session), secs in sorted(TIMES.items()):
            lines.append(f"  {spec:28} {session:5} {secs:7.1f}")
        print("\n" + "\n".join(lines))
    if GOLDEN:
        lines = ["golden pipeline run time, cold (engine process; wall: uisctl test), seconds:"]
        for (spec, engine), secs in sorted(GOLDEN.items()):
            lines.append(f"  {spec:28} {engine:6} {secs:7.1f}")
        print("\n" + "\n".join(lines))
        out = os.environ.get("UIS_GOLDEN_TIMES")
        if out:
            with open(out, "w") as f:
                json.dump({f"{s}/{e}": t for (s, e), t in sorted(GOLDEN.items())}, f, indent=1)
