#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs the reader/validator fuzzer for N seconds (default 60) on a working copy of the seed corpus
# (templates, regression inputs, hostile samples). A crash leaves its input in build-fuzz/findings:
# add it to tests/data/fuzz-regressions/ so tst_fuzzregressions keeps it fixed.
set -euo pipefail
build=${1:-build-fuzz}
seconds=${2:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
work="$root/$build/fuzz-corpus"
findings="$root/$build/findings"
mkdir -p "$work" "$findings"
cp -n "$root"/resources/templates/*.uis.yaml "$root"/tests/data/fuzz-regressions/* "$work"/ 2>/dev/null || true
for f in "$root"/resources/templates/*.uis.yaml; do
  "$root/build/bin/uisctl" convert "$f" --to json > "$work/$(basename "$f" .yaml).json" 2>/dev/null || true
done
echo "fuzz: running fuzz_reader for ${seconds}s on $(ls "$work" | wc -l) seed inputs"
set +e
"$root/$build/bin/fuzz_reader" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
  -artifact_prefix="$findings/" -print_final_stats=1 "$work" > "$root/$build/fuzz.log" 2>&1
rc=$?
set -e
tail -n 8 "$root/$build/fuzz.log"
if [[ $rc -ne 0 ]] || compgen -G "$findings/crash-*" >/dev/null || compgen -G "$findings/timeout-*" >/dev/null; then
  echo "fuzz: findings in $findings — add them to tests/data/fuzz-regressions/" >&2
  exit 1
fi
echo "fuzz: no crashes, hangs or leaks in ${seconds}s"
