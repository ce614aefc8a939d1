# SPDX-License-Identifier: Apache-2.0
"""Type name → handler, the one dispatch style of both engines (Spark sources, transforms and
sinks; Flink statement kinds)."""

from __future__ import annotations

from collections.abc import Callable


class Registry(dict):
    """A dict from lower-case type names to handlers, filled with the `register` decorator."""

    def __init__(self, what: str):
        super().__init__()
        self.what = what

    def register(self, *names: str) -> Callable:
        def add(fn: Callable) -> Callable:
            for n in names:
                self[n.lower()] = fn
            return fn

        return add

    def handler(self, kind: str) -> Callable | None:
        return self.get(str(kind).lower())
