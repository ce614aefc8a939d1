#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# make test's format check: every C++ line changed since the commit named in .clang-format-base
# must be as clang-format (.clang-format, 100 columns) writes it. Only changed lines are checked,
# so older code is reformatted when it is next touched, never in a sweeping commit.
set -euo pipefail
cd "$(dirname "$0")/.."
base=$(tr -d '[:space:]' < .clang-format-base)
if ! git cat-file -e "$base^{commit}" 2>/dev/null; then
  echo "check-format: skipped: base commit $base is not in this clone's history (a shallow clone?)" >&2
  exit 77
fi
tool=$(command -v git-clang-format || command -v git-clang-format-14 || true)
[[ -n $tool ]] || { echo "check-format: git-clang-format not found (apt-get install clang-format)" >&2; exit 1; }
out=$("$tool" --diff --extensions cpp,h "$base" -- . 2>&1 || true)
case "$out" in
  ""|*"no modified files to format"*|*"clang-format did not modify any files"*)
    echo "check-format: every C++ line changed since ${base:0:12} is formatted"
    exit 0 ;;
esac
echo "$out"
echo "check-format: the lines above are not formatted; run: git clang-format $base" >&2
exit 1
