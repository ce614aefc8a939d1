# SPDX-License-Identifier: Apache-2.0
"""The commands that start the warm servers, each in its own process group with its log in the
state folder, listening on 127.0.0.1 only:

- Spark Connect 3.5 (`spark-submit --class ...SparkConnectServer`, the pip wheel has no
  start-connect-server.sh) on local[*], with the connector jars of .cache/jars/spark;
- a Flink session cluster (one JobManager, one TaskManager) and its SQL Gateway, started from
  PyFlink's own bin/ with a config folder of ours, connector jars on their class path.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from ..jobconfig import REPO, jar_dir, jars_in
from ..jvm_archive import spark_submit_env
from . import state

SPARK_CONNECT_CLASS = "org.apache.spark.sql.connect.service.SparkConnectServer"


class StartError(RuntimeError):
    """A server did not come up: the message says which and where its log is."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def listening(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    try:  # a zombie child of this process is not alive
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split()[2] != "Z"
    except OSError:
        return True


def runners_path(env: dict) -> str:
    """PYTHONPATH with runners/ first: a server's Python (and the keeper) imports uis_runners."""
    return os.pathsep.join(filter(None, [str(REPO / "runners"), env.get("PYTHONPATH")]))


def spawn(cmd: list, log: Path, env: dict) -> int:
    """Starts `cmd` detached (its own session: it outlives the preview that started it)."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "ab") as out:
        p = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
            cwd=str(log.parent),
        )
    return p.pid


def stop_group(pid: int, grace: float = 10) -> None:
    """SIGTERM to the server's process group, SIGKILL after `grace` seconds."""
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 2)):
        try:
            os.killpg(pid, sig)
        except OSError:
            return
        end = time.time() + wait
        while time.time() < end:
            if not alive(pid):
                return
            try:  # reap it when it is our own child
                os.waitpid(pid, os.WNOHANG)
            except OSError:
                pass
            time.sleep(0.1)


def wait_until(ready, pids: list, what: str, log: Path, timeout: float = 120) -> None:
    end = time.time() + timeout
    while time.time() < end:
        if ready():
            return
        if not all(alive(p) for p in pids):
            raise StartError(f"{what} exited while starting; see {log}")
        time.sleep(0.3)
    raise StartError(f"{what} did not answer within {timeout:.0f} s; see {log}")


def _pyspark_home() -> Path:
    import pyspark

    return Path(pyspark.__file__).parent


def _pyflink_home() -> Path:
    import pyflink

    return Path(pyflink.__file__).parent


def spark_connect_command(port: int, master: str = "local[*]", local_dir: str = "") -> tuple:
    """The command and environment of a Spark Connect server on 127.0.0.1:`port`: the one
    definition the private pair and the local platform's `spark-connect` service start."""
    connect = jars_in(jar_dir("spark-connect", None, "UIS_SPARK_CONNECT_JARS_DIR"))
    guard = jars_in(jar_dir("uis-spark-connect"))
    if not connect or not guard:
        raise StartError("the Spark Connect server jars are missing: run `make deps`")
    jars = jars_in(jar_dir("spark", None, "UIS_SPARK_JARS_DIR"))
    env = spark_submit_env(dict(os.environ))
    env["PYSPARK_PYTHON"] = sys.executable
    env["SPARK_LOCAL_IP"] = "127.0.0.1"
    env["PYTHONPATH"] = runners_path(env)  # Python UDF workers import this package
    conf = {
        "spark.connect.grpc.binding.port": str(port),
        # 3.5 listens on every interface (no bind address): calls from elsewhere are refused.
        "spark.connect.grpc.interceptor.classes": "uis.connect.LoopbackOnly",
        "spark.driver.host": "127.0.0.1",
        "spark.driver.bindAddress": "127.0.0.1",
        "spark.ui.enabled": "false",
        "spark.sql.session.timeZone": "UTC",
        "spark.ui.showConsoleProgress": "false",
        # Static: Iceberg's SQL extensions must be there when the server starts.
        "spark.sql.extensions": "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions",
    }
    if local_dir:
        conf["spark.local.dir"] = local_dir
    cmd = [str(_pyspark_home() / "bin" / "spark-submit"), "--master", master]
    cmd += ["--class", SPARK_CONNECT_CLASS, "--name", "uis-spark-connect"]
    # C1 only: a preview runs much of Spark's planning code a few times per method, which C2
    # kept compiling preview after preview: 0.6-1.4 s of CPU per preview on a new server, still
    # 0.3-0.5 s after 40 previews, on 2 cores where the work itself takes 0.3-0.8 s. Without C2
    # the files templates' warm previews were 0.2-0.5 s faster over a new server's first dozen
    # (paired, load 6); the price is slower hot loops in a preview that scans much data.
    cmd += ["--driver-java-options", "-Dlog4j2.level=WARN -XX:TieredStopAtLevel=1"]
    for k, v in conf.items():
        cmd += ["--conf", f"{k}={v}"]
    # The server class is loaded from --jars: as the primary resource it is not found.
    cmd += ["--jars", ",".join(connect + guard + jars), "spark-internal"]
    return cmd, env


