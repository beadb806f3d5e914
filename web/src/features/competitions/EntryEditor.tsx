import type { I18n, MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, NetworkError } from '../../app/api';
import { describeError, describeFieldError } from '../../app/errors';
import {
  Checkboxes,
  ErrorMessage,
  Notice,
  SelectField,
  TextAreaField,
  TextField,
} from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page, RequireSignIn } from '../../app/Page';
import { type Draft } from './draft';
import { countryName } from '../../app/countries';
import { formatInstant, namesOf } from './format';
import {
  fetchSubmission,
  type Submission,
  useSubmission,
  useSubmit,
  useVersions,
  useWithdraw,
  type Version,
} from './queries';
import { Uploads } from './Uploads';
import { type SaveState, useAutosave } from './useAutosave';
import './competitions.css';

const LANGUAGES = ['ko', 'en', 'id', 'ms', 'th', 'vi', 'tl', 'km', 'lo', 'my', 'zh', 'ja'];
const COUNTRIES = ['KR', 'BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN'];

export const FIELD_LABEL: Record<string, MessageDescriptor> = {
  title: msg`Title`,
  logline: msg`Logline (one sentence about the film)`,
  synopsis: msg`Synopsis`,
  runtimeSeconds: msg`Length in seconds`,
  language: msg`Spoken language`,
  subtitleLanguages: msg`Subtitles`,
  videoUrl: msg`Link to the video (https)`,
  credits: msg`Credits`,
  rightsConfirmed: msg`Rights`,
  video: msg`Video`,
  problem: msg`The problem your project tackles`,
  sdgs: msg`Sustainable Development Goals`,
  targetCountries: msg`Countries the project is for`,
  plan: msg`Plan`,
  milestones: msg`Milestones`,
  budgetUsd: msg`Budget in US dollars`,
  partnersSought: msg`Partners you are looking for (separate with commas)`,
  team: msg`Team`,
};

const SAVE_STATE: Record<SaveState, MessageDescriptor> = {
  saved: msg`All changes saved`,
  waiting: msg`Saving soon…`,
  saving: msg`Saving…`,
  offline: msg`No connection: your text is kept here and saved when you're back online.`,
  failed: msg`Not saved.`,
  conflict: msg`Not saved yet: someone else changed this entry.`,
};

/** Every action the API lists (its enum): a new one fails the type check until it has words. */
const ACTION: Record<Version['action'], MessageDescriptor> = {
  created: msg`started the entry`,
  edited: msg`edited`,
  asset_added: msg`added a file`,
  asset_removed: msg`removed a file`,
  submitted: msg`submitted`,
  withdrawn: msg`withdrew the entry`,
  shortlisted: msg`shortlisted the entry`,
  unshortlisted: msg`took the entry off the shortlist`,
  awarded: msg`gave the entry an award`,
};

export const STATUS: Record<string, MessageDescriptor> = {
  draft: msg`Draft`,
  submitted: msg`Submitted`,
  withdrawn: msg`Withdrawn`,
  shortlisted: msg`Shortlisted`,
  awarded: msg`Awarded`,
};

/** The sentence for one thing the API says is missing or wrong when submitting. */
function missingSentence(i18n: I18n, e: { path: string; message: string; code?: string }): string {
  if (e.path === 'video') return i18n._(msg`Upload the film or give a link to it.`);
  if (e.code === 'TOO_LONG') return i18n._(msg`The film is longer than this competition allows.`);
  if (/mixed team/.test(e.message)) {
    return i18n._(
      msg`This competition needs a mixed team: at least one member from Korea and one from an ASEAN country.`,
    );
  }
  if (/at least/.test(e.message) && e.path === 'team') {
    return i18n._(msg`Your team has too few members for this competition.`);
  }
  if (/at most/.test(e.message) && e.path === 'team') {
    return i18n._(msg`Your team has too many members for this competition.`);
  }
  if (/not completed their profile/.test(e.message)) {
    return i18n._(msg`A team member has not finished their profile yet.`);
  }
  if (e.path.startsWith('team'))
    return i18n._(msg`A team member can't take part in this competition.`);
  return describeFieldError(i18n, e);
}

