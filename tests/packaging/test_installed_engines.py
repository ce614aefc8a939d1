# SPDX-License-Identifier: Apache-2.0
"""The packaged programs on the engines `uisctl engines install` downloads (label `engines`: it
fetches from PyPI and Maven Central what the local caches lack). The package is unpacked into a
temporary root; its uisctl installs the engines into a temporary folder, reusing this user's pip
cache and the checkout's Maven repository (read as a file:// repository ahead of Maven Central,
so nothing in the checkout is written); then, from an empty folder with no variable pointing
into the checkout, the unpacked uisctl runs the bundled example on Spark and the files template
on Flink, and uis-studio answers --version. How long the install took is printed."""

import json
import os
import time
from pathlib import Path

import pytest
from conftest import REPO, headless_env, run, upstream_version

PIP_CACHE = Path(
    os.environ.get("PIP_CACHE_DIR")
    or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pip"
)
MAVEN_CACHE = REPO / ".cache" / "m2"


def maven_settings(path: Path) -> Path:
    """A settings.xml whose first repository is the checkout's Maven repository (file://): Maven
    copies from it, checking each file's .sha1 there, and asks Maven Central for the rest."""
    repo = f"""<id>checkout-cache</id><url>{MAVEN_CACHE.resolve().as_uri()}</url>
        <releases><checksumPolicy>fail</checksumPolicy></releases>
        <snapshots><enabled>false</enabled></snapshots>"""
    path.write_text(
        f"""<settings><profiles><profile><id>uis-test</id>
  <repositories><repository>{repo}</repository></repositories>
  <pluginRepositories><pluginRepository>{repo}</pluginRepository></pluginRepositories>
</profile></profiles><activeProfiles><activeProfile>uis-test</activeProfile></activeProfiles>
</settings>
"""
    )
    return path


@pytest.fixture(scope="module")
def user(tmp_path_factory):
    """A user with nothing of UIS Studio yet: an empty HOME and XDG data folder, working in an
    empty folder, with the local caches to install from."""
    home = tmp_path_factory.mktemp("home")
    env = headless_env(home)
    env["XDG_DATA_HOME"] = str(home / "data")
    env["PIP_CACHE_DIR"] = str(PIP_CACHE)
    if MAVEN_CACHE.is_dir():
        env["UIS_MAVEN_SETTINGS"] = str(maven_settings(home / "maven-settings.xml"))
    work = tmp_path_factory.mktemp("work")
    return env, work


# The installed engines themselves, not the warm pair `--session auto` would start and leave idling.
COLD = ("--session", "none")


def uisctl(root, user, *args, timeout=900):
    env, work = user
    return run([str(root / "usr/bin/uisctl"), *args], cwd=work, env=env, timeout=timeout)


@pytest.mark.parametrize(
    "variable, value, says",
    [
        ("UIS_PYTHON", "/nonexistent/python3", "python3 was not found: sudo apt install python3"),
        ("PIP_INDEX_URL", "http://127.0.0.1:9/simple/", "cannot reach http://127.0.0.1:9/simple/"),
    ],
)
def test_an_install_that_cannot_work_says_why_and_writes_nothing(
    root, user, tmp_path, variable, value, says
):
    env, work = user
    folder = tmp_path / "engines"
    out = run(
        [str(root / "usr/bin/uisctl"), "engines", "install", "--dir", str(folder)],
        cwd=work,
        env={**env, variable: value},
        timeout=120,
    )
    assert out.returncode == 1, out.stdout + out.stderr
    last = out.stderr.strip().splitlines()[-1]
    assert last.startswith("engines: error: ") and says in last, out.stderr
    assert not (folder / ".uis-engines").exists()


