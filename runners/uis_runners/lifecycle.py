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


def run_runner(make: Callable[[], object], on_signal: Callable[[], None] | None = None):
    """`make()` builds a runner (reading the job may fail like the run) with a `stop_requested`
    flag, `stoppable()` (whether a signal can stop it gracefully: streaming queries or jobs are
    running) and `close()`. Runs it reported; a signal sets the flag, or interrupts a runner that
    cannot stop gracefully. Returns (exit code, the runner or None)."""
    runner = None

    def stop() -> bool:
        if on_signal is not None:
            on_signal()
        if runner is None:
            return False
        runner.stop_requested = True
        return runner.stoppable()

    def run() -> int:
        nonlocal runner
        runner = make()
        return runner.run()

    on_stop_signals(stop)
    rc = run_reported(run, cleanup=lambda: runner is not None and runner.close())
    return rc, runner
