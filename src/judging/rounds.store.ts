import type { EntityManager } from 'typeorm';

/** The SQL of judging rounds that TypeORM's finders do not cover. */

/** A round's competition and shortlist, or null for an unknown round. */
export const findShortlist = async (
  m: EntityManager,
  roundId: string,
): Promise<{ competitionId: string; shortlist: string[] } | null> => {
  const rows: { competitionId: string; shortlist: string[] }[] = await m.query(
    `SELECT competition_id AS "competitionId", shortlist FROM judging_rounds WHERE id = $1`,
    [roundId],
  );
  return rows[0] ?? null;
};

export const setShortlist = async (
  m: EntityManager,
  roundId: string,
  ids: readonly string[],
): Promise<void> => {
  await m.query(
    `UPDATE judging_rounds SET shortlist = $2::uuid[], updated_at = now() WHERE id = $1`,
    [roundId, ids],
  );
};
