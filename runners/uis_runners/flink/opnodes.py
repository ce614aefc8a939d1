# SPDX-License-Identifier: Apache-2.0
"""Which spec node a Flink operator belongs to. The compiled flink-job JSON names every node
(sources by their table and endpoint, transforms in definition order with their type, sinks by
their table); the planner names operators after what they do and after the ExecNode they come
from ("Source: kafka_clicks[1]", "Deduplicate[4]", "GlobalWindowAggregate[8]",
"metrics_out[10]: Writer"). The n-th stateful operator of a kind belongs to the n-th transform
of the matching type, because the compiler writes views in definition order and the planner
numbers ExecNodes from the sources."""

from __future__ import annotations

import re

# operator name (without "[n]") → transform types it can come from
KINDS = [
    (re.compile(r"^(Global)?WindowAggregate$|^GroupWindowAggregate$"), ("window_aggregate",)),
    (re.compile(r"^(RowTime)?Deduplicate$|^Rank$|^WindowDeduplicate$"), ("dedupe",)),
    (re.compile(r"^(Global)?GroupAggregate$"), ("aggregate", "sql")),
    (re.compile(r"Join$"), ("join", "sql")),
]
LOCAL = re.compile(r"^Local\w+$")  # the pre-aggregation half of a two-phase aggregate
NAME = re.compile(r"^(?:Source: |Sink: )?(.*?)\[(\d+)\](?::\s*(\w+))?$")


def label(kind: str) -> str:
    return kind.replace("_", " ")


class NodeMap:
    def __init__(self, job: dict, operator_names: list[str]):
        self.job = job or {}
        self.sources = {s.get("name"): s for s in self.job.get("sources", [])}
        self.sinks = {s.get("name"): s for s in self.job.get("sinks", [])}
        self.transforms = list(self.job.get("transforms", []))
        self.by_name = {}
        self._assign(operator_names)

    def _assign(self, names: list[str]) -> None:
        parsed = []
        for n in names:
            m = NAME.match(n)
            if m:
                parsed.append((int(m.group(2)), m.group(1), m.group(3), n))
        parsed.sort()
        used = {}  # transform type tuple → index of the next transform of that type
        pending_local = []
        for _num, base, _suffix, full in parsed:
            if full.startswith("Source: ") and base in self.sources:
                s = self.sources[base]
                self.by_name[full] = (s.get("endpoint") or base, "source")
                continue
            if base in self.sinks:
                self.by_name[full] = (base, "sink")
                continue
            if LOCAL.match(base):
                pending_local.append(full)
                continue
            for pat, types in KINDS:
                if pat.search(base):
                    candidates = [t for t in self.transforms if t.get("type") in types]
                    i = used.get(types, 0)
                    if i < len(candidates):
                        t = candidates[i]
                        used[types] = i + 1
                        node = (t.get("name"), t.get("type"))
                        self.by_name[full] = node
                        for local in pending_local:
                            self.by_name[local] = node
                        pending_local = []
                    break

    def node(self, operator_name: str) -> tuple[str, str]:
        """(spec node, kind) of an operator; an operator the compiler adds on its own (a Calc
        projection) keeps Flink's name."""
        return self.by_name.get(operator_name, (operator_name, "operator"))

    def transform(self, name: str) -> dict | None:
        return next((t for t in self.transforms if t.get("name") == name), None)


def spec_change(node: str, old: NodeMap | None, new: NodeMap) -> str:
    """What the user changed on `node` between the two specs, to name it next to the engine's
    verdict (never to decide it)."""
    if old is None:
        return ""
    a, b = old.transform(node), new.transform(node)
    if a is None:
        return ""
    if b is None:
        return "the node is gone from the new spec"
    notes = []
    for key, what in (
        ("group_by", "group keys"),
        ("keys", "keys"),
        ("window_ms", "window"),
        ("window", "window"),
        ("slide_ms", "slide"),
        ("aggregates", "aggregates"),
        ("inputs", "inputs"),
    ):
        if a.get(key) != b.get(key):
            notes.append(f"{what} changed ({fmt(a.get(key))} → {fmt(b.get(key))})")
    return "; ".join(notes)


def fmt(v) -> str:
    if isinstance(v, list):
        return ", ".join(str(x) for x in v) or "none"
    if isinstance(v, dict):
        return ", ".join(f"{k}: {x}" for k, x in v.items())
    return "none" if v is None else str(v)
