import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Transform } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { CLOCK, type Clock } from '../common/clock';
import {
  badRequest,
  conflict,
  forbidden,
  notFound,
  unprocessable,
} from '../common/errors/app-error';
import { metadataStripper } from '../competitions/rules/strip-metadata';
import { ASSET_STORAGE, type AssetStorage } from '../competitions/storage/asset-storage';
import { CompetitionRow, findSubmissionAsset } from '../competitions/competition-rows';
import { ENTRIES, TEAMS } from '../competitions/entry-sql';
import { PEOPLE } from '../identity/people-sql';
import { preparedQuery } from '../database/prepared';
import { conflictReasons } from './assignment';
import {
  assignmentEntries,
  JudgeAssigner,
  LIVE_STATUSES,
  poolJudges,
  roundEntries,
} from './assigner';
import { ManualAssignmentDto, ScoreDto } from './dto/judging.dto';
import { judgeEntryView, type JudgeEntrySource } from './judge-view';
import { JudgeAssignment } from './judge-assignment.entity';
import { JudgingRound } from './judging-round.entity';
import {
  ACCESS_JOINS,
  accessCase,
  assignmentAccess,
  type EntryAccess,
  JudgingAccess,
  roundClosed,
  roundState,
} from './judging-access';
import { scoreProblems } from './score-rules';
import { TopUpRuns } from './top-up-runs';

/** Reads and conditional writes of one score before giving up on concurrent saves (409). */
const SCORE_ATTEMPTS = 5;

/** A judge's list is bounded; no real round gives one judge more. */
const MY_ASSIGNMENTS_LIMIT = 2000;

const versionFromIfMatch = (header: string | undefined): number | undefined => {
  const m = header?.match(/^(?:W\/)?"?(\d+)"?$/);
  return m ? Number(m[1]) : undefined;
};

