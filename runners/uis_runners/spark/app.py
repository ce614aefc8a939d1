# SPDX-License-Identifier: Apache-2.0
"""The Spark runner's command line (runners/spark/uis_spark_runner.py calls `main`)."""

from __future__ import annotations

import argparse

from ..jobconfig import load_json
from ..lifecycle import run_runner


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description="Run a UIS spark-job config.")
    ap.add_argument("--job-config", required=True, help="the spark-job JSON")
    ap.add_argument(
        "--dry-run", action="store_true", help="run sources and transforms only and print a preview"
    )
    ap.add_argument("--limit", type=int, default=20, help="rows per node in --dry-run (default 20)")
    ap.add_argument("--master", help="Spark master when not run by spark-submit (default local[*])")
    ap.add_argument("--jars-dir", help="connector jars for a local run (default .cache/jars/spark)")
    ap.add_argument("--checkpoint-dir", help="base directory of streaming checkpoints")
    ap.add_argument(
        "--trigger",
        choices=["once", "available_now", "processing_time"],
        help="override schedule.trigger_type",
    )
    ap.add_argument(
        "--max-run-seconds", type=float, default=0, help="stop streaming queries after this long"
    )
    ap.add_argument("--log-level", default="WARN", help="Spark log level (default WARN)")
    ap.add_argument(
        "--test-inputs", help="golden-data test: rows per endpoint (uis_runners.testing)"
    )
    ap.add_argument("--capture-dir", help="golden-data test: where each sink's rows go")
    ap.add_argument(
        "--upgrade-check",
        metavar="CHECKPOINTS",
        help="restore check: can --job-config (the new version) continue from these streaming "
        "checkpoints? Prints `uis-upgrade-check: {json}` (uis_runners.spark.upgrade_check)",
    )
    ap.add_argument("--old-job-config", help="upgrade check: the old version (names its nodes)")
    ap.add_argument("--output", help="upgrade check: also write the JSON report here")
    ap.add_argument(
        "--trial-timeout", type=float, default=300, help="upgrade check: seconds for the trial"
    )
    return ap.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)

    def make():
        from .job import SparkJob  # after the signal handlers: importing pyspark takes a while

        if args.upgrade_check:
            from .upgrade_check import SparkUpgradeCheck

            old = load_json(args.old_job_config) if args.old_job_config else None
            return SparkUpgradeCheck(args.upgrade_check, load_json(args.job_config), old, args)
        if args.test_inputs:
            from ..testing import SparkTests

            return SparkTests(load_json(args.job_config), args)
        return SparkJob(load_json(args.job_config), args)

    rc, _ = run_runner(make)
    return rc
