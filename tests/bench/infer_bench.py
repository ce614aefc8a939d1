#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Schema inference of 100,000 JSON records: `uisctl sample --infer` against genson on the same
JSON lines file, as one ratio (issue 21: at least 10x faster). Both sides read and parse the file
themselves. Each figure is the least CPU time (user + sys of the child) of several runs, in
rounds, as the other figures of run-benchmarks.sh are taken on this shared machine.

usage: infer_bench.py UISCTL PYTHON [N]   exit 0 when the target is met, 1 when not, 2 on error
"""

import json
import os
import random
import subprocess
import sys
import tempfile

TARGET = 10.0


def records(n):
    rnd = random.Random(21)
    for i in range(n):
        r = {
            "id": i,
            "order_no": 3_000_000_000 + i if i % 10 == 0 else i,
            "amount": round(rnd.random() * 1000, 2),
            "price": f"{rnd.randint(0, 999)}.{rnd.randint(0, 99):02d}",
            "paid": i % 2 == 0,
            "created_at": f"2024-05-{i % 28 + 1:02d}T{i % 24:02d}:00:00Z",
            "ship_date": f"2024-06-{i % 28 + 1:02d}",
            "updated_ts": 1714557600000 + i,
            "status": rnd.choice(["new", "paid", "shipped"]),
            "customer": {"name": f"c{i}", "address": {"city": "Oslo", "zip": f"{i % 9999:04d}"}},
            "tags": ["a", "b"][: i % 3],
            "note": None if i % 4 == 0 else f"n{i}",
        }
        if i % 7 == 0:
            del r["paid"]
        yield r


def cpu_ms(cmd):
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    err = p.stderr.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"infer_bench: {' '.join(cmd)} failed: {err[-500:]}")
    return (ru.ru_utime + ru.ru_stime) * 1000


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    uisctl, python = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
    with tempfile.TemporaryDirectory() as d:
        data = os.path.join(d, "records.jsonl")
        with open(data, "w") as f:
            for r in records(n):
                f.write(json.dumps(r) + "\n")
        spec = os.path.join(d, "bench.uis.yaml")
        with open(spec, "w") as f:
            f.write(
                'version: "1.1"\nname: infer-bench\nprovider:\n  name: files\n'
                f"  provider_type: file_ftp\n  base_url: file://{d}\n  mode: batch\n"
                '  endpoints:\n    - name: rows\n      path: "records.jsonl"\n'
                "      format: json\n  sinks:\n    - name: out\n      type: console\n"
            )
        ours_cmd = [uisctl, "sample", spec, "--infer", "--limit", str(n), "--max-bytes",
                    str(1 << 30)]
        genson_cmd = [python, "-c",
                      "import json,sys\nfrom genson import SchemaBuilder\nb=SchemaBuilder()\n"
                      "for line in open(sys.argv[1]):\n    b.add_object(json.loads(line))\n"
                      "json.dumps(b.to_schema())", data]
        ours, ref = [], []
        for _ in range(3):
            ours.append(cpu_ms(ours_cmd))
            ref.append(cpu_ms(genson_cmd))
        a, b = min(ours), min(ref)
        ratio = b / a
        ok = ratio >= TARGET
        print(f"infer schema, {n:,} JSON records: uisctl sample --infer {a:.0f} ms vs genson "
              f"{b:.0f} ms = {ratio:.1f}x faster (target >= {TARGET:.0f}x) "
              f"{'PASS' if ok else 'FAIL'}")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
