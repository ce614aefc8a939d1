# SPDX-License-Identifier: Apache-2.0
"""Reading the values of a spark-job config: inputs, reader/writer options, durations."""

from __future__ import annotations

import re

from ..errors import JobError
from ..placeholders import resolve

_UNITS = {
    "ms": 0.001,
    "milli": 0.001,
    "millis": 0.001,
    "millisecond": 0.001,
    "milliseconds": 0.001,
    "s": 1,
    "sec": 1,
    "secs": 1,
    "second": 1,
    "seconds": 1,
    "m": 60,
    "min": 60,
    "mins": 60,
    "minute": 60,
    "minutes": 60,
    "h": 3600,
    "hr": 3600,
    "hrs": 3600,
    "hour": 3600,
    "hours": 3600,
    "d": 86400,
    "day": 86400,
    "days": 86400,
}


def duration_seconds(value, default_unit: str = "s") -> float:
    """'5 minutes', '30 s', '500ms', 10 (seconds) -> seconds."""
    if isinstance(value, (int, float)):
        return float(value) * _UNITS[default_unit]
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*", str(value))
    if not m or (m.group(2) and m.group(2).lower() not in _UNITS):
        raise JobError(f"cannot read duration {value!r} (expected e.g. '30 s', '5 minutes')")
    return float(m.group(1)) * _UNITS[(m.group(2) or default_unit).lower()]


def spark_interval(value) -> str:
    """A duration as Spark writes intervals: '10 seconds', '1500 milliseconds'."""
    secs = duration_seconds(value)
    if secs == int(secs):
        return f"{int(secs)} seconds"
    return f"{int(round(secs * 1000))} milliseconds"


def inputs_of(node: dict) -> list:
    v = node.get("inputs", node.get("input"))
    if v is None:
        return []
    return [v] if isinstance(v, str) else list(v)


def str_opts(opts) -> dict:
    """Reader/writer options as Spark wants them: resolved strings, booleans as true/false."""
    return {
        k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in resolve(opts or {}).items()
    }