@Injectable()
export class AssignmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: JudgingAccess,
    private readonly assigner: JudgeAssigner,
    private readonly audit: AuditService,
    private readonly topUps: TopUpRuns,
    @Inject(ASSET_STORAGE) private readonly storage: AssetStorage,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** One assignment made by hand: the judge must be in the pool and free of conflicts. */
  async addManual(actor: Principal, roundId: string, dto: ManualAssignmentDto) {
    return this.db.transaction(async (m) => {
      const { round } = await this.access.managedRound(m, actor, roundId, { lock: true });
      if (roundState(round, this.clock.now()) === 'closed') throw roundClosed();
      const entries = await roundEntries(m, round);
      const entry = entries.find((e) => e.id === dto.submissionId);
      if (!entry) {
        throw unprocessable('NOT_IN_ROUND', 'This entry is not judged in this round', [
          { path: 'submissionId', message: 'not an entry of this round' },
        ]);
      }
      const judge = (await poolJudges(m, round.competitionId)).find((j) => j.id === dto.judgeId);
      if (!judge) {
        throw unprocessable('NOT_IN_POOL', 'This judge is not in the pool of the competition', [
          { path: 'judgeId', message: 'not in the judge pool' },
        ]);
      }
      const [input] = await assignmentEntries(m, [entry]);
      const kinds = conflictReasons(judge, input);
      if (kinds.length > 0) {
        throw conflict(
          `This judge has a conflict with the entry: ${kinds.join(', ')}`,
          'CONFLICT_OF_INTEREST',
        );
      }
      const existing = await m.findOneBy(JudgeAssignment, {
        roundId,
        submissionId: entry.id,
        judgeId: judge.id,
      });
      if (existing?.status === 'active')
        throw conflict('This judge already has this entry', 'ALREADY_ASSIGNED');
      if (existing?.status === 'recused') {
        throw conflict('This judge recused from this entry', 'JUDGE_RECUSED');
      }
      let assignment: JudgeAssignment;
      if (existing) {
        existing.status = 'active';
        existing.origin = 'manual';
        assignment = await m.save(existing);
      } else {
        assignment = await m.save(
          m.create(JudgeAssignment, {
            roundId,
            submissionId: entry.id,
            judgeId: judge.id,
            origin: 'manual',
          }),
        );
      }
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'judge_assignment.added',
        targetType: 'judge_assignment',
        targetId: assignment.id,
        details: { roundId, submissionId: entry.id, judgeId: judge.id },
      });
      await this.assigner.notifyJudges(m, round, new Map([[judge.id, [assignment.id]]]));
      return this.staffView(assignment);
    });
  }

  /**
   * The round's active assignments on entries still in it, for the coordinator's review: with the
   * team's own name even in a blind round (blindness is for judges; coordinators run the round).
   */
  async roundList(actor: Principal, roundId: string) {
    return this.db.transaction('REPEATABLE READ', async (m) => {
      const { round } = await this.access.managedRound(m, actor, roundId);
      const entries = await roundEntries(m, round);
      const items: unknown[] = await m.query(
        `SELECT a.id, a.submission_id AS "submissionId", s.title, t.name AS "teamName",
                a.judge_id AS "judgeId", u.display_name AS "judgeName", a.origin,
                a.score_state AS "scoreState"
           FROM judge_assignments a
           JOIN ${ENTRIES} s ON s.id = a.submission_id
           JOIN ${TEAMS} t ON t.id = s.team_id
           JOIN ${PEOPLE} u ON u.id = a.judge_id
          WHERE a.round_id = $1 AND a.status = 'active' AND a.submission_id = ANY($2::uuid[])
          ORDER BY s.title, s.id, u.display_name, a.judge_id`,
        [round.id, entries.map((e) => e.id)],
      );
      return { items };
    });
  }

  /** Takes one assignment away; a final score cannot be thrown away this way. */
  async removeManual(actor: Principal, id: string) {
    return this.db.transaction(async (m) => {
      const found = await m.findOneBy(JudgeAssignment, { id });
      if (!found) throw notFound('Assignment');
      const { round } = await this.access.managedRound(m, actor, found.roundId, { lock: true });
      const assignment = await m.findOneOrFail(JudgeAssignment, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (roundState(round, this.clock.now()) === 'closed') throw roundClosed();
      if (assignment.status !== 'active') {
        throw conflict(`This assignment is already ${assignment.status}`, 'NOT_ACTIVE');
      }
      if (assignment.scoreState === 'final') {
        throw conflict('The judge gave a final score: it stays', 'SCORE_FINAL');
      }
      assignment.status = 'removed';
      await m.save(assignment);
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'judge_assignment.removed',
        targetType: 'judge_assignment',
        targetId: assignment.id,
        details: {
          roundId: round.id,
          submissionId: assignment.submissionId,
          judgeId: assignment.judgeId,
        },
      });
      return this.staffView(assignment);
    });
  }

  /** Every active assignment of the caller, on entries still in the running: one prepared query. */
  async mine(me: Principal) {
    const now = this.clock.now();
    const rows = await preparedQuery<JudgeViewRow>(
      this.db,
      'kenal_my_assignments_view',
      judgeViewSql(
        `a.judge_id = $3 AND a.status = 'active'
         AND EXISTS (SELECT 1 FROM submissions s WHERE s.id = a.submission_id AND s.status = ANY($4::text[]))
       ORDER BY a.created_at, a.id
       LIMIT $5`,
      ),
      [now, false, me.id, LIVE_STATUSES, MY_ASSIGNMENTS_LIMIT],
    );
    return rows.map((row) => judgeView(row, now));
  }

  /**
   * The judge sees the entry only while the access rule lets them (a recused or withdrawn
   * assignment, a closed round, ... show the assignment and the judge's own score, no entry);
   * programme staff reading another judge's assignment see it whole.
   */
  async get(who: Principal, id: string) {
    const { assignment } = await this.access.ownAssignment(this.db.manager, who, id, {
      staff: true,
    });
    const asStaff = assignment.judgeId !== who.id;
    return (await this.judgeViews(this.db.manager, [assignment.id], { asStaff }))[0];
  }

  /**
   * A file of the entry, through the assignment: by id, never under the name it was uploaded as.
   * In a blind round the judge gets a copy without the metadata that names people (EXIF, XMP,
   * PDF document information): its length is then not known in advance (`length` undefined).
   */
  async asset(me: Principal, id: string, assetId: string) {
    const { assignment, round } = await this.access.ownAssignment(this.db.manager, me, id);
    const [rule] = await assignmentAccess(
      this.db.manager,
      { assignmentIds: [assignment.id] },
      this.clock.now(),
    );
    if (rule?.access !== 'open') throw notFound('Asset');
    const asset = await findSubmissionAsset(this.db.manager, assignment.submissionId, assetId);
    if (!asset) throw notFound('Asset');
    const stream = await this.storage.get(asset.storageKey);
    const stripper = round.blind ? metadataStripper(asset.mime) : null;
    if (!stripper) return { asset, stream, length: asset.size as number | undefined };
    const copy = new Transform({
      transform: (chunk: Buffer, _enc, done) => done(null, stripper.write(chunk)),
      flush: (done) => done(null, stripper.end()),
    });
    stream.on('error', (err) => copy.destroy(err));
    return { asset, stream: stream.pipe(copy), length: undefined };
  }

  /**
   * Optimistic, without a transaction: the assignment is read, checked, then written by one
   * UPDATE that only applies while the row is still at the version read, active and not final, and
   * its round still open; the same statement answers the judge's view. A concurrent save makes it
   * match nothing: the assignment is read and checked again (an If-Match version then no longer
   * matches: 409). Three round trips with the session check, where a locked read in a
   * transaction took six.
   */
  async score(me: Principal, id: string, dto: ScoreDto, ifMatch?: string) {
    const expected = dto.version ?? versionFromIfMatch(ifMatch);
    for (let attempt = 0; attempt < SCORE_ATTEMPTS; attempt += 1) {
      const now = this.clock.now();
      const [row] = await preparedQuery<ScoreTarget>(
        this.db,
        'kenal_score_target',
        `SELECT a.id, a.judge_id AS "judgeId", a.status, a.score_state AS "scoreState",
                a.score_version AS "scoreVersion", r.status AS "roundStatus", r.closes_at AS "closesAt",
                c.id AS "competitionId", c.rubric, ${accessCase('$2::timestamptz')} AS access
           FROM judge_assignments a
           ${ACCESS_JOINS}
           JOIN competitions c ON c.id = r.competition_id
          WHERE a.id = $1`,
        [id, now],
      );
      if (!row) throw notFound('Assignment');
      if (row.judgeId !== me.id) throw forbidden('This assignment is not yours');
      const problems = scoreProblems(row.rubric, dto.scores, dto.final);
      if (problems.length > 0) {
        throw badRequest(
          'VALIDATION_FAILED',
          problems.map((p) => `${p.path} ${p.message}`).join('; '),
          problems,
        );
      }
      if (row.status !== 'active') {
        throw conflict(`This assignment is ${row.status}`, 'NOT_ACTIVE');
      }
      const state = roundState(
        { status: row.roundStatus, closesAt: row.closesAt },
        this.clock.now(),
      );
      if (state === 'closed') throw roundClosed();
      if (state === 'draft')
        throw conflict('The round is not open for scores yet', 'ROUND_NOT_OPEN');
      if (row.scoreState === 'final') {
        throw conflict('This score is final and can no longer change', 'SCORE_FINAL');
      }
      if (row.access === 'conflict_review') {
        throw conflict(
          'Your declared conflicts are being applied: your assignments here take scores again once they are',
          'CONFLICTS_UNDER_REVIEW',
        );
      }
      if (expected !== undefined && expected !== row.scoreVersion) {
        throw conflict(
          `This score changed since version ${expected}: it is at version ${row.scoreVersion}. Reload it, then apply your edit again`,
        );
      }
      // Scores given against the rubric freeze it (changing it now would change what they
      // mean): in the same statement, when the score is written.
      const [view] = await preparedQuery<JudgeViewRow>(
        this.db,
        'kenal_score_write_view',
        `WITH a AS (
           UPDATE judge_assignments
              SET scores = $4, comment = $5, score_state = $6, score_version = score_version + 1,
                  scored_at = $1
            WHERE id = $3 AND score_version = $7 AND status = 'active' AND score_state <> 'final'
              AND EXISTS (SELECT 1 FROM judging_rounds jr
                           WHERE jr.id = judge_assignments.round_id
                             AND jr.status = 'open' AND jr.closes_at > $1)
           RETURNING *
         ), rubric_lock AS (
           UPDATE competitions SET rubric_locked_at = now()
            WHERE id = $8 AND rubric_locked_at IS NULL AND EXISTS (SELECT 1 FROM a)
         )
         ${judgeViewSql('TRUE', 'a')}`,
        [
          now,
          false,
          row.id,
          JSON.stringify(dto.scores),
          dto.comment ?? null,
          dto.final ? 'final' : 'draft',
          row.scoreVersion,
          row.competitionId,
        ],
      );
      if (view) return judgeView(view, now);
    }
    throw conflict('This score is being saved from elsewhere at the same time: try again');
  }

  /**
   * The judge steps back; the pair is never made again. Another unconflicted judge takes the entry
   * over in a top-up run the worker does (it tells the coordinators whether one did), so the
   * request holds the round's lock only for its own change.
   */
  async recuse(me: Principal, id: string, reason: string) {
    const answer = await this.db.transaction(async (m) => {
      const peek = await m.findOneBy(JudgeAssignment, { id });
      if (!peek) throw notFound('Assignment');
      const round = await m.findOneOrFail(JudgingRound, {
        where: { id: peek.roundId },
        lock: { mode: 'pessimistic_write' },
      });
      const { assignment } = await this.access.ownAssignment(m, me, id, { lock: true });
      if (roundState(round, this.clock.now()) === 'closed') throw roundClosed();
      if (assignment.status !== 'active') {
        throw conflict(`This assignment is already ${assignment.status}`, 'NOT_ACTIVE');
      }
      if (assignment.scoreState === 'final') {
        throw conflict('You gave a final score: ask the coordinator to withdraw it', 'SCORE_FINAL');
      }
      assignment.status = 'recused';
      assignment.recuseReason = reason;
      await m.save(assignment);
      const reassignment = await this.topUps.queue(m, me.id, [
        { roundId: round.id, cause: { type: 'recusal', assignmentId: assignment.id, reason } },
      ]);
      await this.audit.record(m, {
        actorId: me.id,
        action: 'judge_assignment.recused',
        targetType: 'judge_assignment',
        targetId: assignment.id,
        details: { roundId: round.id, submissionId: assignment.submissionId, reason },
      });
      return { id: assignment.id, status: assignment.status, reassignment };
    });
    await this.topUps.enqueue(answer.reassignment);
    return answer;
  }

  private staffView(a: JudgeAssignment) {
    return {
      id: a.id,
      roundId: a.roundId,
      submissionId: a.submissionId,
      judgeId: a.judgeId,
      status: a.status,
      origin: a.origin,
      scoreState: a.scoreState,
    };
  }

  /**
   * The judge's view: the entry as the round allows it to be seen, and the judge's own score.
   * `submission` is null whenever the access rule does not let the judge read the entry, and
   * `access` says why (for staff, who read any assignment of their programme, it is `open`).
   * One query, in m (often a transaction that just changed the rows).
   */
  private async judgeViews(m: EntityManager, ids: string[], opts: { asStaff?: boolean } = {}) {
    if (ids.length === 0) return [];
    const now = this.clock.now();
    const rows = await preparedQuery<JudgeViewRow>(
      m,
      'kenal_assignment_views',
      judgeViewSql('a.id = ANY($3::uuid[])'),
      [now, opts.asStaff === true, ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [judgeView(row, now)] : [];
    });
  }
}

