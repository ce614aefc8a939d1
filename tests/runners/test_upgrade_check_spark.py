# SPDX-License-Identifier: Apache-2.0
"""The restore check against real restarts of a Spark Structured Streaming job from its
checkpoint (the Kafka window template compiled for Spark), with a real Kafka broker.

The old job reads the clicks before the snapshot (trigger available_now) and leaves its
checkpoint. For each edit the check (`uis_spark_runner.py --upgrade-check`) gives its verdict on
a copy; then the new job really starts from (its own copy of) the old checkpoint, and must
succeed or fail as predicted. A restarted job must not read the old clicks again."""

import json
import os
import shutil
import subprocess
import sys
import time

import pytest
import upgrade_edits as U
import upgrade_kafka as K
from conftest import SPARK_RUNNER, runner_env

pytestmark = [pytest.mark.slow, pytest.mark.spark]

# `make test` runs one edit Spark keeps state through and one it refuses (about 4.5 min on 2
# cores); UIS_UPGRADE_ALL_EDITS=1 runs all four (12 min), as measured in docs/upgrades.md.
ALL_EDITS = ["changed_filter", "changed_group_keys", "removed_dedupe", "added_sink"]
EDITS = (
    ALL_EDITS if os.environ.get("UIS_UPGRADE_ALL_EDITS") else ["changed_group_keys", "added_sink"]
)
# measured (docs/upgrades.md); asserted so that a change in the runner shows up here
EXPECTED = {
    "changed_filter": True,
    "changed_group_keys": False,
    "removed_dedupe": False,  # the restart runs, without the dedupe's state (dropped)
    "added_sink": True,
}


def spark(job, checkpoints, *extra, timeout=600):
    return subprocess.run(
        [
            sys.executable,
            str(SPARK_RUNNER),
            "--job-config",
            str(job),
            "--master",
            "local[2]",
            "--checkpoint-dir",
            str(checkpoints),
            "--trigger",
            "available_now",
            *extra,
        ],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=runner_env(),
    )


@pytest.fixture(scope="module")
def old(kafka, tmp_path_factory):
    work = tmp_path_factory.mktemp("upgrade-spark")
    src, out = "up-spark-clicks", "up-spark-metrics"
    kafka.create_topics(src, out, out + "-copy")
    spec = U.old_spec(kafka.bootstrap, src, out)
    # Two state partitions, not Spark's 200: each batch of the dedupe and the window otherwise
    # runs 400 tasks over a handful of clicks. Old and new versions share it, as a real upgrade.
    spec["provider"]["config"]["spark.sql.shuffle.partitions"] = "2"
    job = U.spark_job(spec, work, "old")
    K.produce(kafka.bootstrap, src, K.BEFORE)
    p = spark(job, work / "checkpoints")
    assert p.returncode == 0, p.stdout + p.stderr[-3000:]
    K.produce(kafka.bootstrap, src, K.AFTER)
    return {"spec": spec, "job": job, "checkpoints": work / "checkpoints", "out": out}


@pytest.mark.parametrize("edit", EDITS)
def test_check_verdict_is_the_real_restart(edit, kafka, old, tmp_path):
    t0 = time.monotonic()
    new_job = U.spark_job(U.edited(old["spec"], edit), tmp_path, edit)
    report_file = tmp_path / "check.json"
    p = spark(
        new_job,
        tmp_path / "unused",
        "--upgrade-check",
        str(old["checkpoints"]),
        "--old-job-config",
        str(old["job"]),
        "--output",
        str(report_file),
    )
    assert p.returncode == 0, p.stdout + p.stderr[-3000:]
    report = json.loads(report_file.read_text())
    t_check = time.monotonic() - t0
    print(f"\n{edit}: {json.dumps(report, indent=1)}")
    assert report["operators"], report

    # the real restart, from this test's own copy of the old checkpoint
    mine = tmp_path / "checkpoints"
    shutil.copytree(old["checkpoints"], mine)
    start = K.end_offset(kafka.bootstrap, old["out"])
    real = spark(new_job, mine)
    restored = real.returncode == 0
    # Spark has no allowNonRestoredState: state it no longer reads (`dropped`) does not stop the
    # restart, an `incompatible` one does.
    predicted = not any(o["verdict"] == "incompatible" for o in report["operators"])
    assert predicted == restored, (
        f"{edit}: the check predicted a restart that {'runs' if predicted else 'fails'}, "
        "the real one "
        f"{'succeeded' if restored else 'failed'}:\n{real.stdout[-3000:]}"
    )
    assert report["restorable"] == EXPECTED[edit], json.dumps(report, indent=1)
    if restored:
        got = K.windows(kafka.bootstrap, old["out"], start)
        again = [w for w in got if w[:2] == K.W1]
        assert again == [], f"the 10:00 window was emitted again (reprocessing): {got}"
        w2 = [w for w in got if w[:2] == K.W2]
        assert w2 in ([], [(*K.W2, 2)]), f"the count did not continue from the checkpoint: {got}"
    print(f"{edit}: check {t_check:.1f}s, check + real restart {time.monotonic() - t0:.1f}s")
