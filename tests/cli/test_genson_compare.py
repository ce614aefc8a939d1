#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The schema `uisctl sample --infer` infers from a corpus of mixed records, compared with the
JSON Schema genson (PyPI) builds from the same records. Every column must be in both, with the
same nullability, and every type difference must be one of the explained kinds below; anything
else fails. Prints the comparison as a table.

usage: test_genson_compare.py UISCTL
"""

import json
import os
import re
import subprocess
import sys
import tempfile

from genson import SchemaBuilder

ROOT = os.environ.get("UIS_SOURCE_DIR") or os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "tests", "cli", "data", "sample-corpus.jsonl")

# Why the two differ, by kind. genson describes JSON types only; UIS needs column types.
EXPLAINED = {
    "same": "same type",
    "width": "genson has one `integer`; UIS splits int (32-bit) and long (64-bit) by the values",
    "text format": "genson does not look inside strings; UIS reads dates, ISO-8601 timestamps "
                   "and decimal numbers written as text, as the engines parse them",
    "epoch ms": "an integer in a time-named field within 2000-2100 is epoch milliseconds "
                "(the engines' timestamp rule); genson sees an integer",
    "union -> string": "genson keeps a union of scalar types; a UIS column has one type, and "
                       "mixed scalars become string",
    "array -> json": "UIS does not flatten arrays: the column holds the array as json",
    "object or scalar -> json": "an object in some records and a scalar in others: genson's "
                                "anyOf, UIS's json column",
}


def uis_schema(uisctl):
    with tempfile.TemporaryDirectory() as d:
        spec = os.path.join(d, "corpus.uis.yaml")
        with open(spec, "w") as f:
            f.write(
                'version: "1.1"\nname: corpus\nprovider:\n  name: files\n'
                f"  provider_type: file_ftp\n  base_url: file://{os.path.dirname(CORPUS)}\n"
                "  mode: batch\n  endpoints:\n    - name: rows\n"
                f'      path: "{os.path.basename(CORPUS)}"\n      format: json\n'
                "  sinks:\n    - name: out\n      type: console\n"
            )
        r = subprocess.run([uisctl, "sample", spec, "--infer", "--limit", "100000"],
                           capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"uisctl sample failed: {r.stderr}")
    out = {}
    column = r"- \{name: (\S+), type: \"?([^\s\"]+)\"?, nullable: (true|false)\}"  # decimal quoted
    for m in re.finditer(column, r.stdout):
        out[m.group(1)] = (m.group(2), m.group(3) == "true")
    return out


def genson_columns(schema, prefix="", parent_nullable=False, required=True, out=None):
    """genson's properties flattened like field_mapping paths: name -> (types, nullable)."""
    out = {} if out is None else out
    for name, s in schema.get("properties", {}).items():
        path = prefix + name
        types = set()
        if "anyOf" in s:
            for alt in s["anyOf"]:
                t = alt.get("type")
                types.update(t if isinstance(t, list) else [t])
        else:
            t = s.get("type")
            types.update(t if isinstance(t, list) else [t])
        nullable = parent_nullable or "null" in types or name not in schema.get("required", [])
        types.discard("null")
        if types == {"object"} and s.get("properties"):
            genson_columns(s, path + ".", nullable, out=out)
        else:
            out[path] = (types, nullable)
    return out


def kind(uis_type, gtypes):
    if gtypes == {"integer"}:
        if uis_type in ("int", "long"):
            return "width"
        if uis_type == "timestamp":
            return "epoch ms"
    if gtypes == {"string"} and uis_type == "string":
        return "same"
    if gtypes == {"boolean"} and uis_type == "boolean":
        return "same"
    if gtypes == {"number"} and uis_type == "double":
        return "same"  # genson's `number` also covers integers mixed with fractions
    if gtypes == {"string"} and (uis_type in ("date", "timestamp") or uis_type.startswith("decimal")):
        return "text format"
    if gtypes == {"string", "integer"} and uis_type == "timestamp":
        return "epoch ms"  # epoch milliseconds and ISO text in one time column
    if len(gtypes) > 1 and "object" not in gtypes and "array" not in gtypes and uis_type == "string":
        return "union -> string"
    if gtypes == {"array"} and uis_type == "json":
        return "array -> json"
    if "object" in gtypes and uis_type == "json":
        return "object or scalar -> json"
    return None


def main():
    uisctl = sys.argv[1]
    ours = uis_schema(uisctl)
    b = SchemaBuilder()
    n = 0
    with open(CORPUS) as f:
        for line in f:
            if line.strip():
                b.add_object(json.loads(line))
                n += 1
    theirs = genson_columns(b.to_schema())
    failures = []
    if set(ours) != set(theirs):
        failures.append(f"columns differ: only uisctl {sorted(set(ours) - set(theirs))}, "
                        f"only genson {sorted(set(theirs) - set(ours))}")
    print(f"{n} records; {len(ours)} columns")
    print(f"{'column':28}{'uisctl':16}{'genson':22}{'nullable':10}kind")
    seen = set()
    for col in sorted(set(ours) & set(theirs)):
        (ut, un), (gt, gn) = ours[col], theirs[col]
        k = kind(ut, gt)
        seen.add(k)
        print(f"{col:28}{ut:16}{'|'.join(sorted(gt)):22}{str(un).lower():10}{k or 'UNEXPLAINED'}")
        if k is None:
            failures.append(f"{col}: uisctl {ut}, genson {sorted(gt)}: no explanation")
        if un != gn:
            failures.append(f"{col}: nullable {un} (uisctl) vs {gn} (genson)")
    print()
    for k in sorted(x for x in seen if x):
        print(f"{k}: {EXPLAINED[k]}")
    # The corpus is meant to show every kind of difference; a kind that vanished is a change.
    for k in EXPLAINED:
        if k not in seen:
            failures.append(f"the corpus no longer shows a `{k}` difference")
    if failures:
        print("\nFAIL\n" + "\n".join(failures))
        return 1
    print("\nPASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
