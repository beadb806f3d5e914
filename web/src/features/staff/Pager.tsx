import { Pager as PageButtons } from '../../app/Pager';

/** The app's pager for a staff list given as total and page size; nothing when one page holds it. */
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
  return <PageButtons label={label} page={page} pages={pages} onPage={onPage} />;
}
