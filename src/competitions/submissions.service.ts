import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { CLOCK, type Clock } from '../common/clock';
import {
  AppError,
  badRequest,
  conflict,
  FieldError,
  forbidden,
  notFound,
} from '../common/errors/app-error';
import { PageQuery, pageOf, skipTake } from '../common/http/pagination';
import { keptJson, type SentJson, sentJson } from '../common/http/precompressed';
import type { JsonObject } from '../common/json';
import { AppConfig } from '../config/app-config';
import { GuardianConsentService } from '../identity/guardian-consent.service';
import { isUniqueViolation } from '../database/errors';
import { type TableCache, TableChanges } from '../database/table-changes';
import { Transactions } from '../database/transactions';
import { type NotificationRequest, OutboxService } from '../notifications/outbox.service';
import { getProgramme } from '../programmes/programme-rows';
import { Competition } from './competition.entity';
import type {
  CreateSubmissionDto,
  MySubmissionPageDto,
  SubmissionFieldsDto,
  SubmissionResponseDto,
  SubmissionVersionPageDto,
  UpdateSubmissionDto,
} from './dto/submission.dto';
import { IdempotencyService, IdempotentResult } from './idempotency.service';
import { RosterMember, rosterOf } from './roster.store';
import { completenessProblems } from './rules/completeness';
import { effectiveClose } from './rules/deadline';
import { Change, diffFields } from './rules/diff';
import { consentProblems, eligibilityProblems } from './rules/eligibility';
import { zonedHuman, zonedIso } from '../common/time-zones';
import {
  fieldsOfKind,
  MOVIE_FIELDS,
  Problem,
  PROJECT_FIELDS,
  SubmissionFields,
  SubmissionStatus,
} from './rules/types';
import { SubmissionAccess } from './submission-access';
import { bumpVersion, recordVersions } from './submission-lifecycle';
import { toAssetDto } from './asset-view';
import { Submission, SubmissionAsset } from './submission.entity';
import {
  entriesOfMember,
  MEMBER_ENTRY_TABLES,
  memberEntryJson,
  type MemberEntryJson,
  SubmissionViewRow,
  versionPage,
} from './submissions.store';
import { admitCaller } from '../identity/session-sql';
import type { SessionCheck } from '../common/auth/session-check';
import { Team, TeamMember } from './team.entity';
import { deadlinePassed, TeamsService } from './teams.service';

const ALL_FIELDS: readonly string[] = [...MOVIE_FIELDS, ...PROJECT_FIELDS];
const EDITABLE: readonly SubmissionStatus[] = ['draft', 'submitted'];

/** The content fields a request sets (null clears one), without title, version or team. */
function fieldsOf(dto: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(dto).filter(([k, v]) => ALL_FIELDS.includes(k) && v !== undefined),
  );
}

/** Fields of the other kind are refused rather than stored where no one will look. */
function kindErrors(kind: Competition['kind'], fields: Record<string, unknown>): FieldError[] {
  const own = fieldsOfKind(kind);
  return Object.keys(fields)
    .filter((k) => !own.includes(k))
    .map((path) => ({ path, message: `${path} is not a field of a ${kind} entry` }));
}

function assertKindFields(kind: Competition['kind'], fields: Record<string, unknown>): void {
  const errors = kindErrors(kind, fields);
  if (errors.length > 0) {
    throw badRequest('VALIDATION_FAILED', errors.map((e) => e.message).join('; '), errors);
  }
}

/** Nulls are how a client clears a field; stored content keeps only what is set. */
const withoutNulls = (o: Record<string, unknown>): SubmissionFields =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)) as SubmissionFields;

/** The 422 for a submit that fails, with one entry per problem and the most telling code. */
function notSubmittable(problems: Problem[]): AppError {
  const code = problems.some((p) => p.code === 'NOT_ELIGIBLE')
    ? 'NOT_ELIGIBLE'
    : problems.some((p) => p.code === 'GUARDIAN_CONSENT_REQUIRED')
      ? 'GUARDIAN_CONSENT_REQUIRED'
      : 'SUBMISSION_INCOMPLETE';
  return new AppError(
    422,
    code,
    `This entry cannot be submitted yet: ${problems.map((p) => p.message).join('; ')}`,
    problems,
  );
}

