# SPDX-License-Identifier: Apache-2.0
"""What every warm run (the previews and the golden-data test runs of both engines) shares: which
server a `--session` choice names, the one restart of a dead server and the fall back to the
cold path with the reason; the work done in a worker thread so that a stop signal is handled at
once (the main thread only waits) and interrupts the server-side work instead of killing a
client mid-call."""

from __future__ import annotations

import threading

from ..errors import CannotRunWarm
from ..log import log
from . import pair, platform_servers

PRIVATE = "the private pair"


class Stopped(Exception):
    """A stop signal ended the warm run between two steps."""


def is_loopback(url: str) -> bool:
    """Whether the server at `url` runs on this machine (reads its files)."""
    from urllib.parse import urlsplit

    return (urlsplit(url).hostname or "") in ("127.0.0.1", "localhost", "::1")


def server_url(engine: str, choice: str, restart: bool = False, on_start=None) -> tuple[str, str]:
    """The server `choice` names and which one it is. auto: the local platform's while it
    answers, else the private pair, started when needed; after the chosen server failed
    (`restart`) the private pair, started again (the platform's services are the platform's to
    restart). A URL: that server. Raises pair.Unavailable."""
    if choice == "auto":
        if not restart:
            url = platform_servers.url(engine)
            if url:
                return url, f"the local platform's {platform_servers.SERVICES[engine]}"
        return pair.ensure(engine, restart=restart, on_start=on_start), PRIVATE
    url = pair.given_url(engine, choice)
    if not url:
        want = "sc://HOST:PORT" if engine == "spark" else "http://HOST:PORT"
        raise pair.Unavailable(f"--session {choice!r} names no {engine} server ({want})")
    return url, "given by --session"


class WarmRun:
    """A warm run with the runner interface of lifecycle.run_runner (run, stop_requested,
    stoppable, close). Subclasses implement `work(url)` (the run on the server at `url`),
    `interrupt()`, `is_dead(error)` and may implement `unsupported(error)`; `cold()` builds the
    cold runner used when no warm server can be had."""

    engine = ""
    what = "preview"  # what the messages call the run: "running the cold preview"
    stopped_rc = 0  # the exit code after a stop signal

    def __init__(self, args, cold):
        self.args = args
        self.cold = cold
        self.stop_requested = False
        self.fallback = None
        self._error = None
        self._rc = 0

    def run(self) -> int:
        restart = False
        for attempt in (1, 2):
            try:
                url, which = server_url(self.engine, self.args.session, restart, self.starting)
            except pair.Unavailable as e:
                return self.run_cold(f"no warm {self.engine} session: {e}")
            if self.stop_requested:  # stopped while the server started: it stays up for later
                log(f"{self.what} stopped")
                return self.stopped_rc
            log(f"warm {self.engine} session at {url} ({which})")
            self._error = None
            worker = threading.Thread(target=self._work, args=(url,), daemon=True)
            worker.start()
            while worker.is_alive():
                worker.join(0.2)  # the main thread stays free for the stop signal
            if self._error is None:
                if which == PRIVATE:
                    pair.state.touch()
                return self._rc
            if self.stop_requested:
                log(f"{self.what} stopped")
                return self.stopped_rc
            why = self.unsupported(self._error)
            if why:
                return self.run_cold(why)
            if not self.is_dead(self._error) or self.args.session != "auto" or attempt == 2:
                if self.is_dead(self._error):
                    return self.run_cold(f"the warm {self.engine} server failed: {self._error}")
                raise self._error
            log(f"the warm {self.engine} server is not answering ({self._error}); restarting it")
            restart = True
        return 1

    def starting(self) -> None:
        """Said before a server starts: the designer shows "Engines: starting…" meanwhile."""
        log(f"starting the warm {self.engine} session")

    def _work(self, url: str) -> None:
        try:
            self._rc = self.work(url)
        except BaseException as e:  # handed to the main thread
            self._error = e

    def unsupported(self, error: BaseException) -> str | None:
        """Why the warm server cannot do this run at all (the cold path can), or None."""
        return str(error) if isinstance(error, CannotRunWarm) else None

    def fatal(self, error: BaseException) -> bool:
        """Whether `error` ends the warm run (a stop, a dead server, a run it cannot do) rather
        than only the test case it came from."""
        return self.stop_requested or self.is_dead(error) or bool(self.unsupported(error))

    def run_cold(self, why: str) -> int:
        log(f"{why}; running the cold {self.what}")
        self.before_cold()
        self.fallback = self.cold()
        return self.fallback.run()

    def before_cold(self) -> None:
        """What the cold path needs undone after the warm attempt (nothing by default)."""

    def stoppable(self) -> bool:
        if self.fallback is not None:
            self.fallback.stop_requested = True
            return self.fallback.stoppable()
        try:
            self.interrupt()
        except Exception as e:  # the server went away: the worker ends with the error
            log(f"interrupt failed: {e}")
        return True

    def close(self):
        if self.fallback is not None:
            self.fallback.close()
