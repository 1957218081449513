#!/usr/bin/env bash
# Intake under load (issue 17): the DevHost's POST /api/tips against a bare ceiling endpoint (bench/Grastorp.Intake.Ceiling:
# parse a JSON tip, one queue send), each on a fresh in-memory Azurite of its own, measured the same way in the same run.
# The DevHost runs with its queue function paused (AzureWebJobs.ClassifyTip.Disabled) and the rate limiter off, then
# once more with the limiter on (limits too high to refuse anyone from one address: what its storage work costs).
#   bench/load.sh [SECONDS] [CONNECTIONS]     throughput and latency (wrk, varied 120-character tips, three municipalities)
#   bench/load.sh ops [TIPS] [CONCURRENCY]    storage requests per accepted tip (Azurite's debug log), every side; the
#                                             receipts are group-committed, so more posts at a time share a row
# Build first: dotnet build src/DevHost -c Release && dotnet build bench/Grastorp.Intake.Ceiling -c Release
# The limiter's settings are passed as environment variables; override LIMITER_OFF / LIMITER_ON if their names change.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
LIMITER_OFF=${LIMITER_OFF:-RateLimit__Enabled=false}
# With the limiter on, the DevHost is told it stands behind the platform's front end (RateLimit__BehindFrontEnd), so it
# takes the client from X-Forwarded-For as behind Azure's front end, and wrk sends each request from one of 768 documentation addresses:
# many clients with a few tips each, as the limiter would see them, instead of one client that is refused.
LIMITER_ON=${LIMITER_ON:-RateLimit__Enabled=true RateLimit__PerTenMinutes=1000 RateLimit__BehindFrontEnd=true}
disabled=(AzureWebJobs.ClassifyTip.Disabled=true)

# Bodies: resident tips from tests/data run together and cut to 120 characters, municipalities in turn.
python3 - "$root/tests/data" >"$work/bodies.lua" <<'PY'
import json, sys, glob
texts = [json.loads(l)["text"] for f in sorted(glob.glob(sys.argv[1] + "/resident-tips.*.jsonl")) for l in open(f, encoding="utf-8") if l.strip()]
munis = ["grastorp", "vara", "essunga"]
print("bodies = {")
for i in range(300):
    t = texts[i % len(texts)]
    j = i + 1
    while len(t) < 120:
        t += " " + texts[j % len(texts)]; j += 1
    t = t[:120].rstrip()
    body = json.dumps({"text": t, "municipality": munis[i % 3]}, ensure_ascii=False)
    print("  [==[" + body + "]==],")
print("}")
PY
cat >>"$work/bodies.lua" <<'LUA'
local i = 0
local headers = { ["Content-Type"] = "application/json" }
local nets = { "192.0.2.", "198.51.100.", "203.0.113." }
init = function(args)
  forwarded = args[1] == "xff"
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end
request = function()
  i = i % #bodies + 1
  if forwarded then
    headers["X-Forwarded-For"] = nets[math.random(1, 3)] .. math.random(0, 255) .. ":" .. math.random(1024, 65535)
  end
  return wrk.format("POST", "/api/tips", headers, bodies[i])
end
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT %.0f %.1f %.1f %.1f %d %d %d\n", summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
LUA

# measure NAME PORT SECONDS CONNECTIONS: a warm-up (WARMUP seconds, default 30, at the run's own connections), then
# the run; prints "NAME tips/s p50 p95 p99 ...". The warm-up is long because the JIT is not done after 3 s: a CPU
# profile (perf) of the DevHost after a 3-s warm-up found 30 % of its CPU in libclrjit (tiered compilation of a far
# larger app than the ceiling), and still 22 % after 10 s on a loaded machine; that measured start-up, not intake.
# Every side gets the same warm-up.
# Also the CPU time the server and its Azurite spent per request during the run (from /proc), which shared cores
# disturb far less than throughput: it says where a request's time goes.
measure() {  # NAME PORT SECONDS CONNECTIONS [xff]
  wrk -t2 -c"$4" -d"${WARMUP:-30}"s --timeout 10s -s "$work/bodies.lua" "http://127.0.0.1:$2" -- "${5:-}" >/dev/null
  local line server_cpu azurite_cpu
  server_cpu=$(cpu_ms "${pids[1]}"); azurite_cpu=$(cpu_ms "${pids[0]}")
  line=$(wrk -t2 -c"$4" -d"$3"s --timeout 10s -s "$work/bodies.lua" "http://127.0.0.1:$2" -- "${5:-}" | grep '^RESULT')
  server_cpu=$(( $(cpu_ms "${pids[1]}") - server_cpu )); azurite_cpu=$(( $(cpu_ms "${pids[0]}") - azurite_cpu ))
  read -r _ _ _ _ _ requests _ <<<"$line"
  echo "$1 ${line#RESULT } cpu-ms/tip server=$(awk -v c="$server_cpu" -v n="$requests" 'BEGIN{printf "%.2f", c/n}') azurite=$(awk -v c="$azurite_cpu" -v n="$requests" 'BEGIN{printf "%.2f", c/n}') load=$(load_now)"
}

