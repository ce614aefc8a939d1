# SPDX-License-Identifier: Apache-2.0
"""Warm engine sessions (runners/uis_runners/sessions): a real Spark Connect server and a real
Flink session cluster with its SQL Gateway in a state folder of the tests' own, so a user's pair
is neither used nor stopped (conftest.py's `warm_pair`: under ctest the pair the engine tests
share, which test_warm_golden.py may have used before; alone, a pair of this session's own).

- a file template (the bundled trades) previews warm and cold with identical rows and columns,
  on both engines;
- the files template's window aggregate (over views: the gateway plans it once they are inlined)
  runs warm on both engines and gives the cold path's rows;
- Stop during a warm preview ends it, and the same servers serve the next preview;
- two previews at once, of specs whose nodes have the same names over different data, each get
  their own rows (own Spark Connect session, own gateway session);
- a dead server is restarted once by the next preview, and the pair is whole again for the next
  test that uses it;
- a new Spark Connect server has previewed the warm-up job (sessions/spark_warmup.py) before
  serving, and that job previews without an error.
Each warm result is compared with the cold path's rows, never with rows written here."""

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request

import pytest
import templates as T
from conftest import FLINK_RUNNER, SPARK_RUNNER, runner_env
from session_servers import alive, server_pids

TRADES = T.TEMPLATES / "sample-trades-to-parquet.uis.yaml"
WINDOWS = T.TEMPLATES / "files-to-parquet.uis.yaml"
RUNNERS = {"spark": SPARK_RUNNER, "flink": FLINK_RUNNER}
LIMIT = 5


def local_spec(tmp_path, name: str, rows: int, template=TRADES) -> dict:
    """`template` on local data of `rows` records: its compiled job per engine."""
    data = tmp_path / name
    spec = T.load(template)
    for e in spec["provider"]["endpoints"]:
        T.write_files(e, data, n=rows)
    copy = tmp_path / f"{name}.uis.yaml"
    copy.write_text(T.rewrite_base_url(template.read_text(), data.as_uri()))
    jobs = {}
    for engine, extra in (("spark", ["--master", "local[*]"]), ("flink", ["--engine", "flink"])):
        target = f"{engine}-job"
        jobs[engine] = tmp_path / f"{name}-{target}.json"
        T.compile_spec(copy, target, *extra, "--flink-target", "local", out_file=jobs[engine])
    return jobs


def command(engine: str, job, session: str) -> list:
    cmd = [sys.executable, str(RUNNERS[engine]), "--job-config", str(job), "--dry-run"]
    return cmd + ["--limit", str(LIMIT), "--session", session]


def preview(engine, job, session, pair=None, warm=True) -> dict:
    """`pair`: the warm pair a warm preview uses; a cold one gets a sessions folder of its own."""
    p = subprocess.run(
        command(engine, job, session),
        capture_output=True,
        text=True,
        timeout=600,
        env=runner_env(**(pair.env if pair else {"UIS_SESSIONS_DIR": job.parent})),
    )
    assert p.returncode == 0, f"{engine} {session}: exit {p.returncode}\n{p.stdout}\n{p.stderr}"
    if session != "none":
        assert f"warm {engine} session at" in p.stdout, p.stdout
        assert ("cold preview" not in p.stdout) == warm, p.stdout
    out = T.previews(p.stdout)
    assert out and all(n["rows"] for n in out.values()), p.stdout
    return out


@pytest.fixture(scope="module")
def files_jobs(tmp_path_factory):
    return local_spec(tmp_path_factory.mktemp("files"), "files", 8)


@pytest.fixture(scope="module")
def cold(files_jobs):
    """The cold path's previews (engine -> node -> rows), the reference for every warm one."""
    return {e: preview(e, files_jobs[e], "none") for e in RUNNERS}


@pytest.mark.parametrize("engine", ["spark", "flink"])
def test_warm_preview_has_the_cold_rows(engine, warm_pair, files_jobs, cold):
    first = preview(engine, files_jobs[engine], "auto", warm_pair)
    assert first == cold[engine]
    # a second preview reuses the same servers and still gives the same rows
    pids = server_pids(warm_pair.folder)
    assert preview(engine, files_jobs[engine], "auto", warm_pair) == cold[engine]
    assert server_pids(warm_pair.folder) == pids