/** What scoring needs of an assignment, read before its conditional write. */
interface ScoreTarget {
  id: string;
  judgeId: string;
  status: JudgeAssignment['status'];
  scoreState: JudgeAssignment['scoreState'];
  scoreVersion: number;
  roundStatus: JudgingRound['status'];
  closesAt: Date;
  competitionId: string;
  rubric: CompetitionRow['rubric'];
  access: EntryAccess;
}

/** An assignment with its round, competition, access (judging-access.ts) and, when readable, its entry. */
interface JudgeViewRow {
  id: string;
  roundId: string;
  submissionId: string;
  status: JudgeAssignment['status'];
  scores: Record<string, number>;
  comment: string | null;
  scoreState: JudgeAssignment['scoreState'];
  scoreVersion: number;
  scoredAt: Date | null;
  roundName: string;
  blind: boolean;
  closesAt: Date;
  roundStatus: JudgingRound['status'];
  competitionId: string;
  competitionTitle: string;
  rubric: CompetitionRow['rubric'];
  timezone: string;
  access: EntryAccess;
  entry: JudgeEntrySource | null;
}

/**
 * The judge's view in one round trip: $1 the server's now, $2 true when staff read it (access
 * `open` whatever the rule says), then the filter's own parameters from $3. `from` names the
 * assignments `a`: the table, or a statement's RETURNING rows. The entry (its team,
 * members in joining order, files in upload order) is read only when the access allows it.
 */
