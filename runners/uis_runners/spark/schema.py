# SPDX-License-Identifier: Apache-2.0
"""Column types and source schemas."""

from __future__ import annotations

import re

_TYPES = {
    "string": "STRING",
    "str": "STRING",
    "json": "STRING",
    "text": "STRING",
    "int": "INT",
    "integer": "INT",
    "long": "BIGINT",
    "bigint": "BIGINT",
    "short": "SMALLINT",
    "double": "DOUBLE",
    "float": "FLOAT",
    "boolean": "BOOLEAN",
    "bool": "BOOLEAN",
    "date": "DATE",
    "timestamp": "TIMESTAMP",
    "binary": "BINARY",
}


def spark_type(t: str) -> str:
    t = str(t).strip()
    low = t.lower()
    if low in _TYPES:
        return _TYPES[low]
    if re.fullmatch(r"decimal\(\s*\d+\s*,\s*\d+\s*\)", low):
        return low.upper().replace(" ", "")
    return t  # already a Spark type name (array<string>, struct<...>, ...)


def schema_ddl(schema) -> str | None:
    if not schema:
        return None
    if isinstance(schema, str):
        return schema
    cols = []
    for f in schema:
        name = f["name"].replace("`", "``")
        ddl = f"`{name}` {spark_type(f.get('type', 'string'))}"
        cols.append(ddl)
    return ", ".join(cols)


def reader_schema(src: dict, mapping_t: dict | None):
    """The schema to read a source with. A schema may name the columns after the endpoint's
    field_mapping (the REST template declares `symbol` for the raw `ticker`): such fields are
    read under their raw names, with their types, and renamed by the mapping. Returns
    (schema list | None, note)."""
    schema = src.get("schema")
    if not schema or isinstance(schema, str) or not mapping_t:
        return schema, None
    mapping = mapping_t.get("mapping") or {}
    by_target = {v: k for k, v in mapping.items()}
    raw, renamed = [], []
    for f in schema:
        n = f.get("name")
        if n in by_target and n not in mapping:
            rn = by_target[n]
            if "." in rn:  # a field inside a struct: a flat schema cannot say it; infer instead
                return (
                    None,
                    f"schema names mapped column {n!r} from the nested field {rn!r}: "
                    "inferring the schema",
                )
            raw.append({**f, "name": rn})
            renamed.append(f"{n} <- {rn}")
        else:
            raw.append(f)
    return raw, (
        f"schema names mapped columns, read as raw fields: {', '.join(renamed)}"
        if renamed
        else None
    )
