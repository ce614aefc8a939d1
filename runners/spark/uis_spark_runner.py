# SPDX-License-Identifier: Apache-2.0
"""UIS Spark job runner: runs the `spark-job` JSON the UIS Spark compiler emits.

    spark-submit [--jars ...] runners/spark/uis_spark_runner.py --job-config job.json
    python runners/spark/uis_spark_runner.py --job-config job.json [--dry-run --limit 20]

This script stays at this path (dcp-local, the GUI's data preview and submit-local.sh start it);
the runner itself is the package runners/uis_runners (uis_runners.spark), which the script puts
on sys.path. The session ships the package to the executors itself. See runners/README.md.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from uis_runners.spark.app import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
