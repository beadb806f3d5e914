import type { MatchCancelledDto, MatchRespondedDto, MyPenpalDto } from './dto/responses.dto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';
import { EntityManager, In } from 'typeorm';
import type { Principal } from '../common/auth/principal';
import { conflict, forbidden, notFound, unprocessable } from '../common/errors/app-error';
import { mayParticipate } from '../identity/consent';
import { GuardianConsentService } from '../identity/guardian-consent.service';
import { ParticipationChange, ParticipationHooks } from '../identity/participation-hooks';
import { getUser } from '../identity/user-rows';
import { OutboxService } from '../notifications/outbox.service';
import { AuditService } from '../audit/audit.service';
import { ProgrammeAccess } from '../programmes/programme-access';
import { type PairFacts, renderReasons, withoutAgeGap } from './matching';
import { MatchResponse, PenpalMatch } from './penpal-match.entity';
import { PenpalEnrolment } from './penpal-enrolment.entity';
import { PenpalRound } from './penpal-round.entity';
import { pairProblem } from './pair-eligibility';
import { Transactions } from '../database/transactions';
import { MY_PENPALS_TABLES, myPenpalTexts, type PenpalText } from './penpal.store';
import { keptJson, type SentJson, sentJson } from '../common/http/precompressed';
import { admitCaller } from '../identity/session-sql';
import type { SessionCheck } from '../common/auth/session-check';
import { type TableCache, TableChanges } from '../database/table-changes';

/** A match and its round as letters reads them: penpal owns both tables (issue 15). */
export type MatchRow = PenpalMatch;
export type RoundRow = Readonly<PenpalRound>;

/**
 * MyPenpalDto[] as JSON text, from the statement's texts: the ids as they are (a uuid needs no
 * escaping), the score a number, other text through JSON.stringify, the JSON columns as they came;
 * the reasons in the reader's language (rows saved before reasons were kept as data stay in
 * English). The same text JSON.stringify made of the mapped rows, keys in the same order.
 */
export function penpalsJson(rows: readonly (PenpalText | { match_id: null })[], locale: string) {
  let json = '';
  for (const r of rows) {
    if (r.match_id === null) continue;
    const stored = JSON.parse(r.reasons) as PairFacts | string[];
    const reasons = Array.isArray(stored) ? withoutAgeGap(stored) : renderReasons(stored, locale);
    json +=
      `${json ? ',' : ''}{"matchId":"${r.match_id}","roundId":"${r.round_id}",` +
      `"roundName":${JSON.stringify(r.round_name)},"status":${JSON.stringify(r.status)},` +
      `"myResponse":${JSON.stringify(r.my_response)},` +
      `"penpalResponse":${JSON.stringify(r.their_response)},"score":${r.score},` +
      `"reasons":${JSON.stringify(reasons)},"penpal":{"displayName":${JSON.stringify(r.display_name)},` +
      `"country":${JSON.stringify(r.country)},"languages":${r.languages ?? 'null'},` +
      `"interests":${r.interests ?? 'null'}}}`;
  }
  return `[${json}]`;
}

/** Letters are read on a match once it is published to both (not proposed, not carried). */
export const readable = (status: PenpalMatch['status']): boolean =>
  status !== 'proposed' && status !== 'carried';

/**
 * A cached list is one person's in one language: the reasons are rendered in the reader's language,
 * the rest of the answer is what the statement read for that person.
 */
const penpalsKey = (caller: Principal): string => `${caller.id} ${caller.locale}`;

/** People's lists kept at once: ~1-2 kB each, at most ~4 MB (the API's RSS has little margin). */
const MY_PENPALS_KEPT = 2_000;

@Injectable()
export class PenpalMatchesService implements OnModuleInit {
  /**
   * Each person's answer as sent, until a change to a table the statement reads (issue 14), its
   * session check's included; for sessions and matches, a change naming this person (a logout, an
   * answer on one of their matches), for the others any change. Nothing in it depends on the time (neither the SQL nor penpalsJson compares with
   * now), so an answer holds until such a change: no `until`.
   */
  private readonly answers: TableCache<SentJson<MyPenpalDto[]>>;

  constructor(
    private readonly tx: Transactions,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly access: ProgrammeAccess,
    private readonly audit: AuditService,
    private readonly consents: GuardianConsentService,
    private readonly hooks: ParticipationHooks,
    changes: TableChanges,
  ) {
    // Matches only the caller's; users and profiles: the pen pals' too, so a change to an
    // account or a profile drops every answer.
    this.answers = changes.cache('my-penpals', MY_PENPALS_TABLES, MY_PENPALS_KEPT, {
      tables: ['auth_sessions', 'penpal_matches'],
      callerOf: (key) => key.slice(0, key.indexOf(' ')),
    });
  }

