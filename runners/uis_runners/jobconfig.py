# SPDX-License-Identifier: Apache-2.0
"""Reading the job a runner is given, and where the connector jars are."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from .errors import ConfigError

REPO = Path(__file__).resolve().parents[2]  # runners/uis_runners/ → the project


def _engines_home() -> Path:
    """The folder whose .cache holds the jars (the C++ side's EnginePaths::enginesHome):
    UIS_ENGINES_DIR, else the folder of the venv this runs in when it has them (an engines folder
    of `uisctl engines install`: the programs run the runners with its Python), else the
    checkout."""
    if os.environ.get("UIS_ENGINES_DIR"):
        return Path(os.environ["UIS_ENGINES_DIR"])
    venv_home = Path(sys.prefix).parent
    if sys.prefix != sys.base_prefix and (venv_home / ".cache" / "jars").is_dir():
        return venv_home
    return REPO


ENGINES = _engines_home()


def read_text(path: str, what: str = "job config") -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, ValueError) as e:
        raise ConfigError(f"cannot read {what} {path}: {e}") from None


def load_json(path: str) -> dict:
    """A job config file (a JSON object); ConfigError names the file when it cannot be read."""
    try:
        job = json.loads(read_text(path))
    except ValueError as e:
        raise ConfigError(f"cannot read job config {path}: {e}") from None
    if not isinstance(job, dict):
        raise ConfigError(f"cannot read job config {path}: not a JSON object")
    return job


def flink_script(path: str) -> str:
    """The Flink SQL script of a flink-job JSON: `sql` (or `flink_sql`), a string or a list of
    statements."""
    cfg = load_json(path)
    text = cfg.get("sql") or cfg.get("flink_sql") or cfg.get("flink-sql")
    if isinstance(text, list):
        text = ";\n".join(text)
    if not text:
        raise ConfigError(f"{path}: no 'sql' (or 'flink_sql') key with the Flink SQL script")
    return text


def jar_dir(kind: str, given: str | None = None, env_var: str | None = None) -> Path:
    """The folder of connector jars: the option, else the variable, else .cache/jars/<kind> of
    the engines (scripts/engines/setup.sh fills it)."""
    if given:
        return Path(given)
    if env_var and os.environ.get(env_var):
        return Path(os.environ[env_var])
    return ENGINES / ".cache" / "jars" / kind


def jars_in(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.glob("*.jar")) if folder.is_dir() else []
