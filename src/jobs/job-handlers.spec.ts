import type { Job } from 'bullmq';
import { JobHandlers } from './job-handlers';
import { JobName } from './job-registry';

const job = (name: string, data: unknown) => ({ name, data, id: '1' }) as unknown as Job;

describe('JobHandlers', () => {
  it('refuses to start while a job name has no handler', () => {
    expect(() => new JobHandlers().assertComplete()).toThrow(
      /No handler for job\(s\): notification.deliver/,
    );
  });

  it('refuses a second handler for one job', () => {
    const h = new JobHandlers();
    h.register(JobName.DeliverNotification, async () => undefined);
    expect(() => h.register(JobName.DeliverNotification, async () => undefined)).toThrow(
      /two handlers/,
    );
  });

  it('dispatches a valid payload and rejects an invalid one', async () => {
    const h = new JobHandlers();
    const seen: string[] = [];
    h.register(JobName.DeliverNotification, async (p) => seen.push(p.outboxId));
    h.register(JobName.RunPenpalMatching, async () => undefined);
    h.register(JobName.RunJudgeAssignment, async () => undefined);
    h.register(JobName.Maintenance, async () => undefined);
    h.register(JobName.ReminderSweep, async () => undefined);
    h.register(JobName.DeliverLetter, async () => undefined);
    h.register(JobName.RunMentoringMatching, async () => undefined);
    h.assertComplete();
    const id = '3f1c2d9e-1111-4aaa-8bbb-123456789abc';
    await h.dispatch(job(JobName.DeliverNotification, { outboxId: id }));
    expect(seen).toEqual([id]);
    await expect(h.dispatch(job(JobName.DeliverNotification, { outboxId: 42 }))).rejects.toThrow(
      /invalid payload/,
    );
    await expect(h.dispatch(job('other', {}))).rejects.toThrow(/No handler/);
  });

  it('takes periodic jobs with an empty payload only', async () => {
    const h = new JobHandlers();
    let runs = 0;
    h.register(JobName.ReminderSweep, async () => (runs += 1));
    await h.dispatch(job(JobName.ReminderSweep, {}));
    expect(runs).toBe(1);
    for (const bad of [null, [], { roundId: 'x' }]) {
      await expect(h.dispatch(job(JobName.ReminderSweep, bad))).rejects.toThrow(/invalid payload/);
    }
  });
});
