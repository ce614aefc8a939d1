# SPDX-License-Identifier: Apache-2.0
"""UIS Flink SQL runner.

Runs the `flink-sql` script the UIS Flink compiler emits on a local Flink mini-cluster through
PyFlink's TableEnvironment, with the connector jars of .cache/jars/flink on `pipeline.jars`:

    python runners/flink/uis_flink_runner.py --sql job.sql [--explain]
    python runners/flink/uis_flink_runner.py --job-config flink-job.json   (SQL under "sql")

Statements are split on `;` outside quotes and comments. `SET 'k' = 'v';` and `RESET` are applied
to the table configuration (TableEnvironment.executeSql does not accept them); `EXECUTE STATEMENT
SET BEGIN ... END;` and `BEGIN STATEMENT SET; ... END;` become one job; any other INSERT is a job
of its own, as in sql-client.sh. `{{env.X}}`, `{{name}}` and `{{secret.S:K}}` placeholders are
resolved from the environment just before a statement runs and are never printed.

--explain plans every INSERT (EXPLAIN) instead of running it, so the planner validates tables,
connector options and queries without reading any data.

Output: `uis-runner: ...` progress lines on stdout, among them
    uis-runner: job <id> submitted (<first line of the INSERT>)
    uis-runner: job <id> state RUNNING|FINISHED|FAILED|CANCELED
    uis-runner: FAILED: <root cause>   (exit status 1)
SIGTERM/SIGINT cancel the running jobs (exit status 0 once they are cancelled).
"""
from __future__ import annotations

import argparse
import glob
import json
import logging
import os
import re
import signal
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

PREFIX = "uis-runner:"
REPO = Path(__file__).resolve().parents[2]
TERMINAL = {"FINISHED", "FAILED", "CANCELED"}


def log(msg: str) -> None:
    print(f"{PREFIX} {msg}", flush=True)


class JobError(Exception):
    pass


# --------------------------------------------------------------------------- placeholders

_PLACEHOLDER = re.compile(r"\{\{\s*([^{}]+?)\s*\}\}")


def _placeholder_value(token: str) -> str:
    if token.startswith("env."):
        names = [token[4:]]
    elif token.startswith("secret."):
        scope, _, key = token[7:].partition(":")
        if not key:
            raise JobError(f"placeholder {{{{{token}}}}}: expected {{{{secret.SCOPE:KEY}}}}")
        names = ["UIS_SECRET_" + re.sub(r"[^A-Za-z0-9]", "_", f"{scope}_{key}").upper()]
    else:
        names = [token.upper(), token]
    for n in names:
        if n in os.environ:
            return os.environ[n]
    raise JobError(f"placeholder {{{{{token}}}}}: environment variable {names[0]} is not set")


def resolve(text: str) -> str:
    return _PLACEHOLDER.sub(lambda m: _placeholder_value(m.group(1)), text)


# --------------------------------------------------------------------------- statements

@dataclass
class Statement:
    kind: str                 # set | reset | insert | statement_set | select | ddl
    text: str                 # without comments and the trailing ';'
    line: int                 # 1-based line where it starts
    inserts: list = field(default_factory=list)   # for statement_set
    key: str = ""             # for set/reset
    value: str = ""           # for set

    @property
    def head(self) -> str:
        return " ".join(self.text.split())[:100]


def split_sql(script: str) -> list:
    """Splits a Flink SQL script into statements. Comments (`--`, `/* */`) are dropped; `;`
    inside '...' strings (with '' escapes), "..." and `...` identifiers does not split."""
    pieces = []
    buf = []
    line = 1
    start_line = None
    i, n = 0, len(script)
    while i < n:
        c = script[i]
        nxt = script[i + 1] if i + 1 < n else ""
        if c == "-" and nxt == "-":
            j = script.find("\n", i)
            i = n if j < 0 else j
            continue
        if c == "/" and nxt == "*":
            j = script.find("*/", i + 2)
            if j < 0:
                raise JobError(f"line {line}: unterminated /* comment")
            line += script.count("\n", i, j + 2)
            buf.append(" ")
            i = j + 2
            continue
        if c in "'\"`":
            j = i + 1
            while True:
                if j >= n:
                    raise JobError(f"line {line}: unterminated {c}quoted{c} text")
                if script[j] == c:
                    if j + 1 < n and script[j + 1] == c:  # doubled quote = escaped quote
                        j += 2
                        continue
                    break
                j += 1
            if start_line is None:
                start_line = line
            buf.append(script[i:j + 1])
            line += script.count("\n", i, j + 1)
            i = j + 1
            continue
        if c == ";":
            text = "".join(buf).strip()
            if text:
                pieces.append((text, start_line or line))
            buf, start_line = [], None
            i += 1
            continue
        if c == "\n":
            line += 1
        elif not c.isspace() and start_line is None:
            start_line = line
        buf.append(c)
        i += 1
    tail = "".join(buf).strip()
    if tail:
        pieces.append((tail, start_line or line))
    return group_statements(pieces)


