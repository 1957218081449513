#!/usr/bin/env bash
# Starts Azurite (pinned in package.json) on 127.0.0.1 in the background and waits until it answers.
# Ports: AZURITE_BLOB_PORT, AZURITE_QUEUE_PORT, AZURITE_TABLE_PORT (default 10000-10002); accounts: AZURITE_ACCOUNTS.
# Usage: scripts/azurite.sh start DATA_DIR PID_FILE   |   scripts/azurite.sh stop PID_FILE
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

case "${1:-}" in
  start)
    data=$2; pidfile=$3
    blob=${AZURITE_BLOB_PORT:-10000}; queue=${AZURITE_QUEUE_PORT:-10001}; table=${AZURITE_TABLE_PORT:-10002}
    [ -x "$root/node_modules/.bin/azurite" ] || (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
    mkdir -p "$data"
    "$root/node_modules/.bin/azurite" --silent --skipApiVersionCheck --loose \
      --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
      --blobPort "$blob" --queuePort "$queue" --tablePort "$table" \
      --location "$data" --debug "$data/debug.log" >"$data/azurite.out" 2>&1 &
    echo $! >"$pidfile"
    for _ in $(seq 1 60); do
      if (exec 3<>/dev/tcp/127.0.0.1/$table) 2>/dev/null; then exit 0; fi
      sleep 0.5
    done
    echo "Azurite did not start; see $data/azurite.out" >&2
    exit 1
    ;;
  stop)
    pidfile=$2
    if [ -f "$pidfile" ]; then
      pid=$(cat "$pidfile")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$pidfile"
    fi
    ;;
  *) echo "usage: $0 start DATA_DIR PID_FILE | stop PID_FILE" >&2; exit 2 ;;
esac
