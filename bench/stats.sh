#!/usr/bin/env bash
# Stats at scale (issue 17): counter rows for TIPS tips (default 1,000,000) over five years in three municipalities,
# written directly in the store's row layout (recording a million tips one by one through the queue function would
# take hours here), the same counters in the rollup table (through CountRollupStore, which stats reads), plus FILLER
# tip rows (default 0) so the emulator's tips table is as large as a real one would be.
# Then /api/stats on the DevHost for 8 weeks, one year and five years (in three requests: the API allows at most
# 106 weeks at a time), five times each, next to bare point and range reads of the tips table and of the rollup.
#   bench/stats.sh [TIPS] [FILLER]      ROUNDS=n (default 5) rounds per figure, the median reported
set -euo pipefail
source "$(dirname "$0")/lib.sh"
tips=${1:-1000000}; filler=${2:-0}
echo "# $(date -u +%FT%TZ) stats over $tips tips (counter rows) and $filler filler tip rows, $(nproc) cores"
base=$(free_ports 23400)
start_azurite stats "$base"
dotnet "$ceiling_dll" seed-counters "$tips" 5 "$filler"
start_devhost stats $((base + 3)) AzureWebJobs.ClassifyTip.Disabled=true
url="http://127.0.0.1:$((base + 3))/api/stats?municipality=all"
week() { date -u -d "$1" +%G-W%V; }
now=$(week now)

# time_requests NAME URL...: five rounds; each round's time is the sum of its requests (curl time_total).
time_requests() {
  local name=$1; shift
  local times=() t u total code
  for u in "$@"; do curl -s -o /dev/null "$u"; done   # warm-up
  for _ in $(seq 1 "${ROUNDS:-5}"); do
    total=0
    for u in "$@"; do
      read -r code t < <(curl -s -o "$work/stats.json" -w '%{http_code} %{time_total}\n' "$u")
      [ "$code" = 200 ] || { echo "$name: HTTP $code" >&2; cat "$work/stats.json" >&2; return 1; }
      total=$(awk -v a="$total" -v b="$t" 'BEGIN{print a+b}')
    done
    times+=("$total")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk -v name="$name" -v load="$(load_now)" '{ t[NR] = $1 * 1000 } END {
    printf "%s: median %.0f ms (min %.0f, max %.0f, %d rounds) load=%s\n", name, t[int((NR + 1) / 2)], t[1], t[NR], NR, load }'
}
time_requests "8 weeks (default)" "$url"
time_requests "one year (53 weeks)" "$url&from=$(week '-52 weeks')&to=$now"
time_requests "five years (3 requests)" \
  "$url&from=$(week '-260 weeks')&to=$(week '-207 weeks')" \
  "$url&from=$(week '-206 weeks')&to=$(week '-101 weeks')" \
  "$url&from=$(week '-100 weeks')&to=$now"
dotnet "$ceiling_dll" point 20
echo "entities read by stats: one rollup row per municipality and week with tips, in one range read per municipality"
echo "  (8 weeks: 3 reads, 24 rows; a year: 3 reads, 159 rows; five years: 9 reads, 783 rows; the tips table is not read:"
echo "  counted on the wire in tests/Core.Tests/Stats/RollupStatsTests.cs; the rollup range read above counts one municipality's year)"
echo "load after: $(load_now)"
