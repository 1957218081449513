#!/usr/bin/env bash
# Drain (issue 17): N tips put straight on the tips queue (default 10,000), then classified and recorded by the DevHost's
# queue function, against a bare consumer (dequeue, one table insert, delete). Each side on a fresh in-memory Azurite
# with the same N messages, one after the other (never at once), each timed the same way from outside (first message
# taken to an empty queue) and bounded by LIMIT seconds (default 900). Checks on both sides that every tip is stored
# once, and on the DevHost's that the counters add up to N (exit 1 if not, or if a side did not drain in time).
#   bench/drain.sh [N]          tips per second, both sides, with CPU ms per tip of each process and of its Azurite
#   bench/drain.sh ops [N]      storage requests per processed tip and Azurite's time per request kind (its debug log;
#                               default N 300; the debug log slows Azurite, so read its times relative to each other)
# Build first: dotnet build src/DevHost -c Release && dotnet build bench/Grastorp.Intake.Ceiling -c Release
set -euo pipefail
source "$(dirname "$0")/lib.sh"
mode=rate
[ "${1:-}" = "ops" ] && { mode=ops; shift; }
n=${1:-$([ "$mode" = ops ] && echo 300 || echo 10000)}
limit=${LIMIT:-900}   # seconds a side may take to drain before the script gives up on it
debug=(); [ "$mode" = ops ] && debug=(--debug)
python3 -c 'import json,sys,glob
for f in sorted(glob.glob(sys.argv[1] + "/resident-tips.*.jsonl")):
    for l in open(f, encoding="utf-8"):
        if l.strip(): print(json.loads(l)["text"].replace("\n", " "))' "$root/tests/data" >"$work/texts.txt"
ceiling() { dotnet "$ceiling_dll" "$@"; }
per_tip() { awk -v a="$1" -v b="$2" -v n="$n" 'BEGIN{printf "%.2f", (b - a) / n}'; }

# ops_time_by_kind LOG: Azurite's own time per request (EndMiddleware's TotalTimeInMS), by kind as ops_by_kind groups them.
ops_time_by_kind() {
  python3 - "$1" <<'EOF'
import re, sys, collections
kind, ms = {}, {}
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    m = re.match(r"\S+ (\S+) \w+: (\w*)StorageContextMiddleware: RequestMethod=([A-Z]+) RequestURL=http://[^/]*/devstoreaccount1(\S*)", line)
    if m:
        url = re.sub(r"\?.*", "", m.group(4))
        url = re.sub(r"/messages/[0-9a-f-]+", "/messages/{id}", url)
        url = re.sub(r"\(PartitionKey=[^)]*\)", "(key)", url)
        kind[m.group(1)] = f"{m.group(2).capitalize() or 'Blob'} {m.group(3)} {url}"
        continue
    m = re.match(r"\S+ (\S+) \w+: EndMiddleware: End response\. TotalTimeInMS=(\d+)", line)
    if m:
        ms[m.group(1)] = int(m.group(2))
by = collections.defaultdict(list)
for rid, k in kind.items():
    if rid in ms:
        by[k].append(ms[rid])
for k, v in sorted(by.items(), key=lambda kv: -len(kv[1]))[:8]:
    v.sort()
    print(f"  {len(v):6d} {k}: mean {sum(v) / len(v):.0f} ms, median {v[len(v) // 2]} ms, p95 {v[int(len(v) * 0.95)]} ms")
EOF
}

# ops_window SIDE BEFORE: the requests Azurite logged after line BEFORE, counted and timed by kind.
ops_window() {
  sleep 3   # Azurite writes its debug log behind
  tail -n +"$(($2 + 1))" "$work/$1.azurite-debug.log" >"$work/$1.window.log"
  local total
  total=$(grep -c 'StorageContextMiddleware: RequestMethod' "$work/$1.window.log" || true)
  echo "$1: $total storage requests for $n processed tips = $(awk -v t="$total" -v n="$n" 'BEGIN{printf "%.2f", t/n}') per tip (start-up and polling included); by kind:"
  ops_by_kind "$work/$1.window.log" | head -12
  echo "$1: Azurite's time per request, by kind:"
  ops_time_by_kind "$work/$1.window.log"
}

echo "# $(date -u +%FT%TZ) drain of $n tips ($mode), $(nproc) cores, limit ${limit} s per side; uptime:$(uptime | sed 's/.*load/ load/')"

