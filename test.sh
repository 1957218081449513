#!/usr/bin/env bash
# Runs every test: starts its own Azurite (in memory, on the first free ports from 20000, one storage account per test),
# runs the test projects, stops Azurite by PID, and ends with the line "N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")" && pwd)
cd "$root"

work=$(mktemp -d)
pidfile="$work/azurite.pid"
cleanup() { scripts/azurite.sh stop "$pidfile"; rm -rf "$work" 2>/dev/null || true; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# Each test takes an account of its own, so queue triggers never see another test's messages.
key=$(printf 'grastorp-intake-test-key-000000' | base64 | tr -d '\n')
accounts=""
for i in $(seq -f %02g 1 800); do accounts="${accounts}test${i}:${key};"; done
export AZURITE_ACCOUNTS="${accounts%;}"
# Three free ports in a row, so a second test run (or a developer's own Azurite) is never shared by accident.
free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
base=20000
while ! { free "$base" && free $((base + 1)) && free $((base + 2)); }; do base=$((base + 3)); [ "$base" -lt 20300 ] || break; done
export AZURITE_BLOB_PORT=$base AZURITE_QUEUE_PORT=$((base + 1)) AZURITE_TABLE_PORT=$((base + 2))
export INTAKE_TEST_STORAGE_KEY="$key"

if ! scripts/azurite.sh start "$work/azurite" "$pidfile" --in-memory; then
  echo "0 passed, 1 failed"
  exit 1
fi

log="$work/test.log"
# ./test.sh runs everything; ./test.sh tests/DevHost.Tests runs one test project with the same Azurite, and anything
# after the project goes to the test runner (./test.sh tests/Core.Tests --filter-class '*Retention*').
# INTAKE_NO_BUILD=1 runs what is built already (scripts/test-clock.sh builds on the real clock, then runs on a moved one).
target=(--solution Grastorp.Intake.sln)
[ $# -gt 0 ] && { target=(--project "$1"); shift; }
build=()
[ -n "${INTAKE_NO_BUILD:-}" ] && build=(--no-build)
timeout 45m dotnet test "${target[@]}" -c Release "${build[@]}" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Microsoft.Testing.Platform prints a summary per run: "succeeded: N" and "failed: N".
passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
# The failing tests' names again at the end, where a truncated CI log still shows them.
if [ "$failed" -ne 0 ]; then
  echo "Failed tests:"
  grep -E '^failed ' "$log" | sed 's/^/  /' || true
fi
echo "$passed passed, $failed failed"
exit "$status"
