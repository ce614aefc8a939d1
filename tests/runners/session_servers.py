# SPDX-License-Identifier: Apache-2.0
"""The warm pair's processes as its state file records them, for the tests that check a stop
leaves none behind."""

import json
import os


def server_pids(folder) -> list:
    try:
        data = json.loads((folder / "sessions.json").read_text())
    except (OSError, ValueError):
        return []
    out = []
    for e in ("spark", "flink"):
        rec = data.get(e) or {}
        out += rec.get("pids") or ([rec["pid"]] if rec.get("pid") else [])
    return out


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split()[2] != "Z"
    except OSError:
        return False
