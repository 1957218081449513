# Shared by bench/load.sh, bench/drain.sh and bench/stats.sh: fresh in-memory Azurites on free loopback ports, the
# built DevHost and ceiling tool, and every process stopped by its own PID when the script ends.
# shellcheck shell=bash
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d /tmp/grastorp-bench.XXXXXX)
pids=()
key='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
# DEVHOST_DIR: another checkout's src/DevHost (built Release), e.g. a branch exported with git archive.
devhost_dir=${DEVHOST_DIR:-$root/src/DevHost}
devhost_dll=$devhost_dir/bin/Release/net10.0/Grastorp.Intake.DevHost.dll
ceiling_dll=$root/bench/Grastorp.Intake.Ceiling/bin/Release/net10.0/Grastorp.Intake.Ceiling.dll

stop_all() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  pids=()
}
trap 'stop_all' EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Prints the first of four free ports in a row from $1 (three for Azurite, one for the server).
free_ports() {
  local base=$1
  while ! { port_free "$base" && port_free $((base + 1)) && port_free $((base + 2)) && port_free $((base + 3)); }; do
    base=$((base + 4)); [ "$base" -lt $(($1 + 400)) ] || { echo "no free ports from $1" >&2; return 1; }
  done
  echo "$base"
}

# start_azurite NAME BASE [--debug]: in memory; sets AzureWebJobsStorage for what starts next.
start_azurite() {
  local name=$1 base=$2 debug=()
  [ "${3:-}" = "--debug" ] && debug=(--debug "$work/$name.azurite-debug.log")
  "$root/node_modules/.bin/azurite" --silent --skipApiVersionCheck --loose --inMemoryPersistence \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --blobPort "$base" --queuePort $((base + 1)) --tablePort $((base + 2)) "${debug[@]}" >"$work/$name.azurite.out" 2>&1 &
  pids+=($!); disown $!
  export AzureWebJobsStorage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$base/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$((base + 1))/devstoreaccount1;TableEndpoint=http://127.0.0.1:$((base + 2))/devstoreaccount1;"
  for _ in $(seq 1 60); do
    ! port_free $((base + 2)) && ! port_free $((base + 1)) && return 0
    sleep 0.5
  done
  echo "Azurite $name did not start" >&2; cat "$work/$name.azurite.out" >&2; return 1
}

# start_devhost NAME PORT [ENV=VALUE ...]: the Release build, Development environment, console log to a file.
start_devhost() {
  local name=$1 port=$2; shift 2
  (cd "$devhost_dir" && exec env ASPNETCORE_ENVIRONMENT=Development "$@" dotnet "$devhost_dll" --urls "http://127.0.0.1:$port") >"$work/$name.log" 2>&1 &
  pids+=($!); disown $!
  wait_http "http://127.0.0.1:$port/api/tips/X" "$work/$name.log"
}

start_ceiling() {  # NAME PORT [--receipt]
  local name=$1 port=$2
  dotnet "$ceiling_dll" serve --urls "http://127.0.0.1:$port" "${@:3}" >"$work/$name.log" 2>&1 &
  pids+=($!); disown $!
  wait_http "http://127.0.0.1:$port/api/tips" "$work/$name.log"
}

wait_http() {
  for _ in $(seq 1 120); do
    curl -s -o /dev/null -m 2 "$1" && return 0
    sleep 0.5
  done
  echo "$1 did not answer; log:" >&2; tail -30 "$2" >&2; return 1
}

# ops_by_kind LOG: storage requests Azurite saw, grouped by service, method and resource (ids and keys folded).
ops_by_kind() {
  grep -o "[A-Za-z]*StorageContextMiddleware: RequestMethod=[A-Z]* RequestURL=[^ ]*" "$1" \
    | sed -E 's/StorageContextMiddleware: RequestMethod=/ /; s#RequestURL=http://[^/]*/devstoreaccount1##; s/\?.*//;
              s#/messages/[0-9a-f-]+#/messages/{id}#; s#\(PartitionKey=[^)]*\)#(key)#; s#^(Blob [A-Z]+ /[^/]+/[^/]+).*#\1/...#' \
    | sort | uniq -c | sort -rn
}

load_now() { cut -d' ' -f1-3 /proc/loadavg; }

# CPU time (user + system) a process has used, in milliseconds.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$1/stat"; }
