import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';
import { In, type EntityManager } from 'typeorm';
import { competitionInfo, projectEntries } from '../competitions/project-entry-rows';
import { AppConfig } from '../config/app-config';
import { mayParticipate } from '../identity/consent';
import { participantStates } from '../identity/participant-state-rows';
import { peopleOf } from '../identity/people-rows';
import type { NotificationRequest } from '../notifications/outbox.service';
import { OutboxService } from '../notifications/outbox.service';
import { MentorProfile } from './mentor-profile.entity';
import type { MentoringRound } from './mentoring-round.entity';
import { Mentorship } from './mentorship.entity';

/**
 * The introductions of new mentorships: the mentor learns about the team and its project, each
 * member learns about the mentor; both read what to do first. Only names, countries, the
 * organisation and the project travel: no contact details. A minor whose guardian consent is
 * no longer valid is not written to (the team's mentorship stands; they see it once consent is back).
 */
@Injectable()
export class MentoringIntroductions {
  constructor(
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async introduce(m: EntityManager, round: MentoringRound, ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const list = await m.findBy(Mentorship, { id: In(ids) });
    const competition = await competitionInfo(m, round.competitionId);
    const entries = new Map(
      (await projectEntries(m, [...new Set(list.map((x) => x.submissionId))])).map((e) => [
        e.submissionId,
        e,
      ]),
    );
    const mentorIds = [...new Set(list.map((x) => x.mentorId))];
    const mentors = new Map((await peopleOf(m, mentorIds)).map((p) => [p.id, p]));
    const profiles = new Map(
      (await m.find(MentorProfile, { where: mentorIds.map((userId) => ({ userId })) })).map((p) => [
        p.userId,
        p,
      ]),
    );
    const states = await participantStates(
      m,
      [...entries.values()].flatMap((e) => e.members.map((p) => p.userId)),
      this.clock.now(),
    );
    const link = `${this.config.PUBLIC_URL}/mentoring`;
    const notes: NotificationRequest[] = [];
    for (const x of list) {
      const entry = entries.get(x.submissionId);
      const mentor = mentors.get(x.mentorId);
      const profile = profiles.get(x.mentorId);
      if (!entry || !mentor || mentor.deleted || !profile) continue;
      const members = entry.members.filter((p) => {
        const state = states.get(p.userId);
        return state !== undefined && mayParticipate(state.consent);
      });
      const common = {
        roundName: round.name,
        competitionTitle: competition?.title ?? '',
        projectTitle: entry.title,
        link,
      };
      notes.push({
        type: 'mentoring.introduced_mentor',
        recipient: { userId: mentor.id, email: mentor.email, locale: mentor.locale },
        payload: {
          ...common,
          displayName: mentor.displayName,
          teamName: entry.teamName,
          members: entry.members.map((p) => ({ name: p.displayName, country: p.country ?? '' })),
        },
      });
      for (const p of members) {
        notes.push({
          type: 'mentoring.introduced_team',
          recipient: { userId: p.userId, email: p.email, locale: p.locale },
          payload: {
            ...common,
            displayName: p.displayName,
            mentorName: mentor.displayName,
            organisation: profile.organisation,
            sector: profile.sector,
          },
        });
      }
    }
    await this.outbox.enqueue(m, notes);
    return notes.length;
  }
}
