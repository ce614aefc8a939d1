# SPDX-License-Identifier: Apache-2.0
"""What the `uisctl sample` tests against real servers share: running the command, timed, and
checking one thing with the command's output when it fails."""

import os
import subprocess
import sys
import time


def sample(uisctl, path, *args, env=None, unset=(), timeout=120):
    """Runs `uisctl sample PATH ARGS` with os.environ plus `env`, less the names in `unset`;
    (result, seconds)."""
    environment = dict(os.environ, **(env or {}))
    for name in unset:
        environment.pop(name, None)
    t0 = time.monotonic()
    r = subprocess.run(
        [uisctl, "sample", str(path), *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=timeout,
    )
    return r, time.monotonic() - t0


def check(cond, what, r=None):
    """Prints `ok: what`, or ends the test with what failed and the command's output."""
    if not cond:
        detail = ""
        if r:
            detail = f"\n--- rc {r.returncode}\n--- stdout\n{r.stdout}\n--- stderr\n{r.stderr}"
        sys.exit(f"FAIL: {what}{detail}")
    print(f"ok: {what}")