if [ "${1:-}" = "ops" ]; then
  n=${2:-300}; concurrency=${3:-4}
  body='{"text":"Bilar kör alldeles för fort förbi skolan på morgnarna, någon borde mäta hastigheten där innan något händer.","municipality":"vara"}'
  count_ops() {  # NAME PORT: n tips after a warm-up of 20, then the requests Azurite saw for those n only
    for _ in $(seq 1 20); do curl -s -o /dev/null -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$2/api/tips"; done
    sleep 1
    local before; before=$(wc -l <"$work/$1.azurite-debug.log")
    # hey sends n / c requests per worker (300 at 32 at a time: 288), so the count is of the answers it got.
    hey -n "$n" -c "$concurrency" -m POST -T application/json -H "X-Forwarded-For: 198.51.100.7:4711" -d "$body" "http://127.0.0.1:$2/api/tips" \
      | grep -E '^\s+\[[0-9]{3}\]' | tee "$work/$1.answers"
    local answered; answered=$(awk '{ s += $2 } END { print s + 0 }' "$work/$1.answers")
    sleep 1
    tail -n +"$((before + 1))" "$work/$1.azurite-debug.log" >"$work/$1.window.log"
    local total; total=$(grep -c 'StorageContextMiddleware: RequestMethod' "$work/$1.window.log" || true)
    echo "$1: $total storage requests for $answered tips, $concurrency at a time = $(awk -v t="$total" -v n="$answered" 'BEGIN{printf "%.2f", t/n}') per tip (background polling included); by kind:"
    ops_by_kind "$work/$1.window.log" | head -15
  }
  base=$(free_ports 23000)
  start_azurite ceiling "$base" --debug; start_ceiling ceiling $((base + 3)); count_ops ceiling $((base + 3)); stop_all
  base=$(free_ports 23000)
  start_azurite receipt "$base" --debug; start_ceiling receipt $((base + 3)) --receipt; count_ops receipt $((base + 3)); stop_all
  base=$(free_ports 23000)
  start_azurite devhost "$base" --debug; start_devhost devhost $((base + 3)) "${disabled[@]}" $LIMITER_OFF; count_ops devhost $((base + 3)); stop_all
  base=$(free_ports 23000)
  start_azurite limited "$base" --debug; start_devhost limited $((base + 3)) "${disabled[@]}" $LIMITER_ON; count_ops limited $((base + 3)); stop_all
  exit 0
fi

seconds=${1:-15}; connections=${2:-32}
echo "# $(date -u +%FT%TZ) wrk -t2 -c$connections -d${seconds}s, $(nproc) cores; columns: tips/s p50 p95 p99 (ms) requests non-2xx socket-errors"
base=$(free_ports 23000)
start_azurite ceiling "$base"; start_ceiling ceiling $((base + 3))
ceiling=$(measure ceiling $((base + 3)) "$seconds" "$connections"); echo "$ceiling"; stop_all
base=$(free_ports 23000)
start_azurite receipt "$base"; start_ceiling receipt $((base + 3)) --receipt
receipt=$(measure ceiling+receipt $((base + 3)) "$seconds" "$connections"); echo "$receipt"; stop_all
base=$(free_ports 23000)
start_azurite devhost "$base"; start_devhost devhost $((base + 3)) "${disabled[@]}" $LIMITER_OFF
devhost=$(measure devhost $((base + 3)) "$seconds" "$connections"); echo "$devhost"
grep -c 'ClassifyTip' "$work/devhost.log" >/dev/null && grep -m1 -i 'classified as' "$work/devhost.log" && echo "WARNING: the queue function ran" >&2
stop_all
base=$(free_ports 23000)
start_azurite limited "$base"; start_devhost limited $((base + 3)) "${disabled[@]}" $LIMITER_ON
limited=$(measure devhost+limiter $((base + 3)) "$seconds" "$connections" xff); echo "$limited"; stop_all
read -r _ ct _ _ cp99 _ <<<"$ceiling"; read -r _ rt _ _ rp99 _ <<<"$receipt"
read -r _ dt _ _ dp99 _ <<<"$devhost"; read -r _ lt _ _ lp99 _ <<<"$limited"
awk -v ct="$ct" -v cp="$cp99" -v rt="$rt" -v rp="$rp99" -v dt="$dt" -v dp="$dp99" -v lt="$lt" -v lp="$lp99" 'BEGIN {
  printf "devhost / ceiling: throughput %.2f (target >= 0.8), p99 %.2f (target <= 2)\n", dt/ct, dp/cp
  printf "devhost / ceiling+receipt (same storage work): throughput %.2f, p99 %.2f\n", dt/rt, dp/rp
  printf "devhost+limiter / ceiling: throughput %.2f, p99 %.2f\n", lt/ct, lp/cp }'