def test_a_window_aggregate(warm_pair, tmp_path):
    jobs = local_spec(tmp_path, "windows", 8, WINDOWS)
    for engine in RUNNERS:
        cold = preview(engine, jobs[engine], "none")
        assert cold["per_10_minutes"]["rows"], cold
        assert preview(engine, jobs[engine], "auto", warm_pair) == cold


@pytest.mark.parametrize("engine", ["spark", "flink"])
def test_stop_leaves_the_session_serving(engine, warm_pair, files_jobs, cold):
    pids = server_pids(warm_pair.folder)
    p = subprocess.Popen(
        command(engine, files_jobs[engine], "auto"),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=runner_env(**warm_pair.env),
        start_new_session=True,
    )
    lines = []
    for line in p.stdout:  # stop once the engine is at work on the preview
        lines.append(line)
        if line.startswith("uis-preview: "):
            break
    sent = time.monotonic()
    os.killpg(p.pid, signal.SIGTERM)  # what the designer's Stop sends
    rest, _ = p.communicate(timeout=60)
    lines += rest.splitlines(keepends=True)
    assert p.returncode == 0, "".join(lines)
    assert "received signal SIGTERM" in "".join(lines)
    print(f"{engine}: stopped {time.monotonic() - sent:.2f} s after the signal")
    assert server_pids(warm_pair.folder) == pids and all(alive(x) for x in pids)
    assert preview(engine, files_jobs[engine], "auto", warm_pair) == cold[engine]


@pytest.mark.parametrize("engine", ["spark", "flink"])
def test_concurrent_previews_get_their_own_rows(engine, warm_pair, files_jobs, cold, tmp_path):
    other = local_spec(tmp_path, "other", 3)  # same node names, other data
    other_cold = preview(engine, other[engine], "none")
    assert other_cold != cold[engine]
    results = {}

    def run(name, job):
        results[name] = preview(engine, job, "auto", warm_pair)

    threads = [
        threading.Thread(target=run, args=("files", files_jobs[engine])),
        threading.Thread(target=run, args=("other", other[engine])),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    assert results == {"files": cold[engine], "other": other_cold}


def test_the_spark_server_was_warmed_up(warm_pair):
    rec = json.loads((warm_pair.folder / "sessions.json").read_text())["spark"]
    built = "uis-runner: transform per_10_minutes (window_aggregate) <- usable"
    assert built in open(rec["log"], errors="replace").read()
    # a failure would only leave a new server cold, unseen: the warm-up run must pass
    cmd = [sys.executable, "-m", "uis_runners.sessions.spark_warmup", rec["url"]]
    env = runner_env(PYTHONPATH=SPARK_RUNNER.parents[1])
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env)
    assert p.returncode == 0, p.stderr
    assert p.stdout == "" and built in p.stderr, p.stderr


def test_the_flink_cluster_was_warmed_up(warm_pair, tmp_path):
    from uis_runners.sessions.flink_warm import warm_up

    rec = json.loads((warm_pair.folder / "sessions.json").read_text())["flink"]

    def warm_ups():
        with urllib.request.urlopen(rec["rest"] + "/jobs/overview", timeout=10) as r:
            jobs = json.load(r)["jobs"]
        return [j for j in jobs if j["name"] == "uis-warm-up" and j["state"] == "FINISHED"]

    started = warm_ups()
    assert started, "the session cluster ran no warm-up job when it started"
    # a failure would only leave a new cluster cold, unseen: the warm-up job must finish
    warm_up(rec["url"], tmp_path)
    assert len(warm_ups()) == len(started) + 1


def test_a_dead_server_is_restarted_once(warm_pair, files_jobs, cold):
    data = json.loads((warm_pair.folder / "sessions.json").read_text())
    old = data["spark"]["pid"]
    os.killpg(old, signal.SIGKILL)
    deadline = time.time() + 30
    while alive(old) and time.time() < deadline:
        time.sleep(0.2)
    assert preview("spark", files_jobs["spark"], "auto", warm_pair) == cold["spark"]
    new = json.loads((warm_pair.folder / "sessions.json").read_text())["spark"]
    assert new["pid"] != old and alive(new["pid"])
    warm_pair.status()  # both warm: a shared pair serves the tests after this one
