import type { I18n } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../app/api';
import { ErrorMessage, Notice, SelectField } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page, RequireSignIn } from '../../app/Page';
import { countryName } from '../../app/countries';
import { ResendVerificationButton } from '../verify/ResendButton';
import { COUNTRIES, dateTime, interestWords, languageName, PRACTISE_LANGUAGES } from './names';
import {
  type EnrolInput,
  type Match,
  type Round,
  useEnrol,
  useMatches,
  useRespond,
  useRounds,
  useWithdraw,
} from './queries';
import { UnreadLetters } from './PenpalsLink';
import { useUnreadLetters } from './unread';
import './penpals.css';

const LEVELS: Record<string, ReturnType<typeof msg>> = {
  native: msg`native`,
  fluent: msg`fluent`,
  conversational: msg`conversational`,
  basic: msg`basic`,
};

/** An error, with the way out where there is one (confirm the email, finish the profile). */
function ActionError({ error }: { error: unknown }) {
  if (!error) return null;
  const code = error instanceof ApiError ? error.problem.code : '';
  return (
    <div className="stack">
      <ErrorMessage error={error} />
      {code === 'EMAIL_UNVERIFIED' && <ResendVerificationButton secondary />}
      {(code === 'GUARDIAN_CONSENT_REQUIRED' || code === 'PROFILE_REQUIRED') && (
        <p>
          <Link to="/profile">
            <Trans>Go to my profile</Trans>
          </Link>
        </p>
      )}
    </div>
  );
}

