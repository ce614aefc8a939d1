#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the warm Spark Connect server's loopback guard (runners/uis_runners/sessions/java: Spark
# Connect 3.5 listens on every interface and has no bind-address setting) against the shaded
# gRPC inside the spark-connect jar, into .cache/jars/uis-spark-connect/. Called by setup.sh
# after the jars; a stamp of the sources and the jar makes a second run a no-op.
# Usage: spark-connect-guard.sh [DIR]: into DIR (setup.sh --dir) instead of the checkout.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
cd "${1:-$here}"
src=$here/runners/uis_runners/sessions/java
out=.cache/jars/uis-spark-connect
jar=$out/uis-spark-connect-guard.jar
connect=$(ls .cache/jars/spark-connect/spark-connect_*.jar)
want=$( (find "$src" -type f | sort | xargs cat; cat .cache/jars/spark-connect/.stamp) | sha256sum | cut -d' ' -f1)
[[ -f $jar && -f $out/.stamp && "$(cat "$out/.stamp")" == "$want" ]] && exit 0
command -v javac >/dev/null || { echo "engines: javac not found (apt-get install openjdk-17-jdk-headless)" >&2; exit 1; }
echo "engines: building the Spark Connect loopback guard"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
javac --release 11 -nowarn -d "$tmp" -cp "$connect" $(find "$src" -name '*.java')
mkdir -p "$out"
jar cf "$jar.tmp" -C "$tmp" .
mv "$jar.tmp" "$jar"
echo "$want" >"$out/.stamp"
