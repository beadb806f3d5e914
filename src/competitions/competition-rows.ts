import type { EntityManager } from 'typeorm';
import { Competition } from './competition.entity';
import { Submission, SubmissionAsset } from './submission.entity';
import { publicTeamName } from './team.entity';

/**
 * Competitions owns the competitions, submissions and teams tables (issue 15): other features
 * (judging) read them through these functions, in their own transaction; changes to an entry go
 * through submission-lifecycle.ts.
 */
export type CompetitionRow = Readonly<Omit<Competition, 'programme'>>;
export type SubmissionRow = Readonly<Omit<Submission, 'competition' | 'team'>>;
export type SubmissionAssetRow = Readonly<Omit<SubmissionAsset, 'submission'>>;

/** With `lock`, the competition's row is held until the transaction ends. */
export const findCompetition = (
  m: EntityManager,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<CompetitionRow | null> =>
  m.findOne(Competition, {
    where: { id },
    ...(opts.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });

export const getCompetition = (m: EntityManager, id: string): Promise<CompetitionRow> =>
  m.findOneByOrFail(Competition, { id });

export const getSubmission = (m: EntityManager, id: string): Promise<SubmissionRow> =>
  m.findOneByOrFail(Submission, { id });

/** A file of the entry, only when it belongs to that entry. */
export const findSubmissionAsset = (
  m: EntityManager,
  submissionId: string,
  assetId: string,
): Promise<SubmissionAssetRow | null> =>
  m.findOneBy(SubmissionAsset, { id: assetId, submissionId });

/** Entries as published results show them: title and the team's public name, by entry id. */
export async function publicEntries(
  m: EntityManager,
  ids: readonly string[],
): Promise<Map<string, { title: string; teamName: string }>> {
  const rows: { id: string; title: string; teamId: string; publicName: string | null }[] =
    await m.query(
      `SELECT s.id, s.title, t.id AS "teamId", t.public_name AS "publicName"
         FROM submissions s JOIN teams t ON t.id = s.team_id
        WHERE s.id = ANY($1::uuid[])`,
      [ids],
    );
  return new Map(
    rows.map((r) => [
      r.id,
      { title: r.title, teamName: publicTeamName({ id: r.teamId, publicName: r.publicName }) },
    ]),
  );
}
