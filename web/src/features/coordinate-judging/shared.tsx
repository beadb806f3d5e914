import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { AWARD } from '../competitions/awards';

/** Why the assignment left an entry short of judges, in words. */
export function UnassignedCause({ cause }: { cause: string }) {
  return cause === 'conflicts' ? (
    <Trans>Too few judges without a conflict with this entry.</Trans>
  ) : (
    <Trans>The judges have no room left: add judges or raise the limit per judge.</Trans>
  );
}

export const CONFLICT_KIND: Record<string, MessageDescriptor> = {
  declared_country: msg`a country they declared`,
  declared_institution: msg`an institution they declared`,
  declared_team: msg`a team they declared`,
  shared_institution: msg`same institution as a team member`,
  team_member: msg`they are in the team`,
};

/** The round's state, in words, as a badge. */
export function RoundStatusBadge({ status }: { status: string }) {
  return (
    <span className={status === 'open' ? 'badge badge-ok' : 'badge'}>
      {status === 'draft' ? (
        <Trans>Draft: judges cannot score yet</Trans>
      ) : status === 'open' ? (
        <Trans>Open for scoring</Trans>
      ) : (
        <Trans>Closed</Trans>
      )}
    </span>
  );
}

/** The time zone the browser is in, as Intl names it. */
export const viewerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function useAwardLabel() {
  const { i18n } = useLingui();
  return (award: string) => i18n._(AWARD[award] ?? msg`Award`);
}
