import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { ApiError } from '../../app/api';
import { ErrorMessage, Notice } from '../../app/forms';
import { sdgName, sectorName } from '../mentoring/labels';
import { PersonSearch } from '../staff/PersonSearch';
import {
  type RoundDetail,
  type RoundMentor,
  useAddMentor,
  useCandidates,
  useRemoveMentor,
} from './queries';

function MentorRow({ roundId, mentor }: { roundId: string; mentor: RoundMentor }) {
  const { i18n } = useLingui();
  const remove = useRemoveMentor(roundId);
  const name = mentor.displayName;
  const capacity = mentor.capacity;
  return (
    <li className="list-row">
      <span>
        <strong>{name}</strong>{' '}
        <span className="meta">
          {mentor.organisation} · {sectorName(i18n, mentor.sector)} ·{' '}
          <Trans>up to {capacity} teams</Trans>
        </span>
        {mentor.sdgs.length > 0 && (
          <span className="meta"> · {mentor.sdgs.map((n) => sdgName(i18n, n)).join('; ')}</span>
        )}
      </span>
      <button
        type="button"
        className="button-secondary"
        disabled={remove.isPending}
        onClick={() => remove.mutate(mentor.userId)}
      >
        <Trans>Take {name} out of the next runs</Trans>
      </button>
      <ErrorMessage error={remove.error} />
    </li>
  );
}

/** The round's mentors and the search that adds more (people with the mentor role). */
export function RoundMentors({ round }: { round: RoundDetail }) {
  const { t } = useLingui();
  const [q, setQ] = useState('');
  const found = useCandidates(round.id, q);
  const add = useAddMentor(round.id);
  const inRound = new Set(round.mentors.map((m) => m.userId));
  const count = round.mentors.length;
  const notEligible = add.error instanceof ApiError && add.error.problem.code === 'NOT_ELIGIBLE';
  const added = add.isSuccess ? round.mentors.find((m) => m.userId === add.variables) : undefined;
  const addedName = added?.displayName ?? '';
  return (
    <section className="card stack" aria-labelledby="round-mentors">
      <h2 id="round-mentors">
        <Trans>Mentors: {count}</Trans>
      </h2>
      {count === 0 ? (
        <p>
          <Trans>No mentor yet. Find people with the mentor role below and add them.</Trans>
        </p>
      ) : (
        <ul className="plain-list">
          {round.mentors.map((m) => (
            <MentorRow key={m.userId} roundId={round.id} mentor={m} />
          ))}
        </ul>
      )}
      <h3>
        <Trans>Add a mentor</Trans>
      </h3>
      {added && (
        <Notice>
          <Trans>{addedName} is in the round.</Trans>
        </Notice>
      )}
      {notEligible && (
        <p className="alert alert-error" role="alert">
          <Trans>
            This person cannot mentor yet: they need the mentor role and a saved mentor profile.
          </Trans>
        </p>
      )}
      <PersonSearch
        label={t`Find a mentor by name or email`}
        hint={t`Only people with the mentor role are found. Type at least 2 letters.`}
        q={q}
        onQ={setQ}
        found={found}
        error={notEligible ? found.error : (add.error ?? found.error)}
        none={<Trans>No mentor matches “{q}”.</Trans>}
        detail={(c) => (c.organisation ? <span className="meta"> · {c.organisation}</span> : null)}
        action={(c) =>
          inRound.has(c.userId) ? (
            <span className="badge">
              <Trans>In the round</Trans>
            </span>
          ) : !c.hasProfile ? (
            <span className="badge badge-wait">
              <Trans>No mentor profile yet</Trans>
            </span>
          ) : (
            <button
              type="button"
              className="button-secondary"
              disabled={add.isPending}
              onClick={() => add.mutate(c.userId)}
            >
              <Trans>Add {c.displayName}</Trans>
            </button>
          )
        }
      />
    </section>
  );
}
