import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../common/clock';
import { projectEntries } from '../competitions/project-entry-rows';
import { JobHandlers } from '../jobs/job-handlers';
import { JobName } from '../jobs/job-registry';
import type { MentorCandidate, MentoringInput, TeamCandidate } from './core';
import { matchInThread } from './matching-thread';
import { MentoringMatch, MentoringRun } from './mentoring-run.entity';
import { MentoringRound } from './mentoring-round.entity';
import { roundEntryIds } from './round-teams';
import { Transactions } from '../database/transactions';
import {
  insertMentoringMatches,
  lockMentoringRound,
  markMentoringRunStarted,
  markMentoringRunSucceeded,
  mentoringPairsOfRound,
  roundMentorsForMatching,
} from './mentoring.store';

const INSERT_CHUNK = 5000;

/** Languages good enough for a mentoring conversation. */
const CONVERSATION_LEVELS = new Set(['native', 'fluent', 'conversational']);

/**
 * The worker side of a mentoring run: read the round's entries (teams, members, projects) and
 * mentors, the pins, forbids and published mentorships, solve on the exact engine, and save the
 * proposed pairs with the run's report.
 */
@Injectable()
export class MentoringMatchingJob implements OnModuleInit {
  private readonly logger = new Logger(MentoringMatchingJob.name);

  constructor(
    private readonly tx: Transactions,
    private readonly handlers: JobHandlers,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.RunMentoringMatching, (p) => this.run(p.runId));
  }

  async run(runId: string): Promise<void> {
    const runs = this.tx.manager.getRepository(MentoringRun);
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
      await this.tx.run(async (m) => {
        await m.delete(MentoringMatch, { runId });
        for (let i = 0; i < result.pairs.length; i += INSERT_CHUNK) {
          const chunk = result.pairs.slice(i, i + INSERT_CHUNK);
          await insertMentoringMatches(m, runId, chunk);
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
        await markMentoringRunSucceeded(m, runId, stats);
      });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.logger.error(`Mentoring run ${runId} failed: ${message}`);
      await runs.update(
        { id: runId },
        { status: 'failed', error: message.slice(0, 2000), finishedAt: this.clock.now() },
      );
    }
  }

  /** Read under the round's row FOR SHARE, so no publication of the round commits in between. */
  private load(runId: string): Promise<MentoringInput> {
    return this.tx.run(async (m) => {
      const run = await m.findOneByOrFail(MentoringRun, { id: runId });
      await lockMentoringRound(m, run.roundId, 'SHARE');
      await markMentoringRunStarted(m, runId);
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
    const rows = await roundMentorsForMatching(m, round.id);
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
    const published = await mentoringPairsOfRound(m, round.id, 'published');
    const pinned = await mentoringPairsOfRound(m, round.id, 'pinned');
    const forbids = await mentoringPairsOfRound(m, round.id, 'forbidden');
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
