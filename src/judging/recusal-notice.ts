import type { EntityManager } from 'typeorm';
import { PEOPLE } from '../identity/people-sql';
import { PROGRAMME_COORDINATORS } from '../programmes/programme-sql';
import { getCompetition, getSubmission } from '../competitions/competition-rows';
import type { OutboxService } from '../notifications/outbox.service';
import type { JudgeAssignment } from './judge-assignment.entity';
import type { JudgingRound } from './judging-round.entity';

/**
 * Tells the programme's coordinators a judge recused, and whether another judge took the entry
 * over: sent by the top-up that tried, in its transaction, so `replaced` is what happened.
 */
export async function tellCoordinatorsOfRecusal(
  m: EntityManager,
  outbox: OutboxService,
  round: JudgingRound,
  assignment: Pick<JudgeAssignment, 'submissionId'>,
  reason: string,
  replaced: boolean,
): Promise<void> {
  const competition = await getCompetition(m, round.competitionId);
  const coordinators: { id: string; email: string; displayName: string; locale: string }[] =
    await m.query(
      `SELECT u.id, u.email, u.display_name AS "displayName", u.locale
         FROM ${PROGRAMME_COORDINATORS} pc JOIN ${PEOPLE} u ON u.id = pc.user_id
        WHERE pc.programme_id = $1 ORDER BY u.id`,
      [competition.programmeId],
    );
  const submission = await getSubmission(m, assignment.submissionId);
  await outbox.enqueue(
    m,
    coordinators.map((c) => ({
      type: 'judging.recused',
      recipient: { userId: c.id, email: c.email, locale: c.locale },
      payload: {
        displayName: c.displayName,
        roundName: round.name,
        competitionTitle: competition.title,
        submissionTitle: submission.title,
        reason,
        replaced,
      },
    })),
  );
}
