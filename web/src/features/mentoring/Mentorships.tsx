import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { fieldErrors } from '../../app/errors';
import { ErrorMessage, formValues, Notice, TextAreaField, TextField } from '../../app/forms';
import { displayNames, formatDate } from '../profile/reference';
import { mentorAffiliation, sdgName } from './labels';
import { checkInBody, localDay, newestFirst, quiet } from './logic';
import { type CheckIn, type Mentorship, useAddCheckIn } from './queries';
import '../staff/staff.css';
import './mentoring.css';

function CheckInForm({ mentorship }: { mentorship: Mentorship }) {
  const { t, i18n } = useLingui();
  const add = useAddCheckIn(mentorship.id);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const api = fieldErrors(i18n, add.error);
  const today = localDay();
  const error = (field: string) => problems[field] ?? api[field];
  return (
    <details className="card">
      <summary>
        <Trans>Add a check-in</Trans>
      </summary>
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const checked = checkInBody(formValues(form), today);
          if ('problems' in checked) {
            setProblems(
              Object.fromEntries(
                Object.entries(checked.problems).map(([field, problem]) => [
                  field,
                  problem === 'future'
                    ? t`Record a meeting once it has happened: choose today or an earlier day.`
                    : t`Please fill this in.`,
                ]),
              ),
            );
            return;
          }
          setProblems({});
          add.mutate(checked.body, { onSuccess: () => form.reset() });
        }}
      >
        {add.isSuccess && (
          <Notice>
            <Trans>The check-in is saved. Everyone in this mentorship can read it.</Trans>
          </Notice>
        )}
        <ErrorMessage error={add.error} />
        <TextField
          label={t`When did you meet?`}
          name="happenedOn"
          type="date"
          max={today}
          defaultValue={today}
          required
          error={error('happenedOn')}
        />
        <TextAreaField
          label={t`What was discussed`}
          name="summary"
          rows={4}
          maxLength={4000}
          required
          error={error('summary')}
        />
        <TextAreaField
          label={t`Next steps (optional)`}
          hint={t`Who does what before you meet again.`}
          name="nextSteps"
          rows={3}
          maxLength={4000}
          error={error('nextSteps')}
        />
        <div>
          <button type="submit" className="button" disabled={add.isPending}>
            <Trans>Save the check-in</Trans>
          </button>
        </div>
      </form>
    </details>
  );
}

export function CheckInList({ checkIns }: { checkIns: CheckIn[] }) {
  const { i18n } = useLingui();
  if (checkIns.length === 0) {
    return (
      <p className="hint">
        <Trans>No check-in yet. After your first meeting, write down what you talked about.</Trans>
      </p>
    );
  }
  return (
    <ol className="plain-list check-ins">
      {newestFirst(checkIns).map((c) => {
        const day = formatDate(i18n, c.happenedOn);
        const author = c.authorName;
        return (
          <li key={c.id} className="check-in">
            <p className="meta">
              <Trans>
                <time dateTime={c.happenedOn}>{day}</time> · written by {author}
              </Trans>
            </p>
            <p className="mentoring-text">{c.summary}</p>
            {c.nextSteps && (
              <p className="mentoring-text">
                <strong>
                  <Trans>Next steps:</Trans>
                </strong>{' '}
                {c.nextSteps}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** What the team sees of its mentor. */
function MentorSide({ m }: { m: Mentorship }) {
  const { i18n } = useLingui();
  const affiliation = mentorAffiliation(i18n, m.mentor);
  return (
    <>
      {affiliation && <p>{affiliation}</p>}
      {m.mentor.bio && <p className="mentoring-text">{m.mentor.bio}</p>}
    </>
  );
}

/** What the mentor sees of the team and its project. */
function TeamSide({ m }: { m: Mentorship }) {
  const { i18n } = useLingui();
  const names = displayNames(i18n);
  const p = m.project;
  return (
    <dl className="entry-fields">
      <div>
        <dt>
          <Trans>Team members</Trans>
        </dt>
        <dd>
          <ul className="plain-list">
            {m.team.members.map((x, i) => (
              <li key={i}>
                {x.displayName}
                {x.country ? ` · ${names.country(x.country)}` : ''}
              </li>
            ))}
          </ul>
        </dd>
      </div>
      {p.problem && (
        <div>
          <dt>
            <Trans>The problem the project tackles</Trans>
          </dt>
          <dd>{p.problem}</dd>
        </div>
      )}
      {p.sdgs.length > 0 && (
        <div>
          <dt>
            <Trans>Sustainable Development Goals</Trans>
          </dt>
          <dd>
            {[...p.sdgs]
              .sort((a, b) => a - b)
              .map((n) => sdgName(i18n, n))
              .join('; ')}
          </dd>
        </div>
      )}
      {p.targetCountries.length > 0 && (
        <div>
          <dt>
            <Trans>Countries the project is for</Trans>
          </dt>
          <dd>{p.targetCountries.map((c) => names.country(c)).join(', ')}</dd>
        </div>
      )}
    </dl>
  );
}

function MentorshipCard({ m, level }: { m: Mentorship; level: 2 | 3 }) {
  const H = level === 2 ? 'h2' : 'h3';
  const H2 = level === 2 ? 'h3' : 'h4';
  const { i18n } = useLingui();
  const headingId = `mentorship-${m.id}`;
  const active = m.status === 'active';
  const { days, due } = quiet(m.lastActivityAt);
  const count = m.checkIns.length;
  const mentor = m.mentor.displayName;
  const team = m.team.name;
  const title = m.project.title;
  const since = formatDate(i18n, m.startedAt);
  const round = m.roundName;
  return (
    <li className="card stack" aria-labelledby={headingId}>
      <div>
        <H id={headingId}>
          {m.as === 'team' ? (
            <Trans>Your mentor: {mentor}</Trans>
          ) : (
            <Trans>
              {team}: {title}
            </Trans>
          )}
        </H>
        <p className="meta">
          {m.as === 'team' ? (
            <Trans>
              Mentor of {team} in {round}, since {since}
            </Trans>
          ) : (
            <Trans>
              {round}, since {since}
            </Trans>
          )}
        </p>
      </div>
      <p className="mentoring-tags">
        <span className={active ? 'badge badge-ok' : 'badge'}>
          {active ? <Trans>Active</Trans> : <Trans>Ended</Trans>}
        </span>
      </p>
      {m.as === 'team' ? <MentorSide m={m} /> : <TeamSide m={m} />}
      {m.reasons.length > 0 && (
        <section className="stack" aria-labelledby={`${headingId}-why`}>
          <H2 id={`${headingId}-why`}>
            <Trans>Why you were matched</Trans>
          </H2>
          <ul>
            {m.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </section>
      )}
      {active && due && (
        <p className="alert alert-quiet">
          <Trans>
            No check-in for {days} days. A short call is enough: agree on one next step and write it
            down here.
          </Trans>
        </p>
      )}
      <section className="stack" aria-labelledby={`${headingId}-checkins`}>
        <H2 id={`${headingId}-checkins`}>
          <Plural value={count} one="# check-in" other="# check-ins" />
        </H2>
        <CheckInList checkIns={m.checkIns} />
        {active && <CheckInForm mentorship={m} />}
      </section>
    </li>
  );
}

/** Mentorships with their check-ins: the same list for mentors and for team members. */
export function MentorshipList({ items, level = 2 }: { items: Mentorship[]; level?: 2 | 3 }) {
  return (
    <ul className="plain-list stack">
      {items.map((m) => (
        <MentorshipCard key={m.id} m={m} level={level} />
      ))}
    </ul>
  );
}
