import type { EntityManager } from 'typeorm';

/** The SQL of resumable uploads' sessions: the lease a writing request holds, and their end. */

/** Leases the session for `minutes` unless a live lease holds it; false when one does. */
export const leaseSession = async (
  m: EntityManager,
  id: string,
  minutes: number,
): Promise<boolean> => {
  // An UPDATE through the query runner answers [rows, affected count]; the pair is never empty.
  const [claimed] = (await m.query(
    `UPDATE upload_sessions SET busy_until = now() + interval '${minutes} minutes'
      WHERE id = $1 AND (busy_until IS NULL OR busy_until < now()) RETURNING id`,
    [id],
  )) as [unknown[], number];
  return claimed.length > 0;
};

export const releaseSession = async (m: EntityManager, id: string): Promise<void> => {
  await m.query(`UPDATE upload_sessions SET busy_until = NULL WHERE id = $1`, [id]);
};

export const deleteSession = async (m: EntityManager, id: string): Promise<void> => {
  await m.query(`DELETE FROM upload_sessions WHERE id = $1`, [id]);
};