@pytest.fixture(scope="module")
def engines(root, user):
    """The engines folder, installed where the programs look by default (XDG_DATA_HOME), through
    --dir as a script would pass it."""
    status = uisctl(root, user, "engines", "status")
    assert status.returncode == 1, status.stdout + status.stderr
    folder = Path(status.stdout.split("engines folder: ", 1)[1].splitlines()[0])
    assert folder.parent == Path(user[0]["XDG_DATA_HOME"]) / "uis-studio" / "engines"

    # Before: a run says what to install.
    spec = root / "usr/share/uis-studio/templates/sample-trades-to-parquet.uis.yaml"
    before = uisctl(root, user, "test", str(spec), "--engine", "spark")
    assert before.returncode != 0
    assert "uisctl engines install" in before.stdout + before.stderr, before.stdout + before.stderr

    start = time.monotonic()
    out = uisctl(root, user, "engines", "install", "--dir", str(folder), timeout=3600)
    seconds = time.monotonic() - start
    print(f"\nengines install: {seconds:.0f} s\n{out.stderr[-4000:]}")
    assert out.returncode == 0, out.stdout + out.stderr[-6000:]
    return folder


def test_install_is_complete_and_a_second_run_resumes_only_what_is_missing(root, user, engines):
    status = uisctl(root, user, "engines", "status")
    assert status.returncode == 0 and "state: complete" in status.stdout, status.stdout
    assert (engines / ".venv/bin/python").exists()
    gateway = list(engines.glob(".venv/lib/python3*/site-packages/pyflink/opt/flink-sql-gateway-*"))
    assert gateway, "the SQL Gateway jar is not in PyFlink's opt/"
    assert list((engines / ".cache/jars/kafka").glob("kafka_*.jar")), "no Kafka broker"
    # The Spark driver's class-data archive (runners/uis_runners/jvm_archive.py): made, and the
    # JVM options that map it written for the launchers; the Spark test below runs with them.
    options = (engines / ".cache/cds/spark-driver.options").read_text()
    assert f"-XX:SharedArchiveFile={engines / '.cache/cds/spark-driver.jsa'}" in options, options

    again = uisctl(root, user, "engines", "install", "--dir", str(engines))
    assert again.returncode == 0 and "nothing to do" in again.stderr, again.stderr
    # A part lost (as an interrupted run leaves it): only that part is fetched again.
    (engines / ".complete").unlink()
    for f in (engines / ".cache/jars/hadoop").iterdir():
        f.unlink()
    resumed = uisctl(root, user, "engines", "install", "--dir", str(engines))
    assert resumed.returncode == 0, resumed.stderr[-4000:]
    fetched = [ln for ln in resumed.stderr.splitlines() if ln.startswith("engines: fetching")]
    assert fetched == ["engines: fetching hadoop jars from Maven Central"], resumed.stderr
    assert "Python packages" not in resumed.stderr, resumed.stderr


def passed_cases(out, engine: str) -> list:
    assert out.returncode == 0, out.stdout + out.stderr[-4000:]
    runs = [e for e in json.loads(out.stdout)["engines"] if e["engine"] == engine]
    assert runs and runs[0]["status"] == "ran", out.stdout
    cases = runs[0]["cases"]
    assert cases and all(c["status"] == "passed" for c in cases), out.stdout
    return cases


def test_bundled_example_runs_on_spark(root, user, engines):
    spec = root / "usr/share/uis-studio/templates/sample-trades-to-parquet.uis.yaml"
    out = uisctl(root, user, "test", str(spec), "--engine", "spark", "--format", "json", *COLD)
    passed_cases(out, "spark")


def test_files_template_runs_on_flink(root, user, engines):
    spec = root / "usr/share/uis-studio/templates/files-to-parquet.uis.yaml"
    out = uisctl(root, user, "test", str(spec), "--engine", "flink", "--format", "json", *COLD)
    passed_cases(out, "flink")


def test_designer_answers_version(package, root, user, engines):
    env, work = user
    out = run([str(root / "usr/bin/uis-studio"), "--version"], cwd=work, env=env, timeout=60)
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.startswith(f"uis-studio {upstream_version(package[0])}"), out.stdout
