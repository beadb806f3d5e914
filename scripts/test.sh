#!/usr/bin/env bash
# The one test command (npm test): brings up PostgreSQL and Redis when they are not running, then
# runs every Jest suite. Jest's global setup creates a migrated test database from migrations/.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -d node_modules ]] || npm ci --no-audit --no-fund
DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}" \
REDIS_URL="${TEST_REDIS_URL:-redis://127.0.0.1:6379}" bash scripts/services.sh
exec npx jest "$@"
