# SPDX-License-Identifier: Apache-2.0
"""Makes a Flink job's restarts visible: while the runner supervises a job, its restart count and
the exception of every restart come from the cluster's REST API (a local mini-cluster's, or a
session cluster's) and are printed so that dcp-local and the GUI's root-cause finder see them:

    uis-runner: job <id> state RESTARTING (3 restarts)
    uis-runner: job <id> restart 3 caused by: <the exception's first line> (root cause: <…>)
    <the Java stack trace, trimmed: each exception with a few frames, every `Caused by:`>

The state line keeps the format dcp-local parses (`job <id> state <STATE>`); the count follows it
in parentheses. The trace goes to stderr (the runners' stdout contract), which dcp-local merges
into the job's log."""

from __future__ import annotations

import json
import socket
import sys
import urllib.request

from ..log import log

FRAMES_PER_EXCEPTION = 6
MAX_TRACE_LINES = 80
FULL_TRACES = 3  # restarts whose trace is printed even when the cause repeats
PORT_SPAN = 16  # a local run starts a mini-cluster per job, each on the next free port


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def local_rest(conf) -> list[str]:
    """Makes the local mini-cluster's REST endpoint predictable (loopback, a small port range)
    unless the script chose it, and returns the base URLs to look for a job's cluster on."""
    host = conf.get_string("rest.address", "") or "127.0.0.1"
    port = conf.get_string("rest.port", "") or conf.get_string("rest.bind-port", "")
    target = conf.get_string("execution.target", "local").lower()
    if port:
        lo, _, hi = port.partition("-")
        try:
            ports = range(int(lo), int(hi or lo) + 1)
        except ValueError:
            return []
        return [f"http://{host}:{p}" for p in list(ports)[:PORT_SPAN]]
    if target not in ("local", ""):
        return [f"http://{host}:8081"]
    first = free_port()
    conf.set_string("rest.bind-address", "127.0.0.1")
    conf.set_string("rest.address", "127.0.0.1")
    conf.set_string("rest.bind-port", f"{first}-{first + PORT_SPAN - 1}")
    return [f"http://127.0.0.1:{p}" for p in range(first, first + PORT_SPAN)]


def get_json(url: str, timeout: float = 2.0):
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url, timeout=timeout) as r:
        return json.loads(r.read())


def trim_trace(trace: str) -> list[str]:
    """A Java stack trace shortened for a log: every exception line and `Caused by:` (always,
    so the chain stays whole), each with its first frames while the total stays under
    MAX_TRACE_LINES; the frames left out are summarised as `... n more`."""
    lines = [ln.rstrip() for ln in trace.splitlines() if ln.strip()]
    heads = sum(1 for ln in lines if not _is_frame(ln))
    budget = max(0, MAX_TRACE_LINES - 2 * heads)  # room for frames and the `... n more` lines
    out, frames, skipped = [], 0, 0
    for line in lines:
        if not _is_frame(line):
            if skipped:
                out.append(f"\t... {skipped} more")
            out.append(line)
            frames, skipped = 0, 0
        elif frames < FRAMES_PER_EXCEPTION and budget > 0:
            out.append("\t" + line.strip())
            frames += 1
            budget -= 1
        else:
            skipped += 1
    if skipped:
        out.append(f"\t... {skipped} more")
    return out


def _is_frame(line: str) -> bool:
    s = line.strip()
    return s.startswith("at ") or s.startswith("... ")


def first_line(trace: str) -> str:
    for line in trace.splitlines():
        if line.strip():
            return line.strip()
    return "unknown exception"


def innermost(trace: str) -> str | None:
    caused = [ln.strip() for ln in trace.splitlines() if ln.strip().startswith("Caused by:")]
    return caused[-1][len("Caused by:") :].strip() if caused else None


class RestartWatch:
    """One job's restarts: the count (the `numRestarts` metric, else the exception history's
    length) and the exceptions already printed."""

    def __init__(self, jid: str, candidates: list[str]):
        self.jid = jid
        self.candidates = candidates
        self.base = None  # the REST URL of the cluster that runs the job, once found
        self.restarts = 0
        self.seen = set()
        self.reported = 0  # the highest restart number printed
        self.traced = set()  # the causes whose trace is in the log
        self.latest = None  # first line (and root cause) of the latest exception

    def _find(self) -> bool:
        if self.base:
            return True
        for url in self.candidates:
            try:
                get_json(f"{url}/jobs/{self.jid}", timeout=0.5)
            except Exception:
                continue
            self.base = url
            return True
        return False

    def count(self) -> int | None:
        if not self._find():
            return None
        try:
            metrics = get_json(f"{self.base}/jobs/{self.jid}/metrics?get=numRestarts")
            for m in metrics:
                if m.get("id") == "numRestarts":
                    return int(float(m.get("value", 0)))
        except Exception:
            pass
        try:
            return len(self._history())
        except Exception:
            return None

    def _history(self) -> list:
        doc = get_json(f"{self.base}/jobs/{self.jid}/exceptions?maxExceptions=20")
        entries = (doc.get("exceptionHistory") or {}).get("entries") or []
        if not entries and doc.get("root-exception"):
            entries = [{"stacktrace": doc["root-exception"], "timestamp": doc.get("timestamp")}]
        return entries

    def poll(self, state: str, last_state: str | None) -> list[str]:
        """Checks the count and prints the exceptions not printed yet. Returns the state lines
        to print, with the count: a restart the polls did not catch in the act (the job is
        RUNNING again) still shows as a RESTARTING line first."""
        before = self.restarts
        n = self.count()
        # The count can move before the exception is in the history: ask again on the next poll
        # until every restart's exception is printed.
        behind = n is not None and n > self.reported
        if behind or (state == "RESTARTING" and last_state != "RESTARTING"):
            self.report_exceptions(n)
        self.restarts = max(self.restarts, n or 0, self.reported)
        lines = []
        if self.restarts > before and state != "RESTARTING":
            lines.append(self.label("RESTARTING"))
        lines.append(self.label(state))
        return lines

    def label(self, state: str) -> str:
        if not self.restarts:
            return state
        return f"{state} ({self.restarts} restart{'s' if self.restarts != 1 else ''})"

    def report_exceptions(self, n: int | None) -> None:
        if not self._find():
            return
        try:
            entries = self._history()
        except Exception as e:
            log(f"job {self.jid}: cannot read its exceptions from {self.base}: {e}")
            return
        fresh = []
        for e in entries:  # newest first
            key = (e.get("timestamp"), e.get("exceptionName"), (e.get("stacktrace") or "")[:200])
            if key not in self.seen:
                self.seen.add(key)
                fresh.append(e)
        total = n if n is not None else len(entries)
        for i, e in enumerate(reversed(fresh)):
            trace = e.get("stacktrace") or e.get("exceptionName") or "unknown exception"
            number = total - len(fresh) + i + 1
            head, cause = first_line(trace), innermost(trace)
            self.latest = head + (f" (root cause: {cause})" if cause and cause != head else "")
            number = max(number, self.reported + 1)
            self.reported = number
            log(f"job {self.jid} restart {number} caused by: {self.latest}")
            # The whole trace for the first restarts and for a new cause; a loop that repeats
            # the same failure does not fill the log with the same trace.
            if number <= FULL_TRACES or self.latest not in self.traced:
                self.traced.add(self.latest)
                print("\n".join(trim_trace(trace)), file=sys.stderr, flush=True)
