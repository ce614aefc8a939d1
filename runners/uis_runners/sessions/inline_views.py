# SPDX-License-Identifier: Apache-2.0
"""The script's views as a query's own WITH items, for queries run on the SQL Gateway.

The gateway plans each statement in a TableEnvironment of its own. In Flink 1.20 a view reached
from a window table function's `TABLE` operand (directly or through other views) is then
expanded by another planner than the one optimising the query, and the optimiser stops with
Calcite's "belongs to a different planner" assertion, in batch and streaming mode alike. The
same query with the views as WITH items plans and runs (one planner expands all), so every query
the warm paths run gets the views defined before it as WITH items of the same names; a WITH item
hides the session's view of that name. The views are still created in the session, for
DESCRIBE."""

from __future__ import annotations

import re

from ..flink.bounded import CREATE_VIEW, IDENT

_WITH = re.compile(r"^WITH\s+", re.IGNORECASE)


class InlineViews:
    def __init__(self):
        self.items: list[str] = []  # `name [(cols)] AS (body)`, in the script's order

    def note(self, statement_text: str) -> None:
        """Keeps a CREATE VIEW's definition (any other statement is ignored)."""
        m = CREATE_VIEW.match(statement_text.strip())
        if not m or not re.fullmatch(IDENT, m.group("name")):
            return  # a qualified name is no WITH item; such a view is used as it is
        columns = f" {m.group('columns')}" if m.group("columns") else ""
        self.items.append(f"{m.group('name')}{columns} AS (\n{m.group('body').strip()}\n)")

    def query(self, text: str) -> str:
        """`text` (a query) with the views as its first WITH items."""
        if not self.items:
            return text
        head = ",\n".join(self.items)
        text = text.strip()
        m = _WITH.match(text)
        if m:  # the query's own WITH items follow the views' (they may use them)
            return f"WITH {head},\n{text[m.end() :]}"
        return f"WITH {head}\n{text}"
