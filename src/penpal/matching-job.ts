import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isMinorOn } from '../common/age';
import { mayParticipate } from '../identity/consent';
import { participantStates } from '../identity/participant-states';
import { JobHandlers } from '../jobs/job-handlers';
import { JobName } from '../jobs/job-registry';
import { MatchingInput, Participant, PairIds } from './matching';
import { matchInThread } from './matching-thread';
import { MatchingRun } from './matching-run.entity';
import { MatchingRunUnmatched } from './matching-run-unmatched.entity';
import { PenpalMatch } from './penpal-match.entity';
import { PenpalRound } from './penpal-round.entity';

const INSERT_CHUNK = 5000;

interface EnrolledRow {
  user_id: string;
  country: string;
  date_of_birth: string;
  gender: string | null;
  languages: Participant['languages'];
  interests: string[];
  preferred_countries: string[];
  practise_languages: string[];
  gender_preference: string | null;
  capacity: number;
}

/**
 * The worker side of a matching run: load the round's enrolments, pins, forbids and history from
 * Postgres, run the pure engine, and save the proposed pairs in bulk with the run's report.
 */
@Injectable()
export class MatchingJob implements OnModuleInit {
  private readonly logger = new Logger(MatchingJob.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly handlers: JobHandlers,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.RunPenpalMatching, (p) => this.run(p.runId));
  }

  async run(runId: string): Promise<void> {
    const runs = this.db.getRepository(MatchingRun);
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
      await this.db.transaction(async (m) => {
        await m.delete(PenpalMatch, { runId }); // a stalled attempt's partial rows
        // unnest() turns column arrays into rows: one statement per chunk, a few parameters each.
        for (let i = 0; i < result.pairs.length; i += INSERT_CHUNK) {
          const chunk = result.pairs.slice(i, i + INSERT_CHUNK);
          await m.query(
            `INSERT INTO penpal_matches (run_id, round_id, user_a, country_a, user_b, country_b, score, reasons, reason_facts, pinned, status)
             SELECT $1, $2, a, 'KR', b, cb, sc, ARRAY(SELECT jsonb_array_elements_text(r::jsonb)), f::jsonb, pin, st
               FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::int[], $7::text[], $8::text[], $9::bool[], $10::text[])
                 AS t(a, b, cb, sc, r, f, pin, st)`,
            [
              runId,
              roundId,
              chunk.map((p) => p.krId),
              chunk.map((p) => p.aseanId),
              chunk.map((p) => p.aseanCountry),
              chunk.map((p) => p.score),
              chunk.map((p) => JSON.stringify(p.reasons)),
              chunk.map((p) => JSON.stringify(p.facts)),
              chunk.map((p) => p.pinned),
              chunk.map((p) => (published.has(key([p.krId, p.aseanId])) ? 'carried' : 'proposed')),
            ],
          );
        }
        await m.delete(MatchingRunUnmatched, { runId });
        for (let i = 0; i < result.unmatched.length; i += INSERT_CHUNK) {
          const chunk = result.unmatched.slice(i, i + INSERT_CHUNK);
          await m.query(
            `INSERT INTO matching_run_unmatched (run_id, user_id, country, reason, detail)
             SELECT $1, u, c, r, d FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[]) AS t(u, c, r, d)`,
            [
              runId,
              chunk.map((u) => u.id),
              chunk.map((u) => u.country),
              chunk.map((u) => u.reason),
              chunk.map((u) => u.detail),
            ],
          );
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
        await m.query(
          `UPDATE matching_runs SET status = 'succeeded', progress = 1, finished_at = now(), stats = $2 WHERE id = $1`,
          [runId, JSON.stringify(stats)],
        );
      });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.logger.error(`Matching run ${runId} failed: ${message}`);
      await runs.update(
        { id: runId },
        { status: 'failed', error: message.slice(0, 2000), finishedAt: new Date() },
      );
    }
  }

  /** The engine's input, and the pairs already published (kept by the run, saved as carried). */
  private load(runId: string): Promise<{ input: MatchingInput; published: Set<string> }> {
    return this.db.transaction(async (m) => {
      const run = await m.findOneByOrFail(MatchingRun, { id: runId });
      // Held until the input is read, so no publication of this round commits in between; the
      // stamp taken under it tells publish which publications this run has seen.
      await m.query(`SELECT 1 FROM penpal_rounds WHERE id = $1 FOR SHARE`, [run.roundId]);
      await m.query(`UPDATE matching_runs SET started_at = clock_timestamp() WHERE id = $1`, [
        runId,
      ]);
      return this.readInput(m, run);
    });
  }

  private async readInput(
    m: EntityManager,
    run: MatchingRun,
  ): Promise<{ input: MatchingInput; published: Set<string> }> {
    const round = await m.findOneByOrFail(PenpalRound, { id: run.roundId });
    const enrolled: EnrolledRow[] = await m.query(
      `SELECT e.user_id, p.country, to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, p.gender, p.languages, p.interests,
              e.preferred_countries, e.practise_languages, e.gender_preference, e.capacity
         FROM penpal_enrolments e JOIN profiles p ON p.user_id = e.user_id
        WHERE e.round_id = $1
        ORDER BY e.user_id`,
      [round.id],
    );
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
    const pairs = async (sql: string): Promise<PairIds[]> =>
      ((await m.query(sql, [round.id])) as { a: string; b: string }[]).map(
        (r) => [r.a, r.b] as const,
      );
    // Pen pals already published in this round stay together; a declined pair or one a coordinator
    // ended is never proposed again, nor a pair that met in an earlier round of the programme.
    const published = await pairs(
      `SELECT DISTINCT user_a AS a, user_b AS b FROM penpal_matches WHERE round_id = $1 AND status IN ('published', 'accepted')`,
    );
    const pinned = await pairs(
      `SELECT user_a AS a, user_b AS b FROM penpal_constraints WHERE round_id = $1 AND type = 'pin'`,
    );
    const forbids = await pairs(
      `SELECT user_a AS a, user_b AS b FROM penpal_constraints WHERE round_id = $1 AND type = 'forbid'`,
    );
    // Only pairs of two people enrolled here: the programme's other rounds hold many more.
    const neverAgain = await pairs(
      `SELECT DISTINCT x.user_a AS a, x.user_b AS b
         FROM penpal_matches x JOIN penpal_rounds r ON r.id = x.round_id
        WHERE ((x.round_id = $1 AND x.status IN ('declined', 'cancelled', 'ended'))
               OR (x.round_id <> $1 AND x.status IN ('published', 'accepted', 'declined', 'cancelled', 'ended')
                   AND r.programme_id = (SELECT programme_id FROM penpal_rounds WHERE id = $1)))
          AND EXISTS (SELECT 1 FROM penpal_enrolments e WHERE e.round_id = $1 AND e.user_id = x.user_a)
          AND EXISTS (SELECT 1 FROM penpal_enrolments e WHERE e.round_id = $1 AND e.user_id = x.user_b)`,
    );
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
