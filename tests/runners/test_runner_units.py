# SPDX-License-Identifier: Apache-2.0
"""Engine-free parts of the runners: SQL splitting, placeholders, JSONPath, every REST
pagination kind against a local HTTP server, and the order of the Spark preview's lines when its
nodes are fetched side by side."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit

import pytest

from uis_runners.errors import JobError
from uis_runners.flink.statements import split_sql
from uis_runners.placeholders import resolve
from uis_runners.sessions.inline_views import InlineViews
from uis_runners.spark.delivery import request_id
from uis_runners.spark.options import duration_seconds, spark_interval
from uis_runners.spark.preview import fetch_in_order, write_in_order
from uis_runners.spark.rest_fetch import fetch_rest, json_path

# ------------------------------------------------------------------ SQL splitting


def test_split_sql_quotes_comments_and_statement_sets():
    script = """
    -- a comment; with a semicolon
    SET 'pipeline.name' = 'it''s; fine';
    SET parallelism.default = 2;
    CREATE TABLE `a;b` (x STRING) WITH ('connector' = 'print', 'x' = '/* not a comment */');
    /* block; comment
       over lines */
    CREATE TEMPORARY VIEW v AS SELECT "q;uoted" AS c, x FROM `a;b`;
    EXECUTE STATEMENT SET BEGIN
      INSERT INTO t1 SELECT * FROM v;
      -- inside the set
      INSERT INTO t2 SELECT ';' FROM v;
    END;
    BEGIN STATEMENT SET;
    INSERT INTO t3 SELECT 1;
    END;
    EXECUTE INSERT INTO t4 SELECT 2;
    RESET 'pipeline.name';
    SELECT 1
    """
    st = split_sql(script)
    assert [s.kind for s in st] == [
        "set",
        "set",
        "ddl",
        "ddl",
        "statement_set",
        "statement_set",
        "insert",
        "reset",
        "select",
    ]
    assert (st[0].key, st[0].value) == ("pipeline.name", "it's; fine")
    assert (st[1].key, st[1].value) == ("parallelism.default", "2")
    assert "'/* not a comment */'" in st[2].text and "`a;b`" in st[2].text
    assert '"q;uoted"' in st[3].text and "block" not in st[3].text
    assert st[4].inserts == ["INSERT INTO t1 SELECT * FROM v", "INSERT INTO t2 SELECT ';' FROM v"]
    assert st[5].inserts == ["INSERT INTO t3 SELECT 1"]
    assert st[6].text == "INSERT INTO t4 SELECT 2"
    assert st[2].line == 5 and st[4].line == 9


@pytest.mark.parametrize(
    "bad, msg",
    [
        ("SELECT 'open", "unterminated"),
        ("/* never closed", "unterminated /*"),
        ("EXECUTE STATEMENT SET BEGIN INSERT INTO t SELECT 1;", "without END"),
        ("BEGIN STATEMENT SET; CREATE TABLE t (x INT); END;", "only hold INSERT"),
    ],
)
def test_split_sql_errors(bad, msg):
    with pytest.raises(JobError, match=msg):
        split_sql(bad)


# ------------------------------------------------------------------ placeholders


def test_placeholders(monkeypatch):
    monkeypatch.setenv("API_KEY", "k1")
    monkeypatch.setenv("HOST", "h")
    monkeypatch.setenv("UIS_SECRET_DB_PROD_PASSWORD", "pw")
    monkeypatch.setenv("mixedCase", "m")
    got = resolve(
        {
            "a": "Bearer {{api_key}}",
            "b": ["{{ env.HOST }}:1"],
            "c": "{{secret.db-prod:password}}",
            "d": "{{mixedCase}}",
            "n": 3,
        }
    )
    assert got == {"a": "Bearer k1", "b": ["h:1"], "c": "pw", "d": "m", "n": 3}
    assert resolve("x={{env.HOST}} y={{secret.db-prod:password}}") == "x=h y=pw"
    monkeypatch.delenv("HOST")
    with pytest.raises(JobError, match=r"\{\{env.HOST\}\}: environment variable HOST is not set"):
        resolve("{{env.HOST}}")
    with pytest.raises(JobError, match="UIS_SECRET_VAULT_X is not set"):
        resolve("{{secret.vault:x}}")


def test_json_path_and_durations():
    doc = {"data": {"items": [{"a": 1}, {"a": 2}]}, "x-y": {"z": 3}}
    assert json_path(doc, "$.data.items") == [{"a": 1}, {"a": 2}]
    assert json_path(doc, "$.data.items[1].a") == 2
    assert json_path(doc, "$['x-y'].z") == 3
    assert json_path(doc, "$") is doc
    assert json_path(doc, "$.nope.items") is None
    assert spark_interval("5 min") == "300 seconds"
    assert spark_interval("1500ms") == "1500 milliseconds"
    assert duration_seconds("2 hours") == 7200
    with pytest.raises(JobError):
        duration_seconds("5 parsecs")


# ------------------------------------------------------------------ REST pagination

DATA = [{"id": i} for i in range(7)]


class Paged(BaseHTTPRequestHandler):
    seen = []

    def log_message(self, *a):
        pass

    def do_GET(self):
        u = urlsplit(self.path)
        q = {k: v[0] for k, v in parse_qs(u.query).items()}
        Paged.seen.append((u.path, q))
        headers = {}
        if u.path == "/offset":
            o, n = int(q["offset"]), int(q["limit"])
            body = {"results": DATA[o : o + n]}
        elif u.path == "/page":
            p, n = int(q["page"]), int(q["per_page"])
            body = {"items": DATA[(p - 1) * n : p * n], "meta": {"pages": 3}}
        elif u.path == "/link":
            p = int(q.get("p", 1))
            body = DATA[(p - 1) * 3 : p * 3]
            if p < 3:
                headers["Link"] = (
                    f"<http://127.0.0.1:{self.server.server_address[1]}/link?p={p + 1}>; "
                    'rel="next", <x>; rel="last"'
                )
        elif u.path == "/next-url":
            p = int(q.get("p", 1))
            nxt = f"/next-url?p={p + 1}" if p < 3 else None
            body = {"data": DATA[(p - 1) * 3 : p * 3], "links": {"next": nxt}}
        else:
            body = {}
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(data)))
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)


@pytest.mark.parametrize(
    "path, src, calls",
    [
        (
            "/offset",
            {
                "pagination": {"type": "offset"},
                "params": {"limit": "3"},
                "response_path": "$.results",
            },
            3,
        ),
        (
            "/page",
            {
                "pagination": {
                    "type": "page",
                    "page_size_param": "per_page",
                    "page_size": 3,
                    "total_pages_field": "$.meta.pages",
                },
                "response_path": "$.items",
            },
            3,
        ),
        ("/link", {"pagination": "link_header"}, 3),
        ("/next-url", {"pagination": "cursor", "response_path": "$.data"}, 3),
    ],
)
def test_rest_pagination_kinds(http_server, path, src, calls):
    Paged.seen = []
    srv = http_server(Paged)
    records = fetch_rest({"name": "t", "url": srv.url + path, **src})
    assert records == DATA
    assert len(Paged.seen) == calls


def test_rest_preview_limit_stops_paging(http_server):
    Paged.seen = []
    srv = http_server(Paged)
    records = fetch_rest(
        {"name": "t", "url": srv.url + "/link", "pagination": "link_header"}, max_records=2
    )
    assert records == DATA[:3] and len(Paged.seen) == 1


def test_request_ids_are_deterministic():
    a = request_id("sink:url", {"x": 1, "y": "a"})
    assert a == request_id("sink:url", {"y": "a", "x": 1})
    assert a != request_id("sink:url", {"x": 2, "y": "a"})
    assert request_id("s", {"x": 1}, "id-7") == request_id("s", {"x": 99}, "id-7")


def test_views_become_with_items_in_order():
    """The warm Flink paths inline the script's views (sessions/inline_views.py)."""
    views = InlineViews()
    assert views.query("SELECT 1") == "SELECT 1"
    for st in split_sql(
        """CREATE TABLE t (x INT) WITH ('connector' = 'datagen');
        CREATE TEMPORARY VIEW `a b` AS SELECT x FROM t WHERE x > 0;
        CREATE VIEW IF NOT EXISTS c (y) AS
          SELECT x FROM `a b`;
        CREATE TEMPORARY VIEW cat.db.q AS SELECT 1;"""
    ):
        views.note(st.text)
    q = "SELECT * FROM TABLE(TUMBLE(TABLE c, DESCRIPTOR(ts), INTERVAL '1' MINUTE))"
    assert views.query(q) == (
        "WITH `a b` AS (\nSELECT x FROM t WHERE x > 0\n),\nc (y) AS (\nSELECT x FROM `a b`\n)\n" + q
    )
    # a query's own WITH items come after the views' (they may use them)
    assert views.query("with d AS (SELECT y FROM c) SELECT * FROM d").startswith("WITH `a b` AS (")
    assert views.query("with d AS (SELECT y FROM c) SELECT * FROM d").endswith(
        "\n),\nd AS (SELECT y FROM c) SELECT * FROM d"
    )


