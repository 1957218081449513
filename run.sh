#!/usr/bin/env bash
# Runs Grästorp Intake locally: Azurite on 127.0.0.1 (data in .azurite/) and the DevHost, by default on
# http://127.0.0.1:7071 (the form is at /). Ctrl+C stops both.
# Ports: AZURITE_BLOB_PORT, AZURITE_QUEUE_PORT, AZURITE_TABLE_PORT (default 10000-10002), data: AZURITE_DATA; the DevHost takes
# ASP.NET Core's own --urls (./run.sh --urls http://127.0.0.1:8080).
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
cd "$root"

command -v dotnet >/dev/null || { echo "Install the .NET 10 SDK first." >&2; exit 1; }
command -v npm >/dev/null || { echo "Install Node.js and npm first (for Azurite)." >&2; exit 1; }

blob=${AZURITE_BLOB_PORT:-10000}; queue=${AZURITE_QUEUE_PORT:-10001}; table=${AZURITE_TABLE_PORT:-10002}
data=${AZURITE_DATA:-$root/.azurite}
pidfile="$data/azurite.pid"
child=""
# Azurite stops on every way out: Ctrl+C, SIGTERM, a failed build, a DevHost that will not start. The build and the
# DevHost run in the background so a signal reaches this script at once (bash defers traps while a foreground child
# runs), and SIGTERM is passed on to them: ASP.NET Core stops gracefully on it.
stop_all() {
  if [ -n "$child" ] && kill -0 "$child" 2>/dev/null; then
    kill -TERM "$child" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$child" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$child" 2>/dev/null || true
    # kill returns before the child has died; waiting for it means its port is free once this script has exited (a
    # loaded CI run found the DevHost's port still taken right after exit 143).
    wait "$child" 2>/dev/null || true
  fi
  "$root/scripts/azurite.sh" stop "$pidfile"
}
# Runs a command as the one child, waits for it and returns its exit code.
run_child() {
  "$@" &
  child=$!
  local code=0
  wait "$child" || code=$?
  child=""
  return "$code"
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
"$root/scripts/azurite.sh" start "$data" "$pidfile"
echo "Azurite runs on 127.0.0.1:$blob-$table (data in $data). Building the DevHost ..."

# The DevHost must reach this Azurite, on whatever ports it was given.
key='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
export AzureWebJobsStorage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
# INTAKE_NO_BUILD=1 starts what is built already (the run command's own test does, inside the test run's build).
[ -n "${INTAKE_NO_BUILD:-}" ] || run_child dotnet build src/DevHost -c Release -v quiet -nologo -clp:"ErrorsOnly;NoSummary"
# Development: WebJobs polls queues quickly and the local-only pages (such as the staff sign-in) exist.
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
# ASP.NET Core prints the address it really listens on ("Now listening on: ..."), --urls included.
cd "$root/src/DevHost"
run_child dotnet bin/Release/net10.0/Grastorp.Intake.DevHost.dll "$@"