function History({ id }: { id: string }) {
  const { i18n } = useLingui();
  const versions = useVersions(id);
  return (
    <details className="card">
      <summary>
        <Trans>Version history</Trans>
      </summary>
      <ErrorMessage error={versions.error} />
      <ol reversed className="history">
        {versions.data?.items.map((v) => {
          const n = v.version;
          const who = v.authorName ?? '—';
          const when = formatInstant(v.createdAt, i18n.locale);
          const what = i18n._(ACTION[v.action] ?? ACTION.edited);
          const fields = Object.keys(v.changes)
            .map((f) => (FIELD_LABEL[f] ? i18n._(FIELD_LABEL[f]) : f))
            .join(', ');
          return (
            <li key={v.version}>
              <Trans>
                Version {n}: {who} {what}, {when}
              </Trans>
              {v.action === 'edited' && fields && <span className="hint"> ({fields})</span>}
            </li>
          );
        })}
      </ol>
    </details>
  );
}

function Receipt({ submission }: { submission: Submission }) {
  const { i18n } = useLingui();
  if (!submission.submittedAt || submission.status !== 'submitted') return null;
  const when = formatInstant(submission.submittedAt, i18n.locale);
  const title = submission.title;
  const n = submission.version;
  const files = submission.assets.length;
  return (
    <section aria-labelledby="receipt-h" className="card receipt">
      <h2 id="receipt-h">
        <Trans>Your entry is in</Trans>
      </h2>
      <p>
        <Trans>
          “{title}” was submitted on {when} (version {n}, {files} files). We emailed a receipt to
          every team member.
        </Trans>
      </p>
    </section>
  );
}

