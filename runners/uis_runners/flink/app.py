# SPDX-License-Identifier: Apache-2.0
"""The Flink runner's command line (runners/flink/uis_flink_runner.py calls `main`)."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from ..cli import add_common_options, upgrade_check
from ..jobconfig import flink_script, load_json, read_text
from ..lifecycle import run_runner
from ..log import log
from .statements import split_sql


def parse_args(argv=None):
    ap = argparse.ArgumentParser(
        description="Run a UIS flink-sql script on a local Flink mini-cluster."
    )
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--sql", help="the flink-sql script")
    src.add_argument("--job-config", help="a JSON file with the script under 'sql'")
    ap.add_argument(
        "--explain", action="store_true", help="EXPLAIN every INSERT instead of running it"
    )
    ap.add_argument(
        "--spec-job",
        help="with --sql: the flink-job JSON naming the spec's nodes (rows per node report)",
    )
    ap.add_argument("--print-plan", action="store_true", help="with --explain: print the plans")
    ap.add_argument("--hadoop-jars-dir", help="Hadoop client jars (default .cache/jars/hadoop)")
    ap.add_argument("--set", action="append", metavar="KEY=VALUE", help="extra Flink configuration")
    ap.add_argument("--max-rows", type=int, default=1000, help="rows printed per SELECT")
    add_common_options(
        ap, "flink", ("SNAPSHOT", "this savepoint or retained checkpoint"), trial_timeout=180
    )
    return ap.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)

    def make():
        script = (
            read_text(args.sql, "Flink SQL script") if args.sql else flink_script(args.job_config)
        )
        if args.upgrade_check:
            from .upgrade_check import UpgradeCheck

            return upgrade_check(UpgradeCheck, args)
        job = load_json(args.job_config) if args.job_config else {}  # names the nodes
        if args.dry_run:
            from .preview import FlinkPreview

            if args.session != "none":
                from ..sessions.flink_warm import WarmFlinkPreview

                cold = lambda: FlinkPreview(job, script, args)  # noqa: E731
                return WarmFlinkPreview(job, script, args, cold=cold)
            return FlinkPreview(job, script, args)
        if args.test_inputs:
            from ..testing import FlinkTests

            if args.session != "none":
                from ..sessions.warm_tests import WarmFlinkTests

                cold = lambda: FlinkTests(job, script, args)  # noqa: E731
                return WarmFlinkTests(job, script, args, cold=cold)
            return FlinkTests(job, script, args)
        from .runner import FlinkRunner  # here: a warm preview needs none of its imports

        statements = split_sql(script)
        log(f"{len(statements)} statements")
        return FlinkRunner(statements, args)

    def quiet_py4j():
        # The gateway JVM usually gets the same signal (a supervisor signals the process group):
        # py4j would log every call that finds it gone with a full trace. Our own output is print.
        logging.disable(logging.CRITICAL)

    rc, runner = run_runner(make, on_signal=quiet_py4j)
    if runner is not None and runner.stop_requested:
        # Stopped by a signal: a supervisor (dcp-local, a shell's ^C) signals the whole process
        # group, so the gateway JVM is going down with us. PyFlink's exit hooks would then talk to
        # a dead gateway and fill the log with py4j connection errors: leave without them (the JVM
        # also exits on its own when its stdin, our pipe, closes).
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(rc)
    return rc
