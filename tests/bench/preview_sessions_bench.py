# SPDX-License-Identifier: Apache-2.0
"""Cold vs warm Data Preview (issue 22): for each file template, per engine, the median wall
time of `uisctl preview --session none` and `--session auto`, measured side by side in one run
(cold and warm alternate, so a busy spell on the machine hits both). The warm pair is started
first in a state folder of its own (its start-up is reported apart) and stopped at the end.

usage: preview_sessions_bench.py UISCTL [--runs N] [--templates a,b] [--engines spark,flink]
Prints a Markdown table, then one summary line per template and engine."""

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
sys.path.insert(0, str(REPO / "tests" / "runners"))
import templates as T  # noqa: E402

FILE_TEMPLATES = ["files-to-parquet", "files-to-clickhouse", "sample-trades-to-parquet"]
ENGINES = ["spark", "flink"]


def local_copy(name: str, work: Path) -> Path:
    """The template reading local files made from its own endpoints (tests/runners/templates)."""
    src = T.TEMPLATES / f"{name}.uis.yaml"
    spec = T.load(src)
    data = work / name / "data"
    for e in spec["provider"]["endpoints"]:
        T.write_files(e, data, n=50)
    copy = work / name / src.name
    copy.write_text(T.rewrite_base_url(src.read_text(), data.as_uri()))
    return copy


def preview(uisctl: str, spec: Path, engine: str, session: str, env: dict) -> tuple:
    """(seconds, rows per node, stderr) of one `uisctl preview`; seconds None when it failed."""
    t0 = time.monotonic()
    p = subprocess.run(
        [uisctl, "preview", str(spec), "--engine", engine, "--limit", "20"]
        + ["--format", "json", "--session", session],
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )
    took = time.monotonic() - t0
    if p.returncode != 0:
        return None, None, p.stderr
    out = json.loads(p.stdout.splitlines()[0])
    return took, {n["node"]: n["rows"] for n in out["nodes"]}, p.stderr


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("uisctl")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--templates", default=",".join(FILE_TEMPLATES))
    ap.add_argument("--engines", default=",".join(ENGINES), help="spark, flink or both")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="uis-bench-sessions-"))
    env = dict(os.environ, UIS_SESSIONS_DIR=str(work / "sessions"), TZ="UTC")
    py = str(REPO / ".venv" / "bin" / "python")
    sessions = [py, "-m", "uis_runners.sessions"]
    env_py = dict(env, PYTHONPATH=str(REPO / "runners"))
    t0 = time.monotonic()
    engines = [e for e in ENGINES if e in args.engines.split(",")]
    if not engines:
        ap.error(f"--engines: none of {', '.join(ENGINES)}")
    which = engines[0] if len(engines) == 1 else "both"
    start = subprocess.run(
        sessions + ["start", "--engine", which], env=env_py, capture_output=True, text=True
    )
    started = time.monotonic() - t0
    rows, status = [], 0
    try:
        if start.returncode != 0:
            print(f"bench: the warm pair did not start: {start.stderr.strip()}", file=sys.stderr)
            return 1
        for name in args.templates.split(","):
            spec = local_copy(name, work)
            for engine in engines:
                times = {"none": [], "auto": []}
                same, why = True, ""
                for _ in range(args.runs):
                    results = {}
                    for session in ("none", "auto"):
                        took, data, err = preview(args.uisctl, spec, engine, session, env)
                        if took is None:
                            why = err.strip().splitlines()[-1] if err.strip() else "failed"
                            break
                        times[session].append(took)
                        results[session] = data
                    if why:
                        break
                    same = same and results["none"] == results["auto"]
                if why:
                    rows.append((name, engine, None, None, why))
                    continue
                cold = statistics.median(times["none"])
                warm = statistics.median(times["auto"])
                if not same:
                    status = 1
                rows.append((name, engine, cold, warm, "same rows" if same else "ROWS DIFFER"))
    finally:
        subprocess.run(sessions + ["stop"], env=env_py, capture_output=True)
    print(f"warm pair start-up ({which}): {started:.1f} s; {args.runs} run(s) each\n")
    print("| template | engine | cold median (s) | warm median (s) | speed-up | rows |")
    print("|---|---|---|---|---|---|")
    for name, engine, cold, warm, note in rows:
        if cold is None:
            print(f"| {name} | {engine} | – | – | – | not previewed: {note} |")
            continue
        print(f"| {name} | {engine} | {cold:.2f} | {warm:.2f} | {cold / warm:.1f}x | {note} |")
    print()
    for name, engine, cold, warm, note in rows:
        if cold is not None:
            print(f"preview {name} {engine}: cold {cold:.2f} s, warm {warm:.2f} s ({note})")
    return status


if __name__ == "__main__":
    sys.exit(main())
