# SPDX-License-Identifier: Apache-2.0
"""`--dry-run` of the Flink runner: the data preview on Flink itself (a bounded run on the local
mini-cluster), printing the same `uis-preview:` lines as the Spark runner's dry run: a schema
line, up to --limit row lines and an end line per node (source tables and views, in definition
order).

- One job previews every node: a UNION ALL of one branch per node, each tagged with its node and
  carrying that node's columns (the other nodes' columns are NULL), collected in one stream. A
  source shared by several nodes is read once (the planner reuses it).
- Kafka sources are read bounded (`scan.bounded.mode` = latest-offset); file sources are bounded
  already. At the end of the bounded input the final watermark closes every open window.
- With --test-inputs (endpoint → sample rows, e.g. WebSocket, webhook or CDC samples), those
  endpoints' sources read the rows instead, as in the golden-data test mode (uis_runners.testing).
- Sinks are never written: their tables, catalogs and INSERTs are left out (flink/bounded.py).
- The schema lines come first. A node whose result is insert-only is complete after --limit rows
  (its rows and end line follow at once); one with updates (a changelog) is read to the end of
  the bounded input and shows its final rows. The job stops early when every node is complete.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..log import PREVIEW, emit, log
from ..testing import FlinkTests, in_utc, json_value
from .bounded import (
    CREATE_VIEW,
    BoundedScript,
    FinalRows,
    bounded_kafka,
    parse_table,
    row_kind,
    unquote,
)
from .statements import Statement

_BRANCH_MODE = re.compile(r"select=\[(\d+) AS uis_node\b.*changelogMode=\[([A-Z,]+)\]")


def quoted(name: str) -> str:
    """a.b → `a`.`b`"""
    return ".".join("`" + p.replace("`", "``") + "`" for p in name.split("."))


def collectable(java_type) -> str:
    """The nullable SQL type a column is collected as: its own, but a TIMESTAMP_LTZ (PROCTIME()
    too) as its TIMESTAMP in the session's zone (UTC here): PyFlink cannot collect an Instant."""
    t = java_type.copy(True)
    if str(t.getTypeRoot()) == "TIMESTAMP_WITH_LOCAL_TIME_ZONE":
        return f"TIMESTAMP({t.getPrecision()})"
    return t.asSerializableString()


@dataclass
class Node:
    name: str
    kind: str  # source | transform
    names: list = field(default_factory=list)  # its columns
    sql_types: list = field(default_factory=list)  # nullable SQL types of its columns
    insert_only: bool = False
    final: FinalRows = field(default_factory=FinalRows)
    shown: bool = False  # its rows and end line are printed
    relation: str = ""  # what its rows are selected from, when not its name

    @property
    def source(self) -> str:
        return quoted(self.relation or self.name)

    def complete(self, limit: int) -> bool:
        return self.insert_only and len(self.final) >= limit


