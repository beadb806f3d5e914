import type { I18n } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { isLocale } from '../../app/locales';
import { ErrorMessage, Notice, SelectField, TextAreaField } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page, RequireSignIn } from '../../app/Page';
import { dateTime, interestWords } from './names';
import {
  type Letter,
  MAX_LETTER_LENGTH,
  type ReportReason,
  type Written,
  useDraft,
  useEndMatch,
  useMarkThreadRead,
  usePrompts,
  useReport,
  useThread,
  useWrite,
} from './letters';
import { type Match, useMatches } from './queries';
import { REPORT_REASONS } from './reasons';
import { loadFontsFor } from './scripts';
import './penpals.css';

const REASONS = REPORT_REASONS;

/** "Arrives in about 5 hours": the travel time left, from the API's delivery time. */
function ArrivesIn({ deliverAt }: { deliverAt: string }) {
  const left = new Date(deliverAt).getTime() - Date.now();
  if (left < 60_000) return <Trans>Arrives in a moment.</Trans>;
  if (left < 3600_000) {
    const minutes = Math.round(left / 60_000);
    return (
      <Plural
        value={minutes}
        one="Arrives in about # minute."
        other="Arrives in about # minutes."
      />
    );
  }
  const hours = Math.round(left / 3600_000);
  return <Plural value={hours} one="Arrives in about # hour." other="Arrives in about # hours." />;
}

/** What became of a letter I wrote, in plain words. */
function MyLetterState({ letter, name }: { letter: Letter; name: string }) {
  switch (letter.status) {
    case 'scheduled':
      return (
        <p className="letter-state">
          <Trans>On its way to {name}.</Trans> <ArrivesIn deliverAt={letter.deliverAt} />
        </p>
      );
    case 'held':
      return (
        <p className="letter-state letter-held">
          <Trans>
            Waiting for a check: this letter seems to share contact details (like a phone number, an
            email, a link or a messenger name). A coordinator reads it first to keep everyone safe,
            and we'll tell you what they decide.
          </Trans>
        </p>
      );
    case 'removed':
      return (
        <p className="letter-state letter-removed">
          <Trans>Not sent: this letter was not passed on to {name}.</Trans>
        </p>
      );
    default:
      return (
        <p className="letter-state">
          {letter.readAt ? <Trans>Read by {name}</Trans> : <Trans>Delivered</Trans>}
        </p>
      );
  }
}

