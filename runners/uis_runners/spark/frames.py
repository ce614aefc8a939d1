# SPDX-License-Identifier: Apache-2.0
"""A DataFrame's schema, asked of the engine once per DataFrame, and what is derived from it.

On Spark Connect (3.5) `df.schema` and `df.columns` are a round trip each that analyses the
whole plan again on the server: 0.1-0.2 s on the runner's plans (a csv source's typing and poison
checks), and a warm test case asked some forty times, most of its time. A DataFrame never
changes, so its schema is kept on it (and a frame derived from it again and again, such as its
good records, is kept too: a new frame would be analysed anew). On a classic session the first
ask is local and cheap."""

from __future__ import annotations


def kept(df, key: str, make):
    """`make(df)`, made once per DataFrame and kept on it under `key`."""
    value = df.__dict__.get(key)
    if value is None:
        value = make(df)
        df.__dict__[key] = value
    return value


def schema(df):
    return kept(df, "_uis_schema", lambda d: d.schema)


def known(df, struct) -> None:
    """Keeps `struct` as df's schema, where the caller knows it without asking the engine."""
    df.__dict__["_uis_schema"] = struct


def same_columns(out, df):
    """`out` (a filter of df) with df's schema kept, when df's is known: a filter keeps its
    input's columns and their types (Spark may only mark a column non-null, which no caller
    reads)."""
    given = df.__dict__.get("_uis_schema")
    if given is not None:
        known(out, given)
    return out


def columns(df) -> list[str]:
    return schema(df).fieldNames()
