import { Inject, Injectable } from '@nestjs/common';
import { Transform } from 'node:stream';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import type { SessionCheck } from '../common/auth/session-check';
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
import { findSubmissionAsset } from '../competitions/competition-rows';
import { type TableCache, TableChanges } from '../database/table-changes';
import { Transactions } from '../database/transactions';
import { admitCaller } from '../identity/session-sql';
import { conflictReasons } from './assignment';
import {
  assignmentEntries,
  JudgeAssigner,
  LIVE_STATUSES,
  poolJudges,
  roundEntries,
} from './assigner';
import {
  ManualAssignmentDto,
  MyAssignmentDto,
  RecusedDto,
  RoundAssignmentsDto,
  ScoreDto,
  StaffAssignmentDto,
} from './dto/judging.dto';
import { JudgeAssignment } from './judge-assignment.entity';
import { JudgingRound } from './judging-round.entity';
import { assignmentAccess } from './assignment-access.store';
import {
  assignmentViews,
  MY_ASSIGNMENT_VIEWS_TABLES,
  myAssignmentViews,
  scoreTarget,
  writeScore,
} from './assignment-views.store';
import { roundAssignments } from './assignments.store';
import { keptJson, type SentJson, sentJson } from '../common/http/precompressed';
import { JudgingAccess, roundClosed, roundState } from './judging-access';
import { scoreProblems } from './score-rules';
import { TopUpRuns } from './top-up-runs';

/** Reads and conditional writes of one score before giving up on concurrent saves (409). */
const SCORE_ATTEMPTS = 5;

/** A judge's list is bounded; no real round gives one judge more. */
const MY_ASSIGNMENTS_LIMIT = 2000;

/**
 * Judges' lists kept at once, each of at most MY_ASSIGNMENTS_KEPT_BYTES (~1 kB an assignment; a
 * longer list is read afresh each time): at most 16 MB, where the API's RSS has little margin.
 */
const MY_ASSIGNMENTS_KEPT = 256;
const MY_ASSIGNMENTS_KEPT_BYTES = 64 * 1024;

const versionFromIfMatch = (header: string | undefined): number | undefined => {
  const m = header?.match(/^(?:W\/)?"?(\d+)"?$/);
  return m ? Number(m[1]) : undefined;
};

@Injectable()
export class AssignmentsService {
  /**
   * GET /me/assignments' answers by judge (the statement's only other parameters are constants),
   * as sent: dropped whenever a table the statement reads changes (a logout, a role taken away, a
   * withdrawal, a round made blind: the next request reads afresh), and served only before the
   * first round of the list closes, where the same rows would read otherwise.
   */
  readonly mineCache: TableCache<SentJson<MyAssignmentDto[]>>;

  constructor(
    private readonly tx: Transactions,
    private readonly access: JudgingAccess,
    private readonly assigner: JudgeAssigner,
    private readonly audit: AuditService,
    private readonly topUps: TopUpRuns,
    @Inject(ASSET_STORAGE) private readonly storage: AssetStorage,
    @Inject(CLOCK) private readonly clock: Clock,
    changes: TableChanges,
  ) {
    // users: an open round shows the team's members, so a change to an account drops every list.
    this.mineCache = changes.cache(
      'my-assignments',
      MY_ASSIGNMENT_VIEWS_TABLES,
      MY_ASSIGNMENTS_KEPT,
      {
        tables: ['auth_sessions'],
        callerOf: (judgeId) => judgeId,
      },
    );
  }

