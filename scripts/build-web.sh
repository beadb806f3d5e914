#!/usr/bin/env bash
# Builds the web app into web/dist (served by the API process); installs its packages the first time.
set -euo pipefail
cd "$(dirname "$0")/../web"
[[ -d node_modules ]] || npm ci --no-audit --no-fund
npm run --silent build
