import { useLingui } from '@lingui/react/macro';
import type { ReactNode } from 'react';

/** A field value of the entry as text (lists joined, milestones with their dates). */
function show(value: unknown): ReactNode {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) {
    const parts = value.map((v) =>
      v && typeof v === 'object'
        ? Object.values(v as Record<string, unknown>).join(' · ')
        : String(v),
    );
    return parts.join(', ');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'boolean') return null;
  return String(value);
}

/** An entry's content as a list of labelled values (judges' and coordinators' pages). */
export function EntryFields({ fields }: { fields: Record<string, unknown> }) {
  const { t } = useLingui();
  const labels: Record<string, string> = {
    logline: t`Logline`,
    synopsis: t`Synopsis`,
    runtimeSeconds: t`Running time (seconds)`,
    language: t`Language`,
    subtitleLanguages: t`Subtitles`,
    credits: t`Credits`,
    videoUrl: t`Video link`,
    problem: t`Problem`,
    sdgs: t`Sustainable Development Goals`,
    targetCountries: t`Target countries`,
    plan: t`Plan`,
    milestones: t`Milestones`,
    budgetUsd: t`Budget (USD)`,
    partnersSought: t`Partners sought`,
  };
  const rows = Object.entries(fields)
    .map(([key, value]) => [key, show(value)] as const)
    .filter(([, v]) => v !== null);
  return (
    <dl className="entry-fields">
      {rows.map(([key, value]) => (
        <div key={key}>
          <dt>{labels[key] ?? key}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
