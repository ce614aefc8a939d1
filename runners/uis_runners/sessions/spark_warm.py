# SPDX-License-Identifier: Apache-2.0
"""The Spark data preview through Spark Connect: the spark-job's graph is built by the same
SparkJob code as the cold run, on a remote session of its own (`create()`, not a shared
`getOrCreate()`), so two previews see neither each other's views nor their settings. Every
operation carries this preview's tag: Stop interrupts the tag and the server keeps serving."""

from __future__ import annotations

import uuid

from ..log import log
from ..placeholders import resolve
from ..spark import session as cold_session
from ..spark.preview import preview
from .warm import WarmRun


class WarmSparkPreview(WarmRun):
    engine = "spark"

    def __init__(self, job: dict, args, cold):
        super().__init__(args, cold)
        self.job = job
        self.spark = None
        self.run_ = None  # the SparkJob building the graph
        self.tag = f"uis-preview-{uuid.uuid4().hex}"

    def preview(self, url: str) -> int:
        from pyspark.sql import SparkSession

        from ..spark.job import SparkJob

        self.spark = SparkSession.builder.remote(url).create()
        self.spark.addTag(self.tag)
        self.configure()
        self.run_ = run = SparkJob(self.job, self.args)
        run.spark = self.spark
        try:
            run.build_sources()
            run.build_transforms()
            preview(run)
        finally:
            self.spark.stop()  # the client's channel only: the server keeps serving
        log("dry run finished: no sink written")
        return 0

    def configure(self) -> None:
        """The job's SQL settings on this session only. Resolved values (secrets) go to the
        session, never to the log: a setting the server refuses is named by key alone."""
        conf = {k: str(v) for k, v in (self.job.get("spark_config") or {}).items()}
        cold_session.add_iceberg_catalogs(self.job, conf)
        conf["spark.sql.session.timeZone"] = "UTC"
        skipped = []
        for k, v in conf.items():
            if not (k.startswith("spark.sql.") or k.startswith("spark.hadoop.")):
                continue  # cluster settings (memory, master, jars) belong to the server
            if k == "spark.sql.extensions":
                continue  # static: the server starts with Iceberg's
            try:
                self.spark.conf.set(k, resolve(v))
            except Exception:
                skipped.append(k)
        if skipped:
            log(f"warm Spark session keeps its own {', '.join(skipped)}")

    def interrupt(self) -> None:
        if self.run_ is not None:
            self.run_.stop_requested = True  # no further node is started
        if self.spark is not None:
            self.spark.interruptTag(self.tag)

    @staticmethod
    def is_dead(error: BaseException) -> bool:
        """Whether the server is unreachable (gRPC UNAVAILABLE), not a failure of the job."""
        text = f"{type(error).__name__}: {error}"
        return "UNAVAILABLE" in text or "failed to connect" in text.lower()
