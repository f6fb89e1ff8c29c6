#!/usr/bin/env bash
# Starts Chasqui locally and runs one collection cycle whose emails land in a
# local inbox at http://127.0.0.1:8025 (PDF statements included). Ctrl-C stops it all.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/prepare.sh

ensure_system_packages
ensure_postgres
ensure_rabbitmq
install_and_build

export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/chasqui}"
export SMTP_URL="${SMTP_URL:-smtp://127.0.0.1:1025}"
node tools/demo/ensure-database.js
log "migrating"
for app in receivables scheduler renderer delivery; do node "apps/$app/dist/migrate.js" >/dev/null; done

mkdir -p .demo/logs
pids=()
cleanup() { log "stopping"; kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

port_open 8025 && die "port 8025 is taken: is another demo running?"
node tools/inbox/inbox.js >.demo/logs/inbox.log 2>&1 & pids+=($!)
for app in receivables scheduler renderer delivery; do
  node "apps/$app/dist/main.js" >".demo/logs/$app.log" 2>&1 & pids+=($!)
done
for port in 9461 9462 9463 9464; do
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 1; done
  curl -sf "http://127.0.0.1:$port/readyz" >/dev/null || die "a service on :$port did not get ready; see .demo/logs/"
done

node tools/demo/run-demo.js
log "the inbox is at http://127.0.0.1:8025 — services keep running until Ctrl-C (logs in .demo/logs/)"
wait
