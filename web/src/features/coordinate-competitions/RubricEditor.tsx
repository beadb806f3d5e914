import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useRef, useState } from 'react';
import { TextAreaField, TextField } from '../../app/forms';
import { formatNumber } from '../staff/When';
import { blankRow, type CriterionRow, keyFromLabel, move, shares } from './rubric';

type Focus = { uid: string; control: 'up' | 'down' | 'label' } | null;

/**
 * The rubric as rows a coordinator edits: key, label, description, range and weight, with each
 * weight read as its share of 100 %. Rows move with buttons (keyboard and pointer alike); the
 * moved row's button keeps focus and a live region says where it went.
 */
export function RubricEditor({
  rows,
  onChange,
  errors,
  locked,
}: {
  rows: CriterionRow[];
  onChange: (rows: CriterionRow[]) => void;
  errors: Record<string, string>;
  locked?: boolean;
}) {
  const { t, i18n } = useLingui();
  const [said, setSaid] = useState('');
  const [focus, setFocus] = useState<Focus>(null);
  const list = useRef<HTMLOListElement>(null);
  const percent = shares(rows.map((r) => (r.weight.trim() === '' ? Number.NaN : Number(r.weight))));

  useEffect(() => {
    if (!focus || !list.current) return;
    const target = list.current.querySelector<HTMLElement>(
      `[data-row="${focus.uid}"] [data-control="${focus.control}"]`,
    );
    // A button at the end of the list is disabled: focus its row's other one instead.
    const usable =
      target && !(target as HTMLButtonElement).disabled
        ? target
        : list.current.querySelector<HTMLElement>(
            `[data-row="${focus.uid}"] [data-control="${focus.control === 'up' ? 'down' : 'up'}"]`,
          );
    usable?.focus();
    setFocus(null);
  }, [focus]);

  const name = (r: CriterionRow, i: number) => r.label.trim() || t`Criterion ${i + 1}`;
  const set = (i: number, patch: Partial<CriterionRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const shift = (i: number, by: number) => {
    const to = i + by;
    if (to < 0 || to >= rows.length) return;
    const moved = rows[i];
    onChange(move(rows, i, to));
    const place = to + 1;
    const of = rows.length;
    const label = name(moved, i);
    setSaid(t`${label} moved to place ${place} of ${of}.`);
    setFocus({ uid: moved.uid, control: by < 0 ? 'up' : 'down' });
  };
  const remove = (i: number) => {
    const label = name(rows[i], i);
    const rest = rows.filter((_, j) => j !== i);
    onChange(rest);
    setSaid(t`${label} removed.`);
    const neighbour = rest[Math.min(i, rest.length - 1)];
    if (neighbour) setFocus({ uid: neighbour.uid, control: 'label' });
  };
  const add = () => {
    const row = blankRow();
    onChange([...rows, row]);
    setSaid(t`Criterion added.`);
    setFocus({ uid: row.uid, control: 'label' });
  };

  return (
    <fieldset className="stack rubric-editor" disabled={locked}>
      <legend>
        <Trans>Rubric: what judges score</Trans>
      </legend>
      {locked && (
        <p className="hint">
          <Trans>Judges have scored already, so the rubric can no longer change.</Trans>
        </p>
      )}
      <p className="hint">
        <Trans>
          Each criterion gets a score between its lowest and highest. The weight says how much it
          counts: its share of the total is shown beside it.
        </Trans>
      </p>
      {errors.rubric && (
        <p className="field-error" role="alert">
          {errors.rubric}
        </p>
      )}
      <ol className="plain-list stack" ref={list}>
        {rows.map((r, i) => {
          const share = percent[i];
          const at = `rubric.${i}`;
          const label = name(r, i);
          const n = i + 1;
          return (
            <li key={r.uid} data-row={r.uid} className="criterion card stack">
              <div className="criterion-head">
                <h3>
                  <Trans>
                    {n}. {label}
                  </Trans>
                </h3>
                <p className="criterion-share" aria-live="off">
                  {share === null ? (
                    <Trans>Share: –</Trans>
                  ) : (
                    <Trans>Share: {formatNumber(i18n.locale, share)} %</Trans>
                  )}
                </p>
              </div>
              <div
                className="share-bar"
                aria-hidden="true"
                style={{ ['--share' as string]: `${share ?? 0}%` }}
              />
              <div className="row">
                <TextField
                  label={t`Label`}
                  value={r.label}
                  data-control="label"
                  maxLength={120}
                  onChange={(e) => set(i, { label: e.target.value })}
                  onBlur={() => {
                    if (!r.key.trim()) set(i, { key: keyFromLabel(r.label) });
                  }}
                  error={errors[`${at}.label`]}
                />
                <TextField
                  label={t`Key`}
                  hint={t`Used in the CSV and by the API: a–z, 0–9 and _.`}
                  value={r.key}
                  maxLength={40}
                  autoCapitalize="off"
                  spellCheck={false}
                  onChange={(e) => set(i, { key: e.target.value })}
                  error={errors[`${at}.key`]}
                />
              </div>
              <TextAreaField
                label={t`Description for judges`}
                value={r.description}
                rows={2}
                maxLength={1000}
                onChange={(e) => set(i, { description: e.target.value })}
                error={errors[`${at}.description`]}
              />
              <div className="row numbers">
                <TextField
                  label={t`Lowest score`}
                  type="number"
                  inputMode="decimal"
                  value={r.min}
                  onChange={(e) => set(i, { min: e.target.value })}
                  error={errors[`${at}.min`]}
                />
                <TextField
                  label={t`Highest score`}
                  type="number"
                  inputMode="decimal"
                  value={r.max}
                  onChange={(e) => set(i, { max: e.target.value })}
                  error={errors[`${at}.max`]}
                />
                <TextField
                  label={t`Weight`}
                  type="number"
                  inputMode="decimal"
                  min={0}
                  step="any"
                  value={r.weight}
                  onChange={(e) => set(i, { weight: e.target.value })}
                  error={errors[`${at}.weight`]}
                />
              </div>
              <div className="row-actions">
                <button
                  type="button"
                  className="button-secondary"
                  data-control="up"
                  disabled={i === 0}
                  aria-label={t`Move ${label} up`}
                  onClick={() => shift(i, -1)}
                >
                  <span aria-hidden="true">↑ </span>
                  <Trans>Up</Trans>
                </button>
                <button
                  type="button"
                  className="button-secondary"
                  data-control="down"
                  disabled={i === rows.length - 1}
                  aria-label={t`Move ${label} down`}
                  onClick={() => shift(i, 1)}
                >
                  <span aria-hidden="true">↓ </span>
                  <Trans>Down</Trans>
                </button>
                <button
                  type="button"
                  className="button-danger"
                  disabled={rows.length === 1}
                  aria-label={t`Remove ${label}`}
                  onClick={() => remove(i)}
                >
                  <Trans>Remove</Trans>
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" role="status">
        {said}
      </p>
      <div>
        <button
          type="button"
          className="button-secondary"
          onClick={add}
          disabled={rows.length >= 20}
        >
          <Trans>Add a criterion</Trans>
        </button>
      </div>
    </fieldset>
  );
}
