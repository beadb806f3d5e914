#!/usr/bin/env bash
# Every benchmark, one after the other, with settings short enough that the whole run takes under
# ten minutes on a quiet machine (about 6.5 by the table's estimate on 2 cores). The API and the
# benchmarks are built once, first, without a type check (--noCheck: the same JavaScript; CI checks
# types), and each benchmark runs compiled: no npm, ts-node or tsc start per step. Each prints its
# own figures; at the end a table gives each step's wall and CPU seconds, set-up and measuring
# time, an estimate for a quiet machine and its headline figures (bench/summary-table.ts). A step
# that fails is marked and the run goes on; the exit code says whether any failed.
# Short forms here: api and letters 5 s a route (10 s by default), soak 2 minutes (10).
set -uo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d "${TMPDIR:-/tmp}/kenal-bench-XXXXXX")
start=$SECONDS
n=0
failed=0
# CPU seconds (user + system) of this shell's finished children and of theirs, from `times`
# (run here, not in a subshell: a subshell's `times` counts only its own children).
seconds() { awk 'NR == 2 { split($1, u, "m"); split($2, s, "m"); print u[1] * 60 + u[2] + s[1] * 60 + s[2] }' "$1"; }
step() {
  local name=$1 t=$SECONDS load rc=0 wall cpu
  shift
  n=$((n + 1))
  times >"$out/times-before"
  load=$(cut -d' ' -f1 /proc/loadavg)
  echo "=== $name: $* (load $load)"
  BENCH_SUMMARY="$out/$n.jsonl" "$@" || rc=$?
  wall=$((SECONDS - t))
  times >"$out/times-after"
  cpu=$(awk -v a="$(seconds "$out/times-before")" -v b="$(seconds "$out/times-after")" \
    'BEGIN { printf "%.1f", b - a }')
  echo "=== $name: $wall s, CPU $cpu s$([ "$rc" -eq 0 ] || echo ", EXIT $rc")"
  printf '{"n":%d,"step":"%s","wallS":%d,"cpuS":%s,"rc":%d,"load":"%s"}\n' \
    "$n" "$name" "$wall" "$cpu" "$rc" "$load" >>"$out/steps.jsonl"
  [ "$rc" -eq 0 ] || failed=$((failed + 1))
  return "$rc"
}
bench() { node "dist-bench/bench/$1.js" "${@:2}"; }

step build npx tsc -p tsconfig.build.json --noCheck || exit 1
step build-bench npx tsc -p tsconfig.bench.json --noCheck || exit 1
step "matching ×1" bench matching --per-side 10000 --k 50 --seed 1
step "matching ×2" bench matching --per-side 10000 --k 50 --seed 1 --capacity 2
step assignment bench assignment
step mentoring bench mentoring
step matching-job bench matching-job --per-side 10000 --seed 1
step submissions bench submissions --no-build
step letter-detector bench letter-detector
step reminders bench reminders
step api bench api --no-build --duration 5
step letters bench letters --no-build --duration 5
step notifications bench notifications --no-build
step soak bench soak --no-build --minutes 2
echo
node dist-bench/bench/summary-table.js "$out"
echo "=== all benchmarks: $((SECONDS - start)) s; $failed step(s) failed; figures in $out"
[ "$failed" -eq 0 ]