/** `If-Match: "3"` or `W/"3"` or `3` → 3; anything else is a 400. */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = header.trim().match(/^(?:W\/)?"?(\d{1,9})"?$/);
  if (!match) {
    throw badRequest('VALIDATION_FAILED', 'If-Match must carry the version, e.g. "3"', [
      { path: 'If-Match', message: 'not a version' },
    ]);
  }
  return Number(match[1]);
}

/**
 * The answer to a member's read from memberEntryJson's parts, as render writes it: the entry's
 * columns, its members, the content fields (the kind's own, in its order, unset ones null), its
 * files and deadline, whose local time is made here.
 */
export function memberEntryText(e: MemberEntryJson): string {
  let text = `{"id":"${e.id}","competitionId":"${e.competitionId}","teamId":"${e.teamId}","teamName":${JSON.stringify(e.teamName)},"members":[${e.members}],"kind":${JSON.stringify(e.kind)},"title":${JSON.stringify(e.title)},"status":${JSON.stringify(e.status)},"version":${e.version}`;
  for (const k of fieldsOfKind(e.kind)) {
    text += `,"${k}":${JSON.stringify((e.fields as Record<string, unknown>)[k] ?? null)}`;
  }
  const local = zonedIso(new Date(e.closes), e.timezone);
  return `${text}${e.mid},"effectiveClosesAt":"${e.closes}","closesAtLocal":"${local}","timezone":${JSON.stringify(e.timezone)}}${e.end}`;
}

/** An entry's answer to GET /submissions/{id}: its version (the ETag) and the bytes sent. */
export interface MemberAnswer {
  version: number;
  body: SentJson<SubmissionResponseDto>;
}

/**
 * Members' answers kept at once, for the entries teams read again and again while they work on
 * them: ~1-2 kB each, at most ~4 MB (the API's RSS has little margin under a 500 MB upload).
 */
const MEMBER_ANSWERS = 2_000;

/** The answer depends on who asks and which entry (any case of its id); PUBLIC_URL is fixed. */
const memberAnswerKey = (callerId: string, id: string) => `${callerId} ${id.toLowerCase()}`;

@Injectable()
export class SubmissionsService {
  constructor(
    private readonly tx: Transactions,
    private readonly access: SubmissionAccess,
    private readonly teams: TeamsService,
    private readonly consents: GuardianConsentService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
    private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    changes: TableChanges,
  ) {
    this.publicUrlJson = JSON.stringify(config.PUBLIC_URL).slice(1, -1);
    // users: the members' names are read too, so a change to an account drops every answer.
    this.memberAnswers = changes.cache('member-entry', MEMBER_ENTRY_TABLES, MEMBER_ANSWERS, {
      tables: ['auth_sessions'],
      callerOf: (key) => key.slice(0, key.indexOf(' ')),
    });
  }

  /** Members' answers of GET /submissions/{id}, by memberAnswerKey. */
  private readonly memberAnswers: TableCache<MemberAnswer>;

  /** PUBLIC_URL as the content of a JSON string (escaped, without its quotes): files' links. */
  private readonly publicUrlJson: string;

