/** The rubric editor's rows and the arithmetic it shows; plain functions, no React. */

export interface CriterionRow {
  /** A stable id for React and focus, never sent. */
  uid: string;
  key: string;
  label: string;
  description: string;
  min: string;
  max: string;
  weight: string;
}

export interface Criterion {
  key: string;
  label: string;
  description?: string;
  min: number;
  max: number;
  weight: number;
}

let next = 0;
const uid = () => `c${(next += 1)}`;

export const blankRow = (): CriterionRow => ({
  uid: uid(),
  key: '',
  label: '',
  description: '',
  min: '0',
  max: '10',
  weight: '1',
});

export const rowOf = (c: Criterion): CriterionRow => ({
  uid: uid(),
  key: c.key,
  label: c.label,
  description: c.description ?? '',
  min: String(c.min),
  max: String(c.max),
  weight: String(c.weight),
});

const num = (v: string): number => (v.trim() === '' ? Number.NaN : Number(v));

/** Rows as the API takes them; numbers left blank go as NaN→null so the API names the field. */
export const criteriaOf = (rows: CriterionRow[]): Criterion[] =>
  rows.map((r) => {
    const description = r.description.trim();
    return {
      key: r.key.trim(),
      label: r.label.trim(),
      ...(description ? { description } : {}),
      min: num(r.min),
      max: num(r.max),
      weight: num(r.weight),
    };
  });

/**
 * Each weight as a share of the sum in percent (so 2, 1, 1 read 50 %, 25 %, 25 %); null for a
 * row whose weight is not a positive number, and every share null when none is.
 */
export function shares(weights: number[]): (number | null)[] {
  const valid = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : null));
  const total = valid.reduce<number>((s, w) => s + (w ?? 0), 0);
  return valid.map((w) => (w === null || total === 0 ? null : (w / total) * 100));
}

/** The list with the item at `from` moved to `to` (both clamped to the list). */
export function move<T>(list: T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length) return list;
  const target = Math.max(0, Math.min(list.length - 1, to));
  if (target === from) return list;
  const out = list.slice();
  const [item] = out.splice(from, 1);
  out.splice(target, 0, item);
  return out;
}

/** A key made from a label ("Story & craft" → "story_craft"), as the API's pattern wants. */
export function keyFromLabel(label: string): string {
  const base = label
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^[^a-z]+/, '')
    .slice(0, 40);
  return base;
}

/** The API names rubric fields `rubric.0.key` (validation) or `rubric[0].key` (rules): one form. */
export const normalisePath = (path: string): string => path.replace(/\[(\d+)\]/g, '.$1');
