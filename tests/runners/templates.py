# SPDX-License-Identifier: Apache-2.0
"""Helpers for running the shipped templates on local data: the built `uisctl`, a copy of a spec
whose source location is rewritten, data made from the spec's own endpoints (schema, field_mapping,
path, format, response_path), a paginated JSON API serving it, and the runner's preview lines.

Only the source location of the copy changes (`provider.base_url`); everything else is the
template as shipped, compiled by the real compiler."""

import json
import os
import re
import subprocess
import threading
from datetime import UTC, date, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
TEMPLATES = REPO / "resources" / "templates"
SEEDS = REPO / "tests" / "data" / "seeds"
SPARK_MODES = ("batch", "micro_batch")


def bin_dir() -> Path:
    return Path(os.environ.get("UIS_BIN_DIR") or REPO / "build" / "bin")


def tool(name: str) -> Path:
    p = bin_dir() / name
    if not (p.is_file() and os.access(p, os.X_OK)):
        raise AssertionError(
            f"{p} is not built (set UIS_BIN_DIR to the build's bin directory, "
            f"or build {name} into build/bin)"
        )
    return p


def all_specs() -> list:
    return sorted(TEMPLATES.glob("*.uis.yaml")) + sorted(SEEDS.glob("*.uis.yaml"))


def spec_id(path: Path) -> str:
    return path.name[: -len(".uis.yaml")]


def load(path_or_text) -> dict:
    text = path_or_text.read_text() if isinstance(path_or_text, Path) else path_or_text
    return yaml.safe_load(text)


def mode_of(path: Path) -> str:
    return load(path)["provider"]["mode"]


def rewrite_base_url(text: str, new_base: str) -> str:
    """The spec text with `provider.base_url` replaced (and nothing else)."""
    pat = re.compile(r"^(\s*base_url:[ \t]*).*$", re.M)
    found = pat.findall(text)
    assert len(found) == 1, f"expected one base_url line, found {len(found)}"
    return pat.sub(lambda m: m.group(1) + json.dumps(new_base), text)


