/**
 * A benchmark's command line, and the wall and CPU time of a call: loads nothing else, for the
 * benchmarks that only compute as for those that start Kenal (bench/lib/stack.ts re-exports it).
 */

/** The command line: `flag('no-build')`, `option('minutes')`, `numberArg('seed', 1)`. */
export const argv = process.argv.slice(2);
export const flag = (name: string) => argv.includes(`--${name}`);
export const option = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};

/** --name's value as a number, `fallback` without it; anything but a number is an error. */
export function numberArg(name: string, fallback: number): number {
  const text = option(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`--${name} needs a number`);
  return value;
}

/** `fn()` with its wall and CPU milliseconds (all threads of the process). */
export function timed<T>(fn: () => T): { value: T; wallMs: number; cpuMs: number } {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = fn();
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  return { value, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}
