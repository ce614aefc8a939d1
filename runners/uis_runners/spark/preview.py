# SPDX-License-Identifier: Apache-2.0
"""`--dry-run`: a schema line, up to --limit row lines and an end line per node, in definition
order (the `uis-preview:` lines of the GUI's data preview). The same code serves a classic
session and a Spark Connect one (sessions/spark_warm.py): rows become JSON in the engine
(`to_json`), which both have, so warm and cold rows are the same text."""

from __future__ import annotations

import json

from ..log import PREVIEW, emit
from .frames import columns, schema
from .records import clean


def preview(run) -> None:
    from pyspark.sql import functions as F

    for name in run.order:
        if run.stop_requested:  # a warm preview's Stop (sessions/spark_warm.py)
            break
        df = clean(run.nodes[name])  # poison records show in a dead-letter node
        cols = [{"name": f.name, "type": f.dataType.simpleString()} for f in schema(df).fields]
        emit(PREVIEW, {"event": "schema", "node": name, "kind": run.kinds[name], "columns": cols})
        as_json = F.to_json(F.struct(*[F.col(f"`{c}`") for c in columns(df)]))
        rows = [r[0] for r in df.limit(run.limit).select(as_json).collect()]
        for i, r in enumerate(rows):
            emit(PREVIEW, {"event": "row", "node": name, "index": i, "data": json.loads(r)})
        emit(PREVIEW, {"event": "end", "node": name, "rows": len(rows)})
