import type { EntityManager } from 'typeorm';
import { coordinatorContacts } from '../programmes/programme-rows';
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
  const coordinators = await coordinatorContacts(m, competition.programmeId);
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
