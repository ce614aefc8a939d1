# SPDX-License-Identifier: Apache-2.0
"""The upgrade check's report, the same for both engines: one `uis-upgrade-check:` JSON line that
dcp-local reads, and the same JSON in `--output` for uisctl. A snapshot is restorable only when the
engine's own trial succeeded and every node's state is restored."""

from __future__ import annotations

import json
from pathlib import Path

from .log import log

CHECK_PREFIX = "uis-upgrade-check:"


def emit_report(engine: str, snapshot, operators: list, trial: dict, output: str | None) -> int:
    restorable = trial["status"] == "ok" and all(o["verdict"] == "restored" for o in operators)
    report = {
        "engine": engine,
        "restorable": restorable,
        "snapshot": str(snapshot),
        "operators": operators,
        "trial": trial,
    }
    print(CHECK_PREFIX, json.dumps(report), flush=True)
    if output:
        Path(output).write_text(json.dumps(report, indent=2) + "\n")
    log(f"upgrade check: {'restorable' if restorable else 'NOT restorable'}")
    return 0
