import { Trans, useLingui } from '@lingui/react/macro';
import { useId } from 'react';
import { SelectField } from '../../app/forms';
import { displayNames, LANGUAGES, LEVELS, sortByName } from './reference';

export type Level = keyof typeof LEVELS;
export interface LanguageRow {
  key: number;
  code: string;
  level: Level;
}

let rowKey = 0;

/** A new row's key: rows are added and removed in any order. */
export const nextRowKey = () => rowKey++;

/** The languages a person speaks, each with how well: rows to add and remove. */
export function LanguagesField({
  rows,
  setRows,
  error,
}: {
  rows: LanguageRow[];
  setRows: (rows: LanguageRow[]) => void;
  error?: string;
}) {
  const { t, i18n } = useLingui();
  const names = displayNames(i18n);
  const codes = sortByName(LANGUAGES, names.language, i18n);
  const errorId = useId();
  const update = (key: number, change: Partial<LanguageRow>) =>
    setRows(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend>
        <Trans>Languages you speak</Trans>
      </legend>
      <p className="hint">
        <Trans>Add each language and how well you speak it.</Trans>
      </p>
      <div className="stack">
        {rows.map((row, i) => {
          const n = i + 1;
          return (
            <div className="row" key={row.key}>
              <SelectField
                label={t`Language ${n}`}
                value={row.code}
                onChange={(e) => update(row.key, { code: e.target.value })}
                required
              >
                <option value="">{t`Choose a language`}</option>
                {codes.map((c) => (
                  <option key={c} value={c}>
                    {names.language(c)}
                  </option>
                ))}
              </SelectField>
              <SelectField
                label={t`Level`}
                value={row.level}
                onChange={(e) => update(row.key, { level: e.target.value as Level })}
              >
                {(Object.keys(LEVELS) as Level[]).map((l) => (
                  <option key={l} value={l}>
                    {i18n._(LEVELS[l])}
                  </option>
                ))}
              </SelectField>
              {rows.length > 1 && (
                <button
                  type="button"
                  className="button-link"
                  onClick={() => setRows(rows.filter((r) => r.key !== row.key))}
                >
                  <Trans>Remove language {n}</Trans>
                </button>
              )}
            </div>
          );
        })}
      </div>
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
      {rows.length < 10 && (
        <button
          type="button"
          className="button-secondary"
          onClick={() => setRows([...rows, { key: nextRowKey(), code: '', level: 'basic' }])}
        >
          <Trans>Add a language</Trans>
        </button>
      )}
    </fieldset>
  );
}