# ------------------------------------------------------------------ Spark preview order


class Nodes:
    """Fake node fetches for spark/preview.py: each knows its columns at once, then has its rows
    after its delay; counts how many run at once."""

    def __init__(self, delays: dict, fail=None):
        self.delays = delays
        self.fail = fail  # the node whose collect raises
        self.lock = threading.Lock()
        self.running = self.most = 0
        self.begun = []

    def fetch(self, name: str, known) -> list:
        with self.lock:
            self.begun.append(name)
            self.running += 1
            self.most = max(self.most, self.running)
        try:
            known([{"name": "x", "type": "int"}])
            time.sleep(self.delays[name])
            if name == self.fail:
                raise RuntimeError(f"{name} failed")
            return [json.dumps({"x": i, "node": name}) for i in range(2)]
        finally:
            with self.lock:
                self.running -= 1


def preview_lines(capsys, names, fetch, stopped=lambda: False, workers=4) -> list:
    kinds = {n: "source" if i == 0 else "transform" for i, n in enumerate(names)}
    try:
        write_in_order(names, kinds, fetch, stopped, workers)
    finally:
        out = capsys.readouterr().out.splitlines()
    return [json.loads(line.removeprefix("uis-preview: ")) for line in out]


def test_preview_lines_keep_definition_order_when_fetches_end_out_of_order(capsys):
    names = ["a", "b", "c"]
    nodes = Nodes({"a": 0.3, "b": 0.15, "c": 0.0})
    lines = preview_lines(capsys, names, nodes.fetch)
    assert nodes.most == 3  # side by side
    sequential = Nodes({n: 0.0 for n in names})
    assert preview_lines(capsys, names, sequential.fetch, workers=1) == lines
    assert sequential.most == 1
    assert [(e["event"], e["node"]) for e in lines] == [
        (ev, n) for n in names for ev in ("schema", "row", "row", "end")
    ]
    assert lines[0] == {
        "event": "schema",
        "node": "a",
        "kind": "source",
        "columns": [{"name": "x", "type": "int"}],
    }
    assert lines[1] == {"event": "row", "node": "a", "index": 0, "data": {"x": 0, "node": "a"}}
    assert lines[3] == {"event": "end", "node": "a", "rows": 2}


