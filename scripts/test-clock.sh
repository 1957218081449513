#!/usr/bin/env bash
# Runs the test projects with the machine's clock moved, to find tests and code that only pass near one date
# (a fixed year or week beside "now", file-system time beside TimeProvider, a certificate's lifetime). Debian's
# libfaketime moves the wall clock of every process a test starts: .NET, Azurite (Node) and the CLI alike.
# Usage: scripts/test-clock.sh [OFFSET ...]    default: +400d -400d (faketime's syntax: +400d, -400d, +13h)
#        CLOCK_PROJECTS="tests/Core.Tests tests/Cli.Tests" scripts/test-clock.sh +400d
# Builds once on the real clock (so MSBuild's time stamps stay true), then runs ./test.sh per project and offset;
# exits non-zero if any run fails. Needs `faketime` (apt-get install faketime).
#
# Not run under a moved clock, by default: the projects that start a web host through WebApplicationFactory
# (DevHost.Tests, Browser.Tests) or drive Chromium (Browser.Tests, Web.Tests' screenshots). Under libfaketime 0.9.10
# .NET's timed waits inside WebApplicationFactory's host resolver return at once ("Timed out waiting for the entry
# point to build the IHost after 00:05:00" within two seconds) and Chromium's page loads never finish: the tool, not
# the code, fails there. Those projects run on the real clock in every ./test.sh; their dates come from the same
# TimeProvider and SwedishTime code the projects below exercise under the moved clock.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
command -v faketime >/dev/null || { echo "faketime is missing: apt-get install faketime" >&2; exit 2; }
[ $# -gt 0 ] || set -- +400d -400d
read -r -a projects <<<"${CLOCK_PROJECTS:-tests/Core.Tests tests/Classification.Tests tests/Cli.Tests tests/Functions.Tests tests/Infra.Tests}"

dotnet build Grastorp.Intake.sln -c Release -v quiet -nologo || exit 1
status=0
for offset in "$@"; do
  for project in "${projects[@]}"; do
    echo "== clock moved $offset ($(faketime -f "$offset" date -u '+%Y-%m-%d %H:%M UTC')): $project"
    # Monotonic clocks stay real: timers and time-outs measure durations, and a negative offset would wrap them.
    FAKETIME_DONT_FAKE_MONOTONIC=1 INTAKE_NO_BUILD=1 faketime -m -f "$offset" ./test.sh "$project" || status=1
  done
done
exit "$status"
