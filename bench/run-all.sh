#!/usr/bin/env bash
# Every benchmark, one after the other, with settings short enough that the whole run takes under
# ten minutes; each prints its own figures, and this prints how long each took. The API build is
# made once, first. The long forms: bench:api (10 s a route), bench:soak (10 minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
step() {
  local t=$SECONDS
  echo "=== npm run $*"
  npm run --silent "$@"
  echo "=== $1: $((SECONDS - t)) s"
}
npx tsc -p tsconfig.build.json
step bench:matching -- --per-side 10000 --k 50 --seed 1
step bench:assignment
step bench:mentoring
step bench:matching-job -- --per-side 10000 --seed 1
step bench:submissions
step bench:letter-detector
step bench:reminders
step bench:api -- --no-build --duration 5
step bench:letters -- --no-build
step bench:notifications -- --no-build
step bench:soak -- --no-build --minutes 2
echo "=== all benchmarks: $((SECONDS - start)) s"
