# SPDX-License-Identifier: Apache-2.0
"""A Flink SQL script made bounded and sink-free: what the golden-data tests (uis_runners.testing)
and the data preview (flink/preview.py) both run.

- The sinks are left out: a table that an INSERT writes is not created, catalogs and databases
  (which serve the sinks) neither; each INSERT is replaced by what the caller makes of it, but
  for those of the poison records' own sinks (`<source>__invalid`, poison.py): they are dropped.
- Each source table is replaced by what the caller makes of it (sample rows from a file, a Kafka
  table read up to its latest offsets: `bounded_kafka`).
- The run is deterministic and ends at the first failure: parallelism 1, no restarts, no
  checkpoints (`SETTINGS`, which replace the script's own SETs of those keys).
- A result that has updates is applied as a changelog: `FinalRows` holds the rows it ends with.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..errors import ConfigError
from .poison import is_invalid_table

IDENT = r"(?:`(?:[^`]|``)+`|[A-Za-z_][\w$]*)"
_CREATE_TABLE = re.compile(
    rf"^CREATE\s+(?:TEMPORARY\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?({IDENT}(?:\s*\.\s*{IDENT})*)\s*\(",
    re.I,
)
# A view's definition: its (possibly qualified) name, its column list and its query.
CREATE_VIEW = re.compile(
    rf"^CREATE\s+(?:TEMPORARY\s+)?VIEW\s+(?:IF\s+NOT\s+EXISTS\s+)?"
    rf"(?P<name>{IDENT}(?:\s*\.\s*{IDENT})*)\s*(?P<columns>\([^()]*\))?\s*AS\s+(?P<body>.+)$",
    re.I | re.S,
)
_INSERT = re.compile(
    rf"^INSERT\s+(?:INTO|OVERWRITE)\s+({IDENT}(?:\s*\.\s*{IDENT})*)\s*(\([^)]*\))?\s*(.*)$",
    re.I | re.S,
)
_KAFKA = re.compile(r"'connector'\s*=\s*'(?:upsert-)?kafka'", re.I)

SETTINGS = {
    "parallelism.default": "1",
    "restart-strategy.type": "none",
    "state.backend.type": "hashmap",
}
_DROPPED_SETS = {"execution.checkpointing.interval", *SETTINGS}  # no checkpoints


def unquote(ident: str) -> str:
    """`a`.`b` → a.b"""
    parts = re.findall(IDENT, ident)
    return ".".join(p[1:-1].replace("``", "`") if p.startswith("`") else p for p in parts)


def _unquoted_chars(text: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, character, depth) of each character of `text` outside '…' and `…`, from `start`;
    depth counts the ( open at that character, its own ( or ) included."""
    depth, quote = 0, None
    for i in range(start, len(text)):
        c = text[i]
        if quote:
            if c == quote:
                quote = None
        elif c in "'`":
            quote = c
        else:
            depth += (c == "(") - (c == ")")
            yield i, c, depth


def split_top(text: str, sep: str = ",") -> list[str]:
    """Splits on `sep` outside (), '…' and `…`."""
    out, begin = [], 0
    for i, c, depth in _unquoted_chars(text):
        if c == sep and depth == 0:
            out.append(text[begin:i].strip())
            begin = i + 1
    if text[begin:].strip():
        out.append(text[begin:].strip())
    return out


def matching_paren(text: str, open_at: int) -> int:
    for i, c, depth in _unquoted_chars(text, open_at):
        if c == ")" and depth == 0:
            return i
    raise ConfigError("unbalanced parentheses in a CREATE TABLE")


@dataclass
class TableDdl:
    name: str  # unquoted, dotted
    head: str  # `CREATE TABLE x (`
    elements: list  # column definitions, WATERMARK, PRIMARY KEY
    columns: list  # (name, type) of physical columns
    primary_key: list


