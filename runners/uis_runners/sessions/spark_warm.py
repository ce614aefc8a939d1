# SPDX-License-Identifier: Apache-2.0
"""The Spark data preview through Spark Connect: the spark-job's graph is built by the same
SparkJob code as the cold run, on a remote session of its own (`create()`, not a shared
`getOrCreate()`), so two previews see neither each other's views nor their settings. Every
operation carries this preview's tag, also those of the preview's worker threads (a tag belongs
to the thread that adds it): Stop interrupts the tag and the server keeps serving. The
warm test run (warm_tests.py) makes its session the same way."""

from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path

from ..log import log
from ..placeholders import resolve
from ..spark import session as cold_session
from ..spark.preview import preview
from .warm import WarmRun


def stdlib_distutils() -> None:
    """pyspark 3.5's Connect client imports distutils (for LooseVersion). In a venv, setuptools
    stands in for it (its distutils-precedence.pth), and that import loads all of setuptools and
    pkg_resources: 0.2 s of every warm preview, and more at exit. Python 3.11 and older have a
    distutils of their own, which serves the client as well: where it is there, the stand-in
    is taken out before the import, as SETUPTOOLS_USE_DISTUTILS=stdlib would at start-up.
    Python 3.12 has none (nor has Debian's without python3-distutils): the stand-in stays."""
    if sys.version_info >= (3, 12) or "distutils" in sys.modules:
        return
    own = Path(os.__file__).parent / "distutils"
    if not ((own / "__init__.py").is_file() and (own / "version.py").is_file()):
        return
    try:
        import _distutils_hack
    except ImportError:
        return
    remove = getattr(_distutils_hack, "remove_shim", None)
    if remove is not None:
        remove()


def remote_session(url: str, job: dict, tag: str):
    """A Spark Connect session of its own on `url`, every operation tagged `tag`, with the job's
    SQL settings. Resolved values (secrets) go to the session, never to the log: a setting the
    server refuses is named by key alone."""
    stdlib_distutils()
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.remote(url).create()
    spark.addTag(tag)
    conf = {k: str(v) for k, v in (job.get("spark_config") or {}).items()}
    cold_session.add_iceberg_catalogs(job, conf)
    conf["spark.sql.session.timeZone"] = "UTC"
    session_conf = {
        k: v
        for k, v in conf.items()
        # cluster settings (memory, master, jars) belong to the server; the static
        # spark.sql.extensions too: it starts with Iceberg's
        if k.startswith(("spark.sql.", "spark.hadoop.")) and k != "spark.sql.extensions"
    }
    skipped = set_conf(spark, session_conf)
    if skipped:
        log(f"warm Spark session keeps its own {', '.join(skipped)}")
    return spark


def set_conf(spark, conf: dict) -> list:
    """Sets `conf` on the session in one round trip (one per key when the server refuses one);
    returns the keys it refused."""
    from pyspark.sql.connect import proto

    def request(items) -> None:
        pairs = [proto.KeyValue(key=k, value=str(resolve(v))) for k, v in items]
        spark.client.config(proto.ConfigRequest.Operation(set=proto.ConfigRequest.Set(pairs=pairs)))

    try:
        request(conf.items())
        return []
    except Exception:
        skipped = []
        for item in conf.items():
            try:
                request([item])
            except Exception:
                skipped.append(item[0])
        return skipped


def leave_connect() -> None:
    """Before the cold path in a process that used Spark Connect: pyspark marks the process as a
    Connect client (an environment variable), which would make its functions build Connect
    columns and refuse a SparkContext."""
    os.environ.pop("SPARK_CONNECT_MODE_ENABLED", None)


def is_dead(error: BaseException) -> bool:
    """Whether the server is unreachable (gRPC UNAVAILABLE), not a failure of the job."""
    text = f"{type(error).__name__}: {error}"
    return "UNAVAILABLE" in text or "failed to connect" in text.lower()


class WarmSparkPreview(WarmRun):
    engine = "spark"

    def __init__(self, job: dict, args, cold):
        super().__init__(args, cold)
        self.job = job
        self.spark = None
        self.run_ = None  # the SparkJob building the graph
        self.tag = f"uis-preview-{uuid.uuid4().hex}"

    def work(self, url: str) -> int:
        from ..spark.job import SparkJob

        self.spark = remote_session(url, self.job, self.tag)
        self.run_ = run = SparkJob(self.job, self.args)
        run.spark = self.spark
        error = None
        try:
            run.build_sources()
            run.build_transforms()
            preview(run, enter=lambda: self.spark.addTag(self.tag))
        except BaseException as e:
            error = e
            raise
        finally:
            if run.stop_requested or (error is not None and not is_dead(error)):
                # what still runs: the other nodes' operations after a failed one, or one that
                # began just after Stop's interrupt
                self.interrupt_quietly()
            self.spark.stop()  # the client's channel only: the server keeps serving
        log("dry run finished: no sink written")
        return 0

    def before_cold(self) -> None:
        leave_connect()

    def interrupt(self) -> None:
        if self.run_ is not None:
            self.run_.stop_requested = True  # no further node is started
        if self.spark is not None:
            self.spark.interruptTag(self.tag)

    def interrupt_quietly(self) -> None:
        try:
            self.spark.interruptTag(self.tag)
        except Exception:
            pass  # the server is gone, or the preview failed on an interrupt

    @staticmethod
    def is_dead(error: BaseException) -> bool:
        return is_dead(error)
