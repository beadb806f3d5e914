import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobHandlers } from '../jobs/job-handlers';
import { JobName, JobPayloads } from '../jobs/job-registry';
import { JudgingRound } from './judging-round.entity';
import { roundState } from './judging-access';
import { JudgeReminderSender } from './reminder-sender';

/** The worker side of the judges' reminders (their hours: JUDGE_REMINDERS). */
@Injectable()
export class JudgingReminderHandler implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly handlers: JobHandlers,
    private readonly sender: JudgeReminderSender,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.JudgingReminder, (p) => this.run(p));
  }

  async run(p: JobPayloads[JobName.JudgingReminder]): Promise<void> {
    await this.db.transaction(async (m) => {
      const round = await m.findOneBy(JudgingRound, { id: p.roundId });
      // A moved close has its own jobs; a round not open has no one to remind.
      if (!round || round.closesAt.getTime() !== Date.parse(p.closesAt)) return;
      if (roundState(round) !== 'open') return;
      await this.sender.send(m, round, { hoursBefore: p.hoursBefore, closesAt: round.closesAt });
    });
  }
}