class FlinkPreview:
    def __init__(self, job: dict, script: str, args):
        self.job = job
        self.script = script
        self.args = args
        self.stop_requested = False
        self.sources = {s.get("name") for s in job.get("sources") or []}
        self.feeder = None
        self.case = None
        self.nodes: list[Node] = []
        if args.test_inputs:
            if not args.capture_dir:
                args.capture_dir = tempfile.mkdtemp(prefix="uis-flink-preview-")
            self.feeder = FlinkTests(job, script, args)
            self.case = self.feeder.cases[0]

    def rewrite(self, statements: list) -> tuple[list, list]:
        """The script without sinks, plus the nodes to preview: (name, kind) in order."""
        work = Path(self.args.capture_dir or tempfile.mkdtemp()) / "_inputs"

        def source(st, t):
            if self.feeder and self.feeder.endpoint_of(t.name)[0] in self.case.inputs:
                return self.feeder.file_source(st, t, self.case, work)
            return Statement("ddl", bounded_kafka(st.text), st.line)

        out = BoundedScript(statements).rewrite(source, lambda *_: [])
        out = [st for st in out if st.kind != "select"]
        views = {
            unquote(m.group("name"))
            for st in out
            if st.kind == "ddl"
            for m in [CREATE_VIEW.match(st.text)]
            if m
        }
        nodes = []
        for st in out:
            if st.kind != "ddl":
                continue
            t = parse_table(st.text)
            m = CREATE_VIEW.match(st.text)
            if t is not None and not t.name.endswith("__files"):
                # A checked source (raw records typed in views) shows its good records, typed.
                parsed = f"{t.name}_parsed"
                nodes.append((t.name, "source", parsed if parsed in views else t.name))
            elif t is None and m:
                name = unquote(m.group("name"))
                base = name.removesuffix("_parsed")
                if name.endswith("__checked") or (
                    base != name and any(n[0] == base for n in nodes)
                ):
                    continue  # a checked source's own views: previewed as the source
                nodes.append((name, "source" if name in self.sources else "transform", name))
        return out, nodes

    def describe(self, tenv, node: Node) -> None:
        """Prints the node's schema line and notes its columns."""
        table = tenv.sql_query(f"SELECT * FROM {node.source}")
        schema = table.get_schema()
        node.names = list(schema.get_field_names())
        # The SQL types for the casts come from Java: PyFlink 1.20 wraps no ResolvedSchema.
        columns = table._j_table.getResolvedSchema().getColumns()
        node.sql_types = [
            collectable(columns.get(i).getDataType().getLogicalType())
            for i in range(columns.size())
        ]
        types = [str(t) for t in schema.get_field_data_types()]
        cols = [{"name": n, "type": t} for n, t in zip(node.names, types, strict=False)]
        emit(PREVIEW, {"event": "schema", "node": node.name, "kind": node.kind, "columns": cols})

    def union(self) -> str:
        """One query over every node: a branch per node, `uis_node` its index, then every node's
        columns in order (its own cast to their nullable type, the others NULL)."""
        branches = []
        for k, node in enumerate(self.nodes):
            cols = [f"{k} AS uis_node"]
            for j, other in enumerate(self.nodes):
                for i, sql_type in enumerate(other.sql_types):
                    value = quoted(other.names[i]) if j == k else "NULL"
                    cols.append(f"CAST({value} AS {sql_type}) AS uis_{j}_{i}")
            branches.append(f"SELECT {', '.join(cols)} FROM {node.source}")
        return "\nUNION ALL\n".join(branches)

    def note_insert_only(self, tenv, union: str) -> None:
        """Which nodes' results are insert-only, from the changelog mode of each branch's top
        (`Calc(select=[<k> AS uis_node, …], changelogMode=[I])`) in the union's physical plan:
        one optimisation for all, and none in batch mode (note_batch). A node not found there is
        read to the end."""
        from pyflink.table.explain_detail import ExplainDetail

        if self.note_batch(tenv.get_config().get("execution.runtime-mode", "")):
            return
        self.note_plan(tenv.explain_sql(union, ExplainDetail.CHANGELOG_MODE))

    def note_batch(self, runtime_mode: str) -> bool:
        """In batch mode a plan emits final rows only, inserts: every node is insert-only and
        no plan need be asked (planning the union again costs a second on a csv source's
        views). True when so."""
        if str(runtime_mode).strip().lower() != "batch":
            return False
        for node in self.nodes:
            node.insert_only = True
        return True

    def note_plan(self, plan: str) -> None:
        """note_insert_only from the plan's text (the warm preview EXPLAINs on the gateway)."""
        physical = plan.split("== Optimized Physical Plan ==")[-1]
        physical = physical.split("== Optimized Execution Plan ==")[0]
        for m in _BRANCH_MODE.finditer(physical):
            k = int(m.group(1))
            if k < len(self.nodes):
                self.nodes[k].insert_only = m.group(2) == "I"

    def show(self, node: Node) -> None:
        rows = node.final.rows[: self.args.limit]
        for i, r in enumerate(rows):
            emit(PREVIEW, {"event": "row", "node": node.name, "index": i, "data": r})
        emit(PREVIEW, {"event": "end", "node": node.name, "rows": len(rows)})
        node.shown = True

    def preview(self, runner, _st) -> int:
        for node in self.nodes:
            self.describe(runner.tenv, node)
        if not self.nodes:
            return 0
        offsets = self.offsets()
        union = self.union()
        self.note_insert_only(runner.tenv, union)
        result = runner.tenv.execute_sql(union)
        client = result.get_job_client()
        if client is not None:
            log(f"preview job {client.get_job_id()} of {len(self.nodes)} nodes submitted")
        with result.collect() as it:
            for row in it:
                if self.stop_requested:
                    break
                if self.take(row_kind(row), [json_value(v) for v in row], offsets):
                    break  # closing the result cancels the job
        self.finish()
        return 0

    def offsets(self) -> list:
        """Where each node's columns start in a row of the union (after `uis_node`)."""
        out, at = [], 1
        for node in self.nodes:
            out.append(at)
            at += len(node.names)
        return out

    def take(self, kind: str, values: list, offsets: list) -> bool:
        """Applies one row of the union (JSON values); True when every node is complete."""
        k = values[0]
        node = self.nodes[k]
        if node.shown:
            return False
        own = values[offsets[k] : offsets[k] + len(node.names)]
        node.final.apply(kind, dict(zip(node.names, own, strict=False)))
        if node.complete(self.args.limit):
            self.show(node)
        return all(n.shown for n in self.nodes)

    def finish(self) -> None:
        """The end line (and final rows) of every node not complete yet."""
        for node in self.nodes:
            if not node.shown:
                self.show(node)

    def run(self) -> int:
        in_utc()
        from .runner import STATEMENTS, FlinkRunner

        STATEMENTS["uis_preview"] = self.preview
        statements = self.prepare()
        statements.append(Statement("uis_preview", "", 0))
        return FlinkRunner(statements, self.args).run()

    def prepare(self) -> list:
        """The script's statements without sinks; notes the nodes and the bounded settings."""
        from .statements import split_sql

        statements, nodes = self.rewrite(split_sql(self.script))
        self.nodes = [Node(name, kind, relation=rel) for name, kind, rel in nodes]
        BoundedScript.configure(self.args)
        log(f"Flink preview of {len(nodes)} nodes in one job, up to {self.args.limit} rows each")
        return statements

    def stoppable(self) -> bool:
        return False  # interrupted: the GUI kills the process group

    def close(self):
        pass
