import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MaintenanceTasks } from '../src/jobs/maintenance';
import { competition, person, programme, waitUntil } from './support/competitions';
import { auth, Harness } from './support/harness';
import { tokenFrom } from './support/smtp';

describe('live tokens stay out of the outbox and the logs (e2e)', () => {
  let h: Harness;
  const dir = mkdtempSync(join(tmpdir(), 'kenal-logs-'));
  const logFile = join(dir, 'api.log');

  beforeAll(async () => {
    h = await Harness.start({ worker: true, env: { LOG_LEVEL: 'info', LOG_FILE: logFile } });
  });
  afterAll(async () => {
    await h?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const statuses = async () =>
    (await h.db.query(`SELECT status FROM outbox_messages`)) as { status: string }[];

  it('keeps no raw token in an outbox row once its message is sent, and the links still work', async () => {
    const admin = await h.adminToken();
    // A password reset, a staff invitation, a guardian's consent and a team invitation.
    const member = await h.register();
    await h.http().post('/api/v1/auth/password-reset').send({ email: member.email }).expect(202);
    const staffEmail = `staff-${randomUUID().slice(0, 8)}@kenal.test`;
    await h
      .http()
      .post('/api/v1/admin/users')
      .set(auth(admin))
      .send({ email: staffEmail, displayName: 'New Staff', roles: ['coordinator'] })
      .expect(201);
    const teen = await person(h, 'ID', { dateOfBirth: '2012-04-04' });
    const coordinator = await h.userWithRoles(['coordinator']);
    const programmeId = await programme(h, coordinator.token, 'tokens');
    const c = await competition(h, coordinator.token, programmeId);
    const leader = await person(h, 'KR');
    const invitee = await person(h, 'TH');
    const team = await h
      .http()
      .post(`/api/v1/competitions/${c.id}/teams`)
      .set(auth(leader.token))
      .send({ name: 'Token team' })
      .expect(201);
    await h
      .http()
      .post(`/api/v1/teams/${team.body.id}/invitations`)
      .set(auth(leader.token))
      .send({ email: invitee.email })
      .expect(201);

    const tokens = [
      tokenFrom((await h.smtp.waitForSubject(member.email, /reset/i)).text),
      tokenFrom((await h.smtp.waitFor(staffEmail)).text),
      tokenFrom((await h.smtp.waitFor(`guardian-${teen.id}@kenal.test`)).text),
      tokenFrom((await h.smtp.waitFor(invitee.email)).text),
    ];
    await waitUntil('every message delivered', async () =>
      (await statuses()).every((r) => r.status === 'delivered'),
    );
    const rows: { type: string; payload: string }[] = await h.db.query(
      `SELECT type, payload::text AS payload FROM outbox_messages`,
    );
    for (const token of tokens) {
      expect(rows.filter((r) => r.payload.includes(token)).map((r) => r.type)).toEqual([]);
    }
    const links: { link: string }[] = await h.db.query(
      `SELECT payload->>'link' AS link FROM outbox_messages
        WHERE type IN ('auth.password_reset', 'staff.invited', 'team.invitation')
           OR (type = 'guardian.consent_requested' AND 'email' = ANY(channels))`,
    );
    expect(links.map((l) => l.link.replace('http://kenal.test', '')).sort()).toEqual([
      '/consent/***?lang=en',
      '/invitations/***',
      '/reset-password/***',
      '/staff-invitations/***',
    ]);

    // The emailed links are untouched.
    await h
      .http()
      .post(`/api/v1/team-invitations/${tokens[3]}/accept`)
      .set(auth(invitee.token))
      .expect(200);
    await h.http().post(`/api/v1/guardian-consents/${tokens[2]}/confirm`).expect(200);
  });

  it('masks the token of a link in the request log (path and query string)', async () => {
    const token = 'Abc123_-Abc123_-Abc123_-Abc123_-Abc123_-xyz'; // shaped like ours, 43 characters
    const short = 'shortsecret';
    const requests: [string, string, string][] = [
      ['get', `/api/v1/guardian-consents/${token}`, '/api/v1/guardian-consents/***'],
      [
        'post',
        `/api/v1/guardian-consents/${short}/confirm`,
        '/api/v1/guardian-consents/***/confirm',
      ],
      ['get', `/api/v1/auth/password-reset/${token}`, '/api/v1/auth/password-reset/***'],
      ['post', `/api/v1/team-invitations/${short}/accept`, '/api/v1/team-invitations/***/accept'],
      ['get', `/api/v1/auth/verify-email/${token}`, '/api/v1/auth/verify-email/***'],
      [
        'get',
        `/api/v1/competitions?token=${short}&page=1`,
        '/api/v1/competitions?token=***&page=1',
      ],
    ];
    const ids: string[] = [];
    for (const [method, url] of requests) {
      const id = randomUUID();
      ids.push(id);
      const http = h.http();
      await (method === 'get' ? http.get(url) : http.post(url)).set('x-request-id', id);
    }
    const lines = () =>
      readFileSync(logFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { req?: { id?: string; url?: string } });
    await waitUntil('the request log', async () =>
      ids.every((id) => lines().some((l) => l.req?.id === id)),
    );
    const text = readFileSync(logFile, 'utf8');
    expect(text).not.toContain(token);
    expect(text).not.toContain(short);
    const urls = ids.map((id) => lines().find((l) => l.req?.id === id)?.req?.url);
    expect(urls).toEqual(requests.map(([, , masked]) => masked));
    // Nor do the emails of the first test leave a token in the log.
    expect(text).not.toMatch(
      /\/(password-reset|guardian-consents|team-invitations)\/[A-Za-z0-9_-]{43}/,
    );
  });

  it('deletes delivered rows after their retention and keeps the others', async () => {
    await h.db.query('DELETE FROM outbox_messages');
    const rows: [string, string, string | null][] = [
      ['delivered long ago', 'delivered', "now() - interval '31 days'"],
      ['delivered lately', 'delivered', "now() - interval '29 days'"],
      ['failed long ago', 'failed', null],
      ['queued long ago', 'queued', null],
    ];
    for (const [name, status, deliveredAt] of rows) {
      await h.db.query(
        `INSERT INTO outbox_messages (type, recipient_email, channels, payload, status, created_at, queued_at, delivered_at)
         VALUES ('auth.password_reset', 'old@kenal.test', '{email}', $1, $2, now() - interval '40 days', now(), ${deliveredAt ?? 'NULL'})`,
        [{ displayName: name }, status],
      );
    }
    const result = await h.worker!.get(MaintenanceTasks).runAll();
    expect(result['outbox retention']).toEqual({ deleted: 1 });
    const left: { name: string }[] = await h.db.query(
      `SELECT payload->>'displayName' AS name FROM outbox_messages ORDER BY 1`,
    );
    expect(left.map((l) => l.name)).toEqual([
      'delivered lately',
      'failed long ago',
      'queued long ago',
    ]);
  });
});
