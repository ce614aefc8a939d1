# SPDX-License-Identifier: Apache-2.0
"""Golden-data test mode of both runners (`uisctl test`, UIS-SPEC.md "Pipeline tests").

    --test-inputs FILE.json   endpoint name → list of row objects (one case), or
                              {"cases": [{"name", "inputs", "capture_dir"}, ...]} (several cases
                              in one engine process: Spark and the Flink gateway start once)
    --capture-dir DIR         every sink's rows go to DIR/<sink>.jsonl instead of being written

Each endpoint's source is replaced by its rows, read in order as one bounded stream; each sink
is captured. At the end of the input every open window closes:

- Spark runs the job's plan as a batch over the rows (the `streaming` switch of the job is off):
  a batch window aggregate emits every window, a batch dedupe keeps one row per key. That is
  what a stream computes once a final watermark passes every window, without depending on
  micro-batch timing. The rows are one input partition, so "first row per key" is the first in
  input order.
- Flink reads each source table from a JSON file through the `filesystem` connector, keeping the
  table's columns, watermark and primary key: a bounded source, whose end emits the final
  watermark (MAX) that closes every window. Each INSERT runs as its SELECT, collected; a
  changelog is applied (retractions remove rows; a sink with a primary key keeps the last row per
  key, as an upsert sink does). Parallelism is 1 and restarts are off, so a case is deterministic
  and a failure ends it. The rewrite of the script is flink/bounded.py, shared with the preview.

Timestamps in inputs are ISO-8601 strings (`Z`, an offset, or none = UTC) or epoch
milliseconds; captured timestamps are ISO-8601 in UTC. A case that fails writes its cause to
`<capture_dir>/_error.txt` and the next case runs.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConfigError, root_cause
from .flink.bounded import BoundedScript, FinalRows, TableDdl, row_kind
from .jobconfig import read_text
from .log import log

ERROR_FILE = "_error.txt"


# ---------------------------------------------------------------------------- cases
@dataclass
class Case:
    name: str
    inputs: dict  # endpoint → [rows]
    capture_dir: str
    seconds: float = 0.0
    error: str = ""
    extra: dict = field(default_factory=dict)


def load_cases(path: str, capture_dir: str | None) -> list[Case]:
    try:
        data = json.loads(read_text(path, "test inputs"))
    except ValueError as e:
        raise ConfigError(f"cannot read test inputs {path}: {e}") from None
    if isinstance(data, dict) and isinstance(data.get("cases"), list):
        out = []
        for i, c in enumerate(data["cases"]):
            name = str(c.get("name") or f"case_{i}")
            cdir = c.get("capture_dir") or os.path.join(
                capture_dir or "captures", re.sub(r"[^\w.-]", "_", name)
            )
            out.append(Case(name, dict(c.get("inputs") or {}), cdir))
        return out
    if not isinstance(data, dict):
        raise ConfigError(f"test inputs {path}: expected an object of endpoint → rows")
    if not capture_dir:
        raise ConfigError("--test-inputs needs --capture-dir")
    return [Case("case", data, capture_dir)]


def rows_for(case: Case, names) -> list:
    for n in names:
        if n and n in case.inputs:
            rows = case.inputs[n]
            if not isinstance(rows, list):
                raise ConfigError(f"test inputs of {n}: expected a list of rows")
            return rows
    return []


# ---------------------------------------------------------------------------- values
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$")


def instant(v) -> dt.datetime | None:
    """An ISO-8601 string (naive = UTC) or epoch milliseconds → an aware UTC datetime."""
    if v is None or isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return dt.datetime.fromtimestamp(v / 1000.0, tz=dt.UTC)
    s = str(v).strip()
    if re.fullmatch(r"-?\d+", s):
        return dt.datetime.fromtimestamp(int(s) / 1000.0, tz=dt.UTC)
    if not _ISO.match(s):
        return None
    try:
        t = dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        return None
    if t.tzinfo is None:
        t = t.replace(tzinfo=dt.UTC)
    return t.astimezone(dt.UTC)


def is_timestamp_type(t) -> bool:
    t = str(t or "").strip().lower()
    return t.startswith("timestamp")


def json_value(v):
    """An engine value → JSON: timestamps as ISO-8601 UTC, decimals as numbers."""
    if isinstance(v, dt.datetime):
        if v.tzinfo is not None:
            v = v.astimezone(dt.UTC).replace(tzinfo=None)
        return v.isoformat(timespec="milliseconds") + "Z"
    if isinstance(v, (dt.date, dt.time)):
        return v.isoformat()
    if isinstance(v, decimal.Decimal):
        return int(v) if v == v.to_integral_value() and v.as_tuple().exponent >= 0 else float(v)
    if isinstance(v, (bytes, bytearray)):
        return v.decode("utf-8", "replace")
    if isinstance(v, (list, tuple)):
        return [json_value(x) for x in v]
    if isinstance(v, dict):
        return {str(k): json_value(x) for k, x in v.items()}
    if hasattr(v, "as_dict"):
        return json_value(v.as_dict())
    return v


def write_rows(capture_dir: str, sink: str, rows: list, append: bool = True) -> None:
    os.makedirs(capture_dir, exist_ok=True)
    with open(os.path.join(capture_dir, f"{sink}.jsonl"), "a" if append else "w") as f:
        for r in rows:
            f.write(json.dumps(r, sort_keys=False) + "\n")


def in_utc() -> None:
    """This process's local time zone becomes UTC: engine values (timestamps without a zone)
    convert to the same instants on every machine."""
    os.environ["TZ"] = "UTC"
    time.tzset()


def run_cases(cases: list[Case], run_one, fatal=None) -> int:
    """Runs every case; a failing case writes `_error.txt` and the next one runs, but for an
    error `fatal(error)` holds for (a warm run's stop or dead server: it ends the run, the
    caller decides what follows). Exit 0 when every case ran (whether its rows match is for the
    caller to say), 1 otherwise."""
    failed = 0
    for c in cases:
        os.makedirs(c.capture_dir, exist_ok=True)
        for p in Path(c.capture_dir).glob("*.jsonl"):
            p.unlink()
        err = Path(c.capture_dir) / ERROR_FILE
        if err.exists():
            err.unlink()
        log(f"test case {c.name}: running")
        started = time.time()
        try:
            run_one(c)
        except Exception as e:
            if fatal is not None and fatal(e):
                raise
            c.error = root_cause(e)
            err.write_text(c.error + "\n", encoding="utf-8")
            failed += 1
            log(f"test case {c.name}: FAILED: {c.error.splitlines()[0] if c.error else ''}")
        c.seconds = time.time() - started
        (Path(c.capture_dir) / "_seconds.txt").write_text(f"{c.seconds:.3f}\n")
        if not c.error:
            log(f"test case {c.name}: done in {c.seconds:.1f}s")
    return 1 if failed else 0


# ---------------------------------------------------------------------------- Spark
def spark_row(row: dict, types: dict) -> dict:
    """A test row for Spark's JSON reader: timestamp columns as ISO-8601 with an explicit UTC."""
    out = {}
    for k, v in row.items():
        if types and is_timestamp_type(types.get(k)):
            t = instant(v)
            out[k] = t.isoformat(timespec="milliseconds").replace("+00:00", "Z") if t else v
        else:
            out[k] = v
    return out


