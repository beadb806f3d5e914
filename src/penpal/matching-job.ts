import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../common/clock';
import { isMinorOn } from '../common/age';
import { mayParticipate } from '../identity/consent';
import { participantStates } from '../identity/participant-state-rows';
import { JobHandlers } from '../jobs/job-handlers';
import { JobName } from '../jobs/job-registry';
import { MatchingInput, Participant, PairIds } from './matching';
import { matchInThread } from './matching-thread';
import { MatchingRun } from './matching-run.entity';
import { MatchingRunUnmatched } from './matching-run-unmatched.entity';
import { PenpalMatch } from './penpal-match.entity';
import { PenpalRound } from './penpal-round.entity';
import { Transactions } from '../database/transactions';
import {
  enrolledForMatching,
  insertRunPairs,
  insertRunUnmatched,
  lockRound,
  markRunStarted,
  markRunSucceeded,
  pairsOfRound,
} from './matching-runs.store';

const INSERT_CHUNK = 5000;

/**
 * The worker side of a matching run: load the round's enrolments, pins, forbids and history from
 * Postgres, run the pure engine, and save the proposed pairs in bulk with the run's report.
 */
@Injectable()
export class MatchingJob implements OnModuleInit {
  private readonly logger = new Logger(MatchingJob.name);