def spark_connect() -> dict:
    """Starts the private pair's Spark Connect; returns its record: url, pid, log."""
    port = free_port()
    log = state.folder() / "spark-connect.log"
    cmd, env = spark_connect_command(port)
    pid = spawn(cmd, log, env)
    wait_until(lambda: listening(port), [pid], "Spark Connect", log)
    url = f"sc://127.0.0.1:{port}"
    warm_up_spark(url, log)
    return {"url": url, "pid": pid, "log": str(log)}


def warm_up_spark(url: str, log: Path, timeout: float = 60) -> None:
    """A first small preview on the new server (spark_warmup.py), its output in the server's
    log. A failure leaves the server serving, only cold."""
    cmd = [sys.executable, "-m", "uis_runners.sessions.spark_warmup", url]
    env = dict(os.environ, PYTHONPATH=runners_path(os.environ))
    with open(log, "ab") as out:
        try:
            subprocess.run(
                cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=out, env=env, timeout=timeout
            )
        except (OSError, subprocess.SubprocessError):
            pass


def _flink_env(conf_dir: Path, log_dir: str = "", extra_jars: tuple = ()) -> dict:
    env = dict(os.environ)
    env["FLINK_CONF_DIR"] = str(conf_dir)
    env["FLINK_LOG_DIR"] = log_dir or str(conf_dir.parent / "flink-logs")
    env["FLINK_HOME"] = str(_pyflink_home())
    # config.sh puts HADOOP_CLASSPATH on every process's class path: Hadoop (Parquet, Iceberg's
    # Hadoop catalog) and the connectors, which the gateway plans with and the TaskManager runs.
    jars = jars_in(jar_dir("hadoop")) + _flink_jars() + list(extra_jars)
    env["HADOOP_CLASSPATH"] = ":".join(jars)
    return env


def _flink_jars() -> list:
    return jars_in(jar_dir("flink", None, "UIS_FLINK_JARS_DIR"))


def _flink_config(conf_dir: Path, rpc: int, rest: int) -> None:
    """Our config.yaml: PyFlink's own JVM options, everything on 127.0.0.1, the ports chosen."""
    import yaml

    base = yaml.safe_load((_pyflink_home() / "conf" / "config.yaml").read_text()) or {}
    slots = max(4, 2 * (os.cpu_count() or 1))  # a few previews at once
    conf = {
        "env": base.get("env", {}),
        "jobmanager": {
            "bind-host": "127.0.0.1",
            "rpc": {"address": "127.0.0.1", "port": rpc},
            "memory": {"process": {"size": "1024m"}},
        },
        "taskmanager": {
            "bind-host": "127.0.0.1",
            "host": "127.0.0.1",
            "numberOfTaskSlots": slots,
            "memory": {"process": {"size": "2048m"}},
        },
        "blob": {"server": {"port": "0"}},
        "rest": {"address": "127.0.0.1", "bind-address": "127.0.0.1", "port": rest},
        "parallelism": {"default": 1},
        # Generated code is cached across jobs with the class loader of the job that compiled
        # it; a later job would fail on it with the leak check ("closed classloader").
        "classloader": {"check-leaked-classloader": False},
        "execution": {"target": "remote"},
        "table": {"local-time-zone": "UTC"},
    }
    # C1 only (no C2) in the three JVMs: a preview runs the planner, its code splitter and the
    # compiler of the generated code a few times per method, and on 2 cores C2's compilations
    # of them took the CPU the previews waited for. files-to-parquet's warm preview, fresh pair,
    # medians of 5 (paired, load 4-7): 3.3 and 3.0 s with C2, 2.0 and 1.9 s without; C1 in the
    # gateway and the JobManager only: 2.7 s. The price: slower hot loops in a preview or test
    # run that scans much data.
    opts = conf["env"].setdefault("java", {}).setdefault("opts", {})
    for role in ("sql-gateway", "jobmanager", "taskmanager"):
        opts[role] = " ".join(filter(None, [opts.get(role), "-XX:TieredStopAtLevel=1"]))
    conf_dir.mkdir(parents=True, exist_ok=True)
    (conf_dir / "config.yaml").write_text(yaml.safe_dump(conf))
    for name in ("log4j.properties", "log4j-console.properties", "log4j-session.properties"):
        src = _pyflink_home() / "conf" / name
        if src.exists():
            (conf_dir / name).write_text(src.read_text())


