# SPDX-License-Identifier: Apache-2.0
"""Errors the runners report, and the root cause of an engine (py4j/Java) exception."""

from __future__ import annotations


class JobError(Exception):
    """A problem with the job (config, source, sink, statement) reported as the root cause."""


class ConfigError(JobError):
    """The job file cannot be read (exit status 2)."""


class CannotRunWarm(RuntimeError):
    """A run needs what a warm session's server cannot give (the cold path can): the message
    says why (sessions/warm.py falls back to the cold path with it)."""


def caused_by(text: str) -> str | None:
    """The innermost `Caused by:` of a Java stack trace printed as text, or None."""
    caused = [line.strip() for line in text.splitlines() if line.strip().startswith("Caused by:")]
    return caused[-1][len("Caused by:") :].strip() if caused else None


def _java_exception(exc: BaseException):
    j = getattr(exc, "java_exception", None)
    if j is not None:
        return j
    try:
        from py4j.protocol import Py4JJavaError
    except ImportError:
        return None
    return exc.java_exception if isinstance(exc, Py4JJavaError) else None


def _innermost_java(j) -> str | None:
    """`Class: message` of the last cause of a Java throwable; None when the JVM is gone."""
    try:
        last, seen = j, 0
        while j is not None and seen < 50:
            last, j, seen = j, j.getCause(), seen + 1
        msg = last.getMessage()
        name = last.getClass().getName()
        return f"{name}: {msg}" if msg else name
    except Exception:
        return None


def root_cause(exc: BaseException) -> str:
    """The message that names what went wrong: a JobError's own text; for a Java exception
    (py4j, PyFlink) the innermost cause; for a PySpark captured exception its description, or
    the last `Caused by:` of a trace carried as text; else the first line of the message."""
    if isinstance(exc, JobError):
        return str(exc).strip() or type(exc).__name__
    j = _java_exception(exc)
    if j is not None:
        text = _innermost_java(j)
        if text:
            return text
    desc = getattr(exc, "desc", None)  # pyspark CapturedException (StreamingQueryException, …)
    while exc.__cause__ is not None and not isinstance(exc, JobError):
        exc = exc.__cause__
    text = (desc or str(exc)).strip()
    if not text:
        return type(exc).__name__
    return caused_by(text) or text.splitlines()[0].strip()
