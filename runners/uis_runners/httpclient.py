# SPDX-License-Identifier: Apache-2.0
"""HTTP on the standard library only (it also runs on Spark executors): a keep-alive client, a
rate limiter and the headers of a REST `auth` setting."""

from __future__ import annotations

import http.client
import json
import ssl
import threading
import time
import urllib.parse
from base64 import b64encode

from .errors import JobError
from .placeholders import resolve


class RateLimiter:
    """Spaces request starts at least 1/rate seconds apart (rate <= 0: unlimited)."""

    def __init__(self, per_second: float):
        self.interval = 1.0 / per_second if per_second and per_second > 0 else 0.0
        self.next_at = 0.0
        self.lock = threading.Lock()

    def wait(self):
        if not self.interval:
            return
        with self.lock:
            now = time.monotonic()
            at = max(now, self.next_at)
            self.next_at = at + self.interval
        if at > now:
            time.sleep(at - now)


class HttpClient:
    """Keep-alive HTTP/1.1 client on http.client (stdlib only, so it runs on any worker)."""

    def __init__(self, timeout: float = 30.0):
        self.timeout = timeout
        self.conns = {}

    def request(self, method, url, headers=None, body=None, limiter=None):
        """One request; with a `limiter`, its turn is taken once the connection is up, so the
        time a (re)connect takes does not shorten the spacing the receiver sees."""
        u = urllib.parse.urlsplit(url)
        key = (u.scheme, u.netloc)
        path = (u.path or "/") + (f"?{u.query}" if u.query else "")
        for attempt in (1, 2):  # one silent reconnect when a kept-alive socket was closed
            conn = self.conns.get(key)
            if conn is None:
                if u.scheme == "https":
                    conn = http.client.HTTPSConnection(
                        u.netloc, timeout=self.timeout, context=ssl.create_default_context()
                    )
                elif u.scheme == "http":
                    conn = http.client.HTTPConnection(u.netloc, timeout=self.timeout)
                else:
                    raise JobError(f"unsupported URL scheme {u.scheme!r}")
                self.conns[key] = conn
            try:
                if limiter is not None:
                    if conn.sock is None:
                        conn.connect()
                    limiter.wait()
                    limiter = None  # a silent reconnect below resends within the same turn
                conn.request(method, path, body=body, headers=headers or {})
                resp = conn.getresponse()
                data = resp.read()
                hdrs = {k.lower(): v for k, v in resp.getheaders()}
                if hdrs.get("connection", "").lower() == "close":
                    conn.close()
                    self.conns.pop(key, None)
                return resp.status, hdrs, data
            except (
                http.client.RemoteDisconnected,
                ConnectionResetError,
                BrokenPipeError,
                http.client.CannotSendRequest,
            ):
                conn.close()
                self.conns.pop(key, None)
                if attempt == 2:
                    raise

    def close(self):
        for c in self.conns.values():
            c.close()
        self.conns.clear()


def auth_headers(auth, client: HttpClient | None = None) -> dict:
    """Headers for the `auth` setting. A plain string (api_key, bearer, ...) means the
    credentials are already in `headers` (e.g. Authorization: Bearer {{api_key}})."""
    if not auth or isinstance(auth, str):
        return {}
    a = resolve(auth)
    kind = str(a.get("type", "none")).lower()
    if kind in ("none", ""):
        return {}
    if kind == "bearer":
        return {"Authorization": f"Bearer {a['token']}"}
    if kind == "basic":
        raw = f"{a['username']}:{a.get('password', '')}".encode()
        return {"Authorization": "Basic " + b64encode(raw).decode()}
    if kind == "api_key":
        if a.get("in", "header") == "header":
            return {a.get("header", a.get("name", "X-API-Key")): a.get("key", a.get("value", ""))}
        return {}
    if kind in ("oauth2", "oauth2_client_credentials", "oauth2_password"):
        form = {
            "grant_type": "password" if kind == "oauth2_password" else "client_credentials",
            "client_id": a.get("client_id", ""),
            "client_secret": a.get("client_secret", ""),
        }
        if kind == "oauth2_password":
            form.update(username=a.get("username", ""), password=a.get("password", ""))
        if a.get("scope"):
            form["scope"] = a["scope"]
        client = client or HttpClient()
        status, _, data = client.request(
            "POST",
            a["token_url"],
            {"Content-Type": "application/x-www-form-urlencoded"},
            urllib.parse.urlencode(form),
        )
        if status // 100 != 2:
            raise JobError(f"OAuth2 token request failed with HTTP {status}")
        return {"Authorization": f"Bearer {json.loads(data)['access_token']}"}
    raise JobError(f"unknown auth type {kind!r} (none, bearer, basic, api_key, oauth2)")


def auth_query(auth) -> dict:
    if (
        isinstance(auth, dict)
        and str(auth.get("type")).lower() == "api_key"
        and auth.get("in") == "query"
    ):
        a = resolve(auth)
        return {a.get("name", "api_key"): a.get("key", a.get("value", ""))}
    return {}
