import type { EntityManager } from 'typeorm';
import { containsPattern } from '../common/sql-like';
import { PEOPLE, PROFILES } from '../identity/people-sql';
import type { SubmissionListQuery } from './dto/submission.dto';
import type { CompetitionKind, SubmissionStatus } from './rules/types';

/** The SQL of a competition's entries as coordinators list and export them, with their filters. */

export interface EntryListRow {
  id: string;
  title: string;
  kind: CompetitionKind;
  status: SubmissionStatus;
  version: number;
  teamId: string;
  teamName: string;
  members: { userId: string; displayName: string; country: string | null }[];
  submittedAt: Date | null;
  extensionUntil: Date | null;
  updatedAt: Date;
}

/** WHERE for the coordinator filters; the status filter is left out for the counts. */
function filters(competitionId: string, q: SubmissionListQuery, withStatus: boolean) {
  const clauses = ['s.competition_id = $1'];
  const params: unknown[] = [competitionId];
  if (withStatus && q.status) {
    params.push(q.status);
    clauses.push(`s.status = $${params.length}`);
  }
  if (q.teamId) {
    params.push(q.teamId);
    clauses.push(`s.team_id = $${params.length}`);
  }
  if (q.q) {
    params.push(containsPattern(q.q));
    clauses.push(`s.title ILIKE $${params.length}`);
  }
  if (q.country) {
    params.push(q.country);
    clauses.push(`EXISTS (SELECT 1 FROM team_members fm JOIN ${PROFILES} fp ON fp.user_id = fm.user_id
                           WHERE fm.team_id = s.team_id AND fp.country = $${params.length})`);
  }
  return { where: clauses.join(' AND '), params };
}

const SELECT = `
  SELECT s.id, s.title, s.kind, s.status, s.version, s.team_id AS "teamId", t.name AS "teamName",
         s.submitted_at AS "submittedAt",
         s.extension_until AS "extensionUntil", s.updated_at AS "updatedAt",
         COALESCE((SELECT json_agg(json_build_object('userId', u.id, 'displayName', u.display_name,
                                                     'country', p.country)
                                   ORDER BY tm.joined_at, u.id)
                     FROM team_members tm JOIN ${PEOPLE} u ON u.id = tm.user_id
                     LEFT JOIN ${PROFILES} p ON p.user_id = u.id
                    WHERE tm.team_id = s.team_id), '[]') AS members
    FROM submissions s JOIN teams t ON t.id = s.team_id`;

/** A page of the entries the filters match, how many match, and how many of each status. */
export const entryListPage = async (
  m: EntityManager,
  competitionId: string,
  q: SubmissionListQuery,
  skip: number,
  take: number,
): Promise<{ items: EntryListRow[]; total: number; byStatus: { status: string; n: number }[] }> => {
  const { where, params } = filters(competitionId, q, true);
  const counted = filters(competitionId, q, false);
  const [items, total, byStatus] = await Promise.all([
    // The page's ids first, so members are gathered for its rows only, not for every skipped one.
    m.query(
      `WITH page AS (
         SELECT s.id, s.created_at FROM submissions s WHERE ${where}
          ORDER BY s.created_at DESC, s.id OFFSET $${params.length + 1} LIMIT $${params.length + 2})
       ${SELECT} JOIN page ON page.id = s.id ORDER BY page.created_at DESC, page.id`,
      [...params, skip, take],
    ) as Promise<EntryListRow[]>,
    m.query(`SELECT count(*)::int AS n FROM submissions s WHERE ${where}`, params) as Promise<
      { n: number }[]
    >,
    m.query(
      `SELECT s.status, count(*)::int AS n FROM submissions s WHERE ${counted.where} GROUP BY s.status`,
      counted.params,
    ) as Promise<{ status: string; n: number }[]>,
  ]);
  return { items, total: total[0].n, byStatus };
};

/** The next `limit` entries the filters match after the id `after`, in id order (keyset). */
export const entryBatch = (
  m: EntityManager,
  competitionId: string,
  q: SubmissionListQuery,
  after: string,
  limit: number,
): Promise<EntryListRow[]> => {
  const { where, params } = filters(competitionId, q, true);
  return m.query(
    `${SELECT} WHERE ${where} AND s.id > $${params.length + 1} ORDER BY s.id LIMIT ${limit}`,
    [...params, after],
  );
};
