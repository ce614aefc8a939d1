# SPDX-License-Identifier: Apache-2.0
"""The options both runners' command lines take (flink/app.py, spark/app.py): the data preview,
the golden-data test mode (uis_runners.testing), the upgrade check, the run limit and the
connector jars. One declaration, so that the GUI, dcp-local and `uisctl` can pass them to either
engine alike."""

from __future__ import annotations

import argparse

from .errors import ConfigError
from .jobconfig import load_json


def add_common_options(
    ap: argparse.ArgumentParser, engine: str, snapshot: tuple[str, str], trial_timeout: float
) -> None:
    """`engine` (flink, spark) names the jar folder and the upgrade check's module; `snapshot`
    is what --upgrade-check restores from (metavar, description); `trial_timeout` is the
    trial's default seconds."""
    ap.add_argument("--jars-dir", help=f"connector jars (default .cache/jars/{engine})")
    ap.add_argument(
        "--max-run-seconds",
        type=float,
        default=0,
        help="stop the job after this long (0: no limit)",
    )
    ap.add_argument(
        "--dry-run",
        action="store_true",
        help="preview: the first rows of each source and transform, sinks unwritten",
    )
    ap.add_argument(
        "--session",
        default="none",
        help="preview or test on a warm session: auto (the local platform's session servers "
        "while it runs, else the shared pair; uis_runners.sessions), a server URL "
        "(sc://HOST:PORT, http://GATEWAY:PORT; comma-separated for both) or none (cold)",
    )
    ap.add_argument("--limit", type=int, default=20, help="rows per node in --dry-run (default 20)")
    ap.add_argument(
        "--test-inputs", help="golden-data test: rows per endpoint (uis_runners.testing)"
    )
    ap.add_argument("--capture-dir", help="golden-data test: where each sink's rows go")
    ap.add_argument(
        "--upgrade-check",
        metavar=snapshot[0],
        help=f"restore check: can --job-config (the new version) start from {snapshot[1]}? "
        f"Prints `uis-upgrade-check: {{json}}` (uis_runners.{engine}.upgrade_check)",
    )
    ap.add_argument("--old-job-config", help="upgrade check: the old version (names its nodes)")
    ap.add_argument("--output", help="upgrade check: also write the JSON report here")
    ap.add_argument(
        "--trial-timeout",
        type=float,
        default=trial_timeout,
        help=f"upgrade check: seconds for the trial (default {trial_timeout:g})",
    )


def upgrade_check(check_class, args):
    """`check_class(snapshot, new job, old job or None, args)` for --upgrade-check: the new
    version is --job-config (required), the old one --old-job-config (it names the old nodes)."""
    if not args.job_config:
        raise ConfigError("--upgrade-check needs --job-config (the new version)")
    old = load_json(args.old_job_config) if args.old_job_config else None
    return check_class(args.upgrade_check, load_json(args.job_config), old, args)
