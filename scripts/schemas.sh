#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Fetches the published JSON schemas the tests check our output against, as data, into
# .cache/schemas/. Idempotent: a second run fetches nothing.
#   sarif-2.1.0.json  the OASIS SARIF 2.1.0 (rtm.5) schema, shipped in @microsoft/jest-sarif on npm
set -euo pipefail
cd "$(dirname "$0")/.."
dir=.cache/schemas
mkdir -p "$dir"

if [[ ! -s $dir/sarif-2.1.0.json ]]; then
  command -v npm >/dev/null || { echo "schemas: npm not found (apt-get install npm)" >&2; exit 1; }
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  echo "schemas: fetching the SARIF 2.1.0 schema (npm @microsoft/jest-sarif)"
  (cd "$tmp" && npm pack -q --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null)
  tar -xzf "$tmp"/microsoft-jest-sarif-*.tgz -C "$tmp" package/lib/schemas/sarif-2.1.0-rtm.5.json
  mv "$tmp/package/lib/schemas/sarif-2.1.0-rtm.5.json" "$dir/sarif-2.1.0.json.tmp"
  mv "$dir/sarif-2.1.0.json.tmp" "$dir/sarif-2.1.0.json"
fi
