# SPDX-License-Identifier: Apache-2.0
"""The SparkSession of a run: configuration, local jars, Iceberg catalogs, and this package
shipped to the executors."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

from .. import localplatform
from ..jobconfig import jar_dir, jars_in
from ..jvm_archive import spark_submit_env
from ..log import log
from ..placeholders import resolve

PACKAGE_DIR = Path(__file__).resolve().parents[1]  # runners/uis_runners


def start(run) -> None:
    from pyspark.sql import SparkSession

    conf = {k: str(v) for k, v in (run.job.get("spark_config") or {}).items()}
    name = conf.get("spark.app.name") or run.job.get("name") or "uis-job"
    conf.setdefault("spark.sql.session.timeZone", "UTC")
    conf.setdefault("spark.ui.showConsoleProgress", "false")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    under_submit = "PYSPARK_GATEWAY_PORT" in os.environ
    if not under_submit:
        spark_submit_env(os.environ)  # pyspark starts the driver with spark-submit
        conf["spark.master"] = run.args.master or conf.get("spark.master") or "local[*]"
        jars_dir = jar_dir("spark", run.args.jars_dir, "UIS_SPARK_JARS_DIR")
        jars = jars_in(jars_dir)
        if jars:
            conf["spark.jars"] = ",".join(
                ([conf["spark.jars"]] if conf.get("spark.jars") else []) + jars
            )
            log(
                f"local Spark {conf['spark.master']} with {len(jars)} connector jars "
                f"from {jars_dir}"
            )
        elif run.job.get("packages"):
            conf.setdefault("spark.jars.packages", ",".join(run.job["packages"]))
        # Locally there is one JVM: executor settings meant for a cluster would only waste memory.
        for k in ("spark.executor.instances", "spark.executor.memory", "spark.executor.cores"):
            conf.pop(k, None)
    add_iceberg_catalogs(run.job, conf)
    add_s3a_classpath(run.job, conf, under_submit)
    run.local_store = localplatform.store()
    if run.local_store:
        localplatform.apply_spark(run.job, conf, run.local_store)
    else:
        localplatform.without_store(run.job, conf)
    builder = SparkSession.builder.appName(name)
    for k, v in conf.items():
        builder = builder.config(k, resolve(v))
    run.spark = builder.getOrCreate()
    run.spark.sparkContext.setLogLevel(run.args.log_level)
    log(
        f"Spark {run.spark.version} session '{name}' started "
        f"(master {run.spark.sparkContext.master})"
    )
    run.shipped = ship_package(run.spark.sparkContext)


def is_connect(spark) -> bool:
    """Whether `spark` is a Spark Connect session (sessions/spark_warm.py): it has no
    SparkContext, no RDDs and no JVM of its own."""
    return type(spark).__module__.startswith("pyspark.sql.connect")


def stop(run) -> None:
    if run.spark is not None:
        try:
            run.spark.stop()
        except Exception:
            pass
    if run.shipped:
        shutil.rmtree(os.path.dirname(run.shipped), ignore_errors=True)


def package_zip(folder: str) -> str:
    """`uis_runners.zip` in `folder`: every .py file of this package under `uis_runners/`."""
    path = os.path.join(folder, "uis_runners.zip")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for p in sorted(PACKAGE_DIR.rglob("*.py")):
            z.write(p, p.relative_to(PACKAGE_DIR.parent).as_posix())
    return path


def ship_package(sc) -> str | None:
    """Python that runs on executors (the REST delivery sink's partitions) imports this package.
    Executors do not share the driver's sys.path (on a standalone cluster not even its disk), so
    the package goes with the job as a zip on their Python path."""
    if not PACKAGE_DIR.is_dir():  # already running from a shipped zip
        return None
    path = package_zip(tempfile.mkdtemp(prefix="uis-runners-"))
    sc.addPyFile(path)
    return path


def uses_s3a(job: dict) -> bool:
    return any("hadoop-aws" in str(p) for p in job.get("packages") or []) or "s3a://" in str(
        {k: job.get(k) for k in ("sources", "sinks", "spark_config")}
    )


def add_s3a_classpath(job: dict, conf: dict, under_submit: bool) -> None:
    """hadoop-aws and the AWS SDK bundle from .cache/jars/s3a on the class path, not shipped as
    --jars (the bundle is ~300 MB; executors on this machine read it in place). Under
    spark-submit the driver's JVM already runs: dcp-local puts them on its class path."""
    jars = localplatform.s3a_jars() if uses_s3a(job) else []
    if not jars:
        return
    keys = ["spark.executor.extraClassPath"]
    if not under_submit:
        keys.append("spark.driver.extraClassPath")
    for key in keys:
        have = [p for p in conf.get(key, "").split(os.pathsep) if p]
        conf[key] = os.pathsep.join(have + [j for j in jars if j not in have])


def add_iceberg_catalogs(job: dict, conf: dict):
    """An Iceberg sink whose catalog the spark_config does not define gets one from the sink's
    own catalog_type/warehouse/uri (the local Hadoop catalog by default)."""
    for s in job.get("sinks") or []:
        if str(s.get("type")).lower() != "iceberg":
            continue
        cat = s.get("catalog") or "uis"
        key = f"spark.sql.catalog.{cat}"
        conf.setdefault(
            "spark.sql.extensions",
            "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions",
        )
        if key in conf:
            continue
        conf[key] = "org.apache.iceberg.spark.SparkCatalog"
        conf[key + ".type"] = s.get("catalog_type", "hadoop")
        if s.get("warehouse"):
            conf[key + ".warehouse"] = s["warehouse"]
        if s.get("uri"):
            conf[key + ".uri"] = s["uri"]
