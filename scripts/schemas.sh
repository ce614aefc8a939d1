#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Fetches the published schemas the tests check our output against, as data, into
# .cache/schemas/. Idempotent: a second run fetches nothing.
#   sarif-2.1.0.json  the OASIS SARIF 2.1.0 (rtm.5) schema, shipped in @microsoft/jest-sarif on npm
#   k8s/flinkdeployments.flink.apache.org-v1.yml, -v1beta1.yml
#                     the FlinkDeployment CRD (apiextensions v1 and v1beta1 forms), inside the jar
#                     org.apache.flink:flink-kubernetes-operator-api on Maven Central
#   k8s/sparkoperator.k8s.io_sparkapplications.yaml
#                     the SparkApplication CRD, in the source zip of the Go module
#                     github.com/kubeflow/spark-operator/v2 (config/crd/bases/)
# Versions come from scripts/engines/versions.env; each CRD is checked against its SHA-256 below.
# UIS_SCHEMAS_DIR overrides the target folder (a fetch from nothing into an empty folder).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
# shellcheck source=engines/versions.env
source scripts/engines/versions.env
dir=${UIS_SCHEMAS_DIR:-.cache/schemas}
mkdir -p "$dir" "$dir/k8s"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [[ ! -s $dir/sarif-2.1.0.json ]]; then
  command -v npm >/dev/null || { echo "schemas: npm not found (apt-get install npm)" >&2; exit 1; }
  echo "schemas: fetching the SARIF 2.1.0 schema (npm @microsoft/jest-sarif)"
  (cd "$tmp" && npm pack -q --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null)
  tar -xzf "$tmp"/microsoft-jest-sarif-*.tgz -C "$tmp" package/lib/schemas/sarif-2.1.0-rtm.5.json
  mv "$tmp/package/lib/schemas/sarif-2.1.0-rtm.5.json" "$dir/sarif-2.1.0.json.tmp"
  mv "$dir/sarif-2.1.0.json.tmp" "$dir/sarif-2.1.0.json"
fi

# unzip_member ZIP MEMBER OUT SHA256: one file out of a zip (or jar), checked, written atomically.
unzip_member() {
  local zip=$1 member=$2 out=$3 sum=$4
  python3 - "$zip" "$member" "$out.tmp" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z, open(sys.argv[3], "wb") as f:
    f.write(z.read(sys.argv[2]))
PY
  if [[ "$(sha256sum "$out.tmp" | cut -d' ' -f1)" != "$sum" ]]; then
    echo "schemas: $member from $zip does not have the pinned SHA-256 $sum" >&2
    rm -f "$out.tmp"
    exit 1
  fi
  mv "$out.tmp" "$out"
}

flink_crd=flinkdeployments.flink.apache.org
flink_v1_sha=5f2b489140be56a972195971b8331f22f2c46d7f0de68cbd11ddf919cbc073a9
flink_v1beta1_sha=c6a4ca5ca34f9ab9eeb7fa8988bfbe1a95e9e2cf84f0bed5aaac345a95aa484e
if [[ ! -s $dir/k8s/$flink_crd-v1.yml || ! -s $dir/k8s/$flink_crd-v1beta1.yml ]]; then
  command -v mvn >/dev/null || { echo "schemas: mvn not found (apt-get install maven)" >&2; exit 1; }
  echo "schemas: fetching the FlinkDeployment CRD (Maven org.apache.flink:flink-kubernetes-operator-api:$FLINK_K8S_OPERATOR_VERSION)"
  if ! mvn -B -q -Dmaven.repo.local="$root/.cache/m2" \
      "org.apache.maven.plugins:maven-dependency-plugin:$MAVEN_DEPENDENCY_PLUGIN_VERSION:copy" \
      -Dartifact="org.apache.flink:flink-kubernetes-operator-api:$FLINK_K8S_OPERATOR_VERSION" \
      -DoutputDirectory="$tmp/flink" >"$tmp/mvn.log" 2>&1; then
    echo "schemas: Maven could not fetch flink-kubernetes-operator-api:$FLINK_K8S_OPERATOR_VERSION" >&2
    grep -E 'ERROR' "$tmp/mvn.log" | head -5 >&2 || true
    exit 1
  fi
  jar=$tmp/flink/flink-kubernetes-operator-api-$FLINK_K8S_OPERATOR_VERSION.jar
  unzip_member "$jar" "META-INF/fabric8/$flink_crd-v1.yml" "$dir/k8s/$flink_crd-v1.yml" "$flink_v1_sha"
  unzip_member "$jar" "META-INF/fabric8/$flink_crd-v1beta1.yml" "$dir/k8s/$flink_crd-v1beta1.yml" \
    "$flink_v1beta1_sha"
fi

spark_crd=sparkoperator.k8s.io_sparkapplications.yaml
spark_sha=50d3eeb2d5a58e162ed06e9a6d849227ed3522b0887a51b705dc1af8a0d53371
if [[ ! -s $dir/k8s/$spark_crd ]]; then
  go=${GO:-}
  if [[ -z $go ]]; then
    for c in go /usr/local/go/bin/go; do
      if command -v "$c" >/dev/null 2>&1; then go=$(command -v "$c"); break; fi
    done
  fi
  [[ -n $go ]] || { echo "schemas: go not found (install Go 1.22+ or set GO=/path/to/go)" >&2; exit 1; }
  echo "schemas: fetching the SparkApplication CRD (Go module $SPARK_OPERATOR_MODULE@$SPARK_OPERATOR_VERSION)"
  mkdir -p "$root/.cache/go"
  # The go command checks the module zip against the Go checksum database.
  zip=$(GOPATH=$root/.cache/go GOMODCACHE=$root/.cache/go/mod GOFLAGS=-modcacherw GOTOOLCHAIN=local \
    "$go" mod download -json "$SPARK_OPERATOR_MODULE@$SPARK_OPERATOR_VERSION" |
    python3 -c 'import json, sys; d = json.load(sys.stdin); print(d.get("Zip") or sys.exit(d.get("Error")))')
  unzip_member "$zip" "$SPARK_OPERATOR_MODULE@$SPARK_OPERATOR_VERSION/config/crd/bases/$spark_crd" \
    "$dir/k8s/$spark_crd" "$spark_sha"
fi
