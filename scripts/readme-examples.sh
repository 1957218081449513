#!/usr/bin/env bash
# Runs README.md's examples as written (the sh block after the "readme-examples" marker) against ./run.sh on its
# default ports, so the README cannot go stale (issue 28): the tip is accepted (202), its status becomes
# "classified", the stats answer with this Swedish-time week's counts, and the CLI's digest preview prints the week's
# MIME with no setting but the DevHost's own. The example reference K7QM3XDP2A is replaced by the one the first
# command returned. Stops ./run.sh (and so Azurite) with SIGTERM on every way out. Needs ports 7071 and 10000-10002.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work=$(mktemp -d)
run_pid=""
finish() {
  if [ -n "$run_pid" ]; then
    kill -TERM "$run_pid" 2>/dev/null || true
    wait "$run_pid" 2>/dev/null || true   # run.sh stops the DevHost and Azurite on SIGTERM, then exits
  fi
  rm -rf "$work"
}
trap finish EXIT

# The commands: the first sh block after the marker, continuation lines joined, comment lines dropped.
awk '/<!-- readme-examples/ { armed = 1; next }
     armed && /^```sh/ { inside = 1; next }
     inside && /^```/ { exit }
     inside { print }' README.md \
  | sed -e ':a' -e '/\\$/N; s/\\\n//; ta' | grep -v '^[[:space:]]*#' | grep -v '^[[:space:]]*$' >"$work/commands"
[ "$(wc -l <"$work/commands")" -eq 4 ] || { echo "readme-examples: expected 4 commands in README's block, found:" >&2; cat "$work/commands" >&2; exit 1; }
mapfile -t commands <"$work/commands"

AZURITE_DATA="$work/azurite" ./run.sh >"$work/run.log" 2>&1 &
run_pid=$!
for _ in $(seq 1 600); do
  grep -q "Now listening on" "$work/run.log" && break
  kill -0 "$run_pid" 2>/dev/null || { cat "$work/run.log" >&2; echo "readme-examples: ./run.sh stopped" >&2; exit 1; }
  sleep 0.5
done
grep -q "Now listening on: http://127.0.0.1:7071" "$work/run.log" || { cat "$work/run.log" >&2; echo "readme-examples: not listening on :7071" >&2; exit 1; }

fail() { echo "readme-examples: $1" >&2; echo "--- command: $2" >&2; echo "--- output:" >&2; cat "$work/out" >&2; exit 1; }
step() { bash -c "$1" >"$work/out" 2>"$work/err" || fail "exit code $?" "$1"; }

step "${commands[0]}"
grep -q '^HTTP/1.1 202' "$work/out" || fail "the tip was not accepted (202)" "${commands[0]}"
reference=$(grep -o '"reference":"[A-Z0-9]*"' "$work/out" | cut -d'"' -f4)
[ -n "$reference" ] || fail "no reference in the answer" "${commands[0]}"
echo "1/4 tip accepted: 202"

status_command=${commands[1]//K7QM3XDP2A/$reference}
for _ in $(seq 1 60); do
  step "$status_command"
  grep -q '"status":"classified"' "$work/out" && break
  sleep 0.5
done
grep -q '"status":"classified"' "$work/out" || fail "the tip was not classified within 30 s" "$status_command"
echo "2/4 status: classified"

step "${commands[2]}"
python3 - "$work/out" <<'PY' || fail "the stats do not count the tip in this week" "${commands[2]}"
import json, sys
def drugs(node):  # every count under a "drugs" key, anywhere in the answer
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "drugs" and isinstance(value, int):
                yield value
            yield from drugs(value)
    elif isinstance(node, list):
        for item in node:
            yield from drugs(item)
assert any(n >= 1 for n in drugs(json.load(open(sys.argv[1], encoding="utf-8"))))
PY
echo "3/4 stats answer for this Swedish-time week"

step "${commands[3]}"
grep -q '^Subject: ' "$work/out" && grep -qi '^Content-Type: multipart/alternative' "$work/out" \
  || fail "no digest MIME printed" "${commands[3]}"
echo "4/4 digest preview printed ($(wc -c <"$work/out") bytes of MIME)"
echo "readme-examples: all four README examples work as written"
