import { Injectable } from '@nestjs/common';
import { PEOPLE, PROFILES } from '../identity/people-sql';
import { containsPattern } from '../common/sql-like';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { Principal } from '../common/auth/principal';
import { notFound } from '../common/errors/app-error';
import { pageOf, skipTake } from '../common/http/pagination';
import { ProgrammeAccess } from '../programmes/programme-access';
import { Competition } from './competition.entity';
import { SubmissionListQuery } from './dto/submission.dto';
import { csvRow, UTF8_BOM } from './rules/csv';
import { SUBMISSION_STATUSES } from './rules/types';

interface Row {
  id: string;
  title: string;
  kind: string;
  status: string;
  version: number;
  teamId: string;
  teamName: string;
  members: { userId: string; displayName: string; country: string | null }[];
  submittedAt: Date | null;
  extensionUntil: Date | null;
  updatedAt: Date;
}

const EXPORT_BATCH = 1000;
const CSV_HEADER = [
  'submission_id',
  'title',
  'kind',
  'status',
  'team',
  'members',
  'countries',
  'submitted_at',
  'version',
  'updated_at',
];

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

@Injectable()
export class SubmissionListService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: ProgrammeAccess,
  ) {}

  private async authorise(actor: Principal, competitionId: string): Promise<Competition> {
    const competition = await this.db.getRepository(Competition).findOneBy({ id: competitionId });
    if (!competition) throw notFound('Competition');
    await this.access.assertCanManage(actor, competition.programmeId);
    return competition;
  }

  async list(actor: Principal, competitionId: string, q: SubmissionListQuery) {
    await this.authorise(actor, competitionId);
    const { where, params } = filters(competitionId, q, true);
    const counted = filters(competitionId, q, false);
    const { skip, take } = skipTake(q);
    const [items, total, byStatus] = await Promise.all([
      // The page's ids first, so members are gathered for its rows only, not for every skipped one.
      this.db.query(
        `WITH page AS (
           SELECT s.id, s.created_at FROM submissions s WHERE ${where}
            ORDER BY s.created_at DESC, s.id OFFSET $${params.length + 1} LIMIT $${params.length + 2})
         ${SELECT} JOIN page ON page.id = s.id ORDER BY page.created_at DESC, page.id`,
        [...params, skip, take],
      ) as Promise<Row[]>,
      this.db.query(
        `SELECT count(*)::int AS n FROM submissions s WHERE ${where}`,
        params,
      ) as Promise<{ n: number }[]>,
      this.db.query(
        `SELECT s.status, count(*)::int AS n FROM submissions s WHERE ${counted.where} GROUP BY s.status`,
        counted.params,
      ) as Promise<{ status: string; n: number }[]>,
    ]);
    const counts = Object.fromEntries(SUBMISSION_STATUSES.map((st) => [st, 0]));
    for (const r of byStatus) counts[r.status] = r.n;
    return { ...pageOf(items, total[0].n, q), counts };
  }

  /**
   * Every matching entry as CSV, read in keyset batches so memory stays flat however many
   * entries there are. Checks access before the first byte, so a refusal is still a 403.
   */
  async exportCsv(actor: Principal, competitionId: string, q: SubmissionListQuery) {
    const competition = await this.authorise(actor, competitionId);
    const { where, params } = filters(competitionId, q, true);
    const db = this.db;
    async function* lines() {
      yield UTF8_BOM + csvRow(CSV_HEADER);
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const rows: Row[] = await db.query(
          `${SELECT} WHERE ${where} AND s.id > $${params.length + 1} ORDER BY s.id LIMIT ${EXPORT_BATCH}`,
          [...params, after],
        );
        if (rows.length === 0) return;
        yield rows
          .map((r) =>
            csvRow([
              r.id,
              r.title,
              r.kind,
              r.status,
              r.teamName,
              r.members.map((mb) => mb.displayName).join('; '),
              r.members.map((mb) => mb.country ?? '').join('; '),
              r.submittedAt ? new Date(r.submittedAt).toISOString() : null,
              r.version,
              new Date(r.updatedAt).toISOString(),
            ]),
          )
          .join('');
        after = rows[rows.length - 1].id;
      }
    }
    return {
      filename: `${competition.slug}-submissions.csv`,
      stream: Readable.from(lines(), { objectMode: false }),
    };
  }
}