  onModuleInit(): void {
    this.hooks.register((m, change) => this.afterParticipationChange(m, change));
  }

  /**
   * My published pen pals: what a participant may know of the other — never email, birth date or
   * institution. One statement checks the session and reads them; the answer is written here from
   * its texts (penpalsJson) and sent as it is. A caller the session cache knows gets the answer
   * kept for them, if no change to what it shows was heard since: the same bytes the statement
   * would give. The buffer is shared by the requests it answers, and nothing writes into a body.
   */
  async mine(check: SessionCheck): Promise<SentJson<MyPenpalDto[]>> {
    const now = this.clock.now().getTime();
    const known = check.known();
    if (known) {
      const kept = this.answers.get(penpalsKey(known), now);
      if (kept !== undefined) return kept;
    }
    // Taken before the statement: a change committed while it runs keeps its answer out.
    const ticket = this.answers.ticket();
    const rows = await myPenpalTexts(this.tx.manager, check.claims);
    const { caller } = admitCaller(check, rows[0]);
    const answer = keptJson(sentJson<MyPenpalDto[]>(penpalsJson(rows, caller.locale)));
    this.answers.put(penpalsKey(caller), ticket, answer, now);
    return answer;
  }

  /**
   * A match shown to its two people, with its round, for letters. `lock` takes the match row's
   * lock so that one pen pal's writes (and their daily count) queue behind each other.
   */
  async forLetters(
    m: EntityManager,
    matchId: string,
    lock = false,
  ): Promise<{ match: PenpalMatch; round: PenpalRound }> {
    const match = await this.matchForLetters(m, matchId, lock);
    const round = await m.findOneByOrFail(PenpalRound, { id: match.roundId });
    return { match, round };
  }

