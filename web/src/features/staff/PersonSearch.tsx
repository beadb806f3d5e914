import type { ReactNode } from 'react';
import { ErrorMessage, TextField } from '../../app/forms';
import { Loading } from '../../app/Layout';

interface Found {
  userId: string;
  displayName: string;
  email: string;
}

/**
 * A search box for staff accounts (judges, mentors) and the people it finds, each with what can
 * be done with them; the results are announced as they change. Searches from 2 letters.
 */
export function PersonSearch<T extends Found>({
  label,
  hint,
  q,
  onQ,
  found,
  error,
  none,
  detail,
  action,
}: {
  label: string;
  hint: string;
  q: string;
  onQ: (q: string) => void;
  found: { isPending: boolean; data?: { items: T[] } };
  error: unknown;
  none: ReactNode;
  detail?: (person: T) => ReactNode;
  action: (person: T) => ReactNode;
}) {
  return (
    <>
      <TextField
        label={label}
        hint={hint}
        type="search"
        value={q}
        onChange={(e) => onQ(e.target.value)}
      />
      <ErrorMessage error={error} />
      {q.trim().length >= 2 &&
        (found.isPending ? (
          <Loading />
        ) : found.data && found.data.items.length === 0 ? (
          <p>{none}</p>
        ) : (
          <ul className="plain-list" aria-live="polite">
            {found.data?.items.map((p) => (
              <li key={p.userId} className="list-row">
                <span>
                  <strong>{p.displayName}</strong> <span className="meta">{p.email}</span>
                  {detail?.(p)}
                </span>
                {action(p)}
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}