function judgeViewSql(filter: string, from = 'judge_assignments a'): string {
  return `SELECT v.*, e.entry FROM (
      SELECT a.id, a.round_id AS "roundId", a.submission_id AS "submissionId", a.status, a.scores,
             a.comment, a.score_state AS "scoreState", a.score_version AS "scoreVersion",
             a.scored_at AS "scoredAt", a.created_at AS "createdAt",
             r.name AS "roundName", r.blind, r.closes_at AS "closesAt", r.status AS "roundStatus",
             c.id AS "competitionId", c.title AS "competitionTitle", c.rubric, p.timezone,
             CASE WHEN $2::boolean THEN 'open' ELSE ${accessCase('$1::timestamptz')} END AS access
        FROM ${from}
        ${ACCESS_JOINS}
        JOIN competitions c ON c.id = r.competition_id
        JOIN programmes p ON p.id = c.programme_id
       WHERE ${filter}) v
    LEFT JOIN LATERAL (
      SELECT json_build_object(
               'id', s.id, 'title', s.title, 'kind', s.kind, 'fields', s.fields, 'teamName', t.name,
               'memberNames', COALESCE((SELECT json_agg(u.display_name ORDER BY tm.joined_at, u.id)
                                          FROM team_members tm JOIN users u ON u.id = tm.user_id
                                         WHERE tm.team_id = s.team_id), '[]'),
               'assets', COALESCE((SELECT json_agg(json_build_object('id', f.id, 'role', f.role,
                                                    'mime', f.mime, 'size', f.size) ORDER BY f.created_at)
                                     FROM submission_assets f WHERE f.submission_id = s.id), '[]')
             ) AS entry
        FROM submissions s JOIN teams t ON t.id = s.team_id
       WHERE s.id = v."submissionId") e ON v.access = 'open'
    ORDER BY v."createdAt", v.id`;
}

function judgeView(row: JudgeViewRow, now: Date) {
  const access = row.access;
  return {
    id: row.id,
    roundId: row.roundId,
    roundName: row.roundName,
    competitionId: row.competitionId,
    competitionTitle: row.competitionTitle,
    timezone: row.timezone,
    rubric: row.rubric,
    blind: row.blind,
    closesAt: row.closesAt,
    roundStatus: roundState({ status: row.roundStatus, closesAt: row.closesAt }, now),
    status: row.status === 'removed' ? 'withdrawn' : row.status,
    access,
    submission:
      access === 'open' && row.entry ? judgeEntryView(row.entry, row.blind, row.id) : null,
    score: {
      state: row.scoreState,
      scores: row.scores,
      comment: row.comment,
      version: row.scoreVersion,
      scoredAt: row.scoredAt,
    },
  };
}
