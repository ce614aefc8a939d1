# SPDX-License-Identifier: Apache-2.0
"""UIS Spark job runner.

Executes the `spark-job` JSON that the UIS Spark compiler emits (docs/COMPILERS.md):

    spark-submit [--jars ...] runners/spark/uis_spark_runner.py --job-config job.json
    python runners/spark/uis_spark_runner.py --job-config job.json [--dry-run --limit 20]

Run with plain `python`, the runner starts a local Spark (local[*]) itself and puts the connector
jars of .cache/jars/spark (scripts/engines/setup.sh) on the classpath. Under spark-submit the JVM
already exists, so jars must come from spark-submit's own --jars/--packages.

Output contract (stdout, one line each, so the GUI and dcp-local can parse them):
    uis-runner: <free text progress>
    uis-runner: FAILED: <root cause>                      (then exit status 1)
    uis-preview: {"event": "schema"|"row"|"end", "node": ..., ...}   (--dry-run only)
Spark's own logging goes to stderr.

This file is shipped alone by spark-submit, so it has no imports outside the standard library and
pyspark; the worker-side code of the REST delivery sink lives in module-level functions that
cloudpickle serialises by value.
"""
from __future__ import annotations

import argparse
import hashlib
import http.client
import json
import os
import re
import signal
import socket
import ssl
import sys
import threading
import time
import traceback
import urllib.parse
import uuid
from base64 import b64encode
from pathlib import Path

PREFIX = "uis-runner:"
PREVIEW = "uis-preview:"


def log(msg: str) -> None:
    print(f"{PREFIX} {msg}", flush=True)


class JobError(Exception):
    """A problem with the job (config, source, sink) that is reported as the root cause."""


# --------------------------------------------------------------------------- placeholders

_PLACEHOLDER = re.compile(r"\{\{\s*([^{}]+?)\s*\}\}")


def _placeholder_value(token: str) -> str:
    if token.startswith("env."):
        name = token[4:]
        if name in os.environ:
            return os.environ[name]
        raise JobError(f"placeholder {{{{{token}}}}}: environment variable {name} is not set")
    if token.startswith("secret."):
        scope, _, key = token[7:].partition(":")
        if not key:
            raise JobError(f"placeholder {{{{{token}}}}}: expected {{{{secret.SCOPE:KEY}}}}")
        name = "UIS_SECRET_" + re.sub(r"[^A-Za-z0-9]", "_", f"{scope}_{key}").upper()
        if name in os.environ:
            return os.environ[name]
        raise JobError(f"placeholder {{{{{token}}}}}: environment variable {name} is not set")
    for name in (token.upper(), token):
        if name in os.environ:
            return os.environ[name]
    raise JobError(f"placeholder {{{{{token}}}}}: environment variable {token.upper()} is not set")


def resolve(value):
    """Resolves placeholders in strings, recursively in lists and dicts. Resolved values are
    only ever passed to Spark or HTTP, never logged."""
    if isinstance(value, str):
        return _PLACEHOLDER.sub(lambda m: _placeholder_value(m.group(1)), value)
    if isinstance(value, list):
        return [resolve(v) for v in value]
    if isinstance(value, dict):
        return {k: resolve(v) for k, v in value.items()}
    return value


# --------------------------------------------------------------------------- small helpers

_UNITS = {
    "ms": 0.001, "milli": 0.001, "millis": 0.001, "millisecond": 0.001, "milliseconds": 0.001,
    "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
    "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
    "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
    "d": 86400, "day": 86400, "days": 86400,
}


def duration_seconds(value, default_unit: str = "s") -> float:
    """'5 minutes', '30 s', '500ms', 10 (seconds) -> seconds."""
    if isinstance(value, (int, float)):
        return float(value) * _UNITS[default_unit]
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*", str(value))
    if not m or (m.group(2) and m.group(2).lower() not in _UNITS):
        raise JobError(f"cannot read duration {value!r} (expected e.g. '30 s', '5 minutes')")
    return float(m.group(1)) * _UNITS[(m.group(2) or default_unit).lower()]


def spark_interval(value) -> str:
    """A duration as Spark writes intervals: '10 seconds', '1500 milliseconds'."""
    secs = duration_seconds(value)
    if secs == int(secs):
        return f"{int(secs)} seconds"
    return f"{int(round(secs * 1000))} milliseconds"


def inputs_of(node: dict) -> list:
    v = node.get("inputs", node.get("input"))
    if v is None:
        return []
    return [v] if isinstance(v, str) else list(v)


_TYPES = {
    "string": "STRING", "str": "STRING", "json": "STRING", "text": "STRING",
    "int": "INT", "integer": "INT", "long": "BIGINT", "bigint": "BIGINT", "short": "SMALLINT",
    "double": "DOUBLE", "float": "FLOAT", "boolean": "BOOLEAN", "bool": "BOOLEAN",
    "date": "DATE", "timestamp": "TIMESTAMP", "binary": "BINARY",
}


def spark_type(t: str) -> str:
    t = str(t).strip()
    low = t.lower()
    if low in _TYPES:
        return _TYPES[low]
    if re.fullmatch(r"decimal\(\s*\d+\s*,\s*\d+\s*\)", low):
        return low.upper().replace(" ", "")
    return t  # already a Spark type name (array<string>, struct<...>, ...)


def schema_ddl(schema) -> str | None:
    if not schema:
        return None
    if isinstance(schema, str):
        return schema
    cols = []
    for f in schema:
        name = f["name"].replace("`", "``")
        ddl = f"`{name}` {spark_type(f.get('type', 'string'))}"
        cols.append(ddl)
    return ", ".join(cols)


def root_cause(exc: BaseException) -> str:
    """The innermost message of a Python or Java (py4j) exception chain."""
    try:
        from py4j.protocol import Py4JJavaError
        if isinstance(exc, Py4JJavaError):
            j = exc.java_exception
            last = j
            while j is not None:
                last = j
                j = j.getCause()
            return f"{last.getClass().getName()}: {last.getMessage()}"
    except ImportError:
        pass
    desc = getattr(exc, "desc", None)  # pyspark CapturedException
    while exc.__cause__ is not None and not isinstance(exc, JobError):
        exc = exc.__cause__
    text = desc or str(exc) or type(exc).__name__
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__


# --------------------------------------------------------------------------- HTTP

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
                    conn = http.client.HTTPSConnection(u.netloc, timeout=self.timeout,
                                                       context=ssl.create_default_context())
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
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError,
                    http.client.CannotSendRequest):
                conn.close()
                self.conns.pop(key, None)
                if attempt == 2:
                    raise

    def close(self):
        for c in self.conns.values():
            c.close()
        self.conns.clear()


