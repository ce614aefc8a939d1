# SPDX-License-Identifier: Apache-2.0
"""Runs split statements on a local Flink mini-cluster through PyFlink's TableEnvironment.
Statement kinds dispatch through STATEMENTS (kind → handler(runner, statement) → number of
statements EXPLAINed), the same registry style as the Spark runner's sources, transforms and
sinks."""

from __future__ import annotations

import os
import time

from .. import localplatform
from ..errors import JobError, root_cause
from ..jobconfig import jar_dir, jars_in, load_json
from ..log import FLINK_ROW, emit, log
from ..placeholders import resolve
from ..registry import Registry
from .jobgraph import reset_node_ids
from .nodecounts import NodeCounts
from .poison import PoisonLog
from .restarts import RestartWatch, local_rest

TERMINAL = {"FINISHED", "FAILED", "CANCELED"}

STATEMENTS = Registry("statement")


@STATEMENTS.register("set")
def set_option(runner, st) -> int:
    runner.tenv.get_config().set(st.key, resolve(st.value))
    return 0


@STATEMENTS.register("reset")
def reset_option(_runner, _st) -> int:
    return 0  # the script's SETs stay in force; RESET is accepted for sql-client parity


@STATEMENTS.register("ddl")
def ddl(runner, st) -> int:
    runner.tenv.execute_sql(resolve(runner.poison.ddl(st.text)))
    log(f"line {st.line}: {st.head.split('(')[0].strip()}")
    return 0


def explained(runner, st, plan, what: str) -> None:
    log(f"line {st.line}: EXPLAIN ok: {what}")
    if runner.args.print_plan and plan is not None:
        print(plan, flush=True)


@STATEMENTS.register("insert")
def insert(runner, st) -> int:
    if runner.args.explain:
        explained(runner, st, runner.tenv.explain_sql(resolve(st.text)), st.head)
        return 1
    reset_node_ids(runner.tenv)
    runner.submit(runner.tenv.execute_sql(resolve(st.text)), st.head)
    return 0


@STATEMENTS.register("statement_set")
def statement_set(runner, st) -> int:
    ss = runner.tenv.create_statement_set()
    for ins in st.inserts:
        ss.add_insert_sql(resolve(ins))
    what = f"statement set of {len(st.inserts)} INSERTs"
    if runner.args.explain:
        explained(runner, st, ss.explain(), what)
        return len(st.inserts)
    reset_node_ids(runner.tenv)
    runner.submit(ss.execute(), what)
    return 0


@STATEMENTS.register("select")
def select(runner, st) -> int:
    if runner.args.explain:
        runner.tenv.explain_sql(resolve(st.text))
        explained(runner, st, None, st.head)
        return 1
    result = runner.tenv.execute_sql(resolve(st.text))
    names = result.get_table_schema().get_field_names()
    count = 0
    with result.collect() as rows:
        for row in rows:
            emit(
                FLINK_ROW,
                dict(zip(names, [str(v) if v is not None else None for v in row], strict=False)),
            )
            count += 1
            if runner.args.max_rows and count >= runner.args.max_rows:
                break
    log(f"line {st.line}: {count} rows")
    return 0