def compile_spec(spec_file: Path, target: str, *extra, out_file: Path | None = None) -> str:
    p = subprocess.run(
        [str(tool("uisctl")), "compile", str(spec_file), "--target", target, *extra],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert p.returncode == 0, (
        f"uisctl compile {spec_file.name} --target {target}: exit {p.returncode}\n{p.stderr}"
    )
    if out_file is not None:
        out_file.write_text(p.stdout)
    return p.stdout


# ------------------------------------------------------------------ data from the spec


def raw_fields(endpoint: dict) -> list:
    """[(raw name, type, nullable)] of the records a source delivers: the schema's fields, named
    as they arrive (a schema field that is a field_mapping target is delivered under its mapping
    source), plus mapping sources the schema does not list (as strings)."""
    mapping = endpoint.get("field_mapping") or {}
    by_target = {v: k for k, v in mapping.items()}
    out = []
    for f in endpoint.get("schema") or []:
        name = f["name"]
        if name in by_target and name not in mapping:
            name = by_target[name]
        out.append((name, str(f.get("type", "string")).lower(), f.get("nullable", True)))
    for src in mapping:
        if src not in [n for n, _, _ in out]:
            out.append((src, "string", False))
    return out


def value(name: str, typ: str, nullable: bool, i: int):
    """Deterministic values: every 4th row leaves nullable fields empty, nullable ints cycle
    through 0 so filters on them have something to drop."""
    if nullable and i % 4 == 0:
        return None
    if typ in ("int", "integer", "long", "bigint"):
        return i if not nullable else i % 3
    if typ in ("double", "float") or typ.startswith("decimal"):
        return round(i * 1.25, 2)
    if typ in ("boolean", "bool"):
        return i % 2 == 0
    if typ == "date":
        return (date(2024, 1, 1) + timedelta(days=i)).isoformat()
    if typ == "timestamp":
        return (datetime(2024, 1, 1, 12, tzinfo=UTC) + timedelta(minutes=i)).strftime(
            "%Y-%m-%d %H:%M:%S"
        )
    return f"{name}-{i}"


def records(endpoint: dict, n: int) -> list:
    fields = raw_fields(endpoint)
    return [
        {name: value(name, typ, nullable, i) for name, typ, nullable in fields}
        for i in range(1, n + 1)
    ]


def write_files(endpoint: dict, base: Path, n: int = 8) -> Path:
    """Writes the endpoint's records where its path glob finds them, in its format."""
    rel = endpoint["path"].lstrip("/").replace("*", "part-0001")
    target = base / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    rows = records(endpoint, n)
    fmt = str(endpoint.get("format", "json")).lower()
    if fmt == "csv":
        opts = endpoint.get("options") or {}
        sep = opts.get("delimiter", opts.get("sep", ","))
        names = [f[0] for f in raw_fields(endpoint)]
        lines = [sep.join(names)] if str(opts.get("header", "true")).lower() == "true" else []
        lines += [sep.join("" if r[c] is None else str(r[c]) for c in names) for r in rows]
        target.write_text("\n".join(lines) + "\n")
    elif fmt in ("json", "jsonl"):
        target.write_text("".join(json.dumps(r) + "\n" for r in rows))
    elif fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        types = {
            "string": pa.string(),
            "int": pa.int32(),
            "integer": pa.int32(),
            "long": pa.int64(),
            "bigint": pa.int64(),
            "double": pa.float64(),
            "float": pa.float32(),
            "boolean": pa.bool_(),
            "date": pa.date32(),
            "timestamp": pa.timestamp("us", tz="UTC"),
        }
        cols = {}
        schema = []
        for name, typ, _ in raw_fields(endpoint):
            m = re.fullmatch(r"decimal\((\d+),\s*(\d+)\)", typ)
            t = pa.decimal128(int(m.group(1)), int(m.group(2))) if m else types[typ]
            vals = [r[name] for r in rows]
            if typ == "date":
                vals = [None if v is None else date.fromisoformat(v) for v in vals]
            elif typ == "timestamp":
                vals = [
                    None if v is None else datetime.fromisoformat(v).replace(tzinfo=UTC)
                    for v in vals
                ]
            elif m:
                from decimal import Decimal

                vals = [None if v is None else Decimal(str(v)) for v in vals]
            cols[name] = vals
            schema.append(pa.field(name, t))
        pq.write_table(pa.Table.from_pydict(cols, schema=pa.schema(schema)), target)
    else:
        raise AssertionError(f"no local data writer for format {fmt!r}")
    return target


def nest(path: str | None, payload, extra: dict) -> dict:
    """Puts `payload` where the JSONPath `$.a.b` points; `extra` at the top level."""
    keys = re.findall(r"[A-Za-z_][A-Za-z0-9_-]*", (path or "$").lstrip("$"))
    if not keys:
        return payload  # response_path `$`: the list itself is the body (no room for a cursor)
    doc = payload
    for k in reversed(keys):
        doc = {k: doc}
    doc.update(extra)
    return doc


def api_handler(spec: dict, total: int = 7, page_size: int = 3):
    """A handler class serving each REST endpoint's records at its path, nested at its
    response_path, `page_size` per page with a `next_url` cursor (what the Polygon API the
    templates name does); requests are recorded on the class."""
    endpoints = {e["path"]: e for e in spec["provider"]["endpoints"]}

    class Api(BaseHTTPRequestHandler):
        requests = []
        lock = threading.Lock()

        def log_message(self, *a):
            pass

        def do_GET(self):
            u = urlsplit(self.path)
            q = {k: v[0] for k, v in parse_qs(u.query).items()}
            with self.lock:
                self.requests.append({"path": u.path, "query": q, "headers": dict(self.headers)})
            e = endpoints.get(u.path)
            if e is None:
                return self.reply(404, {"error": f"no endpoint {u.path}"})
            recs = records(e, total)
            start = int(q.get("cursor", "0"))
            page = recs[start : start + page_size]
            nxt = None
            if start + page_size < total:
                nq = dict(q, cursor=str(start + page_size))
                nxt = f"http://{self.headers['Host']}{u.path}?{urlencode(nq)}"
            self.reply(200, nest(e.get("response_path"), page, {"status": "OK", "next_url": nxt}))

        def reply(self, status, body):
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Api


def placeholders(text: str) -> dict:
    """Environment values for every placeholder in a spec ({{x}} -> X, {{env.X}} -> X,
    {{secret.S:K}} -> UIS_SECRET_S_K), each a recognisable test value."""
    env = {}
    for tok in re.findall(r"\{\{\s*([^{}]+?)\s*\}\}", text):
        if tok.startswith("env."):
            name = tok[4:]
        elif tok.startswith("secret."):
            scope, _, key = tok[7:].partition(":")
            name = "UIS_SECRET_" + re.sub(r"[^A-Za-z0-9]", "_", f"{scope}_{key}").upper()
        else:
            name = tok.upper()
        env[name] = f"test-{re.sub(r'[^a-z0-9]', '-', name.lower())}"
    return env


# ------------------------------------------------------------------ runner output


def previews(stdout: str) -> dict:
    """node -> {"kind", "columns": {name: type}, "rows": [...], "end": n}."""
    out = {}
    for line in stdout.splitlines():
        if not line.startswith("uis-preview: "):
            continue
        e = json.loads(line[len("uis-preview: ") :])
        node = out.setdefault(e["node"], {"rows": []})
        if e["event"] == "schema":
            node["kind"] = e["kind"]
            node["columns"] = {c["name"]: c["type"] for c in e["columns"]}
        elif e["event"] == "row":
            node["rows"].append(e["data"])
        elif e["event"] == "end":
            node["end"] = e["rows"]
    return out


SPARK_TYPES = {
    "string": "string",
    "int": "int",
    "integer": "int",
    "long": "bigint",
    "bigint": "bigint",
    "double": "double",
    "float": "float",
    "boolean": "boolean",
    "date": "date",
    "timestamp": "timestamp",
    "json": "string",
}


def spark_type(t: str) -> str:
    t = str(t).lower().replace(" ", "")
    return SPARK_TYPES.get(t, t)
