# SPDX-License-Identifier: Apache-2.0
"""Cold vs warm `uisctl test --engine both` (issue 22; target: warm at least 4x faster over all
templates): for each template with a `*.tests.yaml`, the median wall time of `--session none`
and `--session auto`, measured side by side in one run (cold and warm alternate, so a busy spell
on the machine hits both), and whether both give the same verdicts. The warm pair is started
first in a state folder of its own (its start-up is reported apart: the designer and `uisctl`
start it once for many runs) and stopped at the end.

usage: golden_sessions_bench.py UISCTL [--runs N] [--templates a,b]
Prints a Markdown table, then the summary lines (`tests <template>: ...`, `tests all: ...`)."""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TEMPLATES = REPO / "resources" / "templates"


def with_tests() -> list:
    return sorted(
        p.name.removesuffix(".uis.yaml")
        for p in TEMPLATES.glob("*.uis.yaml")
        if (TEMPLATES / p.name.replace(".uis.yaml", ".tests.yaml")).is_file()
    )


def run(uisctl: str, name: str, session: str, env: dict) -> tuple:
    """(seconds, verdicts, where each engine ran, stderr) of one `uisctl test`."""
    t0 = time.monotonic()
    p = subprocess.run(
        [uisctl, "test", str(TEMPLATES / f"{name}.uis.yaml"), "--engine", "both"]
        + ["--format", "json", "--session", session],
        capture_output=True,
        text=True,
        env=env,
        timeout=1800,
    )
    took = time.monotonic() - t0
    try:
        out = json.loads(p.stdout)
    except ValueError:
        return None, None, None, p.stderr
    verdicts = {
        e["engine"]: [(c["name"], c["status"]) for c in e["cases"]] for e in out["engines"]
    }
    where = {e["engine"]: e.get("session", "-") for e in out["engines"] if e["status"] == "ran"}
    return took, verdicts, where, p.stderr


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("uisctl")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--templates", default=",".join(with_tests()))
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="uis-bench-golden-"))
    env = dict(os.environ, UIS_SESSIONS_DIR=str(work / "sessions"), TZ="UTC")
    t0 = time.monotonic()
    start = subprocess.run([args.uisctl, "sessions", "start"], env=env, capture_output=True)
    started = time.monotonic() - t0
    rows, status = [], 0
    try:
        if start.returncode != 0:
            print(f"bench: the warm pair did not start: {start.stderr.decode()}", file=sys.stderr)
            return 1
        for name in args.templates.split(","):
            times = {"none": [], "auto": []}
            results, why = {}, ""
            for _ in range(args.runs):
                for session in ("none", "auto"):
                    took, verdicts, where, err = run(args.uisctl, name, session, env)
                    if took is None:
                        why = err.strip().splitlines()[-1] if err.strip() else "failed"
                        break
                    times[session].append(took)
                    results[session] = (verdicts, where)
                if why:
                    break
            if why:
                rows.append((name, None, None, why, ""))
                continue
            same = results["none"][0] == results["auto"][0]
            status = status if same else 1
            where = ", ".join(f"{e} {w}" for e, w in results["auto"][1].items())
            rows.append(
                (
                    name,
                    statistics.median(times["none"]),
                    statistics.median(times["auto"]),
                    "same verdicts" if same else "VERDICTS DIFFER",
                    where,
                )
            )
    finally:
        subprocess.run([args.uisctl, "sessions", "stop"], env=env, capture_output=True)
    print(f"warm pair start-up (both servers): {started:.1f} s; {args.runs} run(s) each\n")
    print("| template | cold (s) | warm (s) | speed-up | warm run on | verdicts |")
    print("|---|---|---|---|---|---|")
    for name, cold, warm, note, where in rows:
        if cold is None:
            print(f"| {name} | – | – | – | – | not run: {note} |")
        else:
            print(f"| {name} | {cold:.1f} | {warm:.1f} | {cold / warm:.1f}x | {where} | {note} |")
    print()
    done = [r for r in rows if r[1] is not None]
    for name, cold, warm, note, where in done:
        print(f"tests {name}: cold {cold:.1f} s, warm {warm:.1f} s ({where}; {note})")
    if done:
        cold, warm = sum(r[1] for r in done), sum(r[2] for r in done)
        print(
            f"tests all {len(done)} templates (uisctl test --engine both): cold {cold:.1f} s, "
            f"warm {warm:.1f} s, {cold / warm:.1f}x faster warm (target 4x)"
        )
    return status if len(done) == len(rows) else 1


if __name__ == "__main__":
    sys.exit(main())
