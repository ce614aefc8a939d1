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


def time_columns(schema) -> list:
    """The names of a schema list's `timestamp` columns."""
    if not isinstance(schema, list):
        return []
    return [f["name"] for f in schema if str(f.get("type", "")).strip().lower() == "timestamp"]


def number_columns(schema) -> dict:
    """A schema list's numeric columns: name → Spark type."""
    if not isinstance(schema, list):
        return {}
    out = {}
    for f in schema:
        t = spark_type(f.get("type", "string"))
        if t in ("INT", "BIGINT", "SMALLINT", "DOUBLE", "FLOAT") or t.startswith("DECIMAL("):
            out[f["name"]] = t
    return out


def times_as_text(schema: list, times: list) -> list:
    """`schema` with the columns `times` read as strings (parse_times() parses them)."""
    return [{**f, "type": "string"} if f.get("name") in times else f for f in schema]


def parse_numbers(df, numbers: dict):
    """Numbers read as text → their type with the surrounding blanks dropped, as Flink's csv
    format reads them (` 5` is 5 there; Spark's csv reader makes it NULL). Text that is not a
    number is NULL on both; so is `5.5` in an integer column (Spark's cast would truncate it,
    Flink's parser refuses it)."""
    if not numbers:
        return df
    from pyspark.sql import functions as F

    for name, t in numbers.items():
        c = F.trim(F.col(f"`{name}`"))
        if t in ("INT", "BIGINT", "SMALLINT"):
            df = df.withColumn(name, F.when(c.rlike(r"^[+-]?[0-9]+$"), c.cast(t)))
        else:
            df = df.withColumn(name, c.cast(t))
    return df


def read_schema(src: dict):
    """(schema for reading, time columns to parse). A derived schema (`schema_derived`: a JSON
    endpoint without a schema, read as the columns the spec names) reads its `timestamp`
    columns as text; parse_times() turns them into timestamps as the Flink job does."""
    schema = src.get("schema")
    if not src.get("schema_derived") or not isinstance(schema, list):
        return schema, []
    times = time_columns(schema)
    return times_as_text(schema, times), times


def parse_times(df, times):
    """ISO-8601 (with `Z`, an offset or none: UTC, the session time zone) or epoch milliseconds
    → timestamp, as the Flink job parses them (README, "Same result on both engines")."""
    if not times:
        return df
    from pyspark.sql import functions as F

    for name in times:
        c = F.trim(F.col(f"`{name}`"))
        df = df.withColumn(
            name,
            F.when(c.rlike(r"^-?[0-9]{1,18}$"), F.timestamp_millis(c.cast("long"))).otherwise(
                F.to_timestamp(c)
            ),
        )
    return df


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
