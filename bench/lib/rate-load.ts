/**
 * An open-loop load generator at a constant rate, in a process of its own.
 *
 * autocannon's `overallRate`, run inside the benchmark's own process, is a closed loop whose
 * timer shares an event loop with the orchestrator: when a request is late, the next one is not
 * sent until it returns, and the wait is not counted (coordinated omission); its own pauses
 * counted as the server's. Bare Fastify measured that way at 200/s showed a p99 above 100 ms.
 * Here request i is due at start + i / rate whatever happened before; its latency runs from that
 * intended time to the last byte of the answer, so a server that stalls is charged for every
 * request that waited behind the stall, in the socket pool or in the schedule. The process does
 * nothing else, and reports how late it sent (its send lag) and the CPU it spent, so the
 * generator's own share can be told apart from the server's.
 *
 * Used as `await rateLoad({ url, rate, duration, connections, requests })` from a benchmark; the
 * child is this same file, forked (through ts-node when the bench runs as TypeScript).
 */
import { fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface RateRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface RateOptions {
  /** Origin, e.g. http://127.0.0.1:3000 */
  url: string;
  /** Requests per second, sent on a fixed schedule. */
  rate: number;
  /** Seconds. */
  duration: number;
  /** Keep-alive sockets at most; a request due while all are busy waits (and that wait counts). */
  connections: number;
  /** Sent in turn (request i is requests[i % length]). */
  requests: RateRequest[];
  /** A request not answered within this many ms counts as a timeout (10,000). */
  timeoutMs?: number;
}

/** Latencies in ms, measured from each request's intended send time. */
export interface RateResult {
  requests: { total: number; average: number };
  latency: { p50: number; p90: number; p99: number; max: number };
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** How late the generator itself sent requests, in ms (its own share of any latency). */
  sendLag: { p99: number; max: number };
  /** From the actual send instead (as a closed-loop tool measures): the server's share. */
  served: { p50: number; p99: number };
  /** CPU the generator spent per request, µs. */
  generatorUs: number;
}

/** The q-th quantile of ascending values (nearest rank), 0 when empty. */
function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

const round2 = (ms: number) => Math.round(ms * 100) / 100;

/** The child: runs the schedule and answers with the figures. */
function run(opts: RateOptions): Promise<RateResult> {
  const total = Math.max(1, Math.round(opts.rate * opts.duration));
  const interval = 1000 / opts.rate;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const agent = new Agent({ keepAlive: true, maxSockets: opts.connections });
  const target = new URL(opts.url);
  const latencies = new Float64Array(total);
  const lags = new Float64Array(total);
  const served = new Float64Array(total);
  const counts = { ok: 0, non2xx: 0, errors: 0, timeouts: 0, done: 0, measured: 0 };
  const cpu0 = process.cpuUsage();
  const start = performance.now() + 20;
  let sent = 0;

  return new Promise((resolve) => {
    const finish = () => {
      counts.done += 1;
      if (counts.done < total) return;
      agent.destroy();
      const cpu = process.cpuUsage(cpu0);
      const lat = latencies.subarray(0, counts.measured).sort();
      const lag = lags.sort();
      const srv = served.subarray(0, counts.measured).sort();
      resolve({
        requests: { total, average: total / ((performance.now() - start) / 1000) },
        latency: {
          p50: round2(quantile(lat, 0.5)),
          p90: round2(quantile(lat, 0.9)),
          p99: round2(quantile(lat, 0.99)),
          max: round2(lat.length ? lat[lat.length - 1] : 0),
        },
        '2xx': counts.ok,
        non2xx: counts.non2xx,
        errors: counts.errors,
        timeouts: counts.timeouts,
        sendLag: { p99: round2(quantile(lag, 0.99)), max: round2(lag[lag.length - 1]) },
        served: { p50: round2(quantile(srv, 0.5)), p99: round2(quantile(srv, 0.99)) },
        generatorUs: (cpu.user + cpu.system) / total,
      });
    };
    const fire = (i: number) => {
      const intended = start + i * interval;
      const sentAt = performance.now();
      lags[i] = sentAt - intended;
      const r = opts.requests[i % opts.requests.length];
      let settled = false;
      const settle = (outcome: 'ok' | 'non2xx' | 'errors' | 'timeouts') => {
        if (settled) return;
        settled = true;
        if (outcome === 'ok' || outcome === 'non2xx') {
          const end = performance.now();
          latencies[counts.measured] = end - intended;
          served[counts.measured] = end - sentAt;
          counts.measured += 1;
        }
        counts[outcome === 'ok' ? 'ok' : outcome] += 1;
        finish();
      };
      const req = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          method: r.method,
          path: r.path,
          headers: {
            ...r.headers,
            ...(r.body ? { 'content-length': Buffer.byteLength(r.body) } : {}),
          },
          timeout: timeoutMs,
        },
        (res) => {
          res.on('data', () => undefined);
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            settle(status >= 200 && status < 300 ? 'ok' : 'non2xx');
          });
          res.on('error', () => settle('errors'));
        },
      );
      req.on('timeout', () => {
        settle('timeouts');
        req.destroy();
      });
      req.on('error', () => settle('errors'));
      req.end(r.body);
    };
    const tick = () => {
      const now = performance.now();
      // Catch up on every request already due: a late timer never thins the schedule.
      while (sent < total && start + sent * interval <= now) fire(sent++);
      if (sent < total) setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
    };
    setTimeout(tick, Math.max(0, start - performance.now()));
  });
}

/** Drives `opts` from a child process of its own; resolves with its figures. */
export function rateLoad(opts: RateOptions): Promise<RateResult> {
  const child = fork(__filename, [], {
    execArgv: __filename.endsWith('.ts') ? ['-r', 'ts-node/register/transpile-only'] : [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { result: RateResult }) => resolve(m.result));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the load generator exited with ${code}`));
    });
    child.send({ opts });
  });
}

if (require.main === module) {
  process.once('message', (m: { opts: RateOptions }) => {
    void run(m.opts).then((result) => process.send!({ result }, () => process.exit(0)));
  });
}
