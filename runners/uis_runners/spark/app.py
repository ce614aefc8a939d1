# SPDX-License-Identifier: Apache-2.0
"""The Spark runner's command line (runners/spark/uis_spark_runner.py calls `main`)."""

from __future__ import annotations

import argparse

from ..cli import add_common_options, upgrade_check
from ..jobconfig import load_json
from ..lifecycle import run_runner


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description="Run a UIS spark-job config.")
    ap.add_argument("--job-config", required=True, help="the spark-job JSON")
    ap.add_argument("--master", help="Spark master when not run by spark-submit (default local[*])")
    ap.add_argument("--checkpoint-dir", help="base directory of streaming checkpoints")
    ap.add_argument(
        "--trigger",
        choices=["once", "available_now", "processing_time"],
        help="override schedule.trigger_type",
    )
    ap.add_argument("--log-level", default="WARN", help="Spark log level (default WARN)")
    add_common_options(
        ap, "spark", ("CHECKPOINTS", "these streaming checkpoints"), trial_timeout=300
    )
    return ap.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)

    def make():
        from .job import SparkJob  # after the signal handlers: importing pyspark takes a while

        if args.upgrade_check:
            from .upgrade_check import SparkUpgradeCheck

            return upgrade_check(SparkUpgradeCheck, args)
        if args.test_inputs:
            from ..testing import SparkTests

            job = load_json(args.job_config)
            if args.session != "none":
                from ..sessions.warm_tests import WarmSparkTests

                return WarmSparkTests(job, args, cold=lambda: SparkTests(job, args))
            return SparkTests(job, args)
        job = SparkJob(load_json(args.job_config), args)
        if args.dry_run and args.session != "none":
            from ..sessions.spark_warm import WarmSparkPreview

            return WarmSparkPreview(job.job, args, cold=lambda: job)
        return job

    rc, _ = run_runner(make)
    return rc