  constructor(
    private readonly tx: Transactions,
    private readonly handlers: JobHandlers,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.RunPenpalMatching, (p) => this.run(p.runId));
  }

  async run(runId: string): Promise<void> {
    const runs = this.tx.manager.getRepository(MatchingRun);
    const claimed = await runs
      .createQueryBuilder()
      .update()
      .set({ status: 'running', startedAt: () => 'now()', progress: 0.05 })
      .where(`id = :runId AND status IN ('queued', 'running')`, { runId })
      .execute();
    if (!claimed.affected) {
      // The job is added once its row commits, so a row missing or still queued here is
      // unexpected: throwing lets BullMQ retry a few times, then give up.
      const row = await runs.findOneBy({ id: runId });
      if (!row || row.status === 'queued') {
        throw new Error(`Matching run ${runId} is not committed (yet)`);
      }
      return; // already finished
    }
    try {
      const t0 = performance.now();
      const { input, published } = await this.load(runId);
      const loadMs = Math.round(performance.now() - t0);
      await runs.update({ id: runId }, { progress: 0.2 });

      // Progress is written at most once a second while the engine works in its own thread.
      let lastWrite = 0;
      let writing: Promise<unknown> = Promise.resolve();
      const result = await matchInThread(input, (fraction) => {
        if (Date.now() - lastWrite < 1000) return;
        lastWrite = Date.now();
        const progress = Math.round((0.2 + 0.7 * fraction) * 100) / 100;
        writing = writing.then(() =>
          runs.update({ id: runId }, { progress }).catch(() => undefined),
        );
      });
      await writing;
      await runs.update({ id: runId }, { progress: 0.9 });

      const t1 = performance.now();
      const roundId = (await runs.findOneByOrFail({ id: runId })).roundId;
      await this.tx.run(async (m) => {
        await m.delete(PenpalMatch, { runId }); // a stalled attempt's partial rows
        // unnest() turns column arrays into rows: one statement per chunk, a few parameters each.
        for (let i = 0; i < result.pairs.length; i += INSERT_CHUNK) {
          const chunk = result.pairs.slice(i, i + INSERT_CHUNK);
          await insertRunPairs(
            m,
            runId,
            roundId,
            chunk.map((p) => ({
              ...p,
              status: published.has(key([p.krId, p.aseanId])) ? 'carried' : 'proposed',
            })),
          );
        }
        await m.delete(MatchingRunUnmatched, { runId });
        for (let i = 0; i < result.unmatched.length; i += INSERT_CHUNK) {
          const chunk = result.unmatched.slice(i, i + INSERT_CHUNK);
          await insertRunUnmatched(m, runId, chunk);
        }
        const saveMs = Math.round(performance.now() - t1);
        const s = result.stats;
        const stats = {
          enrolled: s.enrolled,
          eligible: s.eligible,
          matched: s.matchedPeople,
          unmatched: s.unmatchedPeople,
          pairs: s.pairs,
          pinnedPairs: s.pinnedPairs,
          meanScore: s.meanScore,
          medianScore: s.medianScore,
          byCountry: s.pairsByCountry,
          enrolledByCountry: s.enrolledByCountry,
          matchedByCountry: s.matchedByCountry,
          minPerCountry: s.minPerCountry,
          shortfalls: s.shortfalls,
          unmatchedByReason: s.unmatchedByReason,
          candidateEdges: s.candidateEdges,
          objective: s.objective,
          durationMs: {
            load: loadMs,
            ...s.durationMs,
            save: saveMs,
            total: loadMs + s.durationMs.total + saveMs,
          },
          warnings: result.warnings,
        };
        await markRunSucceeded(m, runId, stats);
      });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.logger.error(`Matching run ${runId} failed: ${message}`);
      await runs.update(
        { id: runId },
        { status: 'failed', error: message.slice(0, 2000), finishedAt: this.clock.now() },
      );
    }
  }

  /** The engine's input, and the pairs already published (kept by the run, saved as carried). */
  private load(runId: string): Promise<{ input: MatchingInput; published: Set<string> }> {
    return this.tx.run(async (m) => {
      const run = await m.findOneByOrFail(MatchingRun, { id: runId });
      // Held until the input is read, so no publication of this round commits in between; the
      // stamp taken under it tells publish which publications this run has seen.
      await lockRound(m, run.roundId, 'SHARE');
      await markRunStarted(m, runId);
      return this.readInput(m, run);
    });
  }

  private async readInput(
    m: EntityManager,
    run: MatchingRun,
  ): Promise<{ input: MatchingInput; published: Set<string> }> {
    const round = await m.findOneByOrFail(PenpalRound, { id: run.roundId });
    const enrolled = await enrolledForMatching(m, round.id);
    // Consent as identity decides it everywhere else (a withdrawn consent no longer counts).
    const states = await participantStates(
      m,
      enrolled.map((e) => e.user_id),
      this.clock.now(),
    );
    const referenceDate = round.enrolmentClosesAt.toISOString().slice(0, 10);
    const participants: Participant[] = enrolled.map((e) => {
      const adult = !isMinorOn(e.date_of_birth, round.enrolmentClosesAt);
      const consent = states.get(e.user_id)?.consent;
      return {
        id: e.user_id,
        country: e.country as Participant['country'],
        birthDate: e.date_of_birth,
        consentConfirmed: adult || (consent !== undefined && mayParticipate(consent)),
        gender: e.gender,
        languages: e.languages,
        interests: e.interests,
        preferences: {
          preferredCountries: e.preferred_countries as Participant['country'][],
          practiseLanguages: e.practise_languages,
          genderPreference: e.gender_preference,
          capacity: e.capacity,
        },
      };
    });
    const published = await pairsOfRound(m, round.id, 'published');
    const pinned = await pairsOfRound(m, round.id, 'pinned');
    const forbids = await pairsOfRound(m, round.id, 'forbidden');
    const neverAgain = await pairsOfRound(m, round.id, 'neverAgain');
    const publishedKeys = new Set(published.map(key));
    const input: MatchingInput = {
      participants,
      rules: { ...round.rules, minorsOnlyWithMinors: true },
      weights: round.weights,
      countryBalance: round.countryBalance,
      penpalsPerParticipant: round.penpalsPerParticipant,
      pins: [...published, ...pinned.filter((p) => !publishedKeys.has(key(p)))],
      // A published pair stays even if forbidden later: its people keep that pen pal.
      forbids: forbids.filter((p) => !publishedKeys.has(key(p))),
      neverAgain: neverAgain.filter((p) => !publishedKeys.has(key(p))),
      seed: run.seed,
      referenceDate,
    };
    return { input, published: publishedKeys };
  }
}

const key = (p: PairIds) => [...p].sort().join(':');
