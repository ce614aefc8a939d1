# SPDX-License-Identifier: Apache-2.0
"""Records as real sources send them (UIS-SPEC.md, "Values as real sources send them").

A source with a declared (or derived) schema reads each column as text and converts it here by
one rule, whatever the source or format: Spark's readers would turn a value they cannot read
into NULL without a word (a JSON number as epoch seconds, `+0200` or 9 fraction digits as
NULL). A record that does not parse, or a value that does not convert, is a poison record: it
stays in the frame with its reason in POISON, the raw record in RAW and its source position in
POS, so that the job (job.py) hands it to the `schema_validation` that reads the endpoint, or
drops, counts and logs it."""

from __future__ import annotations

from .frames import columns, kept, known, schema
from .schema import spark_type

POISON = "_uis_poison"  # why the record is poison; NULL for a good record
RAW = "_uis_record"  # the record as the source sent it
POS = "_uis_position"  # topic/partition/offset, file, or REST record number
SEQ = "_uis_seq"  # the record's order in its source (the first poison of a micro-batch)
CORRUPT = "_uis_corrupt"  # the readers' column for a record that does not parse
HIDDEN = (POISON, RAW, POS, SEQ)

# Types converted from text here; anything else (array<…>, struct<…>, binary) is read as is.
_SIMPLE = ("STRING", "INT", "BIGINT", "SMALLINT", "DOUBLE", "FLOAT", "BOOLEAN", "DATE", "TIMESTAMP")

# ISO-8601: date, `T` or a space, hh:mm[:ss[.f{1,9}]], then `Z`, ±hh:mm, ±hhmm, ±hh or nothing.
ISO = (
    r"^([0-9]{4})-([0-9]{2})-([0-9]{2})"
    r"(?:[Tt ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]{1,9}))?)?)?"
    r" ?(?:([Zz])|([+-])([0-9]{2}):?([0-9]{2})?)?$"
)
EPOCH_MS = r"^[+-]?[0-9]{1,18}$"


def has_poison(df) -> bool:
    return POISON in columns(df)


def converted_type(t) -> str | None:
    st = spark_type(t)
    return st if st in _SIMPLE or st.startswith("DECIMAL(") else None


def text_schema(schema: list) -> tuple[list, dict]:
    """(the schema with every convertible column as `string`, {column: Spark type})."""
    out, types = [], {}
    for f in schema:
        st = converted_type(f.get("type", "string"))
        if st is None:
            out.append(f)
        else:
            out.append({**f, "type": "string"})
            types[f["name"]] = st
    return out, types


def to_time(text):
    """The one timestamp rule: epoch milliseconds (digits), or ISO-8601 in any form of ISO
    above; no zone is UTC. Built from its fields (make_timestamp in UTC, minus the offset), so
    the session time zone and Spark's datetime patterns play no part; NULL when it is neither."""
    from pyspark.sql import functions as F

    c = F.trim(text)

    def g(i):
        return F.regexp_extract(c, ISO, i)

    def num(i, default="0"):
        v = g(i)
        return F.when(v == "", F.lit(default)).otherwise(v).cast("int")

    micros = F.rpad(F.substring(g(7), 1, 6), 6, "0").cast("long")
    secs = (num(6).cast("long") * 1_000_000 + micros).cast("decimal(16,0)") / 1_000_000
    utc = F.make_timestamp(
        num(1), num(2), num(3), num(4), num(5), secs.cast("decimal(8,6)"), F.lit("UTC")
    )
    offset_min = num(10) * 60 + num(11)
    sign = F.when(g(9) == "-", F.lit(-1)).otherwise(F.lit(1))
    shifted = F.timestamp_micros(
        F.unix_micros(utc) - (sign * offset_min).cast("long") * 60 * 1_000_000
    )
    return (
        F.when(c.rlike(EPOCH_MS), F.timestamp_millis(c.cast("long")))
        .when(c.rlike(ISO), shifted)
        .otherwise(F.lit(None).cast("timestamp"))
    )


def to_type(text, t: str):
    """Text → type `t` by the rules both engines share: numbers trimmed (`5.5` is no integer),
    timestamps by to_time()."""
    from pyspark.sql import functions as F

    if t == "STRING":
        return text
    if t == "TIMESTAMP":
        return to_time(text)
    c = F.trim(text)
    if t in ("INT", "BIGINT", "SMALLINT"):
        return F.when(c.rlike(r"^[+-]?[0-9]+$"), c.cast(t))
    return c.cast(t)


def convert(df, types: dict, reason=None, names=None):
    """`df` with the text columns `types` names converted, and POISON: `reason` (a record that
    does not parse) or the first values that do not convert. A NULL or blank value is NULL,
    never poison. `names`: df's columns, when the caller made them (not asked of the engine)."""
    from pyspark.sql import functions as F

    problems = [reason] if reason is not None else []
    out = []
    for f in names or columns(df):
        if f not in types:
            out.append(F.col(f"`{f}`"))
            continue
        text = F.col(f"`{f}`")
        typed = to_type(text, types[f])
        problems.append(
            F.when(
                text.isNotNull() & (F.trim(text) != "") & typed.isNull(),
                F.concat(F.lit(f"{f}: '"), F.substring(text, 1, 60), F.lit(f"' is not {types[f]}")),
            )
        )
        out.append(typed.alias(f))
    bad = F.concat_ws("; ", *problems) if problems else F.lit("")
    return df.select(*out, F.when(bad != "", bad).alias(POISON))


def json_records(df, schema: list, options: dict | None = None):
    """Frame of `value` (a JSON record as text), POS and SEQ → the schema's columns, RAW, POS,
    SEQ, POISON. A record that is not a JSON object is poison (`not JSON`), as is a missing
    record (a Kafka tombstone)."""
    from pyspark.sql import functions as F

    from .schema import schema_ddl

    texts, types = text_schema(schema)
    ddl = schema_ddl(texts) + f", `{CORRUPT}` STRING"
    opts = {**(options or {}), "mode": "PERMISSIVE", "columnNameOfCorruptRecord": CORRUPT}
    parsed = df.select(
        F.from_json(F.col("value"), ddl, opts).alias("_v"),
        F.col("value").alias(RAW),
        F.col(POS),
        F.col(SEQ),
    )
    names = [f["name"] for f in texts]
    flat = parsed.select(
        *[F.col("_v").getField(n).alias(n) for n in names],
        RAW,
        POS,
        SEQ,
        F.col("_v").getField(CORRUPT).alias(CORRUPT),
    )
    reason = (
        F.when(F.col(RAW).isNull(), F.lit("no record (null value)"))
        .when(F.col(CORRUPT).isNotNull(), F.lit("not JSON"))
        .when(~F.col(RAW).rlike(r"^\s*\{"), F.lit("not a JSON object"))
    )
    return convert(flat, types, reason, [*names, RAW, POS, SEQ, CORRUPT]).drop(CORRUPT)


def clean(df):
    """The good records only, without the hidden columns (one frame per input: frames.py)."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import StructType

    if not has_poison(df):
        return df

    def good(d):
        out = d.filter(F.col(POISON).isNull()).drop(*[h for h in HIDDEN if h in columns(d)])
        # a filter keeps the schema and a drop removes columns: known without asking
        known(out, StructType([f for f in schema(d).fields if f.name not in HIDDEN]))
        return out

    return kept(df, "_uis_clean", good)
