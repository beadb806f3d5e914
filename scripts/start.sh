#!/usr/bin/env bash
# The one command that runs Kenal on a developer machine: services, build, migrations, then the
# API and the worker side by side (Ctrl-C stops both). Settings come from the environment or .env.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -f .env ]]; then set -a; . ./.env; set +a; fi
export ADMIN_EMAIL="${ADMIN_EMAIL:-admin@kenal.local}" ADMIN_PASSWORD="${ADMIN_PASSWORD:-change-me-now-please}"
[[ -d node_modules ]] || npm ci --no-audit --no-fund
bash scripts/services.sh
npm run --silent build
npm run --silent migration:run
node dist/src/worker.js &
worker=$!
node --max-semi-space-size=8 dist/src/main.js &
api=$!
trap 'kill -TERM $api $worker 2>/dev/null; wait' INT TERM
echo "Kenal on http://localhost:${PORT:-3000} (API: /api/v1, docs: /api/docs); first admin: $ADMIN_EMAIL" >&2
wait -n $api $worker
kill -TERM $api $worker 2>/dev/null || true
wait
