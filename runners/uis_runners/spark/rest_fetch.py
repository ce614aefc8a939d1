# SPDX-License-Identifier: Apache-2.0
"""The `rest_api` source: every page of a REST endpoint fetched on the driver."""

from __future__ import annotations

import http.client
import json
import re
import time
import urllib.parse

from ..errors import JobError
from ..httpclient import HttpClient, RateLimiter, auth_headers, auth_query
from ..log import log
from ..placeholders import resolve


def json_path(doc, path: str | None):
    """Simple JSONPath: $, $.a.b, $.a[0].b, $['a'], $.a[*]. Returns None when absent."""
    if path in (None, "", "$"):
        return doc
    p = path.strip()
    if p.startswith("$"):
        p = p[1:]
    tokens = re.findall(
        r"\.([^.\[\]]+)|\[\s*'([^']*)'\s*\]|\[\s*\"([^\"]*)\"\s*\]|\[\s*(\d+|\*)\s*\]", p
    )
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
CURSOR_FIELDS = [
    "next_url",
    "next",
    "next_page_url",
    "nextPageUrl",
    "next_cursor",
    "nextCursor",
    "cursor",
    "links.next",
    "meta.next_cursor",
    "pagination.next_cursor",
    "paging.next",
    "response_metadata.next_cursor",
]


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
        m = re.match(r"\s*<([^>]*)>\s*;(.*)", part)
        if m and re.search(r'rel\s*=\s*"?next"?', m.group(2)):
            return m.group(1)
    return None


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
    params = {
        k: str(v) for k, v in resolve(src.get("params") or src.get("query_params") or {}).items()
    }
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
        status, hdrs, data = _send_with_retry(
            client, limiter, method, req_url, headers, body, template_url
        )
        if fmt in ("jsonl", "ndjson", "json_lines"):
            page_records = [
                json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()
            ]
            doc = None
        else:
            try:
                doc = json.loads(data or b"null")
            except ValueError as e:
                raise JobError(f"{template_url}: response is not JSON ({e})") from None
            found = json_path(doc, src.get("response_path"))
            page_records = found if isinstance(found, list) else ([] if found is None else [found])
        records.extend(page_records)
        log(
            f"source {src.get('name')}: page {page}: {len(page_records)} records "
            f"(total {len(records)})"
        )
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
            total = (
                json_path(doc, pag["total_pages_field"]) if pag.get("total_pages_field") else None
            )
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
