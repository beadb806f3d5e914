#!/usr/bin/env bash
# Every benchmark, one after the other; each prints its own figures.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent bench:matching -- --per-side 10000 --k 50 --seed 1
npm run --silent bench:assignment
npm run --silent bench:matching-job -- --per-side 10000 --seed 1
npm run --silent bench:submissions
npm run --silent bench:letter-detector
npm run --silent bench:api
npm run --silent bench:letters
