#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The generated JSON Schema, checked by a real draft 2020-12 validator (the `jsonschema`
package, as editors use): it is itself valid, accepts every template and rejects bad enums and
types. Run by ctest with the project's .venv python; argv[1] is the uisctl binary."""
import copy
import glob
import json
import os
import subprocess
import sys

from jsonschema import Draft202012Validator

uisctl = sys.argv[1]
root = os.environ.get("UIS_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
schema = json.loads(subprocess.run([uisctl, "schema"], check=True, capture_output=True).stdout)
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)

failures = []
templates = sorted(glob.glob(os.path.join(root, "resources", "templates", "*.uis.yaml")))
assert len(templates) >= 6, templates
specs = {}
for path in templates:
    doc = json.loads(subprocess.run([uisctl, "convert", path, "--to", "json"], check=True,
                                    capture_output=True).stdout)
    specs[os.path.basename(path)] = doc
    errors = list(validator.iter_errors(doc))
    if errors:
        failures.append(f"{path}: rejected: {errors[0].message}")

base = specs["rest-to-parquet-iceberg.uis.yaml"]
bad_cases = {
    "mode enum": lambda d: d["provider"].__setitem__("mode", "microbatch"),
    "provider_type enum": lambda d: d["provider"].__setitem__("provider_type", "rest"),
    "mode vs provider": lambda d: d["provider"].__setitem__("mode", "streaming"),
    "parallelism type": lambda d: d["provider"].__setitem__("parallelism", "four"),
    "parallelism range": lambda d: d["provider"].__setitem__("parallelism", 0),
    "version enum": lambda d: d.__setitem__("version", "2.0"),
    "version type": lambda d: d.__setitem__("version", 1.1),
    "name pattern": lambda d: d.__setitem__("name", "Bad Name"),
    "endpoint method": lambda d: d["provider"]["endpoints"][0].__setitem__("method", "FETCH"),
    "rate limit type": lambda d: d["provider"]["endpoints"][0].__setitem__("rate_limit_per_second", "fast"),
    "sink type": lambda d: d["provider"]["sinks"][0].__setitem__("type", "parquett"),
    "transform type": lambda d: d["provider"]["transforms"][0].__setitem__("type", "filtr"),
    "schema field type": lambda d: d["provider"]["endpoints"][0]["schema"][0].__setitem__("type", "integer"),
    "endpoints empty": lambda d: d["provider"].__setitem__("endpoints", []),
    "missing provider": lambda d: d.pop("provider"),
    "schedule both": lambda d: d["provider"]["schedule"].__setitem__("cron", "0 * * * *"),
}
for name, mutate in bad_cases.items():
    doc = copy.deepcopy(base)
    mutate(doc)
    if validator.is_valid(doc):
        failures.append(f"bad case accepted: {name}")

for f in failures:
    print("FAIL:", f)
print(f"{len(templates) + len(bad_cases) - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
