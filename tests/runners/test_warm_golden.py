# SPDX-License-Identifier: Apache-2.0
"""`uisctl test` on the warm engine sessions gives what the cold engines give (issue 22): for
every template and seed example with a `*.tests.yaml`, `--engine both` with `--session none` and
with `--session auto` give the same verdict per engine and case, and capture the same rows per
sink (as multisets, compared value by value; never with rows written here).

One private pair serves every spec: started in a state folder of this module (XDG_STATE_HOME
and UIS_SESSIONS_DIR, so a user's pair is neither used nor stopped) and stopped at the end,
with no server left. An engine asked to run warm must run warm: the one cold path allowed is the
Flink gateway's planner error on window aggregates, whose reason the run must give. The wall
time of both runs per spec is printed at the end (run with `-s` to see it)."""

import json
import os
import subprocess
import time

import pytest
import templates as T
from session_servers import alive, server_pids

SPECS = [p for p in T.all_specs() if (p.parent / f"{T.spec_id(p)}.tests.yaml").is_file()]
TIMES = {}
# The one reason a warm engine may give for running cold (sessions/flink_warm.cannot_plan).
ALLOWED_COLD = {"flink": "batch planner cannot plan this script"}


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    state = tmp_path_factory.mktemp("state")
    env = dict(os.environ, XDG_STATE_HOME=str(state), UIS_SESSIONS_DIR=str(state / "sessions"))
    uisctl = str(T.tool("uisctl"))
    started = time.monotonic()
    start = subprocess.run(
        [uisctl, "sessions", "start", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    try:
        assert start.returncode == 0, start.stdout + start.stderr
        st = json.loads(start.stdout)
        assert {e: s["state"] for e, s in st["engines"].items()} == {
            "spark": "warm",
            "flink": "warm",
        }, st
        TIMES[("(pair start-up)", "warm")] = time.monotonic() - started
        yield env
    finally:
        pids = server_pids(state / "sessions")
        subprocess.run([uisctl, "sessions", "stop"], env=env, timeout=120)
        left = [p for p in pids if alive(p)]
        assert not left, f"servers still running after stop: {left}"


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
    TIMES[(T.spec_id(spec), "cold" if session == "none" else "warm")] = time.monotonic() - started
    assert p.returncode in (0, 1), f"{session}: exit {p.returncode}\n{p.stdout}\n{p.stderr}"
    try:
        out = json.loads(p.stdout)
    except ValueError:
        raise AssertionError(f"{session}: no JSON result\n{p.stdout}\n{p.stderr}") from None
    out["exit"], out["stderr"] = p.returncode, p.stderr
    return out


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
    warm = uisctl_test(spec, "auto", tmp_path / "warm", env)
    assert verdicts(warm) == verdicts(cold), f"warm:\n{warm['stderr']}\ncold:\n{cold['stderr']}"
    assert warm["passed"] == cold["passed"] and warm["exit"] == cold["exit"]
    ran = [e for e in warm["engines"] if e["status"] == "ran"]
    assert ran, warm
    for e in ran:
        engine = e["engine"]
        assert [c for c in cold["engines"] if c["engine"] == engine][0]["session"] == "cold"
        if e["session"] != "warm":
            allowed = ALLOWED_COLD.get(engine, "(none)")
            assert allowed in e.get("session_note", ""), (engine, e, warm["stderr"])
            print(f"{T.spec_id(spec)} {engine}: cold path: {e['session_note']}")
        got, want = captures(tmp_path / "warm", engine), captures(tmp_path / "cold", engine)
        assert got == want, f"{engine}: warm {got}\ncold {want}"


def teardown_module(_module):
    if not TIMES:
        return
    lines = ["uisctl test --engine both, wall seconds:"]
    for (spec, session), secs in sorted(TIMES.items()):
        lines.append(f"  {spec:28} {session:5} {secs:7.1f}")
    print("\n" + "\n".join(lines))