  /** The match alone, as forLetters finds it (reading letters needs no round). */
  async matchForLetters(m: EntityManager, matchId: string, lock = false): Promise<PenpalMatch> {
    const match = await m.findOne(PenpalMatch, {
      where: { id: matchId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!match || !readable(match.status)) throw notFound('Pen-pal match');
    return match;
  }

  /**
   * Ends a match for good (one of the two, or a coordinator deciding a moderation case): no
   * more letters either way, and the pair is never proposed again. The caller holds the lock.
   */
  async end(m: EntityManager, match: PenpalMatch, by: string): Promise<void> {
    match.status = 'ended';
    match.endedAt = this.clock.now();
    match.endedBy = by;
    await m.update(
      PenpalMatch,
      { id: match.id },
      { status: 'ended', endedAt: match.endedAt, endedBy: by },
    );
  }

  /** Accept or decline once. Both yes: both are told to start writing; a no frees both for the next run. */
  async respond(who: Principal, matchId: string, accept: boolean): Promise<MatchRespondedDto> {
    return this.tx.run(async (m) => {
      const match = await m.findOne(PenpalMatch, {
        where: { id: matchId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!match || match.status === 'proposed' || match.status === 'carried')
        throw notFound('Pen-pal match');
      const side = match.userA === who.id ? 'A' : match.userB === who.id ? 'B' : null;
      if (!side) throw forbidden('This is not your match');
      if (match.status === 'cancelled')
        throw conflict('The coordinators ended this match', 'MATCH_CANCELLED');
      const mine: MatchResponse = side === 'A' ? match.responseA : match.responseB;
      if (mine !== 'pending')
        throw conflict(`You already ${mine} this pen pal`, 'ALREADY_RESPONDED');
      if (match.status === 'declined')
        throw conflict('Your pen pal declined this match', 'MATCH_DECLINED');
      // One of the two ended it before the other answered: an answer must not reopen it.
      if (match.status === 'ended') throw conflict('This match has ended', 'MATCH_ENDED');
      // Consent or a birth date may have changed since the run: the pair must still be allowed.
      const round = await m.findOneByOrFail(PenpalRound, { id: match.roundId });
      const states = await this.consents.states(m, [match.userA, match.userB]);
      const me = states.get(who.id);
      if (!me || !mayParticipate(me.consent)) {
        throw unprocessable(
          'GUARDIAN_CONSENT_REQUIRED',
          'Participants under 18 need a guardian who confirms their consent before answering a pen pal',
        );
      }
      if (pairProblem(states.get(match.userA), states.get(match.userB), round)) {
        throw conflict(
          'This pen pal can no longer be matched with you; the coordinators will end this match',
          'MATCH_NOT_ELIGIBLE',
        );
      }

      const response: MatchResponse = accept ? 'accepted' : 'declined';
      if (side === 'A') match.responseA = response;
      else match.responseB = response;
      if (!accept) match.status = 'declined';
      else if (match.responseA === 'accepted' && match.responseB === 'accepted')
        match.status = 'accepted';
      await m.update(
        PenpalMatch,
        { id: match.id },
        { responseA: match.responseA, responseB: match.responseB, status: match.status },
      );

      // One after the other: m is a transaction's single connection.
      const a = await getUser(m, match.userA);
      const b = await getUser(m, match.userB);
      const other = side === 'A' ? b : a;
      if (match.status === 'accepted') {
        await this.outbox.enqueue(
          m,
          [
            [a, b],
            [b, a],
          ].map(([to, penpal]) => ({
            type: 'penpal.connected',
            recipient: { userId: to.id, email: to.email, locale: to.locale },
            payload: {
              displayName: to.displayName,
              penpalName: penpal.displayName,
              roundName: round.name,
            },
          })),
        );
      } else if (match.status === 'declined') {
        await this.outbox.enqueue(m, {
          type: 'penpal.declined',
          recipient: { userId: other.id, email: other.email, locale: other.locale },
          payload: { displayName: other.displayName, roundName: round.name },
        });
      }
      return { matchId: match.id, status: match.status, myResponse: response };
    });
  }

  /**
   * A coordinator ends a published match, e.g. when a guardian reports a concern. Both people
   * are told it was ended (not why: the reason stays in the audit log); it leaves their pen
   * pals, frees them for the next run, and the pair is never proposed again.
   */
  async cancel(
    actor: Principal,
    matchId: string,
    reason: string | null,
  ): Promise<MatchCancelledDto> {
    return this.tx.run(async (m) => {
      const match = await m.findOne(PenpalMatch, {
        where: { id: matchId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!match) throw notFound('Pen-pal match');
      const round = await m.findOneByOrFail(PenpalRound, { id: match.roundId });
      await this.access.assertCanManage(actor, round.programmeId, m);
      if (match.status === 'proposed' || match.status === 'carried') {
        throw conflict(
          'Only a published match can be ended; forbid a proposed pair instead',
          'MATCH_NOT_PUBLISHED',
        );
      }
      if (match.status === 'cancelled')
        throw conflict('This match was ended already', 'MATCH_CANCELLED');
      if (match.status === 'declined')
        throw conflict('This match was declined already', 'MATCH_DECLINED');
      if (match.status === 'ended') throw conflict('This match has ended already', 'MATCH_ENDED');

      await this.cancelMatch(m, match, round, actor.id, reason);
      return { matchId: match.id, status: 'cancelled' as const };
    });
  }

  /** Ends a published match: both people are told, the reason stays in the audit log. */
  private async cancelMatch(
    m: EntityManager,
    match: PenpalMatch,
    round: PenpalRound,
    actorId: string | null,
    reason: string | null,
  ): Promise<void> {
    await m.update(PenpalMatch, { id: match.id }, { status: 'cancelled' });
    const a = await getUser(m, match.userA);
    const b = await getUser(m, match.userB);
    await this.outbox.enqueue(
      m,
      [a, b].map((to) => ({
        type: 'penpal.cancelled',
        recipient: { userId: to.id, email: to.email, locale: to.locale },
        payload: { displayName: to.displayName, roundName: round.name },
      })),
    );
    await this.audit.record(m, {
      actorId,
      action: 'penpal_match.cancelled',
      targetType: 'penpal_match',
      targetId: match.id,
      details: { roundId: round.id, userA: match.userA, userB: match.userB, reason },
    });
  }

  /**
   * After a guardian withdrew consent, a new guardian replaced a confirmed one, or staff
   * corrected a birth date: the person's published matches that are no longer allowed end (both
   * told), and someone who may no longer take part leaves their pen-pal rounds.
   */
  private async afterParticipationChange(
    m: EntityManager,
    change: ParticipationChange,
  ): Promise<void> {
    const matches = await m.find(PenpalMatch, {
      where: [
        { userA: change.userId, status: In(['published', 'accepted']) },
        { userB: change.userId, status: In(['published', 'accepted']) },
      ],
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    const states = await this.consents.states(m, [
      change.userId,
      ...matches.flatMap((x) => [x.userA, x.userB]),
    ]);
    for (const match of matches) {
      const round = await m.findOneByOrFail(PenpalRound, { id: match.roundId });
      const problem = pairProblem(states.get(match.userA), states.get(match.userB), round);
      if (problem)
        await this.cancelMatch(m, match, round, change.actorId, `${change.cause}: ${problem}`);
    }
    const mine = states.get(change.userId);
    if (change.cause === 'consent_withdrawn' && mine && !mayParticipate(mine.consent)) {
      await m.delete(PenpalEnrolment, { userId: change.userId });
    }
  }
}
