# SPDX-License-Identifier: Apache-2.0
"""The Kubernetes operator manifests of every template and seed (`uisctl compile --target
flink-deployment | spark-application`), checked against the operators' own CRD schemas
(scripts/schemas.sh fetches them into .cache/schemas/k8s), and the FlinkDeployment's Flink
configuration against the option names Flink 1.20 itself declares (read from its jars). There is
no Kubernetes here: the CRDs and Flink's jars are the judges.

The CRDs are validated as `kubectl apply` does with strict field validation (its default): an
unknown field is an error, so a misspelt key fails like a wrong type."""

import copy
import glob
import os
import subprocess
import sys
from functools import cache
from pathlib import Path

import jsonschema
import pytest
import yaml
from templates import REPO, SPARK_MODES, all_specs, compile_spec, mode_of, spec_id, tool

HERE = Path(__file__).resolve().parent
CRDS = Path(os.environ.get("UIS_SCHEMAS_DIR") or REPO / ".cache" / "schemas") / "k8s"
FLINK_CRDS = (
    CRDS / "flinkdeployments.flink.apache.org-v1.yml",
    CRDS / "flinkdeployments.flink.apache.org-v1beta1.yml",
)
SPARK_CRD = CRDS / "sparkoperator.k8s.io_sparkapplications.yaml"
FLINK_SPECS = [p for p in all_specs() if mode_of(p) not in SPARK_MODES]
SPARK_SPECS = [p for p in all_specs() if mode_of(p) in SPARK_MODES]


def crd_schema(path: Path, version: str) -> tuple:
    """(group, kind, openAPIV3Schema of `version`) of a CRD in the apiextensions v1 or v1beta1
    form."""
    if not path.is_file():
        pytest.fail(f"{path} is missing: run scripts/schemas.sh (make deps)")
    crd = yaml.safe_load(path.read_text())
    spec = crd["spec"]
    for v in spec.get("versions", []):
        if v["name"] == version:
            schema = (v.get("schema") or spec.get("validation"))["openAPIV3Schema"]
            return spec["group"], spec["names"]["kind"], schema
    raise AssertionError(f"{path.name} has no version {version}")


def strict(schema):
    """The schema with unknown fields forbidden wherever the CRD lists the fields (what strict
    field validation and pruning enforce), except where it keeps unknown fields on purpose."""
    if isinstance(schema, dict):
        out = {k: strict(v) for k, v in schema.items()}
        if (
            "properties" in out
            and "additionalProperties" not in out
            and not out.get("x-kubernetes-preserve-unknown-fields")
        ):
            out["additionalProperties"] = False
        return out
    if isinstance(schema, list):
        return [strict(v) for v in schema]
    return schema


@cache
def validator(path: Path, version: str):
    group, kind, schema = crd_schema(path, version)
    root = strict(schema)
    # Every object has these, whether the CRD's schema lists them or not (the Flink one doesn't).
    props = root.setdefault("properties", {})
    props.setdefault("apiVersion", {"type": "string"})
    props.setdefault("kind", {"type": "string"})
    props.setdefault("metadata", {"type": "object"})
    return f"{group}/{version}", kind, jsonschema.Draft4Validator(root)


def errors(path: Path, version: str, doc: dict) -> list:
    api, kind, v = validator(path, version)
    out = [f"apiVersion {doc.get('apiVersion')} != {api}"] if doc.get("apiVersion") != api else []
    out += [f"kind {doc.get('kind')} != {kind}"] if doc.get("kind") != kind else []
    for e in v.iter_errors(doc):
        out.append(f"{'/'.join(map(str, e.absolute_path))}: {e.message}")
    return out


def documents(text: str) -> dict:
    """kind → document of a (multi-document) manifest."""
    return {d["kind"]: d for d in yaml.safe_load_all(text) if d}


@cache
def flink_deployment(spec: Path) -> dict:
    return documents(compile_spec(spec, "flink-deployment"))


@cache
def spark_application(spec: Path) -> dict:
    return documents(compile_spec(spec, "spark-application"))


# ------------------------------------------------------------------ FlinkDeployment


