# SPDX-License-Identifier: Apache-2.0
"""`--dry-run` of the Flink runner: the data preview on Flink itself (a bounded run on the local
mini-cluster), printing the same `uis-preview:` lines as the Spark runner's dry run: a schema
line, up to --limit row lines and an end line per node (source tables and views, in definition
order).

- Kafka sources are read bounded (`scan.bounded.mode` = latest-offset); file sources are bounded
  already. At the end of the bounded input the final watermark closes every open window.
- With --test-inputs (endpoint → sample rows, e.g. WebSocket, webhook or CDC samples), those
  endpoints' sources read the rows instead, as in the golden-data test mode (uis_runners.testing).
- Sinks are never written: their tables, catalogs and INSERTs are left out.
- A node whose result is insert-only stops after --limit rows; one with updates (a changelog)
  is read to the end of its bounded input and shows its final rows.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from ..log import PREVIEW, emit, log
from ..testing import (
    _DROPPED_SETS,
    _INSERT,
    _OVERRIDES,
    FlinkTests,
    json_value,
    parse_table,
    unquote,
)
from .statements import Statement

_VIEW = re.compile(r"^CREATE\s+(?:TEMPORARY\s+)?VIEW\s+(?:IF\s+NOT\s+EXISTS\s+)?(\S+)\s+AS\b", re.I)
_KAFKA = re.compile(r"'connector'\s*=\s*'(?:upsert-)?kafka'", re.I)


def bounded_kafka(text: str) -> str:
    """A Kafka source table read up to the offsets it has when the job starts."""
    if not _KAFKA.search(text) or "scan.bounded.mode" in text:
        return text
    close = text.rindex(")")
    return text[:close].rstrip() + ",\n  'scan.bounded.mode' = 'latest-offset'\n" + text[close:]


class FlinkPreview:
    def __init__(self, job: dict, script: str, args):
        self.job = job
        self.script = script
        self.args = args
        self.stop_requested = False
        self.sources = {s.get("name") for s in job.get("sources") or []}
        self.feeder = None
        self.case = None
        if args.test_inputs:
            if not args.capture_dir:
                args.capture_dir = tempfile.mkdtemp(prefix="uis-flink-preview-")
            self.feeder = FlinkTests(job, script, args)
            self.case = self.feeder.cases[0]

    def rewrite(self, statements: list) -> tuple[list, list]:
        """The script without sinks, plus the nodes to preview: (name, kind) in order."""
        targets = set()
        for st in statements:
            for text in st.inserts if st.kind == "statement_set" else [st.text]:
                if st.kind in ("insert", "statement_set"):
                    targets.add(unquote(_INSERT.match(text).group(1)))
        out, nodes = [], []
        work = Path(self.args.capture_dir or tempfile.mkdtemp()) / "_inputs"
        for st in statements:
            if st.kind == "set" and st.key in _DROPPED_SETS:
                continue
            if st.kind in ("insert", "statement_set", "select"):
                continue
            if st.kind != "ddl":
                out.append(st)
                continue
            head = [h.upper() for h in st.text.split(None, 2)[:2]]
            if head in (["CREATE", "CATALOG"], ["CREATE", "DATABASE"]):
                continue  # catalogs serve the sinks, which are not written
            t = parse_table(st.text)
            if t is not None:
                if t.name in targets:
                    continue
                fed = self.feeder and self.feeder.endpoint_of(t.name)[0] in self.case.inputs
                if fed:
                    out.append(self.feeder.file_source(st, t, self.case, work))
                else:
                    out.append(Statement("ddl", bounded_kafka(st.text), st.line))
                if not t.name.endswith("__files"):
                    nodes.append((t.name, "source"))
                continue
            out.append(st)
            m = _VIEW.match(st.text)
            if m:
                name = unquote(m.group(1))
                nodes.append((name, "source" if name in self.sources else "transform"))
        return out, nodes

    def preview_node(self, runner, st) -> int:
        name, kind = st.key, st.value
        from pyflink.table.explain_detail import ExplainDetail

        query = f"SELECT * FROM {'.'.join(f'`{p}`' for p in name.split('.'))}"
        plan = runner.tenv.explain_sql(query, ExplainDetail.CHANGELOG_MODE)
        physical = plan.split("== Optimized Execution Plan ==")[0]
        top = [ln for ln in physical.splitlines() if "changelogMode=" in ln]
        insert_only = bool(top) and "changelogMode=[I]" in top[-1]
        result = runner.tenv.execute_sql(query)
        schema = result.get_table_schema()
        names = list(schema.get_field_names())
        types = [str(t) for t in schema.get_field_data_types()]
        cols = [{"name": n, "type": t} for n, t in zip(names, types, strict=False)]
        emit(PREVIEW, {"event": "schema", "node": name, "kind": kind, "columns": cols})
        rows: list = []
        limit = self.args.limit
        with result.collect() as it:
            for row in it:
                values = {n: json_value(v) for n, v in zip(names, list(row), strict=False)}
                change = str(row.get_row_kind()).split(".")[-1]
                if change in ("UPDATE_BEFORE", "DELETE"):
                    if values in rows:
                        rows.remove(values)
                    continue
                rows.append(values)
                if insert_only and len(rows) >= limit or self.stop_requested:
                    break
        for i, r in enumerate(rows[:limit]):
            emit(PREVIEW, {"event": "row", "node": name, "index": i, "data": r})
        emit(PREVIEW, {"event": "end", "node": name, "rows": min(len(rows), limit)})
        return 0

    def run(self) -> int:
        import os
        import time

        os.environ["TZ"] = "UTC"
        time.tzset()
        from .runner import STATEMENTS, FlinkRunner
        from .statements import split_sql

        STATEMENTS["uis_preview"] = self.preview_node
        statements, nodes = self.rewrite(split_sql(self.script))
        for name, kind in nodes:
            st = Statement("uis_preview", "", 0)
            st.key, st.value = name, kind
            statements.append(st)
        self.args.set = list(self.args.set or []) + [f"{k}={v}" for k, v in _OVERRIDES.items()]
        log(f"Flink preview of {len(nodes)} nodes, up to {self.args.limit} rows each")
        return FlinkRunner(statements, self.args).run()

    def stoppable(self) -> bool:
        return False  # interrupted: the GUI kills the process group

    def close(self):
        pass
