# SPDX-License-Identifier: Apache-2.0
"""The pair's state file, shared by every process that previews: where the servers listen,
their process ids and when the pair was last used. Writes go under an exclusive lock so that two
previews starting at once start one pair."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import time
from pathlib import Path

DEFAULT_IDLE_SECONDS = 15 * 60


def folder() -> Path:
    """UIS_SESSIONS_DIR, else $XDG_STATE_HOME/uis-studio/sessions (~/.local/state/...)."""
    given = os.environ.get("UIS_SESSIONS_DIR")
    if given:
        return Path(given)
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(Path.home(), ".local", "state")
    return Path(base) / "uis-studio" / "sessions"


def idle_seconds() -> float:
    """The idle time after which the pair stops (UIS_SESSIONS_IDLE_SECONDS, default 15 min)."""
    try:
        return float(os.environ.get("UIS_SESSIONS_IDLE_SECONDS") or DEFAULT_IDLE_SECONDS)
    except ValueError:
        return DEFAULT_IDLE_SECONDS


def path() -> Path:
    return folder() / "sessions.json"


@contextlib.contextmanager
def locked():
    """An exclusive lock on the state for the block (held across a start of the pair)."""
    folder().mkdir(parents=True, exist_ok=True)
    with open(folder() / "sessions.lock", "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def load() -> dict:
    try:
        data = json.loads(path().read_text())
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def save(data: dict) -> None:
    folder().mkdir(parents=True, exist_ok=True)
    tmp = path().with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=2))
    os.replace(tmp, path())


def touch() -> None:
    """Notes a use of the pair (the idle clock restarts)."""
    with locked():
        data = load()
        if data:
            data["last_used"] = time.time()
            save(data)
