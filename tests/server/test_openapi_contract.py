#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The API as a contract: Schemathesis against a live dcp-local, with its token.

Starts dcp-local on a free loopback port with engines that exit at once (`/bin/false`), so that
the jobs the fuzzer submits fail fast instead of running Spark or Flink; reads its OpenAPI
document from `GET /api/v1/openapi.json` (no token) and runs Schemathesis with the checks

    not_a_server_error, status_code_conformance, content_type_conformance,
    response_schema_conformance, ignored_auth

(the 4.x names): no 5xx, no response outside the document, no request served without the
token. Bounded: a few examples per operation and a hard time limit.

    .venv/bin/python tests/server/test_openapi_contract.py --dcp-local build/bin/dcp-local

Environment: UIS_CONTRACT_MAX_EXAMPLES (default 25), UIS_CONTRACT_SEED (default fixed, so a
failure reproduces; `random` for a new one), UIS_CONTRACT_TIME_LIMIT (seconds, default 80).
Exit status 0 when everything conforms, 1 on a finding, 77 when Schemathesis is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ",".join(
    [
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_schema_conformance",
        "ignored_auth",
    ]
)
SKIP = 77  # ctest SKIP_RETURN_CODE


def request(url: str, token: str | None = None, method: str = "GET", body: bytes | None = None):
    req = urllib.request.Request(url, method=method, data=body)
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    if body is not None:
        req.add_header("Content-Type", "application/json")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(req, timeout=10) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def start_server(exe: str, data: Path) -> tuple[subprocess.Popen, str, str]:
    proc = subprocess.Popen(
        [
            exe,
            "--listen",
            "127.0.0.1:0",
            "--data-dir",
            str(data),
            "--spark-submit",
            "/bin/false",
            "--flink",
            "/bin/false",
            "--kill-grace",
            "1",
            "--runners-dir",
            str(ROOT / "runners"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    deadline = time.time() + 20
    state = data / "server.json"
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"dcp-local exited at start ({proc.returncode}): {proc.stdout.read()}")
        if state.exists():
            try:
                url = json.loads(state.read_text())["url"]
                return proc, url, (data / "token").read_text().strip()
            except (ValueError, KeyError):
                pass
        time.sleep(0.1)
    proc.kill()
    raise SystemExit("dcp-local did not start within 20 s")


def stop_server(proc: subprocess.Popen) -> str:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return proc.stdout.read() if proc.stdout else ""


def sanity(url: str, token: str) -> list[str]:
    """What Schemathesis takes for granted: the document is served without a token and is
    OpenAPI 3.1, and the API itself does want the token."""
    problems = []
    status, headers, body = request(url + "/api/v1/openapi.json")
    if status != 200:
        problems.append(f"GET /api/v1/openapi.json without a token: {status}")
    elif not headers.get("Content-Type", "").startswith("application/json"):
        problems.append(f"openapi.json Content-Type {headers.get('Content-Type')!r}")
    else:
        doc = json.loads(body)
        if not str(doc.get("openapi", "")).startswith("3.1"):
            problems.append(f"openapi is {doc.get('openapi')!r}, not 3.1.x")
        if "bearer" not in doc.get("components", {}).get("securitySchemes", {}):
            problems.append("no bearer security scheme")
    status, _, _ = request(url + "/api/v1/jobs")
    if status != 401:
        problems.append(f"GET /api/v1/jobs without a token: {status}, not 401")
    return problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dcp-local", default=str(ROOT / "build" / "bin" / "dcp-local"))
    ap.add_argument("--schemathesis", default=str(ROOT / ".venv" / "bin" / "schemathesis"))
    args = ap.parse_args()
    st = args.schemathesis if os.path.exists(args.schemathesis) else shutil.which("schemathesis")
    if not st:
        print("SKIP: schemathesis is not installed (pip install -r scripts/requirements.txt)")
        return SKIP
    version = subprocess.run([st, "--version"], capture_output=True, text=True).stdout.strip()
    max_examples = os.environ.get("UIS_CONTRACT_MAX_EXAMPLES", "25")
    seed = os.environ.get("UIS_CONTRACT_SEED", "20261126")
    if seed == "random":
        seed = str(random.randrange(1 << 31))
    limit = float(os.environ.get("UIS_CONTRACT_TIME_LIMIT", "80"))

    started = time.time()
    with tempfile.TemporaryDirectory(prefix="uis-contract-") as tmp:
        data = Path(tmp) / "data"
        proc, url, token = start_server(args.dcp_local, data)
        try:
            problems = sanity(url, token)
            cmd = [
                st,
                "run",
                url + "/api/v1/openapi.json",
                "--url",
                url,
                "--header",
                f"Authorization: Bearer {token}",
                "--checks",
                CHECKS,
                "--max-examples",
                max_examples,
                "--seed",
                seed,
                "--request-timeout",
                "10",
                "--generation-database",
                "none",
                "--suppress-health-check",
                "all",
                "--workers",
                "1",
                "--no-color",
            ]
            # GET /api/v1/targets comes with the targets work; a server without it is tested on
            # the rest (the document describes it either way).
            status, _, body = request(url + "/api/v1/targets", token)
            if status == 404 and b'"not_found"' in body:
                print("note: this dcp-local has no GET /api/v1/targets yet: not fuzzed")
                cmd += ["--exclude-path", "/api/v1/targets"]
            print(f"{version}; checks {CHECKS}; {max_examples} examples; seed {seed}", flush=True)
            try:
                run = subprocess.run(
                    cmd,
                    cwd=tmp,
                    timeout=max(10.0, limit - (time.time() - started)),
                    stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT,
                    text=True,
                    env={**os.environ, "NO_COLOR": "1", "SCHEMATHESIS_HOOKS": ""},
                )
                print(run.stdout)
                if run.returncode != 0:
                    problems.append(f"schemathesis exited with {run.returncode}")
            except subprocess.TimeoutExpired as e:
                out = e.stdout if isinstance(e.stdout, str) else (e.stdout or b"").decode()
                print(out)
                problems.append(f"schemathesis did not finish within {limit:.0f} s")
            if proc.poll() is not None:
                problems.append(f"dcp-local died during the run ({proc.returncode})")
        finally:
            log = stop_server(proc)
        if proc.returncode not in (0, None):
            problems.append(f"dcp-local exited with {proc.returncode}:\n{log}")
    print(f"contract test took {time.time() - started:.1f} s")
    for p in problems:
        print("FAIL:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
