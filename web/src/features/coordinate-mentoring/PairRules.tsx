import { Trans, useLingui } from '@lingui/react/macro';
import { fieldErrors } from '../../app/errors';
import { ErrorMessage, formValues, SelectField } from '../../app/forms';
import { entryName } from './logic';
import { type RoundDetail, useRemoveRule, useSetRule } from './queries';

function RuleRow({ round, rule }: { round: RoundDetail; rule: RoundDetail['rules'][number] }) {
  const remove = useRemoveRule(round.id);
  const team = entryName(round, rule.submissionId);
  const mentor =
    round.mentors.find((m) => m.userId === rule.mentorId)?.displayName ?? rule.mentorId.slice(0, 8);
  return (
    <li className="list-row">
      <span>
        <span className={rule.type === 'pin' ? 'badge badge-ok' : 'badge badge-no'}>
          {rule.type === 'pin' ? <Trans>Pinned</Trans> : <Trans>Forbidden</Trans>}
        </span>{' '}
        {team} · {mentor}
      </span>
      <button
        type="button"
        className="button-link"
        disabled={remove.isPending}
        onClick={() => remove.mutate(rule.id)}
      >
        <Trans>
          Remove the rule for {team} and {mentor}
        </Trans>
      </button>
      <ErrorMessage error={remove.error} />
    </li>
  );
}

/**
 * Pairs the coordinator decided: a pinned pair is in every next run, a forbidden pair in none.
 * Also set from the pairs of a run; here any team and mentor of the round can be chosen.
 */
export function PairRules({ round }: { round: RoundDetail }) {
  const { t, i18n } = useLingui();
  const set = useSetRule(round.id);
  const errors = fieldErrors(i18n, set.error);
  return (
    <section className="card stack" aria-labelledby="pair-rules">
      <h2 id="pair-rules">
        <Trans>Pinned and forbidden pairs</Trans>
      </h2>
      {round.rules.length === 0 ? (
        <p>
          <Trans>None. The next run chooses every pair itself.</Trans>
        </p>
      ) : (
        <ul className="plain-list">
          {round.rules.map((r) => (
            <RuleRow key={r.id} round={round} rule={r} />
          ))}
        </ul>
      )}
      {round.teamEntries.length > 0 && round.mentors.length > 0 && (
        <form
          className="stack"
          aria-label={t`Pin or forbid a pair`}
          onSubmit={(e) => {
            e.preventDefault();
            const v = formValues(e.currentTarget);
            set.mutate({
              submissionId: v.team,
              mentorId: v.mentor,
              type: v.type as 'pin' | 'forbid',
            });
          }}
        >
          <ErrorMessage error={set.error} />
          <div className="row">
            <SelectField label={t`Team`} name="team" required error={errors.submissionId}>
              {round.teamEntries.map((e) => (
                <option key={e.submissionId} value={e.submissionId}>
                  {entryName(round, e.submissionId)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t`Mentor`} name="mentor" required error={errors.mentorId}>
              {round.mentors.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.displayName}
                </option>
              ))}
            </SelectField>
            <SelectField label={t`Rule`} name="type" defaultValue="pin">
              <option value="pin">{t`Pin: always this pair`}</option>
              <option value="forbid">{t`Forbid: never this pair`}</option>
            </SelectField>
          </div>
          <div>
            <button type="submit" className="button-secondary" disabled={set.isPending}>
              <Trans>Set the rule for the next run</Trans>
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
