# SPDX-License-Identifier: Apache-2.0
"""The runners' rows per spec node for the canvas's run overlay, one stdout line that dcp-local
keeps as the job's `nodes` (the last line wins):

    uis-runner: nodes [{"node": ..., "rows_in": n, "rows_out": n, "rows_per_second": r,
                        "error": "..."}]

Each engine counts in its own way (spark/nodecounts.py, flink/nodecounts.py); the line is one."""

from __future__ import annotations

import json

from .log import PREFIX

NODES = "nodes"


def report(entries: list) -> None:
    print(f"{PREFIX} {NODES} {json.dumps(entries)}", flush=True)
