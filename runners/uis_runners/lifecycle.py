# SPDX-License-Identifier: Apache-2.0
"""What both runners do around their run: stop on SIGTERM/SIGINT, report the outcome and
close with `uis-runner: exit <code> after <seconds>s`.

Exit codes: 0 done (also after a graceful stop), 1 failed, 2 the job file cannot be read,
130 interrupted before anything could be stopped gracefully.
"""

from __future__ import annotations

import signal
import sys
import time
import traceback
from collections.abc import Callable

from .errors import ConfigError, root_cause
from .log import exited, failed, log


def on_stop_signals(stop: Callable[[], bool]) -> None:
    """On SIGTERM/SIGINT logs the signal and calls `stop()`; when that returns False (nothing is
    running that could be stopped gracefully) the run is interrupted with KeyboardInterrupt."""

    def handler(signum, _frame):
        log(f"received signal {signal.Signals(signum).name}")
        if not stop():
            raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)


def run_reported(run: Callable[[], int], cleanup: Callable[[], None] | None = None) -> int:
    """Runs `run`, prints the FAILED line with the root cause when it raises (the trace goes to
    stderr), calls `cleanup` and prints the exit line. Returns the exit code."""
    started = time.time()
    try:
        rc = run()
    except KeyboardInterrupt:
        log("stopped by signal")
        rc = 130
    except ConfigError as e:
        failed(str(e))
        rc = 2
    except Exception as e:
        traceback.print_exc(file=sys.stderr)
        failed(root_cause(e))
        rc = 1
    finally:
        if cleanup is not None:
            try:
                cleanup()
            except Exception:
                traceback.print_exc(file=sys.stderr)
    exited(rc, time.time() - started)
    return rc
