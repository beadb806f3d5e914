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
    h.register(JobName.DeadlineReminder, async () => undefined);
    h.register(JobName.RunJudgeAssignment, async () => undefined);
    h.register(JobName.JudgingReminder, async () => undefined);
    h.register(JobName.Maintenance, async () => undefined);
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

  it('checks deadline reminder payloads', async () => {
    const h = new JobHandlers();
    const seen: number[] = [];
    h.register(JobName.DeadlineReminder, async (p) => seen.push(p.hoursBefore));
    const competitionId = '3f1c2d9e-1111-4aaa-8bbb-123456789abc';
    const closesAt = '2027-03-01T00:00:00.000Z';
    await h.dispatch(job(JobName.DeadlineReminder, { competitionId, hoursBefore: 24, closesAt }));
    const submissionId = competitionId; // an extension's own deadline
    await h.dispatch(
      job(JobName.DeadlineReminder, { competitionId, submissionId, hoursBefore: 72, closesAt }),
    );
    expect(seen).toEqual([24, 72]);
    for (const bad of [
      { competitionId, hoursBefore: 12, closesAt },
      { competitionId, hoursBefore: 72, closesAt: 'tomorrow' },
      { competitionId: 'x', hoursBefore: 72, closesAt },
      { competitionId, hoursBefore: 72, closesAt, submissionId: 'not-a-uuid' },
    ]) {
      await expect(h.dispatch(job(JobName.DeadlineReminder, bad))).rejects.toThrow(
        /invalid payload/,
      );
    }
  });
});
