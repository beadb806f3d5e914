/**
 * A benchmark's line in `npm run bench`'s closing table (bench/run-all.sh): one JSON object
 * appended, as the process exits, to the file $BENCH_SUMMARY names (nothing when unset). Set-up
 * is the time from the process's start (build, compilation, database, seeding) to measuring();
 * the rest is measuring. Kept apart from stack.ts so that the pure benchmarks load nothing else.
 */
import { appendFileSync } from 'node:fs';

let measuringSince: number | undefined;
let line: Record<string, unknown> | undefined;

/** Marks the end of set-up (the first call counts). */
export function measuring(): void {
  measuringSince ??= process.uptime();
}

/**
 * The benchmark's headline (a short sentence) and figures for its line; `more` adds to them. Two
 * figures feed the table's quiet-machine estimate: `fixedS`, the seconds the benchmark drives load
 * whatever the machine (durations), and `cpuOnly`, a benchmark of this process's CPU alone.
 */
export function summarise(bench: string, headline: string, figures: Record<string, unknown> = {}) {
  const now = process.uptime();
  const setup = measuringSince ?? now;
  const s = (x: number) => Math.round(x * 10) / 10;
  line = { bench, setupS: s(setup), measureS: s(now - setup), headline, ...figures, ...line };
}

/** Figures learnt after summarise (or before it), e.g. at tear-down. */
export function more(figures: Record<string, unknown>): void {
  line = { ...line, ...figures };
}

process.on('exit', () => {
  const file = process.env.BENCH_SUMMARY;
  if (file && line?.bench) appendFileSync(file, `${JSON.stringify(line)}\n`);
});

/** Rows as aligned columns: the first to the left, the others to the right (a free last one not). */
export function printTable(rows: string[][], freeLast = false): void {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const last = rows[0].length - 1;
  for (const row of rows)
    console.log(
      row
        .map((cell, c) =>
          freeLast && c === last
            ? cell
            : c === 0
              ? cell.padEnd(widths[c])
              : cell.padStart(widths[c]),
        )
        .join('  '),
    );
}
