import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { projectEntries } from '../competitions/project-entries';
import { JobHandlers } from '../jobs/job-handlers';
import { JobName } from '../jobs/job-registry';
import type { MentorCandidate, MentoringInput, PairIds, TeamCandidate } from './core';
import { matchInThread } from './matching-thread';
import { MentoringMatch, MentoringRun } from './mentoring-run.entity';
import { MentoringRound } from './mentoring-round.entity';
import { roundEntryIds } from './round-teams';

const INSERT_CHUNK = 5000;

/** Languages good enough for a mentoring conversation. */
const CONVERSATION_LEVELS = new Set(['native', 'fluent', 'conversational']);

interface MentorRow {
  user_id: string;
  organisation: string;
  sector: MentorCandidate['sector'];
  sdgs: number[];
  topics: string[];
  countries: string[];
  languages: { code: string; level: string }[];
  capacity: number;
  busy: number;
}

/**
 * The worker side of a mentoring run: read the round's entries (teams, members, projects) and
 * mentors, the pins, forbids and published mentorships, solve on the exact engine, and save the
 * proposed pairs with the run's report.
 */
@Injectable()
export class MentoringMatchingJob implements OnModuleInit {
  private readonly logger = new Logger(MentoringMatchingJob.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly handlers: JobHandlers,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.RunMentoringMatching, (p) => this.run(p.runId));
  }

  async run(runId: string): Promise<void> {
    const runs = this.db.getRepository(MentoringRun);
    const claimed = await runs
      .createQueryBuilder()
      .update()
      .set({ status: 'running', progress: 0.05 })
      .where(`id = :runId AND status IN ('queued', 'running')`, { runId })
      .execute();
    if (!claimed.affected) {
      // The job is added once its row commits: a row missing here is not committed yet.
      const row = await runs.findOneBy({ id: runId });
      if (!row || row.status === 'queued')
        throw new Error(`Mentoring run ${runId} is not committed (yet)`);
      return;
    }
    try {
      const t0 = performance.now();
      const input = await this.load(runId);
      const loadMs = Math.round(performance.now() - t0);
      await runs.update({ id: runId }, { progress: 0.2 });
      const result = await matchInThread(input);
      const t1 = performance.now();
      await this.db.transaction(async (m) => {
        await m.delete(MentoringMatch, { runId });
        for (let i = 0; i < result.pairs.length; i += INSERT_CHUNK) {
          const chunk = result.pairs.slice(i, i + INSERT_CHUNK);
          await m.query(
            `INSERT INTO mentoring_matches (run_id, submission_id, team_id, mentor_id, score, reasons, pinned)
             SELECT $1, s, t, u, sc, r::jsonb, pin
               FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::text[], $7::bool[])
                 AS x(s, t, u, sc, r, pin)`,
            [
              runId,
              chunk.map((p) => p.submissionId),
              chunk.map((p) => p.teamId),
              chunk.map((p) => p.mentorId),
              chunk.map((p) => p.score),
              chunk.map((p) => JSON.stringify(p.reasons)),
              chunk.map((p) => p.pinned),
            ],
          );
        }
        const s = result.stats;
        const stats = {
          teams: s.teams,
          mentors: s.mentors,
          pairs: s.pairs,
          pinnedPairs: s.pinnedPairs,
          teamsFull: s.teamsFull,
          teamsShort: s.teamsShort,
          meanScore: s.meanScore,
          mixedTeams: s.mixedTeams,
          short: result.short,
          warnings: result.warnings,
          solver: {
            candidatePairs: s.candidatePairs,
            pricedRounds: s.pricedRounds,
            pivots: s.pivots,
            objective: s.objective,
            loadMs,
            solveMs: s.durationMs,
            saveMs: Math.round(performance.now() - t1),
          },
        };
        await m.query(
          `UPDATE mentoring_runs SET status = 'succeeded', progress = 1, finished_at = now(), stats = $2 WHERE id = $1`,
          [runId, JSON.stringify(stats)],
        );
      });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.logger.error(`Mentoring run ${runId} failed: ${message}`);
      await runs.update(
        { id: runId },
        { status: 'failed', error: message.slice(0, 2000), finishedAt: new Date() },
      );
    }
  }

  /** Read under the round's row FOR SHARE, so no publication of the round commits in between. */
  private load(runId: string): Promise<MentoringInput> {
    return this.db.transaction(async (m) => {
      const run = await m.findOneByOrFail(MentoringRun, { id: runId });
      await m.query(`SELECT 1 FROM mentoring_rounds WHERE id = $1 FOR SHARE`, [run.roundId]);
      await m.query(`UPDATE mentoring_runs SET started_at = clock_timestamp() WHERE id = $1`, [
        runId,
      ]);
      return this.readInput(m, await m.findOneByOrFail(MentoringRound, { id: run.roundId }));
    });
  }

  private async readInput(m: EntityManager, round: MentoringRound): Promise<MentoringInput> {
    const entries = await projectEntries(m, await roundEntryIds(m, round));
    const teams: TeamCandidate[] = entries.map((e) => ({
      id: e.submissionId,
      teamId: e.teamId,
      sdgs: e.sdgs,
      // The project has no topics of its own: the partners it seeks and its members' interests.
      topics: [...e.partnersSought, ...e.members.flatMap((p) => p.interests)],
      targetCountries: e.targetCountries,
      memberLanguages: e.members.map((p) =>
        p.languages.filter((l) => CONVERSATION_LEVELS.has(l.level)).map((l) => l.code),
      ),
      institutions: e.members.flatMap((p) => (p.institution ? [p.institution] : [])),
    }));
    // A mentor's places: their capacity less the active mentorships of other rounds.
    const rows: MentorRow[] = await m.query(
      `SELECT p.user_id, p.organisation, p.sector, p.sdgs, p.topics, p.countries, p.languages, p.capacity,
              (SELECT count(*)::int FROM mentorships x
                WHERE x.mentor_id = p.user_id AND x.status = 'active' AND x.round_id <> $1) AS busy
         FROM mentoring_round_mentors rm JOIN mentor_profiles p ON p.user_id = rm.user_id
        WHERE rm.round_id = $1
        ORDER BY p.user_id`,
      [round.id],
    );
    const mentors: MentorCandidate[] = rows.map((r) => ({
      id: r.user_id,
      organisation: r.organisation,
      sector: r.sector,
      sdgs: r.sdgs,
      topics: r.topics,
      countries: r.countries,
      languages: r.languages.filter((l) => CONVERSATION_LEVELS.has(l.level)).map((l) => l.code),
      capacity: Math.max(0, r.capacity - r.busy),
    }));
    const pairs = async (sql: string): Promise<PairIds[]> =>
      ((await m.query(sql, [round.id])) as { s: string; u: string }[]).map(
        (r) => [r.s, r.u] as const,
      );
    // Published mentorships stay: they come first among the pins, ahead of the coordinator's.
    const published = await pairs(
      `SELECT submission_id AS s, mentor_id AS u FROM mentorships WHERE round_id = $1 AND status = 'active' ORDER BY created_at, id`,
    );
    const pinned = await pairs(
      `SELECT submission_id AS s, mentor_id AS u FROM mentoring_constraints WHERE round_id = $1 AND type = 'pin' ORDER BY created_at, id`,
    );
    const forbids = await pairs(
      `SELECT submission_id AS s, mentor_id AS u FROM mentoring_constraints WHERE round_id = $1 AND type = 'forbid'`,
    );
    const publishedKeys = new Set(published.map(([s, u]) => `${s}:${u}`));
    return {
      teams,
      mentors,
      mentorsPerTeam: round.mentorsPerTeam,
      pins: [...published, ...pinned.filter(([s, u]) => !publishedKeys.has(`${s}:${u}`))],
      forbids: forbids.filter(([s, u]) => !publishedKeys.has(`${s}:${u}`)),
    };
  }
}
