import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorMessage, Notice, TextAreaField } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page } from '../../app/Page';
import { useProgrammes } from '../coordinate/queries';
import { countryName } from '../../app/countries';
import { REPORT_REASONS } from '../penpals/reasons';
import { loadFontsFor } from '../penpals/scripts';
import { formatMoment } from '../staff/When';
import { appearsIn, highlight } from './highlight';
import { type Case, type Decision, useCases, useDecide } from './queries';
import '../staff/staff.css';
import './moderation.css';

const KINDS: Record<string, ReturnType<typeof msg>> = {
  email: msg`email address`,
  phone: msg`phone number`,
  link: msg`link`,
  handle: msg`messenger name`,
};

const REASONS: Record<string, ReturnType<typeof msg>> = {
  ...REPORT_REASONS,
  // A held letter's reason is the detector's: what it found.
  contact_details: msg`Contact details`,
};

const ACTIONS: Record<Decision['action'], ReturnType<typeof msg>> = {
  release: msg`Release: deliver the letter`,
  remove: msg`Remove: the recipient never sees it`,
  end_match: msg`Remove and end the match`,
};

function Person({ person }: { person: Case['letter']['from'] }) {
  const { i18n } = useLingui();
  return (
    <>
      {person.displayName}
      {person.country ? ` (${countryName(i18n.locale, person.country)})` : ''}
      {person.minor && (
        <>
          {' '}
          <span className="badge badge-wait">
            <Trans>under 18</Trans>
          </span>
        </>
      )}
    </>
  );
}

/** The one letter of the case, the detector's findings marked in it. */
function CaseLetter({ item }: { item: Case }) {
  const { i18n } = useLingui();
  const { body, findings } = item.letter;
  const elsewhere = findings.filter((f) => !appearsIn(body, f.text));
  useEffect(() => loadFontsFor(body), [body]);
  return (
    <>
      <blockquote className="case-letter">
        {highlight(body, findings).map((p, i) =>
          p.found ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>,
        )}
      </blockquote>
      {findings.length > 0 && (
        <div className="stack findings">
          <h4>
            <Trans>What the safety check found</Trans>
          </h4>
          <ul>
            {findings.map((f, i) => (
              <li key={i}>
                {i18n._(KINDS[f.kind] ?? KINDS.handle)}: <mark>{f.text}</mark>
                {elsewhere.includes(f) && (
                  <span className="hint">
                    {' '}
                    <Trans>(written in another way in the letter)</Trans>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

function DecisionForm({ item, programmeId }: { item: Case; programmeId: string }) {
  const { t, i18n } = useLingui();
  const decide = useDecide(programmeId);
  const legendId = useId();
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const note = String(data.get('note') ?? '').trim();
        decide.mutate({
          caseId: item.id,
          action: String(data.get('action')) as Decision['action'],
          ...(note ? { note } : {}),
        });
      }}
    >
      <fieldset>
        <legend id={legendId}>
          <Trans>Your decision</Trans>
        </legend>
        <div className="checks">
          {(Object.keys(ACTIONS) as Decision['action'][]).map((a) => (
            <label key={a} className="check">
              <input type="radio" name="action" value={a} required />
              <span>{i18n._(ACTIONS[a])}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextAreaField
        label={t`Reason for the record`}
        hint={t`Kept in the audit log; the writer is told the decision, not this note.`}
        name="note"
        rows={2}
        maxLength={2000}
      />
      <ErrorMessage error={decide.error} />
      <p className="actions">
        <button type="submit" className="button" disabled={decide.isPending}>
          <Trans>Decide</Trans>
        </button>
      </p>
    </form>
  );
}

function CaseCard({ item, programmeId }: { item: Case; programmeId: string }) {
  const { i18n } = useLingui();
  const headingId = useId();
  const reason = i18n._(REASONS[item.reason] ?? REASONS.other);
  return (
    <li className="card stack case">
      <h3 id={headingId}>
        {item.kind === 'held' ? <Trans>Held letter</Trans> : <Trans>Reported letter</Trans>}:{' '}
        {reason}
      </h3>
      <p className="meta">{formatMoment(i18n.locale, item.createdAt)}</p>
      <dl className="case-people">
        <dt>
          <Trans>From</Trans>
        </dt>
        <dd>
          <Person person={item.letter.from} />
        </dd>
        <dt>
          <Trans>To</Trans>
        </dt>
        <dd>
          <Person person={item.letter.to} />
        </dd>
      </dl>
      {item.kind === 'report' && item.detail && (
        <p>
          <Trans>The recipient says:</Trans> <q>{item.detail}</q>
        </p>
      )}
      <CaseLetter item={item} />
      {item.status === 'open' ? (
        <DecisionForm item={item} programmeId={programmeId} />
      ) : (
        <p>
          <span className="badge">{i18n._(ACTIONS[item.decision ?? 'remove'])}</span>
          {item.note ? <> · {item.note}</> : null}
        </p>
      )}
    </li>
  );
}

export default function ModerationQueue() {
  const { t } = useLingui();
  const { id = '' } = useParams();
  const [status, setStatus] = useState<'open' | 'decided'>('open');
  const [page, setPage] = useState(1);
  const cases = useCases(id, status, page);
  const programmes = useProgrammes();
  const programme = programmes.data?.items.find((p) => p.id === id);
  const total = cases.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / 20));
  const show = (next: 'open' | 'decided') => {
    setStatus(next);
    setPage(1);
  };
  return (
    <Page title={t`Moderation`} wide>
      <p>
        <Link to="/coordinate">
          <Trans>Back to coordination</Trans>
        </Link>
      </p>
      {programme && <p className="meta">{programme.name}</p>}
      <p className="hint">
        <Trans>
          Each case shows one letter only: the rest of the pen pals' letters stay private.
        </Trans>
      </p>
      <div className="actions" role="group" aria-label={t`Which cases`}>
        <button
          type="button"
          className={status === 'open' ? 'button' : 'button button-secondary'}
          aria-pressed={status === 'open'}
          onClick={() => show('open')}
        >
          <Trans>Waiting for a decision</Trans>
        </button>
        <button
          type="button"
          className={status === 'decided' ? 'button' : 'button button-secondary'}
          aria-pressed={status === 'decided'}
          onClick={() => show('decided')}
        >
          <Trans>Decided</Trans>
        </button>
      </div>
      <h2>{status === 'open' ? <Trans>Open cases</Trans> : <Trans>Decided cases</Trans>}</h2>
      {cases.isPending ? (
        <Loading />
      ) : cases.isError ? (
        <ErrorMessage error={cases.error} />
      ) : cases.data.items.length === 0 ? (
        status === 'open' ? (
          <Notice>
            <Trans>Nothing is waiting for you. Well done!</Trans>
          </Notice>
        ) : (
          <p>
            <Trans>No decided cases yet.</Trans>
          </p>
        )
      ) : (
        <>
          <ul className="plain-list stack">
            {cases.data.items.map((c) => (
              <CaseCard key={c.id} item={c} programmeId={id} />
            ))}
          </ul>
          {pages > 1 && (
            <p className="actions">
              <button
                type="button"
                className="button button-secondary"
                disabled={page <= 1}
                onClick={() => setPage(page - 1)}
              >
                <Trans>Previous page</Trans>
              </button>
              <button
                type="button"
                className="button button-secondary"
                disabled={page >= pages}
                onClick={() => setPage(page + 1)}
              >
                <Trans>Next page</Trans>
              </button>
            </p>
          )}
        </>
      )}
    </Page>
  );
}
