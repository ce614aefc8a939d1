# SPDX-License-Identifier: Apache-2.0
"""REST API delivery sink: one row per request, 503s retried with backoff, the rate limit holds
across partitions, and a re-run is recognisable at the receiver by its request ids."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler

import pytest
from conftest import explain, run_spark

pytestmark = pytest.mark.spark

SECRET = "vendor-secret-81c2"
RATE = 8  # max_requests_per_second of the job


class Receiver(BaseHTTPRequestHandler):
    lock = threading.Lock()
    log = []  # every request: (monotonic time, key, body)
    stored = {}  # idempotency key -> body, what the receiver kept
    attempts = {}  # key -> count
    replays = 0

    def log_message(self, *a):
        pass

    def do_POST(self):
        now = time.monotonic()
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        key = self.headers.get("Idempotency-Key")
        with self.lock:
            Receiver.log.append(
                (
                    now,
                    key,
                    body,
                    self.headers.get("X-Request-Id"),
                    self.headers.get("Authorization"),
                )
            )
            n = Receiver.attempts[key] = Receiver.attempts.get(key, 0) + 1
            if self.headers.get("Authorization") != f"Bearer {SECRET}":
                return self.reply(401, {"error": "unauthorized"})
            # every third patient fails once with 503 (first delivery only)
            if body["patient"] % 3 == 0 and n == 1:
                return self.reply(503, {"error": "try again"})
            if key in Receiver.stored:
                Receiver.replays += 1
                return self.reply(200, {"status": "duplicate", "id": key})
            Receiver.stored[key] = body
        self.reply(201, {"status": "created", "id": key})

    def reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def test_rest_api_delivery(tmp_path, http_server, spark):
    Receiver.log, Receiver.stored, Receiver.attempts, Receiver.replays = [], {}, {}, 0
    srv = http_server(Receiver)
    rows = [{"tracking_id": f"t-{i:03d}", "patient_id": i, "score": i / 10} for i in range(1, 13)]
    rows.append({"tracking_id": None, "patient_id": 99, "score": 1.0})  # invalid: dropped
    src = tmp_path / "staging.json"
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    env = {
        "UIS_TEST_PORT": srv.port,
        "UIS_TEST_IN": src,
        "UIS_TEST_OUT": tmp_path,
        "UIS_SECRET_VENDOR_API_TOKEN": SECRET,
    }

    p = run_spark("rest_delivery.json", tmp_path, env=env)
    assert p.returncode == 0, explain(p)
    assert SECRET not in p.stdout + p.stderr
    first_log = list(Receiver.log)

    # one request per valid row, plus one retry for each 503
    assert len(Receiver.stored) == 12
    assert sorted(b["patient"] for b in Receiver.stored.values()) == list(range(1, 13))
    assert all(set(b) == {"tracking_id", "patient", "score"} for b in Receiver.stored.values())
    retried = {k for k, n in Receiver.attempts.items() if n == 2}
    assert len(retried) == 4 and len(first_log) == 16
    assert all(k == rid and auth == f"Bearer {SECRET}" for _, k, _, rid, auth in first_log)

    # the rate limit holds over the whole job: never more than RATE requests in any second
    times = sorted(t for t, *_ in first_log)
    for i, t in enumerate(times):
        in_window = sum(1 for u in times[i:] if u < t + 0.98)
        assert in_window <= RATE, f"{in_window} requests within one second"
    assert times[-1] - times[0] >= (len(times) - RATE) / RATE * 0.9

    # the response table has one row per delivered row
    resp = spark.read.parquet(str(tmp_path / "responses"))
    got = {r["request_id"]: r for r in resp.collect()}
    assert set(got) == set(Receiver.stored)
    assert all(r["success"] and r["status_code"] == 201 for r in got.values())
    assert {k for k, r in got.items() if r["attempts"] == 2} == retried
    assert all(
        r["url"] == "http://127.0.0.1:{{env.UIS_TEST_PORT}}/v1/patient" for r in got.values()
    )

    # a re-run sends the same request ids: the receiver recognises every row as a replay
    p2 = run_spark("rest_delivery.json", tmp_path, env=env)
    assert p2.returncode == 0, explain(p2)
    second_keys = {k for _, k, *_ in Receiver.log[len(first_log) :]}
    assert second_keys == set(Receiver.stored)
    assert Receiver.replays == 12 and len(Receiver.stored) == 12
    assert spark.read.parquet(str(tmp_path / "responses")).count() == 24


def test_rest_api_delivery_failure_exits_nonzero(tmp_path, http_server, spark):
    Receiver.log, Receiver.stored, Receiver.attempts, Receiver.replays = [], {}, {}, 0
    srv = http_server(Receiver)
    src = tmp_path / "staging.json"
    src.write_text(json.dumps({"tracking_id": "t-1", "patient_id": 1, "score": 0.5}) + "\n")
    env = {
        "UIS_TEST_PORT": srv.port,
        "UIS_TEST_IN": src,
        "UIS_TEST_OUT": tmp_path,
        "UIS_SECRET_VENDOR_API_TOKEN": "not-the-secret",
    }
    p = run_spark("rest_delivery.json", tmp_path, env=env)
    assert p.returncode == 1, explain(p)
    assert "FAILED: sink patient_api: 1 of 1 requests failed (first: HTTP 401" in p.stdout, explain(
        p
    )
    # 401 is not a retryable status: exactly one attempt
    assert len(Receiver.log) == 1
    # the failure is still recorded in the response table
    r = spark.read.parquet(str(tmp_path / "responses")).first()
    assert r["status_code"] == 401 and not r["success"]
