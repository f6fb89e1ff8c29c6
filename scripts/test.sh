#!/usr/bin/env bash
# Runs every test of Chasqui from a fresh clone: unit, integration (real
# PostgreSQL, RabbitMQ, Chromium, SMTP) and end-to-end (the four services as
# processes). Extra arguments go to jest, e.g. `bash scripts/test.sh --selectProjects unit`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/prepare.sh

ensure_system_packages pdftotext
ensure_promtool
ensure_postgres
ensure_rabbitmq
install_and_build
log "checking format, lint and types (npm run check)"
npm run --silent check
log "running the tests"
npx jest --ci "$@"
