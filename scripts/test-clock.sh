#!/usr/bin/env bash
# Runs the whole test command with the machine's wall clock moved, to find tests and code that only pass near one date
# (a fixed year or week beside "now", file-system time beside TimeProvider, a certificate's lifetime).
# Usage: scripts/test-clock.sh [OFFSET ...]    default: +400d -400d (days: +400d, -400d; or seconds: +3600)
#        CLOCK_PROJECTS="tests/Core.Tests tests/Cli.Tests" scripts/test-clock.sh +400d
# Builds once on the real clock (so MSBuild's time stamps stay true), then runs ./test.sh per project and offset with
# scripts/clock/wallclock-shift.so preloaded into every process the tests start: .NET, Azurite (Node), the CLI and
# Chromium read the moved wall clock; monotonic clocks, timed waits and file times stay true (the .c file says why this
# and not Debian's libfaketime, under which WebApplicationFactory's and Chromium's timed waits fail at once).
# Exits non-zero if any run fails. Needs a C compiler (apt-get install gcc).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
command -v cc >/dev/null || { echo "a C compiler is missing: apt-get install gcc" >&2; exit 2; }
[ $# -gt 0 ] || set -- +400d -400d
read -r -a projects <<<"${CLOCK_PROJECTS:-$(ls -d tests/*.Tests | tr '\n' ' ')}"

shim=$(mktemp -d)/wallclock-shift.so
cc -shared -fPIC -O2 -Wall -Werror -o "$shim" scripts/clock/wallclock-shift.c -ldl || exit 1
seconds() {  # +400d -> 34560000, -3600 -> -3600
  case "$1" in
    *d) echo $(( ${1%d} * 86400 )) ;;
    *) echo $(( $1 )) ;;
  esac
}

dotnet build Grastorp.Intake.sln -c Release -v quiet -nologo || exit 1
status=0
for offset in "$@"; do
  shift_seconds=$(seconds "$offset")
  for project in "${projects[@]}"; do
    echo "== clock moved $offset ($(WALLCLOCK_SHIFT_SECONDS=$shift_seconds LD_PRELOAD=$shim date -u '+%Y-%m-%d %H:%M UTC')): $project"
    WALLCLOCK_SHIFT_SECONDS=$shift_seconds LD_PRELOAD=$shim INTAKE_NO_BUILD=1 ./test.sh "$project" || status=1
  done
done
exit "$status"
