import type { EntityManager } from 'typeorm';
import { conflict } from '../common/errors/app-error';
import type { JsonObject } from '../common/json';
import type { SubmissionStatus, VersionAction } from './rules/types';
import { Submission, SubmissionVersion } from './submission.entity';
import { moveStatuses } from './submissions.store';

/**
 * The versioning rule of an entry, in one place: every change bumps the entry's version and
 * writes a version row with the action, its author and what changed. Competitions' own services
 * and judging (shortlisting, awarding) change entries only through these functions.
 */
type Editable = Partial<
  Pick<Submission, 'title' | 'fields' | 'status' | 'submittedAt' | 'withdrawnAt'>
>;

interface VersionRow {
  submissionId: string;
  version: number;
  action: VersionAction;
  authorId: string;
  changes: JsonObject;
}

/** Writes the version rows of changes already applied to their entries. */
export async function recordVersions(m: EntityManager, rows: readonly VersionRow[]): Promise<void> {
  if (rows.length > 0) await m.insert(SubmissionVersion, [...rows]);
}

/** Records a change as the next version; the WHERE on the old version refuses a lost update. */
export async function bumpVersion(
  m: EntityManager,
  submission: Pick<Submission, 'id' | 'version'>,
  action: VersionAction,
  authorId: string,
  changes: JsonObject,
  set: Editable,
): Promise<number> {
  const version = submission.version + 1;
  const result = await m
    .createQueryBuilder()
    .update(Submission)
    .set({ ...set, version })
    .where('id = :id AND version = :current', { id: submission.id, current: submission.version })
    .execute();
  if (result.affected !== 1) {
    throw conflict('This entry changed while you were editing it; reload it and try again');
  }
  await recordVersions(m, [{ submissionId: submission.id, version, action, authorId, changes }]);
  return version;
}

/**
 * Moves the entries that are in one of the `from` statuses to `to` (judging shortlists and
 * awards), each as its next version; entries in any other status are left as they are. The rows
 * are locked first, so a concurrent edit waits rather than losing either change.
 */
export async function moveEntries(
  m: EntityManager,
  ids: readonly string[],
  from: readonly SubmissionStatus[],
  to: SubmissionStatus,
  action: VersionAction,
  authorId: string,
): Promise<void> {
  if (ids.length === 0) return;
  const changed = await moveStatuses(m, ids, from, to);
  await recordVersions(
    m,
    changed.map((c) => ({
      submissionId: c.id,
      version: c.version,
      action,
      authorId,
      changes: { status: { from: c.previous, to } },
    })),
  );
}
