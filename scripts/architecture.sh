#!/usr/bin/env bash
# The architecture rules of .dependency-cruiser.cjs, the data-access rules of
# scripts/lint/data-access.mjs and the typed answers of scripts/lint/response-types.ts (issue 15),
# run by `npm run lint`.
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
for rule in no-circular no-folder-cycle pure-core-no-io pure-core-no-wiring no-foreign-entities no-foreign-stores; do
  if ! grep -q "error $rule:" <<<"$found"; then
    echo "architecture: rule $rule no longer catches its deliberate violation in test/architecture/fixture" >&2
    echo "$found" >&2
    exit 1
  fi
done

# The ESLint data-access rules (src/ itself is linted by `eslint` in npm run lint).
found=$(node_modules/.bin/eslint --no-ignore test/architecture/fixture/src/beta/beta-sql.service.ts \
  test/architecture/fixture/src/gamma/gamma.store.ts 2>&1 || true)
for rule in data-access/no-data-source data-access/no-raw-sql; do
  if ! grep -q "beta-sql.service.ts" <<<"$found" || ! grep -q "$rule" <<<"$found"; then
    echo "architecture: rule $rule no longer catches its deliberate violation in test/architecture/fixture" >&2
    echo "$found" >&2
    exit 1
  fi
done
if grep -q "gamma.store.ts" <<<"$found"; then
  echo "architecture: the data-access rules flag a store, where SQL belongs" >&2
  echo "$found" >&2
  exit 1
fi
# The data-access known list only shrinks: an entry that no longer violates must leave it.
node -e '
  const fs = require("fs");
  const stale = JSON.parse(fs.readFileSync(".data-access-known-violations.json", "utf8")).filter(
    (f) => !fs.existsSync(f) ||
      !/@Inject(DataSource|Repository|EntityManager)\b|\.query\(|\bpreparedQuery\(|\.sql`/.test(fs.readFileSync(f, "utf8")),
  );
  if (stale.length) {
    console.error("architecture: no longer violating, remove from .data-access-known-violations.json:\n  " + stale.join("\n  "));
    process.exit(1);
  }'

"$cruise" src --config "$config" --ignore-known "$known" --output-type err
npx --no-install ts-node --transpile-only scripts/table-owners.ts
# Handlers return the class their OpenAPI decorator documents (proves itself on the fixture first).
npx --no-install ts-node --transpile-only scripts/lint/response-types.ts
