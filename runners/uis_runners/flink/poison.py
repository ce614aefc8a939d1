# SPDX-License-Identifier: Apache-2.0
"""Poison records of a local Flink run, counted and logged as the Spark runner does
(spark/nodecounts.py): `invalid` in the source's node counts, `source <node>: N poison record(s)
dropped` (or `handed to schema_validation`) and the first 10 as `source <node>: poison record at
<position>: <reason>`.

The compiler sends the poison records of every checked source (position, reason) to a sink of
their own, `<source table>__invalid`, a `blackhole` (stateless, on every cluster: no restore
ever depends on it). Its operator's rows in are the source's `invalid` count (nodecounts.py).
On the local mini-cluster the runner makes that sink a `print` to the JVM's standard error and
points the JVM's System.err at a file it reads: the TaskManager runs in the runner's own JVM, so
the records arrive here, and only the first ones are logged."""

from __future__ import annotations

import os
import re
import sys
import tempfile

from ..log import log

SUFFIX = "__invalid"
FIRST = 10  # poison records logged per source, as on Spark
IDENTIFIER = "uis-poison"
TRUNCATE_AT = 1 << 20  # bytes of the JVM's standard error read before the file is emptied

_DDL = re.compile(r"^\s*CREATE\s+TABLE\s+`?(\w+__invalid)`?\s*\(", re.I)
_BLACKHOLE = re.compile(r"'connector'\s*=\s*'blackhole'", re.I)
# A print sink's line: `<identifier>[:<subtask>]> +I[<position>, <reason>]`
_LINE = re.compile(rf"^{IDENTIFIER} (\w+?)(?::\d+)?> [+-][IUD]\[(.*)\]$")


def is_invalid_table(name: str) -> bool:
    return name.strip("`").endswith(SUFFIX)


def source_of(job: dict, table: str) -> dict | None:
    """The job's source whose poison records `table` (`<source>__invalid`) receives."""
    base = table.strip("`").removesuffix(SUFFIX)
    return next((s for s in job.get("sources") or [] if s.get("name") == base), None)


def node_of(job: dict, table: str) -> str:
    src = source_of(job, table)
    if src is None:
        return table.strip("`").removesuffix(SUFFIX)
    return src.get("endpoint") or src.get("name")


def validated(job: dict, node: str) -> bool:
    """Whether a schema_validation reads the source `node` (it decides; else the source drops)."""
    names = {node}
    for s in job.get("sources") or []:
        if node in (s.get("endpoint"), s.get("name")):
            names |= {s.get("endpoint"), s.get("name")}
    return any(
        str(t.get("type", "")).lower() == "schema_validation" and names & set(t.get("inputs") or [])
        for t in job.get("transforms") or []
    )


def split_record(text: str) -> tuple[str, str]:
    """(position, reason) of a printed row `<position>, <reason>`: a reason has no `, ` (the
    compiler's reasons are `x: not T` joined by `; `), a file position may."""
    pos, sep, reason = text.rpartition(", ")
    return (pos, reason) if sep else ("an unknown position", text)


class PoisonLog:
    def __init__(self, job: dict | None):
        self.job = job or {}
        self.path = None
        self.offset = 0
        self.partial = ""
        self.logged = {}  # node → poison records logged
        self.counted = {}  # node → the count last logged

    def start(self, statements: list, local: bool) -> None:
        """Before any job: System.err of the gateway JVM to a file, when the script has an
        `__invalid` sink and the job runs on the local mini-cluster."""
        if not local or not any(self._is_sink(st) for st in statements):
            return
        from pyflink.java_gateway import get_gateway

        fd, self.path = tempfile.mkstemp(prefix="uis-flink-poison-", suffix=".log")
        os.close(fd)
        jvm = get_gateway().jvm
        out = jvm.java.io.FileOutputStream(self.path, True)
        jvm.java.lang.System.setErr(jvm.java.io.PrintStream(out, True, "UTF-8"))

    @staticmethod
    def _is_sink(st) -> bool:
        return st.kind == "ddl" and bool(_DDL.match(st.text)) and bool(_BLACKHOLE.search(st.text))

    def ddl(self, text: str) -> str:
        """An `__invalid` sink's DDL as a print to standard error, when the records are read."""
        m = _DDL.match(text)
        if not self.path or not m or not _BLACKHOLE.search(text):
            return text
        return _BLACKHOLE.sub(
            f"'connector' = 'print', 'print-identifier' = '{IDENTIFIER} {m.group(1)}', "
            "'standard-error' = 'true'",
            text,
        )

    def read(self) -> None:
        """The poison records printed since the last call: the first FIRST of each source
        logged; anything else the JVM wrote to standard error goes to ours."""
        if not self.path:
            return
        try:
            with open(self.path, encoding="utf-8", errors="replace") as f:
                f.seek(self.offset)
                chunk = f.read()
                self.offset = f.tell()
        except OSError:
            return
        if self.offset > TRUNCATE_AT:
            # A long run's poison records past the first ones are only counted: keep the file
            # small (the JVM appends, so it writes on at the new end).
            try:
                os.truncate(self.path, 0)
                self.offset = 0
            except OSError:
                pass
        lines = (self.partial + chunk).split("\n")
        self.partial = lines.pop()
        for line in lines:
            m = _LINE.match(line.rstrip("\r"))
            if not m:
                if line.strip():
                    print(line, file=sys.stderr, flush=True)
                continue
            node = node_of(self.job, m.group(1))
            done = self.logged.get(node, 0)
            if done < FIRST:
                pos, reason = split_record(m.group(2))
                log(f"source {node}: poison record at {pos}: {reason}")
                self.logged[node] = done + 1

    def note(self, entries: list) -> None:
        """A source's poison count, logged when it grew (node counts, nodecounts.py)."""
        for e in entries:
            n = e.get("invalid")
            if not n or n == self.counted.get(e["node"]):
                continue
            self.counted[e["node"]] = n
            what = "handed to schema_validation" if validated(self.job, e["node"]) else "dropped"
            log(f"source {e['node']}: {n} poison record(s) {what}")

    def close(self) -> None:
        self.read()
        if self.path:
            try:
                os.unlink(self.path)
            except OSError:
                pass
            self.path = None
