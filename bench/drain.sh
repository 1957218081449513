#!/usr/bin/env bash
# Drain (issue 17): N tips put straight on the tips queue (default 10,000), then classified and recorded by the DevHost's
# queue function, against a bare consumer (dequeue, one table insert, delete), each on a fresh in-memory Azurite.
# Checks that every tip is stored once and that the counters add up to N (exit 1 if not).
#   bench/drain.sh [N]          tips per second, both sides
#   bench/drain.sh ops [N]      storage requests per processed tip (Azurite's debug log; default N 300)
# Build first: dotnet build src/DevHost -c Release && dotnet build bench/Grastorp.Intake.Ceiling -c Release
set -euo pipefail
source "$(dirname "$0")/lib.sh"
mode=rate
[ "${1:-}" = "ops" ] && { mode=ops; shift; }
n=${1:-$([ "$mode" = ops ] && echo 300 || echo 10000)}
limit=900   # seconds a drain may take before the script gives up
debug=(); [ "$mode" = ops ] && debug=(--debug)
python3 -c 'import json,sys,glob
for f in sorted(glob.glob(sys.argv[1] + "/resident-tips.*.jsonl")):
    for l in open(f, encoding="utf-8"):
        if l.strip(): print(json.loads(l)["text"].replace("\n", " "))' "$root/tests/data" >"$work/texts.txt"
ceiling() { dotnet "$ceiling_dll" "$@"; }

echo "# $(date -u +%FT%TZ) drain of $n tips ($mode), $(nproc) cores"

# The DevHost: enqueue with the host not yet running, then start it and time from its first taken message to an
# empty queue (start-up excluded).
base=$(free_ports 23300)
start_azurite devhost "$base" "${debug[@]}"
ceiling enqueue "$n" "$work/texts.txt" "$work/references.txt"
# Azurite writes its debug log behind: let the enqueue's lines land before marking where the drain's begin.
[ "$mode" = ops ] && { sleep 3; before=$(wc -l <"$work/devhost.azurite-debug.log"); }
start_devhost devhost $((base + 3))
echo "devhost: $(ceiling drained "$n" "$limit") load=$(load_now)"
sleep 2   # the last function's log lines
echo "devhost: $(grep -c 'was already counted' "$work/devhost.log" || true) redeliveries, $(grep -c 'tips-poison' "$work/devhost.log" || true) poison lines"
ceiling check "$work/references.txt" || status=1
if [ "$mode" = ops ]; then
  sleep 3
  tail -n +"$((before + 1))" "$work/devhost.azurite-debug.log" >"$work/devhost.window.log"
  total=$(grep -c 'StorageContextMiddleware: RequestMethod' "$work/devhost.window.log" || true)
  echo "devhost: $total storage requests for $n processed tips = $(awk -v t="$total" -v n="$n" 'BEGIN{printf "%.2f", t/n}') per tip (start-up and polling included); by kind:"
  ops_by_kind "$work/devhost.window.log" | head -20
fi
stop_all

base=$(free_ports 23300)
start_azurite bare "$base" "${debug[@]}"
ceiling enqueue "$n" "$work/texts.txt" "$work/references.txt"
[ "$mode" = ops ] && { sleep 3; before=$(wc -l <"$work/bare.azurite-debug.log"); }
ceiling consume "$n" || status=1
echo "bare consumer load=$(load_now)"
if [ "$mode" = ops ]; then
  sleep 3
  tail -n +"$((before + 1))" "$work/bare.azurite-debug.log" >"$work/bare.window.log"
  total=$(grep -c 'StorageContextMiddleware: RequestMethod' "$work/bare.window.log" || true)
  echo "bare: $total storage requests for $n tips = $(awk -v t="$total" -v n="$n" 'BEGIN{printf "%.2f", t/n}') per tip; by kind:"
  ops_by_kind "$work/bare.window.log" | head -10
fi
exit "${status:-0}"
