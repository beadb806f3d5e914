import type { EntityManager } from 'typeorm';

/** A judging round's shortlist, for features that follow judging (issue 15: no entity import). */
export async function roundShortlist(
  m: EntityManager,
  roundId: string,
): Promise<{ competitionId: string; shortlist: string[] } | null> {
  const rows: { competitionId: string; shortlist: string[] }[] = await m.query(
    `SELECT competition_id AS "competitionId", shortlist FROM judging_rounds WHERE id = $1`,
    [roundId],
  );
  return rows[0] ?? null;
}
