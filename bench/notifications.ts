/**
 * npm run bench:notifications — 10,000 notifications through the real pipeline: outbox rows (half
 * English, half Korean, email and in-app) → the relay → BullMQ → the production worker → a real
 * SMTP server started here. Prints the time from the first row to the last email accepted,
 * emails/s, the worker's peak RSS (VmHWM), duplicates and losses (by Message-ID), and the SQL
 * connections the worker held at most. Fails (exit 1) over 60 s, on any duplicate or loss.
 * Options: --count N (10,000), --no-build.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import {
  argv,
  benchStack,
  cpuSeconds,
  fmt,
  memoryMb,
  option,
  repoRoot as root,
  sleep,
  smtpSink,
  waitFor,
} from './lib/stack';
import { measuring, summarise } from './lib/summary';

const COUNT = Number(option('count') ?? 10_000);
const LIMIT_SECONDS = 60;

/** Accepts every message and counts it by Message-ID and by language (the subject's script). */
function countingSmtp() {
  const seen = new Map<string, number>();
  let korean = 0;
  const server = smtpSink((head) => {
    const id = head.match(/^Message-ID:\s*(\S+)/im)?.[1] ?? `missing-${seen.size}`;
    seen.set(id, (seen.get(id) ?? 0) + 1);
    // nodemailer encodes a non-ASCII subject (=?UTF-8?...?=); the English one is plain.
    if (/^Subject:\s*=\?UTF-8\?/im.test(head)) korean += 1;
  });
  return {
    server,
    unique: () => seen.size,
    total: () => [...seen.values()].reduce((a, b) => a + b, 0),
    korean: () => korean,
  };
}

async function main() {
  if (!argv.includes('--no-build')) {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  }
  const smtp = countingSmtp();
  const stack = await benchStack('notify', { smtp: smtp.server });
  const sql = stack.sql;
  let failed: boolean;
  try {
    // Recipients with an inbox: 1,000 people, ten notifications each.
    await sql.query(
      `INSERT INTO users (email, display_name, email_verified_at)
       SELECT 'reader-' || g || '@bench.test', 'Reader ' || g, now() FROM generate_series(1, 1000) g`,
    );
    const worker = stack.worker();
    const statuses = async () =>
      Object.fromEntries(
        (
          await sql.query<{ status: string; n: number }>(
            'SELECT status, count(*)::int AS n FROM outbox_messages GROUP BY status',
          )
        ).rows.map((r) => [r.status, r.n]),
      ) as Record<string, number>;
    const enqueue = (n: number, tag: string) =>
      sql.query(
        `INSERT INTO outbox_messages (type, recipient_user_id, recipient_email, locale, channels, payload)
         SELECT 'auth.password_reset', u.id, $2 || '-' || g || '@bench.test',
                CASE WHEN g % 2 = 0 THEN 'ko' ELSE 'en' END, '{email,in_app}',
                jsonb_build_object('displayName', 'Reader ' || g,
                                   'link', 'https://kenal.example/password-reset/' || md5(g::text),
                                   'expiresAt', '2030-01-01T00:00:00Z')
           FROM generate_series(1, $1) g
           JOIN users u ON u.email = 'reader-' || (1 + g % 1000) || '@bench.test'`,
        [n, tag],
      );
    // One message first: the worker is up and warm once it arrives.
    await enqueue(1, 'warm');
    await waitFor('the worker (first message)', async () => smtp.unique() === 1, 120);
    await sql.query('DELETE FROM outbox_messages');

    const connections = async () =>
      (
        await sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid()`,
        )
      ).rows[0].n;
    console.log(
      `delivering ${fmt(COUNT)} notifications (en + ko, email + in-app); load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    measuring();
    const before = { unique: smtp.unique(), total: smtp.total(), korean: smtp.korean() };
    const cpu0 = cpuSeconds(worker.pid as number);
    const t0 = Date.now();
    await enqueue(COUNT, 'reader');
    let maxConnections = 0;
    let lastPrint = t0;
    for (;;) {
      maxConnections = Math.max(maxConnections, await connections());
      const sent = smtp.unique() - before.unique;
      const s = await statuses();
      if (sent >= COUNT && (s.delivered ?? 0) >= COUNT) break;
      if (Date.now() - t0 > 3 * LIMIT_SECONDS * 1000) {
        console.log(`gave up after ${3 * LIMIT_SECONDS} s: ${JSON.stringify(s)}`);
        break;
      }
      if (Date.now() - lastPrint >= 5000) {
        lastPrint = Date.now();
        console.log(
          `  ${fmt((lastPrint - t0) / 1000, 0)} s: ${fmt(sent)} emails, rows ${JSON.stringify(s)}, worker RSS ${fmt(memoryMb(worker.pid as number).rss)} MB`,
        );
      }
      await sleep(100);
    }
    const seconds = (Date.now() - t0) / 1000;
    const workerCpu = cpuSeconds(worker.pid as number) - cpu0;
    await sleep(1000); // a repeat would arrive now
    const sent = smtp.unique() - before.unique;
    const duplicates = smtp.total() - before.total - sent;
    const korean = smtp.korean() - before.korean;
    const inbox = (await sql.query('SELECT count(*)::int AS n FROM inbox_entries')).rows[0].n;
    const memory = memoryMb(worker.pid as number);
    const lost = COUNT - sent;
    failed = seconds > LIMIT_SECONDS || duplicates > 0 || lost > 0;
    console.log(
      `\n${fmt(sent)} emails in ${fmt(seconds, 1)} s = ${fmt(sent / seconds)} emails/s ` +
        `(target: ${fmt(COUNT)} in under ${LIMIT_SECONDS} s)\n` +
        `  Korean ${fmt(korean)}, English ${fmt(sent - korean)}; in-app entries ${fmt(inbox - 1)}\n` +
        `  duplicates ${duplicates}, lost ${lost}; worker CPU ${fmt((workerCpu * 1e6) / Math.max(1, sent))} µs per email\n` +
        `  worker peak RSS ${fmt(memory.peak)} MB (now ${fmt(memory.rss)} MB); ` +
        `database connections at most ${maxConnections} (the worker's pool)\n` +
        `  load average after: ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}; ${failed ? 'MISSED' : 'ok'}`,
    );
    summarise(
      'notifications',
      `${fmt(sent)} emails in ${fmt(seconds, 1)} s = ${fmt(sent / seconds)}/s; duplicates ${duplicates}, ` +
        `lost ${lost}; worker peak RSS ${fmt(memory.peak)} MB; ${failed ? 'MISSED' : 'ok'}`,
      {
        emailsPerSecond: Math.round(sent / seconds),
        workerCpuUsPerEmail: Math.round((workerCpu * 1e6) / Math.max(1, sent)),
      },
    );
  } finally {
    await stack.close();
  }
  if (failed) process.exit(1);
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
