#!/usr/bin/env bash
# Starts Azurite (pinned in package.json) on 127.0.0.1 in the background and waits until it answers.
# Ports: AZURITE_BLOB_PORT, AZURITE_QUEUE_PORT, AZURITE_TABLE_PORT (default 10000-10002); accounts: AZURITE_ACCOUNTS.
# Usage: scripts/azurite.sh start DATA_DIR PID_FILE [--in-memory]   |   scripts/azurite.sh stop PID_FILE
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

case "${1:-}" in
  start)
    data=$2; pidfile=$3; storage=(--location "$data")
    [ "${4:-}" = "--in-memory" ] && storage=(--inMemoryPersistence)
    blob=${AZURITE_BLOB_PORT:-10000}; queue=${AZURITE_QUEUE_PORT:-10001}; table=${AZURITE_TABLE_PORT:-10002}
    for port in "$blob" "$queue" "$table"; do
      if port_busy "$port"; then echo "Port $port on 127.0.0.1 is already in use (another Azurite?)." >&2; exit 1; fi
    done
    [ -x "$root/node_modules/.bin/azurite" ] || (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
    mkdir -p "$data"
    "$root/node_modules/.bin/azurite" --silent --skipApiVersionCheck --loose \
      --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
      --blobPort "$blob" --queuePort "$queue" --tablePort "$table" \
      "${storage[@]}" >"$data/azurite.out" 2>&1 &
    pid=$!
    echo "$pid" >"$pidfile"
    # Up to two minutes: Node starts Azurite in a second or two on an idle machine, far slower on a loaded one.
    for _ in $(seq 1 240); do
      kill -0 "$pid" 2>/dev/null || break
      if port_busy "$table" && port_busy "$queue" && port_busy "$blob"; then exit 0; fi
      sleep 0.5
    done
    echo "Azurite did not start; see $data/azurite.out" >&2
    cat "$data/azurite.out" >&2 || true
    # A half-started Azurite would hold the ports for the next try.
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pidfile"
    exit 1
    ;;
  stop)
    pidfile=$2
    if [ -f "$pidfile" ]; then
      pid=$(cat "$pidfile")
      kill "$pid" 2>/dev/null || true
      # Azurite often ignores SIGTERM; its data is disposable or already flushed, so don't wait long.
      for _ in $(seq 1 10); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$pidfile"
    fi
    ;;
  *) echo "usage: $0 start DATA_DIR PID_FILE [--in-memory] | stop PID_FILE" >&2; exit 2 ;;
esac
