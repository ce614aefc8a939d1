# SPDX-License-Identifier: Apache-2.0
"""The restore check against real restores on a real Flink session cluster and Kafka broker.

The old job (the Kafka window template with a filter) runs on the session cluster, counts the
clicks before the snapshot and is stopped with a savepoint (Flink REST stop-with-savepoint). For
each edit the check (`uis_flink_runner.py --upgrade-check`) gives its verdict; then the new job
is really submitted to the cluster from that savepoint (allowNonRestoredState false), and the
outcome must be the one predicted. A restored job must continue the counts: the 10:01 window
holds the click from before the savepoint, and the 10:00 window is not emitted again."""

import json
import subprocess
import sys
import threading
import time
import urllib.request

import pytest
import upgrade_edits as U
import upgrade_kafka as K
from clusters import FlinkSession, get_json
from conftest import FLINK_RUNNER, runner_env

pytestmark = [pytest.mark.slow, pytest.mark.flink]

# What the measured verdicts were (docs/upgrades.md): the test asserts them too, so a change of
# the compiler's operator ids shows up here.
EXPECTED = {
    "changed_filter": True,
    "changed_window_size": True,
    "changed_group_keys": False,
    "removed_dedupe": False,
    "added_sink": True,
    "renamed_node": True,
}
TIMES = {}


class Runner:
    """uis_flink_runner.py submitting to the session cluster; stdout collected."""

    def __init__(self, job, session, *extra):
        cmd = [
            sys.executable,
            str(FLINK_RUNNER),
            "--job-config",
            str(job),
            "--set",
            "execution.target=remote",
            "--set",
            "rest.address=127.0.0.1",
            "--set",
            f"rest.port={session.rest_port}",
            *extra,
        ]
        self.lines = []
        self.p = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=runner_env()
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.p.stdout:
            self.lines.append(line.rstrip("\n"))

    def job_id(self):
        for line in self.lines:
            if "uis-runner: job " in line and " submitted" in line:
                return line.split("uis-runner: job ")[1].split()[0]
        return None

    def tail(self, n=40):
        return "\n".join([line for line in self.lines if not line.startswith("\tat ")][-n:])

    def wait(self, timeout=120):
        try:
            return self.p.wait(timeout)
        except subprocess.TimeoutExpired:
            self.p.kill()
            return self.p.wait(10)


def rest(session, method, path, body=None):
    req = urllib.request.Request(
        session.rest_url + path,
        method=method,
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=10) as r:
        raw = r.read()
        return json.loads(raw) if raw else {}


def running(session, jid) -> bool:
    job = get_json(f"{session.rest_url}/jobs/{jid}")
    vs = job.get("vertices", [])
    return job.get("state") == "RUNNING" and vs and all(v["status"] == "RUNNING" for v in vs)


def failure(session, jid) -> str | None:
    ex = get_json(f"{session.rest_url}/jobs/{jid}/exceptions")
    hist = ex.get("exceptionHistory", {}).get("entries", [])
    if hist:
        return hist[0].get("stacktrace", "")[:3000]
    return ex.get("root-exception")


def cancel(session, runner):
    jid = runner.job_id()
    if jid:
        try:
            rest(session, "PATCH", f"/jobs/{jid}?mode=cancel")
        except Exception:
            pass
    runner.wait(90)


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    s = FlinkSession(tmp_path_factory.mktemp("flink-session")).start()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def old(kafka, session, tmp_path_factory):
    """The old job run until the savepoint; its spec, job file and savepoint."""
    t0 = time.monotonic()
    work = tmp_path_factory.mktemp("upgrade-flink")
    src, out = "up-flink-clicks", "up-flink-metrics"
    kafka.create_topics(src, out, out + "-copy")
    spec = U.old_spec(kafka.bootstrap, src, out)
    job = U.flink_job(spec, work, "old")
    r = Runner(job, session)
    try:
        K.wait_until(
            "the old job running", lambda: r.job_id() and running(session, r.job_id()), 240, r.tail
        )
        K.produce(kafka.bootstrap, src, K.BEFORE)
        K.wait_until(
            "the old job's 10:00 window",
            lambda: (K.W1[0], K.W1[1], 3) in K.windows(kafka.bootstrap, out),
            180,
            r.tail,
        )
        jid = r.job_id()
        trigger = rest(
            session,
            "POST",
            f"/jobs/{jid}/stop",
            {"targetDirectory": f"file://{work / 'savepoints'}", "drain": False},
        )["request-id"]

        def done():
            st = rest(session, "GET", f"/jobs/{jid}/savepoints/{trigger}")
            return st["status"]["id"] == "COMPLETED" and st

        st = K.wait_until("stop-with-savepoint", done, 120, r.tail)
        assert "failure-cause" not in st["operation"], st
        savepoint = st["operation"]["location"]
        assert r.wait(90) == 0, r.tail()
    except BaseException:
        cancel(session, r)
        raise
    K.produce(kafka.bootstrap, src, K.AFTER)
    TIMES["old job to savepoint"] = time.monotonic() - t0
    return {"spec": spec, "job": job, "savepoint": savepoint, "out": out, "work": work}


