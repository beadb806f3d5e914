import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Transactions } from '../database/transactions';
import { CLOCK, type Clock } from '../common/clock';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { badRequest, conflict, notFound, unprocessable } from '../common/errors/app-error';
import { CompetitionRow, findCompetition, publicEntries } from '../competitions/competition-rows';
import { moveEntries } from '../competitions/submission-lifecycle';
import { csvRow, UTF8_BOM } from '../competitions/rules/csv';
import { AppConfig } from '../config/app-config';
import { OutboxService } from '../notifications/outbox.service';
import { ProgrammeAccess } from '../programmes/programme-access';
import { LIVE_STATUSES, roundEntries, type RoundEntry } from './assigner';
import { scoreRows, type ScoreRow } from './assignments.store';
import { poolNames } from './judge-pool.store';
import { entryAudience, entryIdsIn, entryMembers } from './round-entries.store';
import { setShortlist } from './rounds.store';
import {
  ProgressDto,
  RecordResultsDto,
  ResultsDto,
  ResultsPublishPreviewDto,
  ShortlistDto,
  ShortlistResponseDto,
} from './dto/judging.dto';
import { CompetitionResult } from './competition-result.entity';
import { JudgingRound } from './judging-round.entity';
import { JudgingAccess } from './judging-access';
import { judgeEntryTotals, rankSubmissions, type FinalScore } from './ranking';

