/**
 * What a benchmark learns from inside a process of the build it starts: preloaded with `node -r`
 * (PROBE, written to a file by `writeProbe`), it counts the statements the process's pg clients
 * send (BEGIN and COMMIT included: round trips) and the commands its Redis clients send, and
 * watches the event loop (monitorEventLoopDelay) and the garbage collector. `probe(child)` asks
 * over the IPC channel; each answer restarts the delay histogram and the GC figures, so the
 * figures of one route are not mixed with the route before.
 *
 * It also times the phases of each HTTP request (an AsyncLocalStorage context per request): the
 * wait for a pool connection, each statement from send to answer (a locked read's lock wait and a
 * COMMIT's WAL flush included), each Redis command, and the rest ("node": parsing, handlers,
 * serialising, and waiting for the event loop). Per route, each phase's p50/p99/max and its mean
 * over the slowest 1 % of requests: where a tail comes from, a figure that holds under load.
 */
import { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PROBE = `
const { monitorEventLoopDelay, PerformanceObserver, performance } = require('node:perf_hooks');
const { AsyncLocalStorage } = require('node:async_hooks');
const http = require('node:http');
const from = { paths: [process.cwd()] };
const counts = { statements: 0, redis: 0, connects: 0 };
const als = new AsyncLocalStorage();
let traces = [];
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, req, res) {
  if (event !== 'request') return emit.apply(this, arguments);
  const route = req.method + ' ' + req.url.split('?')[0].replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '{id}');
  const trace = { route, t0: performance.now(), spans: [] };
  res.once('finish', () => { trace.end = performance.now(); if (traces.length < 100000) traces.push(trace); });
  return als.run(trace, () => emit.apply(this, arguments));
};
/** Opens a span in the current request's trace; returns its end. */
const span = (label) => {
  const trace = als.getStore();
  if (!trace) return () => undefined;
  const s = { label, start: performance.now(), end: undefined };
  trace.spans.push(s);
  return () => { if (s.end === undefined) s.end = performance.now(); };
};
const sqlLabel = (c) => {
  const text = typeof c === 'string' ? c : (c && (c.name || c.text)) || '?';
  return 'pg ' + text.replace(/\\s+/g, ' ').trim().slice(0, 48);
};
/** Wraps proto[name] (callback last, or a promise back) so that each call is a span labelled by its arguments. */
const timed = (proto, name, label, count) => {
  const original = proto[name];
  proto[name] = function (...args) {
    count();
    const end = span(label(args));
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const cb = args[last];
      args[last] = function (...r) { end(); return cb.apply(this, r); };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result && typeof result.then === 'function') result.then(end, end);
    return result;
  };
};
const pg = require(require.resolve('pg', from));
timed(pg.Client.prototype, 'query', (args) => sqlLabel(args[0]), () => { counts.statements += 1; });
timed(pg.Client.prototype, 'connect', () => 'pg new connection', () => { counts.connects += 1; });
timed(pg.Pool.prototype, 'connect', () => 'pool wait', () => undefined);
const Redis = require(require.resolve('ioredis', from)).default;
const send = Redis.prototype.sendCommand;
Redis.prototype.sendCommand = function (...args) {
  counts.redis += 1;
  const command = args[0];
  const end = span('redis ' + (command && command.name));
  const result = send.apply(this, args);
  if (command && command.promise) command.promise.then(end, end);
  return result;
};
const quantile = (sorted, q) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : 0;
const stats = (values, slow) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = slow.reduce((s, i) => s + values[i], 0) / Math.max(1, slow.length);
  return { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: sorted[sorted.length - 1] || 0, slowMean: mean };
};
/** Per route: the total and each phase (summed per request), and "node", the time outside every span. */
const phases = () => {
  const byRoute = new Map();
  for (const t of traces) {
    if (!byRoute.has(t.route)) byRoute.set(t.route, []);
    byRoute.get(t.route).push(t);
  }
  const out = {};
  for (const [route, list] of byRoute) {
    const rows = list.map((t) => {
      const row = { total: t.end - t.t0 };
      const spans = t.spans.filter((s) => s.end !== undefined).sort((a, b) => a.start - b.start);
      let covered = 0, until = t.t0;
      // Only what the answer waited for: work after its last byte (a job added meanwhile) is left out.
      for (const s of spans) {
        const end = Math.min(s.end, t.end);
        if (end <= s.start) continue;
        row[s.label] = (row[s.label] || 0) + (end - s.start);
        const from = Math.max(s.start, until);
        if (end > from) { covered += end - from; until = end; }
      }
      row.node = row.total - covered;
      return row;
    });
    const totals = rows.map((r) => r.total);
    const order = totals.map((_, i) => i).sort((a, b) => totals[b] - totals[a]);
    const slow = order.slice(0, Math.max(1, Math.ceil(rows.length / 100)));
    const labels = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const first = Math.min(...list.map((t) => t.t0));
    const slowAt = slow.map((i) => (list[i].t0 - first) / 1000).sort((a, b) => a - b);
    const early = list.map((t, i) => [t.t0 - first < 1000, totals[i]]);
    const split = { firstSecond: stats(early.filter((e) => e[0]).map((e) => e[1]), []), after: stats(early.filter((e) => !e[0]).map((e) => e[1]), []) };
    out[route] = { n: rows.length, first, slowAt, split, phases: Object.fromEntries(labels.map((l) => [l, stats(rows.map((r) => r[l] || 0), slow)])) };
  }
  return out;
};
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
let gc = { n: 0, ms: 0, maxMs: 0, long: [] };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gc.n += 1; gc.ms += e.duration; gc.maxMs = Math.max(gc.maxMs, e.duration);
    const kind = ({ 1: 'scavenge', 2: 'mark-sweep-compact', 4: 'incremental', 8: 'weak callbacks' })[e.detail && e.detail.kind] || 'gc';
    if (e.duration >= 10 && gc.long.length < 100) gc.long.push({ at: e.startTime, ms: e.duration, kind });
  }
}).observe({ entryTypes: ['gc'] });
process.on('message', (m) => {
  if (m !== 'probe') return;
  const ms = (ns) => ns / 1e6;
  process.send({ probe: { ...counts, gc, phases: phases(), loop: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) } } });
  traces = [];
  loop.reset();
  gc = { n: 0, ms: 0, maxMs: 0, long: [] };
});
if (process.channel) process.channel.unref();
`;

/** A phase's duration over a route's requests, ms; slowMean: its mean over the slowest 1 %. */
export interface PhaseStats {
  p50: number;
  p99: number;
  max: number;
  slowMean: number;
}

export interface ProbeReading {
  statements: number;
  redis: number;
  /** PostgreSQL connections the process opened (a new backend each). */
  connects: number;
  /** Per route ("POST /api/v1/penpal-matches/{id}/letters"), since the last reading. */
  phases: Record<
    string,
    {
      n: number;
      /** When the slowest 1 % started, s after the route's first request: a cold start shows here. */
      /** The first request's start, on the process's performance clock. */
      first: number;
      slowAt: number[];
      /** The total of the requests that started in the route's first second, and of the rest. */
      split: { firstSecond: PhaseStats; after: PhaseStats };
      phases: Record<string, PhaseStats>;
    }
  >;
  /** long: the pauses of 10 ms or more, `at` on the process's performance clock (as the phases' times). */
  gc: { n: number; ms: number; maxMs: number; long: { at: number; ms: number; kind: string }[] };
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
