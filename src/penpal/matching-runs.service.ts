import { compareRuns } from './run-compare';
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';
import { type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { conflict, notFound, unprocessable } from '../common/errors/app-error';
import { PageQuery, pageOf, skipTake } from '../common/http/pagination';
import type { Country } from '../common/reference-data';
import { isUniqueViolation } from '../database/errors';
import { JobName } from '../jobs/job-registry';
import { QueueService } from '../jobs/queue.service';
import { NotificationRequest, OutboxService } from '../notifications/outbox.service';
import { ProgrammeAccess } from '../programmes/programme-access';
import type { MatchesQuery, UnmatchedQuery } from './dto/run.dto';
import type {
  MatchingRunDto,
  MatchingRunPageDto,
  ProposedMatchPageDto,
  PublishPreviewDto,
  RunComparisonDto,
  RunPublishedDto,
  RunStartedDto,
  UnmatchedPersonPageDto,
} from './dto/responses.dto';
import { runView } from './matching-run-view';
import { MatchingRun } from './matching-run.entity';
import { GuardianConsentService } from '../identity/guardian-consent.service';
import { pairProblem } from './pair-eligibility';
import { enrolmentWindow } from './round-rules';
import { RoundsService } from './rounds.service';
import { renderReasons } from './matching';
import {
  enrolledForPublication,
  lockRound,
  pageRunPairs,
  pageUnmatched,
  proposedPairs,
  publicationCounts,
  publishedPairsNamed,
  publishedSinceRead,
  publishPairs,
  runPairs,
} from './matching-runs.store';
import { Transactions } from '../database/transactions';

function assertPublishable(run: MatchingRun) {
  if (run.status !== 'succeeded')
    throw conflict('Only a finished run can be published', 'RUN_NOT_FINISHED');
  if (run.publishedAt) throw conflict('This run is already published', 'ALREADY_PUBLISHED');
}

@Injectable()
export class MatchingRunsService {
  constructor(
    private readonly tx: Transactions,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly rounds: RoundsService,
    private readonly access: ProgrammeAccess,
    private readonly queues: QueueService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly consents: GuardianConsentService,
  ) {}

  /**
   * Queues a run. With Redis away it answers 503 before writing anything; the job is added after
   * the row commits, and should that add fail the hourly maintenance adds it (job id = run id).
   */
  async start(actor: Principal, roundId: string, seed?: string): Promise<RunStartedDto> {
    await this.queues.assertAvailable();
    let run: MatchingRun;
    try {
      run = await this.tx.run(async (m) => {
        const round = await this.rounds.findManaged(actor, roundId, m);
        if (enrolmentWindow(round, this.clock.now()) !== 'closed') {
          throw conflict(
            'Close enrolment (PATCH enrolmentClosesAt) before matching',
            'ENROLMENT_OPEN',
          );
        }
        const created = await m.save(
          m.create(MatchingRun, {
            roundId,
            seed: seed ?? '0',
            createdBy: actor.id,
            status: 'queued',
          }),
        );
        await this.audit.record(m, {
          actorId: actor.id,
          action: 'matching_run.started',
          targetType: 'penpal_round',
          targetId: roundId,
          details: { runId: created.id, seed: created.seed },
        });
        return created;
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw conflict(
          'A matching run of this round is already queued or running',
          'RUN_IN_PROGRESS',
        );
      throw err;
    }
    await this.queues.enqueueCommitted(JobName.RunPenpalMatching, { runId: run.id }, run.id);
    return { id: run.id, status: run.status };
  }

  private async findManaged(actor: Principal, runId: string) {
    const run = await this.tx.manager.getRepository(MatchingRun).findOneBy({ id: runId });
    if (!run) throw notFound('Matching run');
    await this.rounds.findManaged(actor, run.roundId);
    return run;
  }

  async get(actor: Principal, runId: string): Promise<MatchingRunDto> {
    return runView(await this.findManaged(actor, runId));
  }

  async list(actor: Principal, roundId: string, q: PageQuery): Promise<MatchingRunPageDto> {
    await this.rounds.findManaged(actor, roundId);
    const [items, total] = await this.tx.manager.getRepository(MatchingRun).findAndCount({
      where: { roundId },
      order: { createdAt: 'DESC', id: 'ASC' },
      ...skipTake(q),
    });
    return pageOf(items.map(runView), total, q);
  }

  /**
   * A page of the run's pairs, best first, each side with its name: the report shows who is in a
   * pair without reading the round's enrolments. `q` keeps the pairs with someone whose name
   * contains it, or from that country.
   */
  async matches(actor: Principal, runId: string, q: MatchesQuery): Promise<ProposedMatchPageDto> {
    await this.findManaged(actor, runId);
    const { skip, take } = skipTake(q);
    const { rows, n } = await pageRunPairs(this.tx.manager, runId, q.q, skip, take);
    return pageOf(
      rows.map((x) => ({
        id: x.id,
        a: { userId: x.a, displayName: x.na, country: x.ca },
        b: { userId: x.b, displayName: x.nb, country: x.cb },
        score: x.score,
        // In the coordinator's language; rows saved before reasons were kept as data stay in English.
        reasons: x.reasonFacts ? renderReasons(x.reasonFacts, actor.locale) : x.reasons,
        pinned: x.pinned,
        status: x.status,
      })),
      n,
      q,
    );
  }

  /**
   * Two runs of one round side by side (compareRuns): pairs kept, lost and gained, and per
   * country the pairs and matched people of each, with the people enrolled. 422 RUNS_NOT_COMPARABLE
   * for runs of different rounds or one not finished.
   */
  async compare(actor: Principal, runId: string, otherId: string): Promise<RunComparisonDto> {
    const run = await this.findManaged(actor, runId);
    const other = await this.findManaged(actor, otherId);
    if (run.roundId !== other.roundId) {
      throw unprocessable('RUNS_NOT_COMPARABLE', 'Only two runs of the same round can be compared');
    }
    if (run.status !== 'succeeded' || other.status !== 'succeeded') {
      throw unprocessable('RUNS_NOT_COMPARABLE', 'Both runs must have finished to be compared');
    }
    const pairsOf = (id: string) => runPairs(this.tx.manager, id);
    const [before, after] = await Promise.all([pairsOf(run.id), pairsOf(other.id)]);
    const result = compareRuns(before, after);
    const enrolled =
      (other.stats as { enrolledByCountry?: Record<string, number> } | null)?.enrolledByCountry ??
      {};
    const countries = new Set([
      ...result.byCountry.map((r) => r.country),
      ...Object.keys(enrolled),
    ]);
    const rows = new Map(result.byCountry.map((r) => [r.country, r]));
    return {
      runId: run.id,
      otherRunId: other.id,
      kept: result.kept,
      lost: result.lost,
      gained: result.gained,
      byCountry: [...countries].sort().map((country) => ({
        ...(rows.get(country) ?? {
          country,
          pairsBefore: 0,
          pairsAfter: 0,
          kept: 0,
          lost: 0,
          gained: 0,
          matchedBefore: 0,
          matchedAfter: 0,
        }),
        enrolled: enrolled[country] ?? 0,
      })),
    };
  }

  /** The people the run left without a new pen pal, with the reason and a sentence on it. */
  async unmatched(
    actor: Principal,
    runId: string,
    q: UnmatchedQuery,
  ): Promise<UnmatchedPersonPageDto> {
    await this.findManaged(actor, runId);
    const { skip, take } = skipTake(q);
    const { rows, n } = await pageUnmatched(this.tx.manager, runId, q, skip, take);
    return pageOf(rows, n, q);
  }

  /**
   * The pairs publishing would leave unpublished: consent and birth dates are checked again, as a
   * guardian may have withdrawn, or staff corrected a birth date, since the run read its input.
   */
  private async unpublishable(m: EntityManager, run: MatchingRun) {
    const round = await this.rounds.find(run.roundId, m);
    const proposed = await proposedPairs(m, run.id);
    const states = await this.consents.states(
      m,
      proposed.flatMap((x) => [x.a, x.b]),
    );
    const skipped = proposed.flatMap((x) => {
      const reason = pairProblem(states.get(x.a), states.get(x.b), round);
      return reason ? [{ matchId: x.id, reason }] : [];
    });
    return { round, skipped };
  }

  /**
   * How many people publishing the run now would tell, counted as publish counts them: the
   * confirmation names them before anything is sent.
   */
  async publishPreview(actor: Principal, runId: string): Promise<PublishPreviewDto> {
    const run = await this.findManaged(actor, runId);
    assertPublishable(run);
    const { skipped } = await this.unpublishable(this.tx.manager, run);
    const counts = await publicationCounts(
      this.tx.manager,
      run.id,
      run.roundId,
      skipped.map((x) => x.matchId),
    );
    return { ...counts, skipped: skipped.length };
  }

  /**
   * Shows a run's new pairs to the people in them and tells every other enrolled person that they
   * stay in the queue for the next run. Pairs an earlier publication made are left as they are.
   */
  async publish(actor: Principal, runId: string): Promise<RunPublishedDto> {
    return this.tx.run(async (m) => {
      const run = await m.findOne(MatchingRun, {
        where: { id: runId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!run) throw notFound('Matching run');
      await this.rounds.findManaged(actor, run.roundId, m);
      assertPublishable(run);
      // The round's row orders publications against runs reading their input (MatchingJob.load
      // holds it FOR SHARE and stamps startedAt under it): a run that read its input before
      // another publication does not keep that publication's pairs, so publishing it would give
      // people pen pals beyond their capacity.
      await lockRound(m, run.roundId, 'UPDATE');
      const stale = await publishedSinceRead(m, run.id);
      if (stale) {
        throw conflict(
          'Another run of this round was published after this run read its input; start a new run',
          'STALE_RUN',
        );
      }

      const { round, skipped } = await this.unpublishable(m, run);
      // A pair with someone who withdrew since the run stays unpublished; the other person stays in the queue.
      await publishPairs(
        m,
        runId,
        skipped.map((x) => x.matchId),
      );
      const people = await enrolledForPublication(m, runId, run.roundId);
      const newPairs = await publishedPairsNamed(m, runId);
      const penpalsOf = new Map<string, { name: string; country: Country }[]>();
      for (const x of newPairs) {
        penpalsOf.set(x.a, [
          ...(penpalsOf.get(x.a) ?? []),
          { name: x.nb, country: x.cb as Country },
        ]);
        penpalsOf.set(x.b, [
          ...(penpalsOf.get(x.b) ?? []),
          { name: x.na, country: x.ca as Country },
        ]);
      }
      // A new pen pal is news; no pen pal at all means "you stay in the queue"; an earlier pen pal and nothing new, silence.
      const notes: NotificationRequest[] = people
        .filter((p) => p.matched || !p.earlier)
        .map((p) => ({
          type: p.matched ? 'penpal.matched' : 'penpal.unmatched',
          recipient: { userId: p.user_id, email: p.email, locale: p.locale },
          payload: {
            displayName: p.display_name,
            roundName: round.name,
            penpals: (penpalsOf.get(p.user_id) ?? []).map((x) => ({
              name: x.name,
              country: x.country, // a code: named in the reader's language
            })),
          },
        }));
      await this.outbox.enqueue(m, notes);
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'matching_run.published',
        targetType: 'penpal_round',
        targetId: run.roundId,
        details: { runId, notified: notes.length, skipped },
      });
      const matched = notes.filter((n) => n.type === 'penpal.matched').length;
      return {
        id: runId,
        status: run.status,
        publishedAt: this.clock.now(),
        notified: { matched, unmatched: notes.length - matched },
        skipped,
      };
    });
  }
}