def test_a_failed_node_fails_in_its_turn():
    """The nodes before it come whole, the failure next (not a later node's lines)."""
    nodes = Nodes({"a": 0.2, "b": 0.0, "c": 0.0}, fail="b")
    got = []
    with pytest.raises(RuntimeError, match="b failed"):
        for name, _cols, rows in fetch_in_order(["a", "b", "c"], nodes.fetch, lambda: False):
            got.append((name, rows is not None))
    assert got == [("a", False), ("a", True), ("b", False)]


def test_a_stop_ends_the_lines_at_once():
    """A stop while a node's rows are awaited: nothing more is yielded, not even the rows that
    arrive later, and the fetches not yet begun never begin."""
    stop = threading.Event()
    nodes = Nodes({"a": 0.0, "b": 2.0, "c": 2.0, "d": 0.0})  # d waits for a worker
    got = []
    t0 = time.monotonic()
    for name, _cols, rows in fetch_in_order(list("abcd"), nodes.fetch, stop.is_set, workers=2):
        got.append((name, rows is not None))
        if name == "b":
            stop.set()  # what spark_warm.interrupt() sets
    assert time.monotonic() - t0 < 1.0  # b's 2 s collect is not waited for
    assert got == [("a", False), ("a", True), ("b", False)]
    assert "d" not in nodes.begun