class CasesRun:
    """What both engines' test modes share: the cases of --test-inputs, run one after the other
    until done (a signal interrupts them: nothing is stopped gracefully)."""

    def __init__(self, job: dict, args):
        self.job = job
        self.args = args
        self.cases = load_cases(args.test_inputs, args.capture_dir)
        self.current: Case | None = None
        self.stop_requested = False

    def stoppable(self) -> bool:
        return False

    def close(self):
        pass


def spark_capture(capture_dir: str, name: str, df) -> None:
    """A sink's rows, as JSON made by the engine (`to_json`: a classic and a Spark Connect
    session alike, the latter has no toJSON), appended to `<capture_dir>/<name>.jsonl`."""
    from pyspark.sql import functions as F

    from .spark.frames import columns

    as_json = F.to_json(F.struct(*[F.col(f"`{c}`") for c in columns(df)]))
    lines = [r[0] for r in df.select(as_json).collect()]
    write_rows(capture_dir, name, [json.loads(x) for x in lines])
    log(f"sink {name}: captured {len(lines)} rows")


class SparkTests(CasesRun):
    """The Spark runner in test mode: one session, every case through the job's own graph. A
    warm run (sessions/warm_tests.py) runs the same cases on a Spark Connect session."""

    def __init__(self, job: dict, args):
        super().__init__(job, args)
        self.first = None  # the SparkJob whose session the others share
        self.job_class = None

    def install(self):
        """Sources read the current case's rows, sinks are captured; returns the job class."""
        from .spark.job import SparkJob
        from .spark.sinks import SINKS
        from .spark.sources import SOURCES

        tests = self

        class TestJob(SparkJob):
            @property
            def streaming(self) -> bool:  # the plan runs as a batch over the rows
                return False

            @property
            def counting(self) -> bool:  # a test compares rows, not counts
                return False

        def source(run, src, kind):
            from .spark.sources import json_lines

            rows = rows_for(
                tests.current, [src.get("endpoint"), src.get("name"), *run.source_aliases(src, "")]
            )
            log(f"source {src.get('name')}: {len(rows)} test rows")
            # Read as a real source sends them: the values by the one rule of records.py.
            lines = [json.dumps(r) for r in rows]
            return json_lines(run, src, lines, f"test input {src.get('endpoint') or ''}".strip())

        def capture(_run, name, _s, df):
            spark_capture(tests.current.capture_dir, name, df)

        for k in list(SOURCES):
            SOURCES[k] = source
        for k in list(SINKS):
            SINKS[k] = capture
        self.job_class = TestJob
        return TestJob

    def run_case(self, spark, case: Case) -> None:
        """One case on `spark`: the settings every case runs with, then the job's graph."""
        self.current = case
        run = self.job_class(self.job, self.args)
        run.spark = spark
        spark.conf.set("spark.sql.session.timeZone", "UTC")
        spark.conf.set("spark.sql.jsonGenerator.ignoreNullFields", "false")
        spark.conf.set("spark.sql.shuffle.partitions", "4")
        run.build_sources()
        run.build_transforms()
        run.build_sinks()
        if run.failures:
            raise RuntimeError("; ".join(run.failures))

    def run(self) -> int:
        in_utc()
        self.install()
        from .spark import session

        def one(case: Case):
            if self.first is None:
                self.first = self.job_class(self.job, self.args)
                session.start(self.first)
            self.run_case(self.first.spark, case)

        return run_cases(self.cases, one)

    def close(self):
        if self.first is not None:
            from .spark import session

            session.stop(self.first)


