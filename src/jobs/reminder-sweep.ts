import { Injectable } from '@nestjs/common';
import { JobHandlers } from './job-handlers';
import { JobName } from './job-registry';
import { PeriodicJob, TaskList } from './periodic-tasks';
import { QueueService } from './queue.service';
import { REMINDER_SWEEP_EVERY_MS } from './reminder-plan';

/**
 * The deadline reminders, one sweep per kind of deadline (entries' closes and extensions, judging
 * rounds), registered by the feature that owns the deadline. Each sweep finds who is due now
 * (dueReminder) and not yet in its ledger, and writes the ledger row with the outbox rows: a
 * sweep that runs twice, or on two workers at once, reminds once.
 */
@Injectable()
export class ReminderSweeps extends TaskList {
  constructor() {
    super('ReminderSweeps');
  }
}

/** In the worker: runs the reminder sweeps every few minutes. */
@Injectable()
export class ReminderSweepJob extends PeriodicJob {
  constructor(handlers: JobHandlers, sweeps: ReminderSweeps, queues: QueueService) {
    super(handlers, sweeps, queues, JobName.ReminderSweep, 'reminders', REMINDER_SWEEP_EVERY_MS);
  }
}
