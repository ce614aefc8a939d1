# SPDX-License-Identifier: Apache-2.0
"""A client of the Flink SQL Gateway's REST API (v1 sessions and statements, v2 results):
a session of its own per preview, statements, paged results, cancel. Only the standard library."""

from __future__ import annotations

import http.client
import json
import select
import time
import urllib.parse

# The calls that may reach the server twice without harm.
IDEMPOTENT = frozenset({"GET", "DELETE"})


class GatewayError(RuntimeError):
    """The gateway refused a statement: the first line of Flink's error."""


class GatewayDown(ConnectionError):
    """The gateway did not answer."""


def root_message(errors: list) -> str:
    """The most specific line of the gateway's error list (its last `Caused by:`)."""
    text = "\n".join(str(e) for e in errors)
    lines = text.splitlines()
    causes = [ln.split("Caused by:", 1)[1].strip() for ln in lines if "Caused by:" in ln]
    if causes:
        return causes[-1]
    return next((ln.strip() for ln in text.splitlines() if ln.strip()), "unknown error")


class Gateway:
    def __init__(self, url: str, timeout: float = 60):
        self.url = url.rstrip("/")
        self.timeout = timeout
        self.session = None
        self.properties = {}  # the session's, as opened
        self.conn = None  # one kept-alive connection: a preview makes 100+ calls

    def call(self, method: str, path: str, body: dict | None = None) -> dict:
        data = json.dumps(body).encode() if body is not None else None
        for attempt in (0, 1):
            if self.conn is not None and self._dropped():
                self._reset()
            fresh = self.conn is None
            if fresh:
                parts = urllib.parse.urlsplit(self.url)
                self.conn = http.client.HTTPConnection(
                    parts.hostname, parts.port, timeout=self.timeout
                )
            try:
                self.conn.request(method, path, data, {"Content-Type": "application/json"})
            except (BrokenPipeError, ConnectionResetError) as e:
                # The request did not reach the server whole, so it ran nothing: asked again
                # once on a new connection. A fresh connection that fails is a dead server.
                self._reset()
                if fresh or attempt:
                    raise self._down(e) from None
                continue
            except OSError as e:
                self._reset()
                raise self._down(e) from None
            try:
                r = self.conn.getresponse()
                raw = r.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError) as e:
                # Sent, but no answer: the server may have run it. Only a call that may run
                # twice (a read, a close) is asked again; a statement is not.
                self._reset()
                if fresh or attempt or method not in IDEMPOTENT:
                    raise self._down(e) from None
            except OSError as e:
                self._reset()
                raise self._down(e) from None
        if r.status >= 400:
            try:
                errors = json.loads(raw or b"{}").get("errors") or [f"HTTP {r.status} {r.reason}"]
            except ValueError:
                errors = [f"HTTP {r.status} {r.reason}"]
            raise GatewayError(root_message(errors))
        return json.loads(raw) if raw else {}

    def _dropped(self) -> bool:
        """Whether the server closed the kept-alive connection while it was idle: its socket
        reads ready (the end of the stream) with no request out, as urllib3 checks."""
        sock = self.conn.sock
        if sock is None:
            return True
        return bool(select.select([sock], [], [], 0)[0])

    def _reset(self) -> None:
        self.conn.close()
        self.conn = None

    def _down(self, error: BaseException) -> GatewayDown:
        return GatewayDown(f"the SQL Gateway at {self.url} does not answer: {error}")

    def open(self, properties: dict, name: str) -> str:
        r = self.call("POST", "/v1/sessions", {"properties": properties, "sessionName": name})
        self.session = r["sessionHandle"]
        self.properties = dict(properties)
        return self.session

    def close(self) -> None:
        """Closes the session, and with it every operation still open in it."""
        if self.session:
            try:
                self.call("DELETE", f"/v1/sessions/{self.session}")
            except (GatewayError, GatewayDown):
                pass
            self.session = None
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def submit(self, statement: str) -> str:
        r = self.call("POST", f"/v1/sessions/{self.session}/statements", {"statement": statement})
        return r["operationHandle"]

    def results(self, op: str):
        """Yields each page's `results` ({columns, data}) until the end of the result."""
        path = f"/v2/sessions/{self.session}/operations/{op}/result/0?rowFormat=JSON"
        # A SET or DDL is ready within milliseconds, a job's rows take longer: the wait between
        # two asks grows from 5 ms to 50 ms (a flat 50 ms cost every statement 50 ms).
        pause = 0.005
        while path:
            page = self.call("GET", path)
            kind = page.get("resultType")
            results = page.get("results") or {}
            if kind == "NOT_READY" or (kind != "EOS" and not results.get("data")):
                time.sleep(pause)  # not ready, or an empty page: the job has no new rows yet
                pause = min(pause * 2, 0.05)
                if kind == "NOT_READY":
                    continue
            else:
                pause = 0.005
            if results.get("data"):
                yield results
            if kind == "EOS":
                return
            path = page.get("nextResultUri")

    def execute(self, statement: str) -> list:
        """Runs a statement to its end; its rows (each a list of fields). The operation is
        left for the session's close to free: a SET's or a DDL's is a few bytes, and closing
        each was one more call per statement."""
        op = self.submit(statement)
        rows = []
        for res in self.results(op):
            rows += [d.get("fields") for d in res.get("data") or []]
        return rows

    def cancel(self, op: str) -> None:
        self.call("POST", f"/v1/sessions/{self.session}/operations/{op}/cancel")

    def close_operation(self, op: str) -> None:
        try:
            self.call("DELETE", f"/v1/sessions/{self.session}/operations/{op}/close")
        except GatewayError:
            pass