def parse_table(text: str) -> TableDdl | None:
    m = _CREATE_TABLE.match(text)
    if not m:
        return None
    close = matching_paren(text, m.end() - 1)
    elements = split_top(text[m.end() : close])
    columns, pk = [], []
    for e in elements:
        up = e.upper()
        if up.startswith("WATERMARK ") or up.startswith("CONSTRAINT "):
            if "PRIMARY KEY" in up:
                pk = [unquote(x) for x in re.findall(IDENT, e[up.index("PRIMARY KEY") + 11 :])]
            continue
        if up.startswith("PRIMARY KEY"):
            inner = e[e.index("(") + 1 : e.rindex(")")]
            pk = [unquote(x.strip()) for x in inner.split(",")]
            continue
        cm = re.match(rf"^({IDENT})\s+(.*)$", e, re.S)
        if not cm:
            continue
        rest = cm.group(2).strip()
        if re.match(r"^AS\s", rest, re.I) or re.search(r"\bMETADATA\b", rest, re.I):
            continue
        columns.append((unquote(cm.group(1)), rest))
    return TableDdl(unquote(m.group(1)), text[: m.end()], elements, columns, pk)


def bounded_kafka(text: str) -> str:
    """A Kafka source table read up to the offsets it has when the job starts (other DDL as is)."""
    if not _KAFKA.search(text) or "scan.bounded.mode" in text:
        return text
    close = text.rindex(")")
    return text[:close].rstrip() + ",\n  'scan.bounded.mode' = 'latest-offset'\n" + text[close:]


def insert_texts(st) -> list[str]:
    """The INSERT statements of an `insert` or `statement_set` statement."""
    if st.kind == "statement_set":
        return list(st.inserts)
    return [st.text] if st.kind == "insert" else []


class BoundedScript:
    """The statements of a Flink script (flink/statements.py), rewritten by `rewrite`."""

    def __init__(self, statements: list):
        self.statements = statements
        self.targets = {
            unquote(_INSERT.match(t).group(1)) for st in statements for t in insert_texts(st)
        }
        self.tables: dict[str, TableDdl] = {}  # every table the script creates, by name

    def rewrite(self, source: Callable, insert: Callable) -> list:
        """The script without sinks. `source(statement, TableDdl)` → the statement that creates
        a source table instead; `insert(statement, target, query)` → the statements that run
        instead of one INSERT into `target` (unquoted) of `query` (its SELECT)."""
        out = []
        for st in self.statements:
            if st.kind == "set" and st.key in _DROPPED_SETS:
                continue
            if st.kind in ("insert", "statement_set"):
                for text in insert_texts(st):
                    m = _INSERT.match(text)
                    if is_invalid_table(unquote(m.group(1))):
                        continue  # a checked source's poison count (poison.py): no sink here
                    out.extend(insert(st, unquote(m.group(1)), m.group(3)))
                continue
            if st.kind == "ddl":
                head = [h.upper() for h in st.text.split(None, 2)[:2]]
                if head in (["CREATE", "CATALOG"], ["CREATE", "DATABASE"]):
                    continue  # catalogs serve the sinks
                t = parse_table(st.text)
                if t is not None:
                    self.tables[t.name] = t
                    if t.name not in self.targets:
                        out.append(source(st, t))
                    continue
            out.append(st)
        return out

    @staticmethod
    def configure(args) -> None:
        """Adds SETTINGS to the runner's --set options (`rewrite` drops the script's own SETs of
        these keys)."""
        args.set = list(args.set or []) + [f"{k}={v}" for k, v in SETTINGS.items()]


def row_kind(row) -> str:
    """INSERT, UPDATE_BEFORE, UPDATE_AFTER or DELETE: the change a collected PyFlink row is."""
    return str(row.get_row_kind()).split(".")[-1]


class FinalRows:
    """The rows a changelog ends with, in arrival order: a retraction (UPDATE_BEFORE, DELETE)
    removes an equal row; with a primary key, a row replaces the one of its key (an upsert sink)
    and a DELETE removes it."""

    def __init__(self, key: list | None = None):
        self.key = key or []
        self._keyed: dict = {}
        self._rows: list = []

    def apply(self, kind: str, values: dict) -> None:
        retract = kind in ("UPDATE_BEFORE", "DELETE")
        if self.key:
            k = json.dumps([values.get(c) for c in self.key])
            if kind == "DELETE":
                self._keyed.pop(k, None)
            elif not retract:
                self._keyed.pop(k, None)  # re-inserted: the latest position
                self._keyed[k] = values
        elif retract:
            if values in self._rows:
                self._rows.remove(values)
        else:
            self._rows.append(values)

    @property
    def rows(self) -> list:
        return list(self._keyed.values()) if self.key else self._rows

    def __len__(self) -> int:
        return len(self._keyed) if self.key else len(self._rows)
