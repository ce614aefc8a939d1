# SPDX-License-Identifier: Apache-2.0
"""The local platform's session servers: `uisctl platform start` runs `spark-connect` and
`flink-sql-gateway` as services (core/platform/platformsessions.cpp) and records them in its
state file, DIR/platform.json. While they answer, `--session auto` uses them instead of the
private pair (warm.server_url)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from . import servers

SERVICES = {"spark": "spark-connect", "flink": "flink-sql-gateway"}


def folders() -> list[Path]:
    """Where a running platform may be: the one a job runs under (UIS_LOCAL_PLATFORM, which its
    dcp-local exports), then the designer's (PlatformLayout::resolveDir: UIS_PLATFORM_DIR, else
    $XDG_DATA_HOME/uis-studio/platform, default ~/.local/share)."""
    out = []
    if os.environ.get("UIS_LOCAL_PLATFORM"):
        out.append(Path(os.environ["UIS_LOCAL_PLATFORM"]))
    given = os.environ.get("UIS_PLATFORM_DIR")
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    out.append(Path(given) if given else Path(data) / "uis-studio" / "platform")
    return list(dict.fromkeys(out))


def _record(folder: Path, service: str) -> dict:
    try:
        state = json.loads((folder / "platform.json").read_text())
    except (OSError, ValueError):
        return {}
    for rec in state.get("services") or []:
        if isinstance(rec, dict) and rec.get("name") == service:
            return rec
    return {}


def answers(engine: str, url: str) -> bool:
    """The health probe: Spark Connect's gRPC port accepts connections; the gateway answers
    GET /v1/info."""
    if engine == "spark":
        return servers.listening(int(url.rsplit(":", 1)[1]))
    return servers.answers(url.rstrip("/") + "/v1/info")


def url(engine: str) -> str | None:
    """The URL of the platform's server for `engine` when its process runs and it answers."""
    for folder in folders():
        rec = _record(folder, SERVICES[engine])
        pid, where = rec.get("pid") or 0, rec.get("url") or ""
        if pid > 0 and where and servers.alive(pid) and answers(engine, where):
            return where
    return None
