# SPDX-License-Identifier: Apache-2.0
"""UIS Flink SQL runner: runs the `flink-sql` script the UIS Flink compiler emits on a local
Flink mini-cluster.

    python runners/flink/uis_flink_runner.py --sql job.sql [--explain]
    python runners/flink/uis_flink_runner.py --job-config flink-job.json   (SQL under "sql")

This script stays at this path (dcp-local starts it); the runner itself is the package
runners/uis_runners (uis_runners.flink), which the script puts on sys.path. See runners/README.md.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from uis_runners.flink.app import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
