# SPDX-License-Identifier: Apache-2.0
"""The private pair: each server started on first use, recorded in the state file (state.py)
and reused by every later preview and test run, the designer's and `uisctl`'s alike; stopped
after the idle time by a small keeper process, or by `uisctl sessions stop`.

A recorded server that has died is started again once; `ensure` raises Unavailable when that
fails too, and the caller runs the cold path with its message."""

from __future__ import annotations

import os
import sys
import time

from . import servers, state

ENGINES = ("spark", "flink")
SCHEMES = {"spark": ("sc://",), "flink": ("http://", "https://")}


class Unavailable(RuntimeError):
    """No warm server for this engine: the message says why (the cold path runs)."""


def pids_of(rec: dict) -> list:
    return rec.get("pids") or ([rec["pid"]] if rec.get("pid") else [])


def healthy(engine: str, rec: dict) -> bool:
    if not rec or not all(servers.alive(p) for p in pids_of(rec)):
        return False
    port = int(rec["url"].rsplit(":", 1)[1])
    return servers.listening(port)


def _start(engine: str) -> dict:
    rec = servers.spark_connect() if engine == "spark" else servers.flink_gateway()
    rec["started"] = time.time()
    return rec


def given_url(engine: str, choice: str) -> str | None:
    """The URL among `choice` (comma-separated) for `engine`: sc:// is Spark Connect, http(s)://
    a Flink SQL Gateway."""
    for url in (u.strip() for u in choice.split(",")):
        if url.startswith(SCHEMES[engine]):
            return url
    return None


def ensure(engine: str, restart: bool = False, on_start=None) -> str:
    """The URL of this engine's warm server, started (or restarted once) when needed;
    `on_start()` is called before a server is started (a caller says why it waits). A sessions
    folder that cannot be written is Unavailable too: the run goes cold and says why."""
    try:
        return _ensure(engine, restart, on_start)
    except OSError as e:
        raise Unavailable(
            f"the sessions folder {state.folder()} cannot be used ({e.strerror or e})"
        ) from None


def _ensure(engine: str, restart: bool, on_start) -> str:
    with state.locked():
        data = state.load()
        rec = data.get(engine) or {}
        if rec and not restart and healthy(engine, rec):
            data["last_used"] = time.time()
            if os.environ.get("UIS_SESSIONS_IDLE_SECONDS"):  # the latest caller's setting wins
                data["idle_seconds"] = state.idle_seconds()
            state.save(data)
            return rec["url"]
        for pid in pids_of(rec):  # what is left of a dead or stuck server
            servers.stop_group(pid, grace=3)
        if on_start is not None:
            on_start()
        try:
            rec = _start(engine)
        except (servers.StartError, OSError) as e:
            data.pop(engine, None)
            state.save(data)
            raise Unavailable(str(e)) from None
        data[engine] = rec
        data["last_used"] = time.time()
        data["idle_seconds"] = state.idle_seconds()
        state.save(data)
        _keep(data)
        return rec["url"]


def _keep(data: dict) -> None:
    """Starts the idle keeper unless one runs."""
    keeper = data.get("keeper")
    if keeper and servers.alive(keeper):
        return
    log = state.folder() / "keeper.log"
    env = dict(os.environ, PYTHONPATH=servers.runners_path(os.environ))
    cmd = [sys.executable, "-m", "uis_runners.sessions", "keeper"]
    data["keeper"] = servers.spawn(cmd, log, env)
    state.save(data)


def status() -> dict:
    """Each engine's server: state (warm, stopped, dead) and URL; the idle time left."""
    data = state.load()
    out = {"engines": {}, "folder": str(state.folder())}
    for engine in ENGINES:
        rec = data.get(engine)
        if not rec:
            out["engines"][engine] = {"state": "stopped"}
            continue
        entry = {"state": "warm" if healthy(engine, rec) else "dead", "url": rec["url"]}
        if rec.get("rest"):
            entry["cluster"] = rec["rest"]
        entry["log"] = rec.get("log")
        out["engines"][engine] = entry
    if data.get("last_used"):
        idle = float(data.get("idle_seconds") or state.idle_seconds())
        out["idle_seconds_left"] = max(0, round(data["last_used"] + idle - time.time()))
    return out


def stop(engines=ENGINES) -> list:
    """Stops the given servers; returns the engines that were running."""
    stopped = []
    with state.locked():
        data = state.load()
        for engine in engines:
            rec = data.pop(engine, None)
            if rec:
                for pid in reversed(pids_of(rec)):
                    servers.stop_group(pid)
                stopped.append(engine)
        if not any(data.get(e) for e in ENGINES):
            data = {}
        state.save(data)
    return stopped


def keeper() -> int:
    """Stops the pair once it has been idle for its idle time; ends with it."""
    while True:
        data = state.load()
        if not any(data.get(e) for e in ENGINES) or data.get("keeper") != os.getpid():
            return 0
        idle = float(data.get("idle_seconds") or state.idle_seconds())
        if time.time() - float(data.get("last_used") or 0) > idle:
            stop()
            return 0
        time.sleep(max(1.0, min(30.0, idle / 4)))
