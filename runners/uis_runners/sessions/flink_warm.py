# SPDX-License-Identifier: Apache-2.0
"""The Flink data preview through the SQL Gateway: the same bounded script and one union job as
the cold preview (flink/preview.py: its rewrite, union, row handling and output), run in a
gateway session of its own (its views and SETs are seen by no other preview). Stop cancels the
running operation; the session cluster keeps serving. The warm test run (warm_tests.py) shares
the session's properties, the script's statements, the values as the cold path writes them and
the planner error that sends a run to the cold path."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections import Counter
from pathlib import Path

from ..flink.bounded import SETTINGS
from ..flink.preview import FlinkPreview
from ..log import log
from ..placeholders import resolve
from .gateway import Gateway, GatewayDown, GatewayError
from .inline_views import InlineViews
from .warm import WarmRun

# DESCRIBE's type names → PyFlink's DataType names (what the cold preview's schema line shows)
_PYFLINK_NAMES = {
    "STRING": "VARCHAR",
    "INTEGER": "INT",
    "BYTES": "VARBINARY",
    "TIMESTAMP_LTZ": "LOCALZONEDTIMESTAMP",
    "TIMESTAMP_WITH_LOCAL_TIME_ZONE": "LOCALZONEDTIMESTAMP",
    "TIMESTAMP_WITHOUT_TIME_ZONE": "TIMESTAMP",
}
_MARKER = re.compile(r"\s*\*(ROWTIME|PROCTIME)\*\s*$")
_LTZ = re.compile(r"^TIMESTAMP_LTZ\((\d+)\)|^TIMESTAMP\((\d+)\) WITH LOCAL TIME ZONE")


def shown_type(sql_type: str) -> str:
    head = re.match(r"[A-Z_]+", sql_type.upper())
    name = head.group(0) if head else sql_type
    if " WITH LOCAL TIME ZONE" in sql_type.upper():
        name = "TIMESTAMP_LTZ"
    return _PYFLINK_NAMES.get(name, name)


def collectable(sql_type: str) -> str:
    """As flink/preview.collectable: a TIMESTAMP_LTZ (PROCTIME() too) is collected as its
    TIMESTAMP in the session's zone (UTC)."""
    t = _MARKER.sub("", sql_type)
    m = _LTZ.match(t)
    return f"TIMESTAMP({m.group(1) or m.group(2)})" if m else t


def as_cold(value, logical: dict):
    """A gateway JSON value → the value the cold preview prints (testing.json_value)."""
    kind = logical.get("type", "")
    if value is None:
        return None
    if kind.startswith("TIMESTAMP") and isinstance(value, str):
        t = dt.datetime.fromisoformat(value.rstrip("Z"))
        return t.isoformat(timespec="milliseconds") + "Z"
    if kind == "TIME_WITHOUT_TIME_ZONE" and isinstance(value, str):
        return dt.time.fromisoformat(value).isoformat()
    if kind == "DECIMAL" and isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def session_properties(statements: list, args) -> dict:
    """A gateway session's properties: UTC, the bounded run's SETTINGS and, as in the cold
    runner, the script's SETs from the start (the runtime mode must be known when the session's
    planner is made) and the runner's --set options. Resolved: they reach the session only."""
    props = {"table.local-time-zone": "UTC", **SETTINGS}
    props.update({st.key: resolve(st.value) for st in statements if st.kind == "set"})
    for kv in args.set or []:
        k, _, v = kv.partition("=")
        props[k.strip()] = v.strip()
    return props


def run_script(gw: Gateway, statements: list, run, views: InlineViews, other=None) -> bool:
    """The script's SETs and DDL in the gateway session, in order, each view also noted in
    `views` (the queries run later inline them), any other statement handed to
    `other(statement)` in its place; False when `run` was stopped on the way. A SET the
    session already holds (a key set once, to the value it was opened with) is not sent again:
    one round trip less each. A key set twice, or one a --set option changed, is SET where the
    script does, as in the cold runner."""
    times = Counter(st.key for st in statements if st.kind == "set")
    for st in statements:
        if run.stop_requested:
            return False
        if st.kind == "set":
            # resolved here: the value reaches the session, never the log
            value = resolve(st.value)
            if times[st.key] > 1 or gw.properties.get(st.key) != value:
                gw.execute(f"SET '{st.key}' = '{value}'")
        elif st.kind == "ddl":
            text = resolve(st.text)
            gw.execute(text)
            views.note(text)
            log(f"line {st.line}: {st.head.split('(')[0].strip()}")
        elif other is not None:
            other(st)
    return True


def cannot_plan(error: BaseException) -> str | None:
    """The gateway's planner error on a view under a window table function, should a query
    still meet it (inline_views.py avoids it): the same script plans in one TableEnvironment,
    so the cold path runs: why, or None for another error."""
    if isinstance(error, GatewayError) and "belongs to a different planner" in str(error):
        return (
            "the SQL Gateway cannot plan this script (a view under a window function: "
            "a Flink 1.20 planner error in the gateway)"
        )
    return None


