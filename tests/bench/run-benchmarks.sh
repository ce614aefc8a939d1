#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# `make bench`: every speed figure the issues ask for, measured here, side by side with its
# reference where there is one. Prints one line per figure and a summary table at the end.
set -uo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
py=.venv/bin/python
[[ -x $py ]] || py=python3
results=()
status=0

note() { results+=("$1"); echo "bench: $1"; }

# ------------------------------------------------------------------ validate vs PyYAML
spec="$out/large.uis.yaml"
"$py" tests/bench/gen_large_spec.py 1000 > "$spec"
lines=$(wc -l < "$spec"); bytes=$(wc -c < "$spec")
note "1,000-endpoint spec: $lines lines, $((bytes / 1024)) KiB"
if ! "$py" -c 'import yaml; assert yaml.__with_libyaml__' 2>/dev/null; then
  echo "bench: PyYAML with libyaml is missing in .venv (make deps)" >&2; exit 2
fi
hyperfine -N -w 3 -r 20 --export-json "$out/validate.json" \
  -n "uisctl validate" "$build/bin/uisctl validate $spec" \
  -n "python3 PyYAML CLoader" "$py -c 'import yaml,sys; yaml.load(open(sys.argv[1]), Loader=yaml.CLoader)' $spec" >/dev/null
read -r ours ref < <("$py" - "$out/validate.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print(r[0]["median"] * 1000, r[1]["median"] * 1000)
PY
)
ratio=$(awk -v a="$ours" -v b="$ref" 'BEGIN { printf "%.2f", a / b }')
verdict=$(awk -v r="$ratio" 'BEGIN { if (r < 0.25) print "PASS"; else printf "FAIL by %.2f", r - 0.25 }')
[[ $verdict == PASS ]] || status=1
note "$(printf 'validate 1,000 endpoints: %.1f ms vs PyYAML CLoader %.1f ms = %s of it (target < 0.25) %s' "$ours" "$ref" "$ratio" "$verdict")"

# ------------------------------------------------------------------ compile vs PyYAML
if "$build/bin/uisctl" compile --help >/dev/null 2>&1; then
  hyperfine -N -w 3 -r 20 --export-json "$out/compile.json" \
    -n "uisctl compile spark-job" "$build/bin/uisctl compile $spec --target spark-job" \
    -n "python3 PyYAML CLoader" "$py -c 'import yaml,sys; yaml.load(open(sys.argv[1]), Loader=yaml.CLoader)' $spec" >/dev/null
  read -r ours ref < <("$py" - "$out/compile.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print(r[0]["median"] * 1000, r[1]["median"] * 1000)
PY
)
  ratio=$(awk -v a="$ours" -v b="$ref" 'BEGIN { printf "%.2f", a / b }')
  verdict=$(awk -v r="$ratio" 'BEGIN { if (r < 0.5) print "PASS"; else printf "FAIL by %.2f", r - 0.5 }')
  [[ $verdict == PASS ]] || status=1
  note "$(printf 'compile spark-job, 1,000 endpoints: %.1f ms vs PyYAML CLoader %.1f ms = %s of it (target < 0.5) %s' "$ours" "$ref" "$ratio" "$verdict")"
  for target in spark-job spark-submit spark-conf dcp-request dcp-manifest spark-application; do
    t0=$(date +%s%N)
    "$build/bin/uisctl" compile "$spec" --target "$target" >/dev/null 2>&1 || status=1
    t1=$(date +%s%N)
    note "$(printf 'compile %-13s 1,000 endpoints: %.1f ms (one run)' "$target" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print (b - a) / 1e6 }')")"
  done
fi

# ------------------------------------------------------------------ every target vs PyYAML, 1,000 and 4,000 endpoints
# One spec per engine (gen_large_spec.py --engine: 50 transforms, one sink of each type per 40
# endpoints); `validate` and every target `uisctl compile --help` lists, each against the PyYAML
# CLoader load of the same file. Targets: compile < 0.25x, validate < 0.2x, 4000/1000 < 4.5 by
# instructions executed (valgrind; CPU time beside it), which do not vary with the load.
if "$build/bin/uisctl" compile --help >/dev/null 2>&1; then
  "$py" - "$build/bin/uisctl" "$py" "$out" > "$out/table.txt" <<'PY'