  async create(
    actor: Principal,
    competitionId: string,
    dto: CreateSubmissionDto,
  ): Promise<SubmissionResponseDto> {
    return this.tx
      .run(async (m) => {
        const competition = await m.findOneBy(Competition, { id: competitionId });
        if (!competition) throw notFound('Competition');
        const fields = fieldsOf(dto);
        assertKindFields(competition.kind, fields);
        if (this.clock.now() >= competition.submissionClosesAt) throw deadlinePassed();
        const team = await this.teamFor(m, actor, competition, dto.teamId);
        const open = await m
          .createQueryBuilder(Submission, 's')
          .where('s.team_id = :teamId AND s.status <> :withdrawn', {
            teamId: team.id,
            withdrawn: 'withdrawn',
          })
          .getOne();
        if (open) {
          throw conflict(
            `Your team already has an entry (${open.id}); edit it, or withdraw it to start again`,
            'SUBMISSION_EXISTS',
          );
        }
        const stored = withoutNulls(fields);
        const submission = await m.save(
          Submission,
          m.create(Submission, {
            competitionId,
            teamId: team.id,
            kind: competition.kind,
            title: dto.title,
            fields: stored,
            createdById: actor.id,
          }),
        );
        await recordVersions(m, [
          {
            submissionId: submission.id,
            version: 1,
            action: 'created',
            authorId: actor.id,
            changes: diffFields({}, { title: dto.title, ...stored }) as JsonObject,
          },
        ]);
        return this.view(m, submission, competition);
      })
      .catch((err: unknown) => {
        // Two first drafts at once by someone without a team: the second team cannot form.
        if (isUniqueViolation(err)) {
          throw conflict('Your team is being set up by another request; try again', 'CONFLICT');
        }
        throw err;
      });
  }

