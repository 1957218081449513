#!/usr/bin/env bash
# Runs Grästorp Intake locally: Azurite on 127.0.0.1 (data in .azurite/) and the DevHost on http://127.0.0.1:7071.
# Ctrl+C stops both.
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
cd "$root"

command -v dotnet >/dev/null || { echo "Install the .NET 10 SDK first." >&2; exit 1; }
command -v npm >/dev/null || { echo "Install Node.js and npm first (for Azurite)." >&2; exit 1; }

scripts/azurite.sh start "$root/.azurite" "$root/.azurite/azurite.pid"
trap 'scripts/azurite.sh stop "$root/.azurite/azurite.pid"' EXIT

echo "Azurite runs on 127.0.0.1:10000-10002 (data in .azurite/)."
echo "Starting the DevHost on http://127.0.0.1:7071 ... try:"
echo "  curl -i -H 'Content-Type: application/json' -d '{\"text\":\"Det langas knark vid skolan på kvällarna.\"}' http://127.0.0.1:7071/api/tips"
dotnet run --project src/DevHost -c Release -- "$@"
