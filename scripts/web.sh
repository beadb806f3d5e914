#!/usr/bin/env bash
# Runs one of the web app's npm scripts (build, lint, test, i18n:check), installing its packages
# first when they are missing or older than web/package-lock.json: `bash scripts/web.sh build`.
# `bash scripts/web.sh install` only installs.
set -euo pipefail
cd "$(dirname "$0")/../web"
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
fi
[[ "${1:-build}" == install ]] || npm run --silent "${1:-build}"
