#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the Go tools the local platform (`uisctl platform`) runs, all project-local:
#   .cache/bin/versitygw     Versity S3 Gateway (Apache-2.0): a local folder served over the S3 API
#   .cache/go/               GOPATH, module and build caches (nothing lands in ~/go)
# Versions come from scripts/engines/versions.env. A stamp records what was built, so a second run
# builds nothing and prints nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

# shellcheck source=engines/versions.env
source scripts/engines/versions.env

go=${GO:-}
if [[ -z $go ]]; then
  for c in go /usr/local/go/bin/go; do
    if command -v "$c" >/dev/null 2>&1; then go=$(command -v "$c"); break; fi
  done
fi
[[ -n $go ]] || { echo "go-tools: go not found (install Go 1.22+ or set GO=/path/to/go)" >&2; exit 1; }

bin=$root/.cache/bin
stamp=$bin/.versitygw.stamp
want="versitygw $VERSITYGW_VERSION"
if [[ -x $bin/versitygw && -f $stamp && "$(cat "$stamp")" == "$want" ]]; then
  exit 0
fi

echo "go-tools: building versitygw $VERSITYGW_VERSION into .cache/bin (about 90 s)"
mkdir -p "$bin" "$root/.cache/go"
export GOBIN=$bin GOPATH=$root/.cache/go GOMODCACHE=$root/.cache/go/mod GOCACHE=$root/.cache/go/build
export GOTOOLCHAIN=local GOFLAGS=-modcacherw
"$go" install "github.com/versity/versitygw/cmd/versitygw@$VERSITYGW_VERSION"
echo "$want" >"$stamp"
