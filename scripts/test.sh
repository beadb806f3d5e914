#!/usr/bin/env bash
# The one test command (npm test): brings up PostgreSQL and Redis when they are not running, then
# runs every Jest suite (Jest's global setup creates a migrated test database from migrations/),
# the web app's checks and component tests, and the browser tests (Playwright + Chromium) against
# the built API, worker and web app. Arguments go to Jest alone: `npm test -- --testPathPatterns x`.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -d node_modules ]] || npm ci --no-audit --no-fund
DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}" \
REDIS_URL="${TEST_REDIS_URL:-redis://127.0.0.1:6379}" bash scripts/services.sh
if [[ $# -gt 0 ]]; then exec npx jest "$@"; fi
# CI has just built; elsewhere the browser tests must see the code as it is now.
[[ "${KENAL_SKIP_BUILD:-0}" == 1 ]] || npm run --silent build
bash scripts/web.sh i18n:check
bash scripts/web.sh test
npx jest
bash scripts/chromium.sh
npx playwright test
