#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""`uisctl sample` on `s3a://` files against a real S3 store on loopback (versitygw, the
platform's store, started here as the platform starts it): CSV with a header, JSON lines over a
glob of two objects, one JSON document, Parquet's schema from its footer (ranged reads), --check,
a listing longer than one ListObjectsV2 page (continuation tokens; stopped once enough objects
match, and by the byte bound), and clear failures for a wrong secret key (never printed), a
missing object and a dead endpoint.
Skips (77) when versitygw is not built (.cache/bin/versitygw).

usage: test_sample_s3.py UISCTL
"""

import io
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import boto3
import pyarrow as pa
import pyarrow.parquet as pq
from botocore.config import Config
from sampletool import check, sample  # noqa: E402

ROOT = Path(os.environ.get("UIS_SOURCE_DIR") or Path(__file__).resolve().parents[2])
VERSITYGW = ROOT / ".cache" / "bin" / "versitygw"
ACCESS, SECRET = "uissampletest", "sample-Secret-Key-42"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def spec(endpoint, path, fmt, extra=""):
    return (
        'version: "1.1"\nname: s3-sample\nprovider:\n  name: files\n  provider_type: file_ftp\n'
        "  base_url: s3a://samples/data\n  mode: batch\n"
        f'  config: {{ s3_endpoint: "{endpoint}" }}\n'
        f'  endpoints:\n    - name: rows\n      path: "{path}"\n      format: {fmt}\n{extra}'
        "  sinks:\n    - name: out\n      type: console\n"
    )


def run(uisctl, d, text, *args, secret=SECRET):
    path = Path(d) / "s3.uis.yaml"
    path.write_text(text)
    # The keys of the test's store, and no platform or AWS_ENDPOINT_URL to fall back on.
    env = {
        "AWS_ACCESS_KEY_ID": ACCESS,
        "AWS_SECRET_ACCESS_KEY": secret,
        "UIS_PLATFORM_DIR": str(Path(d) / "no-platform"),
    }
    return sample(uisctl, path, *args, env=env, unset=("AWS_ENDPOINT_URL",))


def listing_pages(uisctl, d, endpoint, put):
    """1,000 objects fill S3's first listing page (its maximum, the reader's default); the one
    object the glob names is on the second page, reached by the continuation token."""
    t0 = time.monotonic()
    with ThreadPoolExecutor(16) as pool:
        list(pool.map(lambda i: put(f"data/many/a-{i:04d}.json", b'{"n": %d}\n' % i), range(1000)))
    put("data/many/z.jsonl", b'{"id": 1, "last": true}\n{"id": 2, "last": true}\n')
    print(f"1,001 objects put in {time.monotonic() - t0:.1f}s")

    r, took = run(uisctl, d, spec(endpoint, "many/z*.jsonl", "json"))
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    check(
        r.returncode == 0 and rows == [{"id": 1, "last": True}, {"id": 2, "last": True}],
        f"listing: the object on page 2 is found ({took:.1f}s)",
        r,
    )
    r, _ = run(uisctl, d, spec(endpoint, "many/*.json", "json"), "--limit", "3")
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    check(r.returncode == 0 and rows == [{"n": 0}, {"n": 1}, {"n": 2}], "listing: --limit 3", r)
    # The listing is bounded like a body: with --max-bytes below one page it stops after it.
    r, _ = run(uisctl, d, spec(endpoint, "many/z*.jsonl", "json"), "--max-bytes", "20000")
    check(
        r.returncode == 1
        and "no object matches" in r.stderr
        and "1000 listed" in r.stderr
        and "listing stopped at its bound" in r.stderr,
        "listing: stopped by the byte bound, and said so",
        r,
    )


def main():
    uisctl = sys.argv[1]
    if not VERSITYGW.exists():
        print(f"{VERSITYGW} is not built: skipped")
        return 77
    with tempfile.TemporaryDirectory(prefix="uis-s3-sample-") as d:
        data, meta = Path(d) / "s3", Path(d) / "meta"
        data.mkdir()
        meta.mkdir()
        port = free_port()
        endpoint = f"http://127.0.0.1:{port}"
        gw = subprocess.Popen(
            [
                str(VERSITYGW),
                "--port",
                f"127.0.0.1:{port}",
                "posix",
                "--sidecar",
                str(meta),
                str(data),
            ],
            env=dict(os.environ, ROOT_ACCESS_KEY=ACCESS, ROOT_SECRET_KEY=SECRET),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            s3 = boto3.client(
                "s3",
                endpoint_url=endpoint,
                aws_access_key_id=ACCESS,
                aws_secret_access_key=SECRET,
                region_name="us-east-1",
                config=Config(s3={"addressing_style": "path"}),
            )
            for _ in range(100):
                try:
                    s3.list_buckets()
                    break
                except Exception:
                    time.sleep(0.1)
            s3.create_bucket(Bucket="samples")
            put = lambda key, body: s3.put_object(Bucket="samples", Key=key, Body=body)  # noqa
            put("data/orders.csv", b'id,name,amount\n1,"Smith, J",19.90\n2,Ann,\n3,Bo,7\n')
            put(
                "data/events/a.jsonl",
                b'{"id": 1, "at": "2026-01-02T03:04:05Z"}\n'
                b'{"id": 2, "at": "2026-01-02T03:04:06Z", "x": true}\n',
            )
            put("data/events/b.jsonl", b'{"id": 3, "at": "2026-01-02T03:04:07Z"}\n')
            put("data/events/skip.txt", b"not matched by the glob\n")
            put("data/one.json", json.dumps([{"k": "a", "n": 5000000000}]).encode())
            table = pa.table(
                {
                    "id": pa.array([1, 2], pa.int64()),
                    "price": pa.array([1.5, None], pa.float64()),
                    "name": pa.array(["a", "b"], pa.string()),
                }
            )
            buf = io.BytesIO()
            pq.write_table(table, buf)
            put("data/t.parquet", buf.getvalue())

            r, _ = run(
                uisctl,
                d,
                spec(endpoint, "orders.csv", "csv", '      options: { header: "true" }\n'),
            )
            check(r.returncode == 0, "csv: exits 0", r)
            rows = [json.loads(x) for x in r.stdout.splitlines()]
            check(
                rows
                == [
                    {"id": 1, "name": "Smith, J", "amount": 19.9},
                    {"id": 2, "name": "Ann", "amount": None},
                    {"id": 3, "name": "Bo", "amount": 7},
                ],
                "csv: header, quotes and empty cells as local files read them",
                r,
            )
            check(SECRET not in r.stdout + r.stderr, "the secret key is never printed", r)

            r, _ = run(uisctl, d, spec(endpoint, "events/*.jsonl", "json"))
            rows = [json.loads(x) for x in r.stdout.splitlines()]
            check(
                r.returncode == 0 and [x["id"] for x in rows] == [1, 2, 3],
                "jsonl: the glob's two objects in name order, not the .txt",
                r,
            )
            r, _ = run(uisctl, d, spec(endpoint, "events/*.jsonl", "json"), "--limit", "2")
            check(len(r.stdout.splitlines()) == 2, "jsonl: --limit 2", r)
            r, _ = run(uisctl, d, spec(endpoint, "events/*.jsonl", "json"), "--infer")
            check(
                "- {name: at, type: timestamp, nullable: false}" in r.stdout
                and "- {name: x, type: boolean, nullable: true}" in r.stdout,
                "jsonl: --infer",
                r,
            )
            declared = (
                "      schema:\n        - {name: id, type: int, nullable: false}\n"
                "        - {name: at, type: timestamp, nullable: false}\n"
                "        - {name: gone, type: string, nullable: true}\n"
            )
            r, _ = run(uisctl, d, spec(endpoint, "events/*.jsonl", "json", declared), "--check")
            check(
                r.returncode == 1
                and "UIS-E-DRIFT-FIELD-GONE" in r.stdout
                and "UIS-W-DRIFT-NEW-FIELD" in r.stdout,
                "jsonl: --check finds drift",
                r,
            )

            r, _ = run(uisctl, d, spec(endpoint, "one.json", "json"))
            check(
                r.returncode == 0 and json.loads(r.stdout) == {"k": "a", "n": 5000000000},
                "json document",
                r,
            )

            r, _ = run(uisctl, d, spec(endpoint, "t.parquet", "parquet"), "--infer")
            check(
                r.returncode == 0
                and "- {name: id, type: long, nullable: true}" in r.stdout
                and "- {name: price, type: double, nullable: true}" in r.stdout
                and "- {name: name, type: string, nullable: true}" in r.stdout
                and "2 sampled record(s)" in r.stdout,
                "parquet: the footer's schema",
                r,
            )

            listing_pages(uisctl, d, endpoint, put)

            r, _ = run(uisctl, d, spec(endpoint, "orders.csv", "csv"), secret="wrong-S3-secret")
            check(
                r.returncode == 1 and "403" in r.stderr and "AWS_SECRET_ACCESS_KEY" in r.stderr,
                "wrong secret: 403 with what to check",
                r,
            )
            check(
                "wrong-S3-secret" not in r.stdout + r.stderr, "the wrong secret is not printed", r
            )

            r, _ = run(uisctl, d, spec(endpoint, "nothing*.csv", "csv"))
            check(r.returncode == 1 and "no object matches" in r.stderr, "no match: said so", r)

            r, took = run(uisctl, d, spec(f"http://127.0.0.1:{free_port()}", "orders.csv", "csv"))
            check(
                r.returncode == 1 and "cannot reach the S3 store" in r.stderr,
                "dead endpoint: a clear message",
                r,
            )
            check(took < 30, f"dead endpoint fails fast ({took:.1f}s)", r)
        finally:
            gw.terminate()
            gw.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
