# SPDX-License-Identifier: Apache-2.0
"""`python -m uis_runners.sessions status|start|stop|keeper [--engine E] [--format json]`:
what `uisctl sessions` runs. `serve NAME --port P --dir D [--flink-conf C --cluster URL]` is
how the local platform (core/platform) runs its `spark-connect` and `flink-sql-gateway`
services: this process becomes the server (servers.exec_platform_server)."""

from __future__ import annotations

import argparse
import json
import sys

from . import pair, platform_servers, servers


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="uisctl sessions")
    ap.add_argument("action", choices=["status", "start", "stop", "keeper", "serve"])
    ap.add_argument("name", nargs="?", choices=["spark-connect", "flink-sql-gateway"])
    ap.add_argument("--engine", choices=["spark", "flink", "both"], default="both")
    ap.add_argument("--format", choices=["text", "json"], default="text")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--dir", default="")
    ap.add_argument("--flink-conf", default="")
    ap.add_argument("--cluster", default="")
    args = ap.parse_args(argv)
    if args.action == "serve":
        if not args.name or not args.port or not args.dir:
            ap.error("serve needs NAME, --port and --dir")
        try:
            servers.exec_platform_server(
                args.name, args.port, args.dir, args.flink_conf, args.cluster
            )
        except (servers.StartError, OSError) as err:
            print(f"{args.name}: {err}", file=sys.stderr)
        return 1
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
    # The local platform's servers, which --session auto prefers while they answer.
    st["platform"] = {e: u for e in pair.ENGINES if (u := platform_servers.url(e))}
    if args.format == "json":
        print(json.dumps(st, indent=2))
        return 0
    for engine, e in st["engines"].items():
        where = f" {e['url']}" if e.get("url") else ""
        print(f"{engine:6} {e['state']}{where}")
    if "idle_seconds_left" in st:
        print(f"stops when idle for {st['idle_seconds_left']} s more")
    for engine, url in st["platform"].items():
        print(f"{engine:6} the local platform's {url} (previews use it while it runs)")
    print(f"state: {st['folder']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
