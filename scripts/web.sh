#!/usr/bin/env bash
# Runs one of the web app's npm scripts (build, lint, test, i18n:check), installing its packages
# the first time: `bash scripts/web.sh build` builds web/dist, which the API serves.
set -euo pipefail
cd "$(dirname "$0")/../web"
[[ -d node_modules ]] || npm ci --no-audit --no-fund
npm run --silent "${1:-build}"
