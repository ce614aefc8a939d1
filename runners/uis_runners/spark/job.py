# SPDX-License-Identifier: Apache-2.0
"""One spark-job run: the graph of named DataFrames, built from the config's sources,
transforms and sinks through their registries (sources.SOURCES, transforms.TRANSFORMS,
sinks.SINKS)."""

from __future__ import annotations

import re

from .. import localplatform
from ..errors import JobError, root_cause
from ..log import log
from . import session, streaming
from .nodecounts import NodeCounts
from .options import inputs_of
from .preview import preview
from .records import clean, has_poison
from .schema import reader_schema
from .sinks import SINKS
from .sources import SOURCES
from .transforms import TRANSFORMS, Step


class SparkJob:
    def __init__(self, job: dict, args):
        self.job = job
        self.args = args
        self.dry_run = args.dry_run
        self.limit = args.limit
        self.nodes = {}  # name -> DataFrame
        self.watermarked = set()  # names of nodes that carry a watermark
        self.kinds = {}  # name -> "source" | "transform"
        self.order = []  # node names in definition order (for previews)
        self.queries = []
        self.stop_requested = False
        self.spark = None
        self.shipped = None  # the package zip the executors import (session.ship_package)
        self.local_store = None  # the local platform's store (localplatform.store())
        self.failures = []
        self.mapped_by = {}  # source name -> its endpoint's field_mapping transform
        self.deferred_aliases = {}  # map transform name -> endpoint names that mean its output
        self.counts = NodeCounts()  # rows per spec node (the canvas's run overlay)
        self.spec_of = {}  # any name a node is known by -> the spec's node name
        self.views = set()  # names this run made a temp view of (sql transforms)

    # ---------------------------------------------------------------- graph
    @property
    def streaming(self) -> bool:
        if self.dry_run:
            return False
        return any(
            str(s.get("type")).lower() == "kafka" or s.get("streaming")
            for s in self.job.get("sources") or []
        )

    @property
    def counting(self) -> bool:
        """Whether rows are counted per node (not in a dry run, which previews instead)."""
        return not self.dry_run

    def counted(self, node: str, df, kind: str, inputs=()):
        """`df` with its row count observed under the spec's `node` (when counting)."""
        if not self.counting:
            return df
        return self.counts.observe(node, df, kind, [self.spec_of.get(i, i) for i in inputs])

    def register(self, name: str, df, kind: str, aliases=(), watermarked=False, spec_name=None):
        for n in (name, *aliases):
            self.spec_of.setdefault(n, spec_name or name)
        for n in (name, *aliases):
            if n and n not in self.nodes:
                self.nodes[n] = df
                if watermarked:
                    self.watermarked.add(n)
        self.kinds[name] = kind
        self.order.append(name)

    def validated(self, names: list) -> bool:
        """Whether a `schema_validation` reads the source known by `names`: naming it (or the
        endpoint's own field_mapping), or as the first transform, which reads every source."""
        transforms = self.job.get("transforms") or []
        via = set(names)
        for t in transforms:
            ins = inputs_of(t)
            if str(t.get("type", "")).lower() == "field_mapping" and len(ins) == 1:
                if ins[0] in via:
                    via.add(t.get("name"))
        for i, t in enumerate(transforms):
            if str(t.get("type", "")).lower() != "schema_validation":
                continue
            ins = inputs_of(t) or ([transforms[i - 1].get("name")] if i else [])
            if (set(ins) & via) or (not ins and i == 0):
                return True
        return False

    def input_df(self, names: list, what: str, keep_poison: bool = False):
        if not names:
            raise JobError(f"{what}: no inputs")
        missing = [n for n in names if n not in self.nodes]
        if missing:
            raise JobError(
                f"{what}: unknown input {missing[0]!r} (known: {', '.join(sorted(self.nodes))})"
            )
        # Only a schema_validation (and an endpoint's field_mapping before it) sees a source's
        # poison records; every other node reads its good records.
        frames = [self.nodes[n] if keep_poison else clean(self.nodes[n]) for n in names]
        df = frames[0]
        for other in frames[1:]:
            df = df.unionByName(other, allowMissingColumns=True)
        return df, any(n in self.watermarked for n in names)

    @staticmethod
    def source_aliases(src: dict, name: str) -> list:
        """The other names a source is known by: its endpoint (`stock_tickers` for
        `rest_stock_tickers`)."""
        aliases = [src.get("endpoint")] if src.get("endpoint") else []
        m = re.match(r"^(rest|file|files|file_ftp|kafka|websocket|webhook|database)_(.+)$", name)
        if m and m.group(2) not in aliases:
            aliases.append(m.group(2))
        return aliases

    def endpoint_mappings(self) -> dict:
        """source name -> the field_mapping transform that maps it: the endpoint's implicit
        `map_<endpoint>` (the compiler emits it first), or a field_mapping named after it.

        An endpoint with a field_mapping is seen through it by everything that names the
        endpoint (a sql query, an `inputs` list): its alias points at the mapped node, the raw
        source stays reachable by its own name."""
        out = {}
        sources = {(s.get("name") or ""): s for s in self.job.get("sources") or []}
        for t in self.job.get("transforms") or []:
            if str(t.get("type", "")).lower() != "field_mapping":
                continue
            ins = inputs_of(t)
            if len(ins) != 1:
                continue
            for sname, src in sources.items():
                names = [sname, *self.source_aliases(src, sname)]
                if (
                    ins[0] in names
                    and t.get("name") in [f"map_{a}" for a in names[1:]]
                    and sname not in out
                ):
                    out[sname] = t
        return out

    # ---------------------------------------------------------------- build
    def build_sources(self):
        self.mapped_by = self.endpoint_mappings()
        for src in self.job.get("sources") or []:
            kind = str(src.get("type", "")).lower()
            name = src.get("name") or f"{kind}_{len(self.order)}"
            log(f"source {name} ({kind})")
            schema, note = reader_schema(src, self.mapped_by.get(name))
            if note:
                log(f"source {name}: {note}")
            src = {**src, "schema": schema}
            read = SOURCES.handler(kind)
            if read is None:
                raise JobError(
                    f"source {name}: unsupported type {kind!r} (rest_api, file_ftp, kafka)"
                )
            df = read(self, src, kind)
            aliases = self.source_aliases(src, name)
            if has_poison(df):
                # Poison records (records.py) go to the schema_validation that reads the
                # endpoint; without one the source drops them, counted and logged.
                drops = not self.validated([name, *aliases])
                if self.counting:
                    df = self.counts.observe_poison(src.get("endpoint") or name, df, drops)
                if drops:
                    df = clean(df)
            df = self.counted(src.get("endpoint") or name, df, "source")
            if name in self.mapped_by:
                # the endpoint's name means its mapped columns: registered with map_<endpoint>
                self.deferred_aliases[self.mapped_by[name].get("name")] = aliases
                aliases = []
            self.register(name, df, "source", aliases, spec_name=src.get("endpoint") or name)

    def build_transforms(self):
        prev = None
        source_names = [s.get("name") for s in self.job.get("sources") or []]
        for i, t in enumerate(self.job.get("transforms") or []):
            kind = str(t.get("type", "")).lower()
            name = t.get("name") or f"{kind}_{i}"
            ins = inputs_of(t) or ([prev] if prev else source_names)
            mapped_source = next((sn for sn, mt in self.mapped_by.items() if mt is t), None)
            if (
                mapped_source
            ):  # an endpoint's own mapping reads the raw source, whatever it was called
                ins = [mapped_source]
            what = f"transform {name} ({kind})"
            keep = kind in ("schema_validation", "field_mapping")  # a mapping only renames
            df, wm = self.input_df(ins, what, keep_poison=keep)
            log(f"{what} <- {', '.join(ins)}")
            apply = TRANSFORMS.handler(kind)
            if apply is None:
                raise JobError(f"{what}: unsupported transform type")
            df, wm = apply(self, Step(name, t, ins, df, wm))
            df = self.counted(name, df, "transform", ins)
            self.register(
                name, df, "transform", aliases=self.deferred_aliases.get(name, ()), watermarked=wm
            )
            prev = name

    def build_sinks(self):
        sinks = self.job.get("sinks") or []
        if not sinks:
            raise JobError("the job has no sinks")
        last = self.order[-1] if self.order else None
        for i, s in enumerate(sinks):
            kind = str(s.get("type", "")).lower()
            name = s.get("name") or f"{kind}_{i}"
            ins = inputs_of(s) or ([last] if last else [])
            df, _ = self.input_df(ins, f"sink {name} ({kind})")
            log(f"sink {name} ({kind}) <- {', '.join(ins)}")
            writer = SINKS.handler(kind)
            if writer is None:
                raise JobError(
                    f"sink {name}: unsupported type {kind!r} "
                    "(parquet, iceberg, clickhouse, kafka, rest_api, console)"
                )
            df = self.counted(name, df, "sink", ins)
            if df.isStreaming:
                streaming.start(self, name, kind, s, df, writer)
            else:
                try:
                    writer(self, name, s, df)
                except Exception as e:
                    self.counts.errors[name] = root_cause(e)
                    raise
                self.counts.written.add(name)

    # ---------------------------------------------------------------- run
    def run(self) -> int:
        session.start(self)
        self.build_sources()
        self.build_transforms()
        if self.dry_run:
            preview(self)
            log("dry run finished: no sink written")
            return 0
        if self.local_store:
            localplatform.create_sink_buckets(self.job, self.local_store)
        try:
            self.build_sinks()
            if self.queries:
                streaming.await_queries(self)
            else:
                self.counts.log_batch_poison()
        finally:
            self.counts.report()
        if self.failures:
            raise JobError("; ".join(self.failures))
        log("job finished")
        return 0

    def stoppable(self) -> bool:
        return bool(self.queries)  # streaming queries stop gracefully; a batch is interrupted

    def close(self):
        session.stop(self)