import concurrent.futures, json, os, re, shlex, shutil, subprocess, sys, tempfile
uisctl, py, out = sys.argv[1], sys.argv[2], sys.argv[3]
sizes = [1000, 4000]
load = py + " -c 'import yaml,sys; yaml.load(open(sys.argv[1]), Loader=yaml.CLoader)' "
help_text = subprocess.run([uisctl, "compile", "--help"], capture_output=True, text=True).stdout
para = help_text.split("Targets:", 1)[1].split("\n  --", 1)[0]
targets = list(dict.fromkeys(re.findall(r"\b[a-z]+-[a-z]+\b", para)))
specs = {}
for engine in ("spark", "flink"):
    for n in sizes:
        path = f"{out}/{engine}-{n}.uis.yaml"
        with open(path, "w") as f:
            subprocess.run([py, "tests/bench/gen_large_spec.py", "--engine", engine, str(n)],
                           stdout=f, check=True)
        specs[engine, n] = path
# Which engine's spec each target applies to (a target that fails on a spec does not).
rows = [("validate", engine, [uisctl, "validate"]) for engine in ("spark", "flink")]
for t in targets:
    for engine in ("spark", "flink"):
        ok = subprocess.run([uisctl, "compile", specs[engine, 1000], "--target", t],
                            capture_output=True).returncode == 0
        if ok:
            rows.append((t, engine, [uisctl, "compile", "--target", t]))
