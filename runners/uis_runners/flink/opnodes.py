# SPDX-License-Identifier: Apache-2.0
"""Which spec node a Flink operator belongs to. The compiled flink-job JSON names every node
(sources by their table and endpoint, transforms in definition order with their type, sinks by
their table); the planner names operators after what they do and after the ExecNode they come
from ("Source: kafka_clicks[1]", "Deduplicate[4]", "GlobalWindowAggregate[8]",
"metrics_out[10]: Writer"). The n-th stateful operator of a kind belongs to the n-th transform
of the matching type, because the compiler writes views in definition order and the planner
numbers ExecNodes from the sources.

A batch plan names its phases otherwise: a window aggregate is a WindowTableFunction followed by
its Sort/HashAggregate phases (local and global, both called "SortAggregate"). A filesystem
source's table is `<source>__files` (under a view that is the source), and a batch filesystem
sink is an unnumbered "Sink: Filesystem", placed by the operator before it in its chain
(`after`). Stateless transforms (filter, select, …) become Calc operators, often merged with their
neighbours: a Calc belongs to a transform only when exactly one stateless transform of the spec
lies between the nodes of the operators around it; otherwise it keeps Flink's name.

A checked source's poison records go to a sink of their own, `<source table>__invalid`
(flink/poison.py): its operators are not the spec's, and its rows are the source's `invalid`
(`invalid`: operator → source node)."""

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
UNNUMBERED_SINK = re.compile(r"^Sink: (.*)$")
WINDOW_TVF = re.compile(r"^WindowTableFunction$")
BATCH_AGG = re.compile(r"^(Local)?(Sort|Hash)Aggregate$")
INVALID = "__invalid"  # the sink of a checked source's poison records (flink/poison.py)
STATEFUL = {"window_aggregate", "dedupe", "aggregate", "join", "sql"}


def label(kind: str) -> str:
    return kind.replace("_", " ")


class NodeMap:
    def __init__(self, job: dict, operator_names: list[str], after: dict | None = None):
        """`after`: operator → the operator before it in its task chain (places unnumbered
        ones)."""
        self.job = job or {}
        self.sources = {s.get("name"): s for s in self.job.get("sources", [])}
        self.sinks = {s.get("name"): s for s in self.job.get("sinks", [])}
        self.transforms = list(self.job.get("transforms", []))
        self.by_name = {}
        self.spec_name = {}  # operator → its node's name in the spec's graph (a source's own)
        self.invalid = {}  # operator of an `__invalid` sink → the source node it counts for
        self.order = []  # operator names in plan order
        self._assign(operator_names, after or {})

    def _source(self, base: str) -> dict | None:
        return self.sources.get(base) or self.sources.get(base.rsplit("__", 1)[0])

    def _parse(self, names: list[str], after: dict) -> list:
        parsed, unnumbered = [], []
        for n in names:
            m = NAME.match(n)
            if m:
                parsed.append((float(m.group(2)), m.group(1), m.group(3), n))
            elif UNNUMBERED_SINK.match(n):
                unnumbered.append(n)
        nums = {full: num for num, _b, _s, full in parsed}
        for n in unnumbered:
            prev = nums.get(after.get(n), float("inf"))
            parsed.append((prev + 0.5, UNNUMBERED_SINK.match(n).group(1), None, n))
        # A sink's Writer comes before its Committer (both carry the sink's number).
        parsed.sort(key=lambda p: (p[0], p[2] == "Committer", p[3]))
        return parsed

    def _put(self, op: str, node: tuple[str, str], spec_name: str | None = None) -> None:
        self.by_name[op] = node
        self.spec_name[op] = spec_name or node[0]

    def _assign(self, names: list[str], after: dict) -> None:
        parsed = self._parse(names, after)
        self.order = [full for *_x, full in parsed]
        used = {}  # transform type tuple → index of the next transform of that type
        pending_local = []
        batch_phases = None  # [node, phases] of a batch aggregate that may take one more phase
        for num, base, _suffix, full in parsed:
            src = self._source(base) if full.startswith("Source: ") else None
            if src is not None:
                self._put(full, (src.get("endpoint") or src.get("name"), "source"), src.get("name"))
                continue
            if base in self.sinks:
                self._put(full, (base, "sink"))
                continue
            if base.endswith(INVALID) and base not in self.sinks:
                src = self.sources.get(base.removesuffix(INVALID))
                self.invalid[full] = (src or {}).get("endpoint") or base.removesuffix(INVALID)
                continue
            if not float(num).is_integer():  # an unnumbered sink, placed after its chain
                self._unnumbered_sink(full, after)
                continue
            if LOCAL.match(base):
                pending_local.append(full)
                continue
            if BATCH_AGG.match(base) and batch_phases and batch_phases[1] < 2:
                batch_phases[1] += 1
                self._put(full, batch_phases[0])
                continue
            kinds = [(WINDOW_TVF, ("window_aggregate",)), (BATCH_AGG, ("aggregate", "sql"))]
            for pat, types in KINDS + kinds:
                if pat.search(base):
                    candidates = [t for t in self.transforms if t.get("type") in types]
                    i = used.get(types, 0)
                    if i < len(candidates):
                        t = candidates[i]
                        used[types] = i + 1
                        node = (t.get("name"), t.get("type"))
                        self._put(full, node)
                        for local in pending_local:
                            self._put(local, node)
                        pending_local = []
                        batch = pat in (WINDOW_TVF, BATCH_AGG)
                        batch_phases = [node, 0 if pat is WINDOW_TVF else 1] if batch else None
                    break
        self._assign_stateless()

    def _unnumbered_sink(self, op: str, after: dict) -> None:
        """The sink fed by the node of the nearest placed operator before it in its chain; else
        the job's only sink."""
        before, seen = after.get(op), set()
        while before is not None and before not in self.spec_name and before not in seen:
            seen.add(before)
            before = after.get(before)
        upstream = self.spec_name.get(before)
        fed = [n for n, s in self.sinks.items() if upstream and upstream in s.get("inputs", [])]
        if len(fed) != 1 and len(self.sinks) == 1:
            fed = list(self.sinks)
        if len(fed) == 1:
            self._put(op, (fed[0], "sink"))

    def _assign_stateless(self) -> None:
        """A Calc between two placed operators belongs to the one stateless transform of the
        spec that lies between their nodes, if there is exactly one."""
        inputs = {t.get("name"): t.get("inputs", []) for t in self.transforms}
        inputs.update({n: s.get("inputs", []) for n, s in self.sinks.items()})
        placed = [i for i, op in enumerate(self.order) if op in self.by_name]
        for i, op in enumerate(self.order):
            if op in self.by_name:
                continue
            prev = next((self.order[j] for j in reversed(placed) if j < i), None)
            nxt = next((self.order[j] for j in placed if j > i), None)
            if prev is None or nxt is None:
                continue
            a, b = self.spec_name[prev], self.spec_name[nxt]
            between = [
                t
                for t in self.transforms
                if t.get("type") not in STATEFUL
                and inputs.get(t.get("name")) == [a]
                and t.get("name") in inputs.get(b, [])
            ]
            if len(between) == 1:
                t = between[0]
                self._put(op, (t.get("name"), t.get("type")))

    def operators_of(self, node: str) -> list[str]:
        """The operators of a spec node, in plan order."""
        return [op for op in self.order if self.by_name.get(op, (None,))[0] == node]

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
