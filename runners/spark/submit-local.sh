#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs the Spark runner the way a cluster does, through spark-submit, on a local master with the
# connector jars of .cache/jars/spark:  runners/spark/submit-local.sh --job-config job.json [...]
# Uses pyspark's own spark-submit from the project .venv (scripts/engines/setup.sh).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
venv=${UIS_VENV:-$repo/.venv}
[[ -x $venv/bin/python ]] || { echo "uis-runner: FAILED: no $venv; run scripts/engines/setup.sh" >&2; exit 1; }
export SPARK_HOME=${SPARK_HOME:-$("$venv/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')}
export PYSPARK_PYTHON=${PYSPARK_PYTHON:-$venv/bin/python}
jars=$(find "$repo/.cache/jars/spark" -name '*.jar' 2>/dev/null | sort | paste -sd, -)
args=(--master "${UIS_SPARK_MASTER:-local[*]}" --deploy-mode client
      --conf spark.ui.showConsoleProgress=false
      --driver-java-options "-Dlog4j2.level=WARN")
[[ -n $jars ]] && args+=(--jars "$jars")
exec "$SPARK_HOME/bin/spark-submit" "${args[@]}" "$repo/runners/spark/uis_spark_runner.py" "$@"