# ---------------------------------------------------------------------------- Flink
def flink_row(row: dict, columns: list) -> dict:
    """A test row for Flink's JSON format: TIMESTAMP columns as `yyyy-MM-dd HH:mm:ss.SSS` UTC."""
    types = {n: t for n, t in columns}
    out = {}
    for k, v in row.items():
        t = str(types.get(k, "")).upper()
        if t.startswith("TIMESTAMP"):
            inst = instant(v)
            out[k] = (
                inst.strftime("%Y-%m-%d %H:%M:%S.") + f"{inst.microsecond // 1000:03d}"
                if inst
                else v
            )
        else:
            out[k] = v
    return out


def write_csv(f, rows: list, columns: list, delimiter: str) -> None:
    """Test rows as the lines of a csv file without header: a missing or null value is an
    empty field, an object or array its JSON."""
    import csv

    w = csv.writer(f, delimiter=delimiter[:1] or ",", lineterminator="\n")
    for r in rows:
        values = [r.get(c) for c in columns]
        w.writerow(
            "" if v is None else json.dumps(v) if isinstance(v, dict | list) else str(v)
            for v in values
        )


def no_metadata(element: str) -> str:
    """A column of a source table read from a test file instead: a metadata column (a Kafka
    record's topic, partition, offset) is NULL; `""` drops one that nothing can read."""
    m = re.match(r"^(`(?:[^`]|``)+`|\w+)\s+(.*?)\s+METADATA\b", element, re.I | re.S)
    if not m or element.upper().startswith("WATERMARK"):
        return element
    if "VIRTUAL" not in element.upper():
        return ""
    return f"{m.group(1)} AS CAST(NULL AS {m.group(2)})"


