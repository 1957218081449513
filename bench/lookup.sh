#!/usr/bin/env bash
# What the status lookup limit costs: GET /api/tips/{reference} of one real tip, on the DevHost with the limiter off,
# then on (RateLimit__BehindFrontEnd stands in for the front end, so each request's X-Forwarded-For, one of 768
# documentation addresses, is its client, with a limit too high to refuse: the count per lookup is what is measured),
# each on a fresh in-memory Azurite, the same way in the same run.
#   bench/lookup.sh [SECONDS] [CONNECTIONS]
# Build first: dotnet build src/DevHost -c Release
set -euo pipefail
source "$(dirname "$0")/lib.sh"
seconds=${1:-10}; connections=${2:-8}

cat >"$work/lookup.lua" <<'LUA'
local nets = { "192.0.2.", "198.51.100.", "203.0.113." }
local path
init = function(args)
  path = "/api/tips/" .. args[1]
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end
request = function()
  local headers = { ["X-Forwarded-For"] = nets[math.random(1, 3)] .. math.random(0, 255) .. ":" .. math.random(1024, 65535) }
  return wrk.format("GET", path, headers)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.0f %.1f %.1f %.1f %d %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
LUA

# run NAME ENV...: a fresh Azurite and DevHost, one tip, a warm-up, then the run; prints "NAME lookups/s p50 p95 p99 ...".
run() {
  local name=$1 base reference line; shift
  base=$(free_ports 23000)
  start_azurite "$name" "$base"; start_devhost "$name" $((base + 3)) "$@"
  reference=$(curl -s -H 'Content-Type: application/json' -d '{"text":"Bilar kör alldeles för fort förbi skolan varje morgon.","municipality":"vara"}' \
    "http://127.0.0.1:$((base + 3))/api/tips" | python3 -c 'import json, sys; print(json.load(sys.stdin)["reference"])')
  wrk -t2 -c"$connections" -d"${WARMUP:-15}"s -s "$work/lookup.lua" "http://127.0.0.1:$((base + 3))" -- "$reference" >/dev/null
  line=$(wrk -t2 -c"$connections" -d"$seconds"s -s "$work/lookup.lua" "http://127.0.0.1:$((base + 3))" -- "$reference" | grep '^RESULT')
  echo "$name ${line#RESULT } load=$(load_now)"
  stop_all
}

echo "# $(date -u +%FT%TZ) wrk -t2 -c$connections -d${seconds}s, $(nproc) cores; columns: lookups/s p50 p95 p99 (ms) requests non-2xx socket-errors"
run off RateLimit__Enabled=false
run on RateLimit__Enabled=true RateLimit__LookupsPerTenMinutes=1000 RateLimit__BehindFrontEnd=true