def json_path(doc, path: str | None):
    """Simple JSONPath: $, $.a.b, $.a[0].b, $['a'], $.a[*]. Returns None when absent."""
    if path in (None, "", "$"):
        return doc
    p = path.strip()
    if p.startswith("$"):
        p = p[1:]
    tokens = re.findall(r"\.([^.\[\]]+)|\[\s*'([^']*)'\s*\]|\[\s*\"([^\"]*)\"\s*\]|\[\s*(\d+|\*)\s*\]", p)
    cur = doc
    for name, q1, q2, idx in tokens:
        key = name or q1 or q2
        if key:
            if not isinstance(cur, dict) or key not in cur:
                return None
            cur = cur[key]
        elif idx == "*":
            continue
        else:
            if not isinstance(cur, list) or int(idx) >= len(cur):
                return None
            cur = cur[int(idx)]
    return cur


# Where the next cursor / next page URL is looked for when the pagination config does not say.
CURSOR_FIELDS = ["next_url", "next", "next_page_url", "nextPageUrl", "next_cursor", "nextCursor",
                 "cursor", "links.next", "meta.next_cursor", "pagination.next_cursor",
                 "paging.next", "response_metadata.next_cursor"]


def _dotted(doc, dotted):
    cur = doc
    for part in dotted.split("."):
        if not isinstance(cur, dict) or part not in cur:
            return None
        cur = cur[part]
    return cur


def _link_next(header: str | None) -> str | None:
    if not header:
        return None
    for part in header.split(","):
        m = re.match(r'\s*<([^>]*)>\s*;(.*)', part)
        if m and re.search(r'rel\s*=\s*"?next"?', m.group(2)):
            return m.group(1)
    return None


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
        form = {"grant_type": "password" if kind == "oauth2_password" else "client_credentials",
                "client_id": a.get("client_id", ""), "client_secret": a.get("client_secret", "")}
        if kind == "oauth2_password":
            form.update(username=a.get("username", ""), password=a.get("password", ""))
        if a.get("scope"):
            form["scope"] = a["scope"]
        client = client or HttpClient()
        status, _, data = client.request("POST", a["token_url"],
                                         {"Content-Type": "application/x-www-form-urlencoded"},
                                         urllib.parse.urlencode(form))
        if status // 100 != 2:
            raise JobError(f"OAuth2 token request failed with HTTP {status}")
        return {"Authorization": f"Bearer {json.loads(data)['access_token']}"}
    raise JobError(f"unknown auth type {kind!r} (none, bearer, basic, api_key, oauth2)")


def auth_query(auth) -> dict:
    if isinstance(auth, dict) and str(auth.get("type")).lower() == "api_key" and auth.get("in") == "query":
        a = resolve(auth)
        return {a.get("name", "api_key"): a.get("key", a.get("value", ""))}
    return {}


def fetch_rest(src: dict, max_records: int | None = None) -> list:
    """Fetches every page of a rest_api source on the driver and returns the records.

    pagination (string or {"type": ...}):
      none
      cursor       next page from the response: the first of `next_field` (dotted path) or
                   CURSOR_FIELDS present and non-empty. An absolute URL is followed as is;
                   anything else is sent as query parameter `cursor_param` (default "cursor").
      offset       `offset_param` (offset) += `limit_param` (limit; value from params or
                   `page_size`, default 100) until a page has fewer records than the limit.
      page         `page_param` (page) from `start_page` (1) until an empty/short page or
                   `total_pages_field`.
      link_header  follows RFC 8288 `Link: <url>; rel="next"`.
    `max_pages` (default 10000) bounds every kind.
    """
    template_url = src["url"]
    url = resolve(template_url)
    method = str(src.get("method", "GET")).upper()
    params = {k: str(v) for k, v in resolve(src.get("params") or src.get("query_params") or {}).items()}
    params.update(auth_query(src.get("auth")))
    client = HttpClient(float(src.get("timeout", 30)))
    headers = {"Accept": "application/json", "User-Agent": "uis-spark-runner"}
    headers.update(resolve(src.get("headers") or {}))
    headers.update(auth_headers(src.get("auth"), client))
    body = src.get("body")
    if body is not None and not isinstance(body, str):
        body = json.dumps(resolve(body))
        headers.setdefault("Content-Type", "application/json")
    elif isinstance(body, str):
        body = resolve(body)

    rl = src.get("rate_limit", src.get("rate_limit_per_second"))
    if isinstance(rl, dict):
        rl = rl.get("requests_per_second", rl.get("per_second", rl.get("rate")))
    limiter = RateLimiter(float(rl) if rl else 0.0)

    pag = src.get("pagination") or "none"
    pag = {"type": pag} if isinstance(pag, str) else dict(pag)
    kind = str(pag.get("type", "none")).lower()
    max_pages = int(pag.get("max_pages", 10000))
    records = []
    next_url = None
    page_no = int(pag.get("start_page", 1))
    offset = int(pag.get("start_offset", 0))
    limit_param = pag.get("limit_param", "limit")
    page_size = int(params.get(limit_param, pag.get("page_size", 100)))
    if kind == "offset":
        params[limit_param] = str(page_size)
    elif kind == "page" and pag.get("page_size_param"):
        params[pag["page_size_param"]] = str(page_size)
    fmt = str(src.get("format", "json")).lower()

    for page in range(1, max_pages + 1):
        if next_url:
            req_url = next_url
        else:
            q = dict(params)
            if kind == "offset":
                q[pag.get("offset_param", "offset")] = str(offset)
            elif kind == "page":
                q[pag.get("page_param", "page")] = str(page_no)
            req_url = url + (("&" if "?" in url else "?") + urllib.parse.urlencode(q) if q else "")
        status, hdrs, data = _send_with_retry(client, limiter, method, req_url, headers, body, template_url)
        if fmt in ("jsonl", "ndjson", "json_lines"):
            page_records = [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]
            doc = None
        else:
            try:
                doc = json.loads(data or b"null")
            except ValueError as e:
                raise JobError(f"{template_url}: response is not JSON ({e})") from None
            found = json_path(doc, src.get("response_path"))
            page_records = found if isinstance(found, list) else ([] if found is None else [found])
        records.extend(page_records)
        log(f"source {src.get('name')}: page {page}: {len(page_records)} records (total {len(records)})")
        if max_records is not None and len(records) >= max_records:
            break
        next_url = None
        if kind == "cursor":
            nxt = None
            fields = [pag["next_field"]] if pag.get("next_field") else CURSOR_FIELDS
            for f in fields:
                v = json_path(doc, f) if f.startswith("$") else _dotted(doc, f)
                if v not in (None, "", False):
                    nxt = str(v)
                    break
            if not nxt or not page_records:
                break
            if re.match(r"https?://", nxt):
                next_url = nxt
            elif nxt.startswith("/"):
                next_url = urllib.parse.urljoin(url, nxt)
            else:
                params[pag.get("cursor_param", "cursor")] = nxt
        elif kind == "offset":
            if len(page_records) < page_size:
                break
            offset += len(page_records)
        elif kind == "page":
            total = json_path(doc, pag["total_pages_field"]) if pag.get("total_pages_field") else None
            if not page_records or (total is not None and page_no >= int(total)):
                break
            if total is None and pag.get("page_size") and len(page_records) < page_size:
                break
            page_no += 1
        elif kind in ("link_header", "link"):
            nxt = _link_next(hdrs.get("link"))
            if not nxt:
                break
            next_url = urllib.parse.urljoin(req_url, nxt)
        else:
            break
    client.close()
    return records


