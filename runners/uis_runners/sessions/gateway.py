# SPDX-License-Identifier: Apache-2.0
"""A client of the Flink SQL Gateway's REST API (v1 sessions and statements, v2 results):
a session of its own per preview, statements, paged results, cancel. Only the standard library."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request


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

    def call(self, method: str, path: str, body: dict | None = None) -> dict:
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.url + path, data=data, method=method)
        req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as r:
                raw = r.read()
        except urllib.error.HTTPError as e:
            try:
                errors = json.loads(e.read() or b"{}").get("errors") or [str(e)]
            except ValueError:
                errors = [str(e)]
            raise GatewayError(root_message(errors)) from None
        except OSError as e:
            raise GatewayDown(f"the SQL Gateway at {self.url} does not answer: {e}") from None
        return json.loads(raw) if raw else {}

    def open(self, properties: dict, name: str) -> str:
        r = self.call("POST", "/v1/sessions", {"properties": properties, "sessionName": name})
        self.session = r["sessionHandle"]
        return self.session

    def close(self) -> None:
        if self.session:
            try:
                self.call("DELETE", f"/v1/sessions/{self.session}")
            except (GatewayError, GatewayDown):
                pass
            self.session = None

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
        """Runs a statement to its end; its rows (each a list of fields)."""
        op = self.submit(statement)
        rows = []
        for res in self.results(op):
            rows += [d.get("fields") for d in res.get("data") or []]
        self.close_operation(op)
        return rows

    def cancel(self, op: str) -> None:
        self.call("POST", f"/v1/sessions/{self.session}/operations/{op}/cancel")

    def close_operation(self, op: str) -> None:
        try:
            self.call("DELETE", f"/v1/sessions/{self.session}/operations/{op}/close")
        except GatewayError:
            pass