function Checks<T extends string>({
  legend,
  hint,
  name,
  options,
  label,
}: {
  legend: string;
  hint: string;
  name: string;
  options: readonly T[];
  label: (value: T) => string;
}) {
  const hintId = useId();
  return (
    <fieldset aria-describedby={hintId}>
      <legend>{legend}</legend>
      <p className="hint" id={hintId}>
        {hint}
      </p>
      <div className="checks">
        {options.map((value) => (
          <label key={value} className="check">
            <input type="checkbox" name={name} value={value} />
            <span>{label(value)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function EnrolForm({ round, onCancel }: { round: Round; onCancel: () => void }) {
  const { t, i18n } = useLingui();
  const enrol = useEnrol(round.id);
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const body: EnrolInput = {
          preferredCountries: data.getAll('preferredCountries').map(String),
          practiseLanguages: data.getAll('practiseLanguages').map(String),
          genderPreference: String(data.get('genderPreference') ?? 'any') as 'any',
          capacity: Number(data.get('capacity') ?? 1),
        };
        enrol.mutate(body);
      }}
    >
      <Checks
        legend={t`Countries you would like your pen pal to come from`}
        hint={t`Choose any, or none if you don't mind.`}
        name="preferredCountries"
        options={COUNTRIES}
        label={(c) => countryName(i18n.locale, c)}
      />
      <Checks
        legend={t`Languages you want to practise`}
        hint={t`We try to find a pen pal who speaks them well.`}
        name="practiseLanguages"
        options={PRACTISE_LANGUAGES}
        label={(l) => languageName(i18n, l)}
      />
      <SelectField label={t`Your pen pal is`} name="genderPreference" defaultValue="any">
        <option value="any">{t`Anyone`}</option>
        <option value="female">{t`A girl or woman`}</option>
        <option value="male">{t`A boy or man`}</option>
        <option value="non_binary">{t`Non-binary`}</option>
      </SelectField>
      {round.penpalsPerParticipant > 1 && (
        <SelectField label={t`How many pen pals would you like?`} name="capacity" defaultValue="1">
          {Array.from({ length: round.penpalsPerParticipant }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {i18n.number(n)}
            </option>
          ))}
        </SelectField>
      )}
      <ActionError error={enrol.error} />
      <p className="actions">
        <button type="submit" className="button" disabled={enrol.isPending}>
          <Trans>Enrol me</Trans>
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          <Trans>Cancel</Trans>
        </button>
      </p>
    </form>
  );
}

function Window({ round }: { round: Round }) {
  const { i18n } = useLingui();
  const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const closesHere = dateTime(i18n, round.enrolmentClosesAt);
  const closesThere = dateTime(i18n, round.enrolmentClosesAt, round.local.timezone);
  const opensHere = dateTime(i18n, round.enrolmentOpensAt);
  if (round.enrolment === 'not_open') {
    return (
      <p>
        <Trans>Enrolment opens {opensHere}.</Trans>
      </p>
    );
  }
  return (
    <>
      <p>
        {round.enrolment === 'open' ? (
          <Trans>Enrol by {closesHere} (your time).</Trans>
        ) : (
          <Trans>Enrolment closed {closesHere}.</Trans>
        )}
      </p>
      {here !== round.local.timezone && (
        <p className="hint">
          <Trans>Programme time: {closesThere}</Trans>
        </p>
      )}
    </>
  );
}

function RoundCard({ round, matched }: { round: Round; matched: boolean | undefined }) {
  const { t, i18n } = useLingui();
  const [enrolling, setEnrolling] = useState(false);
  const withdraw = useWithdraw(round.id);
  const mine = round.myEnrolment;
  const headingId = useId();
  const chosen = mine
    ? [
        ...mine.preferredCountries.map((c) => countryName(i18n.locale, c)),
        ...mine.practiseLanguages.map((l) => languageName(i18n, l)),
      ].join(', ')
    : '';
  return (
    <section className="card stack round" aria-labelledby={headingId}>
      <h3 id={headingId}>{round.name}</h3>
      <Window round={round} />
      {mine ? (
        <>
          <p>
            <span className="badge badge-ok">
              <Trans>You're enrolled</Trans>
            </span>{' '}
            {matched !== false ? null : round.enrolment === 'open' ? (
              <Trans>We'll tell you when we've found your pen pal.</Trans>
            ) : (
              <Trans>We're finding your pen pal now.</Trans>
            )}
          </p>
          {chosen && (
            <p className="hint">
              <Trans>Your wishes: {chosen}</Trans>
            </p>
          )}
          <ErrorMessage error={withdraw.error} />
          {matched === undefined ? null : matched ? (
            <p>
              <Trans>You have a pen pal from this round: see above.</Trans>
            </p>
          ) : (
            <p className="actions">
              <button
                type="button"
                className="button button-danger"
                disabled={withdraw.isPending}
                onClick={() => withdraw.mutate()}
                aria-describedby={headingId}
              >
                <Trans>Withdraw from this round</Trans>
              </button>
            </p>
          )}
        </>
      ) : round.enrolment === 'open' ? (
        enrolling ? (
          <EnrolForm round={round} onCancel={() => setEnrolling(false)} />
        ) : (
          <>
            {withdraw.isSuccess && (
              <Notice>
                <Trans>You left this round.</Trans>
              </Notice>
            )}
            <p className="actions">
              <button
                type="button"
                className="button"
                onClick={() => setEnrolling(true)}
                aria-label={t`Enrol in ${round.name}`}
              >
                <Trans>Enrol</Trans>
              </button>
            </p>
          </>
        )
      ) : null}
    </section>
  );
}

function Languages({ match, i18n }: { match: Match; i18n: I18n }) {
  const languages = match.penpal.languages ?? [];
  return (
    <>
      {languages
        .map((l) => {
          const level = LEVELS[l.level];
          return `${languageName(i18n, l.code)}${level ? ` (${i18n._(level)})` : ''}`;
        })
        .join(', ')}
    </>
  );
}

function MatchCard({ match, unread }: { match: Match; unread: number }) {
  const { i18n } = useLingui();
  const respond = useRespond(match.matchId);
  const [confirmDecline, setConfirmDecline] = useState(false);
  const headingId = useId();
  const name = match.penpal.displayName;
  const both = match.status === 'accepted';
  const waiting = match.status === 'published' && match.myResponse === 'accepted';
  return (
    <article className="card stack match" aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      <dl className="facts">
        <dt>
          <Trans>Country</Trans>
        </dt>
        <dd>{countryName(i18n.locale, match.penpal.country)}</dd>
        <dt>
          <Trans>Languages</Trans>
        </dt>
        <dd>
          <Languages match={match} i18n={i18n} />
        </dd>
        <dt>
          <Trans>Interests</Trans>
        </dt>
        <dd>{(match.penpal.interests ?? []).map((tag) => interestWords(i18n, tag)).join(', ')}</dd>
      </dl>
      {match.reasons.length > 0 && (
        <>
          <h4>
            <Trans>Why we matched you</Trans>
          </h4>
          <ul>
            {match.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      )}
      <p role="status">
        {match.status === 'declined' ? (
          <span className="badge badge-no">
            <Trans>This match was declined.</Trans>
          </span>
        ) : both ? (
          <span className="badge badge-ok">
            <Trans>You both said yes!</Trans>
          </span>
        ) : waiting ? (
          <span className="badge badge-wait">
            <Trans>You said yes. Waiting for {name}.</Trans>
          </span>
        ) : null}
      </p>
      <ErrorMessage error={respond.error} />
      {match.status === 'published' && match.myResponse === 'pending' && (
        <>
          {confirmDecline ? (
            <div className="stack confirm" role="group" aria-labelledby={`${headingId}-q`}>
              <p id={`${headingId}-q`}>
                <Trans>
                  Decline {name}? You won't be matched with {name} again, and we'll look for another
                  pen pal for you in a later round.
                </Trans>
              </p>
              <p className="actions">
                <button
                  type="button"
                  className="button button-danger"
                  disabled={respond.isPending}
                  onClick={() => respond.mutate(false)}
                >
                  <Trans>Yes, decline</Trans>
                </button>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => setConfirmDecline(false)}
                >
                  <Trans>Keep this pen pal</Trans>
                </button>
              </p>
            </div>
          ) : (
            <p className="actions">
              <button
                type="button"
                className="button"
                disabled={respond.isPending}
                onClick={() => respond.mutate(true)}
              >
                <Trans>Accept {name}</Trans>
              </button>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setConfirmDecline(true)}
              >
                <Trans>Decline</Trans>
              </button>
            </p>
          )}
        </>
      )}
      {match.status === 'ended' && (
        <p role="status">
          <span className="badge badge-no">
            <Trans>This match has ended.</Trans>
          </span>
        </p>
      )}
      {match.status !== 'declined' && (
        <section className="letters" aria-labelledby={`${headingId}-letters`}>
          <h4 id={`${headingId}-letters`}>
            <Trans>Letters</Trans>
          </h4>
          {both || match.status === 'ended' ? (
            <p>
              <Link to={`/penpals/${match.matchId}`} className="letters-link">
                {both ? (
                  <Trans>Letters with {name}</Trans>
                ) : (
                  <Trans>Read your letters with {name}</Trans>
                )}
                <UnreadLetters count={unread} />
              </Link>
            </p>
          ) : (
            <p className="hint">
              <Trans>Letters open here once you both accept.</Trans>
            </p>
          )}
        </section>
      )}
    </article>
  );
}

function PenpalsPage() {
  const { t } = useLingui();
  const rounds = useRounds();
  const matches = useMatches();
  const unread = useUnreadLetters().data?.matches ?? [];
  return (
    <Page title={t`Pen pals`}>
      <section className="stack" aria-labelledby="my-penpals">
        <h2 id="my-penpals">
          <Trans>My pen pals</Trans>
        </h2>
        {matches.isPending ? (
          <Loading />
        ) : matches.isError ? (
          <ErrorMessage error={matches.error} />
        ) : matches.data.length === 0 ? (
          <p>
            <Trans>No pen pal yet. Enrol in a round below and we'll find you one.</Trans>
          </p>
        ) : (
          matches.data.map((m) => (
            <MatchCard
              key={m.matchId}
              match={m}
              unread={unread.find((u) => u.matchId === m.matchId)?.unread ?? 0}
            />
          ))
        )}
      </section>
      <section className="stack" aria-labelledby="rounds">
        <h2 id="rounds">
          <Trans>Rounds</Trans>
        </h2>
        {rounds.isPending ? (
          <Loading />
        ) : rounds.isError ? (
          <ErrorMessage error={rounds.error} />
        ) : rounds.data.length === 0 ? (
          <p>
            <Trans>No round is open right now. Come back soon!</Trans>
          </p>
        ) : (
          rounds.data.map((r) => (
            <RoundCard
              key={r.id}
              round={r}
              // Unknown while the matches load (or reload in a new language): no withdraw offer then.
              matched={
                matches.data === undefined
                  ? undefined
                  : matches.data.some((m) => m.roundId === r.id && m.status !== 'declined')
              }
            />
          ))
        )}
      </section>
    </Page>
  );
}

export default function Penpals() {
  return (
    <RequireSignIn>
      <PenpalsPage />
    </RequireSignIn>
  );
}