_SET = re.compile(r"^SET\s+'((?:[^']|'')*)'\s*=\s*'((?:[^']|'')*)'\s*$", re.I | re.S)
_SET_BARE = re.compile(r"^SET\s+([\w.\-]+)\s*=\s*(.+?)\s*$", re.I | re.S)
_RESET = re.compile(r"^RESET(?:\s+'((?:[^']|'')*)')?\s*$", re.I | re.S)
_EXEC_SET = re.compile(r"^EXECUTE\s+STATEMENT\s+SET\s+BEGIN\b\s*", re.I)
_BEGIN_SET = re.compile(r"^BEGIN\s+STATEMENT\s+SET\s*$", re.I)


def classify(text: str, line: int) -> Statement:
    m = _SET.match(text)
    if m:
        return Statement("set", text, line, key=m.group(1).replace("''", "'"), value=m.group(2).replace("''", "'"))
    m = _SET_BARE.match(text)
    if m and not text.upper().startswith("SET STATEMENT"):
        return Statement("set", text, line, key=m.group(1), value=m.group(2).strip("'"))
    m = _RESET.match(text)
    if m:
        return Statement("reset", text, line, key=(m.group(1) or "").replace("''", "'"))
    first = text.split(None, 1)[0].upper()
    if first == "EXECUTE" and re.match(r"^EXECUTE\s+INSERT\b", text, re.I):
        return Statement("insert", text.split(None, 1)[1], line)
    if first == "INSERT":
        return Statement("insert", text, line)
    if first in ("SELECT", "WITH", "VALUES"):
        return Statement("select", text, line)
    return Statement("ddl", text, line)


def group_statements(pieces) -> list:
    out = []
    i = 0
    while i < len(pieces):
        text, line = pieces[i]
        m = _EXEC_SET.match(text)
        if m or _BEGIN_SET.match(text):
            inserts = []
            first = text[m.end():].strip() if m else ""
            if first:
                inserts.append(first)
            i += 1
            closed = False
            while i < len(pieces):
                t, _ = pieces[i]
                i += 1
                if t.strip().upper() == "END":
                    closed = True
                    break
                inserts.append(t)
            if not closed:
                raise JobError(f"line {line}: statement set without END")
            bad = [s for s in inserts if classify(s, line).kind != "insert"]
            if bad:
                raise JobError(f"line {line}: a statement set may only hold INSERT statements, not: {bad[0][:60]}")
            out.append(Statement("statement_set", text, line,
                                 inserts=[classify(s, line).text for s in inserts]))
            continue
        out.append(classify(text, line))
        i += 1
    return out


# --------------------------------------------------------------------------- errors

def root_cause(exc: BaseException) -> str:
    """The innermost Java cause of a py4j/PyFlink exception, else the Python message."""
    j = getattr(exc, "java_exception", None)
    if j is None:
        try:
            from py4j.protocol import Py4JJavaError
            if isinstance(exc, Py4JJavaError):
                j = exc.java_exception
        except ImportError:
            pass
    if j is not None:
        try:
            last, seen = j, 0
            while j is not None and seen < 50:
                last, j, seen = j, j.getCause(), seen + 1
            msg = last.getMessage()
            return f"{last.getClass().getName()}: {msg}" if msg else last.getClass().getName()
        except Exception:
            pass
    text = str(exc).strip()
    # PyFlink's exceptions carry the Java trace as text: the last "Caused by:" is the root.
    caused = [l for l in text.splitlines() if l.strip().startswith("Caused by:")]
    if caused:
        return caused[-1].strip()[len("Caused by:"):].strip()
    return text.splitlines()[0] if text else type(exc).__name__


# --------------------------------------------------------------------------- runner

