# SPDX-License-Identifier: Apache-2.0
"""The runners' stdout contract: every line starts with a prefix the GUI and dcp-local parse.

    uis-runner: <progress text>
    uis-runner: FAILED: <root cause>
    uis-runner: exit <code> after <seconds>s
    uis-preview: {json}          (dry runs: the data preview)
    uis-flink-row: {json}        (Flink SELECT results)

Anything else (engine logs, Python tracebacks) goes to stderr.
"""

from __future__ import annotations

import json
import sys

PREFIX = "uis-runner:"
PREVIEW = "uis-preview:"
FLINK_ROW = "uis-flink-row:"


def log(msg: str) -> None:
    print(f"{PREFIX} {msg}", flush=True)


def emit(prefix: str, payload: dict) -> None:
    """One JSON line under `prefix` (a preview event, a result row)."""
    print(prefix, json.dumps(payload), flush=True)


def failed(cause: str) -> None:
    """The `FAILED:` line dcp-local and the GUI show. Only its first line goes to stdout (a Java
    message can run over many lines and quote connector options): the rest goes to stderr."""
    lines = [line for line in str(cause).strip().splitlines() if line.strip()] or ["unknown cause"]
    print(f"{PREFIX} FAILED: {lines[0].strip()}", flush=True)
    if len(lines) > 1:
        print("\n".join(lines[1:]), file=sys.stderr, flush=True)


def exited(rc: int, seconds: float) -> None:
    log(f"exit {rc} after {seconds:.1f}s")