def check(old, new_job, out_json):
    p = subprocess.run(
        [
            sys.executable,
            str(FLINK_RUNNER),
            "--upgrade-check",
            old["savepoint"],
            "--job-config",
            str(new_job),
            "--old-job-config",
            str(old["job"]),
            "--output",
            str(out_json),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        env=runner_env(),
    )
    assert p.returncode == 0, p.stdout + p.stderr[-3000:]
    return json.loads(out_json.read_text())


def real_restore(session, kafka, old, new_job):
    """Submits the new job from the savepoint; (restored?, detail, runner)."""
    start = K.end_offset(kafka.bootstrap, old["out"])
    r = Runner(
        new_job,
        session,
        "--set",
        f"execution.savepoint.path={old['savepoint']}",
        "--set",
        "execution.savepoint.ignore-unclaimed-state=false",
    )

    def outcome():
        if r.p.poll() is not None:
            return ("failed", r.tail())  # the cluster refused the job
        jid = r.job_id()
        if not jid:
            return None
        try:
            cause = failure(session, jid)
            if cause:
                return ("failed", cause)
            if running(session, jid):
                return ("restored", "")
        except OSError:
            return None
        return None

    state, detail = K.wait_until("the restore's outcome", outcome, 240, r.tail)
    return state == "restored", detail, r, start


@pytest.mark.parametrize("edit", list(U.EDITS))
def test_check_verdict_is_the_real_restore(edit, kafka, session, old, tmp_path):
    t0 = time.monotonic()
    new_job = U.flink_job(U.edited(old["spec"], edit), tmp_path, edit)
    report = check(old, new_job, tmp_path / "check.json")
    t_check = time.monotonic() - t0
    print(f"\n{edit}: {json.dumps(report['operators'], indent=1)}")
    nodes = {o["node"] for o in report["operators"]}
    # every operator with state is named in the spec's terms (no bare Flink operator ids)
    assert not any(n.startswith("operator ") for n in nodes), report

    restored, detail, r, start = real_restore(session, kafka, old, new_job)
    try:
        assert report["restorable"] == restored, (
            f"{edit}: the check said restorable={report['restorable']}, the real restore "
            f"{'succeeded' if restored else 'failed'}:\n{detail}\n{json.dumps(report, indent=1)}"
        )
        assert report["restorable"] == EXPECTED[edit], json.dumps(report, indent=1)
        if restored and edit != "changed_window_size":
            got = K.wait_until(
                "the restored job's 10:01 window",
                lambda: [w for w in K.windows(kafka.bootstrap, old["out"], start) if w[:2] == K.W2],
                180,
                r.tail,
            )
            assert got == [(*K.W2, 2)], f"the count did not continue from the savepoint: {got}"
            again = [w for w in K.windows(kafka.bootstrap, old["out"], start) if w[:2] == K.W1]
            assert again == [], f"the 10:00 window was emitted again (reprocessing): {again}"
    finally:
        cancel(session, r)
    TIMES[edit] = (round(t_check, 1), round(time.monotonic() - t0, 1))
    print(f"{edit}: check {t_check:.1f}s, check + real restore {time.monotonic() - t0:.1f}s")


def test_uisctl_upgrade_check_prints_the_verdicts(old, tmp_path):
    """`uisctl upgrade-check SAVEPOINT SPEC --old OLD`: the per-node table and the exit code."""
    import templates as T

    t0 = time.monotonic()
    new_spec = U.write(U.edited(old["spec"], "changed_group_keys"), tmp_path / "new.uis.json")
    old_spec = U.write(old["spec"], tmp_path / "old.uis.json")
    p = subprocess.run(
        [
            str(T.tool("uisctl")),
            "upgrade-check",
            old["savepoint"],
            str(new_spec),
            "--old",
            str(old_spec),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        env=runner_env(),
    )
    assert p.returncode == 1, p.stdout + p.stderr[-3000:]
    lines = p.stdout.splitlines()
    assert lines[0].split()[:3] == ["NODE", "KIND", "VERDICT"], p.stdout
    per_minute = next(line for line in lines if line.startswith("per_minute "))
    assert " incompatible " in per_minute, p.stdout
    assert "group keys changed (page → page, event_id)" in per_minute, p.stdout
    assert "NOT restorable" in p.stdout
    print(f"\nuisctl upgrade-check: {time.monotonic() - t0:.1f}s\n{p.stdout}")
