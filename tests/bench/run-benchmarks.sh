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
verdict=$(awk -v r="$ratio" 'BEGIN { print (r < 0.25) ? "PASS" : "FAIL" }')
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
  verdict=$(awk -v r="$ratio" 'BEGIN { print (r < 0.5) ? "PASS" : "FAIL" }')
  [[ $verdict == PASS ]] || status=1
  note "$(printf 'compile spark-job, 1,000 endpoints: %.1f ms vs PyYAML CLoader %.1f ms = %s of it (target < 0.5) %s' "$ours" "$ref" "$ratio" "$verdict")"
  for target in spark-job spark-submit spark-conf dcp-request dcp-manifest; do
    t0=$(date +%s%N)
    "$build/bin/uisctl" compile "$spec" --target "$target" >/dev/null 2>&1 || status=1
    t1=$(date +%s%N)
    note "$(printf 'compile %-13s 1,000 endpoints: %.1f ms (one run)' "$target" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print (b - a) / 1e6 }')")"
  done
fi

# ------------------------------------------------------------------ in-process micro benchmarks
if [[ -x "$build/bin/bench_core" ]]; then
  "$build/bin/bench_core" --benchmark_min_time=0.2 2>/dev/null | grep -E '^BM_' | while read -r line; do echo "bench: $line"; done
fi

# ------------------------------------------------------------------ GUI figures (issue 4)
if [[ -x "$build/bin/bench_studio" ]]; then
  QT_QPA_PLATFORM=offscreen "$build/bin/bench_studio" "$spec" "$root/resources/templates/kafka-dedupe-window.uis.yaml" \
    | while read -r line; do echo "bench: $line"; done
  [[ ${PIPESTATUS[0]} -eq 0 ]] || status=1
fi

# ------------------------------------------------------------------ dcp-local load (issue 5)
if [[ -x tests/bench/dcp-load.sh && -x "$build/bin/dcp-local" ]]; then
  tests/bench/dcp-load.sh "$build" || status=1
fi

echo
echo "== benchmark summary =="
printf '%s\n' "${results[@]}"
exit $status