function Editor({ initial }: { initial: Submission }) {
  const { t, i18n } = useLingui();
  const client = useQueryClient();
  const auto = useAutosave(initial);
  const s = auto.server;
  const d = auto.draft;
  const submit = useSubmit(s.id);
  const withdraw = useWithdraw(s.id);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const key = useRef<string | null>(null);
  const deadline = formatInstant(s.deadline.effectiveClosesAt, i18n.locale);
  const deadlineThere = formatInstant(
    s.deadline.effectiveClosesAt,
    i18n.locale,
    s.deadline.timezone,
  );
  const zone = s.deadline.timezone;
  const editable = s.status === 'draft' || s.status === 'submitted';
  const reload = async () => {
    const fresh = await fetchSubmission(s.id);
    client.setQueryData(['submission', s.id], fresh);
    void client.invalidateQueries({ queryKey: ['submission', s.id, 'versions'] });
    auto.refreshed(fresh);
  };

  // What the API said is missing: beside each field, and the rest (team, video) in a list.
  const problems =
    submit.error instanceof ApiError && submit.error.problem.status === 422
      ? (submit.error.problem.errors ?? [])
      : [];
  const fieldError: Record<string, string> = {};
  for (const p of problems) fieldError[p.path] ??= missingSentence(i18n, p);
  const saveErrors =
    auto.state === 'failed' && auto.error instanceof ApiError
      ? (auto.error.problem.errors ?? [])
      : [];
  for (const p of saveErrors) fieldError[p.path] ??= describeFieldError(i18n, p);
  const err = (f: string) => fieldError[f];

  const bind = (f: keyof Draft) => ({
    value: d[f] as string,
    onChange: (e: { target: { value: string } }) => auto.edit({ [f]: e.target.value }),
    error: err(f),
    disabled: !editable,
  });
  const langName = namesOf(i18n.locale, 'language');
  const labelOf = (f: string) => (FIELD_LABEL[f] ? i18n._(FIELD_LABEL[f]) : f);
  const status = i18n._(STATUS[s.status] ?? STATUS.draft);

  return (
    <Page title={s.title || t`Entry`} wide>
      <p>
        <span className="badge">{status}</span>{' '}
        <Link to={`/teams/${s.teamId}`}>
          <Trans>Team: {s.teamName}</Trans>
        </Link>
      </p>
      <p className="hint">
        <Trans>Deadline: {deadline}</Trans>
        {zone !== Intl.DateTimeFormat().resolvedOptions().timeZone && (
          <>
            {' '}
            <Trans>
              ({deadlineThere} in {zone})
            </Trans>
          </>
        )}
      </p>
      <Receipt submission={s} />
      <p className={`save-state save-${auto.state}`} role="status" aria-live="polite">
        {i18n._(SAVE_STATE[auto.state])}
        {auto.state === 'failed' && auto.error !== null && ` ${describeError(i18n, auto.error)}`}
      </p>
      {auto.conflict && (
        <div className="alert alert-error conflict" role="alert">
          <p>
            <Trans>
              Someone in your team saved this entry while you were typing. We added their changes
              and kept what you typed.
            </Trans>
          </p>
          <ul>
            {auto.conflict.versions.map((v) => (
              <li key={v.version}>
                {v.authorName ?? '—'}: {Object.keys(v.changes).map(labelOf).join(', ')}
              </li>
            ))}
          </ul>
          {auto.conflict.clashes.length > 0 && (
            <>
              <p>
                <Trans>You both changed these. Their text:</Trans>
              </p>
              <dl className="facts">
                {auto.conflict.clashes.map((c) => (
                  <div key={c.field}>
                    <dt>{labelOf(c.field)}</dt>
                    <dd>{Array.isArray(c.theirs) ? c.theirs.join(', ') : String(c.theirs)}</dd>
                  </div>
                ))}
              </dl>
            </>
          )}
          <p className="actions">
            <button type="button" className="button" onClick={auto.keepMine}>
              <Trans>Save my text</Trans>
            </button>
            {auto.conflict.clashes.length > 0 && (
              <button type="button" className="button button-secondary" onClick={auto.takeTheirs}>
                <Trans>Use their text</Trans>
              </button>
            )}
          </p>
        </div>
      )}

      <form className="stack" onSubmit={(e) => e.preventDefault()}>
        <TextField label={labelOf('title')} maxLength={200} required {...bind('title')} />
        {s.kind === 'short_movie' ? (
          <>
            <TextField label={labelOf('logline')} maxLength={300} {...bind('logline')} />
            <TextAreaField
              label={labelOf('synopsis')}
              rows={5}
              maxLength={5000}
              {...bind('synopsis')}
            />
            <TextField
              label={labelOf('runtimeSeconds')}
              hint={t`For example 540 for a film of 9 minutes.`}
              type="number"
              inputMode="numeric"
              min={1}
              {...bind('runtimeSeconds')}
            />
            <SelectField label={labelOf('language')} {...bind('language')}>
              <option value="">{t`Choose…`}</option>
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {langName.of(l)}
                </option>
              ))}
            </SelectField>
            <Checkboxes
              legend={labelOf('subtitleLanguages')}
              options={LANGUAGES}
              value={d.subtitleLanguages}
              onChange={(v) => auto.edit({ subtitleLanguages: v })}
              labelOf={(l) => langName.of(l) ?? l}
              error={err('subtitleLanguages')}
              disabled={!editable}
            />
            <TextField
              label={labelOf('videoUrl')}
              hint={t`Or upload the film below.`}
              type="url"
              inputMode="url"
              {...bind('videoUrl')}
              error={err('videoUrl') ?? err('video')}
            />
            <TextAreaField
              label={labelOf('credits')}
              rows={3}
              maxLength={5000}
              {...bind('credits')}
            />
            <div className={err('rightsConfirmed') ? 'field field-invalid' : 'field'}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={d.rightsConfirmed}
                  disabled={!editable}
                  aria-invalid={err('rightsConfirmed') ? true : undefined}
                  aria-describedby={err('rightsConfirmed') ? 'rights-error' : undefined}
                  onChange={(e) => auto.edit({ rightsConfirmed: e.target.checked })}
                />
                <Trans>
                  Our team made this film or has permission for everything in it (music, images,
                  people).
                </Trans>
              </label>
              {err('rightsConfirmed') && (
                <p className="field-error" id="rights-error">
                  {err('rightsConfirmed')}
                </p>
              )}
            </div>
          </>
        ) : (
          <>
            <TextAreaField label={labelOf('problem')} rows={4} {...bind('problem')} />
            <Checkboxes
              legend={labelOf('sdgs')}
              options={Array.from({ length: 17 }, (_, i) => i + 1)}
              value={d.sdgs}
              onChange={(v) => auto.edit({ sdgs: v })}
              labelOf={(n) => t`Goal ${n}`}
              error={err('sdgs')}
              disabled={!editable}
            />
            <Checkboxes
              legend={labelOf('targetCountries')}
              options={COUNTRIES}
              value={d.targetCountries}
              onChange={(v) => auto.edit({ targetCountries: v })}
              labelOf={(c) => countryName(i18n.locale, c)}
              error={err('targetCountries')}
              disabled={!editable}
            />
            <TextAreaField label={labelOf('plan')} rows={5} {...bind('plan')} />
            <fieldset
              className={err('milestones') ? 'field field-invalid' : 'field'}
              disabled={!editable}
            >
              <legend>{labelOf('milestones')}</legend>
              {d.milestones.map((m, i) => {
                const n = i + 1;
                const set = (change: Partial<{ title: string; due: string }>) =>
                  auto.edit({
                    milestones: d.milestones.map((x, j) => (j === i ? { ...x, ...change } : x)),
                  });
                return (
                  <div key={i} className="milestone">
                    <TextField
                      label={t`Milestone ${n}`}
                      value={m.title}
                      onChange={(e) => set({ title: e.target.value })}
                    />
                    <TextField
                      label={t`Date of milestone ${n}`}
                      type="date"
                      value={m.due}
                      onChange={(e) => set({ due: e.target.value })}
                    />
                  </div>
                );
              })}
              <button
                type="button"
                className="button button-secondary"
                onClick={() => auto.edit({ milestones: [...d.milestones, { title: '', due: '' }] })}
              >
                <Trans>Add a milestone</Trans>
              </button>
              {err('milestones') && <p className="field-error">{err('milestones')}</p>}
            </fieldset>
            <TextField
              label={labelOf('budgetUsd')}
              type="number"
              inputMode="decimal"
              min={0}
              step="0.01"
              {...bind('budgetUsd')}
            />
            <TextField label={labelOf('partnersSought')} {...bind('partnersSought')} />
          </>
        )}
      </form>

      <Uploads submission={s} onChange={() => void reload()} />

      {problems.some((p) => p.path.startsWith('team') || p.path === 'video') && (
        <div className="alert alert-error" role="alert">
          <p>
            <Trans>Before you can submit:</Trans>
          </p>
          <ul>
            {problems
              .filter((p) => p.path.startsWith('team') || p.path === 'video')
              .map((p, i) => (
                <li key={i}>{missingSentence(i18n, p)}</li>
              ))}
          </ul>
        </div>
      )}
      {s.status === 'draft' && (
        <section aria-labelledby="submit-h" className="card">
          <h2 id="submit-h">
            <Trans>Send it in</Trans>
          </h2>
          <p className="hint">
            <Trans>You can still change your entry after submitting, until the deadline.</Trans>
          </p>
          {problems.length > 0 ? (
            <p className="alert alert-error" role="alert">
              <Trans>Some things are still missing. They are marked in red above.</Trans>
            </p>
          ) : (
            <ErrorMessage error={submit.error} />
          )}
          <button
            type="button"
            className="button"
            disabled={submit.isPending || auto.state === 'saving' || auto.state === 'conflict'}
            onClick={async () => {
              await auto.saveNow();
              key.current ??= crypto.randomUUID();
              submit.mutate(key.current, {
                onSuccess: () => {
                  key.current = null;
                  void reload();
                },
                onError: (e) => {
                  // A refused submit is final for this key; a dropped answer keeps it for the retry.
                  if (!(e instanceof NetworkError)) key.current = null;
                },
              });
            }}
          >
            <Trans>Submit the entry</Trans>
          </button>
        </section>
      )}
      {s.status === 'submitted' && (
        <section aria-labelledby="withdraw-h" className="card">
          <h2 id="withdraw-h">
            <Trans>Withdraw</Trans>
          </h2>
          <ErrorMessage error={withdraw.error} />
          {!confirmWithdraw ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setConfirmWithdraw(true)}
            >
              <Trans>Withdraw the entry</Trans>
            </button>
          ) : (
            <>
              <p role="alert">
                <Trans>Are you sure? The judges will not see a withdrawn entry.</Trans>
              </p>
              <p className="actions">
                <button
                  type="button"
                  className="button button-danger"
                  disabled={withdraw.isPending}
                  onClick={() =>
                    withdraw.mutate(undefined, {
                      onSuccess: () => {
                        setConfirmWithdraw(false);
                        void reload();
                      },
                    })
                  }
                >
                  <Trans>Yes, withdraw it</Trans>
                </button>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => setConfirmWithdraw(false)}
                >
                  <Trans>Keep it in</Trans>
                </button>
              </p>
            </>
          )}
        </section>
      )}
      {s.status === 'withdrawn' && (
        <Notice>
          <Trans>This entry was withdrawn.</Trans>
        </Notice>
      )}
      <History id={s.id} />
    </Page>
  );
}

function EntryView({ id }: { id: string }) {
  const { t } = useLingui();
  const submission = useSubmission(id);
  if (submission.isPending) return <Loading />;
  if (!submission.data) {
    return (
      <Page title={t`Entry`}>
        <ErrorMessage error={submission.error} />
      </Page>
    );
  }
  return <Editor initial={submission.data} key={submission.data.id} />;
}

export default function EntryEditor() {
  const { id = '' } = useParams();
  return (
    <RequireSignIn>
      <EntryView id={id} />
    </RequireSignIn>
  );
}
