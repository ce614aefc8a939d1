# SPDX-License-Identifier: Apache-2.0
"""`{{name}}`, `{{env.NAME}}` and `{{secret.SCOPE:KEY}}` in job configs and SQL.

Values come from the environment (dcp-local puts a submission's `runtime_env` there). The
variable a placeholder reads is the one the C++ side sends it under
(`SubmitRequestBuilder::variableFor` in core/client, `PlaceholderResolver::fromEnvironment` in
core/spec). Resolved values are passed to the engine or to HTTP only, never logged.
"""

from __future__ import annotations

import os
import re

from .errors import JobError

PLACEHOLDER = re.compile(r"\{\{\s*([^{}]+?)\s*\}\}")
# core/spec/placeholder.cpp validSecretPart(): ASCII letters and digits, `_`, `-`, `.`, `/`.
_SECRET_PART = re.compile(r"[A-Za-z0-9_./-]+")
_NON_ALNUM = re.compile(r"[^A-Za-z0-9]")


def secret_variable(scope: str, key: str) -> str:
    """The environment variable of `{{secret.SCOPE:KEY}}`: `UIS_SECRET_` + `SCOPE_KEY` with every
    character other than an ASCII letter or digit replaced by `_`, upper-cased.
    `{{secret.db-prod:password}}` → `UIS_SECRET_DB_PROD_PASSWORD`."""
    return "UIS_SECRET_" + _NON_ALNUM.sub("_", f"{scope}_{key}").upper()


def parse_secret(token: str) -> tuple[str, str]:
    """`secret.SCOPE:KEY` → (SCOPE, KEY), split at the first `:`; both parts must be non-empty
    and valid as the C++ scanner requires, else JobError."""
    scope, colon, key = token[len("secret.") :].partition(":")
    if not colon or not _SECRET_PART.fullmatch(scope) or not _SECRET_PART.fullmatch(key):
        raise JobError(
            f"placeholder {{{{{token}}}}}: expected {{{{secret.SCOPE:KEY}}}} "
            "(SCOPE and KEY of letters, digits, _ - . /)"
        )
    return scope, key


def variables_for(token: str) -> list[str]:
    """The environment variables a placeholder (without braces) is looked up in, in order; the
    first is the one named when none is set."""
    if token.startswith("env."):
        return [token[len("env.") :]]
    if token.startswith("secret."):
        return [secret_variable(*parse_secret(token))]
    names = [token.upper(), token, re.sub(r"[.-]", "_", token.upper())]
    return list(dict.fromkeys(names))


def placeholder_value(token: str) -> str:
    names = variables_for(token)
    for name in names:
        if name in os.environ:
            return os.environ[name]
    raise JobError(f"placeholder {{{{{token}}}}}: environment variable {names[0]} is not set")


def resolve(value):
    """Resolves placeholders in a string, and recursively in lists and dict values."""
    if isinstance(value, str):
        return PLACEHOLDER.sub(lambda m: placeholder_value(m.group(1)), value)
    if isinstance(value, list):
        return [resolve(v) for v in value]
    if isinstance(value, dict):
        return {k: resolve(v) for k, v in value.items()}
    return value
