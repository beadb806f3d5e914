import { randomUUID } from 'node:crypto';
import { auth, Harness } from './support/harness';
import { tokenFrom } from './support/smtp';
import { waitUntil } from './support/wait';

describe('admin console (e2e: staff invitations, resend, audit filters, notification pipeline)', () => {
  let h: Harness;
  let admin: string;

  beforeAll(async () => {
    h = await Harness.start({ worker: true });
    admin = await h.adminToken();
  });
  afterAll(() => h.stop());

  const createStaff = async (roles = ['coordinator']) => {
    const email = `staff-${randomUUID().slice(0, 8)}@kenal.test`;
    const res = await h
      .http()
      .post('/api/v1/admin/users')
      .set(auth(admin))
      .send({ email, displayName: 'Sam Staff', roles })
      .expect(201);
    return { email, id: res.body.id as string };
  };

  it('a new staff member sees who invited them, chooses a password and is signed in', async () => {
    const staff = await createStaff(['coordinator', 'judge']);
    const mail = await h.smtp.waitFor(staff.email);
    expect(mail.text).toMatch(/http:\/\/kenal\.test\/staff-invitations\/[A-Za-z0-9_-]{43}\b/);
    const token = tokenFrom(mail.text);

    const preview = await h.http().get(`/api/v1/staff-invitations/${token}`).expect(200);
    expect(preview.body).toMatchObject({
      kind: 'new_account',
      roles: ['coordinator', 'judge'],
      status: 'pending',
      email: staff.email,
      displayName: 'Sam Staff',
      invitedBy: 'Administrator',
    });

    // No password: 400 naming the field, nothing used up.
    const missing = await h.http().post(`/api/v1/staff-invitations/${token}/accept`).send({});
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].path).toBe('password');
    const short = await h
      .http()
      .post(`/api/v1/staff-invitations/${token}/accept`)
      .send({ password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.code).toBe('VALIDATION_FAILED');

    const accepted = await h
      .http()
      .post(`/api/v1/staff-invitations/${token}/accept`)
      .send({ password: 'a-good-long-password' })
      .expect(200);
    expect(accepted.body.user).toMatchObject({ email: staff.email, emailVerified: true });
    const me = await h.http().get('/api/v1/me').set(auth(accepted.body.accessToken)).expect(200);
    expect(me.body.roles ?? me.body.user?.roles).toEqual(
      expect.arrayContaining(['coordinator', 'judge']),
    );

    const used = await h.http().get(`/api/v1/staff-invitations/${token}`).expect(200);
    expect(used.body.status).toBe('used');
    const again = await h
      .http()
      .post(`/api/v1/staff-invitations/${token}/accept`)
      .send({ password: 'another-long-password' });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('TOKEN_INVALID');
    await h.login(staff.email, 'a-good-long-password');

    // A password-reset link does not pass for an invitation.
    await h.http().post('/api/v1/auth/password-reset').send({ email: staff.email }).expect(202);
    const reset = tokenFrom((await h.smtp.waitForSubject(staff.email, /reset/i)).text);
    await h.http().get(`/api/v1/staff-invitations/${reset}`).expect(404);
    const viaInvite = await h
      .http()
      .post(`/api/v1/staff-invitations/${reset}/accept`)
      .send({ password: 'a-third-long-password' });
    expect(viaInvite.status).toBe(401);
    await h.login(staff.email, 'a-good-long-password');
  });

  it('lists an open invitation, resends it with a new link (the old one stops), then refuses', async () => {
    const staff = await createStaff();
    const first = tokenFrom((await h.smtp.waitFor(staff.email)).text);
    const list = await h
      .http()
      .get(`/api/v1/admin/users?email=${encodeURIComponent(staff.email)}`)
      .set(auth(admin))
      .expect(200);
    expect(list.body.items[0]).toMatchObject({
      id: staff.id,
      roles: ['coordinator'],
      invitation: { status: 'pending' },
    });

    const resent = await h
      .http()
      .post(`/api/v1/admin/users/${staff.id}/invitation`)
      .set(auth(admin))
      .expect(200);
    expect(resent.body).toMatchObject({ status: 'invited', userId: staff.id });
    const second = tokenFrom((await h.smtp.waitFor(staff.email, 2)).text);
    expect(second).not.toBe(first);
    const old = await h
      .http()
      .post(`/api/v1/staff-invitations/${first}/accept`)
      .send({ password: 'a-good-long-password' });
    expect(old.body.code).toBe('TOKEN_INVALID');
    await h
      .http()
      .post(`/api/v1/staff-invitations/${second}/accept`)
      .send({ password: 'a-good-long-password' })
      .expect(200);

    const after = await h
      .http()
      .get(`/api/v1/admin/users?email=${encodeURIComponent(staff.email)}`)
      .set(auth(admin))
      .expect(200);
    expect(after.body.items[0].invitation).toBeNull();
    const staffOnly = await h
      .http()
      .get('/api/v1/admin/users?staff=true&pageSize=100')
      .set(auth(admin))
      .expect(200);
    expect(staffOnly.body.items.map((u: { id: string }) => u.id)).toContain(staff.id);
    expect(
      staffOnly.body.items.every((u: { roles: string[] }) =>
        u.roles.some((r) => ['judge', 'coordinator', 'admin'].includes(r)),
      ),
    ).toBe(true);
    const none = await h.http().post(`/api/v1/admin/users/${staff.id}/invitation`).set(auth(admin));
    expect(none.status).toBe(409);
    expect(none.body.code).toBe('NO_OPEN_INVITATION');
    await h
      .http()
      .post(`/api/v1/admin/users/${randomUUID()}/invitation`)
      .set(auth(admin))
      .expect(404);

    const audit = await h
      .http()
      .get(`/api/v1/admin/audit-events?action=user.invitation_resent&targetId=${staff.id}`)
      .set(auth(admin))
      .expect(200);
    expect(audit.body.total).toBe(1);
  });

  it('limits resending one account to 5 a day (429, no more email)', async () => {
    const staff = await createStaff();
    await h.smtp.waitFor(staff.email);
    for (let i = 0; i < 5; i += 1) {
      await h
        .http()
        .post(`/api/v1/admin/users/${staff.id}/invitation`)
        .set(auth(admin))
        .expect(200);
    }
    const limited = await h
      .http()
      .post(`/api/v1/admin/users/${staff.id}/invitation`)
      .set(auth(admin));
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    await h.smtp.waitFor(staff.email, 6);
    const rows: { n: number }[] = await h.db.query(
      `SELECT count(*)::int AS n FROM outbox_messages WHERE recipient_user_id = $1`,
      [staff.id],
    );
    expect(rows[0].n).toBe(6);
  });

  it('filters the audit log by action prefix, actor, target and time, naming the actor', async () => {
    const staff = await createStaff(['judge']);
    const byTarget = await h
      .http()
      .get(`/api/v1/admin/audit-events?targetType=user&targetId=${staff.id}`)
      .set(auth(admin))
      .expect(200);
    expect(byTarget.body.items).toEqual([
      expect.objectContaining({
        action: 'user.created',
        actorName: 'Administrator',
        actorEmail: 'admin@kenal.test',
      }),
    ]);
    const prefix = await h
      .http()
      .get(`/api/v1/admin/audit-events?action=user&actorEmail=ADMIN@kenal&pageSize=100`)
      .set(auth(admin))
      .expect(200);
    expect(prefix.body.items.length).toBeGreaterThan(0);
    expect(prefix.body.items.every((e: { action: string }) => e.action.startsWith('user.'))).toBe(
      true,
    );
    const future = new Date(Date.now() + 3600_000).toISOString();
    const none = await h
      .http()
      .get(`/api/v1/admin/audit-events?from=${encodeURIComponent(future)}`)
      .set(auth(admin))
      .expect(200);
    expect(none.body).toMatchObject({ items: [], total: 0 });
    const past = await h
      .http()
      .get(
        `/api/v1/admin/audit-events?targetId=${staff.id}&to=${encodeURIComponent(new Date(Date.now() - 3600_000).toISOString())}`,
      )
      .set(auth(admin))
      .expect(200);
    expect(past.body.total).toBe(0);
    const bad = await h.http().get('/api/v1/admin/audit-events?from=yesterday').set(auth(admin));
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('shows the pipeline by status and sends a failed message again (not one with a forgotten link)', async () => {
    const person = await h.register();
    const [failed] = (await h.db.query(
      `INSERT INTO outbox_messages (type, recipient_user_id, recipient_email, locale, channels, payload, status, attempts, last_error)
       VALUES ('penpal.unmatched', $1, $2, 'en', '{email}', '{"displayName": "Pat", "roundName": "Spring"}', 'failed', 6, 'connect ECONNREFUSED 127.0.0.1:2525')
       RETURNING id`,
      [person.id, person.email],
    )) as { id: string }[];
    const [forgotten] = (await h.db.query(
      `INSERT INTO outbox_messages (type, recipient_email, channels, payload, status, attempts, last_error)
       VALUES ('auth.password_reset', $1, '{email}', '{"displayName": "Pat", "link": "http://kenal.test/reset-password/***", "expiresAt": "2026-01-01T00:00:00Z"}', 'failed', 6, 'timeout')
       RETURNING id`,
      [person.email],
    )) as { id: string }[];

    const page = await h
      .http()
      .get('/api/v1/admin/notifications?status=failed&pageSize=100')
      .set(auth(admin))
      .expect(200);
    expect(page.body.counts.failed).toBeGreaterThanOrEqual(2);
    const shown = page.body.items.find((m: { id: string }) => m.id === failed.id);
    expect(shown).toMatchObject({
      status: 'failed',
      attempts: 6,
      lastError: 'connect ECONNREFUSED 127.0.0.1:2525',
      recipientEmail: person.email,
      linkForgotten: false,
    });
    expect(shown.payload).toBeUndefined();
    expect(page.body.items.find((m: { id: string }) => m.id === forgotten.id).linkForgotten).toBe(
      true,
    );

    const dead = await h
      .http()
      .post(`/api/v1/admin/notifications/${forgotten.id}/retry`)
      .set(auth(admin));
    expect(dead.status).toBe(409);
    expect(dead.body.code).toBe('LINK_FORGOTTEN');

    await h
      .http()
      .post(`/api/v1/admin/notifications/${failed.id}/retry`)
      .set(auth(admin))
      .expect(200, { id: failed.id, status: 'pending' });
    await h.smtp.waitFor(person.email);
    await waitUntil('the retried message delivered', async () => {
      const [row] = (await h.db.query(`SELECT status FROM outbox_messages WHERE id = $1`, [
        failed.id,
      ])) as { status: string }[];
      return row.status === 'delivered';
    });
    const twice = await h
      .http()
      .post(`/api/v1/admin/notifications/${failed.id}/retry`)
      .set(auth(admin));
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('NOT_FAILED');
    await h
      .http()
      .post(`/api/v1/admin/notifications/${randomUUID()}/retry`)
      .set(auth(admin))
      .expect(404);
    const audit = await h
      .http()
      .get(`/api/v1/admin/audit-events?action=notification.retried&targetId=${failed.id}`)
      .set(auth(admin))
      .expect(200);
    expect(audit.body.total).toBe(1);
  });

  it('refuses every admin route to every other role (403) and to nobody (401)', async () => {
    const target = await createStaff();
    const routes: [string, string][] = [
      ['get', '/api/v1/admin/users'],
      ['post', `/api/v1/admin/users/${target.id}/invitation`],
      ['get', '/api/v1/admin/audit-events'],
      ['get', '/api/v1/admin/notifications'],
      ['post', `/api/v1/admin/notifications/${randomUUID()}/retry`],
    ];
    for (const roles of [['applicant'], ['judge'], ['coordinator'], ['coordinator', 'judge']]) {
      const user = await h.userWithRoles(roles);
      for (const [method, path] of routes) {
        // A GET goes without a body (Prism's proxy answers 501 to a GET that carries one).
        const res = await (method === 'get'
          ? h.http().get(path).set(auth(user.token))
          : h.http().post(path).set(auth(user.token)).send({}));
        expect([roles.join('+'), path, res.status]).toEqual([roles.join('+'), path, 403]);
      }
    }
    for (const [method, path] of routes) {
      const res = await (method === 'get' ? h.http().get(path) : h.http().post(path).send({}));
      expect(res.status).toBe(401);
    }
    // Nothing was resent by the refused calls.
    const rows: { n: number }[] = await h.db.query(
      `SELECT count(*)::int AS n FROM outbox_messages WHERE recipient_user_id = $1`,
      [target.id],
    );
    expect(rows[0].n).toBe(1);
  });
});
