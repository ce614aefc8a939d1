# SPDX-License-Identifier: Apache-2.0
"""What Flink itself says about a job's state, read through PyFlink's JVM gateway: the operators
(ids and names) of the JobGraph a compiled script becomes, and the operator states a savepoint or
retained checkpoint holds. The upgrade check (upgrade_check.py) decides from these facts and from
a trial restore, never from the specs."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import JobError
from ..jobconfig import jar_dir, jars_in
from ..placeholders import resolve
from .statements import split_sql


@dataclass
class Operator:
    id: str  # the OperatorID, hex, as in savepoint metadata
    name: str  # Flink's operator name, e.g. "Deduplicate[4]", "metrics_out[10]: Writer"
    vertex: str


@dataclass
class OperatorState:
    id: str
    size: int  # bytes (full state size, Flink's getStateSize)
    has_state: bool  # subtask or coordinator state: what Flink must map to the new job


def script_of(job: dict) -> list:
    sql = job.get("sql") or job.get("flink_sql")
    if not isinstance(sql, str) or not sql.strip():
        raise JobError("the job config has no Flink SQL script under 'sql'")
    return split_sql(sql)


def configuration(statements: list, extra: dict, jars_dir: str | None = None):
    """The Configuration a run of `statements` gets: the script's SETs, then `extra`, connector
    jars on pipeline.jars (as FlinkRunner.create_env)."""
    from pyflink.common import Configuration

    hadoop = jars_in(jar_dir("hadoop", None))
    if "HADOOP_CLASSPATH" not in os.environ and hadoop:
        os.environ["HADOOP_CLASSPATH"] = ":".join(hadoop)
    conf = Configuration()
    for s in statements:
        if s.kind == "set":
            conf.set_string(s.key, resolve(s.value))
    for k, v in extra.items():
        conf.set_string(k, v)
    jars = jars_in(jar_dir("flink", jars_dir, "UIS_FLINK_JARS_DIR"))
    if jars:
        conf.set_string("pipeline.jars", ";".join("file://" + j for j in jars))
    return conf


def reset_node_ids(tenv) -> None:
    """The planner numbers ExecNodes with a JVM-wide counter, and with
    table.exec.uid.generation=ALWAYS those numbers are part of the operator uids. Resetting it
    before every job's translation makes the uids a function of the job alone, the same in the
    runner, in the check's graph and in its trial restore, whatever ran before in the JVM."""
    try:
        planner = tenv._j_tenv.getPlanner()
        loader = planner.getClass().getClassLoader()
        cls = loader.loadClass("org.apache.flink.table.planner.plan.nodes.exec.ExecNodeContext")
        from pyflink.java_gateway import get_gateway

        gw = get_gateway()
        no_args = gw.new_array(gw.jvm.Class, 0)
        cls.getMethod("resetIdCounter", no_args).invoke(None, gw.new_array(gw.jvm.Object, 0))
    except Exception as e:  # an engine without the counter: nothing to align
        from ..log import log

        log(f"note: ExecNode ids not reset ({str(e).splitlines()[0][:120]})")


def sink_tables(statements: list) -> list[str]:
    import re

    names = []
    for s in statements:
        for text in s.inserts if s.kind == "statement_set" else [s.text]:
            if s.kind in ("insert", "statement_set"):
                m = re.match(r"\s*INSERT\s+(?:INTO|OVERWRITE)\s+(`[^`]+`|[\w.]+)", text, re.I)
                if m:
                    names.append(m.group(1).strip("`"))
    return names


def statement_set(tenv, statements: list, before_inserts=None):
    """Runs the DDL of `statements` in `tenv` and returns a statement set with every INSERT.
    `before_inserts(tenv)` runs once the tables exist (the trial restore redirects sinks)."""
    ss = tenv.create_statement_set()
    inserts = []
    for s in statements:
        if s.kind == "ddl":
            tenv.execute_sql(resolve(s.text))
        elif s.kind == "insert":
            inserts.append(resolve(s.text))
        elif s.kind == "statement_set":
            inserts.extend(resolve(i) for i in s.inserts)
    if not inserts:
        raise JobError("the script has no INSERT: there is no job to check")
    if before_inserts is not None:
        before_inserts(tenv)
    for text in inserts:
        ss.add_insert_sql(text)
    return ss