  /** The caller's team: the one named (they must belong to it), else theirs, else a new one. */
  private async teamFor(
    m: EntityManager,
    actor: Principal,
    competition: Competition,
    teamId?: string,
  ): Promise<Team> {
    const membership = await m.findOneBy(TeamMember, {
      competitionId: competition.id,
      userId: actor.id,
    });
    if (teamId && membership?.teamId !== teamId) {
      throw forbidden('You can only start an entry for your own team');
    }
    const id =
      membership?.teamId ??
      (await this.teams.insertTeam(m, competition.id, undefined, actor.id)).id;
    // Held until commit, so two teammates starting an entry at once make one, not two.
    return m.findOneOrFail(Team, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * A team member's read, the common case, is one prepared query (memberEntryJson) that answers
   * the entry as the JSON text it is sent as, but for its content fields and the deadline's local
   * time (memberEntryText). Anyone else (programme staff, a judge through an assignment) goes
   * through SubmissionAccess as every other route does, rendered as before. The version comes
   * beside the body, for the ETag.
   * A member's answer is kept per caller and entry (memberAnswers): nothing in it depends on the
   * time of the read (the deadline is given, not compared with now), so it lasts until a change
   * to a table the query reads, which drops it (for sessions, a change naming the caller; issue 14:
   * a member who leaves, a logout, a role change or a deleted account are read afresh at once). Only answers of the member path are
   * kept: misses and every other reader go to PostgreSQL each time.
   */
  async get(check: SessionCheck, id: string): Promise<MemberAnswer> {
    const now = this.clock.now().getTime();
    const known = check.known();
    if (known) {
      const hit = this.memberAnswers.get(memberAnswerKey(known.id, id), now);
      if (hit !== undefined) return hit;
    }
    const ticket = this.memberAnswers.ticket();
    const { caller, entry } = await memberEntryJson(
      this.tx.manager,
      id,
      check.claims,
      this.publicUrlJson,
    );
    const actor = admitCaller(check, caller).caller;
    if (entry) {
      const answer: MemberAnswer = {
        version: entry.version,
        body: keptJson(sentJson(memberEntryText(entry))),
      };
      this.memberAnswers.put(memberAnswerKey(actor.id, id), ticket, answer, now);
      return answer;
    }
    const { submission, competition } = await this.access.load(this.tx.manager, actor, id);
    const view = await this.view(this.tx.manager, submission, competition);
    return { version: view.version, body: sentJson(JSON.stringify(view)) };
  }

  async update(
    actor: Principal,
    id: string,
    dto: UpdateSubmissionDto,
    ifMatch?: string,
  ): Promise<SubmissionResponseDto> {
    const expected = dto.version ?? versionFromIfMatch(ifMatch);
    return this.tx.run(async (m) => {
      const { submission, competition } = await this.editable(m, actor, id);
      const fields = fieldsOf(dto);
      assertKindFields(competition.kind, fields);
      if (expected !== undefined && expected !== submission.version) {
        throw conflict(
          `This entry changed since version ${expected}: it is at version ${submission.version}. Reload it, then apply your edit again`,
        );
      }
      const changes: Record<string, Change> = diffFields(
        { title: submission.title, ...submission.fields },
        { ...(dto.title !== undefined ? { title: dto.title } : {}), ...fields },
      );
      if (Object.keys(changes).length === 0) return this.view(m, submission, competition);
      const nextFields = withoutNulls({ ...submission.fields, ...fields });
      const nextTitle = dto.title ?? submission.title;
      if (submission.status === 'submitted') {
        // A submitted entry stays complete: an edit may improve it, not hollow it out.
        const problems = completenessProblems(
          competition.kind,
          nextTitle,
          nextFields,
          competition.limits,
          await this.assetRoles(m, submission.id),
        );
        if (problems.length > 0) throw notSubmittable(problems);
      }
      await bumpVersion(m, submission, 'edited', actor.id, changes, {
        title: nextTitle,
        fields: nextFields,
      });
      return this.view(m, await m.findOneByOrFail(Submission, { id }), competition);
    });
  }

  async submit(
    actor: Principal,
    id: string,
    key?: string,
  ): Promise<IdempotentResult<SubmissionResponseDto>> {
    return this.idempotency.run(actor.id, key, `POST /submissions/${id}/submit`, async (m) => {
      const { submission, competition } = await this.editable(m, actor, id);
      if (this.clock.now() < competition.submissionOpensAt) {
        throw conflict('Submissions are not open yet', 'SUBMISSIONS_NOT_OPEN');
      }
      if (submission.status !== 'draft') {
        throw conflict('This entry is already submitted', 'ALREADY_SUBMITTED');
      }
      const now = this.clock.now();
      const roster = await rosterOf(m, submission.teamId);
      const members = await this.memberFacts(m, roster, now);
      const problems = [
        ...completenessProblems(
          competition.kind,
          submission.title,
          submission.fields,
          competition.limits,
          await this.assetRoles(m, submission.id),
        ),
        ...eligibilityProblems(competition.eligibility, members, now),
      ];
      if (problems.length > 0) throw notSubmittable(problems);
      const version = await bumpVersion(
        m,
        submission,
        'submitted',
        actor.id,
        { status: { from: 'draft', to: 'submitted' } },
        { status: 'submitted', submittedAt: now },
      );
      const fresh = await m.findOneByOrFail(Submission, { id });
      const programme = await getProgramme(m, competition.programmeId);
      const closesAt = effectiveClose(competition.submissionClosesAt, submission.extensionUntil);
      const team = await m.findOneByOrFail(Team, { id: submission.teamId });
      await this.outbox.enqueue(
        m,
        roster.map((r) => {
          const tz = r.timezone ?? programme.timezone;
          return {
            type: 'submission.received',
            recipient: { userId: r.userId, email: r.email, locale: r.locale },
            payload: {
              displayName: r.displayName,
              teamName: team.name,
              submissionId: id,
              submissionTitle: fresh.title,
              competitionTitle: competition.title,
              version,
              submittedAt: zonedHuman(now, tz),
              closesAt: zonedHuman(closesAt, tz),
            },
          };
        }),
      );
      return this.view(m, fresh, competition);
    });
  }

  async withdraw(actor: Principal, id: string): Promise<SubmissionResponseDto> {
    return this.tx.run(async (m) => {
      const { submission, competition, isMember } = await this.access.load(m, actor, id, {
        lock: true,
      });
      if (!isMember) throw forbidden('Only members of the team can withdraw its entry');
      if (!EDITABLE.includes(submission.status)) {
        throw conflict(`An entry that is ${submission.status} cannot be withdrawn`);
      }
      const now = this.clock.now();
      await bumpVersion(
        m,
        submission,
        'withdrawn',
        actor.id,
        { status: { from: submission.status, to: 'withdrawn' } },
        { status: 'withdrawn', withdrawnAt: now },
      );
      await this.tellTeam(m, submission.teamId, competition, 'submission.withdrawn', (r, zone) => ({
        displayName: r.displayName,
        actorName: actor.displayName,
        submissionTitle: submission.title,
        competitionTitle: competition.title,
        withdrawnAt: zonedHuman(now, zone),
      }));
      return this.view(m, await m.findOneByOrFail(Submission, { id }), competition);
    });
  }

  /** Tells every member of a team, in their time zone (the programme's when they set none). */
  private async tellTeam(
    m: EntityManager,
    teamId: string,
    competition: Competition,
    type: NotificationRequest['type'],
    payload: (member: RosterMember, zone: string) => NotificationRequest['payload'],
  ) {
    const programme = await getProgramme(m, competition.programmeId);
    const roster = await rosterOf(m, teamId);
    await this.outbox.enqueue(
      m,
      roster.map((r) => ({
        type,
        recipient: { userId: r.userId, email: r.email, locale: r.locale },
        payload: payload(r, r.timezone ?? programme.timezone),
      })),
    );
  }

  async versions(actor: Principal, id: string, q: PageQuery): Promise<SubmissionVersionPageDto> {
    await this.access.load(this.tx.manager, actor, id);
    const { skip, take } = skipTake(q);
    const [rows, total] = await versionPage(this.tx.manager, id, skip, take);
    return pageOf(
      rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
      total,
      q,
    );
  }

  async extend(
    actor: Principal,
    id: string,
    untilIso: string,
    reason?: string,
  ): Promise<SubmissionResponseDto> {
    const until = new Date(untilIso);
    return this.tx.run(async (m) => {
      const { submission, competition, isManager } = await this.access.load(m, actor, id, {
        lock: true,
      });
      if (!isManager) {
        throw forbidden('Only coordinators of the programme and admins can grant extensions');
      }
      const errors: FieldError[] = [];
      if (until <= this.clock.now()) {
        errors.push({ path: 'until', message: 'until must be in the future' });
      }
      if (until.getTime() <= competition.submissionClosesAt.getTime()) {
        errors.push({ path: 'until', message: 'until must be after the competition closes' });
      }
      if (errors.length > 0) {
        throw badRequest('VALIDATION_FAILED', errors.map((e) => e.message).join('; '), errors);
      }
      if (!EDITABLE.includes(submission.status)) {
        throw conflict(`An entry that is ${submission.status} cannot be extended`);
      }
      // Not a content change: the team's version stays, so no edit in flight becomes stale.
      await m.update(Submission, { id }, { extensionUntil: until });
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'submission.extension_granted',
        targetType: 'submission',
        targetId: id,
        details: {
          teamId: submission.teamId,
          competitionId: competition.id,
          until: until.toISOString(),
          previous: submission.extensionUntil?.toISOString() ?? null,
          reason: reason || null,
        },
      });
      // The team hears of its new deadline in each member's own time zone; the reason stays in
      // the audit log.
      await this.tellTeam(
        m,
        submission.teamId,
        competition,
        'submission.extension_granted',
        (r, zone) => ({
          displayName: r.displayName,
          submissionTitle: submission.title,
          competitionTitle: competition.title,
          until: zonedHuman(until, zone),
          link: `${this.config.PUBLIC_URL}/entries/${id}`,
        }),
      );
      return this.view(m, await m.findOneByOrFail(Submission, { id }), competition);
    });
  }

