import { Trans } from '@lingui/react/macro';

/** Previous and next page of a staff list, with where the reader is. */
export function Pager({
  page,
  total,
  pageSize,
  label,
  onPage,
}: {
  page: number;
  total: number;
  pageSize: number;
  /** What the pages hold, for screen readers ("Pages of the audit log"). */
  label: string;
  onPage: (page: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="actions" aria-label={label}>
      <button
        type="button"
        className="button-secondary"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        <Trans>Previous page</Trans>
      </button>
      <span className="meta">
        <Trans>
          Page {page} of {pages}
        </Trans>
      </span>
      <button
        type="button"
        className="button-secondary"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        <Trans>Next page</Trans>
      </button>
    </nav>
  );
}
