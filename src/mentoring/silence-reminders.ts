import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { CLOCK, type Clock } from '../common/clock';
import { projectEntries } from '../competitions/project-entry-rows';
import { AppConfig } from '../config/app-config';
import { mayParticipate } from '../identity/consent';
import { participantStates } from '../identity/participant-state-rows';
import { peopleOf } from '../identity/people-rows';
import { JobName } from '../jobs/job-registry';
import { MaintenanceTasks } from '../jobs/maintenance';
import { OutboxService, type NotificationRequest } from '../notifications/outbox.service';
import { MentoringRound } from './mentoring-round.entity';
import { SILENT_DAYS } from './mentorship-views';
import { Mentorship } from './mentorship.entity';
import { Transactions } from '../database/transactions';
import { markReminded, silentMentorships } from './mentoring.store';

/** Mentorships reminded per sweep: the next hour takes the rest. */
const SWEEP_LIMIT = 500;

/**
 * The hourly sweep (maintenance): a pair with no check-in for 30 days, in a round not over yet,
 * is reminded once (the mentor and each member); a check-in clears the mark, and 30 more silent
 * days remind them again. Claiming rows with SKIP LOCKED and marking them in the same
 * transaction as the outbox rows means two workers never remind a pair twice.
 * Also re-queues a run whose job could not be added after its row committed.
 */
@Injectable()
export class MentoringMaintenance {
  constructor(
    tasks: MaintenanceTasks,
    private readonly tx: Transactions,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    tasks.registerRequeue('queued mentoring runs', 'mentoring_runs', JobName.RunMentoringMatching);
    tasks.register('silent mentorships', () => this.remindSilent());
  }

  async remindSilent(now: Date = this.clock.now()): Promise<Record<string, number>> {
    return this.tx.run(async (m) => {
      const due = await silentMentorships(m, now, SILENT_DAYS, SWEEP_LIMIT);
      if (due.length === 0) return { reminded: 0, notifications: 0 };
      const list = await m.findBy(Mentorship, { id: In(due.map((d) => d.id)) });
      const rounds = new Map(
        (await m.findBy(MentoringRound, { id: In([...new Set(list.map((x) => x.roundId))]) })).map(
          (r) => [r.id, r],
        ),
      );
      const entries = new Map(
        (await projectEntries(m, [...new Set(list.map((x) => x.submissionId))])).map((e) => [
          e.submissionId,
          e,
        ]),
      );
      const mentors = new Map(
        (await peopleOf(m, [...new Set(list.map((x) => x.mentorId))])).map((p) => [p.id, p]),
      );
      const states = await participantStates(
        m,
        [...entries.values()].flatMap((e) => e.members.map((p) => p.userId)),
        now,
      );
      const link = `${this.config.PUBLIC_URL}/mentoring`;
      const notes: NotificationRequest[] = [];
      for (const x of list) {
        const entry = entries.get(x.submissionId);
        const mentor = mentors.get(x.mentorId);
        const roundName = rounds.get(x.roundId)?.name ?? '';
        if (!entry || !mentor || mentor.deleted) continue;
        const days = Math.floor((now.getTime() - x.lastActivityAt.getTime()) / 86_400_000);
        notes.push({
          type: 'mentoring.silent',
          recipient: { userId: mentor.id, email: mentor.email, locale: mentor.locale },
          payload: {
            displayName: mentor.displayName,
            roundName,
            otherName: entry.teamName,
            days,
            link,
          },
        });
        for (const p of entry.members) {
          const state = states.get(p.userId);
          if (!state || !mayParticipate(state.consent)) continue;
          notes.push({
            type: 'mentoring.silent',
            recipient: { userId: p.userId, email: p.email, locale: p.locale },
            payload: {
              displayName: p.displayName,
              roundName,
              otherName: mentor.displayName,
              days,
              link,
            },
          });
        }
      }
      await this.outbox.enqueue(m, notes);
      await markReminded(
        m,
        list.map((x) => x.id),
        now,
      );
      return { reminded: list.length, notifications: notes.length };
    });
  }
}