class FlinkRunner:
    def __init__(self, statements: list, args):
        self.statements = statements
        self.args = args
        self.tenv = None
        self.jobs = []   # (job_client, description)
        self.stop_requested = False

    def jars(self) -> list:
        d = Path(self.args.jars_dir or os.environ.get("UIS_FLINK_JARS_DIR") or REPO / ".cache" / "jars" / "flink")
        return sorted(glob.glob(str(d / "*.jar"))) if d.is_dir() else []

    def create_env(self):
        # Hadoop classes (Iceberg's Hadoop catalog) must be on the JVM's own classpath; PyFlink's
        # gateway launcher adds HADOOP_CLASSPATH to it.
        hadoop = Path(self.args.hadoop_jars_dir or REPO / ".cache" / "jars" / "hadoop")
        if "HADOOP_CLASSPATH" not in os.environ and hadoop.is_dir():
            os.environ["HADOOP_CLASSPATH"] = ":".join(sorted(glob.glob(str(hadoop / "*.jar"))))
        from pyflink.common import Configuration
        from pyflink.table import EnvironmentSettings, TableEnvironment
        conf = Configuration()
        # The runtime mode must be known when the environment is created, so SET statements
        # are applied up front as well as in order.
        for s in self.statements:
            if s.kind == "set":
                conf.set_string(s.key, resolve(s.value))
        for kv in self.args.set or []:
            k, _, v = kv.partition("=")
            conf.set_string(k.strip(), v.strip())
        jars = self.jars()
        if jars:
            conf.set_string("pipeline.jars", ";".join("file://" + j for j in jars))
        batch = conf.get_string("execution.runtime-mode", "streaming").lower() == "batch"
        settings = EnvironmentSettings.new_instance()
        settings = (settings.in_batch_mode() if batch else settings.in_streaming_mode()).with_configuration(conf).build()
        self.tenv = TableEnvironment.create(settings)
        log(f"Flink {self.flink_version()} TableEnvironment ({'batch' if batch else 'streaming'}) "
            f"with {len(jars)} connector jars")

    def flink_version(self) -> str:
        try:
            from importlib.metadata import version
            return version("apache-flink")
        except Exception:
            return "?"

    def run(self) -> int:
        self.create_env()
        cfg = self.tenv.get_config()
        explained = 0
        for st in self.statements:
            if self.stop_requested:
                break
            if st.kind == "set":
                cfg.set(st.key, resolve(st.value))
                continue
            if st.kind == "reset":
                continue  # the script's SETs stay in force; RESET is accepted for sql-client parity
            try:
                if st.kind == "ddl":
                    self.tenv.execute_sql(resolve(st.text))
                    log(f"line {st.line}: {st.head.split('(')[0].strip()}")
                elif st.kind == "insert":
                    if self.args.explain:
                        plan = self.tenv.explain_sql(resolve(st.text))
                        explained += 1
                        log(f"line {st.line}: EXPLAIN ok: {st.head}")
                        if self.args.print_plan:
                            print(plan, flush=True)
                    else:
                        self.submit(self.tenv.execute_sql(resolve(st.text)), st.head)
                elif st.kind == "statement_set":
                    ss = self.tenv.create_statement_set()
                    for ins in st.inserts:
                        ss.add_insert_sql(resolve(ins))
                    if self.args.explain:
                        plan = ss.explain()
                        explained += len(st.inserts)
                        log(f"line {st.line}: EXPLAIN ok: statement set of {len(st.inserts)} INSERTs")
                        if self.args.print_plan:
                            print(plan, flush=True)
                    else:
                        self.submit(ss.execute(), f"statement set of {len(st.inserts)} INSERTs")
                elif st.kind == "select":
                    if self.args.explain:
                        self.tenv.explain_sql(resolve(st.text))
                        explained += 1
                        log(f"line {st.line}: EXPLAIN ok: {st.head}")
                    else:
                        self.print_select(st)
            except JobError:
                raise
            except Exception as e:
                raise JobError(f"line {st.line} ({st.head[:60]}): {root_cause(e)}") from e
        if self.args.explain:
            if explained == 0:
                raise JobError("nothing to EXPLAIN: the script has no INSERT or SELECT")
            log(f"EXPLAIN passed for {explained} statement(s)")
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

    def print_select(self, st):
        result = self.tenv.execute_sql(resolve(st.text))
        names = result.get_table_schema().get_field_names()
        count = 0
        with result.collect() as rows:
            for row in rows:
                print("uis-flink-row:", json.dumps(dict(zip(names, [str(v) if v is not None else None for v in row]))),
                      flush=True)
                count += 1
                if self.args.max_rows and count >= self.args.max_rows:
                    break
        log(f"line {st.line}: {count} rows")

    def status(self, client) -> str:
        return str(client.get_job_status().result()).split(".")[-1]

    def wait(self) -> int:
        if not self.jobs:
            log("no job was submitted")
            return 0
        states = {}
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
                except Exception as e:
                    if self.stop_requested:
                        # The signal reached the whole process group, the gateway JVM too: this
                        # is the stop being carried out, not a failure of the job.
                        pending += 1
                        break
                    # the per-job mini-cluster is gone once the job has ended: ask its result
                    st = self.final_state(client, e)
                if st == "FAILED" and self.stop_requested:
                    pending += 1
                    break
                if st != states.get(jid):
                    log(f"job {jid} state {st}")
                    states[jid] = st
                if st == "FAILED":
                    cause = self.failure_cause(client)
                    self.cancel_all()
                    raise JobError(f"job {jid} failed: {cause}")
                if st not in TERMINAL:
                    pending += 1
            if not pending:
                break
            if not self.stop_requested:
                time.sleep(0.5)
        log("all jobs finished")
        return 0

    def stop_jobs(self, states) -> int:
        """Cancels what still runs after a signal or at the time limit; exit status 0."""
        log("cancelling jobs" + (" (signal)" if self.stop_requested else " (max run time)"))
        self.cancel_all()
        for _client, jid in self.jobs:
            if states.get(jid) not in TERMINAL:
                log(f"job {jid} state CANCELED")
        return 0

    def final_state(self, client, err) -> str:
        try:
            client.get_job_execution_result().result()
            return "FINISHED"
        except Exception as e:
            text = root_cause(e)
            if "cancel" in text.lower():
                return "CANCELED"
            return "FAILED"

    def failure_cause(self, client) -> str:
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


