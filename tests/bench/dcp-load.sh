#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Load test of dcp-local, side by side with nginx on the same machine in the same run.
#   tests/bench/dcp-load.sh [BUILD_DIR]        (default: build)
# 1. Status GETs of one job on 50 connections for 20 s (wrk, a second process), against
#    dcp-local and against nginx serving a static file of the same size and type.
#    Targets: >= 20,000 req/s, p99 < 10 ms and <= 2x nginx's, no errors, and >= 80 % of nginx's
#    rate (issue 25) with the same number of workers.
# 2. 500 submits (8 at a time): every job must be in the list once; RSS must stay flat.
# Prints one line per figure; exits 1 when a target is missed, 2 when it cannot run.
set -euo pipefail

BUILD_DIR=${1:-build}
DURATION=${DCP_BENCH_DURATION:-20}
CONNECTIONS=${DCP_BENCH_CONNECTIONS:-50}
SUBMITS=${DCP_BENCH_SUBMITS:-500}
DCP_LOCAL=$BUILD_DIR/bin/dcp-local
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}

for tool in wrk curl python3; do
    command -v "$tool" >/dev/null || { echo "dcp-load: $tool is not installed" >&2; exit 2; }
done
[ -x "$DCP_LOCAL" ] || { echo "dcp-load: $DCP_LOCAL not built (run make build)" >&2; exit 2; }
[ -x "$NGINX" ] || { echo "dcp-load: nginx is not installed (apt install nginx-light)" >&2; exit 2; }

WORK=$(mktemp -d)
SERVER_PID=
NGINX_PID=
cleanup() {
    [ -n "$SERVER_PID" ] && kill -TERM "$SERVER_PID" 2>/dev/null || true
    [ -n "$NGINX_PID" ] && kill -TERM "$NGINX_PID" 2>/dev/null || true
    sleep 0.5
    rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }'; }

# A job engine that finishes at once, so that 500 jobs really run as processes.
printf '#!/bin/sh\necho "bench job $UIS_JOB_ID"\nexit 0\n' > "$WORK/engine.sh"
chmod +x "$WORK/engine.sh"

"$DCP_LOCAL" --listen 127.0.0.1:0 --data-dir "$WORK/data" --spark-submit "$WORK/engine.sh" \
    --max-concurrent 2 > "$WORK/dcp-local.out" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 200); do
    grep -q 'listening on' "$WORK/dcp-local.out" 2>/dev/null && break
    sleep 0.1
done
URL=$(grep -o 'listening on http://[0-9.:]*' "$WORK/dcp-local.out" | awk '{print $3}')
[ -n "$URL" ] || { echo "dcp-load: dcp-local did not start:" >&2; cat "$WORK/dcp-local.out" >&2; exit 2; }
TOKEN=$(cat "$WORK/data/token")
AUTH="Authorization: Bearer $TOKEN"
JOB='{"name":"bench","team":"perf","config":{"job_type":"BATCH","uis":{"job_config":{"name":"bench"}}}}'

ID=$(curl -sf -H "$AUTH" -d "$JOB" "$URL/api/v1/jobs" | python3 -c 'import json,sys; print(json.load(sys.stdin)["job_id"])')
for _ in $(seq 1 100); do
    curl -sf -H "$AUTH" "$URL/api/v1/jobs/$ID" | grep -q SUCCEEDED && break
    sleep 0.1
done
curl -sf -H "$AUTH" "$URL/api/v1/jobs/$ID" > "$WORK/status.json"
BODY_BYTES=$(wc -c < "$WORK/status.json")

# nginx: one worker (dcp-local is one thread), the same body as a static file, same type.
NGINX_PORT=$(free_port)
mkdir -p "$WORK/nginx/html/api/v1/jobs" "$WORK/nginx/logs" "$WORK/nginx/tmp"
cp "$WORK/status.json" "$WORK/nginx/html/api/v1/jobs/$ID"
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes ${NGINX_WORKERS:-1};
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
$( [ "$(id -u)" = 0 ] && echo "user root;" )
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx/tmp/body;
    proxy_temp_path $WORK/nginx/tmp/proxy;
    fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
    scgi_temp_path $WORK/nginx/tmp/scgi;
    keepalive_requests 1000000;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/nginx/html;
        default_type "application/json; charset=utf-8";
        add_header Cache-Control no-store;
    }
}
CONF
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" 2> "$WORK/nginx/logs/start.log" &
NGINX_PID=$!
for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$NGINX_PORT/api/v1/jobs/$ID" >/dev/null 2>&1 && break
    sleep 0.1
done
curl -sf "http://127.0.0.1:$NGINX_PORT/api/v1/jobs/$ID" >/dev/null || {
    echo "dcp-load: nginx did not start:" >&2; cat "$WORK/nginx/logs/"*.log >&2; exit 2; }

# wrk figures: requests/s, p99 in ms, errors (socket errors + non-2xx).
run_wrk() {
    local out
    out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "$AUTH" "$1" 2>&1)
    python3 - "$out" <<'PY'
import re, sys
out = sys.argv[1]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
m = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\b", out, re.M)
p99 = float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]
errors = 0
m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
if m:
    errors += sum(int(x) for x in m.groups())
m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
if m:
    errors += int(m.group(1))
print(f"{rps:.0f} {p99:.2f} {errors}")
PY
}

