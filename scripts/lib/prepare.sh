# Shared set-up for scripts/test.sh and scripts/demo.sh: from a fresh clone to
# built services with PostgreSQL, RabbitMQ and Chromium available. Sourced, not run.

log() { printf '\033[1m[chasqui]\033[0m %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() { # port what seconds
  for _ in $(seq 1 "$3"); do port_open "$1" && return 0; sleep 1; done
  return 1
}

apt_install() { # packages...
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing $* with apt-get"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@") >/dev/null \
      || die "apt-get install $* failed"
  else
    die "missing $*: install them with your package manager (Debian: sudo apt-get install $*)"
  fi
}

ensure_system_packages() { # needs_pdftotext
  local missing=()
  [ -x "${CHROMIUM_PATH:-/usr/lib/chromium/chromium-headless-shell}" ] || missing+=(chromium-headless-shell)
  [ "${1:-}" = pdftotext ] && ! command -v pdftotext >/dev/null && missing+=(poppler-utils)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
}

# promtool checks the alert rules (tests/static/production.int-spec.ts); the test
# is skipped where it cannot be installed.
ensure_promtool() {
  command -v promtool >/dev/null && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing promtool (prometheus) with apt-get"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus) \
      >/dev/null 2>&1 || log "could not install prometheus: the alert rules will not be checked by promtool"
  fi
  return 0
}

ensure_postgres() {
  port_open 5432 && return 0
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    log "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  fi
  wait_port 5432 PostgreSQL 30 || die "PostgreSQL is not listening on 127.0.0.1:5432. Install it (Debian: apt-get install postgresql) or set DATABASE_URL."
}

ensure_rabbitmq() {
  port_open 5672 && return 0
  if command -v rabbitmq-server >/dev/null; then
    log "starting RabbitMQ"
    rabbitmq-server -detached || true
  fi
  wait_port 5672 RabbitMQ 60 || die "RabbitMQ is not listening on 127.0.0.1:5672. Install it (Debian: apt-get install rabbitmq-server) or set AMQP_URL."
  command -v rabbitmqctl >/dev/null && rabbitmqctl -q await_startup >/dev/null 2>&1 || true
}

install_and_build() {
  export TURBO_TELEMETRY_DISABLED=1
  command -v node >/dev/null || die "Node.js 20 or 22 is required"
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    # Not `npm ci`: the registry mirror here carries only Linux builds of the
    # platform packages (buf, turbo), so the lockfile cannot list the others
    # and npm ci refuses it. npm install keeps the locked versions.
    log "installing dependencies (npm install)"
    npm install --no-audit --no-fund --loglevel=error
  fi
  log "generating contracts and building (turbo)"
  npx turbo run build --output-logs=errors-only
}