def load_statements(args) -> list:
    if args.sql:
        text = Path(args.sql).read_text(encoding="utf-8")
    else:
        cfg = json.loads(Path(args.job_config).read_text(encoding="utf-8"))
        text = cfg.get("sql") or cfg.get("flink_sql") or cfg.get("flink-sql")
        if isinstance(text, list):
            text = ";\n".join(text)
        if not text:
            raise JobError(f"{args.job_config}: no 'sql' (or 'flink_sql') key with the Flink SQL script")
    return split_sql(text)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Run a UIS flink-sql script on a local Flink mini-cluster.")
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--sql", help="the flink-sql script")
    src.add_argument("--job-config", help="a JSON file with the script under 'sql'")
    ap.add_argument("--explain", action="store_true", help="EXPLAIN every INSERT instead of running it")
    ap.add_argument("--print-plan", action="store_true", help="with --explain: print the plans")
    ap.add_argument("--jars-dir", help="connector jars (default .cache/jars/flink)")
    ap.add_argument("--hadoop-jars-dir", help="Hadoop client jars (default .cache/jars/hadoop)")
    ap.add_argument("--set", action="append", metavar="KEY=VALUE", help="extra Flink configuration")
    ap.add_argument("--max-run-seconds", type=float, default=0, help="cancel the jobs after this long")
    ap.add_argument("--max-rows", type=int, default=1000, help="rows printed per SELECT")
    args = ap.parse_args(argv)

    runner = None
    started = time.time()

    def on_signal(signum, _frame):
        log(f"received signal {signal.Signals(signum).name}")
        # The gateway JVM usually gets the same signal (a supervisor signals the process group):
        # py4j would log every call that finds it gone with a full trace. Our own output is print.
        logging.disable(logging.CRITICAL)
        if runner is not None:
            runner.stop_requested = True
            if not runner.jobs:
                raise KeyboardInterrupt
        else:
            raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        statements = load_statements(args)
        log(f"{len(statements)} statements")
        runner = FlinkRunner(statements, args)
        rc = runner.run()
    except KeyboardInterrupt:
        log("stopped by signal")
        rc = 130
    except JobError as e:
        print(f"{PREFIX} FAILED: {e}", flush=True)
        rc = 1
    except Exception as e:
        traceback.print_exc(file=sys.stderr)
        print(f"{PREFIX} FAILED: {root_cause(e)}", flush=True)
        rc = 1
    log(f"exit {rc} after {time.time() - started:.1f}s")
    if runner is not None and runner.stop_requested:
        # Stopped by a signal: a supervisor (dcp-local, a shell's ^C) signals the whole process
        # group, so the gateway JVM is going down with us. PyFlink's exit hooks would then talk to
        # a dead gateway and fill the log with py4j connection errors: leave without them (the JVM
        # also exits on its own when its stdin, our pipe, closes).
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(rc)
    return rc


if __name__ == "__main__":
    sys.exit(main())
