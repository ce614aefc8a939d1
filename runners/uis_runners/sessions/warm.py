# SPDX-License-Identifier: Apache-2.0
"""What both warm previews share: which server a `--session` choice names, the one restart of a
dead server and the fall back to the cold path with the reason; the preview run in a worker
thread so that a stop signal is handled at once (the main thread only waits) and interrupts the
server-side work instead of killing a client mid-call."""

from __future__ import annotations

import threading

from ..log import log
from . import pair


def server_url(engine: str, choice: str, restart: bool = False, on_start=None) -> str:
    """The server `choice` names (auto: the private pair, started when needed; a URL: that
    server). Raises pair.Unavailable."""
    if choice == "auto":
        return pair.ensure(engine, restart=restart, on_start=on_start)
    url = pair.given_url(engine, choice)
    if not url:
        want = "sc://HOST:PORT" if engine == "spark" else "http://HOST:PORT"
        raise pair.Unavailable(f"--session {choice!r} names no {engine} server ({want})")
    return url


class WarmRun:
    """A warm preview with the runner interface of lifecycle.run_runner (run, stop_requested,
    stoppable, close). Subclasses implement `preview(url)`, `interrupt()`, `is_dead(error)` and
    may implement `unsupported(error)`; `cold()` builds the cold runner used when no warm server
    can be had."""

    engine = ""

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
                url = server_url(self.engine, self.args.session, restart, self.starting)
            except pair.Unavailable as e:
                return self.run_cold(f"no warm {self.engine} session: {e}")
            if self.stop_requested:  # stopped while the server started: it stays up for later
                log("preview stopped")
                return 0
            log(f"warm {self.engine} session at {url}")
            self._error = None
            worker = threading.Thread(target=self._work, args=(url,), daemon=True)
            worker.start()
            while worker.is_alive():
                worker.join(0.2)  # the main thread stays free for the stop signal
            if self._error is None:
                if self.args.session == "auto":
                    pair.state.touch()
                return self._rc
            if self.stop_requested:
                log("preview stopped")
                return 0
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
            self._rc = self.preview(url)
        except BaseException as e:  # handed to the main thread
            self._error = e

    @staticmethod
    def unsupported(_error: BaseException) -> str | None:
        """Why the warm server cannot run this preview at all (the cold path can), or None."""
        return None

    def run_cold(self, why: str) -> int:
        log(f"{why}; running the cold preview")
        self.fallback = self.cold()
        return self.fallback.run()

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
