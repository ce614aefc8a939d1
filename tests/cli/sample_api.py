#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""A real HTTP API on 127.0.0.1 for the sampling tests (tst_samplecommand, tst_paginationdetector).

Serves 25 items, at most 10 per page, in every pagination style the runner follows, each behind
its own kind of auth, plus a plain endpoint, a slow one, erroring ones (401, 429) and a huge body.
Prints `PORT <n>` on its first line, then serves until killed. Each request is logged to stderr
as `REQ <path>?<query>` so tests can count requests and check their spacing.
"""

import base64
import json
import sys
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOKEN = "s3cret-token"
API_KEY = "k3y-abc"
BASIC = base64.b64encode(b"alice:pa55word").decode()
TOTAL = 25
CAP = 10


def item(i):
    return {
        "id": i,
        "name": f"item-{i}",
        "price": f"{i * 1.5 + 0.25:.2f}",
        "score": i * 0.5,
        "active": i % 2 == 0,
        "created_at": f"2024-05-{(i % 28) + 1:02d}T10:{i % 60:02d}:00Z",
        "updated_ts": 1714557600000 + i * 1000,
        "day": f"2024-06-{(i % 28) + 1:02d}",
        "meta": {"source": "api", "rank": i, **({"note": "odd"} if i % 2 else {})},
        "tags": ["a", "b"][: i % 3],
        "big": 5_000_000_000 + i if i % 5 == 0 else i,
        "comment": None if i % 4 == 0 else f"c{i}",
    }


def items(start, n):
    return [item(i) for i in range(start, min(start + n, TOTAL))]


class Api(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # the request log tests read
        pass

    def send_json(self, status, doc, headers=None):
        body = json.dumps(doc).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def auth_ok(self, kind, q):
        h = self.headers
        if kind == "bearer":
            return h.get("Authorization") == f"Bearer {TOKEN}"
        if kind == "key-header":
            return h.get("X-API-Key") == API_KEY
        if kind == "key-query":
            return q.get("api_key") == API_KEY
        if kind == "basic":
            return h.get("Authorization") == f"Basic {BASIC}"
        return True

    def do_GET(self):  # noqa: N802 (http.server's name)
        u = urllib.parse.urlsplit(self.path)
        q = dict(urllib.parse.parse_qsl(u.query))
        sys.stderr.write(f"REQ {time.monotonic():.3f} {u.path}?{u.query}\n")
        sys.stderr.flush()
        port = self.server.server_address[1]
        route = {
            "/plain": ("none", self.plain),
            "/next-absolute": ("bearer", self.next_absolute),
            "/next-relative": ("key-header", self.next_relative),
            "/cursor": ("key-query", self.cursor),
            "/offset": ("basic", self.offset),
            "/page": ("bearer", self.page),
            "/link": ("none", self.link),
            "/slow": ("none", self.slow),
            "/ratelimited": ("none", self.ratelimited),
            "/huge": ("none", self.huge),
            "/drifted": ("none", self.drifted),
        }.get(u.path)
        if not route:
            self.send_json(404, {"error": "no such path"})
            return
        kind, handler = route
        if not self.auth_ok(kind, q):
            self.send_json(401, {"error": "unauthorized"}, {"WWW-Authenticate": "Bearer"})
            return
        handler(q, port)

    def plain(self, q, port):
        self.send_json(200, {"count": 5, "results": items(0, 5)})

    def next_absolute(self, q, port):
        start = int(q.get("start", 0))
        nxt = start + CAP
        link = f"http://127.0.0.1:{port}/next-absolute?start={nxt}" if nxt < TOTAL else None
        self.send_json(200, {"results": items(start, CAP), "next_url": link})

    def next_relative(self, q, port):
        start = int(q.get("start", 0))
        nxt = start + CAP
        self.send_json(
            200,
            {"data": items(start, CAP), "next": f"/next-relative?start={nxt}" if nxt < TOTAL else None},
        )

    def cursor(self, q, port):
        start = int(q.get("cursor", "c0")[1:])
        nxt = start + CAP
        self.send_json(200, {"items": items(start, CAP), "next_cursor": f"c{nxt}" if nxt < TOTAL else ""})

    def offset(self, q, port):
        off = int(q.get("offset", 0))
        lim = min(int(q.get("limit", CAP)), CAP)
        self.send_json(
            200, {"results": items(off, lim), "offset": off, "limit": lim, "total": TOTAL}
        )

    def page(self, q, port):
        p = int(q.get("page", 1))
        self.send_json(
            200,
            {"results": items((p - 1) * CAP, CAP), "page": p, "total_pages": (TOTAL + CAP - 1) // CAP},
        )

    def link(self, q, port):
        p = int(q.get("page", 1))
        headers = {}
        if p * CAP < TOTAL:
            headers["Link"] = f'</link?page={p + 1}>; rel="next", </link?page=1>; rel="first"'
        self.send_json(200, items((p - 1) * CAP, CAP), headers)

    def slow(self, q, port):
        time.sleep(float(q.get("seconds", 5)))
        self.send_json(200, {"results": items(0, 2)})

    def ratelimited(self, q, port):
        self.send_json(429, {"error": "slow down"}, {"Retry-After": "7"})

    def huge(self, q, port):
        # 64 MiB announced and streamed; the sampler must cut it, not load it.
        size = 64 * 1024 * 1024
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        chunk = b" " * 65536
        try:
            self.wfile.write(b"[")
            for _ in range(size // len(chunk) - 1):
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def drifted(self, q, port):
        # id became text, name is sometimes null, price vanished, a new field appeared.
        rows = [{"id": f"x{i}", "name": None if i == 1 else "n", "extra": i} for i in range(3)]
        self.send_json(200, {"results": rows})


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Api)
    server.daemon_threads = True
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
