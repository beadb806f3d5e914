import { Trans, useLingui } from '@lingui/react/macro';
import { countryName } from '../../app/countries';
import { formatInstant } from './format';
import type { Team } from './queries';

/** A team's members (country in the reader's language, the leader marked). */
export function MemberList({ members }: { members: Team['members'] }) {
  const { i18n } = useLingui();
  return (
    <ul>
      {members.map((m) => (
        <li key={m.userId}>
          {m.displayName}
          {m.country ? ` (${countryName(i18n.locale, m.country)})` : ''}
          {m.role === 'leader' && (
            <>
              {' · '}
              <Trans>leader</Trans>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Invitations still waiting for an answer, with how long their links work. */
export function PendingInvitations({
  invitations,
  Heading = 'h3',
}: {
  invitations: Team['invitations'];
  Heading?: 'h3' | 'h4';
}) {
  const { i18n } = useLingui();
  if (invitations.length === 0) return null;
  return (
    <>
      <Heading>
        <Trans>Waiting for an answer</Trans>
      </Heading>
      <ul>
        {invitations.map((inv) => {
          const until = formatInstant(inv.expiresAt, i18n.locale);
          return (
            <li key={inv.id}>
              {inv.email}{' '}
              <span className="hint">
                <Trans>(the link works until {until})</Trans>
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
