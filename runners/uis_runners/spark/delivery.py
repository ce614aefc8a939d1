# SPDX-License-Identifier: Apache-2.0
"""Worker side of the REST delivery sink: runs on the Spark executors (which import this package
from the zip the session ships), one HTTP request per row."""

from __future__ import annotations

import json
import time
import urllib.parse
import uuid

from ..httpclient import HttpClient, RateLimiter


def request_id(namespace: str, row: dict, id_value=None) -> str:
    """Deterministic per row: the same row (or id column value) to the same sink always gets the
    same id, so a re-run is recognisable at the receiver (Idempotency-Key)."""
    basis = id_value if id_value is not None else json.dumps(row, sort_keys=True, default=str)
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{namespace}\n{basis}"))


def deliver_partition(rows, plan: dict):
    """Runs on a Spark worker: one HTTP request per row, rate limited, retried, and yields one
    response record per row."""
    limiter = RateLimiter(plan["per_partition_rps"])
    client = HttpClient(plan["timeout"])
    retry = plan["retry"]
    try:
        for row in rows:
            rec = row.asDict(recursive=True)
            payload = {
                plan["mapping"].get(k, k): v
                for k, v in rec.items()
                if not plan["mapping"] or k in plan["mapping"]
            }
            rid = request_id(
                plan["namespace"], rec, rec.get(plan["id_column"]) if plan["id_column"] else None
            )
            body = json.dumps(payload, default=str)
            headers = dict(plan["headers"])
            headers.setdefault("Content-Type", "application/json")
            headers["Idempotency-Key"] = rid
            headers["X-Request-Id"] = rid
            url = plan["url"]
            if plan["url_has_fields"]:
                url = url.format(**{k: urllib.parse.quote(str(v), safe="") for k, v in rec.items()})
            attempts, status, data, error = 0, None, b"", None
            started = time.time()
            while True:
                attempts += 1
                try:
                    status, hdrs, data = client.request(
                        plan["method"], url, headers, body.encode(), limiter=limiter
                    )
                    error = None
                except Exception as e:  # network errors are retried like retryable statuses
                    status, hdrs, data, error = None, {}, b"", f"{type(e).__name__}: {e}"
                retryable = status is None or status in retry["retry_status_codes"]
                if (
                    (status is not None and 200 <= status < 300)
                    or not retryable
                    or attempts >= retry["max_attempts"]
                ):
                    break
                wait = min(retry["base_delay"] * (2 ** (attempts - 1)), retry["max_delay"])
                ra = hdrs.get("retry-after") if status else None
                if ra and ra.strip().isdigit():
                    wait = min(max(wait, float(ra)), retry["max_delay"])
                time.sleep(wait)
            ok = status is not None and 200 <= status < 300
            if not ok and error is None:
                error = f"HTTP {status}"
            yield (
                rid,
                plan["sink"],
                plan["url_template"],
                plan["method"],
                status,
                ok,
                attempts,
                body,
                data.decode("utf-8", "replace"),
                error,
                int((time.time() - started) * 1000),
                time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)),
            )
    finally:
        client.close()


RATE_HEADROOM = 0.95  # share of max_requests_per_second the delivery sink schedules

RESPONSE_DDL = (
    "request_id STRING, sink STRING, url STRING, method STRING, status_code INT, "
    "success BOOLEAN, attempts INT, request_body STRING, response_body STRING, "
    "error STRING, latency_ms BIGINT, sent_at STRING"
)
