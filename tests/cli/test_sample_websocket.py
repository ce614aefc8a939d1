#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""`uisctl sample` on a WebSocket endpoint against a real WebSocket server on loopback (RFC 6455
handshake and frames, written here: the venv has no WebSocket package): N records with the
spec's header and query (a bearer token from the environment, never printed), an array message
giving its elements, a non-JSON message skipped, T seconds bounding a quiet feed, --infer and
--check, and clear failures for a rejected handshake and a dead port.

usage: test_sample_websocket.py UISCTL
"""

import base64
import hashlib
import json
import socket
import socketserver
import struct
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from sampletool import check, sample  # noqa: E402

TOKEN = "ws-Secret-Token-7"
SEEN = []  # the request lines and headers the server received


def frame(text):
    data = text.encode()
    n = len(data)
    head = bytes([0x81])
    if n < 126:
        head += bytes([n])
    elif n < 65536:
        head += bytes([126]) + struct.pack(">H", n)
    else:
        head += bytes([127]) + struct.pack(">Q", n)
    return head + data


class Handler(socketserver.BaseRequestHandler):
    def handle(self):
        raw = b""
        while b"\r\n\r\n" not in raw:
            chunk = self.request.recv(4096)
            if not chunk:
                return
            raw += chunk
        lines = raw.split(b"\r\n\r\n")[0].decode().split("\r\n")
        target = lines[0].split()[1]
        headers = {
            k.strip().lower(): v.strip()
            for k, v in (ln.split(":", 1) for ln in lines[1:] if ":" in ln)
        }
        SEEN.append((target, headers))
        url = urlsplit(target)
        if headers.get("authorization") != f"Bearer {TOKEN}" or parse_qs(url.query).get(
            "channel"
        ) != ["orders"]:
            self.request.sendall(b"HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n")
            return
        accept = base64.b64encode(
            hashlib.sha1(
                (headers["sec-websocket-key"] + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode()
            ).digest()
        ).decode()
        self.request.sendall(
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Accept: {accept}\r\n\r\n".encode()
        )
        try:
            if url.path == "/quiet":
                self.request.sendall(frame(json.dumps({"id": 1})))
                time.sleep(30)
                return
            self.request.sendall(frame(json.dumps({"id": 1, "at": "2026-01-01T00:00:00Z"})))
            self.request.sendall(frame("not json"))
            self.request.sendall(
                frame(
                    json.dumps(
                        [
                            {"id": 2, "at": "2026-01-01T00:00:01Z"},
                            {"id": 3, "at": "2026-01-01T00:00:02Z", "extra": True},
                        ]
                    )
                )
            )
            for i in range(4, 100):
                self.request.sendall(frame(json.dumps({"id": i, "at": "2026-01-01T00:00:03Z"})))
                time.sleep(0.01)
            time.sleep(5)
        except OSError:
            pass  # the sampler closed: it has enough


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def spec(port, path, extra=""):
    return (
        'version: "1.1"\nname: ws-sample\nprovider:\n  name: feed\n  provider_type: websocket\n'
        f"  base_url: ws://127.0.0.1:{port}\n  mode: websocket\n"
        '  config: { kafka_bootstrap_servers: "127.0.0.1:9" }\n'
        f"  endpoints:\n    - name: ticks\n      path: {path}\n"
        '      headers: { Authorization: "Bearer {{env.UIS_TEST_WS_TOKEN}}" }\n'
        "      query_params: { channel: orders }\n"
        f"{extra}  sinks:\n    - type: console\n"
    )


def run(uisctl, d, text, *args, token=TOKEN):
    path = Path(d) / "ws.uis.yaml"
    path.write_text(text)
    return sample(uisctl, path, *args, env={"UIS_TEST_WS_TOKEN": token}, timeout=60)


def main():
    uisctl = sys.argv[1]
    server = Server(("127.0.0.1", 0), Handler)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with tempfile.TemporaryDirectory(prefix="uis-ws-sample-") as d:
        r, _ = run(uisctl, d, spec(port, "/feed"), "--limit", "5")
        check(r.returncode == 0, "sample exits 0", r)
        rows = [json.loads(x) for x in r.stdout.splitlines()]
        check(
            [x["id"] for x in rows] == [1, 2, 3, 4, 5],
            "5 records, the array message's elements in order",
            r,
        )
        check("not JSON" in r.stderr, "the non-JSON message is noted", r)
        check(
            SEEN
            and SEEN[-1][1].get("authorization") == f"Bearer {TOKEN}"
            and "channel=orders" in SEEN[-1][0],
            "the spec's header and query were sent",
        )
        check(TOKEN not in r.stdout + r.stderr, "the token is never printed", r)

        r, _ = run(uisctl, d, spec(port, "/feed"), "--limit", "20", "--infer")
        check(
            r.returncode == 0
            and "- {name: at, type: timestamp, nullable: false}" in r.stdout
            and "- {name: extra, type: boolean, nullable: true}" in r.stdout,
            "--infer",
            r,
        )
        declared = (
            "      schema:\n        - {name: id, type: string, nullable: false}\n"
            "        - {name: at, type: date, nullable: false}\n"
        )
        r, _ = run(uisctl, d, spec(port, "/feed", declared), "--limit", "20", "--check")
        check(r.returncode == 1 and "UIS-E-DRIFT-TYPE" in r.stdout, "--check finds drift", r)

        r, took = run(uisctl, d, spec(port, "/quiet"), "--limit", "10", "--timeout", "3")
        check(
            r.returncode == 0
            and len(r.stdout.splitlines()) == 1
            and "stopped after 3 s" in r.stderr,
            "a quiet feed ends after T seconds",
            r,
        )
        check(took < 10, f"bounded by --timeout ({took:.1f}s)", r)

        r, _ = run(uisctl, d, spec(port, "/feed"), token="wrong-ws-token")
        check(r.returncode == 1 and "cannot connect" in r.stderr, "rejected handshake: said so", r)
        check("wrong-ws-token" not in r.stdout + r.stderr, "the wrong token is not printed", r)

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            dead = s.getsockname()[1]
        r, took = run(uisctl, d, spec(dead, "/feed"), "--timeout", "5")
        check(
            r.returncode == 1
            and "cannot connect" in r.stderr
            and "is the server running" in r.stderr,
            "dead port: a clear message",
            r,
        )
        check(took < 10, f"dead port fails fast ({took:.1f}s)", r)
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
