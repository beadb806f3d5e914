#!/usr/bin/env bash
# The architecture rules of .dependency-cruiser.cjs (issue 15), run by `npm run lint`.
#   scripts/architecture.sh            check src/; violations not in the known list fail
#   scripts/architecture.sh baseline   rewrite the known list (only after removing violations)
# Before checking src/, it proves each rule still catches its deliberate violation in
# test/architecture/fixture, so a rule that stopped matching cannot pass silently.
set -euo pipefail
cd "$(dirname "$0")/.."
config="$PWD/.dependency-cruiser.cjs"
known="$PWD/.dependency-cruiser-known-violations.json"
cruise="$PWD/node_modules/.bin/depcruise"

if [[ "${1:-}" == baseline ]]; then
  exec "$cruise" src --config "$config" --output-type baseline --output-to "$known"
fi

found=$(cd test/architecture/fixture && "$cruise" src --config "$config" --output-type err 2>&1 || true)
for rule in no-circular no-folder-cycle pure-core-no-io pure-core-no-wiring no-foreign-entities; do
  if ! grep -q "error $rule:" <<<"$found"; then
    echo "architecture: rule $rule no longer catches its deliberate violation in test/architecture/fixture" >&2
    echo "$found" >&2
    exit 1
  fi
done
"$cruise" src --config "$config" --ignore-known "$known" --output-type err
npx --no-install ts-node --transpile-only scripts/table-owners.ts