@pytest.mark.parametrize("spec", FLINK_SPECS, ids=spec_id)
@pytest.mark.parametrize("crd", FLINK_CRDS, ids=lambda p: p.name)
def test_flink_deployment_passes_the_crd(spec, crd):
    docs = flink_deployment(spec)
    assert set(docs) == {"ConfigMap", "FlinkDeployment"}
    problems = errors(crd, "v1beta1", docs["FlinkDeployment"])
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("spec", FLINK_SPECS, ids=spec_id)
def test_flink_deployment_runs_the_compiled_job(spec):
    docs = flink_deployment(spec)
    d, cm = docs["FlinkDeployment"]["spec"], docs["ConfigMap"]
    job = yaml.safe_load(compile_spec(spec, "flink-job"))
    assert d["flinkConfiguration"] == job["flink_config"]
    assert d["flinkVersion"] == "v" + job["flink_version"].replace(".", "_")
    assert d["job"]["upgradeMode"] == "savepoint" and d["job"]["state"] == "running"
    assert d["job"]["parallelism"] == int(job["flink_config"]["parallelism.default"])
    # The SQL runner's one argument is the script, mounted from the ConfigMap that holds it.
    assert d["job"]["jarURI"] == "local:///opt/flink/usrlib/sql-runner.jar"
    (script,) = d["job"]["args"]
    mount = d["podTemplate"]["spec"]["containers"][0]["volumeMounts"][0]
    assert d["podTemplate"]["spec"]["containers"][0]["name"] == "flink-main-container"
    (volume,) = [v for v in d["podTemplate"]["spec"]["volumes"] if v["name"] == mount["name"]]
    assert volume["configMap"]["name"] == cm["metadata"]["name"]
    assert script == mount["mountPath"] + "/" + next(iter(cm["data"]))
    assert cm["data"][Path(script).name] == compile_spec(spec, "flink-sql")
    assert cm["metadata"]["namespace"] == docs["FlinkDeployment"]["metadata"]["namespace"]