class FlinkRunner:
    def __init__(self, statements: list, args):
        self.statements = statements
        self.args = args
        self.tenv = None
        self.jobs = []  # (job_client, job id)
        self.rest_urls = []  # where the cluster's REST API may be (restarts and their causes)
        self.watches = {}  # job id -> RestartWatch
        self.stop_requested = False
        job = node_job(args)
        self.counts = NodeCounts(job)  # rows per spec node (the run overlay)
        self.poison = PoisonLog(job if job is not None else script_job(args))
        self.counts.on_entries = self.poison.note

    def create_env(self):
        store = localplatform.store()
        plugins, s3 = localplatform.prepare_flink(store) if store else (None, {})
        catalogs = localplatform.apply_flink(self.statements, store) if store else None
        # Hadoop classes (Iceberg's Hadoop catalog) must be on the JVM's own classpath; PyFlink's
        # gateway launcher adds HADOOP_CLASSPATH to it. So must S3A for a Hadoop catalog in the
        # local store, its settings in HADOOP_CONF_DIR.
        given = os.environ.get("HADOOP_CLASSPATH")
        hadoop = (
            given.split(":") if given else jars_in(jar_dir("hadoop", self.args.hadoop_jars_dir))
        )
        if catalogs and catalogs.hadoop:
            hadoop += localplatform.s3a_jars()
            os.environ["HADOOP_CONF_DIR"] = localplatform.hadoop_conf_dir(store)
        if hadoop:
            os.environ["HADOOP_CLASSPATH"] = ":".join(hadoop)
        if not self.args.explain:
            self.counts.classpath()
        from pyflink.common import Configuration
        from pyflink.table import EnvironmentSettings, TableEnvironment

        conf = Configuration()
        for k, v in s3.items():
            conf.set_string(k, v)
        # The runtime mode must be known when the environment is created, so SET statements
        # are applied up front as well as in order.
        for s in self.statements:
            if s.kind == "set":
                conf.set_string(s.key, resolve(s.value))
        for kv in self.args.set or []:
            k, _, v = kv.partition("=")
            conf.set_string(k.strip(), v.strip())
        if not self.args.explain:
            self.counts.configure(conf)
        jars = jars_in(jar_dir("flink", self.args.jars_dir, "UIS_FLINK_JARS_DIR"))
        jars += catalogs.jars if catalogs else []
        if jars:
            conf.set_string("pipeline.jars", ";".join("file://" + j for j in jars))
        batch = conf.get_string("execution.runtime-mode", "streaming").lower() == "batch"
        self.rest_urls = local_rest(conf)
        if store:
            localplatform.init_flink_filesystems(conf._j_configuration, plugins)
            if not self.args.explain:
                buckets = localplatform.sql_buckets(self.statements) + catalogs.buckets
                localplatform.create_buckets(list(dict.fromkeys(buckets)), store)
        settings = EnvironmentSettings.new_instance()
        settings = settings.in_batch_mode() if batch else settings.in_streaming_mode()
        self.tenv = TableEnvironment.create(settings.with_configuration(conf).build())
        if not self.args.explain:
            local = conf.get_string("execution.target", "local").lower() in ("local", "")
            self.poison.start(self.statements, local)
        log(
            f"Flink {flink_version()} TableEnvironment ({'batch' if batch else 'streaming'}) "
            f"with {len(jars)} connector jars"
        )

    def run(self) -> int:
        self.create_env()
        n_explained = 0
        for st in self.statements:
            if self.stop_requested:
                break
            run = STATEMENTS.handler(st.kind)
            if run is None:
                raise JobError(f"line {st.line}: unknown statement kind {st.kind!r}")
            try:
                n_explained += run(self, st)
            except JobError:
                raise
            except Exception as e:
                raise JobError(f"line {st.line} ({st.head[:60]}): {root_cause(e)}") from e
        if self.args.explain:
            if n_explained == 0:
                raise JobError("nothing to EXPLAIN: the script has no INSERT or SELECT")
            log(f"EXPLAIN passed for {n_explained} statement(s)")
            return 0
        return self.wait()

    def submit(self, result, what: str):
        client = result.get_job_client()
        if client is None:
            log(f"{what}: no job (nothing to run)")
            return
        jid = str(client.get_job_id())
        log(f"job {jid} submitted ({what})")
        self.jobs.append((client, jid))
        self.watches[jid] = RestartWatch(jid, self.rest_urls)

    def stoppable(self) -> bool:
        return bool(self.jobs)  # running jobs are cancelled; before that, interrupt

    def close(self):
        self.counts.close()  # the mini-cluster ends with the process
        self.poison.close()

    @staticmethod
    def status(client) -> str:
        return str(client.get_job_status().result()).split(".")[-1]

    def wait(self) -> int:
        if not self.jobs:
            log("no job was submitted")
            return 0
        states = {}
        shown = {}  # job id -> the state as last printed (with the restart count)
        deadline = time.time() + self.args.max_run_seconds if self.args.max_run_seconds else None
        while True:
            if self.stop_requested or (deadline and time.time() > deadline):
                return self.stop_jobs(states)
            pending = 0
            for client, jid in self.jobs:
                if states.get(jid) in TERMINAL:
                    continue
                try:
                    st = self.status(client)
                except Exception:
                    if self.stop_requested:
                        # The signal reached the whole process group, the gateway JVM too: this
                        # is the stop being carried out, not a failure of the job.
                        pending += 1
                        break
                    # the per-job mini-cluster is gone once the job has ended: ask its result
                    st = self.final_state(client)
                if st == "FAILED" and self.stop_requested:
                    pending += 1
                    break
                labels = [st]
                if st not in TERMINAL and jid in self.watches:
                    labels = self.watches[jid].poll(st, states.get(jid))
                    self.announce_rest(jid)
                for label in labels:
                    if label != shown.get(jid):
                        log(f"job {jid} state {label}")
                        shown[jid] = label
                states[jid] = st
                if st == "FAILED":
                    cause = self.failure_cause(client)
                    self.cancel_all()
                    self.poison.read()
                    self.counts.final(self.job_ids(), (jid, cause))
                    raise JobError(f"job {jid} failed: {cause}")
                if st not in TERMINAL:
                    pending += 1
            self.poison.read()
            if not pending:
                break
            self.counts.tick(self.job_ids())
            if not self.stop_requested:
                time.sleep(0.5)
        self.counts.final(self.job_ids())
        self.poison.read()
        log("all jobs finished")
        return 0

    def announce_rest(self, jid):
        """Once the cluster that runs the job answers, says where its REST API is, so that
        dcp-local can trigger savepoints and stop-with-savepoint there (a local mini-cluster's
        port is only known here): `job <id> rest <url>`."""
        watch = self.watches[jid]
        if watch.base and not getattr(watch, "announced", False):
            watch.announced = True
            log(f"job {jid} rest {watch.base}")

    def stop_jobs(self, states) -> int:
        """Cancels what still runs after a signal or at the time limit; exit status 0."""
        log("cancelling jobs" + (" (signal)" if self.stop_requested else " (max run time)"))
        self.cancel_all()
        for _client, jid in self.jobs:
            if states.get(jid) not in TERMINAL:
                log(f"job {jid} state CANCELED")
        if not self.stop_requested:  # after a signal the gateway JVM is going down as well
            self.counts.final(self.job_ids())
        return 0

    def job_ids(self) -> list[str]:
        return [jid for _client, jid in self.jobs]

    @staticmethod
    def final_state(client) -> str:
        try:
            client.get_job_execution_result().result()
            return "FINISHED"
        except Exception as e:
            return "CANCELED" if "cancel" in root_cause(e).lower() else "FAILED"

    @staticmethod
    def failure_cause(client) -> str:
        try:
            client.get_job_execution_result().result()
        except Exception as e:
            return root_cause(e)
        return "unknown cause"

    def cancel_all(self):
        for client, jid in self.jobs:
            try:
                if self.status(client) not in TERMINAL:
                    client.cancel().result()
                    log(f"job {jid} cancel requested")
            except Exception:
                pass


def node_job(args) -> dict | None:
    """The flink-job JSON whose sources, transforms and sinks name the nodes of the `nodes`
    report: --job-config, or --spec-job next to --sql."""
    path = args.job_config or getattr(args, "spec_job", None)
    if not path or getattr(args, "test_inputs", None):
        return None  # golden-data tests compare rows, not counts
    try:
        return load_json(path)
    except Exception as e:  # counts are for display: a bad file must not stop the run
        log(f"no per-node counts: {root_cause(e)}")
        return None


def script_job(args) -> dict | None:
    """Without a job config (--sql alone): the spec's job, if --spec-job names it, for the
    names of the nodes in the poison log."""
    path = getattr(args, "spec_job", None) or args.job_config
    if not path:
        return None
    try:
        return load_json(path)
    except Exception:
        return None


def flink_version() -> str:
    try:
        from importlib.metadata import version

        return version("apache-flink")
    except Exception:
        return "?"
