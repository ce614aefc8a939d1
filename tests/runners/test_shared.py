# SPDX-License-Identifier: Apache-2.0
"""The runners' shared modules (no engine): the secret-to-variable rule, placeholders, root
causes, the FAILED line, exit codes, job files, the dispatch registry and the package zip the
Spark session ships to its executors."""

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from uis_runners import jobconfig, lifecycle, log
from uis_runners.errors import ConfigError, JobError, caused_by, root_cause
from uis_runners.flink.runner import STATEMENTS
from uis_runners.placeholders import parse_secret, resolve, secret_variable, variables_for
from uis_runners.registry import Registry
from uis_runners.spark import session
from uis_runners.spark.sinks import SINKS
from uis_runners.spark.sources import SOURCES
from uis_runners.spark.transforms import TRANSFORMS

# ------------------------------------------------------------------ the secret rule
# The same cases as core/client SubmitRequestBuilder::variableFor and core/spec
# PlaceholderResolver::fromEnvironment: `UIS_SECRET_` + SCOPE_KEY, every character other than an
# ASCII letter or digit as `_`, upper-cased.


@pytest.mark.parametrize(
    "scope, key, var",
    [
        ("db", "password", "UIS_SECRET_DB_PASSWORD"),
        ("reg", "token", "UIS_SECRET_REG_TOKEN"),
        ("db-prod", "password", "UIS_SECRET_DB_PROD_PASSWORD"),
        ("vault", "x", "UIS_SECRET_VAULT_X"),
        ("kv/team.a", "api-key", "UIS_SECRET_KV_TEAM_A_API_KEY"),
        ("Vendor", "Api_Token", "UIS_SECRET_VENDOR_API_TOKEN"),
        ("a__b", "9", "UIS_SECRET_A__B_9"),
    ],
)
def test_secret_variable(scope, key, var):
    assert secret_variable(scope, key) == var
    assert variables_for(f"secret.{scope}:{key}") == [var]


@pytest.mark.parametrize(
    "token",
    [
        "secret.nokey",
        "secret.:key",
        "secret.scope:",
        "secret.a:b:c",
        "secret.my scope:k",
        "secret.schlüssel:k",
    ],
)
def test_invalid_secret_placeholders_are_refused(token):
    # core/spec/placeholder.cpp does not take these as placeholders, so no value is ever sent
    with pytest.raises(JobError, match=r"expected \{\{secret.SCOPE:KEY\}\}"):
        parse_secret(token)


def test_placeholder_variables():
    assert variables_for("env.Mixed_1") == ["Mixed_1"]
    assert variables_for("api_key") == ["API_KEY", "api_key"]
    assert variables_for("db.host") == ["DB.HOST", "db.host", "DB_HOST"]


def test_resolve_secret_and_names(monkeypatch):
    monkeypatch.setenv("UIS_SECRET_KV_TEAM_A_API_KEY", "s3c")
    monkeypatch.setenv("DB_HOST", "h")
    assert resolve(["{{ secret.kv/team.a:api-key }}", {"x": "{{db-host}}:5432"}]) == [
        "s3c",
        {"x": "h:5432"},
    ]
    assert resolve("no {placeholder} here {{") == "no {placeholder} here {{"
    monkeypatch.delenv("UIS_SECRET_KV_TEAM_A_API_KEY")
    with pytest.raises(JobError, match="environment variable UIS_SECRET_KV_TEAM_A_API_KEY is not"):
        resolve("{{secret.kv/team.a:api-key}}")


# ------------------------------------------------------------------ errors and output


class FakeJava:
    def __init__(self, name, msg, cause=None):
        self.name, self.msg, self.cause = name, msg, cause

    def getCause(self):  # noqa: N802 (the Java API)
        return self.cause

    def getMessage(self):  # noqa: N802
        return self.msg

    def getClass(self):  # noqa: N802
        return type("C", (), {"getName": lambda _s: self.name})()