# A preview's shape in miniature: a raw file source typed by regular expressions, a tumbling
# window and a UNION ALL of both, collected in batch mode.
_WARM_UP_TABLE = """CREATE TEMPORARY TABLE `uis_warm_up` (
  `line` STRING,
  `at` AS TO_TIMESTAMP(REGEXP_EXTRACT(`line`, '^[^,]*,([^,]*)', 1)),
  WATERMARK FOR `at` AS `at`
) WITH ('connector' = 'filesystem', 'path' = '{path}', 'format' = 'raw')"""
_WARM_UP_QUERY = """WITH typed AS (
  SELECT REGEXP_EXTRACT(`line`, '^([^,]*)', 1) AS id,
    CASE WHEN REGEXP(REGEXP_EXTRACT(`line`, '^(?:[^,]*,){2}([^,]*)', 1), '^[0-9]+$')
      THEN TRY_CAST(REGEXP_EXTRACT(`line`, '^(?:[^,]*,){2}([^,]*)', 1) AS INT) END AS v, `at`
  FROM `uis_warm_up` WHERE REGEXP(`line`, '\\S')
)
SELECT 0 AS k, id, CAST(v AS INT) AS v, CAST(NULL AS BIGINT) AS n FROM typed
UNION ALL
SELECT 1, id, CAST(NULL AS INT), COUNT(*) FROM TABLE(
  TUMBLE(TABLE typed, DESCRIPTOR(`at`), INTERVAL '10' MINUTE)
) GROUP BY window_start, window_end, id"""


def warm_up(url: str, folder: Path, timeout: float = 60) -> None:
    """One tiny preview-shaped job through a gateway that has just started: the class loading
    and first compilations of the gateway's planner (its code splitter above all), the
    JobManager's scheduling and the TaskManager's code compiler are paid here once, not by the
    first previews. Best effort: a failure leaves the pair as it is."""
    data = folder / "warm-up"
    data.mkdir(parents=True, exist_ok=True)
    rows = (f"s{i % 3},2026-01-01 00:{i:02d}:00,{i}" for i in range(30))
    (data / "rows.csv").write_text("\n".join(rows) + "\n")
    gw = Gateway(url)
    try:
        props = {"table.local-time-zone": "UTC", **SETTINGS, "execution.runtime-mode": "batch"}
        gw.open({**props, "pipeline.name": "uis-warm-up"}, "uis-warm-up")
        gw.execute(_WARM_UP_TABLE.format(path=data.as_uri()))
        gw.execute("DESCRIBE `uis_warm_up`")
        end = time.monotonic() + timeout
        for _ in gw.results(gw.submit(_WARM_UP_QUERY)):
            if time.monotonic() > end:
                break  # the session's close cancels it
    except (GatewayError, GatewayDown, OSError) as e:
        log(f"the Flink warm-up job failed ({e}); the first previews pay its start-up")
    finally:
        gw.close()


class WarmFlinkPreview(WarmRun):
    engine = "flink"

    def __init__(self, job: dict, script: str, args, cold):
        super().__init__(args, cold)
        self.shape = FlinkPreview(job, script, args)
        self.gateway = None
        self.operation = None
        self.views = InlineViews()
        self.properties = {}

    def work(self, url: str) -> int:
        shape = self.shape
        statements = shape.prepare()
        self.gateway = gw = Gateway(url)
        self.properties = session_properties(statements, self.args)
        gw.open(self.properties, "uis-preview")
        try:
            if not run_script(gw, statements, self, self.views):
                return 0
            for node in shape.nodes:
                self.describe(node)
            if shape.nodes and not self.stop_requested:
                self.collect()
        finally:
            gw.close()
        log("dry run finished: no sink written")
        return 0

    def describe(self, node) -> None:
        from ..log import PREVIEW, emit

        rows = self.gateway.execute(f"DESCRIBE {node.source}")
        node.names = [r[0] for r in rows]
        node.sql_types = [collectable(r[1]) for r in rows]
        cols = [{"name": r[0], "type": shown_type(r[1])} for r in rows]
        emit(PREVIEW, {"event": "schema", "node": node.name, "kind": node.kind, "columns": cols})

    def collect(self) -> None:
        shape, gw = self.shape, self.gateway
        union = self.views.query(shape.union())
        if not shape.note_batch(self.properties.get("execution.runtime-mode", "")):
            shape.note_plan(gw.execute(f"EXPLAIN CHANGELOG_MODE {union}")[0][0])
        offsets = shape.offsets()
        self.operation = gw.submit(union)
        log(f"preview operation of {len(shape.nodes)} nodes submitted")
        done = False
        for page in gw.results(self.operation):
            types = [c.get("logicalType") or {} for c in page.get("columns") or []]
            for d in page.get("data") or []:
                values = [as_cold(v, t) for v, t in zip(d["fields"], types, strict=False)]
                if shape.take(d.get("kind", "INSERT"), values, offsets):
                    done = True
                    break
            if done or self.stop_requested:
                break
        self.interrupt()  # the job ends with the preview (a finished one is just closed)
        shape.finish()

    def interrupt(self) -> None:
        if self.gateway is not None and self.operation is not None:
            op, self.operation = self.operation, None
            try:
                self.gateway.cancel(op)
            except Exception:
                pass  # already finished
            self.gateway.close_operation(op)

    @staticmethod
    def is_dead(error: BaseException) -> bool:
        return isinstance(error, GatewayDown)

    def unsupported(self, error: BaseException) -> str | None:
        return cannot_plan(error) or super().unsupported(error)