class FlinkTests(CasesRun):
    """The Flink runner in test mode: for each case a fresh TableEnvironment on the mini-cluster
    runs the script with file sources and collected sinks."""

    def __init__(self, job: dict, script: str, args):
        super().__init__(job, args)
        self.script = script

    def endpoint_of(self, table: str) -> list:
        # A file source reads its files through the table `<source>__files` (text columns that
        # a view parses): the test rows go there, as text, and the view parses them.
        name = table.removesuffix("__files")
        for s in self.job.get("sources") or []:
            if s.get("name") == name:
                return [s.get("endpoint"), table]
        m = re.match(r"^(?:kafka|websocket|webhook|cdc|file|files|database|rest)_(.+)$", name)
        return [m.group(1), table] if m else [table]

    def sink_of(self, target: str) -> str:
        sinks = self.job.get("sinks") or []
        for s in sinks:
            names = {s.get("name")}
            table = s.get("table") or s.get("table_name")
            if table:
                cat = (s.get("config") or {}).get("catalog") or s.get("catalog")
                names |= {table, f"{cat}.{table}" if cat else table}
            if target in names or target.split(".")[-1] == s.get("name"):
                return s.get("name")
        return sinks[0].get("name") if len(sinks) == 1 else target.split(".")[-1]

    def rewrite(self, script: BoundedScript, case: Case, work: Path) -> list:
        """Sources read the case's rows from files; each INSERT's SELECT is collected."""
        from .flink.statements import Statement

        def capture(st, target: str, query: str) -> list:
            cap = Statement("uis_capture", query, st.line)
            cap.key = target
            cap.value = self.sink_of(target)
            return [cap]

        out = script.rewrite(lambda st, t: self.file_source(st, t, case, work), capture)
        self.tables = script.tables
        return out

    def file_source(self, st, t: TableDdl, case: Case, work: Path):
        from .flink.statements import Statement

        rows = rows_for(case, self.endpoint_of(t.name))
        folder = work / re.sub(r"[^\w.-]", "_", t.name)
        folder.mkdir(parents=True, exist_ok=True)
        path = (folder / "rows.json").resolve()  # file:// needs an absolute path
        # A checked source (one `uis_raw` column that views type and check) reads each row as
        # the record itself, timestamps as the case wrote them (a csv file's as a csv line of
        # its schema's columns); others read typed JSON.
        raw = [n for n, _ in t.columns] == ["uis_raw"]
        csv_columns = self.csv_columns(t.name) if raw else None
        with open(path, "w", newline="") as f:
            if csv_columns is not None:
                write_csv(f, rows, *csv_columns)
            for r in rows if csv_columns is None else []:
                f.write(json.dumps(r if raw else flink_row(r, t.columns), default=str) + "\n")
        log(f"source {t.name}: {len(rows)} test rows")
        keep = [no_metadata(e) for e in t.elements]
        text = (
            t.head
            + "\n  "
            + ",\n  ".join(e for e in keep if e)
            + "\n) WITH (\n  'connector' = 'filesystem',\n"
            + f"  'path' = 'file://{path}',\n  'format' = '{'raw' if raw else 'json'}'\n)"
        )
        return Statement("ddl", text, st.line)

    def csv_columns(self, table: str) -> tuple[list, str] | None:
        """(columns, delimiter) of a csv file source read through `table`, else None."""
        name = table.removesuffix("__files")
        for s in self.job.get("sources") or []:
            if s.get("name") == name and str(s.get("format", "")).lower() == "csv":
                opts = s.get("options") or {}
                sep = opts.get("delimiter") or opts.get("sep") or ","
                return [c.get("name") for c in s.get("schema") or []], sep
        return None

    def capture(self, runner, st) -> int:
        case = self.current
        sink = st.value
        table = self.tables.get(st.key)
        result = runner.tenv.execute_sql(st.text)
        names = (
            [n for n, _ in table.columns]
            if table and table.columns
            else list(result.get_table_schema().get_field_names())
        )
        final = FinalRows(table.primary_key if table else [])
        with result.collect() as it:
            for row in it:
                final.apply(
                    row_kind(row),
                    {n: json_value(v) for n, v in zip(names, list(row), strict=False)},
                )
        write_rows(case.capture_dir, sink, final.rows)
        log(f"sink {sink}: captured {len(final)} rows")
        return 0

    def run(self) -> int:
        in_utc()
        from .flink.runner import STATEMENTS, FlinkRunner
        from .flink.statements import split_sql

        STATEMENTS["uis_capture"] = lambda runner, st: self.capture(runner, st)
        script = BoundedScript(split_sql(self.script))
        BoundedScript.configure(self.args)
        self.args.set.append("table.local-time-zone=UTC")

        def one(case: Case):
            self.current = case
            work = Path(case.capture_dir) / "_inputs"
            statements = self.rewrite(script, case, work)
            runner = FlinkRunner(statements, self.args)
            runner.run()

        return run_cases(self.cases, one)
