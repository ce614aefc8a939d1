# SPDX-License-Identifier: Apache-2.0
"""A class-data archive for the Spark driver JVM (JDK 17 AppCDS), made by `make deps`.

A cold Spark run (a preview, `uisctl test`, a local job) spends a third of its CPU loading and
verifying the same ~12,000 classes. The JDK can map them from an archive instead: on 2 cores a
cold `uisctl test --engine spark` of the trades template took 8.6-9.8 s of CPU without and
6.5-6.8 s with it. Flink's client JVM gains nothing measurable this way, so it has none.

`build()` runs a small PySpark job with -XX:DumpLoadedClassList, dumps the archive for the
driver's class path (pyspark's conf/ and jars/*, what spark-class gives every driver), checks
that the JVM maps it, and writes `spark-driver.options`: the JVM options that use it. That file
is the one thing the launchers read (EnginePaths::addRunnerEnvironment on the C++ side,
`spark_submit_env` here), into SPARK_SUBMIT_OPTS, which spark-submit gives the driver only.

A JVM whose class path does not start with the archive's (a driver with an extra class path)
or whose JDK is another build maps nothing and runs as before, minus the JDK's own archive;
`build()` makes the archive again when the JDK or pyspark changed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .jobconfig import ENGINES

OPTIONS_NAME = "spark-driver.options"

# Classes a typical run loads: CSV and JSON in, a filter, a window aggregate, Parquet out.
_TRAINING_JOB = """
import sys
from pyspark.sql import SparkSession, functions as F
work = sys.argv[1]
spark = SparkSession.builder.master("local[1]").appName("uis-class-archive").getOrCreate()
with open(work + "/in.csv", "w") as f:
    f.write("id,page,ts,amount\\n")
    for i in range(50):
        f.write(f"{i},p{i % 3},2024-01-15T10:{i % 60:02d}:00Z,{i * 1.5}\\n")
schema = "id INT, page STRING, ts TIMESTAMP, amount DOUBLE"
df = spark.read.option("header", True).schema(schema).csv(work + "/in.csv")
agg = df.filter(F.col("id") > 3).groupBy(F.window("ts", "10 minutes"), "page")
agg = agg.agg(F.count("*"), F.avg("amount"))
agg.write.mode("overwrite").parquet(work + "/out")
df.write.mode("overwrite").json(work + "/json")
spark.read.json(work + "/json").dropDuplicates(["id"]).orderBy("id").limit(5).collect()
spark.read.parquet(work + "/out").collect()
spark.stop()
"""


def archive_dir(home: Path | None = None) -> Path:
    return (home or ENGINES) / ".cache" / "cds"


def _pyspark_home() -> Path:
    import pyspark

    return Path(pyspark.__file__).parent


def _java() -> str | None:
    if os.environ.get("JAVA_HOME"):
        return str(Path(os.environ["JAVA_HOME"]) / "bin" / "java")
    return shutil.which("java")


def _classpath() -> str:
    """The driver's class path as spark-class builds it (no extra class path)."""
    home = _pyspark_home()
    return f"{home / 'conf'}{os.pathsep}{home / 'jars' / '*'}"


def _fingerprint(java: str) -> dict:
    import pyspark

    version = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    return {"java": version.stderr.strip(), "pyspark": pyspark.__version__, "cp": _classpath()}


def options_file(home: Path | None = None) -> Path:
    return archive_dir(home) / OPTIONS_NAME


def spark_submit_env(env: dict, home: Path | None = None) -> dict:
    """`env` with the archive's options added to SPARK_SUBMIT_OPTS, when there is an archive."""
    try:
        extra = options_file(home).read_text().strip()
    except OSError:
        return env
    if extra and extra not in env.get("SPARK_SUBMIT_OPTS", ""):
        env["SPARK_SUBMIT_OPTS"] = (env.get("SPARK_SUBMIT_OPTS", "") + " " + extra).strip()
    return env


def build(home: Path | None = None, log=sys.stderr) -> bool:
    """Makes (or keeps) the Spark driver's archive; False, with a note, when it cannot."""
    java = _java()
    if not java:
        print("class archive: no java; Spark starts without one", file=log)
        return False
    folder = archive_dir(home)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = folder / "spark-driver.json"
    want = _fingerprint(java)
    archive = folder / "spark-driver.jsa"
    if options_file(home).is_file() and archive.is_file():
        try:
            if json.loads(stamp.read_text()) == want:
                return True
        except (OSError, ValueError):
            pass
    options_file(home).unlink(missing_ok=True)  # never point at an archive being replaced
    with tempfile.TemporaryDirectory(prefix="uis-cds-") as work:
        classes = Path(work) / "classes.lst"
        env = dict(os.environ, SPARK_SUBMIT_OPTS=f"-XX:DumpLoadedClassList={classes}")
        env.pop("JAVA_TOOL_OPTIONS", None)
        env.setdefault("PYSPARK_PYTHON", sys.executable)
        job = Path(work) / "job.py"
        job.write_text(_TRAINING_JOB)
        run = subprocess.run(
            [sys.executable, str(job), work], capture_output=True, text=True, env=env, timeout=600
        )
        if run.returncode != 0 or not classes.is_file():
            print(f"class archive: the training run failed:\n{run.stderr[-2000:]}", file=log)
            return False
        tmp = folder / "spark-driver.jsa.tmp"
        dump = subprocess.run(
            [java, "-Xshare:dump", f"-XX:SharedClassListFile={classes}"]
            + [f"-XX:SharedArchiveFile={tmp}", "-cp", _classpath()],
            capture_output=True,
            text=True,
            timeout=600,
        )
        if dump.returncode != 0 or not tmp.is_file():
            print(f"class archive: the dump failed:\n{dump.stdout[-2000:]}", file=log)
            return False
    opts = f"-XX:SharedArchiveFile={archive} -Xshare:auto"
    # -Xshare:on makes a JVM that cannot map the archive fail instead of running without it.
    check = subprocess.run(
        [java, f"-XX:SharedArchiveFile={tmp}", "-Xshare:on", "-cp", _classpath(), "-version"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    if check.returncode != 0:
        tmp.unlink(missing_ok=True)
        print(f"class archive: the JVM cannot map it:\n{check.stdout[-1000:]}", file=log)
        return False
    os.replace(tmp, archive)
    stamp.write_text(json.dumps(want, indent=1))
    partial = options_file(home).with_suffix(".tmp")
    partial.write_text(opts + "\n")
    os.replace(partial, options_file(home))
    return True


def main(argv: list[str]) -> int:
    if argv[:1] != ["build"]:
        print("usage: python -m uis_runners.jvm_archive build", file=sys.stderr)
        return 2
    return 0 if build() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