@Injectable()
export class ResultsService {
  constructor(
    private readonly tx: Transactions,
    private readonly access: JudgingAccess,
    private readonly programmes: ProgrammeAccess,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Per judge (assigned, drafted, final) and per entry, over active assignments of live entries. */
  async progress(actor: Principal, roundId: string): Promise<ProgressDto> {
    return this.tx.run('REPEATABLE READ', async (m) => {
      const { round } = await this.access.managedRound(m, actor, roundId);
      const entries = await roundEntries(m, round);
      const rows = await this.scoreRows(m, round, entries);
      const pool = await poolNames(m, round.competitionId);
      const count = (list: ScoreRow[]) => ({
        assigned: list.length,
        drafted: list.filter((r) => r.scoreState === 'draft').length,
        final: list.filter((r) => r.scoreState === 'final').length,
      });
      const judgeIds = [...new Set([...pool.map((p) => p.judgeId), ...rows.map((r) => r.judgeId)])];
      const names = new Map([...rows, ...pool].map((r) => [r.judgeId, r.judgeName]));
      return {
        judges: judgeIds.sort().map((judgeId) => ({
          judgeId,
          displayName: names.get(judgeId) ?? '',
          ...count(rows.filter((r) => r.judgeId === judgeId)),
        })),
        entries: entries.map((e) => ({
          submissionId: e.id,
          title: e.title,
          ...count(rows.filter((r) => r.submissionId === e.id)),
          needed: round.judgesPerEntry,
        })),
      };
    });
  }

  async ranking(actor: Principal, roundId: string) {
    return this.tx.run('REPEATABLE READ', async (m) => {
      const { round, competition } = await this.access.managedRound(m, actor, roundId);
      return this.rank(m, round, competition);
    });
  }

  /**
   * The ranking with every judge's criterion values and comment, one line per judge and entry.
   * Judges are named, or numbered in a blind round.
   */
  async rankingCsv(actor: Principal, roundId: string) {
    return this.tx.run('REPEATABLE READ', async (m) => {
      const { round, competition } = await this.access.managedRound(m, actor, roundId);
      const entries = await roundEntries(m, round);
      const rows = await this.scoreRows(m, round, entries);
      const ranking = this.rankFrom(competition, entries, rows);
      const totals = new Map(
        judgeEntryTotals(competition.rubric, finals(rows)).map((t) => [
          `${t.judgeId}:${t.submissionId}`,
          t,
        ]),
      );
      const numbers = new Map(
        [...new Set(rows.map((r) => r.judgeId))].sort().map((id, i) => [id, i + 1]),
      );
      const keys = competition.rubric.map((c) => c.key);
      let text =
        UTF8_BOM +
        csvRow([
          'rank',
          'submission_id',
          'title',
          'score',
          'raw_mean',
          'judge_count',
          'tie_break',
          'judge',
          'score_state',
          ...keys,
          'judge_total',
          'normalised',
          'comment',
        ]);
      for (const r of ranking) {
        const lines = rows.filter((s) => s.submissionId === r.submissionId);
        const head = [
          r.rank,
          r.submissionId,
          r.title,
          r.score,
          r.rawMean,
          r.judgeCount,
          r.tieBreak,
        ];
        if (lines.length === 0) text += csvRow(head);
        for (const s of lines) {
          const t = totals.get(`${s.judgeId}:${s.submissionId}`);
          text += csvRow([
            ...head,
            round.blind ? `Judge ${numbers.get(s.judgeId)}` : s.judgeName,
            s.scoreState,
            ...keys.map((k) => s.scores[k]),
            t?.total,
            t?.normalised,
            s.comment,
          ]);
        }
      }
      return { filename: `ranking-${round.id}.csv`, body: Buffer.from(text, 'utf8') };
    });
  }

  /** Top n of the ranking, or chosen entries: they become shortlisted and feed a later round. */
  async shortlist(
    actor: Principal,
    roundId: string,
    dto: ShortlistDto,
  ): Promise<ShortlistResponseDto> {
    if ((dto.top === undefined) === (dto.submissionIds === undefined)) {
      throw badRequest('VALIDATION_FAILED', 'Send either top or submissionIds', [
        { path: 'top', message: 'send exactly one of top and submissionIds' },
      ]);
    }
    return this.tx.run(async (m) => {
      const { round, competition } = await this.access.managedRound(m, actor, roundId, {
        lock: true,
      });
      const entries = await roundEntries(m, round);
      let ids: string[];
      if (dto.top !== undefined) {
        const ranked = this.rankFrom(competition, entries, await this.scoreRows(m, round, entries));
        ids = ranked
          .filter((r) => r.score !== null && r.rank <= dto.top!)
          .map((r) => r.submissionId);
      } else {
        const inRound = new Set(entries.map((e) => e.id));
        const stray = dto.submissionIds!.filter((id) => !inRound.has(id));
        if (stray.length > 0) {
          throw unprocessable(
            'NOT_IN_ROUND',
            'Some entries are not judged in this round',
            stray.map((id) => ({ path: 'submissionIds', message: `${id} is not in this round` })),
          );
        }
        ids = [...dto.submissionIds!];
      }
      const dropped = round.shortlist.filter((id) => !ids.includes(id));
      await moveEntries(m, dropped, ['shortlisted'], 'submitted', 'unshortlisted', actor.id);
      await moveEntries(m, ids, ['submitted'], 'shortlisted', 'shortlisted', actor.id);
      await setShortlist(m, round.id, ids);
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'judging_round.shortlisted',
        targetType: 'judging_round',
        targetId: round.id,
        details: { submissionIds: ids },
      });
      return { roundId: round.id, shortlist: ids };
    });
  }

  async record(
    actor: Principal,
    competitionId: string,
    dto: RecordResultsDto,
  ): Promise<ResultsDto> {
    const seen = new Set<string>();
    for (const a of dto.awards) {
      if (seen.has(a.submissionId)) {
        throw badRequest('VALIDATION_FAILED', 'One award per entry', [
          { path: 'awards', message: `${a.submissionId} is listed twice` },
        ]);
      }
      seen.add(a.submissionId);
    }
    return this.tx.run(async (m) => {
      await this.access.managedCompetition(m, actor, competitionId, { lock: true });
      const existing = await m.findOneBy(CompetitionResult, { competitionId });
      if (existing?.publishedAt) {
        throw conflict('The results are published and can no longer change', 'RESULTS_PUBLISHED');
      }
      const ok = new Set(await entryIdsIn(m, competitionId, LIVE_STATUSES, [...seen]));
      const stray = [...seen].filter((id) => !ok.has(id));
      if (stray.length > 0) {
        throw unprocessable(
          'NOT_IN_COMPETITION',
          'Awards go to submitted entries of this competition',
          stray.map((id) => ({ path: 'awards', message: `${id} is not a submitted entry here` })),
        );
      }
      const awards = dto.awards.map((a) => ({ submissionId: a.submissionId, award: a.award }));
      await m.save(
        m.create(CompetitionResult, {
          competitionId,
          awards,
          publishedAt: null,
          recordedById: actor.id,
        }),
      );
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'competition.results_recorded',
        targetType: 'competition',
        targetId: competitionId,
        details: { awards },
      });
      return this.resultsView(m, competitionId);
    });
  }

  /** Who publishing the results now would tell, counted as publish tells them. */
  async publishPreview(actor: Principal, competitionId: string): Promise<ResultsPublishPreviewDto> {
    const m = this.tx.manager;
    await this.access.managedCompetition(m, actor, competitionId);
    const result = await m.findOneBy(CompetitionResult, { competitionId });
    if (!result) throw conflict('Record the results before publishing them', 'NO_RESULTS');
    if (result.publishedAt)
      throw conflict('The results are already published', 'RESULTS_PUBLISHED');
    return entryAudience(m, competitionId, LIVE_STATUSES);
  }

  /** Publishes once: winners become awarded, and every member of every judged entry is told. */
  async publish(actor: Principal, competitionId: string): Promise<ResultsDto> {
    return this.tx.run(async (m) => {
      const competition = await this.access.managedCompetition(m, actor, competitionId, {
        lock: true,
      });
      const result = await m.findOneBy(CompetitionResult, { competitionId });
      if (!result) throw conflict('Record the results before publishing them', 'NO_RESULTS');
      if (result.publishedAt)
        throw conflict('The results are already published', 'RESULTS_PUBLISHED');
      result.publishedAt = this.clock.now();
      await m.save(result);
      const awarded = new Map(result.awards.map((a) => [a.submissionId, a.award]));
      await moveEntries(
        m,
        [...awarded.keys()],
        ['submitted', 'shortlisted'],
        'awarded',
        'awarded',
        actor.id,
      );
      const members = await entryMembers(m, competitionId, LIVE_STATUSES);
      await this.outbox.enqueue(
        m,
        members.map((p) => ({
          type: 'judging.results_published',
          recipient: { userId: p.userId, email: p.email, locale: p.locale },
          payload: {
            displayName: p.displayName,
            competitionTitle: competition.title,
            submissionTitle: p.title,
            // The award's code: each member reads its name in their own language.
            award: awarded.get(p.submissionId) ?? null,
            link: `${this.config.PUBLIC_URL}/api/v1/competitions/${competitionId}/results`,
          },
        })),
      );
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'competition.results_published',
        targetType: 'competition',
        targetId: competitionId,
        details: { awards: result.awards.length, notified: members.length },
      });
      return this.resultsView(m, competitionId);
    });
  }

  /** Public once published; before that only the programme's staff see what is recorded. */
  async get(who: Principal | undefined, competitionId: string): Promise<ResultsDto> {
    const m = this.tx.manager;
    const competition = await findCompetition(m, competitionId);
    if (!competition) throw notFound('Competition');
    const result = await m.findOneBy(CompetitionResult, { competitionId });
    const staff = who ? await this.programmes.canManage(who, competition.programmeId, m) : false;
    if (!result || (!result.publishedAt && !staff)) throw notFound('Results');
    return this.resultsView(m, competitionId);
  }

  private async resultsView(m: EntityManager, competitionId: string): Promise<ResultsDto> {
    const result = await m.findOneByOrFail(CompetitionResult, { competitionId });
    // Results are public: a team appears under the name it chose for publication, else neutrally.
    const byId = await publicEntries(
      m,
      result.awards.map((a) => a.submissionId),
    );
    return {
      competitionId,
      publishedAt: result.publishedAt?.toISOString() ?? null,
      awards: result.awards.map((a) => ({
        submissionId: a.submissionId,
        title: byId.get(a.submissionId)?.title ?? '',
        teamName: byId.get(a.submissionId)?.teamName ?? '',
        award: a.award,
      })),
    };
  }

  private async rank(m: EntityManager, round: JudgingRound, competition: CompetitionRow) {
    const entries = await roundEntries(m, round);
    return this.rankFrom(competition, entries, await this.scoreRows(m, round, entries));
  }

  private rankFrom(competition: CompetitionRow, entries: RoundEntry[], rows: ScoreRow[]) {
    return rankSubmissions(
      competition.rubric,
      finals(rows),
      entries.map((e) => ({ id: e.id, title: e.title, submittedAt: e.submittedAt })),
    );
  }

  /** Active assignments of the round's entries, with the judge's name and score. */
  private async scoreRows(
    m: EntityManager,
    round: JudgingRound,
    entries: RoundEntry[],
  ): Promise<ScoreRow[]> {
    return scoreRows(
      m,
      round.id,
      entries.map((e) => e.id),
    );
  }
}

const finals = (rows: ScoreRow[]): FinalScore[] =>
  rows
    .filter((r) => r.scoreState === 'final')
    .map((r) => ({ judgeId: r.judgeId, submissionId: r.submissionId, values: r.scores }));