def operators(statements: list, jars_dir: str | None = None) -> list[Operator]:
    """The operators of the JobGraph the script's INSERTs become (one job, as the compiler's
    statement set), each with the OperatorID Flink matches savepoint state by."""
    from pyflink.datastream import StreamExecutionEnvironment
    from pyflink.java_gateway import get_gateway
    from pyflink.table import EnvironmentSettings, StreamTableEnvironment

    conf = configuration(statements, {}, jars_dir)
    env = StreamExecutionEnvironment.get_execution_environment(conf)
    settings = EnvironmentSettings.new_instance().in_streaming_mode()
    tenv = StreamTableEnvironment.create(env, settings.with_configuration(conf).build())
    ss = statement_set(tenv, statements)
    reset_node_ids(tenv)
    ss.attach_as_datastream()
    graph = env._j_stream_execution_environment.getStreamGraph(False).getJobGraph()
    jvm = get_gateway().jvm
    loader = jvm.Thread.currentThread().getContextClassLoader()
    out = []
    for v in graph.getVerticesAsArray():
        head = jvm.org.apache.flink.streaming.api.graph.StreamConfig(v.getConfiguration())
        for c in [head, *head.getTransitiveChainedTaskConfigs(loader).values()]:
            out.append(Operator(c.getOperatorID().toHexString(), c.getOperatorName(), v.getName()))
    return out


def metadata_file(path: str) -> Path:
    """The `_metadata` of a savepoint or checkpoint directory (or the file itself); for a job's
    checkpoint directory (with chk-N folders) the latest complete checkpoint."""
    p = Path(path.removeprefix("file://").removeprefix("file:"))
    if p.is_file() and p.name == "_metadata":
        return p
    if (p / "_metadata").is_file():
        return p / "_metadata"
    # a job's checkpoint folder (<dir>/chk-N) or the folder of all jobs (<dir>/<job id>/chk-N)
    found = [*p.glob("chk-*"), *p.glob("*/chk-*")]
    if not found and p.name.startswith("chk-"):
        # Flink retains only the latest checkpoints, so the one chosen moments ago may have been
        # subsumed and deleted since; a newer one of the same job has the same operators.
        found = list(p.parent.glob("chk-*"))
    chks = sorted(
        (c for c in found if (c / "_metadata").is_file()),
        key=lambda c: int(c.name.split("-")[1]) if c.name.split("-")[1].isdigit() else -1,
    )
    if chks:
        return chks[-1] / "_metadata"
    raise JobError(f"{path}: not a savepoint or checkpoint (no _metadata found)")


def operator_states(meta: Path) -> list[OperatorState]:
    """The operator states of a savepoint/checkpoint, as Flink's own metadata reader sees them."""
    from pyflink.java_gateway import get_gateway

    jvm = get_gateway().jvm
    loader = jvm.Thread.currentThread().getContextClassLoader()
    stream = jvm.java.io.DataInputStream(jvm.java.io.FileInputStream(str(meta)))
    try:
        md = jvm.org.apache.flink.runtime.checkpoint.Checkpoints.loadCheckpointMetadata(
            stream, loader, str(meta.parent)
        )
    finally:
        stream.close()
    out = []
    for st in md.getOperatorStates().toArray():
        # Flink refuses to drop only state that is there (Checkpoints.loadAndValidateCheckpoint
        # skips an unmapped operator whose subtasks hold nothing)
        has = st.getCoordinatorState() is not None or any(
            s.hasState() for s in st.getStates().toArray()
        )
        out.append(OperatorState(st.getOperatorID().toHexString(), int(st.getStateSize()), has))
    return out
