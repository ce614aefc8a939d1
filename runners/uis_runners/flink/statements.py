# SPDX-License-Identifier: Apache-2.0
"""Splitting a Flink SQL script into statements, as sql-client.sh does.

Statements are split on `;` outside '…' strings (`''` escapes), "…" and `…` identifiers and
comments (`--`, `/* */`). `SET`/`RESET` are recognised; `EXECUTE STATEMENT SET BEGIN … END;`
and `BEGIN STATEMENT SET; … END;` become one statement set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import JobError


@dataclass
class Statement:
    kind: str  # set | reset | insert | statement_set | select | ddl
    text: str  # without comments and the trailing ';'
    line: int  # 1-based line where it starts
    inserts: list = field(default_factory=list)  # for statement_set
    key: str = ""  # for set/reset
    value: str = ""  # for set

    @property
    def head(self) -> str:
        return " ".join(self.text.split())[:100]


def split_sql(script: str) -> list:
    """Splits a Flink SQL script into statements. Comments (`--`, `/* */`) are dropped; `;`
    inside '...' strings (with '' escapes), "..." and `...` identifiers does not split."""
    pieces = []
    buf = []
    line = 1
    start_line = None
    i, n = 0, len(script)
    while i < n:
        c = script[i]
        nxt = script[i + 1] if i + 1 < n else ""
        if c == "-" and nxt == "-":
            j = script.find("\n", i)
            i = n if j < 0 else j
            continue
        if c == "/" and nxt == "*":
            j = script.find("*/", i + 2)
            if j < 0:
                raise JobError(f"line {line}: unterminated /* comment")
            line += script.count("\n", i, j + 2)
            buf.append(" ")
            i = j + 2
            continue
        if c in "'\"`":
            j = i + 1
            while True:
                if j >= n:
                    raise JobError(f"line {line}: unterminated {c}quoted{c} text")
                if script[j] == c:
                    if j + 1 < n and script[j + 1] == c:  # doubled quote = escaped quote
                        j += 2
                        continue
                    break
                j += 1
            if start_line is None:
                start_line = line
            buf.append(script[i : j + 1])
            line += script.count("\n", i, j + 1)
            i = j + 1
            continue
        if c == ";":
            text = "".join(buf).strip()
            if text:
                pieces.append((text, start_line or line))
            buf, start_line = [], None
            i += 1
            continue
        if c == "\n":
            line += 1
        elif not c.isspace() and start_line is None:
            start_line = line
        buf.append(c)
        i += 1
    tail = "".join(buf).strip()
    if tail:
        pieces.append((tail, start_line or line))
    return group_statements(pieces)


_SET = re.compile(r"^SET\s+'((?:[^']|'')*)'\s*=\s*'((?:[^']|'')*)'\s*$", re.I | re.S)
_SET_BARE = re.compile(r"^SET\s+([\w.\-]+)\s*=\s*(.+?)\s*$", re.I | re.S)
_RESET = re.compile(r"^RESET(?:\s+'((?:[^']|'')*)')?\s*$", re.I | re.S)
_EXEC_SET = re.compile(r"^EXECUTE\s+STATEMENT\s+SET\s+BEGIN\b\s*", re.I)
_BEGIN_SET = re.compile(r"^BEGIN\s+STATEMENT\s+SET\s*$", re.I)


def classify(text: str, line: int) -> Statement:
    m = _SET.match(text)
    if m:
        return Statement(
            "set",
            text,
            line,
            key=m.group(1).replace("''", "'"),
            value=m.group(2).replace("''", "'"),
        )
    m = _SET_BARE.match(text)
    if m and not text.upper().startswith("SET STATEMENT"):
        return Statement("set", text, line, key=m.group(1), value=m.group(2).strip("'"))
    m = _RESET.match(text)
    if m:
        return Statement("reset", text, line, key=(m.group(1) or "").replace("''", "'"))
    first = text.split(None, 1)[0].upper()
    if first == "EXECUTE" and re.match(r"^EXECUTE\s+INSERT\b", text, re.I):
        return Statement("insert", text.split(None, 1)[1], line)
    if first == "INSERT":
        return Statement("insert", text, line)
    if first in ("SELECT", "WITH", "VALUES"):
        return Statement("select", text, line)
    return Statement("ddl", text, line)


def group_statements(pieces) -> list:
    out = []
    i = 0
    while i < len(pieces):
        text, line = pieces[i]
        m = _EXEC_SET.match(text)
        if m or _BEGIN_SET.match(text):
            inserts = []
            first = text[m.end() :].strip() if m else ""
            if first:
                inserts.append(first)
            i += 1
            closed = False
            while i < len(pieces):
                t, _ = pieces[i]
                i += 1
                if t.strip().upper() == "END":
                    closed = True
                    break
                inserts.append(t)
            if not closed:
                raise JobError(f"line {line}: statement set without END")
            bad = [s for s in inserts if classify(s, line).kind != "insert"]
            if bad:
                raise JobError(
                    f"line {line}: a statement set may only hold INSERT statements, "
                    f"not: {bad[0][:60]}"
                )
            out.append(
                Statement(
                    "statement_set", text, line, inserts=[classify(s, line).text for s in inserts]
                )
            )
            continue
        out.append(classify(text, line))
        i += 1
    return out