def test_root_cause():
    inner = FakeJava("java.io.IOException", "disk full")
    exc = RuntimeError("wrapper")
    exc.java_exception = FakeJava("org.x.Outer", "outer", FakeJava("org.x.Mid", None, inner))
    assert root_cause(exc) == "java.io.IOException: disk full"
    no_msg = RuntimeError("w")
    no_msg.java_exception = FakeJava("org.x.Bare", None)
    assert root_cause(no_msg) == "org.x.Bare"

    trace = "TableException: outer\n\tat x\nCaused by: a.B: mid\n\tat y\nCaused by: c.D: inner\n"
    assert caused_by(trace) == "c.D: inner"
    assert root_cause(RuntimeError(trace)) == "c.D: inner"

    captured = RuntimeError("long text\nJVM stacktrace: …")
    captured.desc = "[USER_RAISED_EXCEPTION] schema_validation v: a: not INT"
    assert root_cause(captured) == captured.desc

    try:
        try:
            raise ValueError("the real problem\nsecond line")
        except ValueError as e:
            raise RuntimeError("context") from e
    except RuntimeError as e:
        assert root_cause(e) == "the real problem"
    assert root_cause(JobError("line 3 (INSERT …): x\ny")) == "line 3 (INSERT …): x\ny"
    assert root_cause(KeyError()) == "KeyError"


def test_failed_line_keeps_stdout_to_one_line(capsys):
    log.failed("line 3: Could not find any factory\n\nAvailable factory identifiers are:\nkafka")
    out, err = capsys.readouterr()
    assert out == "uis-runner: FAILED: line 3: Could not find any factory\n"
    assert "Available factory identifiers are:\nkafka" in err


@pytest.mark.parametrize(
    "raise_, rc, line",
    [
        (None, 0, None),
        (ConfigError("cannot read job config j.json: nope"), 2, "FAILED: cannot read job config j"),
        (JobError("sink s: 1 of 2 requests failed"), 1, "FAILED: sink s: 1 of 2 requests failed"),
        (RuntimeError("boom"), 1, "FAILED: boom"),
        (KeyboardInterrupt(), 130, "stopped by signal"),
    ],
)
def test_run_reported_exit_codes(capsys, raise_, rc, line):
    cleaned = []

    def run():
        if raise_ is not None:
            raise raise_
        return 0

    assert lifecycle.run_reported(run, cleanup=lambda: cleaned.append(1)) == rc
    out = capsys.readouterr().out.splitlines()
    assert cleaned == [1]
    assert out[-1].startswith(f"uis-runner: exit {rc} after ") and out[-1].endswith("s")
    if line:
        assert line in out[0]


def test_job_config_loading(tmp_path):
    good = tmp_path / "job.json"
    good.write_text(json.dumps({"sql": ["SET 'a' = 'b'", "SELECT 1"]}))
    assert jobconfig.load_json(str(good)) == {"sql": ["SET 'a' = 'b'", "SELECT 1"]}
    assert jobconfig.flink_script(str(good)) == "SET 'a' = 'b';\nSELECT 1"
    bad = tmp_path / "bad.json"
    bad.write_text("{nope")
    with pytest.raises(ConfigError, match="cannot read job config .*bad.json"):
        jobconfig.load_json(str(bad))
    with pytest.raises(ConfigError, match="no 'sql'"):
        good.write_text("{}")
        jobconfig.flink_script(str(good))
    with pytest.raises(ConfigError, match="cannot read job config .*missing.json"):
        jobconfig.load_json(str(tmp_path / "missing.json"))
    (tmp_path / "b.jar").write_text("")
    (tmp_path / "a.jar").write_text("")
    assert jobconfig.jars_in(jobconfig.jar_dir("spark", str(tmp_path))) == [
        str(tmp_path / "a.jar"),
        str(tmp_path / "b.jar"),
    ]
    assert jobconfig.jar_dir("flink") == jobconfig.ENGINES / ".cache" / "jars" / "flink"


