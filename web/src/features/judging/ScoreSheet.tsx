import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../app/api';
import { fieldErrors } from '../../app/errors';
import { ErrorMessage, Notice, TextAreaField, TextField } from '../../app/forms';
import { formatMoment, formatNumber } from '../staff/When';
import { type Assignment, type Criterion, fetchAssignment, useSaveScore } from './queries';
import { changedCriteria, outOfRange, parseScores, weightedTotal } from './score';

const AUTOSAVE_MS = 1500;

const asTyped = (scores: Record<string, number>): Record<string, string> =>
  Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, String(v)]));

/** What is saved on the server after a 409, beside what the judge typed. */
function ConflictPanel({
  rubric,
  theirs,
  mine,
  onKeepMine,
  onUseTheirs,
}: {
  rubric: Criterion[];
  theirs: Assignment;
  mine: Record<string, number>;
  onKeepMine: () => void;
  onUseTheirs: () => void;
}) {
  const { i18n } = useLingui();
  const changed = new Set(changedCriteria(rubric, mine, theirs.score.scores));
  const final = theirs.score.state === 'final';
  return (
    <section className="alert alert-error stack" role="alert" aria-labelledby="score-conflict">
      <h3 id="score-conflict">
        <Trans>This score was changed somewhere else</Trans>
      </h3>
      <p>
        {final ? (
          <Trans>
            It was sent as final from another tab or device, so it can no longer change. What you
            typed is still below.
          </Trans>
        ) : (
          <Trans>
            It was saved from another tab or device after you opened it. What you typed is still
            below: nothing is lost.
          </Trans>
        )}
      </p>
      <table className="compare">
        <caption className="visually-hidden">
          <Trans>What is saved, and what you typed</Trans>
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <Trans>Criterion</Trans>
            </th>
            <th scope="col">
              <Trans>Saved</Trans>
            </th>
            <th scope="col">
              <Trans>Yours</Trans>
            </th>
          </tr>
        </thead>
        <tbody>
          {rubric.map((c) => (
            <tr key={c.key} className={changed.has(c.key) ? 'changed' : undefined}>
              <th scope="row">{c.label}</th>
              <td>
                {c.key in theirs.score.scores
                  ? formatNumber(i18n.locale, theirs.score.scores[c.key], 2)
                  : '–'}
              </td>
              <td>{c.key in mine ? formatNumber(i18n.locale, mine[c.key], 2) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {theirs.score.comment && (
        <p>
          <Trans>Saved comment:</Trans> {theirs.score.comment}
        </p>
      )}
      {!final && (
        <div className="actions">
          <button type="button" className="button" onClick={onKeepMine}>
            <Trans>Save mine over it</Trans>
          </button>
          <button type="button" className="button-secondary" onClick={onUseTheirs}>
            <Trans>Use the saved score</Trans>
          </button>
        </div>
      )}
    </section>
  );
}

/**
 * The score sheet: a field per criterion, the weighted total as the judge types, a comment;
 * drafts save themselves, the final score is sent after a confirmation.
 */
export function ScoreSheet({ assignment }: { assignment: Assignment }) {
  const { t, i18n } = useLingui();
  const { rubric } = assignment;
  const save = useSaveScore(assignment.id);
  const [typed, setTyped] = useState(() => asTyped(assignment.score.scores));
  const [comment, setComment] = useState(assignment.score.comment ?? '');
  const [version, setVersion] = useState(assignment.score.version);
  const [edits, setEdits] = useState(0);
  const [savedEdits, setSavedEdits] = useState(0);
  const [savedAt, setSavedAt] = useState(assignment.score.scoredAt);
  const [theirs, setTheirs] = useState<Assignment | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [missing, setMissing] = useState<string[]>([]);
  const confirmRef = useRef<HTMLDivElement>(null);

  const values = parseScores(rubric, typed);
  const bad = new Set(outOfRange(rubric, values));
  const total = weightedTotal(rubric, values);
  const final = assignment.score.state === 'final';
  const editable =
    !final &&
    assignment.access === 'open' &&
    assignment.status === 'active' &&
    assignment.roundStatus === 'open';
  const dirty = edits !== savedEdits;
  const serverErrors = fieldErrors(i18n, save.error);

  const send = (isFinal: boolean, over = version) => {
    const sent = edits;
    save.mutate(
      { scores: values, comment, final: isFinal, version: over },
      {
        onSuccess: (saved) => {
          setVersion(saved.score.version);
          setSavedAt(saved.score.scoredAt);
          setSavedEdits(sent);
          setTheirs(null);
          setConfirming(false);
        },
        onError: async (err) => {
          setConfirming(false);
          if (err instanceof ApiError && err.problem.status === 409) {
            const now = await fetchAssignment(assignment.id).catch(() => null);
            if (now && (now.score.version !== over || now.score.state === 'final')) setTheirs(now);
          }
        },
      },
    );
  };

  // Autosave: a draft a moment after the judge stops typing, never over a conflict or bad value.
  useEffect(() => {
    if (!dirty || !editable || theirs || bad.size > 0 || save.isPending || confirming) return;
    const timer = setTimeout(() => send(false), AUTOSAVE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `send` reads the current state
  }, [edits, dirty, editable, theirs, bad.size, save.isPending, confirming]);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const change = (key: string, value: string) => {
    setTyped((prev) => ({ ...prev, [key]: value }));
    setMissing((prev) => prev.filter((k) => k !== key));
    setEdits((n) => n + 1);
  };

  const askFinal = () => {
    const left = rubric.filter((c) => !(c.key in values)).map((c) => c.key);
    setMissing(left);
    if (left.length === 0 && bad.size === 0) setConfirming(true);
  };

  const fieldError = (c: Criterion): string | undefined => {
    if (bad.has(c.key)) {
      const { min, max } = c;
      return t`Enter a number from ${min} to ${max}.`;
    }
    if (missing.includes(c.key)) return t`A final score needs a value here.`;
    return serverErrors[`scores.${c.key}`];
  };

  const totalText =
    total.value === null ? t`No scores yet` : formatNumber(i18n.locale, total.value, 2);
  const scaleMin = formatNumber(i18n.locale, total.min, 2);
  const scaleMax = formatNumber(i18n.locale, total.max, 2);
  const savedWhen = savedAt ? formatMoment(i18n.locale, savedAt) : '';
  const filled = total.filled;
  const of = total.of;

  return (
    <section className="card stack score-sheet" aria-labelledby="score-sheet">
      <h2 id="score-sheet">
        <Trans>Your score</Trans>
      </h2>
      {final && (
        <Notice>
          <Trans>Your final score is sent. It can no longer change.</Trans>
        </Notice>
      )}
      {!final && assignment.roundStatus === 'draft' && (
        <p className="hint">
          <Trans>The round has not opened yet: you can score once the coordinator opens it.</Trans>
        </p>
      )}
      {theirs && (
        <ConflictPanel
          rubric={rubric}
          theirs={theirs}
          mine={values}
          onKeepMine={() => send(false, theirs.score.version)}
          onUseTheirs={() => {
            setTyped(asTyped(theirs.score.scores));
            setComment(theirs.score.comment ?? '');
            setVersion(theirs.score.version);
            setSavedEdits(edits);
            setTheirs(null);
          }}
        />
      )}
      {!theirs && <ErrorMessage error={save.error} />}
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          askFinal();
        }}
      >
        {rubric.map((c) => {
          const { min, max, weight } = c;
          return (
            <TextField
              key={c.key}
              label={c.label}
              hint={
                <>
                  {c.description && <span className="criterion-description">{c.description} </span>}
                  <span className="criterion-range">
                    <Trans>
                      From {min} to {max} · weight {weight}
                    </Trans>
                  </span>
                </>
              }
              type="number"
              inputMode="decimal"
              step="any"
              min={min}
              max={max}
              name={`score-${c.key}`}
              value={typed[c.key] ?? ''}
              onChange={(e) => change(c.key, e.target.value)}
              readOnly={!editable}
              error={fieldError(c)}
            />
          );
        })}
        <p className="total" aria-live="polite">
          <span className="total-label">
            <Trans>Weighted total</Trans>
          </span>{' '}
          <output className="total-value">{totalText}</output>{' '}
          <span className="muted">
            <Trans>
              on a scale from {scaleMin} to {scaleMax}
            </Trans>
            {filled < of && (
              <>
                {' '}
                <Trans>
                  ({filled} of {of} criteria so far)
                </Trans>
              </>
            )}
          </span>
        </p>
        <TextAreaField
          label={t`Comment`}
          hint={t`What works and what could be better. The coordinators read it.`}
          name="comment"
          maxLength={5000}
          value={comment}
          onChange={(e) => {
            setComment(e.target.value);
            setEdits((n) => n + 1);
          }}
          readOnly={!editable}
        />
        {editable && (
          <p className="save-state" role="status">
            {save.isPending ? (
              <Trans>Saving…</Trans>
            ) : dirty ? (
              <Trans>Not saved yet</Trans>
            ) : savedAt ? (
              <Trans>Draft saved ({savedWhen})</Trans>
            ) : null}
          </p>
        )}
        {editable && !confirming && (
          <div className="actions">
            <button
              type="button"
              className="button-secondary"
              disabled={save.isPending || bad.size > 0}
              onClick={() => send(false)}
            >
              <Trans>Save draft</Trans>
            </button>
            <button type="submit" className="button" disabled={save.isPending}>
              <Trans>Send final score</Trans>
            </button>
          </div>
        )}
        {editable && confirming && (
          <div
            className="confirm stack"
            role="alertdialog"
            aria-labelledby="confirm-final"
            aria-describedby="confirm-final-text"
            tabIndex={-1}
            ref={confirmRef}
          >
            <h3 id="confirm-final">
              <Trans>Send this as your final score?</Trans>
            </h3>
            <p id="confirm-final-text">
              <Trans>Weighted total {totalText}. A final score cannot be changed afterwards.</Trans>
            </p>
            <div className="actions">
              <button
                type="button"
                className="button"
                disabled={save.isPending}
                onClick={() => send(true)}
              >
                <Trans>Yes, send final score</Trans>
              </button>
              <button
                type="button"
                className="button-secondary"
                onClick={() => setConfirming(false)}
              >
                <Trans>Keep editing</Trans>
              </button>
            </div>
          </div>
        )}
      </form>
    </section>
  );
}
