#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The engines of an installed UIS Studio, per user: `uisctl engines install|status` run this.
#   install.sh install DIR   checks what the download needs (python3-venv, Java 17, Maven, disk
#                            space, the network), then setup.sh --dir DIR: the same layout, pins
#                            and stamps as `make deps` in a checkout. Re-running skips what is
#                            complete; DIR/.complete is written last.
#   install.sh status DIR    each part, and whether DIR is complete for these pins (exit 0) or
#                            not (exit 1)
# Each failure ends with one `engines: error: …` line that says what to do.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd) # share/uis-studio, or the checkout
action=${1:-}
dir=${2:-}
if [[ $action != install && $action != status || -z $dir ]]; then
  echo "usage: install.sh install|status DIR" >&2
  exit 2
fi
fail() {
  echo "engines: error: $*" >&2
  exit 1
}
# What DIR/.complete records: the pins and the scripts that acted on them.
pins=$(cat "$here/scripts/engines/versions.env" "$here/scripts/requirements-engines.txt" \
  "$here/scripts/engines/setup.sh" | sha256sum | cut -d' ' -f1)
complete() { [[ -f $dir/.complete && "$(cat "$dir/.complete")" == "$pins" ]]; }

if [[ $action == status ]]; then
  # shellcheck source=versions.env
  source "$here/scripts/engines/versions.env"
  echo "engines folder: $dir"
  echo "pinned: Spark $SPARK_VERSION, Flink $FLINK_VERSION, Kafka $KAFKA_BROKER_VERSION"
  part() { printf '  %-36s %s\n' "$1" "$([[ -e $dir/$2 ]] && echo installed || echo missing)"; }
  part "Python venv (pyspark, apache-flink)" .venv/.requirements-engines.sha256
  for g in spark flink hadoop kafka s3a iceberg-rest spark-connect flink-sql-gateway; do
    part "jars/$g" ".cache/jars/$g/.stamp"
  done
  part "flink-plugins/s3-fs-hadoop" .cache/flink-plugins/s3-fs-hadoop/.stamp
  part "Flink per-node counts (needs javac)" .cache/jars/uis-flink/uis-flink-nodecounts.jar
  part "Spark Connect guard (needs javac)" .cache/jars/uis-spark-connect/uis-spark-connect-guard.jar
  part "Spark driver class archive" .cache/cds/spark-driver.options
  if complete; then
    echo "state: complete"
    exit 0
  fi
  echo "state: not complete: run \`uisctl engines install\`"
  exit 1
fi

if complete; then
  echo "engines: complete in $dir (nothing to do)" >&2
  exit 0
fi

# ---------------------------------------------------------------- What the download needs
python=${UIS_PYTHON:-python3}
command -v "$python" >/dev/null || fail "python3 was not found: sudo apt install python3 python3-venv"
if [[ ! -x $dir/.venv/bin/python ]]; then
  # Debian's python3 makes a venv only with python3-venv (ensurepip); a trial one says.
  probe=$(mktemp -d)
  if ! "$python" -m venv "$probe/venv" >/dev/null 2>&1; then
    rm -rf "$probe"
    fail "python3 cannot make a virtual environment: sudo apt install python3-venv"
  fi
  rm -rf "$probe"
fi
java=java
[[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]] && java=$JAVA_HOME/bin/java
command -v "$java" >/dev/null ||
  fail "Java was not found: Spark and Flink need Java 17 or newer (sudo apt install openjdk-17-jre-headless)"
# `openjdk version "17.0.15"`, `"1.8.0_392"`: the major version is the first number but for 1.x.
jv=$("$java" -version 2>&1 | sed -nE '1s/.*version "([0-9]+)(\.([0-9]+))?.*/\1 \3/p')
read -r major minor <<<"${jv:-0 0}"
[[ $major == 1 ]] && major=${minor:-0}
((major >= 17)) ||
  fail "$("$java" -version 2>&1 | head -1) is too old: Spark and Flink need Java 17 or newer (sudo apt install openjdk-17-jre-headless, or set JAVA_HOME)"
command -v mvn >/dev/null || fail "Maven fetches the connector jars and was not found: sudo apt install maven"

# About 3.3 GB when nothing is there (the venv 1.3 GB, the jars 0.6 GB, Maven's copies of them
# 0.7 GB, pip's build of pyspark 0.7 GB); what DIR already holds counts towards it.
mkdir -p "$dir" 2>/dev/null || fail "cannot create $dir"
dir=$(cd "$dir" && pwd)
need_mb=3300
have_mb=$(du -sm "$dir" 2>/dev/null | cut -f1)
avail_mb=$(($(df -Pk "$dir" | awk 'NR == 2 { print $4 }') / 1024))
if ((avail_mb < need_mb - have_mb)); then
  fail "not enough disk space in $dir: $((need_mb - have_mb)) MB more are needed, $avail_mb MB are free (free some, or pass --dir on another disk)"
fi

# The two servers the downloads come from (or the mirrors configured for them), reachable?
index=${PIP_INDEX_URL:-https://pypi.org/simple/}
central=https://repo.maven.apache.org/maven2/
reach() {
  "$python" - "$1" <<'EOF' 2>&1
import sys, urllib.error, urllib.request
try:
    urllib.request.urlopen(urllib.request.Request(sys.argv[1], method="HEAD"), timeout=20)
except urllib.error.HTTPError:
    pass  # the server answered
except Exception as e:  # any other failure: not reachable, said with its reason
    print(getattr(e, "reason", e))
    sys.exit(1)
EOF
}
why=$(reach "$index") || fail "cannot reach $index ($why): check the network or the proxy (https_proxy), or set PIP_INDEX_URL to a mirror"
if [[ -z ${UIS_MAVEN_SETTINGS:-} ]]; then
  why=$(reach "$central") || fail "cannot reach Maven Central $central ($why): check the network or the proxy (MAVEN_OPTS=-Dhttps.proxyHost=…), or set UIS_MAVEN_SETTINGS to a settings.xml with a mirror"
fi

# ---------------------------------------------------------------- Download
touch "$dir/.uis-engines" # marks the folder as ours: `uisctl engines remove` deletes only such
echo "engines: folder $dir" >&2
export UIS_PYTHON=$python
if ! "$here/scripts/engines/setup.sh" --dir "$dir" python jars; then
  fail "the install stopped (see above); run \`uisctl engines install\` again to resume"
fi
printf '%s\n' "$pins" >"$dir/.complete.tmp"
mv "$dir/.complete.tmp" "$dir/.complete"
echo "engines: complete in $dir" >&2
