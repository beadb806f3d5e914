import { competition, inDays, programme } from './support/competitions';
import { auth, Harness } from './support/harness';
import { closedPenpalRound } from './support/penpal';
import { createRound } from './support/judging';
import { OwnRedis } from './support/own-redis';
import { sleep, waitUntil } from './support/wait';

/** What "answers fast" means here: a request that waits on a dead Redis never comes back. */
const BOUND_MS = 2000;

describe('a Redis outage (e2e: the test kills its own redis-server mid-test)', () => {
  let redis: OwnRedis;
  let h: Harness;

  beforeAll(async () => {
    redis = await OwnRedis.start();
    h = await Harness.start({
      worker: true,
      env: { REDIS_URL: redis.url, AUTH_RATE_LIMIT: '5' },
    });
  });
  afterAll(async () => {
    await redis?.up(); // the harness empties its queues in Redis before it stops
    await h?.stop();
    await redis?.down();
  }, 60_000);

  it('bounds every PostgreSQL statement and idle transaction of the API', async () => {
    const [{ statement_timeout }] = await h.db.query('SHOW statement_timeout');
    const [{ idle_in_transaction_session_timeout: idle }] = await h.db.query(
      'SHOW idle_in_transaction_session_timeout',
    );
    expect([statement_timeout, idle]).toEqual(['15s', '10s']);
  });

  it('keeps reads and login up, refuses queue work with 503 and changes nothing, then catches up', async () => {
    const coordinator = await h.userWithRoles(['coordinator']);
    const member = await h.register();
    const programmeId = await programme(h, coordinator.token, 'outage');
    const roundId = await closedPenpalRound(h, coordinator.token, programmeId);
    const c = await competition(h, coordinator.token, programmeId);
    const judging = await createRound(h, coordinator.token, c.id);
    const startRun = () =>
      h
        .http()
        .post(`/api/v1/penpal-rounds/${roundId}/matching-runs`)
        .set(auth(coordinator.token))
        .send({ seed: 3 })
        .timeout(BOUND_MS);

    await redis.down();

    const health = await h.http().get('/api/v1/health').timeout(BOUND_MS);
    expect([health.status, health.body.checks]).toEqual([503, { database: 'up', redis: 'down' }]);
    await h.http().get('/api/v1/me').set(auth(member.token)).timeout(BOUND_MS).expect(200);
    await h.http().get(`/api/v1/competitions/${c.id}`).timeout(BOUND_MS).expect(200);

    // Work that needs a queue: 503, fast, and nothing written.
    const refused = await startRun();
    expect([refused.status, refused.body.code]).toEqual([503, 'DEPENDENCY_UNAVAILABLE']);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    const assignment = await h
      .http()
      .post(`/api/v1/judging-rounds/${judging.id}/assignments`)
      .set(auth(coordinator.token))
      .timeout(BOUND_MS);
    expect([assignment.status, assignment.body.code]).toEqual([503, 'DEPENDENCY_UNAVAILABLE']);
    // Ten at once hold no connection: plain reads still answer afterwards.
    const many = await Promise.all(Array.from({ length: 10 }, startRun));
    expect(many.map((r) => r.status)).toEqual(Array(10).fill(503));
    await h.http().get('/api/v1/me').set(auth(member.token)).timeout(BOUND_MS).expect(200);
    expect(await h.count('matching_runs')).toBe(0);
    expect(await h.count('judge_assignment_runs')).toBe(0);
    const audits = await h.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action IN ('matching_run.started', 'judging_round.assignment_started')`,
    );
    expect(audits).toEqual([{ n: 0 }]);

    // Moving a deadline needs no queue: the reminder sweep reads deadlines from the database.
    await h
      .http()
      .patch(`/api/v1/competitions/${c.id}`)
      .set(auth(coordinator.token))
      .send({ submissionClosesAt: inDays(40) })
      .timeout(BOUND_MS)
      .expect(200);

    // Login works: the rate limiter counts in the process while Redis is away, and still bites.
    const login = (password: string) =>
      h.http().post('/api/v1/auth/login').send({ email: member.email, password }).timeout(BOUND_MS);
    await login(member.password).expect(200);
    const attempts = [];
    for (let i = 0; i < 5; i += 1) attempts.push((await login('wrong-password-1')).status);
    expect(attempts).toEqual([401, 401, 401, 401, 429]);
    // A notification goes through the outbox: accepted now, sent once Redis is back.
    await h
      .http()
      .post('/api/v1/auth/password-reset')
      .send({ email: member.email })
      .timeout(BOUND_MS)
      .expect(202);
    // The relay keeps no transaction open while it cannot reach Redis.
    await sleep(1500);
    const stuck = await h.db.query(
      `SELECT query FROM pg_stat_activity
        WHERE datname = current_database() AND state LIKE 'idle in transaction%'
          AND state_change < now() - interval '1 second'`,
    );
    expect(stuck).toEqual([]);

    await redis.up();
    await waitUntil(
      'health to recover',
      async () => (await h.http().get('/api/v1/health')).status === 200,
      30000,
    );
    const mail = await h.smtp.waitForSubject(member.email, /reset/i, 30000);
    expect(mail.text).toContain('/reset-password/');
    const started = await startRun().expect(202);
    await waitUntil(
      'the matching run',
      async () => {
        const run = await h
          .http()
          .get(`/api/v1/matching-runs/${started.body.id}`)
          .set(auth(coordinator.token));
        return run.body.status === 'succeeded';
      },
      30000,
    );
  }, 120_000);
});
