import { randomUUID } from 'node:crypto';
import { JobName } from '../src/jobs/job-registry';
import { QueueService } from '../src/jobs/queue.service';
import { OutboxService } from '../src/notifications/outbox.service';
import { auth, Harness } from './support/harness';
import { sleep, waitUntil } from './support/wait';

describe('notification pipeline (e2e: outbox → relay → BullMQ → worker → SMTP and inbox)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ env: { JOB_BACKOFF_SCALE: '0.02' } });
  });
  afterAll(() => h.stop());

  const enqueue = async (n: number, tag: string) => {
    const outbox = h.api.get(OutboxService);
    const user = await h.register();
    await h.db.transaction((m) =>
      outbox.enqueue(
        m,
        Array.from({ length: n }, (_, i) => ({
          type: 'auth.password_reset',
          recipient: {
            userId: user.id,
            email: `${tag}-${i}@kenal.test`,
            locale: i % 2 ? 'ko' : 'en',
          },
          payload: {
            displayName: `Person ${i}`,
            link: `http://kenal.test/r/${i}`,
            expiresAt: '2030-01-01T00:00:00Z',
          },
        })),
      ),
    );
    return user;
  };
  const statusCounts = async (): Promise<Record<string, number>> => {
    const rows: { status: string; n: number }[] = await h.db.query(
      'SELECT status, count(*)::int AS n FROM outbox_messages GROUP BY status',
    );
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  };

  it('a rolled-back change leaves no notification behind', async () => {
    const outbox = h.api.get(OutboxService);
    await expect(
      h.db.transaction(async (m) => {
        await outbox.enqueue(m, {
          type: 'auth.password_reset',
          recipient: { email: 'ghost@kenal.test' },
          payload: {},
        });
        throw new Error('the domain change failed');
      }),
    ).rejects.toThrow('the domain change failed');
    expect(await h.count('outbox_messages')).toBe(0);
  });

  it('survives a worker stopped while 200 notifications are pending: each delivered exactly once', async () => {
    const user = await enqueue(200, 'fault');
    expect((await statusCounts()).pending).toBe(200);

    await h.startWorker();
    await waitUntil('some deliveries', async () => h.smtp.messages.length >= 20);
    await h.stopWorker(); // graceful: the jobs in hand finish, the rest wait in Redis or the outbox
    const midway = h.smtp.messages.length;
    expect(midway).toBeLessThan(200);

    await h.startWorker();
    await waitUntil('all deliveries', async () => (await statusCounts()).delivered === 200);
    await sleep(300); // anything sent twice would arrive now
    const faultMessages = h.smtp.messages.filter((m) => m.to[0].startsWith('fault-'));
    expect(faultMessages).toHaveLength(200);
    expect(new Set(faultMessages.map((m) => m.to[0])).size).toBe(200);
    expect(new Set(faultMessages.map((m) => m.messageId)).size).toBe(200);

    // Korean recipients got the Korean template; the in-app inbox has one entry per message.
    expect(h.smtp.to('fault-1@kenal.test')[0].subject).toBe('Kenal 비밀번호 재설정');
    expect(h.smtp.to('fault-0@kenal.test')[0].subject).toBe('Reset your Kenal password');
    const inbox = await h
      .http()
      .get('/api/v1/me/notifications?pageSize=1')
      .set(auth(user.token))
      .expect(200);
    expect(inbox.body.total).toBe(200);
    expect(inbox.body.unread).toBe(200);
    await h.stopWorker();
  });

  it('hands a row stuck as queued to BullMQ again even when a finished job still holds its id', async () => {
    await h.db.query('DELETE FROM outbox_messages');
    await enqueue(1, 'stuck');
    const [{ id }]: { id: string }[] = await h.db.query('SELECT id FROM outbox_messages');
    // The row's first job ran and finished without delivering (say its worker lost the row), and
    // BullMQ keeps finished jobs for a day: a second add under the same id would be ignored.
    await h.db.query(
      "UPDATE outbox_messages SET status = 'queued', queued_at = now() - interval '11 minutes'",
    );
    await h.api
      .get(QueueService)
      .add(JobName.DeliverNotification, { outboxId: randomUUID() }, { jobId: id });
    await h.startWorker();
    await waitUntil('the stuck row delivered', async () => (await statusCounts()).delivered === 1);
    expect(h.smtp.to('stuck-0@kenal.test')).toHaveLength(1);
    await h.stopWorker();
  });

  it('retries a refused message with backoff and records the attempts', async () => {
    await h.db.query('DELETE FROM outbox_messages');
    h.smtp.failNext = 2;
    await enqueue(1, 'retry');
    await h.startWorker();
    await waitUntil('delivery after retries', async () => (await statusCounts()).delivered === 1);
    const [row] = await h.db.query(
      'SELECT attempts, last_error, email_sent_at FROM outbox_messages',
    );
    expect(row.attempts).toBe(3);
    expect(row.last_error).toBeNull();
    expect(row.email_sent_at).not.toBeNull();
    expect(h.smtp.to('retry-0@kenal.test')).toHaveLength(1);
    await h.stopWorker();
  });

  it('marks a message that keeps failing as failed, with its last error, and sends nothing', async () => {
    await h.db.query('DELETE FROM outbox_messages');
    h.smtp.failNext = 1000;
    await enqueue(1, 'doomed');
    await h.startWorker();
    await waitUntil('final failure', async () => (await statusCounts()).failed === 1);
    const [row] = await h.db.query('SELECT attempts, last_error FROM outbox_messages');
    expect(row.attempts).toBe(6);
    expect(row.last_error).toMatch(/Mailbox busy/);
    expect(h.smtp.to('doomed-0@kenal.test')).toHaveLength(0);
    h.smtp.failNext = 0;
    await h.stopWorker();
  });
});
