# SPDX-License-Identifier: Apache-2.0
"""A single-node Apache Kafka broker in KRaft mode on loopback, from the jars that
scripts/engines/setup.sh fetched into .cache/jars/kafka. Used by the pytest fixture and usable on
its own: `python tests/runners/kafka_broker.py` prints the bootstrap address and runs until ^C.

`kafka_broker.py start DIR` leaves a broker running (DIR/kafka.json says where) and
`kafka_broker.py stop DIR` stops it: the ctest fixture that lets every engine test share one
broker (tests/e2e/CMakeLists.txt), instead of each starting its own JVM."""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
JARS = REPO / ".cache" / "jars" / "kafka"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class KafkaBroker:
    def __init__(self, workdir: Path):
        self.workdir = Path(workdir)
        self.port = free_port()
        self.controller_port = free_port()
        self.proc = None
        self.log_path = self.workdir / "broker.log"

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    def _java(self, main, *args, **kw):
        if not JARS.is_dir() or not any(JARS.glob("kafka_*.jar")):
            raise RuntimeError(f"Kafka jars missing in {JARS}: run scripts/engines/setup.sh")
        cmd = [
            "java",
            "-Xmx512m",
            "-XX:+UseSerialGC",
            f"-Dlog4j.configuration=file:{self.workdir / 'log4j.properties'}",
            "-cp",
            str(JARS / "*"),
            main,
            *args,
        ]
        return cmd

    def start(self, timeout: float = 60.0) -> "KafkaBroker":
        self.workdir.mkdir(parents=True, exist_ok=True)
        data = self.workdir / "data"
        props = self.workdir / "server.properties"
        props.write_text(
            "\n".join(
                [
                    "process.roles=broker,controller",
                    "node.id=1",
                    f"controller.quorum.voters=1@127.0.0.1:{self.controller_port}",
                    f"listeners=PLAINTEXT://127.0.0.1:{self.port},CONTROLLER://127.0.0.1:{self.controller_port}",
                    f"advertised.listeners=PLAINTEXT://127.0.0.1:{self.port}",
                    "controller.listener.names=CONTROLLER",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "inter.broker.listener.name=PLAINTEXT",
                    f"log.dirs={data}",
                    "num.partitions=1",
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "auto.create.topics.enable=true",
                    "log.retention.hours=1",
                ]
            )
            + "\n"
        )
        (self.workdir / "log4j.properties").write_text(
            "log4j.rootLogger=WARN, file\n"
            "log4j.appender.file=org.apache.log4j.FileAppender\n"
            f"log4j.appender.file.File={self.log_path}\n"
            "log4j.appender.file.layout=org.apache.log4j.PatternLayout\n"
            "log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n\n"
            "log4j.logger.kafka.server.KafkaServer=INFO\n"
            "log4j.logger.kafka.server.BrokerServer=INFO\n"
        )
        cluster_id = uuid.uuid4().hex[:22]
        fmt = subprocess.run(
            self._java(
                "kafka.tools.StorageTool",
                "format",
                "-t",
                cluster_id,
                "-c",
                str(props),
                "--ignore-formatted",
            ),
            capture_output=True,
            text=True,
        )
        if fmt.returncode != 0:
            raise RuntimeError(f"kafka storage format failed: {fmt.stderr or fmt.stdout}")
        out = open(self.workdir / "broker.out", "wb")
        self.proc = subprocess.Popen(
            self._java("kafka.Kafka", str(props)),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    "Kafka broker exited: " + (self.workdir / "broker.out").read_text()[-2000:]
                )
            if self._ready():
                return self
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"Kafka broker not ready after {timeout}s; see {self.log_path}")

    def _ready(self) -> bool:
        try:  # cheap TCP probe first so the client library does not log refused connections
            socket.create_connection(("127.0.0.1", self.port), 1).close()
        except OSError:
            return False
        try:
            from confluent_kafka.admin import AdminClient
        except ImportError:
            return True
        try:
            md = AdminClient({"bootstrap.servers": self.bootstrap}).list_topics(timeout=2)
            return len(md.brokers) > 0
        except Exception:
            return False

    def create_topics(self, *names, partitions: int = 1):
        from confluent_kafka.admin import AdminClient, NewTopic

        admin = AdminClient({"bootstrap.servers": self.bootstrap})
        futures = admin.create_topics(
            [NewTopic(n, num_partitions=partitions, replication_factor=1) for n in names]
        )
        for f in futures.values():
            f.result(30)

    @classmethod
    def attach(cls, state_dir) -> "KafkaBroker | None":
        """The broker `start STATE_DIR` left running, when it answers; its stop() leaves it
        running (the fixture's `stop` ends it)."""
        try:
            info = json.loads((Path(state_dir) / STATE).read_text())
        except (OSError, ValueError):
            return None
        broker = cls(Path(state_dir))
        broker.port = info["port"]
        return broker if broker._ready() else None

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self.proc = None


STATE = "kafka.json"


def start_shared(state_dir: Path):
    """Starts a broker in STATE_DIR that outlives this process (its own session)."""
    stop_shared(state_dir)  # one left over by an interrupted run
    broker = KafkaBroker(state_dir).start(timeout=240)
    (state_dir / STATE).write_text(json.dumps({"port": broker.port, "pid": broker.proc.pid}))
    print(f"Kafka broker at {broker.bootstrap} (pid {broker.proc.pid})")


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def stop_shared(state_dir: Path):
    try:
        pid = json.loads((state_dir / STATE).read_text())["pid"]
    except (OSError, ValueError, KeyError):
        pid = None
    if pid and alive(pid) and "kafka.Kafka" in Path(f"/proc/{pid}/cmdline").read_text():
        os.killpg(pid, signal.SIGTERM)
        deadline = time.monotonic() + 30
        while alive(pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        if alive(pid):
            os.killpg(pid, signal.SIGKILL)
        print(f"Kafka broker (pid {pid}) stopped")
    shutil.rmtree(state_dir, ignore_errors=True)


if __name__ == "__main__" and len(sys.argv) == 3 and sys.argv[1] in ("start", "stop"):
    (start_shared if sys.argv[1] == "start" else stop_shared)(Path(sys.argv[2]))
elif __name__ == "__main__":
    broker = KafkaBroker(Path(tempfile.mkdtemp(prefix="uis-kafka-"))).start()
    print(broker.bootstrap, flush=True)
    try:
        while broker.proc.poll() is None:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        broker.stop()
    sys.exit(0)