def _send_with_retry(client, limiter, method, url, headers, body, template_url, attempts=5):
    """GETs a page; 429 and 5xx are retried with backoff (Retry-After honoured)."""
    delay = 0.5
    for attempt in range(1, attempts + 1):
        try:
            status, hdrs, data = client.request(method, url, headers, body, limiter=limiter)
        except (OSError, http.client.HTTPException) as e:
            if attempt == attempts:
                raise JobError(f"{method} {template_url}: {e}") from None
            time.sleep(delay)
            delay = min(delay * 2, 30)
            continue
        if status // 100 == 2:
            return status, hdrs, data
        if (status == 429 or status >= 500) and attempt < attempts:
            wait = delay
            ra = hdrs.get("retry-after")
            if ra and ra.strip().isdigit():
                wait = min(float(ra), 60.0)
            log(f"{method} {template_url}: HTTP {status}, retrying in {wait:.1f}s")
            time.sleep(wait)
            delay = min(delay * 2, 30)
            continue
        snippet = data[:200].decode("utf-8", "replace").strip()
        raise JobError(f"{method} {template_url}: HTTP {status} {snippet}")


# --------------------------------------------------------------------------- REST delivery (workers)

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
            payload = {plan["mapping"].get(k, k): v for k, v in rec.items()
                       if not plan["mapping"] or k in plan["mapping"]}
            rid = request_id(plan["namespace"], rec, rec.get(plan["id_column"]) if plan["id_column"] else None)
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
                    status, hdrs, data = client.request(plan["method"], url, headers, body.encode(), limiter=limiter)
                    error = None
                except Exception as e:  # network errors are retried like retryable statuses
                    status, hdrs, data, error = None, {}, b"", f"{type(e).__name__}: {e}"
                retryable = status is None or status in retry["retry_status_codes"]
                if (status is not None and 200 <= status < 300) or not retryable \
                        or attempts >= retry["max_attempts"]:
                    break
                wait = min(retry["base_delay"] * (2 ** (attempts - 1)), retry["max_delay"])
                ra = hdrs.get("retry-after") if status else None
                if ra and ra.strip().isdigit():
                    wait = min(max(wait, float(ra)), retry["max_delay"])
                time.sleep(wait)
            ok = status is not None and 200 <= status < 300
            if not ok and error is None:
                error = f"HTTP {status}"
            yield (rid, plan["sink"], plan["url_template"], plan["method"], status, ok, attempts,
                   body, data.decode("utf-8", "replace"), error,
                   int((time.time() - started) * 1000), time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)))
    finally:
        client.close()


RATE_HEADROOM = 0.95  # share of max_requests_per_second the delivery sink schedules

RESPONSE_DDL = ("request_id STRING, sink STRING, url STRING, method STRING, status_code INT, "
                "success BOOLEAN, attempts INT, request_body STRING, response_body STRING, "
                "error STRING, latency_ms BIGINT, sent_at STRING")


# --------------------------------------------------------------------------- runner