def test_engines_home(monkeypatch, tmp_path):
    """The jars of the runners' own venv's folder (an engines folder of `uisctl engines install`,
    or this checkout), unless UIS_ENGINES_DIR names another."""
    monkeypatch.delenv("UIS_ENGINES_DIR", raising=False)
    if sys.prefix != sys.base_prefix and (Path(sys.prefix).parent / ".cache" / "jars").is_dir():
        assert jobconfig._engines_home() == Path(sys.prefix).parent
    else:
        assert jobconfig._engines_home() == jobconfig.REPO
    monkeypatch.setenv("UIS_ENGINES_DIR", str(tmp_path))
    assert jobconfig._engines_home() == tmp_path
    # An installed layout: a venv in an engines folder with the jars next to it.
    (tmp_path / ".cache" / "jars").mkdir(parents=True)
    monkeypatch.delenv("UIS_ENGINES_DIR")
    monkeypatch.setattr(sys, "prefix", str(tmp_path / ".venv"))
    monkeypatch.setattr(sys, "base_prefix", "/usr")
    assert jobconfig._engines_home() == tmp_path


# ------------------------------------------------------------------ dispatch


def test_registry_and_engine_dispatch():
    r = Registry("thing")

    @r.register("a", "B")
    def handler():
        return 1

    assert r.handler("A") is handler and r.handler("b") is handler and r.handler("c") is None
    assert {"rest_api", "file_ftp", "csv", "kafka"} <= set(SOURCES)
    assert {
        "field_mapping",
        "sql",
        "filter",
        "schema_validation",
        "dedupe",
        "watermark",
        "window_aggregate",
    } == set(TRANSFORMS)
    assert {"parquet", "iceberg", "clickhouse", "jdbc", "kafka", "console", "rest_api"} <= set(
        SINKS
    )
    assert {"set", "reset", "ddl", "insert", "statement_set", "select"} == set(STATEMENTS)


# ------------------------------------------------------------------ shipping to executors


def test_package_zip_is_importable_without_the_source_tree(tmp_path):
    path = session.package_zip(str(tmp_path))
    names = zipfile.ZipFile(path).namelist()
    assert "uis_runners/spark/delivery.py" in names and "uis_runners/placeholders.py" in names
    assert not any("__pycache__" in n for n in names)
    # a fresh interpreter that only has the zip (as an executor does) imports the worker code
    code = "import uis_runners.spark.delivery as d; print(d.__file__)"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = path
    p = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=False,
    )
    assert p.returncode == 0 and "uis_runners.zip" in p.stdout, p.stderr


# ------------------------------------------------------------------ the common options


def test_both_runners_take_the_common_options():
    from uis_runners.flink.app import parse_args as flink_args
    from uis_runners.spark.app import parse_args as spark_args

    common = ["--job-config", "j.json", "--dry-run", "--limit", "5", "--test-inputs", "in.json",
              "--capture-dir", "cap", "--upgrade-check", "snap", "--old-job-config", "old.json",
              "--output", "r.json", "--jars-dir", "jars", "--max-run-seconds", "9"]  # fmt: skip
    flink, spark = flink_args(common), spark_args(common)
    for a in (flink, spark):
        assert (a.job_config, a.dry_run, a.limit, a.test_inputs, a.capture_dir) == (
            "j.json", True, 5, "in.json", "cap"
        )  # fmt: skip
        assert (a.upgrade_check, a.old_job_config, a.output) == ("snap", "old.json", "r.json")
        assert (a.jars_dir, a.max_run_seconds) == ("jars", 9.0)
    assert flink.trial_timeout == 180 and spark.trial_timeout == 300
    plain = flink_args(["--sql", "x.sql"])
    assert (plain.dry_run, plain.limit, plain.max_run_seconds, plain.upgrade_check) == (
        False, 20, 0, None
    )  # fmt: skip


def test_upgrade_check_needs_the_new_version(tmp_path):
    from uis_runners.cli import upgrade_check
    from uis_runners.flink.app import parse_args

    with pytest.raises(ConfigError, match="needs --job-config"):
        upgrade_check(dict, parse_args(["--sql", "x.sql", "--upgrade-check", "snap"]))
    new, old = tmp_path / "new.json", tmp_path / "old.json"
    new.write_text('{"v": 2}')
    old.write_text('{"v": 1}')
    args = parse_args(["--job-config", str(new), "--upgrade-check", "snap"])
    assert upgrade_check(lambda *a: a[:3], args) == ("snap", {"v": 2}, None)
    args.old_job_config = str(old)
    assert upgrade_check(lambda *a: a[:3], args) == ("snap", {"v": 2}, {"v": 1})
