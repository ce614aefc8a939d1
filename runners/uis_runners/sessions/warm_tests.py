# SPDX-License-Identifier: Apache-2.0
"""The golden-data test mode (uis_runners.testing) on the warm pair: the same cases, rows and
captures as the cold test run, with no engine to start.

- Spark: every case through the job's own graph (testing.SparkTests.run_case) on a Spark Connect
  session of its own; the test rows reach the server as a local relation (sources.json_lines).
- Flink: each case in a gateway session of its own (the cold run makes a TableEnvironment per
  case), its script rewritten as the cold run rewrites it (testing.FlinkTests: sources read the
  case's rows from files, each INSERT's SELECT is collected and applied as a changelog). The
  files are on this machine: a gateway elsewhere cannot read them, and the cold path runs.

A stop signal interrupts the server-side work (Spark: this run's tag; Flink: the running
operation) and ends the run with exit 130, as a stopped cold test run does; what cannot run warm
(a dead server after its one restart, a gateway planner error) runs
cold with the reason (sessions/warm.py)."""

from __future__ import annotations

import uuid
from pathlib import Path

from ..errors import CannotRunWarm
from ..flink.bounded import BoundedScript, FinalRows
from ..flink.statements import split_sql
from ..log import log
from ..testing import Case, FlinkTests, SparkTests, in_utc, run_cases, write_rows
from . import spark_warm
from .flink_warm import as_cold, cannot_plan, run_script, session_properties
from .gateway import Gateway, GatewayDown
from .inline_views import InlineViews
from .warm import Stopped, WarmRun, is_loopback


class WarmTests(WarmRun):
    what = "test run"
    stopped_rc = 130  # as a cold test run interrupted by the signal

    def check_stop(self) -> None:
        if self.stop_requested:
            raise Stopped("stopped")


class WarmSparkTests(WarmTests):
    engine = "spark"

    def __init__(self, job: dict, args, cold):
        super().__init__(args, cold)
        self.tests = SparkTests(job, args)
        self.spark = None
        self.tag = f"uis-test-{uuid.uuid4().hex}"

    def work(self, url: str) -> int:
        in_utc()
        self.tests.install()
        self.spark = spark_warm.remote_session(url, self.tests.job, self.tag)

        def one(case: Case):
            self.check_stop()
            self.tests.run_case(self.spark, case)

        try:
            return run_cases(self.tests.cases, one, fatal=self.fatal)
        finally:
            self.spark.stop()  # the client's channel only: the server keeps serving

    def before_cold(self) -> None:
        spark_warm.leave_connect()

    def interrupt(self) -> None:
        if self.spark is not None:
            self.spark.interruptTag(self.tag)

    @staticmethod
    def is_dead(error: BaseException) -> bool:
        return spark_warm.is_dead(error)


class WarmFlinkTests(WarmTests):
    engine = "flink"

    def __init__(self, job: dict, script: str, args, cold):
        super().__init__(args, cold)
        self.tests = FlinkTests(job, script, args)
        self.gateway = None
        self.operation = None
        self.views = InlineViews()

    def work(self, url: str) -> int:
        in_utc()
        if not is_loopback(url):
            raise CannotRunWarm(
                f"the test rows are files on this machine, which the cluster behind the SQL "
                f"Gateway at {url} cannot read"
            )
        script = BoundedScript(split_sql(self.tests.script))
        return run_cases(self.tests.cases, lambda c: self.run_case(url, script, c), self.fatal)

    def run_case(self, url: str, script: BoundedScript, case: Case) -> None:
        self.check_stop()
        self.tests.current = case
        statements = self.tests.rewrite(script, case, Path(case.capture_dir) / "_inputs")
        self.gateway = gw = Gateway(url)
        self.views = InlineViews()
        gw.open(session_properties(statements, self.args), "uis-test")
        try:
            if not run_script(gw, statements, self, self.views, self.other):
                raise Stopped("stopped")
        finally:
            gw.close()

    def other(self, st) -> None:
        """A statement besides SET and DDL: a sink's capture (a SELECT printed by the cold
        runner is no part of a test)."""
        if st.kind == "uis_capture":
            self.capture(st)
        elif st.kind == "select":
            log(f"line {st.line}: SELECT not run in a test")

    def capture(self, st) -> None:
        """The INSERT's SELECT collected in the gateway session: its changelog applied as the
        cold run applies it (FinalRows), its values as the cold run writes them (as_cold)."""
        case, sink = self.tests.current, st.value
        table = self.tests.tables.get(st.key)
        names = [n for n, _ in table.columns] if table and table.columns else None
        final = FinalRows(table.primary_key if table else [])
        self.operation = op = self.gateway.submit(self.views.query(st.text))
        try:
            for page in self.gateway.results(op):
                columns = page.get("columns") or []
                names = names or [c.get("name") for c in columns]
                types = [c.get("logicalType") or {} for c in columns]
                for d in page.get("data") or []:
                    values = [as_cold(v, t) for v, t in zip(d["fields"], types, strict=False)]
                    final.apply(d.get("kind", "INSERT"), dict(zip(names, values, strict=False)))
                self.check_stop()
        finally:
            self.operation = None
            self.gateway.close_operation(op)
        write_rows(case.capture_dir, sink, final.rows)
        log(f"sink {sink}: captured {len(final)} rows")

    def interrupt(self) -> None:
        gw, op = self.gateway, self.operation
        if gw is not None and op is not None:
            try:
                gw.cancel(op)
            except Exception:
                pass  # already finished

    @staticmethod
    def is_dead(error: BaseException) -> bool:
        return isinstance(error, GatewayDown)

    def unsupported(self, error: BaseException) -> str | None:
        return cannot_plan(error) or super().unsupported(error)
