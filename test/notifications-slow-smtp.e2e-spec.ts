import { OutboxService } from '../src/notifications/outbox.service';
import { Harness } from './support/harness';
import { sleep, waitUntil } from './support/wait';

/** The SMTP send runs outside any transaction: claim the row, commit, send, mark it sent. */
describe('notification delivery with a slow SMTP server (e2e)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(() => h.stop());

  const enqueue = (email: string, locale = 'en') =>
    h.db.transaction((m) =>
      h.api.get(OutboxService).enqueue(m, {
        type: 'auth.password_reset',
        recipient: { email, locale },
        payload: {
          displayName: 'Slow',
          link: 'http://kenal.test/r/slow',
          expiresAt: '2030-01-01T00:00:00Z',
        },
      }),
    );
  const row = async (email: string) =>
    (
      await h.db.query(
        `SELECT id, status, claimed_until, email_sent_at FROM outbox_messages WHERE recipient_email = $1`,
        [email],
      )
    )[0] as { id: string; status: string; claimed_until: Date | null; email_sent_at: Date | null };

  it('a send that hangs holds no row lock and no transaction; other deliveries go on', async () => {
    h.smtp.hold.add('slow@kenal.test');
    await enqueue('slow@kenal.test');
    await h.startWorker();
    await waitUntil('the slow send to hang', async () => h.smtp.held === 1);
    const slow = await row('slow@kenal.test');
    expect(slow.status).not.toBe('delivered');
    expect(slow.claimed_until).not.toBeNull();

    // Nobody holds the row: it can be locked at once (NOWAIT fails on a held lock).
    await h.db.transaction(async (m) => {
      const locked = await m.query(
        'SELECT id FROM outbox_messages WHERE id = $1 FOR UPDATE NOWAIT',
        [slow.id],
      );
      expect(locked).toHaveLength(1);
    });
    // No connection of the worker sits in a transaction while the send hangs.
    const inTransaction: unknown[] = await h.db.query(
      `SELECT pid FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()
          AND state LIKE 'idle in transaction%'`,
    );
    expect(inTransaction).toHaveLength(0);

    // Another message goes out meanwhile.
    await enqueue('fast@kenal.test', 'ko');
    await h.smtp.waitFor('fast@kenal.test');
    await waitUntil('the fast one marked sent', async () => {
      return (await row('fast@kenal.test')).status === 'delivered';
    });
    expect(h.smtp.held).toBe(1);

    // Once the server answers, the slow one is marked sent, once.
    h.smtp.release();
    await waitUntil('the slow one marked sent', async () => {
      return (await row('slow@kenal.test')).status === 'delivered';
    });
    const done = await row('slow@kenal.test');
    expect(done.claimed_until).toBeNull();
    expect(done.email_sent_at).not.toBeNull();
    await sleep(300); // a repeat would arrive now
    expect(h.smtp.to('slow@kenal.test')).toHaveLength(1);
    expect(h.smtp.to('fast@kenal.test')).toHaveLength(1);
    await h.stopWorker();
  });

  it('a row claimed by a delivery that died is taken over once its claim ends', async () => {
    await enqueue('orphan@kenal.test');
    const { id } = await row('orphan@kenal.test');
    // As a crashed delivery leaves it: claimed, not sent, the claim about to end.
    await h.db.query(
      `UPDATE outbox_messages SET claimed_until = now() + interval '1 second' WHERE id = $1`,
      [id],
    );
    await h.startWorker();
    await h.smtp.waitFor('orphan@kenal.test');
    await waitUntil('the orphan marked sent', async () => {
      return (await row('orphan@kenal.test')).status === 'delivered';
    });
    expect(h.smtp.to('orphan@kenal.test')).toHaveLength(1);
    await h.stopWorker();
  });
});
