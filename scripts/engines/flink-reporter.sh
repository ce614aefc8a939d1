#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the Flink runner's metric reporter (runners/flink/java: rows in and out per operator for
# the run overlay) against the Flink jars PyFlink ships, into .cache/jars/uis-flink/. Called by
# setup.sh after the Python packages; a stamp of the sources makes a second run a no-op.
# Usage: flink-reporter.sh [DIR]: into DIR (setup.sh --dir) instead of the checkout.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
cd "${1:-$here}"
src=$here/runners/flink/java
out=.cache/jars/uis-flink
jar=$out/uis-flink-nodecounts.jar
want=$(find "$src" -type f | sort | xargs cat | sha256sum | cut -d' ' -f1)
[[ -f $jar && -f $out/.stamp && "$(cat "$out/.stamp")" == "$want" ]] && exit 0
command -v javac >/dev/null || { echo "engines: javac not found (apt-get install openjdk-17-jdk-headless)" >&2; exit 1; }
lib=$(.venv/bin/python -c 'import os, pyflink; print(os.path.join(os.path.dirname(pyflink.__file__), "lib"))')
echo "engines: building the Flink node-counts reporter"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
javac --release 11 -nowarn -d "$tmp" -cp "$lib/*" $(find "$src" -name '*.java')
cp -r "$src/META-INF" "$tmp/"
mkdir -p "$out"
jar cf "$jar.tmp" -C "$tmp" .
mv "$jar.tmp" "$jar"
echo "$want" >"$out/.stamp"