RSS0=$(rss_kb "$SERVER_PID")
read -r DCP_RPS DCP_P99 DCP_ERR < <(run_wrk "$URL/api/v1/jobs/$ID")
RSS1=$(rss_kb "$SERVER_PID")
read -r NGX_RPS NGX_P99 NGX_ERR < <(run_wrk "http://127.0.0.1:$NGINX_PORT/api/v1/jobs/$ID")
RATIO=$(awk -v a="$DCP_RPS" -v b="$NGX_RPS" 'BEGIN { printf "%.1f", 100 * a / b }')

FAILED=0
# verdict runs in $(...), a subshell: FAILED is set from the ok_ flags below, not in here.
verdict() { if [ "$1" = 1 ]; then echo "ok"; else echo "TARGET MISSED"; fi; }
ok_rps=$(awk -v r="$DCP_RPS" 'BEGIN { print (r >= 20000) }')
ok_p99=$(awk -v p="$DCP_P99" 'BEGIN { print (p < 10) }')
ok_err=$([ "$DCP_ERR" = 0 ] && echo 1 || echo 0)
ok_ratio=$(awk -v r="$RATIO" 'BEGIN { print (r >= 80) }')
ok_p99_ngx=$(awk -v a="$DCP_P99" -v b="$NGX_P99" 'BEGIN { print (a <= 2 * b) }')

echo "status GET body: $BODY_BYTES bytes, $CONNECTIONS connections, ${DURATION} s each, wrk -t2 on $(nproc) cores"
echo "dcp-local status GETs: $DCP_RPS req/s ($(verdict "$ok_rps"): >= 20000)"
echo "dcp-local p99 latency: $DCP_P99 ms ($(verdict "$ok_p99"): < 10 ms)"
echo "dcp-local errors: $DCP_ERR ($(verdict "$ok_err"): 0)"
echo "nginx static file (${NGINX_WORKERS:-1} worker): $NGX_RPS req/s, p99 $NGX_P99 ms, errors $NGX_ERR"
echo "dcp-local / nginx: $RATIO % ($(verdict "$ok_ratio"): >= 80 %$([ "$ok_ratio" = 1 ] || awk -v r="$RATIO" 'BEGIN { printf ", short by %.1f points", 80 - r }'))"
echo "dcp-local p99 / nginx p99: $DCP_P99 / $NGX_P99 ms ($(verdict "$ok_p99_ngx"): <= 2x)"
for ok in "$ok_rps" "$ok_p99" "$ok_err" "$ok_ratio" "$ok_p99_ngx"; do [ "$ok" = 1 ] || FAILED=1; done
echo "dcp-local RSS before/after the GET load: $(mb "$RSS0") / $(mb "$RSS1")"

# 500 submits, 8 at a time, each with its own Idempotency-Key.
START=$(date +%s.%N)
seq 1 "$SUBMITS" | xargs -P 8 -I{} curl -s -o /dev/null -w '%{http_code}\n' -H "$AUTH" \
    -H "Idempotency-Key: bench-{}" -d "$JOB" "$URL/api/v1/jobs" > "$WORK/codes"
END=$(date +%s.%N)
CREATED=$(grep -c '^201$' "$WORK/codes" || true)
RSS2=$(rss_kb "$SERVER_PID")
# Wait until every job has run (two at a time), then read the whole list.
for _ in $(seq 1 1200); do
    LEFT=$(curl -sf -H "$AUTH" "$URL/api/v1/jobs?limit=500&status=PENDING" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["jobs"]))')
    [ "$LEFT" = 0 ] && break
    sleep 0.5
done
python3 - "$URL" "$TOKEN" "$WORK/listed" <<'PY'
import json, sys, urllib.request
url, token, out = sys.argv[1], sys.argv[2], sys.argv[3]
ids, cursor = [], None
while True:
    q = f"{url}/api/v1/jobs?limit=500" + (f"&cursor={cursor}" if cursor else "")
    req = urllib.request.Request(q, headers={"Authorization": f"Bearer {token}"})
    page = json.load(urllib.request.urlopen(req))
    ids += [j["job_id"] for j in page["jobs"]]
    cursor = page["next_cursor"]
    if not cursor:
        break
open(out, "w").write(f"{len(ids)} {len(set(ids))}\n")
PY
read -r LISTED UNIQUE < "$WORK/listed"
RSS3=$(rss_kb "$SERVER_PID")
EXPECTED=$((SUBMITS + 1))
ok_list=$([ "$CREATED" = "$SUBMITS" ] && [ "$LISTED" = "$EXPECTED" ] && [ "$UNIQUE" = "$EXPECTED" ] && echo 1 || echo 0)
GROWTH=$((RSS3 - RSS1))
ok_mem=$(awk -v g="$GROWTH" -v n="$SUBMITS" 'BEGIN { print (g < 16 * n) }') # < 16 KiB per job record
echo "submits: $CREATED of $SUBMITS created (201) in $(awk -v s="$START" -v e="$END" 'BEGIN { printf "%.1f", e - s }') s"
echo "job list: $LISTED listed, $UNIQUE distinct, expected $EXPECTED ($(verdict "$ok_list"))"
echo "dcp-local RSS after the submits / after all $SUBMITS jobs ran: $(mb "$RSS2") / $(mb "$RSS3") (+$(mb "$GROWTH") since the GET load; $(verdict "$ok_mem"): < 16 KiB per job)"
for ok in "$ok_list" "$ok_mem"; do [ "$ok" = 1 ] || FAILED=1; done
exit $FAILED
