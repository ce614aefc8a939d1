#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Creates the project-local .venv with the Python packages the tests and benchmarks use.
# Re-running it installs nothing when requirements.txt has not changed.
set -euo pipefail
cd "$(dirname "$0")/.."
req=scripts/requirements.txt
stamp=.venv/.requirements.sha256
want=$(sha256sum "$req" | cut -d' ' -f1)
if [[ -x .venv/bin/python && -f $stamp && "$(cat $stamp)" == "$want" ]]; then
  exit 0
fi
py=${UIS_PYTHON:-}
if [[ -z "$py" ]]; then
  for c in python3.11 /usr/bin/python3 python3; do
    if command -v "$c" >/dev/null 2>&1; then py=$c; break; fi
  done
fi
[[ -x .venv/bin/python ]] || "$py" -m venv .venv
echo "python-env: installing $(grep -cv '^#' $req) packages into .venv"
.venv/bin/python -m pip install -q --disable-pip-version-check -r "$req"
echo "$want" > "$stamp"
