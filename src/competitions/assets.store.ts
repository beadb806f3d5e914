import type { EntityManager } from 'typeorm';

/** The SQL of an entry's files: what they take of the quotas, and the uploader's lock. */

/** Holds the uploader's quota until the transaction ends, so two uploads cannot both take the last room. */
export const lockUploader = async (m: EntityManager, userId: string): Promise<void> => {
  await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`kenal:uploads:${userId}`]);
};

/** The entry's files and their bytes, and the bytes of everything the uploader has uploaded. */
export const assetUsage = async (
  m: EntityManager,
  submissionId: string,
  userId: string,
): Promise<{ files: number; entryBytes: number; userBytes: number }> => {
  const [row]: { files: number; entryBytes: string; userBytes: string }[] = await m.query(
    `SELECT (SELECT count(*)::int FROM submission_assets WHERE submission_id = $1) AS files,
            (SELECT coalesce(sum(size), 0) FROM submission_assets WHERE submission_id = $1) AS "entryBytes",
            (SELECT coalesce(sum(size), 0) FROM submission_assets WHERE uploaded_by_id = $2) AS "userBytes"`,
    [submissionId, userId],
  );
  return { files: row.files, entryBytes: Number(row.entryBytes), userBytes: Number(row.userBytes) };
};
