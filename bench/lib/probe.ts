/**
 * What a benchmark learns from inside a process of the build it starts: preloaded with `node -r`
 * (PROBE, written to a file by `writeProbe`), it counts the statements the process's pg clients
 * send (BEGIN and COMMIT included: round trips) and the commands its Redis clients send, and
 * watches the event loop (monitorEventLoopDelay) and the garbage collector. `probe(child)` asks
 * over the IPC channel; each answer restarts the delay histogram and the GC figures, so the
 * figures of one route are not mixed with the route before.
 */
import { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PROBE = `
const { monitorEventLoopDelay, PerformanceObserver } = require('node:perf_hooks');
const from = { paths: [process.cwd()] };
const counts = { statements: 0, redis: 0 };
const pg = require(require.resolve('pg', from));
const pgQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (...args) { counts.statements += 1; return pgQuery.apply(this, args); };
const Redis = require(require.resolve('ioredis', from)).default;
const send = Redis.prototype.sendCommand;
Redis.prototype.sendCommand = function (...args) { counts.redis += 1; return send.apply(this, args); };
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
let gc = { n: 0, ms: 0, maxMs: 0 };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) { gc.n += 1; gc.ms += e.duration; gc.maxMs = Math.max(gc.maxMs, e.duration); }
}).observe({ entryTypes: ['gc'] });
process.on('message', (m) => {
  if (m !== 'probe') return;
  const ms = (ns) => ns / 1e6;
  process.send({ probe: { ...counts, gc, loop: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) } } });
  loop.reset();
  gc = { n: 0, ms: 0, maxMs: 0 };
});
if (process.channel) process.channel.unref();
`;

export interface ProbeReading {
  statements: number;
  redis: number;
  gc: { n: number; ms: number; maxMs: number };
  loop: { p50: number; p99: number; max: number };
}

/** Writes the preload into `dir`; returns the node arguments that load it. */
export function writeProbe(dir: string): string[] {
  const file = join(dir, 'probe.js');
  writeFileSync(file, PROBE);
  return ['-r', file];
}

/** Counters so far, and the loop and GC since the last reading. The child needs an 'ipc' stdio. */
export function probe(child: ChildProcess): Promise<ProbeReading> {
  return new Promise((ok) => {
    const on = (m: { probe?: ProbeReading }) => {
      if (!m?.probe) return;
      child.off('message', on);
      ok(m.probe);
    };
    child.on('message', on);
    child.send('probe');
  });
}
