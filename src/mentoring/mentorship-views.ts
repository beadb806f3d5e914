import type { EntityManager } from 'typeorm';
import { FORMER_MEMBER } from '../common/erasure/account-erasure';
import { projectEntries, type ProjectEntry } from '../competitions/project-entry-rows';
import { peopleOf } from '../identity/people-rows';
import { renderReasons } from './core/reasons';
import { MentorProfile } from './mentor-profile.entity';
import { MentoringCheckIn, type Mentorship } from './mentorship.entity';

/** Days without a check-in after which a pair counts as silent (and is reminded). */
export const SILENT_DAYS = 30;

export const isSilent = (x: Pick<Mentorship, 'status' | 'lastActivityAt'>, now: Date) =>
  x.status === 'active' && now.getTime() - x.lastActivityAt.getTime() >= SILENT_DAYS * 86_400_000;

/**
 * Everything the mentorship views show, read in a few queries for any number of mentorships:
 * the entries with their teams, the mentors' profiles and names, the check-ins and their authors.
 */
export async function mentorshipContext(m: EntityManager, list: readonly Mentorship[]) {
  const entries = new Map<string, ProjectEntry>(
    (await projectEntries(m, [...new Set(list.map((x) => x.submissionId))])).map((e) => [
      e.submissionId,
      e,
    ]),
  );
  const mentorIds = [...new Set(list.map((x) => x.mentorId))];
  const profiles = new Map(
    (mentorIds.length
      ? await m.find(MentorProfile, { where: mentorIds.map((userId) => ({ userId })) })
      : []
    ).map((p) => [p.userId, p]),
  );
  const checkIns = list.length
    ? await m
        .getRepository(MentoringCheckIn)
        .createQueryBuilder('c')
        .where('c.mentorship_id = ANY(:ids)', { ids: list.map((x) => x.id) })
        .orderBy('c.happened_on', 'DESC')
        .addOrderBy('c.created_at', 'DESC')
        .getMany()
    : [];
  const people = new Map(
    (
      await peopleOf(m, [
        ...mentorIds,
        ...checkIns.flatMap((c) => (c.authorId ? [c.authorId] : [])),
      ])
    ).map((p) => [p.id, p]),
  );
  const name = (id: string | null) =>
    id && people.get(id) && !people.get(id)!.deleted ? people.get(id)!.displayName : FORMER_MEMBER;
  const byMentorship = new Map<string, MentoringCheckIn[]>();
  for (const c of checkIns) {
    byMentorship.set(c.mentorshipId, [...(byMentorship.get(c.mentorshipId) ?? []), c]);
  }
  return {
    entry: (x: Mentorship) => entries.get(x.submissionId),
    mentor: (x: Mentorship) => {
      const p = profiles.get(x.mentorId);
      return {
        userId: x.mentorId,
        displayName: name(x.mentorId),
        organisation: p?.organisation ?? '',
        sector: p?.sector ?? null,
        bio: p?.bio ?? null,
      };
    },
    checkIns: (x: Mentorship) =>
      (byMentorship.get(x.id) ?? []).map((c) => ({
        id: c.id,
        happenedOn: c.happenedOn,
        summary: c.summary,
        nextSteps: c.nextSteps,
        authorName: name(c.authorId),
        createdAt: c.createdAt,
      })),
    reasons: (x: Mentorship, locale: string) => renderReasons(x.reasons, locale),
  };
}