  async mine(actor: Principal, q: PageQuery): Promise<MySubmissionPageDto> {
    const { skip, take } = skipTake(q);
    const [rows, total] = await entriesOfMember(this.tx.manager, actor.id, skip, take);
    return pageOf(
      rows.map((r) => ({
        ...r,
        submittedAt: r.submittedAt?.toISOString() ?? null,
        updatedAt: r.updatedAt.toISOString(),
      })),
      total,
      q,
    );
  }

  /**
   * The entry locked for a change by one of its members, before its team's deadline: staff and
   * readers through other seams get 403, strangers 404, late edits 409 DEADLINE_PASSED.
   */
  async editable(m: EntityManager, actor: Principal, id: string) {
    const context = await this.access.load(m, actor, id, { lock: true });
    const { submission, competition, isMember } = context;
    if (!isMember) throw forbidden('Only members of the team can change its entry');
    if (!EDITABLE.includes(submission.status)) {
      throw conflict(`An entry that is ${submission.status} can no longer change`);
    }
    const closesAt = effectiveClose(competition.submissionClosesAt, submission.extensionUntil);
    const now = this.clock.now();
    if (now >= closesAt) {
      throw deadlinePassed(`The deadline passed at ${closesAt.toISOString()}`);
    }
    // Frozen while a member lacks guardian consent (e.g. their guardian withdrew it).
    const members = await this.memberFacts(m, await rosterOf(m, submission.teamId), now);
    const problems = consentProblems(members);
    if (problems.length > 0) {
      throw new AppError(
        422,
        'GUARDIAN_CONSENT_REQUIRED',
        `This entry cannot change until every member under 18 has a guardian's consent: ${problems.map((p) => p.message).join('; ')}`,
        problems,
      );
    }
    return context;
  }