def test_a_script_too_large_for_a_config_map_is_flagged(tmp_path):
    # Kubernetes refuses a ConfigMap over 1 MiB; gen_large_spec.py makes a Flink spec whose SQL
    # script is larger.
    spec = tmp_path / "large.uis.yaml"
    gen = REPO / "tests" / "bench" / "gen_large_spec.py"
    with spec.open("w") as f:
        subprocess.run([sys.executable, gen, "--engine", "flink", "1500"], stdout=f, check=True)
    p = subprocess.run(
        [str(tool("uisctl")), "compile", str(spec), "--target", "flink-deployment"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert p.returncode == 0, p.stderr
    script = next(iter(documents(p.stdout)["ConfigMap"]["data"].values()))
    assert len(script.encode()) > 1024 * 1024
    assert "[UIS-W-K8S-CONFIGMAP-SIZE]" in p.stderr
    # The small templates are not flagged.
    p = subprocess.run(
        [str(tool("uisctl")), "compile", str(FLINK_SPECS[0]), "--target", "flink-deployment"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert p.returncode == 0 and "CONFIGMAP-SIZE" not in p.stderr


# ------------------------------------------------------------------ SparkApplication


@pytest.mark.parametrize("spec", SPARK_SPECS, ids=spec_id)
def test_spark_application_passes_the_crd(spec):
    docs = spark_application(spec)
    assert set(docs) == {"SparkApplication"}
    problems = errors(SPARK_CRD, "v1beta2", docs["SparkApplication"])
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("spec", SPARK_SPECS, ids=spec_id)
def test_spark_application_runs_the_compiled_job(spec):
    a = spark_application(spec)["SparkApplication"]["spec"]
    job = yaml.safe_load(compile_spec(spec, "spark-job"))
    submit = yaml.safe_load(compile_spec(spec, "spark-submit"))
    assert (a["type"], a["mode"]) == ("Python", "cluster")
    # The same runner, arguments, image and service account as the spark-submit line.
    app = next(i for i, arg in enumerate(submit) if arg.endswith("uis_spark_runner.py"))
    assert [a["mainApplicationFile"], *a["arguments"]] == submit[app:]
    assert a["arguments"][0] == "--job-config"
    confs = dict(c.split("=", 1) for c in submit[submit.index("--conf") : app][1::2])
    assert a["image"] == confs["spark.kubernetes.container.image"]
    assert (
        a["driver"]["serviceAccount"]
        == confs["spark.kubernetes.authenticate.driver.serviceAccountName"]
    )
    for k, v in job["spark_config"].items():
        assert a["sparkConf"][k] == v
    assert a.get("deps", {}).get("packages", []) == job["packages"]
    assert a["executor"]["instances"] == int(job["spark_config"]["spark.executor.instances"])


# ------------------------------------------------------------------ validation can fail


def broken(doc: dict, path: str, value) -> dict:
    out = copy.deepcopy(doc)
    *parents, last = path.split(".")
    node = out
    for p in parents:
        node = node[p]
    node[last] = value
    return out


@pytest.mark.parametrize(
    "path,value",
    [
        ("spec.job.parallelism", "2"),  # a string where the CRD wants an integer
        ("spec.flinkVersion", "v1_99"),  # not in the enum
        ("spec.job.upgradeMode", "savepoints"),
        ("spec.jobManager.resources", {"memory": "1g"}),  # misspelt: the field is `resource`
        ("spec.flinkConfiguration", {"parallelism.default": 2}),  # values are strings
    ],
)
def test_crd_rejects_a_broken_flink_deployment(path, value):
    good = flink_deployment(FLINK_SPECS[0])["FlinkDeployment"]
    assert not errors(FLINK_CRDS[0], "v1beta1", good)
    assert errors(FLINK_CRDS[0], "v1beta1", broken(good, path, value))


@pytest.mark.parametrize(
    "path,value",
    [
        ("spec.executor.instances", "2"),
        ("spec.type", "python"),
        ("spec.driver.cores", 0),  # minimum 1
        ("spec.mainApplicationFile", None),
        ("apiVersion", "sparkoperator.k8s.io/v1beta1"),
    ],
)
def test_crd_rejects_a_broken_spark_application(path, value):
    good = spark_application(SPARK_SPECS[0])["SparkApplication"]
    assert not errors(SPARK_CRD, "v1beta2", good)
    assert errors(SPARK_CRD, "v1beta2", broken(good, path, value))


def test_a_manifest_target_of_the_other_engine_is_refused():
    for spec, target, fits in (
        (SPARK_SPECS[0], "flink-deployment", "spark-application"),
        (FLINK_SPECS[0], "spark-application", "flink-deployment"),
    ):
        p = subprocess.run(
            [str(tool("uisctl")), "compile", str(spec), "--target", target],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert p.returncode == 1 and not p.stdout, p.stderr
        assert f"use --target {fits}" in p.stderr and "UIS-E-ENGINE" in p.stderr


# ------------------------------------------------------------------ Flink's own option names


@cache
def flink_keys() -> dict:
    """What FlinkOptionKeys.java reads from the Flink 1.20 jars of the .venv: kind → set."""
    lib = glob.glob(str(REPO / ".venv/lib/python3*/site-packages/pyflink"))
    if not lib:
        pytest.fail("no pyflink in .venv: run scripts/engines/setup.sh (make deps)")
    pyflink = Path(lib[0])
    jars = sorted(glob.glob(str(pyflink / "lib/*.jar")))
    jars += sorted(glob.glob(str(pyflink / "plugins/metrics-prometheus/*.jar")))
    p = subprocess.run(
        ["java", "-cp", ":".join(jars), str(HERE / "FlinkOptionKeys.java"), *jars],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert p.returncode == 0, p.stderr
    out = {}
    for line in p.stdout.splitlines():
        kind, _, rest = line.partition(" ")
        out.setdefault(kind, set()).add(rest)
    assert len(out["option"]) > 500, "too few Flink options: the jars were not read"
    return out


def key_problem(key: str, conf: dict) -> str | None:
    """Why Flink would not read `key` (None: it reads it under that name)."""
    keys = flink_keys()
    parts = key.split(".")
    if parts[:2] == ["metrics", "reporter"] and len(parts) > 3:
        # metrics.reporter.<name>.<option>: the reporter options, or the reporter's own
        # parameters (its factory's package).
        rest = ".".join(parts[3:])
        factory = conf.get(f"metrics.reporter.{parts[2]}.factory.class", "")
        if rest == "factory.class":
            return None if key and conf[key] in keys["reporter-factory"] else "no such factory"
        package = factory.rpartition(".")[0]
        if rest in keys["option"] or f"{package} {rest}" in keys["reporter-arg"]:
            return None
        return f"no reporter option or parameter `{rest}`"
    if key in keys.get("deprecated", set()) and key not in keys["option"]:
        return "deprecated"
    return None if key in keys["option"] else "not a Flink option"


@pytest.mark.parametrize("spec", FLINK_SPECS, ids=spec_id)
def test_flink_configuration_uses_flink_option_names(spec):
    conf = flink_deployment(spec)["FlinkDeployment"]["spec"]["flinkConfiguration"]
    problems = {k: key_problem(k, conf) for k in conf}
    assert not {k: p for k, p in problems.items() if p}


def test_option_check_can_fail():
    # The seeds' keys that Flink does not accept (docs/COMPILERS.md) are caught.
    conf = {"metrics.reporter.prom.factory.class": "org.example.NoReporterFactory"}
    assert key_problem("state.checkpointing.mode", conf) == "not a Flink option"
    assert key_problem("kafka.bootstrap.servers", conf) == "not a Flink option"
    assert key_problem("state.backend", conf) == "deprecated"
    assert key_problem("state.savepoints.dir", conf) == "deprecated"
    assert key_problem("metrics.reporter.prom.factory.class", conf) == "no such factory"
    assert key_problem("execution.checkpointing.savepoint-dir", conf) is None
