import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { fieldErrors } from '../../app/errors';
import { ErrorMessage, formValues, Notice, SelectField } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page } from '../../app/Page';
import { RunStatus } from '../staff/RunProgress';
import { Pager } from '../staff/Pager';
import { Deadline, formatMoment } from '../staff/When';
import { RoundFields, roundBody } from './CoordinateHome';
import { countryName } from '../../app/countries';
import { ALL_COUNTRIES } from './countries';
import {
  ENROLMENT_PAGE,
  type Round,
  useEnrolmentCounts,
  useEnrolmentPage,
  useRound,
  useRuns,
  useStartRun,
  useUpdateRound,
} from './queries';
import '../staff/staff.css';

function Enrolments({ round }: { round: Round }) {
  const { i18n } = useLingui();
  const counts = useEnrolmentCounts(round.id);
  if (counts.isPending) return <Loading />;
  if (counts.isError) return <ErrorMessage error={counts.error} />;
  const { total, byCountry } = counts.data;
  return (
    <section className="card stack" aria-labelledby="enrolments">
      <h2 id="enrolments">
        <Trans>Enrolments: {total}</Trans>
      </h2>
      <table className="compare">
        <thead>
          <tr>
            <th scope="col">
              <Trans>Country</Trans>
            </th>
            <th scope="col">
              <Trans>People enrolled</Trans>
            </th>
          </tr>
        </thead>
        <tbody>
          {ALL_COUNTRIES.map((c) => (
            <tr key={c}>
              <th scope="row">{countryName(i18n.locale, c)}</th>
              <td>{byCountry[c] ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > 0 && <EnrolledPeople round={round} />}
    </section>
  );
}

/** Who enrolled, page by page, of one country or all. */
function EnrolledPeople({ round }: { round: Round }) {
  const { t, i18n } = useLingui();
  const [country, setCountry] = useState('');
  const [page, setPage] = useState(1);
  const list = useEnrolmentPage(round.id, page, country);
  const peopleLabel = t`People enrolled`;
  return (
    <div className="stack">
      <SelectField
        label={t`Country`}
        value={country}
        onChange={(e) => {
          setCountry(e.target.value);
          setPage(1);
        }}
      >
        <option value="">{t`All countries`}</option>
        {ALL_COUNTRIES.map((c) => (
          <option key={c} value={c}>
            {countryName(i18n.locale, c)}
          </option>
        ))}
      </SelectField>
      <ErrorMessage error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : (
        list.data && (
          <>
            {/* A scrolling region is focusable so that keyboard users can scroll it (WCAG 2.1.1). */}
            {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
            <div className="table-scroll" tabIndex={0} role="region" aria-label={peopleLabel}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">
                      <Trans>Name</Trans>
                    </th>
                    <th scope="col">
                      <Trans>Country</Trans>
                    </th>
                    <th scope="col">
                      <Trans>Pen pals</Trans>
                    </th>
                    <th scope="col">
                      <Trans>Enrolled</Trans>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((e) => (
                    <tr key={e.id}>
                      <td>{e.displayName}</td>
                      <td>{e.country ? countryName(i18n.locale, e.country) : ''}</td>
                      <td>{e.capacity}</td>
                      <td>{formatMoment(i18n.locale, e.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager
              page={page}
              total={list.data.total}
              pageSize={ENROLMENT_PAGE}
              label={t`Pages of people enrolled`}
              onPage={setPage}
            />
          </>
        )
      )}
    </div>
  );
}

function Runs({ round }: { round: Round }) {
  const { i18n } = useLingui();
  const runs = useRuns(round.id);
  const start = useStartRun(round.id);
  const navigate = useNavigate();
  return (
    <section className="card stack" aria-labelledby="runs">
      <h2 id="runs">
        <Trans>Matching runs</Trans>
      </h2>
      {round.enrolment !== 'closed' && (
        <p className="hint">
          <Trans>Close enrolment before you run the matching.</Trans>
        </p>
      )}
      <ErrorMessage error={start.error} />
      <button
        type="button"
        className="button"
        disabled={start.isPending || round.enrolment !== 'closed'}
        onClick={() =>
          start.mutate(undefined, {
            onSuccess: (run) => navigate(`/coordinate/matching-runs/${run.id}`),
          })
        }
      >
        <Trans>Run the matching</Trans>
      </button>
      {runs.data && runs.data.items.length > 0 && (
        <ul className="plain-list">
          {runs.data.items.map((run, i, all) => {
            // The run before this one (the list is newest first), to compare with.
            const previous = all.slice(i + 1).find((x) => x.status === 'succeeded');
            const when = formatMoment(i18n.locale, run.createdAt);
            return (
              <li key={run.id} className="list-row">
                <Link to={`/coordinate/matching-runs/${run.id}`}>{when}</Link>
                <span className="badge">
                  {run.publishedAt ? <Trans>Published</Trans> : <RunStatus status={run.status} />}
                </span>
                {previous && run.status === 'succeeded' && (
                  <Link to={`/coordinate/matching-runs/${previous.id}/compare/${run.id}`}>
                    <Trans>Compare with the run before ({when})</Trans>
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export default function RoundPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useLingui();
  const round = useRound(id);
  const update = useUpdateRound(id);
  const [saved, setSaved] = useState(false);
  const errors = fieldErrors(i18n, update.error);
  if (round.isPending) return <Loading />;
  if (round.isError)
    return (
      <Page title={t`Pen-pal round`}>
        <ErrorMessage error={round.error} />
      </Page>
    );
  const r = round.data;
  const per = r.penpalsPerParticipant;
  return (
    <Page title={r.name}>
      <div className="stack">
        <p>
          <Link to="/coordinate">
            <Trans>Back to programmes</Trans>
          </Link>
        </p>
        <dl className="entry-fields">
          <div>
            <dt>
              <Trans>Enrolment opens</Trans>
            </dt>
            <dd>
              <Deadline at={r.enrolmentOpensAt} timeZone={r.local.timezone} />
            </dd>
          </div>
          <div>
            <dt>
              <Trans>Enrolment closes</Trans>
            </dt>
            <dd>
              <Deadline at={r.enrolmentClosesAt} timeZone={r.local.timezone} />
            </dd>
          </div>
          <div>
            <dt>
              <Trans>Pen pals per person</Trans>
            </dt>
            <dd>{per}</dd>
          </div>
        </dl>
        <p>
          <span className="badge">
            {r.enrolment === 'open' ? (
              <Trans>Enrolment is open</Trans>
            ) : r.enrolment === 'closed' ? (
              <Trans>Enrolment is closed</Trans>
            ) : (
              <Trans>Enrolment has not opened yet</Trans>
            )}
          </span>
        </p>
        <ErrorMessage error={update.error} />
        {r.enrolment === 'open' && (
          <button
            type="button"
            className="button-secondary"
            disabled={update.isPending}
            onClick={() =>
              update.mutate({
                enrolmentClosesAt: new Date().toISOString(),
                penpalsPerParticipant: r.penpalsPerParticipant,
              })
            }
          >
            <Trans>Close enrolment now</Trans>
          </button>
        )}
        <details className="card">
          <summary>
            <Trans>Edit the round</Trans>
          </summary>
          <form
            className="stack"
            onSubmit={(e) => {
              e.preventDefault();
              update.mutate(roundBody(formValues(e.currentTarget)), {
                onSuccess: () => setSaved(true),
              });
            }}
          >
            {saved && !update.isPending && (
              <Notice>
                <Trans>The round is saved.</Trans>
              </Notice>
            )}
            <ErrorMessage error={update.error} />
            <RoundFields
              errors={errors}
              initial={{
                name: r.name,
                opens: r.enrolmentOpensAt,
                closes: r.enrolmentClosesAt,
                per: r.penpalsPerParticipant,
                minAge: r.rules.minAge,
                maxAge: r.rules.maxAge,
                gap: r.rules.maxAgeGapYears,
                sharedLanguage: r.rules.requireSharedLanguage,
                minPerCountry: r.countryBalance.minPerCountry,
                weights: r.weights,
                letterDelay: r.letterDelay,
                lettersPerDay: r.lettersPerDay,
                screenAdultLetters: r.screenAdultLetters,
              }}
            />
            <button type="submit" className="button" disabled={update.isPending}>
              <Trans>Save the round</Trans>
            </button>
          </form>
        </details>
        <Enrolments round={r} />
        <Runs round={r} />
      </div>
    </Page>
  );
}