  /** One assignment made by hand: the judge must be in the pool and free of conflicts. */
  async addManual(
    actor: Principal,
    roundId: string,
    dto: ManualAssignmentDto,
  ): Promise<StaffAssignmentDto> {
    return this.tx.run(async (m) => {
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
  async roundList(actor: Principal, roundId: string): Promise<RoundAssignmentsDto> {
    return this.tx.run('REPEATABLE READ', async (m) => {
      const { round } = await this.access.managedRound(m, actor, roundId);
      const entries = await roundEntries(m, round);
      const items = await roundAssignments(
        m,
        round.id,
        entries.map((e) => e.id),
      );
      return { items };
    });
  }

  /** Takes one assignment away; a final score cannot be thrown away this way. */
  async removeManual(actor: Principal, id: string): Promise<StaffAssignmentDto> {
    return this.tx.run(async (m) => {
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

  /**
   * Every active assignment of the caller, on entries still in the running: from mineCache when
   * the process's session cache knows the caller (admitted as the statement would), else one
   * prepared query, which checks the caller's session too (admitted, judge role included, before
   * its views are sent).
   */
  async mine(check: SessionCheck): Promise<SentJson<MyAssignmentDto[]>> {
    const now = this.clock.now();
    const known = check.known();
    if (known) {
      const kept = this.mineCache.get(known.id, now.getTime());
      if (kept !== undefined) return kept;
    }
    const ticket = this.mineCache.ticket();
    const { caller, row } = admitCaller(
      check,
      await myAssignmentViews(
        this.tx.manager,
        check.claims,
        LIVE_STATUSES,
        MY_ASSIGNMENTS_LIMIT,
        now,
      ),
    );
    const body = sentJson<MyAssignmentDto[]>(row.body);
    if (body.length > MY_ASSIGNMENTS_KEPT_BYTES) return body;
    const kept = keptJson(body);
    this.mineCache.put(caller.id, ticket, kept, now.getTime(), row.until?.getTime());
    return kept;
  }

  /**
   * The judge sees the entry only while the access rule lets them (a recused or withdrawn
   * assignment, a closed round, ... show the assignment and the judge's own score, no entry);
   * programme staff reading another judge's assignment see it whole.
   */
  async get(who: Principal, id: string): Promise<MyAssignmentDto> {
    const { assignment } = await this.access.ownAssignment(this.tx.manager, who, id, {
      staff: true,
    });
    const asStaff = assignment.judgeId !== who.id;
    return (await this.judgeViews(this.tx.manager, [assignment.id], { asStaff }))[0];
  }

  /**
   * A file of the entry, through the assignment: by id, never under the name it was uploaded as.
   * In a blind round the judge gets a copy without the metadata that names people (EXIF, XMP,
   * PDF document information): its length is then not known in advance (`length` undefined).
   */
  async asset(me: Principal, id: string, assetId: string) {
    const { assignment, round } = await this.access.ownAssignment(this.tx.manager, me, id);
    const [rule] = await assignmentAccess(
      this.tx.manager,
      { assignmentIds: [assignment.id] },
      this.clock.now(),
    );
    if (rule?.access !== 'open') throw notFound('Asset');
    const asset = await findSubmissionAsset(this.tx.manager, assignment.submissionId, assetId);
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
  async score(
    me: Principal,
    id: string,
    dto: ScoreDto,
    ifMatch?: string,
  ): Promise<MyAssignmentDto> {
    const expected = dto.version ?? versionFromIfMatch(ifMatch);
    for (let attempt = 0; attempt < SCORE_ATTEMPTS; attempt += 1) {
      const now = this.clock.now();
      const row = await scoreTarget(this.tx.manager, id, now);
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
      const view = await writeScore(
        this.tx.manager,
        {
          id: row.id,
          version: row.scoreVersion,
          competitionId: row.competitionId,
          scores: dto.scores,
          comment: dto.comment ?? null,
          state: dto.final ? 'final' : 'draft',
        },
        now,
      );
      if (view) return view;
    }
    throw conflict('This score is being saved from elsewhere at the same time: try again');
  }

  /**
   * The judge steps back; the pair is never made again. Another unconflicted judge takes the entry
   * over in a top-up run the worker does (it tells the coordinators whether one did), so the
   * request holds the round's lock only for its own change.
   */
  async recuse(me: Principal, id: string, reason: string): Promise<RecusedDto> {
    const answer = await this.tx.run(async (m) => {
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
    const rows = await assignmentViews(m, ids, opts.asStaff === true, now);
    const byId = new Map(rows.map((r) => [r.id, r.view]));
    return ids.flatMap((id) => {
      const view = byId.get(id);
      return view ? [view] : [];
    });
  }
}
