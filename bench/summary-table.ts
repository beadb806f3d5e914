/**
 * The closing table of `npm run bench` (bench/run-all.sh): node dist-bench/bench/summary-table.js
 * DIR reads DIR/steps.jsonl (a line a step: its name, wall and CPU seconds, exit code, load) and
 * DIR/<n>.jsonl (what the step's benchmark wrote through bench/lib/summary.ts), and prints a row
 * a step: wall and CPU seconds, PostgreSQL CPU where known, set-up and measuring seconds, an
 * estimate of the step's time on a quiet machine, and the headline figures.
 *
 * The estimate: on a shared machine a step's wall time stretches while its CPU time hardly moves.
 * The steps that only compute (the builds and the benchmarks marked cpuOnly) give the stretch of
 * this run, the median of their wall / CPU; a step is then estimated at the seconds it drives load
 * whatever the machine (fixedS) plus the rest of its wall time divided by that stretch. PostgreSQL
 * does not run niced and shares the stretch less, so steps heavy in it may be underestimated:
 * beside it, CPU + PG CPU bounds their computing from above (on one core).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printTable } from './lib/summary';

interface Step {
  n: number;
  step: string;
  wallS: number;
  cpuS: number;
  rc: number;
  load: string;
}
interface Line {
  bench: string;
  setupS: number;
  measureS: number;
  headline: string;
  pgCpuS?: number;
  fixedS?: number;
  cpuOnly?: boolean;
}

const dir = process.argv[2];
const jsonl = <T>(file: string): T[] =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as T)
    : [];
const steps = jsonl<Step>(join(dir, 'steps.jsonl')).map((step) => ({
  ...step,
  line: jsonl<Line>(join(dir, `${step.n}.jsonl`))[0] as Line | undefined,
}));
const ratios = steps
  .filter((s) => (!s.line || s.line.cpuOnly) && s.cpuS >= 1)
  .map((s) => s.wallS / s.cpuS)
  .sort((a, b) => a - b);
const stretch = Math.max(1, ratios.length ? ratios[Math.floor(ratios.length / 2)] : 1);
const quiet = (s: (typeof steps)[number]) => {
  const fixed = s.line?.fixedS ?? 0;
  return fixed + Math.max(0, s.wallS - fixed) / stretch;
};
const rows = [
  ['step', 'wall s', 'CPU s', 'PG CPU s', 'setup s', 'measure s', 'load', 'quiet s', 'figures'],
];
for (const s of steps)
  rows.push([
    s.step,
    String(s.wallS),
    s.cpuS.toFixed(1),
    s.line?.pgCpuS?.toFixed(1) ?? '',
    s.line?.setupS.toFixed(1) ?? '',
    s.line?.measureS.toFixed(1) ?? '',
    s.load,
    quiet(s).toFixed(0),
    (s.rc ? `EXIT ${s.rc}; ` : '') + (s.line?.headline ?? '-'),
  ]);
const sum = (f: (s: (typeof steps)[number]) => number) => steps.reduce((t, s) => t + f(s), 0);
rows.push([
  'all',
  String(sum((s) => s.wallS)),
  sum((s) => s.cpuS).toFixed(1),
  sum((s) => s.line?.pgCpuS ?? 0).toFixed(1),
  '',
  '',
  '',
  sum(quiet).toFixed(0),
  '',
]);
printTable(rows, true);
console.log(
  `\nCPU s: user + system of the step's processes (node, the API, the worker), not PostgreSQL's; ` +
    'PG CPU s: the backends of its database still open at its end (API benchmarks only).\n' +
    `quiet s: an estimate for a quiet machine: the seconds the step drives load whatever the ` +
    `machine, plus the rest of its wall time / ${stretch.toFixed(1)}, the median wall / CPU of the ` +
    'steps that only compute in this run (bench/summary-table.ts).',
);
