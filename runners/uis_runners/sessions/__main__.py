# SPDX-License-Identifier: Apache-2.0
"""`python -m uis_runners.sessions status|start|stop|keeper [--engine E] [--format json]`:
what `uisctl sessions` runs."""

from __future__ import annotations

import argparse
import json
import sys

from . import pair


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="uisctl sessions")
    ap.add_argument("action", choices=["status", "start", "stop", "keeper"])
    ap.add_argument("--engine", choices=["spark", "flink", "both"], default="both")
    ap.add_argument("--format", choices=["text", "json"], default="text")
    args = ap.parse_args(argv)
    engines = pair.ENGINES if args.engine == "both" else (args.engine,)
    if args.action == "keeper":
        return pair.keeper()
    if args.action == "start":
        for e in engines:
            try:
                pair.ensure(e)
            except pair.Unavailable as err:
                print(f"{e}: {err}", file=sys.stderr)
                return 1
    if args.action == "stop":
        stopped = pair.stop(engines)
        if args.format == "text":
            print("stopped: " + (", ".join(stopped) if stopped else "nothing was running"))
            return 0
    st = pair.status()
    if args.format == "json":
        print(json.dumps(st, indent=2))
        return 0
    for engine, e in st["engines"].items():
        where = f" {e['url']}" if e.get("url") else ""
        print(f"{engine:6} {e['state']}{where}")
    if "idle_seconds_left" in st:
        print(f"stops when idle for {st['idle_seconds_left']} s more")
    print(f"state: {st['folder']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