def test_enter_runs_in_the_fetching_thread():
    """Spark Connect's tags belong to a thread: each fetch's thread has entered first."""
    local = threading.local()

    def fetch(name, known):
        known([])
        return [json.dumps({"tag": getattr(local, "tag", None)})]

    def enter():
        local.tag = "uis-preview-x"

    out = [r for _n, _c, r in fetch_in_order(["a", "b"], fetch, lambda: False, 2, enter) if r]
    assert out == [[json.dumps({"tag": "uis-preview-x"})]] * 2


class Closing(BaseHTTPRequestHandler):
    """A gateway stand-in that keeps no connection: after each answer it closes, though its
    HTTP/1.1 answer says nothing of it (as a server dropping an idle kept-alive connection).
    A path with `mute` is read and then left unanswered, the connection closed."""

    protocol_version = "HTTP/1.1"
    seen: list = []
    mute_left = 0

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        Closing.seen.append((self.command, self.path, body))
        self.close_connection = True
        if "mute" in self.path and Closing.mute_left > 0:
            Closing.mute_left -= 1
            return
        out = json.dumps({"n": len(Closing.seen)}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)

    do_GET = do_POST = do_DELETE = _answer

    def log_message(self, *args):
        pass


def test_gateway_reconnects_where_the_server_closed_an_idle_connection(http_server):
    from uis_runners.sessions.gateway import Gateway

    Closing.seen, Closing.mute_left = [], 0
    gw = Gateway(http_server(Closing).url)
    answers = []
    for method in ("POST", "GET", "POST", "DELETE"):
        answers.append(gw.call(method, "/v1/x", {"s": 1} if method == "POST" else None)["n"])
        time.sleep(0.05)  # idle: the server's close arrives
    gw.close()
    assert answers == [1, 2, 3, 4]
    assert [m for m, _, _ in Closing.seen] == ["POST", "GET", "POST", "DELETE"]


@pytest.mark.parametrize("method,asked", [("GET", 2), ("DELETE", 2), ("POST", 1)])
def test_gateway_asks_again_only_what_may_run_twice(http_server, method, asked):
    """The server read the call and closed without an answer: a read or a close is asked again
    on a new connection; a statement (a POST) is not, since the server may have run it."""
    from uis_runners.sessions.gateway import Gateway, GatewayDown

    class KeptAlive(Closing):
        def _answer(self):
            super()._answer()
            self.close_connection = "mute" in self.path  # keeps the first call's connection

        do_GET = do_POST = do_DELETE = _answer

    Closing.seen, Closing.mute_left = [], 1
    gw = Gateway(http_server(KeptAlive).url)
    gw.call("GET", "/v1/first")
    body = {"statement": "INSERT INTO t VALUES (1)"} if method == "POST" else None
    if asked == 1:
        with pytest.raises(GatewayDown):
            gw.call(method, "/v1/mute", body)
    else:
        assert gw.call(method, "/v1/mute", body)["n"] == 3
    gw.close()
    assert [p for _, p, _ in Closing.seen[1:]] == ["/v1/mute"] * asked
