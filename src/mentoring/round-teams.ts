import type { EntityManager } from 'typeorm';
import { unprocessable } from '../common/errors/app-error';
import { awardedEntryIds } from '../competitions/project-entry-rows';
import { roundShortlist } from '../judging/shortlists';
import type { MentoringRound, TeamSource } from './mentoring-round.entity';

/** Checks a requested source against the competition: a shortlist must be one of its rounds. */
export async function checkedSource(
  m: EntityManager,
  competitionId: string,
  source: { type: 'awarded' | 'shortlist'; roundId?: string },
): Promise<TeamSource> {
  if (source.type === 'awarded') return { type: 'awarded' };
  const judging = await roundShortlist(m, source.roundId!);
  if (!judging || judging.competitionId !== competitionId) {
    throw unprocessable(
      'UNKNOWN_ROUND',
      'teams.roundId must be a judging round of this competition',
      [{ path: 'teams.roundId', message: 'not a judging round of this competition' }],
    );
  }
  return { type: 'shortlist', roundId: source.roundId! };
}

/** The entries a round mentors, as its source says now: awarded entries, or a shortlist. */
export async function roundEntryIds(
  m: EntityManager,
  round: Pick<MentoringRound, 'competitionId' | 'teams'>,
): Promise<string[]> {
  if (round.teams.type === 'awarded') return awardedEntryIds(m, round.competitionId);
  return (await roundShortlist(m, round.teams.roundId))?.shortlist ?? [];
}
