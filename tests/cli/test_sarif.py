#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""`uisctl validate --format sarif` checked against the official SARIF 2.1.0 JSON schema (fetched
as data by scripts/schemas.sh into .cache/schemas/), on clean and broken specs. Run by ctest with
the project's .venv python; argv[1] is the uisctl binary."""
import glob
import json
import os
import subprocess
import sys
import tempfile

from jsonschema import Draft4Validator

uisctl = sys.argv[1]
root = os.environ["UIS_SOURCE_DIR"]
schema_path = os.path.join(root, ".cache", "schemas", "sarif-2.1.0.json")
schema = json.load(open(schema_path, encoding="utf-8"))
Draft4Validator.check_schema(schema)
validator = Draft4Validator(schema)

broken = """\
version: "1.1"
metadata:
  name: Broken Pipeline
provider:
  provider_type: rest_api
  mode: streeming
  base_url: ftp://example.com
  endpoints:
    - name: a
      path: v1/items
      pagnation: {}
"""
failures = []
with tempfile.TemporaryDirectory() as tmp:
    bad = os.path.join(tmp, "broken pipeline.uis.yaml")
    with open(bad, "w", encoding="utf-8") as f:
        f.write(broken)
    templates = sorted(glob.glob(os.path.join(root, "resources", "templates", "*.uis.yaml")))
    run = subprocess.run([uisctl, "validate", "--format", "sarif", bad, *templates],
                         capture_output=True, text=True)
    assert run.returncode == 1, (run.returncode, run.stderr)
    log = json.loads(run.stdout)
    for error in validator.iter_errors(log):
        failures.append(f"schema: {error.message} at {list(error.absolute_path)}")
    results = log["runs"][0]["results"]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    codes = {r["ruleId"] for r in results}
    for code in ("UIS-E-ENUM", "UIS-W-UNKNOWN-KEY"):
        if code not in codes:
            failures.append(f"missing result {code}: {sorted(codes)}")
    for r in results:
        if rules[r["ruleIndex"]]["id"] != r["ruleId"]:
            failures.append(f"ruleIndex points at the wrong rule: {r}")
        uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        if "broken%20pipeline.uis.yaml" not in uri:
            failures.append(f"result on the wrong file: {uri}")
        if r["locations"][0]["physicalLocation"]["region"]["startLine"] < 1:
            failures.append(f"no line: {r}")
    enum = [r for r in results if r["ruleId"] == "UIS-E-ENUM"][0]
    if enum["level"] != "error" or enum["locations"][0]["physicalLocation"]["region"] != {
            "startLine": 6, "startColumn": 9}:
        failures.append(f"enum result misplaced: {enum}")
    # A clean file alone: a valid log with no results, exit 0.
    clean = subprocess.run([uisctl, "validate", "--format", "sarif", templates[0]],
                           capture_output=True, text=True)
    assert clean.returncode == 0, clean.stderr
    clean_log = json.loads(clean.stdout)
    failures += [f"clean: {e.message}" for e in validator.iter_errors(clean_log)]
    if clean_log["runs"][0]["results"]:
        failures.append("a clean template has results")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"SARIF valid: {len(results)} results, {len(rules)} rules over {len(templates) + 1} files")