  /** What eligibility needs of each member, with their consent as it stands now. */
  private async memberFacts(m: EntityManager, roster: RosterMember[], now: Date) {
    const states = await this.consents.states(
      m,
      roster.map((r) => r.userId),
      now,
    );
    return roster.map((r) => ({
      userId: r.userId,
      displayName: r.displayName,
      country: r.country,
      dateOfBirth: r.dateOfBirth,
      consent: states.get(r.userId)?.consent ?? ('missing' as const),
    }));
  }

  private async assetRoles(m: EntityManager, submissionId: string): Promise<string[]> {
    const rows = await m.find(SubmissionAsset, { where: { submissionId }, select: { role: true } });
    return rows.map((r) => r.role);
  }

  async view(
    m: EntityManager,
    s: Submission,
    competition: Competition,
  ): Promise<SubmissionResponseDto> {
    const reads = [
      () => getProgramme(m, competition.programmeId),
      () => m.findOneByOrFail(Team, { id: s.teamId }),
      () => rosterOf(m, s.teamId),
      () => m.find(SubmissionAsset, { where: { submissionId: s.id }, order: { createdAt: 'ASC' } }),
    ] as const;
    // Outside a transaction each read takes its own pooled connection: side by side. A
    // transaction's single connection takes one query at a time: one after the other.
    const [programme, team, roster, assets] = !m.queryRunner
      ? await Promise.all([reads[0](), reads[1](), reads[2](), reads[3]()])
      : [await reads[0](), await reads[1](), await reads[2](), await reads[3]()];
    return this.render({
      ...s,
      submissionClosesAt: competition.submissionClosesAt,
      timezone: programme.timezone,
      teamName: team.name,
      members: roster,
      assets,
    });
  }

  private render(s: SubmissionViewRow): SubmissionResponseDto {
    const closesAt = effectiveClose(s.submissionClosesAt, s.extensionUntil);
    // Stored fields passed SubmissionFieldsDto's validation when written.
    const content = Object.fromEntries(
      fieldsOfKind(s.kind).map((k) => [k, (s.fields as Record<string, unknown>)[k] ?? null]),
    ) as SubmissionFieldsDto;
    return {
      id: s.id,
      competitionId: s.competitionId,
      teamId: s.teamId,
      teamName: s.teamName,
      members: s.members.map((r) => ({
        userId: r.userId,
        displayName: r.displayName,
        country: r.country,
      })),
      kind: s.kind,
      title: s.title,
      status: s.status,
      version: s.version,
      ...content,
      assets: s.assets.map((a) => ({
        ...toAssetDto(a),
        url: `${this.config.PUBLIC_URL}/api/v1/submissions/${s.id}/assets/${a.id}`,
      })),
      deadline: {
        closesAt: s.submissionClosesAt.toISOString(),
        extensionUntil: s.extensionUntil?.toISOString() ?? null,
        effectiveClosesAt: closesAt.toISOString(),
        closesAtLocal: zonedIso(closesAt, s.timezone),
        timezone: s.timezone,
      },
      submittedAt: s.submittedAt?.toISOString() ?? null,
      withdrawnAt: s.withdrawnAt?.toISOString() ?? null,
      createdAt: s.createdAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
    };
  }
}