# The DevHost: enqueue with the host not yet running, then start it; the watch times from its first taken message
# to an empty queue (start-up excluded).
base=$(free_ports 23300)
start_azurite devhost "$base" "${debug[@]}"
azurite_pid=${pids[-1]}
ceiling enqueue "$n" "$work/texts.txt" "$work/references.txt"
# Azurite writes its debug log behind: let the enqueue's lines land before marking where the drain's begin.
[ "$mode" = ops ] && { sleep 3; before=$(wc -l <"$work/devhost.azurite-debug.log"); }
# The watch starts first on both sides, so neither consumer takes messages before it looks.
ceiling drained "$n" "$limit" >"$work/devhost.watch" & watch_pid=$!; pids+=("$watch_pid")
sleep 1
# The listener logs its polls (messages found, latency) and the poll failures it handles only at Debug; Azure.Core
# warns of responses slower than 3 s and of error answers (the DevHost's appsettings show only its errors).
start_devhost devhost $((base + 3)) Logging__LogLevel__Microsoft.Azure.WebJobs.Extensions.Storage.Common.Listeners.QueueListener=Debug \
  Logging__LogLevel__Azure.Core=Warning
devhost_pid=${pids[-1]}
cpu_host=$(cpu_ms "$devhost_pid"); cpu_azurite=$(cpu_ms "$azurite_pid")
wait "$watch_pid" || status=1
echo "devhost: $(cat "$work/devhost.watch") load=$(load_now)"
echo "devhost: CPU ms per tip: DevHost $(per_tip "$cpu_host" "$(cpu_ms "$devhost_pid")"), its Azurite $(per_tip "$cpu_azurite" "$(cpu_ms "$azurite_pid")") (start-up after the first HTTP answer included)"
sleep 2   # the last function's log lines
echo "devhost: $(grep -c 'was already counted' "$work/devhost.log" || true) redeliveries counted once, $(grep -c 'tips-poison' "$work/devhost.log" || true) poison lines, $(grep -c 'exceeded the configured timeout' "$work/devhost.log" || true) storage calls timed out, $(grep -c 'SurvivingExceptionHandler' "$work/devhost.log" || true) listener failures"
grep -o 'found [0-9]* messages in [0-9]* ms\|threw a [A-Za-z]* in [0-9]* ms' "$work/devhost.log" | awk '
  /found/ { polls++; if ($2 > 0) { taking++; got += $2 } if ($5 > slowest) slowest = $5 }
  /threw/ { failed++; print "devhost: a poll threw " $3 " after " $5 " ms (its batch, if storage had handed one out, is leased for 10 minutes)" }
  END { printf "devhost: %d listener polls, %d found messages (%.1f per poll), slowest %d ms; %d poll failures handled by WebJobs\n", polls, taking, got / (taking ? taking : 1), slowest, failed }'
echo "devhost: $(grep -c '^warn: Azure.Core' "$work/devhost.log" || true) Azure SDK warnings (slow or error answers; see $work/devhost.log)"
ceiling check "$work/references.txt" || status=1
[ "$mode" = ops ] && ops_window devhost "$before"
stop_all

# The bare consumer: the same N messages on an Azurite of its own, timed by the same watch.
base=$(free_ports 23300)
start_azurite bare "$base" "${debug[@]}"
azurite_pid=${pids[-1]}
ceiling enqueue "$n" "$work/texts.txt" "$work/references.txt"
[ "$mode" = ops ] && { sleep 3; before=$(wc -l <"$work/bare.azurite-debug.log"); }
cpu_azurite=$(cpu_ms "$azurite_pid")
ceiling drained "$n" "$limit" >"$work/bare.watch" & watch_pid=$!; pids+=("$watch_pid")
sleep 1
dotnet "$ceiling_dll" consume "$limit" >"$work/bare.log" 2>&1 &
consumer_pid=$!; pids+=("$consumer_pid")
wait "$watch_pid" || status=1
echo "bare consumer: $(cat "$work/bare.watch") load=$(load_now)"
echo "bare consumer: CPU ms per tip of its Azurite $(per_tip "$cpu_azurite" "$(cpu_ms "$azurite_pid")") (the consumer's own below)"
wait "$consumer_pid" || status=1
cat "$work/bare.log"
ceiling check "$work/references.txt" --bare || status=1
[ "$mode" = ops ] && ops_window bare "$before"
echo "# $(date -u +%FT%TZ) done; uptime:$(uptime | sed 's/.*load/ load/')"
exit "${status:-0}"