class Runner:
    def __init__(self, job: dict, args):
        self.job = job
        self.args = args
        self.dry_run = args.dry_run
        self.limit = args.limit
        self.nodes = {}          # name -> DataFrame
        self.watermarked = set() # names of nodes that carry a watermark
        self.kinds = {}          # name -> "source" | "transform"
        self.order = []          # node names in definition order (for previews)
        self.queries = []
        self.stop_requested = False
        self.spark = None
        self.failures = []
        self.mapped_by = {}        # source name -> its endpoint's field_mapping transform
        self.deferred_aliases = {} # map transform name -> endpoint names that mean its output

    # ---------------------------------------------------------------- session
    def start_spark(self):
        from pyspark.sql import SparkSession
        conf = {k: str(v) for k, v in (self.job.get("spark_config") or {}).items()}
        name = conf.get("spark.app.name") or self.job.get("name") or "uis-job"
        conf.setdefault("spark.sql.session.timeZone", "UTC")
        conf.setdefault("spark.ui.showConsoleProgress", "false")
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        under_submit = "PYSPARK_GATEWAY_PORT" in os.environ
        if not under_submit:
            conf["spark.master"] = self.args.master or conf.get("spark.master") or "local[*]"
            jars = self.local_jars()
            if jars:
                conf["spark.jars"] = ",".join(([conf["spark.jars"]] if conf.get("spark.jars") else []) + jars)
                log(f"local Spark {conf['spark.master']} with {len(jars)} connector jars from {self.jars_dir}")
            elif self.job.get("packages"):
                conf.setdefault("spark.jars.packages", ",".join(self.job["packages"]))
            # Locally there is one JVM: executor settings meant for a cluster would only waste memory.
            for k in ("spark.executor.instances", "spark.executor.memory", "spark.executor.cores"):
                conf.pop(k, None)
        self.add_iceberg_catalogs(conf)
        builder = SparkSession.builder.appName(name)
        for k, v in conf.items():
            builder = builder.config(k, resolve(v))
        self.spark = builder.getOrCreate()
        self.spark.sparkContext.setLogLevel(self.args.log_level)
        log(f"Spark {self.spark.version} session '{name}' started (master {self.spark.sparkContext.master})")

    @property
    def jars_dir(self) -> Path:
        if self.args.jars_dir:
            return Path(self.args.jars_dir)
        if os.environ.get("UIS_SPARK_JARS_DIR"):
            return Path(os.environ["UIS_SPARK_JARS_DIR"])
        return Path(__file__).resolve().parents[2] / ".cache" / "jars" / "spark"

    def local_jars(self) -> list:
        d = self.jars_dir
        return sorted(str(p) for p in d.glob("*.jar")) if d.is_dir() else []

    def add_iceberg_catalogs(self, conf: dict):
        """An Iceberg sink whose catalog the spark_config does not define gets one from the sink's
        own catalog_type/warehouse/uri (the local Hadoop catalog by default)."""
        for s in self.job.get("sinks") or []:
            if str(s.get("type")).lower() != "iceberg":
                continue
            cat = s.get("catalog") or "uis"
            key = f"spark.sql.catalog.{cat}"
            conf.setdefault("spark.sql.extensions",
                            "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
            if key in conf:
                continue
            conf[key] = "org.apache.iceberg.spark.SparkCatalog"
            conf[key + ".type"] = s.get("catalog_type", "hadoop")
            if s.get("warehouse"):
                conf[key + ".warehouse"] = s["warehouse"]
            if s.get("uri"):
                conf[key + ".uri"] = s["uri"]

    # ---------------------------------------------------------------- graph
    @property
    def streaming(self) -> bool:
        if self.dry_run:
            return False
        return any(str(s.get("type")).lower() == "kafka" or s.get("streaming") for s in self.job.get("sources") or [])

    def register(self, name: str, df, kind: str, aliases=(), watermarked=False):
        for n in (name, *aliases):
            if n and n not in self.nodes:
                self.nodes[n] = df
                if watermarked:
                    self.watermarked.add(n)
        self.kinds[name] = kind
        self.order.append(name)

    def input_df(self, names: list, what: str):
        if not names:
            raise JobError(f"{what}: no inputs")
        missing = [n for n in names if n not in self.nodes]
        if missing:
            raise JobError(f"{what}: unknown input {missing[0]!r} (known: {', '.join(sorted(self.nodes))})")
        df = self.nodes[names[0]]
        for n in names[1:]:
            df = df.unionByName(self.nodes[n], allowMissingColumns=True)
        return df, any(n in self.watermarked for n in names)

    @staticmethod
    def source_aliases(src: dict, name: str) -> list:
        """The other names a source is known by: its endpoint (`stock_tickers` for
        `rest_stock_tickers`)."""
        aliases = [src.get("endpoint")] if src.get("endpoint") else []
        m = re.match(r"^(rest|file|files|file_ftp|kafka|websocket|webhook|database)_(.+)$", name)
        if m and m.group(2) not in aliases:
            aliases.append(m.group(2))
        return aliases

    def endpoint_mappings(self) -> dict:
        """source name -> the field_mapping transform that maps it: the endpoint's implicit
        `map_<endpoint>` (the compiler emits it first), or a field_mapping named after it.

        An endpoint with a field_mapping is seen through it by everything that names the
        endpoint (a sql query, an `inputs` list): its alias points at the mapped node, the raw
        source stays reachable by its own name."""
        out = {}
        sources = {(s.get("name") or ""): s for s in self.job.get("sources") or []}
        for t in self.job.get("transforms") or []:
            if str(t.get("type", "")).lower() != "field_mapping":
                continue
            ins = inputs_of(t)
            if len(ins) != 1:
                continue
            for sname, src in sources.items():
                names = [sname, *self.source_aliases(src, sname)]
                if ins[0] in names and t.get("name") in [f"map_{a}" for a in names[1:]] and sname not in out:
                    out[sname] = t
        return out

    @staticmethod
    def reader_schema(src: dict, mapping_t: dict | None):
        """The schema to read a source with. A schema may name the columns after the endpoint's
        field_mapping (the REST template declares `symbol` for the raw `ticker`): such fields are
        read under their raw names, with their types, and renamed by the mapping. Returns
        (schema list | None, note)."""
        schema = src.get("schema")
        if not schema or isinstance(schema, str) or not mapping_t:
            return schema, None
        mapping = mapping_t.get("mapping") or {}
        by_target = {v: k for k, v in mapping.items()}
        raw, renamed = [], []
        for f in schema:
            n = f.get("name")
            if n in by_target and n not in mapping:
                rn = by_target[n]
                if "." in rn:  # a field inside a struct: a flat schema cannot say it; infer instead
                    return None, f"schema names mapped column {n!r} from the nested field {rn!r}: inferring the schema"
                raw.append({**f, "name": rn})
                renamed.append(f"{n} <- {rn}")
            else:
                raw.append(f)
        return raw, (f"schema names mapped columns, read as raw fields: {', '.join(renamed)}" if renamed else None)

    def build_sources(self):
        self.mapped_by = self.endpoint_mappings()
        for src in self.job.get("sources") or []:
            kind = str(src.get("type", "")).lower()
            name = src.get("name") or f"{kind}_{len(self.order)}"
            log(f"source {name} ({kind})")
            schema, note = self.reader_schema(src, self.mapped_by.get(name))
            if note:
                log(f"source {name}: {note}")
            src = {**src, "schema": schema}
            if kind in ("rest_api", "rest", "http"):
                df = self.rest_source(src)
            elif kind in ("file", "files", "file_ftp", "csv", "json", "parquet", "xml"):
                df = self.file_source(src, kind)
            elif kind == "kafka":
                df = self.kafka_source(src)
            else:
                raise JobError(f"source {name}: unsupported type {kind!r} (rest_api, file_ftp, kafka)")
            aliases = self.source_aliases(src, name)
            if name in self.mapped_by:
                # the endpoint's name means its mapped columns: registered with map_<endpoint>
                self.deferred_aliases[self.mapped_by[name].get("name")] = aliases
                aliases = []
            self.register(name, df, "source", aliases)

    def rest_source(self, src):
        cap = self.limit if self.dry_run else None
        records = fetch_rest(src, cap)
        ddl = schema_ddl(src.get("schema"))
        sc = self.spark.sparkContext
        rdd = sc.parallelize([json.dumps(r) for r in records], max(1, min(len(records) // 10000, 64)) or 1)
        reader = self.spark.read
        if ddl:
            reader = reader.schema(ddl)
        if not records and not ddl:
            log(f"source {src.get('name')}: no records and no schema: an empty table without columns")
        return reader.json(rdd)

    def file_source(self, src, kind):
        fmt = str(src.get("format") or (kind if kind in ("csv", "json", "parquet", "xml") else "")).lower()
        path = resolve(src.get("path") or src.get("url") or "")
        if not path:
            raise JobError(f"source {src.get('name')}: no path")
        if path.startswith("file://"):
            path = path[len("file://"):] if path.startswith("file:///") else path
        if fmt not in ("csv", "json", "jsonl", "parquet", "xml", "orc", "text", "avro"):
            raise JobError(f"source {src.get('name')}: unsupported file format {fmt!r} (csv, json, xml, parquet)")
        opts = {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in resolve(src.get("options") or {}).items()}
        if fmt == "csv":
            opts.setdefault("header", "true")
            opts.setdefault("inferSchema", "true")
        if fmt == "jsonl":
            fmt = "json"
        if fmt == "xml":
            opts.setdefault("rowTag", "row")
        ddl = schema_ddl(src.get("schema"))
        stream = self.streaming and src.get("streaming", True) and not self.dry_run
        try:
            if stream:
                if not ddl:  # file streams need a schema: take it from the files present now
                    ddl = self.spark.read.format(fmt).options(**opts).load(path).schema
                return self.spark.readStream.format(fmt).options(**opts).schema(ddl).load(path)
            reader = self.spark.read.format(fmt).options(**opts)
            if ddl:
                reader = reader.schema(ddl)
            return reader.load(path)
        except Exception as e:
            if fmt == "xml" and "xml" in str(e).lower() and ("ClassNotFound" in str(e) or "DATA_SOURCE_NOT_FOUND" in str(e) or "Failed to find data source" in str(e)):
                raise JobError("format xml needs the spark-xml jar (com.databricks:spark-xml_2.12): "
                               "run scripts/engines/setup.sh or pass it with --jars") from None
            raise

    def kafka_source(self, src):
        from pyspark.sql import functions as F
        opts = {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in resolve(src.get("options") or {}).items()}
        for k in ("kafka.bootstrap.servers", "subscribe", "subscribePattern", "startingOffsets"):
            if k in src and k not in opts:
                opts[k] = str(resolve(src[k]))
        if "topic" in src and not any(k in opts for k in ("subscribe", "subscribePattern", "assign")):
            opts["subscribe"] = str(src["topic"])
        if "kafka.bootstrap.servers" not in opts:
            raise JobError(f"source {src.get('name')}: kafka options need kafka.bootstrap.servers")
        if self.streaming:
            df = self.spark.readStream.format("kafka").options(**opts).load()
        else:
            opts.pop("maxOffsetsPerTrigger", None)
            # A batch read cannot start at `latest` (Spark rejects it); a preview of what is
            # there starts at the beginning instead.
            if opts.get("startingOffsets", "earliest").strip().lower() == "latest":
                if self.dry_run:
                    log(f"source {src.get('name')}: startingOffsets latest read from earliest for the preview")
                opts["startingOffsets"] = "earliest"
            df = self.spark.read.format("kafka").options(**opts).load()
            if self.dry_run:
                df = df.limit(self.limit)
        ddl = schema_ddl(src.get("schema"))
        fmt = str(src.get("format", "json")).lower()
        if ddl and fmt == "json":
            parsed = df.select(F.from_json(F.col("value").cast("string"), ddl).alias("_v"))
            return parsed.select("_v.*")
        return df.select(F.col("key").cast("string").alias("key"), F.col("value").cast("string").alias("value"),
                         "topic", "partition", "offset", "timestamp")

    def build_transforms(self):
        from pyspark.sql import functions as F
        prev = None
        source_names = [s.get("name") for s in self.job.get("sources") or []]
        for i, t in enumerate(self.job.get("transforms") or []):
            kind = str(t.get("type", "")).lower()
            name = t.get("name") or f"{kind}_{i}"
            ins = inputs_of(t) or ([prev] if prev else source_names)
            mapped_source = next((sn for sn, mt in self.mapped_by.items() if mt is t), None)
            if mapped_source:  # an endpoint's own mapping reads the raw source, whatever it was called
                ins = [mapped_source]
            what = f"transform {name} ({kind})"
            df, wm = self.input_df(ins, what)
            log(f"{what} <- {', '.join(ins)}")
            if kind == "field_mapping":
                df = self.field_mapping(df, t.get("mapping") or {})
            elif kind == "sql":
                for n in ins:
                    self.nodes[n].createOrReplaceTempView(n)
                # also the other known nodes, so queries may join what they name
                for n, d in self.nodes.items():
                    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", n) and n not in ins:
                        d.createOrReplaceTempView(n)
                df = self.spark.sql(t["query"])
            elif kind == "filter":
                df = df.filter(F.expr(t["condition"]))
            elif kind == "schema_validation":
                df = self.schema_validation(name, df, t)
            elif kind == "dedupe":
                df = self.dedupe(df, t, wm)
                wm = wm or (t.get("time_column") is not None and self.streaming)
            elif kind == "watermark":
                df = self.with_time(df, t["time_column"], t)
                delay = t.get("max_out_of_orderness", t.get("delay"))
                if delay is None and t.get("max_out_of_orderness_ms") is not None:
                    delay = f"{t['max_out_of_orderness_ms']} ms"
                df = df.withWatermark(t["time_column"], spark_interval(delay or "0 s"))
                wm = True
            elif kind == "window_aggregate":
                df = self.window_aggregate(df, t, wm)
                wm = True
            else:
                raise JobError(f"{what}: unsupported transform type")
            self.register(name, df, "transform", aliases=self.deferred_aliases.get(name, ()), watermarked=wm)
            prev = name

    def field_mapping(self, df, mapping: dict):
        from pyspark.sql import functions as F
        cols = []
        mapped = set()
        for src_field, target in mapping.items():
            top = src_field.split(".")[0]
            if src_field not in df.columns and top not in df.columns:
                raise JobError(f"field_mapping: source field {src_field!r} not in input columns {df.columns}")
            expr = F.col(f"`{src_field}`") if src_field in df.columns else F.col(src_field)
            cols.append(expr.alias(target))
            mapped.add(src_field)
        targets = set(mapping.values())
        rest = [F.col(f"`{c}`") for c in df.columns if c not in mapped and c not in targets]
        return df.select(*rest, *cols)

    def with_time(self, df, col, t):
        """Event-time columns must be timestamps: strings are parsed, numbers are epoch millis
        (seconds with time_unit: s)."""
        from pyspark.sql import functions as F
        from pyspark.sql.types import StringType, NumericType, TimestampType
        if col not in df.columns:
            raise JobError(f"time column {col!r} not in columns {df.columns}")
        dtype = df.schema[col].dataType
        if isinstance(dtype, TimestampType):
            return df
        if isinstance(dtype, StringType):
            return df.withColumn(col, F.to_timestamp(F.col(col)))
        if isinstance(dtype, NumericType):
            if str(t.get("time_unit", "ms")).lower() in ("s", "seconds"):
                return df.withColumn(col, F.timestamp_seconds(F.col(col)))
            return df.withColumn(col, F.timestamp_millis(F.col(col).cast("long")))
        return df.withColumn(col, F.col(col).cast("timestamp"))

    def schema_validation(self, name, df, t):
        from pyspark.sql import functions as F
        schema = t.get("schema") or []
        on_invalid = str(t.get("on_invalid", "drop")).lower()
        problems = []
        casts = {}
        for f in schema:
            c, typ = f["name"], spark_type(f.get("type", "string"))
            if c not in df.columns:
                casts[c] = F.lit(None).cast(typ)
                problems.append(F.lit(f"missing {c}"))
                continue
            casted = F.col(f"`{c}`").cast(typ)
            problems.append(F.when(F.col(f"`{c}`").isNotNull() & casted.isNull(), F.lit(f"{c}: not {typ}")))
            if f.get("nullable", True) is False:
                problems.append(F.when(F.col(f"`{c}`").isNull(), F.lit(f"{c}: null")))
            casts[c] = casted
        # The problems are computed on the input columns first, then the columns are cast.
        checked = df.withColumn("_uis_errors", F.concat_ws("; ", *problems) if problems else F.lit(""))
        out = checked
        for c, e in casts.items():
            out = out.withColumn(c, e)
        valid = out.filter(F.col("_uis_errors") == "").drop("_uis_errors")
        if on_invalid == "fail":
            # A filter predicate is always evaluated (a projected column that is dropped later
            # would be pruned), so the first invalid row fails the job with its problems.
            fail = F.when(F.col("_uis_errors") != "",
                          F.raise_error(F.concat(F.lit(f"schema_validation {name}: "), F.col("_uis_errors"))))
            return out.filter(fail.isNull()).drop("_uis_errors")
        if on_invalid == "dead_letter":
            bad = checked.filter(F.col("_uis_errors") != "")  # dead letters keep their raw values
            self.register(f"{name}_dead_letter", bad, "transform")
        return valid

    def dedupe(self, df, t, wm):
        keys = t.get("keys") or []
        if not self.streaming:
            return df.dropDuplicates(keys) if keys else df.dropDuplicates()
        if not wm and t.get("time_column"):
            df = self.with_time(df, t["time_column"], t)
            df = df.withWatermark(t["time_column"], spark_interval(t.get("within", "0 s")))
            wm = True
        if wm:
            # Keeps state per key only until the watermark passes it: bounded state.
            return df.dropDuplicatesWithinWatermark(keys) if keys else df.dropDuplicatesWithinWatermark()
        log("dedupe without a watermark on a stream keeps every key forever; add a watermark transform")
        return df.dropDuplicates(keys) if keys else df.dropDuplicates()

    def window_aggregate(self, df, t, wm):
        from pyspark.sql import functions as F
        tc = t["time_column"]
        if tc not in df.columns:
            raise JobError(f"window_aggregate: time column {tc!r} not in columns {df.columns}")
        df = self.with_time(df, tc, t)
        if not wm and t.get("watermark") and self.streaming:
            df = df.withWatermark(tc, spark_interval(t["watermark"]))
        w = F.window(F.col(tc), spark_interval(t["window"]), spark_interval(t["slide"])) if t.get("slide") \
            else F.window(F.col(tc), spark_interval(t["window"]))
        groups = [F.col(f"`{g}`") for g in t.get("group_by") or []]
        aggs = [F.expr(e).alias(out) for out, e in (t.get("aggregates") or {}).items()]
        if not aggs:
            aggs = [F.count(F.lit(1)).alias("count")]
        res = df.groupBy(w.alias("_w"), *groups).agg(*aggs)
        return res.select(F.col("_w.start").alias("window_start"), F.col("_w.end").alias("window_end"),
                          *[F.col(f"`{g}`") for g in t.get("group_by") or []],
                          *[F.col(f"`{o}`") for o in (t.get("aggregates") or {"count": 0})])

    # ---------------------------------------------------------------- preview
    def preview(self):
        for name in self.order:
            df = self.nodes[name]
            cols = [{"name": f.name, "type": f.dataType.simpleString()} for f in df.schema.fields]
            print(PREVIEW, json.dumps({"event": "schema", "node": name, "kind": self.kinds[name], "columns": cols}), flush=True)
            rows = df.limit(self.limit).toJSON().collect()
            for i, r in enumerate(rows):
                print(PREVIEW, json.dumps({"event": "row", "node": name, "index": i, "data": json.loads(r)}), flush=True)
            print(PREVIEW, json.dumps({"event": "end", "node": name, "rows": len(rows)}), flush=True)

    # ---------------------------------------------------------------- sinks
    def build_sinks(self):
        sinks = self.job.get("sinks") or []
        if not sinks:
            raise JobError("the job has no sinks")
        last = self.order[-1] if self.order else None
        for i, s in enumerate(sinks):
            kind = str(s.get("type", "")).lower()
            name = s.get("name") or f"{kind}_{i}"
            ins = inputs_of(s) or ([last] if last else [])
            df, _ = self.input_df(ins, f"sink {name} ({kind})")
            log(f"sink {name} ({kind}) <- {', '.join(ins)}")
            writer = getattr(self, f"sink_{kind}", None)
            if writer is None:
                raise JobError(f"sink {name}: unsupported type {kind!r} "
                               "(parquet, iceberg, clickhouse, kafka, rest_api, console)")
            if df.isStreaming:
                self.start_stream(name, kind, s, df, writer)
            else:
                writer(name, s, df)

    def checkpoint(self, name, s):
        loc = s.get("checkpoint_location") or s.get("checkpointLocation")
        if loc:
            return resolve(loc)
        base = self.args.checkpoint_dir or os.environ.get("UIS_CHECKPOINT_DIR") or \
            self.job.get("checkpoint_location") or os.path.join("/tmp", "uis-checkpoints")
        app = (self.job.get("spark_config") or {}).get("spark.app.name") or self.job.get("name") or "uis-job"
        return os.path.join(resolve(base), re.sub(r"[^A-Za-z0-9_.-]", "_", app), name)

    def trigger(self):
        sched = self.job.get("schedule") or {}
        tt = str(sched.get("trigger_type", "once")).lower()
        if self.args.trigger:
            tt = self.args.trigger
        if tt in ("processing_time", "processingtime", "interval"):
            return {"processingTime": spark_interval(sched.get("trigger_interval", "10 seconds"))}, tt
        # once, cron (a scheduled batch run) and available_now all drain what is there and stop.
        return {"availableNow": True}, tt

    def start_stream(self, name, kind, s, df, writer):
        trig, tt = self.trigger()
        mode = s.get("output_mode", "append")
        ckpt = self.checkpoint(name, s)
        w = df.writeStream.queryName(name).outputMode(mode).option("checkpointLocation", ckpt).trigger(**trig)
        if kind == "parquet":
            path = resolve(s["path"])
            w = w.format("parquet").option("path", path).options(**self.str_opts(s.get("options")))
            if s.get("partition_by"):
                w = w.partitionBy(*s["partition_by"])
        elif kind == "kafka":
            w = self.kafka_frame(df, s).writeStream.queryName(name).outputMode(mode).option("checkpointLocation", ckpt) \
                .trigger(**trig).format("kafka").options(**self.kafka_sink_options(s))
        elif kind == "console":
            w = w.format("console").option("truncate", "false").option("numRows", str(s.get("num_rows", 20)))
        else:
            def batch(bdf, batch_id, _w=writer, _n=name, _s=s):
                log(f"sink {_n}: micro-batch {batch_id}")
                _w(_n, _s, bdf)
            w = w.foreachBatch(batch)
        q = w.start()
        log(f"sink {name}: streaming query {q.id} started (trigger {tt}, checkpoint {ckpt})")
        self.queries.append(q)

    @staticmethod
    def str_opts(opts) -> dict:
        return {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in resolve(opts or {}).items()}

    def sink_parquet(self, name, s, df):
        path = resolve(s.get("path") or "")
        if not path:
            raise JobError(f"sink {name}: parquet needs path")
        w = df.write.mode(s.get("mode", "append")).options(**self.str_opts(s.get("options")))
        if s.get("partition_by"):
            w = w.partitionBy(*s["partition_by"])
        w.parquet(path)
        log(f"sink {name}: wrote parquet {s.get('path')}")

    def iceberg_table(self, s) -> str:
        table = s.get("table") or s.get("table_name")
        if not table:
            raise JobError(f"sink {s.get('name')}: iceberg needs table")
        cat = s.get("catalog") or "uis"
        parts = table.split(".")
        if parts[0] == cat and len(parts) >= 3:
            return table
        if len(parts) == 1:
            ns = s.get("namespace") or "default"
            return f"{cat}.{ns}.{table}"
        return f"{cat}.{table}"

    def sink_iceberg(self, name, s, df):
        from pyspark.sql import functions as F
        full = self.iceberg_table(s)
        ns = full.rsplit(".", 1)[0]
        self.spark.sql(f"CREATE NAMESPACE IF NOT EXISTS {ns}")
        mode = str(s.get("mode", "append")).lower()
        exists = self.spark.catalog.tableExists(full)
        if exists and mode == "append":
            df.writeTo(full).append()
        elif exists and mode in ("overwrite_partitions", "dynamic_overwrite"):
            df.writeTo(full).overwritePartitions()
        else:
            w = df.writeTo(full).using("iceberg")
            parts = [self.partition_expr(p) for p in s.get("partition_by") or []]
            if parts:
                w = w.partitionedBy(*parts)
            for k, v in (s.get("table_properties") or {}).items():
                w = w.tableProperty(k, str(v).lower() if isinstance(v, bool) else str(v))
            if exists:  # mode overwrite
                w.createOrReplace()
            else:
                w.create()
        log(f"sink {name}: {'appended to' if exists and mode == 'append' else 'wrote'} iceberg table {full}")

    @staticmethod
    def partition_expr(p: str):
        """'col', 'days(ts)', 'bucket(16, id)' -> a partition transform for writeTo().partitionedBy."""
        from pyspark.sql import functions as F
        m = re.fullmatch(r"\s*(years|months|days|hours|year|month|day|hour)\s*\(\s*`?(\w+)`?\s*\)\s*", p)
        if m:
            fn = {"year": "years", "month": "months", "day": "days", "hour": "hours"}.get(m.group(1), m.group(1))
            return getattr(F, fn)(F.col(m.group(2)))
        m = re.fullmatch(r"\s*bucket\s*\(\s*(\d+)\s*,\s*`?(\w+)`?\s*\)\s*", p)
        if m:
            return F.bucket(int(m.group(1)), F.col(m.group(2)))
        return F.col(p)

    def sink_clickhouse(self, name, s, df):
        opts = {"url": resolve(s.get("url", "")), "dbtable": s.get("dbtable") or s.get("table") or s.get("table_name"),
                "driver": s.get("driver", "com.clickhouse.jdbc.ClickHouseDriver")}
        if not opts["url"] or not opts["dbtable"]:
            raise JobError(f"sink {name}: clickhouse needs url and dbtable")
        user = s.get("user", s.get("username"))
        if user:
            opts["user"] = resolve(user)
        if s.get("password") is not None:
            opts["password"] = resolve(s["password"])
        # ClickHouse needs an engine when Spark creates the table.
        opts["createTableOptions"] = s.get("create_table_options", "ENGINE = MergeTree() ORDER BY tuple()")
        opts.update(self.str_opts(s.get("options")))
        df.write.format("jdbc").options(**opts).mode(s.get("mode", "append")).save()
        log(f"sink {name}: wrote {opts['dbtable']} over JDBC")

    sink_jdbc = sink_clickhouse

    def kafka_sink_options(self, s) -> dict:
        opts = self.str_opts(s.get("options"))
        for k in ("kafka.bootstrap.servers", "topic"):
            if s.get(k) is not None:
                opts[k] = str(resolve(s[k]))
        if "kafka.bootstrap.servers" not in opts or "topic" not in opts:
            raise JobError(f"sink {s.get('name')}: kafka needs kafka.bootstrap.servers and topic")
        return opts

    @staticmethod
    def kafka_frame(df, s):
        from pyspark.sql import functions as F
        cols = [F.col(f"`{c}`") for c in df.columns]
        value = F.to_json(F.struct(*cols)).alias("value")
        if s.get("key_field"):
            return df.select(F.col(f"`{s['key_field']}`").cast("string").alias("key"), value)
        return df.select(value)

    def sink_kafka(self, name, s, df):
        self.kafka_frame(df, s).write.format("kafka").options(**self.kafka_sink_options(s)).save()
        log(f"sink {name}: wrote to kafka topic {s.get('topic')}")

    def sink_console(self, name, s, df):
        df.show(int(s.get("num_rows", 20)), truncate=False)

    def sink_rest_api(self, name, s, df):
        retry = dict(s.get("retry") or {})
        rps = float(s.get("max_requests_per_second") or s.get("rate_limit") or 0)
        parts = int(s.get("partitions") or max(1, min(df.rdd.getNumPartitions(), self.spark.sparkContext.defaultParallelism)))
        url_t = s.get("url")
        if not url_t:
            raise JobError(f"sink {name}: rest_api needs url")
        headers = resolve(s.get("headers") or {})
        headers.update(auth_headers(s.get("auth")))
        plan = {
            "sink": name,
            "url": resolve(url_t),
            "url_template": url_t,
            "url_has_fields": bool(re.search(r"(?<!\{)\{[A-Za-z_]\w*\}(?!\})", resolve(url_t))),
            "method": str(s.get("method", "POST")).upper(),
            "headers": headers,
            "timeout": float(s.get("timeout", 30)),
            # Each partition gets an equal share, so all partitions together never exceed the limit;
            # 5% headroom keeps a request that arrives a little late (network, a busy receiver)
            # from making the receiver count one too many in a one-second window.
            "per_partition_rps": rps * RATE_HEADROOM / parts if rps else 0.0,
            "retry": {"max_attempts": int(retry.get("max_attempts", 3)),
                      "retry_status_codes": [int(c) for c in retry.get("retry_status_codes", [429, 500, 502, 503, 504])],
                      "base_delay": float(retry.get("base_delay", 0.2)),
                      "max_delay": float(retry.get("max_delay", 2.0))},
            "mapping": dict(s.get("column_mapping") or {}),
            "id_column": s.get("id_column"),
            "namespace": s.get("idempotency_namespace") or f"{name}:{url_t}",
        }
        if isinstance(plan["mapping"], list):
            plan["mapping"] = {m["source_column"]: m["endpoint_param"] for m in plan["mapping"]}
        log(f"sink {name}: delivering rows to {plan['method']} {url_t} "
            f"({parts} partitions, {rps or 'unlimited'} req/s, {plan['retry']['max_attempts']} attempts)")
        responses = df.repartition(parts).rdd.mapPartitions(lambda rows, _p=plan: deliver_partition(rows, _p))
        resp_df = self.spark.createDataFrame(responses, RESPONSE_DDL).cache()
        total = resp_df.count()
        failed = resp_df.filter("NOT success")
        n_failed = failed.count()
        rt = s.get("response_table") or {}
        if isinstance(rt, str):
            rt = {"path": rt}
        rpath = rt.get("path") or s.get("response_table_path") or s.get("response_path")
        if rpath:
            resp_df.write.mode(rt.get("mode", "append")).parquet(resolve(rpath))
            log(f"sink {name}: response table written to {rpath}")
        log(f"sink {name}: {total} requests, {total - n_failed} succeeded, {n_failed} failed")
        if n_failed and s.get("fail_on_error", True):
            first = failed.select("status_code", "error", "response_body").first()
            self.failures.append(f"sink {name}: {n_failed} of {total} requests failed "
                                 f"(first: {first['error']} {str(first['response_body'])[:200]})")
        resp_df.unpersist()

    sink_rest = sink_rest_api

    # ---------------------------------------------------------------- run
    def run(self) -> int:
        self.start_spark()
        self.build_sources()
        self.build_transforms()
        if self.dry_run:
            self.preview()
            log("dry run finished: no sink written")
            return 0
        self.build_sinks()
        if self.queries:
            self.await_queries()
        if self.failures:
            raise JobError("; ".join(self.failures))
        log("job finished")
        return 0

    def await_queries(self):
        last_batch = {}
        deadline = time.time() + self.args.max_run_seconds if self.args.max_run_seconds else None
        while True:
            active = [q for q in self.queries if q.isActive]
            for q in self.queries:
                p = q.lastProgress
                if p and last_batch.get(q.name) != p["batchId"]:
                    last_batch[q.name] = p["batchId"]
                    log(f"sink {q.name}: batch {p['batchId']} read {p.get('numInputRows', 0)} rows")
            for q in self.queries:
                if not q.isActive and q.exception() is not None:
                    for other in self.queries:
                        if other.isActive:
                            other.stop()
                    raise JobError(f"streaming query {q.name} failed: {root_cause_text(q.exception())}")
            if not active:
                return
            if self.stop_requested or (deadline and time.time() > deadline):
                log("stopping streaming queries" + (" (signal)" if self.stop_requested else " (max run time)"))
                for q in active:
                    q.stop()
                return
            try:
                self.spark.streams.awaitAnyTermination(1)
            except Exception:
                pass  # the failing query is reported above
            self.spark.streams.resetTerminated()


def root_cause_text(exc) -> str:
    text = getattr(exc, "desc", None) or str(exc)
    lines = [l for l in text.splitlines() if l.strip()]
    # Spark wraps the cause; the innermost "Caused by:" line names it.
    caused = [l for l in lines if l.strip().startswith("Caused by:")]
    return (caused[-1].strip()[len("Caused by:"):].strip() if caused else (lines[0] if lines else repr(exc)))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Run a UIS spark-job config.")
    ap.add_argument("--job-config", required=True, help="the spark-job JSON")
    ap.add_argument("--dry-run", action="store_true", help="run sources and transforms only and print a preview")
    ap.add_argument("--limit", type=int, default=20, help="rows per node in --dry-run (default 20)")
    ap.add_argument("--master", help="Spark master when not run by spark-submit (default local[*])")
    ap.add_argument("--jars-dir", help="connector jars for a local run (default .cache/jars/spark)")
    ap.add_argument("--checkpoint-dir", help="base directory of streaming checkpoints")
    ap.add_argument("--trigger", choices=["once", "available_now", "processing_time"],
                    help="override schedule.trigger_type")
    ap.add_argument("--max-run-seconds", type=float, default=0, help="stop streaming queries after this long")
    ap.add_argument("--log-level", default="WARN", help="Spark log level (default WARN)")
    args = ap.parse_args(argv)
    try:
        with open(args.job_config, encoding="utf-8") as f:
            job = json.load(f)
    except (OSError, ValueError) as e:
        print(f"{PREFIX} FAILED: cannot read job config {args.job_config}: {e}", flush=True)
        return 2
    runner = Runner(job, args)

    def on_signal(signum, _frame):
        runner.stop_requested = True
        log(f"received signal {signal.Signals(signum).name}")
        if not runner.queries:
            raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    started = time.time()
    try:
        rc = runner.run()
    except KeyboardInterrupt:
        log("stopped by signal")
        rc = 130
    except Exception as e:  # report the root cause, keep the trace on stderr for debugging
        traceback.print_exc(file=sys.stderr)
        print(f"{PREFIX} FAILED: {root_cause(e)}", flush=True)
        rc = 1
    finally:
        if runner.spark is not None:
            try:
                runner.spark.stop()
            except Exception:
                pass
    log(f"exit {rc} after {time.time() - started:.1f}s")
    return rc


if __name__ == "__main__":
    sys.exit(main())
