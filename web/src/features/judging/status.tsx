import { Trans } from '@lingui/react/macro';
import type { Assignment } from './queries';

export type AssignmentState =
  'not_started' | 'draft' | 'final' | 'recused' | 'withdrawn' | 'on_hold' | 'closed';

/** Where the judge stands on one assignment. */
export function assignmentState(a: Assignment): AssignmentState {
  if (a.status === 'recused') return 'recused';
  if (a.status === 'withdrawn') return 'withdrawn';
  if (a.access === 'conflict_review') return 'on_hold';
  if (a.score.state === 'final') return 'final';
  if (a.access !== 'open') return 'closed';
  return a.score.state === 'draft' ? 'draft' : 'not_started';
}

const BADGE: Record<AssignmentState, string> = {
  not_started: 'badge',
  draft: 'badge badge-wait',
  final: 'badge badge-ok',
  recused: 'badge badge-no',
  withdrawn: 'badge badge-no',
  on_hold: 'badge badge-wait',
  closed: 'badge',
};

export function StatusBadge({ assignment }: { assignment: Assignment }) {
  const state = assignmentState(assignment);
  return (
    <span className={BADGE[state]}>
      {state === 'not_started' ? (
        <Trans>Not started</Trans>
      ) : state === 'draft' ? (
        <Trans>Draft saved</Trans>
      ) : state === 'final' ? (
        <Trans>Final score sent</Trans>
      ) : state === 'recused' ? (
        <Trans>You stepped back</Trans>
      ) : state === 'withdrawn' ? (
        <Trans>Moved to another judge</Trans>
      ) : state === 'on_hold' ? (
        <Trans>On hold: conflict under review</Trans>
      ) : (
        <Trans>Closed</Trans>
      )}
    </span>
  );
}

/** Why the entry cannot be read now, in words (the API's `access`). */
export function AccessNote({ access }: { access: Assignment['access'] }) {
  switch (access) {
    case 'conflict_review':
      return (
        <Trans>
          You declared a conflict of interest. Your entries in this competition are on hold until a
          coordinator has looked at it.
        </Trans>
      );
    case 'round_closed':
      return <Trans>This judging round is closed.</Trans>;
    case 'results_published':
      return <Trans>The results are published: judging is over.</Trans>;
    case 'recused':
      return <Trans>You stepped back from this entry.</Trans>;
    case 'withdrawn':
      return <Trans>This entry was moved to another judge.</Trans>;
    case 'not_in_pool':
      return <Trans>You are no longer a judge of this competition.</Trans>;
    case 'not_a_judge':
      return <Trans>Your account no longer has the judge role.</Trans>;
    default:
      return null;
  }
}
