#!/usr/bin/env bash
# The web app's API client is generated from the OpenAPI document of the built API (dist/):
#   write  regenerates web/src/api/openapi.json and web/src/api/schema.d.ts
#   check  fails when the committed files differ from what the current document generates
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-check}"
[[ -f dist/src/openapi-document.js ]] || npm run --silent build
bash scripts/web.sh install
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
node dist/src/openapi-document.js "$tmp/openapi.json"
web/node_modules/.bin/openapi-typescript "$tmp/openapi.json" --default-non-nullable false -o "$tmp/schema.d.ts" >/dev/null 2>&1 \
  || web/node_modules/.bin/openapi-typescript "$tmp/openapi.json" --default-non-nullable false -o "$tmp/schema.d.ts"
if [[ "$mode" == write ]]; then
  cp "$tmp/openapi.json" "$tmp/schema.d.ts" web/src/api/
  echo "wrote web/src/api/openapi.json and web/src/api/schema.d.ts"
  exit 0
fi
status=0
for f in openapi.json schema.d.ts; do
  if ! diff -q "$tmp/$f" "web/src/api/$f" >/dev/null 2>&1; then
    echo "web/src/api/$f is out of date with the API: run 'npm run openapi:client' and commit it" >&2
    diff -u "web/src/api/$f" "$tmp/$f" | head -40 >&2 || true
    status=1
  fi
done
[[ $status == 0 ]] && echo "web/src/api is up to date with the API's OpenAPI document"
exit $status
