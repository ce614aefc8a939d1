# SPDX-License-Identifier: Apache-2.0
"""The warm pair (a Spark Connect server, a Flink session cluster with its SQL Gateway) for the
tests that use it: started with `uisctl sessions start` in a state folder of the tests' own
(XDG_STATE_HOME and UIS_SESSIONS_DIR, so a user's pair is neither used nor stopped), checked to
be warm on loopback, and stopped with a check that no server process is left (the processes as
the pair's state file records them).

`session_servers.py start DIR` leaves a pair running in DIR and `session_servers.py stop DIR`
stops it, failing when a server is left: the ctest fixture `warm_pair` through which the engine
tests share one pair (tests/e2e/CMakeLists.txt). conftest.py's `warm_pair` fixture attaches to
that pair (UIS_SHARED_SESSIONS) or, run alone, starts and stops one of its own."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

# The keeper stops a pair idle for 15 min (state.py); under `make test` the shared pair may wait
# longer than that for its next test. Every process that may start a server carries it, as the
# latest starter's setting wins (pair.ensure).
IDLE_SECONDS = "7200"


def server_pids(folder) -> list:
    try:
        data = json.loads((Path(folder) / "sessions.json").read_text())
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
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


class WarmPair:
    """The pair whose state is under `state` (its sessions.json in `folder`)."""

    def __init__(self, state):
        self.state = Path(state)
        self.folder = self.state / "sessions"
        self.env = {
            "XDG_STATE_HOME": str(self.state),
            "UIS_SESSIONS_DIR": str(self.folder),
            "UIS_SESSIONS_IDLE_SECONDS": IDLE_SECONDS,
        }

    def sessions(self, action: str, timeout: float) -> subprocess.CompletedProcess:
        import templates as T

        return subprocess.run(
            [str(T.tool("uisctl")), "sessions", action, "--format", "json"],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=dict(os.environ, **self.env),
        )

    def status(self, action: str = "status", timeout: float = 60) -> dict:
        """`uisctl sessions ACTION`'s status, after checking both servers are warm on
        loopback."""
        p = self.sessions(action, timeout)
        assert p.returncode == 0, f"sessions {action}: exit {p.returncode}\n{p.stdout}{p.stderr}"
        st = json.loads(p.stdout)
        assert {e: s["state"] for e, s in st["engines"].items()} == {
            "spark": "warm",
            "flink": "warm",
        }, st
        assert st["engines"]["spark"]["url"].startswith("sc://127.0.0.1:"), st
        assert st["engines"]["flink"]["url"].startswith("http://127.0.0.1:"), st
        return st

    def start(self) -> dict:
        return self.status("start", timeout=600)

    def stop(self) -> None:
        """Stops the pair; fails when a server it recorded is still running (then kills it, so
        that no JVM outlives the tests)."""
        pids = server_pids(self.folder)
        p = self.sessions("stop", timeout=180)
        left = [x for x in pids if alive(x)]
        for x in left:
            try:
                os.killpg(x, signal.SIGKILL)
            except OSError:
                pass
        assert p.returncode == 0, f"sessions stop: exit {p.returncode}\n{p.stdout}{p.stderr}"
        assert not left, f"servers still running after stop: {left}"


def start_shared(state: Path) -> None:
    pair = WarmPair(state)
    if pair.folder.is_dir():  # one left over by an interrupted run
        pair.sessions("stop", timeout=180)
        shutil.rmtree(state, ignore_errors=True)
    started = time.monotonic()
    st = pair.start()
    took = time.monotonic() - started
    for engine, e in st["engines"].items():
        print(f"{engine:6} {e['state']} {e['url']}")
    print(f"warm pair in {state} started in {took:.1f} s")


def stop_shared(state: Path) -> None:
    WarmPair(state).stop()
    shutil.rmtree(state, ignore_errors=True)
    print(f"warm pair in {state} stopped, no server left")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("start", "stop"):
        sys.exit("usage: session_servers.py start|stop DIR")
    sys.path.insert(0, str(Path(__file__).resolve().parent))  # templates
    try:
        (start_shared if sys.argv[1] == "start" else stop_shared)(Path(sys.argv[2]).resolve())
    except AssertionError as err:
        sys.exit(f"session_servers.py {sys.argv[1]}: {err}")
