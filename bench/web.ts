/// <reference lib="dom" />
/**
 * npm run bench:web — how soon a phone on a slow network can use the sign-in form.
 * Debian's Chromium through the DevTools protocol, with the DevTools "Slow 3G" profile (2,000 ms
 * latency, 400 kbit/s both ways) and a 4× slower CPU, against the built API serving the built web
 * app (its own database). Prints, from navigation start to the sign-in form usable (its submit
 * button rendered and enabled): the first visit (empty cache) and a repeat visit; and the
 * compressed JavaScript of the first page: the script files it downloaded plus the scripts inline
 * in index.html (their brotli size). Targets: < 5 s, < 1 s, < 100 kB. Also prints the first
 * visit's waterfall (when each file started and finished), to see where the time goes.
 * Options: --no-build (reuse dist/ and web/dist/), --runs N (3; the median is printed).
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { brotliCompressSync, constants } from 'node:zlib';
import { createServer } from 'node:net';
import { chromium, type Page } from '@playwright/test';
import { Client } from 'pg';

const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const freePort = () =>
  new Promise<number>((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });

async function admin(sql: string) {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  await c.query(sql);
  await c.end();
}

/** Milliseconds from navigation start until the sign-in button is on screen and enabled. */
const READY_PROBE = () => {
  const w = window as unknown as { __ready?: number };
  const check = () => {
    const b = document.querySelector('main form button[type=submit]') as HTMLButtonElement | null;
    if (b && !b.disabled && w.__ready === undefined) w.__ready = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
};

async function throttle(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 2000,
    downloadThroughput: (400 * 1000) / 8,
    uploadThroughput: (400 * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // Bytes as transferred: the total includes each response's headers, the body is the script.
  const scripts = new Map<string, { total: number; body: number }>();
  const responses = new Map<string, { type: string; headers: number }>();
  cdp.on('Network.responseReceived', (e) =>
    responses.set(e.requestId, { type: e.type, headers: e.response.encodedDataLength }),
  );
  cdp.on('Network.loadingFinished', (e) => {
    const r = responses.get(e.requestId);
    if (r?.type === 'Script') {
      scripts.set(e.requestId, {
        total: e.encodedDataLength,
        body: e.encodedDataLength - r.headers,
      });
    }
  });
  const sum = (key: 'total' | 'body') => [...scripts.values()].reduce((a, b) => a + b[key], 0);
  return {
    scriptBytes: () => ({ total: sum('total'), body: sum('body') }),
    reset: () => scripts.clear(),
  };
}

async function visit(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    () => (window as unknown as { __ready?: number }).__ready,
    null,
    {
      timeout: 120_000,
      polling: 100,
    },
  );
  return Number(await handle.jsonValue());
}

/** When each file of the page started and finished loading (ms from navigation start). */
const waterfall = (page: Page) =>
  page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const rows = [`page ${Math.round(nav.requestStart)}–${Math.round(nav.responseEnd)}`];
    for (const r of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
      const name = new URL(r.name).pathname.replace(/^\/assets\//, '');
      rows.push(`${name} ${Math.round(r.startTime)}–${Math.round(r.responseEnd)}`);
    }
    return rows;
  });

/** The brotli size of the scripts written inside index.html (they travel in the page itself). */
async function inlineScriptBytes(base: string): Promise<number> {
  const html = await (await fetch(`${base}/sign-in`)).text();
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1])
    .join('\n');
  return brotliCompressSync(inline, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
  }).length;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  if (!process.argv.includes('--no-build'))
    execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  const db = `kenal_bench_web_${randomBytes(4).toString('hex')}`;
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${db}`;
  await admin(`CREATE DATABASE "${db}"`);
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: dbUrl.toString(),
    PORT: String(port),
    LOG_LEVEL: 'warn',
    QUEUE_PREFIX: `kenal-bench-${randomBytes(4).toString('hex')}`,
  };
  execFileSync(process.execPath, ['dist/src/database/migrate.js', 'run'], { env, stdio: 'ignore' });
  const api = spawn(process.execPath, ['--max-semi-space-size=1', 'dist/src/main.js'], {
    env,
    stdio: 'inherit',
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-dev-shm-usage', '--no-sandbox'],
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 300; i += 1) {
      if (
        await fetch(`${base}/api/v1/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const first: number[] = [];
    const repeat: number[] = [];
    let jsBytes = { total: 0, body: 0 };
    let steps: string[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      await context.addInitScript(READY_PROBE);
      const page = await context.newPage();
      const net = await throttle(page);
      first.push(await visit(page, `${base}/sign-in`));
      jsBytes = net.scriptBytes();
      steps = await waterfall(page);
      // Let the service worker install and keep the page for next time, as a real visit would.
      await page.waitForFunction(
        async () => (await navigator.serviceWorker.ready) && !!(await caches.match('/index.html')),
        null,
        { timeout: 60_000, polling: 200 },
      );
      await page.goto('about:blank');
      repeat.push(await visit(page, `${base}/sign-in`));
      await context.close();
    }
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(
      `web app on Slow 3G (2,000 ms, 400 kbit/s) and 4× CPU slowdown, ${RUNS} runs (median):`,
    );
    console.log(
      `  first visit  → sign-in form usable: ${s(median(first))}  (runs: ${first.map(s).join(', ')}; target < 5 s)`,
    );
    console.log(
      `  repeat visit → sign-in form usable: ${s(median(repeat))}  (runs: ${repeat.map(s).join(', ')}; target < 1 s)`,
    );
    const inline = await inlineScriptBytes(base);
    const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;
    console.log(
      `  JavaScript of the first page, brotli: ${kB(jsBytes.body + inline)} (files ${kB(jsBytes.body)} + inline in index.html ${kB(inline)}; target < 100 kB); with the files' response headers ${kB(jsBytes.total + inline)}`,
    );
    console.log(`  first visit's waterfall (ms): ${steps.join(', ')}`);
  } finally {
    await browser.close();
    api.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
    await admin(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  }
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