def flink_gateway() -> dict:
    """Starts the session cluster and its gateway; returns their record: url (the gateway),
    rest (the cluster's REST API), pids, log."""
    folder = state.folder()
    conf_dir = folder / "flink-conf"
    rpc, rest, gw = free_port(), free_port(), free_port()
    _flink_config(conf_dir, rpc, rest)
    env = _flink_env(conf_dir)
    bin_dir = _pyflink_home() / "bin"
    log = folder / "flink-session.log"
    pids = [
        spawn(["bash", str(bin_dir / "jobmanager.sh"), "start-foreground"], log, env),
        spawn(["bash", str(bin_dir / "taskmanager.sh"), "start-foreground"], log, env),
    ]
    cluster = f"http://127.0.0.1:{rest}"
    wait_until(lambda: _taskmanagers(cluster) > 0, pids, "the Flink session cluster", log)
    pids.append(spawn(gateway_command(gw), log, env))
    url = f"http://127.0.0.1:{gw}"
    wait_until(lambda: answers(url + "/v1/info"), pids, "the Flink SQL Gateway", log)
    from .flink_warm import warm_up  # here: flink_warm imports warm, which imports pair

    warm_up(url, folder)
    return {"url": url, "rest": cluster, "pids": pids, "log": str(log)}


def gateway_command(port: int, cluster: str = "", folder: str = "") -> list:
    """The SQL Gateway on 127.0.0.1:`port`: the one definition the private pair and the local
    platform's `flink-sql-gateway` service start. With `cluster` (a session cluster's REST URL
    whose TaskManagers lack the connectors on their class path) the gateway's jobs go there and
    carry the connector jars with them (pipeline.jars, as the Flink runner's jobs do). `folder`
    holds the sessions' downloaded resources; the platform finds its service by that path in
    the command line (bash stays the parent of the gateway's JVM)."""
    cmd = [
        "bash",
        str(_pyflink_home() / "bin" / "sql-gateway.sh"),
        "start-foreground",
        "-Dsql-gateway.endpoint.rest.address=127.0.0.1",
        "-Dsql-gateway.endpoint.rest.bind-address=127.0.0.1",
        f"-Dsql-gateway.endpoint.rest.port={port}",
    ]
    if folder:
        cmd += [f"-Dtable.resources.download-dir={folder}/resources"]
    if cluster:
        host, _, rest = cluster.split("://", 1)[-1].rstrip("/").rpartition(":")
        cmd += ["-Dexecution.target=remote", f"-Drest.address={host}", f"-Drest.port={rest}"]
        # As in the private pair's config.yaml (_flink_config): see there.
        cmd += ["-Dclassloader.check-leaked-classloader=false"]
        jars = _flink_jars()
        if jars:
            cmd += ["-Dpipeline.jars=" + ";".join("file://" + j for j in jars)]
    return cmd


def exec_platform_server(name: str, port: int, folder: str, flink_conf: str = "", cluster=""):
    """Becomes (exec, same pid) one of the local platform's session servers, in the foreground:
    `spark-connect` on local[*], or `flink-sql-gateway` in front of the platform's session
    cluster at `cluster` with its configuration folder `flink_conf` (the store's s3 settings).
    The platform supervises the process; `folder` is its private folder under the platform's.

    Spark Connect runs on local[*], not on the platform's Spark master: its executors would hold
    the one worker's 2 cores for the server's whole life (standalone has no dynamic allocation
    without an external shuffle service), starving the `platform-spark` target's jobs; and with
    them released when idle every preview would wait seconds for new executor JVMs, which is
    what a warm session is there to avoid."""
    Path(folder).mkdir(parents=True, exist_ok=True)
    if name == "spark-connect":
        cmd, env = spark_connect_command(port, local_dir=str(Path(folder) / "local"))
    elif name == "flink-sql-gateway":
        from ..localplatform import s3a_jars

        if not flink_conf or not cluster:
            raise StartError("flink-sql-gateway needs --flink-conf and --cluster")
        env = _flink_env(Path(flink_conf), os.environ.get("FLINK_LOG_DIR", ""), s3a_jars())
        cmd = gateway_command(port, cluster, folder)
    else:
        raise StartError(f"unknown session server {name!r}")
    os.chdir(folder)
    os.execvpe(cmd[0], cmd, env)


def answers(url: str) -> bool:
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


def _taskmanagers(cluster: str) -> int:
    import json
    import urllib.request

    try:
        with urllib.request.urlopen(cluster + "/overview", timeout=2) as r:
            return int(json.load(r).get("taskmanagers", 0))
    except (OSError, ValueError):
        return 0