def cpu_ms(cmd):
    """The CPU time (user + system) of one run of `cmd`, from the child's own rusage."""
    p = subprocess.Popen(shlex.split(cmd), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        sys.exit(f"bench: {cmd} failed ({p.returncode})")
    return (ru.ru_utime + ru.ru_stime) * 1000
def least(cmds, n):
    # CPU time, not wall time: on a shared machine the wall time of a single-threaded program
    # mostly measures its neighbours (both sides are single-threaded). The least of several
    # runs, taken in rounds over every command so that a busy spell hits them all alike: what
    # the neighbours add (cache misses, migrations) only ever adds time.
    rounds = 10 if n < 2000 else 6
    for _, cmd in cmds:  # warm-up: page cache, dynamic loader
        cpu_ms(cmd)
    best = [float("inf")] * len(cmds)
    for _ in range(rounds):
        for i, (_, cmd) in enumerate(cmds):
            best[i] = min(best[i], cpu_ms(cmd))
    return best
ms = {}
for n in sizes:
    cmds = [(f"pyyaml {e}", load + specs[e, n]) for e in ("spark", "flink")]
    for t, e, cmd in rows:
        full = cmd[:2] + [specs[e, n]] + cmd[2:]
        cmds.append((f"{t} {e}", " ".join(full)))
    for (name, _), v in zip(cmds, least(cmds, n)):
        ms[name, n] = v
def instructions(cmd):
    """Instructions executed by one run (valgrind, no cache simulation). Unlike CPU time they
    do not depend on what else the machine does, so a growth ratio from them is work, not noise."""
    with tempfile.NamedTemporaryFile(prefix="uis-bench-cg-") as f:
        p = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={f.name}"]
                           + shlex.split(cmd), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    m = re.search(r"I\s+refs:\s+([\d,]+)", p.stderr)
    if p.returncode != 0 or not m:
        sys.exit(f"bench: valgrind {cmd} failed ({p.returncode})")
    return int(m.group(1).replace(",", ""))
have_valgrind = shutil.which("valgrind") is not None
ins = {}
if have_valgrind:
    jobs = []
    for n in sizes:
        for t, e, cmd in rows:
            jobs.append(((f"{t} {e}", n), " ".join(cmd[:2] + [specs[e, n]] + cmd[2:])))
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for (key, _), count in zip(jobs, pool.map(lambda j: instructions(j[1]), jobs)):
            ins[key] = count
else:
    print("bench: valgrind is missing: growth falls back to CPU time (apt install valgrind)", file=sys.stderr)
status = 0
print(f"{'':24}{'1,000 endpoints':>24}{'4,000 endpoints':>24}{'4000/1000':>17}")
print(f"{'(CPU ms, least of runs)':24}{'ms':>9}{'PyYAML ms':>10}{'ratio':>7}{'ms':>9}{'PyYAML ms':>10}{'ratio':>7}{'cpu':>7}{'instr':>7}")
for t, e, _ in rows:
    limit = 0.2 if t == "validate" else 0.25
    cells, misses = "", []
    for n in sizes:
        v, ref = ms[f"{t} {e}", n], ms[f"pyyaml {e}", n]
        cells += f"{v:9.1f}{ref:10.1f}{v / ref:7.2f}"
        if v / ref >= limit:
            misses.append(f"{n} endpoints at {v / ref:.2f}x PyYAML, over {limit}x by {v / ref - limit:.2f}")
    growth = ms[f"{t} {e}", 4000] / ms[f"{t} {e}", 1000]
    key = f"{t} {e}"
    # The growth limit is judged on instructions when valgrind is there (CPU time shown beside).
    judged = ins[key, 4000] / ins[key, 1000] if have_valgrind else growth
    if judged >= 4.5:
        misses.append(f"growth {judged:.2f} by {'instructions' if have_valgrind else 'CPU time'}, over 4.5 by {judged - 4.5:.2f}")
    status = status or (1 if misses else 0)
    instr = f"{judged:7.2f}" if have_valgrind else f"{'-':>7}"
    verdict = "PASS" if not misses else "FAIL: " + "; ".join(misses)
    print(f"{t + ' (' + e + ')':24}{cells}{growth:7.2f}{instr}  {verdict} (< {limit}x, growth < 4.5)")
sys.exit(status)
PY
  [[ $? -eq 0 ]] || status=1
  while IFS= read -r line; do note "$line"; done < "$out/table.txt"
fi

# ------------------------------------------------------------------ schema inference vs genson (issue 21)
if "$py" -c 'import genson' 2>/dev/null; then
  line=$("$py" tests/bench/infer_bench.py "$build/bin/uisctl" "$py")
  [[ $? -eq 0 ]] || status=1
  note "$line"
else
  echo "bench: genson is missing in .venv (scripts/python-env.sh)" >&2; status=1
fi

# ------------------------------------------------------------------ cold vs warm preview (issue 22)
if [[ -x "$build/bin/uisctl" ]]; then
  "$py" tests/bench/preview_sessions_bench.py "$build/bin/uisctl" > "$out/preview.txt" || status=1
  grep -E '^(\||warm pair)' "$out/preview.txt" | while read -r line; do echo "bench: $line"; done
  while read -r line; do note "$line"; done < <(grep '^preview ' "$out/preview.txt")
fi

# ------------------------------------------------------------------ cold vs warm uisctl test (issue 22)
if [[ -x "$build/bin/uisctl" ]]; then
  "$py" tests/bench/golden_sessions_bench.py "$build/bin/uisctl" > "$out/golden.txt" || status=1
  grep -E '^(\||warm pair)' "$out/golden.txt" | while read -r line; do echo "bench: $line"; done
  while read -r line; do note "$line"; done < <(grep '^tests all ' "$out/golden.txt")
fi

# ------------------------------------------------------------------ in-process micro benchmarks
if [[ -x "$build/bin/bench_core" ]]; then
  "$build/bin/bench_core" --benchmark_min_time=0.2 2>/dev/null | grep -E '^BM_' | while read -r line; do echo "bench: $line"; done
fi

# ------------------------------------------------------------------ GUI figures (issue 4)
if [[ -x "$build/bin/bench_studio" ]]; then
  QT_QPA_PLATFORM=offscreen "$build/bin/bench_studio" > "$out/studio.txt" || status=1
  while IFS= read -r line; do note "$line"; done < <(grep -v '^  ' "$out/studio.txt")
fi

# ------------------------------------------------------------------ dcp-local load (issue 5)
if [[ -x tests/bench/dcp-load.sh && -x "$build/bin/dcp-local" ]]; then
  tests/bench/dcp-load.sh "$build" > "$out/dcp.txt" || status=1
  while IFS= read -r line; do note "$line"; done < "$out/dcp.txt"
fi

echo
echo "== benchmark summary =="
printf '%s\n' "${results[@]}"
failed=$(printf '%s\n' "${results[@]}" | grep -cE 'FAIL|TARGET MISSED' || true)
if [[ $status -ne 0 ]]; then
  echo "== $failed figure(s) missed their limit =="
  printf '%s\n' "${results[@]}" | grep -E 'FAIL|TARGET MISSED' || echo "(a part of the bench could not run; see above)"
fi
exit $status