function ReportForm({
  letter,
  matchId,
  onDone,
  onCancel,
}: {
  letter: Letter;
  matchId: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useLingui();
  const report = useReport(matchId);
  return (
    <form
      className="stack report-form"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        report.mutate(
          {
            letterId: letter.id,
            reason: String(data.get('reason')) as ReportReason,
            detail: String(data.get('detail') ?? '').trim() || undefined,
          },
          { onSuccess: onDone },
        );
      }}
    >
      <SelectField label={t`What is wrong with this letter?`} name="reason" required>
        {(Object.keys(REASONS) as ReportReason[]).map((r) => (
          <option key={r} value={r}>
            {i18n._(REASONS[r])}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t`Anything else the coordinators should know? (optional)`}
        name="detail"
        rows={3}
        maxLength={2000}
      />
      <ErrorMessage error={report.error} />
      <p className="actions">
        <button type="submit" className="button button-danger" disabled={report.isPending}>
          <Trans>Send the report</Trans>
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          <Trans>Cancel</Trans>
        </button>
      </p>
    </form>
  );
}

function LetterItem({
  letter,
  match,
  onReported,
}: {
  letter: Letter;
  match: Match;
  onReported: () => void;
}) {
  const { i18n } = useLingui();
  const [reporting, setReporting] = useState(false);
  const name = match.penpal.displayName;
  const mine = letter.from === 'me';
  const headingId = useId();
  const when = dateTime(i18n, mine ? letter.createdAt : letter.deliverAt);
  useEffect(() => loadFontsFor(letter.body), [letter.body]);
  return (
    <li className={mine ? 'letter letter-mine' : 'letter letter-theirs'}>
      <article aria-labelledby={headingId} className="stack">
        <h3 id={headingId} className="letter-head">
          {mine ? <Trans>You wrote</Trans> : <Trans>{name} wrote</Trans>}{' '}
          <span className="letter-when">{when}</span>
        </h3>
        <div className="letter-body" lang={letter.language ?? undefined}>
          {letter.body}
        </div>
        {mine ? (
          <MyLetterState letter={letter} name={name} />
        ) : reporting ? (
          <ReportForm
            letter={letter}
            matchId={match.matchId}
            onCancel={() => setReporting(false)}
            onDone={onReported}
          />
        ) : (
          <p className="actions">
            <button
              type="button"
              className="button-link"
              onClick={() => setReporting(true)}
              aria-describedby={headingId}
            >
              <Trans>Report this letter</Trans>
            </button>
          </p>
        )}
      </article>
    </li>
  );
}

/** Conversation starters from the API, for the pen pal's interests and in general. */
function Starters({ match, onPick }: { match: Match; onPick: (text: string) => void }) {
  const { i18n } = useLingui();
  const interest = match.penpal.interests?.[0];
  const locale = isLocale(i18n.locale) ? i18n.locale : 'en';
  const forInterest = usePrompts(locale, interest);
  const general = usePrompts(locale);
  const prompts = [
    ...new Set([...(forInterest.data?.prompts ?? []), ...(general.data?.prompts ?? [])]),
  ].slice(0, 4);
  if (prompts.length === 0) return null;
  const name = match.penpal.displayName;
  const topic = interest ? interestWords(i18n, interest) : '';
  return (
    <section className="starters stack" aria-labelledby="starters">
      <h3 id="starters">
        <Trans>Not sure how to begin?</Trans>
      </h3>
      <p className="hint">
        {topic ? (
          <Trans>
            {name} likes {topic}. Pick an idea to start your letter with it.
          </Trans>
        ) : (
          <Trans>Pick an idea to start your letter with it.</Trans>
        )}
      </p>
      <ul className="plain-list stack">
        {prompts.map((p) => (
          <li key={p}>
            <button type="button" className="starter" onClick={() => onPick(p)}>
              {p}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function SentNotice({ sent, name }: { sent: Written; name: string }) {
  if (sent.status === 'held')
    return (
      <p className="alert alert-warn" role="status">
        <Trans>
          Your letter is waiting for a check: it seems to share contact details (like a phone
          number, an email, a link or a messenger name). A coordinator reads it first to keep
          everyone safe, and we'll tell you what they decide.
        </Trans>
      </p>
    );
  if (sent.status === 'scheduled')
    return (
      <Notice>
        <Trans>Sent! Your letter is on its way to {name}.</Trans>{' '}
        <ArrivesIn deliverAt={sent.deliverAt} />
      </Notice>
    );
  return (
    <Notice>
      <Trans>Sent! {name} can read your letter now.</Trans>
    </Notice>
  );
}

function sendError(i18n: I18n, error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  if (error.problem.code === 'TOO_MANY_LETTERS')
    return i18n._(
      msg`You've written all the letters you can send to this pen pal today. Your draft is kept: send it tomorrow.`,
    );
  if (error.problem.code === 'MATCH_NOT_ACTIVE')
    return i18n._(msg`This match has ended, so letters can't be sent any more.`);
  return null;
}

function Composer({ match }: { match: Match }) {
  const { t, i18n } = useLingui();
  const draft = useDraft(match.matchId);
  const write = useWrite(match.matchId);
  const [sent, setSent] = useState<Written | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const name = match.penpal.displayName;
  const length = draft.text.length;
  const over = length > MAX_LETTER_LENGTH;
  const count = i18n.number(length);
  const most = i18n.number(MAX_LETTER_LENGTH);
  const special = sendError(i18n, write.error);
  return (
    <section className="composer stack" aria-labelledby="write">
      <h2 id="write">
        <Trans>Write to {name}</Trans>
      </h2>
      {sent && <SentNotice sent={sent} name={name} />}
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (!draft.text.trim() || over) return;
          write.mutate(
            { body: draft.text },
            {
              onSuccess: (letter) => {
                draft.clear();
                setSent(letter);
              },
            },
          );
        }}
      >
        <div ref={box}>
          <TextAreaField
            label={t`Your letter`}
            hint={
              <>
                <span className={over ? 'counter counter-over' : 'counter'}>
                  <Trans>
                    {count} of {most} characters.
                  </Trans>
                </span>{' '}
                <Trans>Your draft is kept on this device until you send it.</Trans>
              </>
            }
            name="body"
            rows={8}
            value={draft.text}
            onChange={(e) => {
              draft.change(e.currentTarget.value);
              setSent(null);
            }}
            error={over ? t`This letter is too long: make it shorter.` : undefined}
          />
        </div>
        {draft.text.trim() === '' && (
          <Starters
            match={match}
            onPick={(text) => {
              draft.change(`${text}\n\n`);
              box.current?.querySelector('textarea')?.focus();
            }}
          />
        )}
        {special ? (
          <p className="alert alert-error" role="alert">
            {special}
          </p>
        ) : (
          <ErrorMessage error={write.error} />
        )}
        <p className="actions">
          <button
            type="submit"
            className="button"
            disabled={write.isPending || over || draft.text.trim() === ''}
          >
            {write.isPending ? <Trans>Sending…</Trans> : <Trans>Send the letter</Trans>}
          </button>
        </p>
      </form>
    </section>
  );
}

function EndMatch({ match }: { match: Match }) {
  const { t } = useLingui();
  const end = useEndMatch(match.matchId);
  const [asking, setAsking] = useState(false);
  const name = match.penpal.displayName;
  return (
    <section className="stack end-match" aria-labelledby="end">
      <h2 id="end">
        <Trans>Stop writing to {name}</Trans>
      </h2>
      {asking ? (
        <form
          className="stack confirm"
          onSubmit={(e) => {
            e.preventDefault();
            const reason = String(new FormData(e.currentTarget).get('reason') ?? '').trim();
            end.mutate(reason || undefined);
          }}
        >
          <p>
            <Trans>
              End this match and block {name}? Neither of you can send letters any more, letters on
              the way are not delivered, and you won't be matched again. {name} is told the match
              ended, not why.
            </Trans>
          </p>
          <TextAreaField
            label={t`Why? Only the coordinators see this (optional)`}
            name="reason"
            rows={3}
            maxLength={2000}
          />
          <ErrorMessage error={end.error} />
          <p className="actions">
            <button type="submit" className="button button-danger" disabled={end.isPending}>
              <Trans>Yes, end and block</Trans>
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setAsking(false)}
            >
              <Trans>Keep writing</Trans>
            </button>
          </p>
        </form>
      ) : (
        <p className="actions">
          <button type="button" className="button button-secondary" onClick={() => setAsking(true)}>
            <Trans>End this match and block {name}</Trans>
          </button>
        </p>
      )}
    </section>
  );
}

function ThreadBody({ match }: { match: Match }) {
  const thread = useThread(match.matchId);
  const [reported, setReported] = useState(false);
  useMarkThreadRead(match.matchId, thread.letters);
  const name = match.penpal.displayName;
  const active = match.status === 'accepted';
  return (
    <>
      <section className="stack" aria-labelledby="letters">
        <h2 id="letters" className="visually-hidden">
          <Trans>Letters</Trans>
        </h2>
        {reported && (
          <Notice>
            <Trans>
              Thank you for telling us. The letter is hidden for you while a coordinator looks at
              it.
            </Trans>
          </Notice>
        )}
        {thread.isPending ? (
          <Loading />
        ) : thread.isError ? (
          <ErrorMessage error={thread.error} />
        ) : (
          <>
            {thread.hasNextPage && (
              <p className="actions">
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={thread.isFetchingNextPage}
                  onClick={() => void thread.fetchNextPage()}
                >
                  {thread.isFetchingNextPage ? (
                    <Trans>Loading older letters…</Trans>
                  ) : (
                    <Trans>Show older letters</Trans>
                  )}
                </button>
              </p>
            )}
            {thread.letters.length === 0 ? (
              <p>
                <Trans>No letters yet. Why not write the first one?</Trans>
              </p>
            ) : (
              <ol className="thread plain-list">
                {thread.letters.map((l) => (
                  <LetterItem
                    key={l.id}
                    letter={l}
                    match={match}
                    onReported={() => setReported(true)}
                  />
                ))}
              </ol>
            )}
          </>
        )}
      </section>
      {active ? (
        <>
          <Composer match={match} />
          <EndMatch match={match} />
        </>
      ) : (
        <p className="alert alert-warn">
          {match.status === 'ended' ? (
            <Trans>This match has ended: you and {name} can't send letters any more.</Trans>
          ) : (
            <Trans>Letters open here once you both accept.</Trans>
          )}
        </p>
      )}
    </>
  );
}

function ThreadPage() {
  const { t } = useLingui();
  const { matchId = '' } = useParams();
  const matches = useMatches();
  const match = matches.data?.find((m) => m.matchId === matchId);
  const name = match?.penpal.displayName ?? '';
  const title = match ? t`Letters with ${name}` : t`Letters`;
  return (
    <Page title={title}>
      <p>
        <Link to="/penpals">
          <Trans>Back to my pen pals</Trans>
        </Link>
      </p>
      {matches.isPending ? (
        <Loading />
      ) : matches.isError ? (
        <ErrorMessage error={matches.error} />
      ) : !match || match.status === 'declined' ? (
        <p>
          <Trans>We couldn't find this pen pal. The match may have been removed.</Trans>
        </p>
      ) : (
        <ThreadBody match={match} />
      )}
    </Page>
  );
}

export default function Thread() {
  return (
    <RequireSignIn>
      <ThreadPage />
    </RequireSignIn>
  );
}
