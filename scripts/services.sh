#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis answer at DATABASE_URL and REDIS_URL, and that the database exists.
# On a Debian/Ubuntu machine where we are root, a missing server is installed from Debian's packages
# and started; otherwise this says exactly what to install. Safe to run again and again.
set -euo pipefail

DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/kenal}"
REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"

say() { printf '[services] %s\n' "$*" >&2; }
is_local() { [[ "$1" == "127.0.0.1" || "$1" == "localhost" || "$1" == "::1" ]]; }
can_apt() { [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; }
apt_updated=0
apt_install() {
  if [[ $apt_updated -eq 0 ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    apt_updated=1
  fi
  say "installing $* from Debian packages"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# --- parse the URLs (node is the one tool we know is here) ---------------------------------------
read -r PG_HOST PG_PORT PG_USER PG_DB < <(node -e '
  const u = new URL(process.argv[1]);
  console.log(u.hostname || "127.0.0.1", u.port || 5432, decodeURIComponent(u.username) || "postgres", u.pathname.slice(1) || "kenal");
' "$DATABASE_URL")
read -r REDIS_HOST REDIS_PORT < <(node -e '
  const u = new URL(process.argv[1]); console.log(u.hostname || "127.0.0.1", u.port || 6379);
' "$REDIS_URL")

pg_up() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT"
  else
    (exec 3<>"/dev/tcp/$PG_HOST/$PG_PORT") 2>/dev/null
  fi
}
redis_up() {
  if command -v redis-cli >/dev/null 2>&1; then
    [[ "$(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null)" == "PONG" ]]
  else
    (exec 3<>"/dev/tcp/$REDIS_HOST/$REDIS_PORT") 2>/dev/null
  fi
}
wait_for() {
  local what=$1 check=$2
  for _ in $(seq 1 60); do
    if $check; then return 0; fi
    sleep 0.5
  done
  say "$what did not come up"; return 1
}

# --- PostgreSQL ----------------------------------------------------------------------------------
if ! pg_up; then
  if ! is_local "$PG_HOST"; then
    say "PostgreSQL at $PG_HOST:$PG_PORT does not answer; start it or fix DATABASE_URL"; exit 1
  fi
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    if can_apt; then
      apt_install postgresql
      # A machine for development and CI: local connections need no password (never do this in production).
      for hba in /etc/postgresql/*/main/pg_hba.conf; do
        sed -i -E 's/^(local|host)(\s+all\s+all\s+.*)\s(peer|md5|scram-sha-256)\s*$/\1\2 trust/' "$hba"
        sed -i -E 's/^(local\s+all\s+postgres\s+)peer/\1trust/' "$hba"
      done
    else
      say "PostgreSQL is not installed. Install it (Debian/Ubuntu: sudo apt-get install postgresql), or set DATABASE_URL."
      exit 1
    fi
  fi
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  if ! grep -qE "^\s*port\s*=\s*$PG_PORT\b" "/etc/postgresql/$version/main/postgresql.conf"; then
    sed -i -E "s/^#?\s*port\s*=\s*[0-9]+/port = $PG_PORT/" "/etc/postgresql/$version/main/postgresql.conf"
  fi
  say "starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  # The package may have started the cluster before pg_hba.conf was edited: make it re-read it.
  pg_ctlcluster --skip-systemctl-redirect "$version" main reload || true
  wait_for PostgreSQL pg_up
fi

# --- Redis ---------------------------------------------------------------------------------------
if ! redis_up; then
  if ! is_local "$REDIS_HOST"; then
    say "Redis at $REDIS_HOST:$REDIS_PORT does not answer; start it or fix REDIS_URL"; exit 1
  fi
  if ! command -v redis-server >/dev/null 2>&1; then
    if can_apt; then
      apt_install redis-server
    else
      say "Redis is not installed. Install it (Debian/Ubuntu: sudo apt-get install redis-server), or set REDIS_URL."
      exit 1
    fi
  fi
  say "starting Redis on $REDIS_HOST:$REDIS_PORT"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
    --logfile /tmp/kenal-redis.log
  wait_for Redis redis_up
fi

# --- the database --------------------------------------------------------------------------------
node -e '
  const { Client } = require("pg");
  const url = new URL(process.argv[1]); const db = url.pathname.slice(1) || "kenal";
  url.pathname = "/postgres";
  const c = new Client({ connectionString: url.toString() });
  (async () => {
    await c.connect();
    const r = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [db]);
    if (r.rowCount === 0) { await c.query(`CREATE DATABASE "${db.replace(/"/g, "")}"`); console.error(`[services] created database ${db}`); }
    await c.end();
  })().catch((e) => { console.error(`[services] ${e.message}`); process.exit(1); });
' "$DATABASE_URL"
say "PostgreSQL ($PG_HOST:$PG_PORT/$PG_DB) and Redis ($REDIS_HOST:$REDIS_PORT) are ready"
