#!/usr/bin/env bash
# Runs the whole test command with the machine's clock moved, to find tests and code that only pass near one date
# (a fixed week beside "now", file-system time beside TimeProvider, a certificate's lifetime). Debian's libfaketime
# moves the wall clock of every process the tests start: .NET, Azurite (Node) and Chromium alike.
# Usage: scripts/test-clock.sh [OFFSET ...]    default: +400d -400d (faketime's syntax: +400d, -400d, +13h)
# Builds once on the real clock (so MSBuild's time stamps stay true), then runs ./test.sh per offset; exits non-zero
# if any run fails. Needs `faketime` (apt-get install faketime).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
command -v faketime >/dev/null || { echo "faketime is missing: apt-get install faketime" >&2; exit 2; }
[ $# -gt 0 ] || set -- +400d -400d

dotnet build Grastorp.Intake.sln -c Release -v quiet -nologo || exit 1
status=0
for offset in "$@"; do
  echo "== clock moved $offset: $(faketime -f "$offset" date -u '+%Y-%m-%d %H:%M UTC')"
  # Monotonic clocks stay real: timers and time-outs measure durations, and a negative offset would wrap them.
  FAKETIME_DONT_FAKE_MONOTONIC=1 INTAKE_NO_BUILD=1 faketime -m -f "$offset" ./test.sh || status=1
done
exit "$status"
