import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ErrorMessage, Notice } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page } from '../../app/Page';
import { formatMoment } from '../staff/When';
import { CompetitionFields } from './CompetitionForm';
import { formErrors, formMessage } from './errors';
import { bodyOf, type Change, changesOf, type FormState, formOf } from './form';
import { KIND } from './labels';
import {
  type Competition,
  type CompetitionInput,
  useCompetition,
  useUpdateCompetition,
} from './queries';
import { isoToWall, wallToIso } from './zoned';
import '../staff/staff.css';
import './competitions-staff.css';

/** One change said plainly, with both time zones for the window. */
function ChangeLine({ change, timeZone }: { change: Change; timeZone: string }) {
  const { i18n } = useLingui();
  const when = (iso: string) => formatMoment(i18n.locale, iso, timeZone);
  switch (change.field) {
    case 'title':
      return (
        <Trans>
          Title: “{change.from}” becomes “{change.to}”.
        </Trans>
      );
    case 'kind': {
      const from = i18n._(KIND[change.from]);
      const to = i18n._(KIND[change.to]);
      return (
        <Trans>
          Kind: {from} becomes {to}.
        </Trans>
      );
    }
    case 'slug':
      return (
        <Trans>
          Short name: {change.from} becomes {change.to}.
        </Trans>
      );
    case 'description':
      return <Trans>The description changes.</Trans>;
    case 'submissionOpensAt': {
      const from = when(change.from);
      const to = when(change.to);
      return (
        <Trans>
          Entries open {to} instead of {from}.
        </Trans>
      );
    }
    case 'submissionClosesAt': {
      const from = when(change.from);
      const to = when(change.to);
      if (new Date(change.to).getTime() <= Date.now()) {
        return (
          <Trans>
            Entries close now: the window ends {to} (it ended {from}). Teams can no longer edit or
            submit, except those with an extension.
          </Trans>
        );
      }
      return new Date(change.to) > new Date(change.from) ? (
        <Trans>
          Entries close later: {to} instead of {from}. Deadline reminders move with it.
        </Trans>
      ) : (
        <Trans>
          Entries close earlier: {to} instead of {from}. Deadline reminders move with it.
        </Trans>
      );
    }
    case 'eligibility':
      return <Trans>Who can enter changes (ages, team size or mixed teams).</Trans>;
    case 'limits':
      return <Trans>The limits change (film length or upload size).</Trans>;
    case 'rubric': {
      const { from, to } = change;
      return (
        <Trans>
          The rubric changes: {from} criteria before, {to} after.
        </Trans>
      );
    }
  }
}

function EditForm({ competition }: { competition: Competition }) {
  const { i18n } = useLingui();
  const timeZone = competition.window.timezone;
  const [state, setState] = useState<FormState>(() => formOf(competition));
  const [review, setReview] = useState<{
    patch: Partial<CompetitionInput>;
    changes: Change[];
  } | null>(null);
  const [saved, setSaved] = useState(false);
  const update = useUpdateCompetition(competition.id);
  const errors = formErrors(i18n, update.error);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (review) panel.current?.focus();
  }, [review]);
  const set = (patch: Partial<FormState>) => {
    setSaved(false);
    setReview(null);
    setState((s) => ({ ...s, ...patch }));
  };
  const closesIso = wallToIso(state.closes, timeZone);
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        update.reset();
        setReview(changesOf(competition, bodyOf(state, timeZone)));
      }}
    >
      {saved && (
        <Notice>
          <Trans>Changes saved.</Trans>
        </Notice>
      )}
      {update.error ? (
        <p className="alert alert-error" role="alert">
          {formMessage(i18n, update.error)}
        </p>
      ) : null}
      <CompetitionFields
        state={state}
        set={set}
        errors={errors}
        timeZone={timeZone}
        rubricLocked={competition.rubricLocked}
        windowActions={
          <div className="row-actions">
            <button
              type="button"
              className="button-secondary"
              onClick={() => set({ closes: isoToWall(new Date().toISOString(), timeZone) })}
            >
              <Trans>Close entries now</Trans>
            </button>
            <button
              type="button"
              className="button-secondary"
              disabled={!closesIso}
              onClick={() =>
                closesIso &&
                set({
                  closes: isoToWall(
                    new Date(new Date(closesIso).getTime() + 7 * 86400_000).toISOString(),
                    timeZone,
                  ),
                })
              }
            >
              <Trans>Extend by a week</Trans>
            </button>
          </div>
        }
      />
      {review && (
        <div className="confirm stack" tabIndex={-1} ref={panel} aria-labelledby="review-heading">
          <h2 id="review-heading">
            <Trans>What changes</Trans>
          </h2>
          {review.changes.length === 0 && Object.keys(review.patch).length === 0 ? (
            <p>
              <Trans>Nothing has changed yet.</Trans>
            </p>
          ) : (
            <>
              <ul>
                {review.changes.map((c) => (
                  <li key={c.field}>
                    <ChangeLine change={c} timeZone={timeZone} />
                  </li>
                ))}
              </ul>
              <div className="row-actions">
                <button
                  type="button"
                  className="button"
                  disabled={update.isPending}
                  onClick={() =>
                    update.mutate(review.patch, {
                      onSuccess: (c) => {
                        setState(formOf(c));
                        setReview(null);
                        setSaved(true);
                      },
                      onError: () => setReview(null),
                    })
                  }
                >
                  {update.isPending ? <Trans>Saving…</Trans> : <Trans>Save these changes</Trans>}
                </button>
                <button type="button" className="button-secondary" onClick={() => setReview(null)}>
                  <Trans>Keep editing</Trans>
                </button>
              </div>
            </>
          )}
        </div>
      )}
      {!review && (
        <div className="actions">
          <button type="submit" className="button">
            <Trans>Review the changes</Trans>
          </button>
        </div>
      )}
    </form>
  );
}

export default function EditCompetition() {
  const { t } = useLingui();
  const { id = '' } = useParams();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created;
  const competition = useCompetition(id);
  return (
    <Page title={competition.data?.title ?? t`Competition`}>
      <div className="stack page-sections">
        <nav className="row-actions" aria-label={t`This competition`}>
          <Link to="/coordinate/competitions">
            <Trans>All competitions</Trans>
          </Link>
          <Link to={`/coordinate/competitions/${id}/entries`}>
            <Trans>Entries</Trans>
          </Link>
          <Link to={`/competitions/${id}`}>
            <Trans>Public page</Trans>
          </Link>
        </nav>
        {created && (
          <Notice>
            <Trans>The competition is created. Entrants see it on its public page.</Trans>
          </Notice>
        )}
        {competition.isPending ? (
          <Loading />
        ) : competition.isError ? (
          <ErrorMessage error={competition.error} />
        ) : (
          <EditForm competition={competition.data} />
        )}
      </div>
    </Page>
  );
}
