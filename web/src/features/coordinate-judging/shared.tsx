import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ErrorMessage } from '../../app/forms';
import { AWARD } from '../competitions/awards';

/**
 * A button that first asks: the box says what will happen and who will be told, then the person
 * confirms or steps back. Focus moves into the box so a screen reader reads it out.
 */
export function Confirm({
  label,
  title,
  children,
  yes,
  onYes,
  pending,
  error,
  danger,
  disabled,
}: {
  label: ReactNode;
  title: ReactNode;
  children: ReactNode;
  yes: ReactNode;
  onYes: (done: () => void) => void;
  pending?: boolean;
  error?: unknown;
  danger?: boolean;
  disabled?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => {
    if (asking) box.current?.focus();
  }, [asking]);
  const close = () => {
    setAsking(false);
    setTimeout(() => opener.current?.focus(), 0);
  };
  if (!asking) {
    return (
      <div>
        <button
          ref={opener}
          type="button"
          className={danger ? 'button-danger' : 'button'}
          disabled={disabled}
          onClick={() => setAsking(true)}
        >
          {label}
        </button>
      </div>
    );
  }
  return (
    <div
      className="confirm stack"
      role="alertdialog"
      aria-labelledby={`${id}-t`}
      aria-describedby={`${id}-d`}
      tabIndex={-1}
      ref={box}
    >
      <h3 id={`${id}-t`}>{title}</h3>
      <div id={`${id}-d`} className="stack">
        {children}
      </div>
      <ErrorMessage error={error} />
      <div className="actions">
        <button
          type="button"
          className={danger ? 'button-danger' : 'button'}
          disabled={pending}
          onClick={() => onYes(() => setAsking(false))}
        >
          {yes}
        </button>
        <button type="button" className="button-secondary" onClick={close}>
          <Trans>Not now</Trans>
        </button>
      </div>
    </div>
  );
}

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

/** A judge's tag list typed as words separated by commas. */
export const splitList = (v: string | undefined): string[] =>
  (v ?? '')
    .split(/[,،、，\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The time zone the browser is in, as Intl names it. */
export const viewerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function useAwardLabel() {
  const { i18n } = useLingui();
  return (award: string) => i18n._(AWARD[award] ?? msg`Award`);
}
