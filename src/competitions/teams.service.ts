import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, In, MoreThan } from 'typeorm';
import type { Principal } from '../common/auth/principal';
import { CLOCK, type Clock } from '../common/clock';
import { PageQuery, pageOf, skipTake } from '../common/http/pagination';
import { hashToken, newToken } from '../common/crypto/tokens';
import {
  AppError,
  badRequest,
  conflict,
  forbidden,
  notFound,
  tooManyEmails,
} from '../common/errors/app-error';
import { RateLimiter } from '../common/redis/rate-limiter';
import { AppConfig } from '../config/app-config';
import { findUser, findUserByEmail } from '../identity/user-rows';
import { isUniqueViolation } from '../database/errors';
import { Transactions } from '../database/transactions';
import { OutboxService } from '../notifications/outbox.service';
import { ProgrammeAccess } from '../programmes/programme-access';
import { Competition } from './competition.entity';
import type {
  InvitationDeclinedDto,
  InvitationPreviewDto,
  MyTeamDto,
  MyTeamPageDto,
  SentInvitationDto,
  TeamResponseDto,
  UpdateTeamDto,
} from './dto/team.dto';
import { toInvitationDto, toTeamDto } from './team-view';
import { rosterOf } from './roster.store';
import { Submission } from './submission.entity';
import { neutralTeamName, Team, TeamInvitation, TeamMember } from './team.entity';
import { pageTeamsOf } from './teams.store';
import { tokenLink } from '../common/crypto/token-links';

const INVITATION_TTL_DAYS = 7;

export const deadlinePassed = (what = 'The submission deadline has passed') =>
  conflict(what, 'DEADLINE_PASSED');
const alreadyInTeam = () =>
  conflict('You are already in a team for this competition', 'ALREADY_IN_TEAM');
const tokenInvalid = () =>
  badRequest(
    'TOKEN_INVALID',
    'This invitation has already been used, was replaced, or has expired',
  );

@Injectable()
export class TeamsService {
  constructor(
    private readonly tx: Transactions,
    private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly access: ProgrammeAccess,
    private readonly limiter: RateLimiter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(actor: Principal, competitionId: string, name: string) {
    return this.tx
      .run(async (m) => {
        const competition = await m.findOneBy(Competition, { id: competitionId });
        if (!competition) throw notFound('Competition');
        this.assertBeforeClose(competition);
        if (await m.existsBy(TeamMember, { competitionId, userId: actor.id }))
          throw alreadyInTeam();
        const team = await this.insertTeam(m, competitionId, name, actor.id);
        return this.view(m, team, true);
      })
      .catch((err: unknown) => {
        throw isUniqueViolation(err) ? alreadyInTeam() : err;
      });
  }

  /**
   * Also used when someone starts a submission without a team: they become a team of one, under
   * a neutral name (never their own: many entrants are minors).
   */
  async insertTeam(
    m: EntityManager,
    competitionId: string,
    name: string | undefined,
    leaderId: string,
  ) {
    const id = randomUUID();
    const team = await m.save(
      Team,
      m.create(Team, { id, competitionId, name: name ?? neutralTeamName(id), leaderId }),
    );
    await m.insert(TeamMember, { teamId: team.id, userId: leaderId, competitionId });
    return team;
  }

  async get(actor: Principal, teamId: string): Promise<TeamResponseDto> {
    const team = await this.tx.manager.getRepository(Team).findOneBy({ id: teamId });
    if (!team) throw notFound('Team');
    const member = await this.tx.manager
      .getRepository(TeamMember)
      .existsBy({ teamId, userId: actor.id });
    if (!member) {
      const competition = await this.tx.manager
        .getRepository(Competition)
        .findOneByOrFail({ id: team.competitionId });
      if (!(await this.access.canManage(actor, competition.programmeId))) throw notFound('Team');
    }
    return this.view(this.tx.manager, team, true);
  }

  /** The leader renames the team or chooses the name published results show (null: neutral). */
  /**
   * The caller's teams across competitions, newest first: their role, the members, the team's
   * entry if one was started, and the pending invitations the caller sent. Only teams the caller
   * is a member of: nothing here is reachable for anyone else.
   */
  async mine(actor: Principal, q: PageQuery): Promise<MyTeamPageDto> {
    const { skip, take } = skipTake(q);
    const m = this.tx.manager;
    const [rows, total] = await pageTeamsOf(m, actor.id, skip, take);
    const ids = rows.map((t) => t.id);
    const [entries, invitations] = await Promise.all([
      m.find(Submission, { where: { teamId: In(ids) } }),
      m.find(TeamInvitation, {
        where: {
          teamId: In(ids),
          invitedById: actor.id,
          status: 'pending',
          expiresAt: MoreThan(this.clock.now()),
        },
        order: { createdAt: 'ASC' },
      }),
    ]);
    const items: MyTeamDto[] = [];
    for (const team of rows) {
      const { invitations: _, ...view } = await this.view(m, team, false);
      const entry = entries.find((e) => e.teamId === team.id);
      items.push({
        ...view,
        competitionTitle: team.competition!.title,
        competitionKind: team.competition!.kind,
        submissionClosesAt: team.competition!.submissionClosesAt.toISOString(),
        myRole: team.leaderId === actor.id ? 'leader' : 'member',
        entry: entry ? { id: entry.id, title: entry.title, status: entry.status } : null,
        invitationsSent: invitations.filter((i) => i.teamId === team.id).map(toInvitationDto),
      });
    }
    return pageOf(items, total, q);
  }

  async update(actor: Principal, teamId: string, dto: UpdateTeamDto): Promise<TeamResponseDto> {
    return this.tx.run(async (m) => {
      const { team } = await this.lockTeam(m, teamId, actor);
      if (team.leaderId !== actor.id) throw forbidden('Only the team leader can rename the team');
      await m.update(
        Team,
        { id: teamId },
        {
          ...(dto.name !== undefined ? { name: dto.name } : {}),
          ...(dto.publicName !== undefined ? { publicName: dto.publicName } : {}),
        },
      );
      return this.view(m, team, true);
    });
  }

  /**
   * Counted before anything is written: INVITATIONS_PER_SENDER_PER_DAY for the sender and
   * INVITATIONS_PER_RECIPIENT_PER_DAY for the address, else 429 TOO_MANY_EMAILS.
   */
  async invite(actor: Principal, teamId: string, email: string): Promise<SentInvitationDto> {
    const outcome = await this.limiter.hitAll([
      {
        key: `invitations:from:${actor.id}`,
        limit: this.config.INVITATIONS_PER_SENDER_PER_DAY,
        windowSeconds: 86400,
      },
      {
        key: `invitations:to:${email.toLowerCase()}`,
        limit: this.config.INVITATIONS_PER_RECIPIENT_PER_DAY,
        windowSeconds: 86400,
      },
    ]);
    if (!outcome.allowed) {
      throw tooManyEmails(
        outcome.retryAfter,
        `Too many invitations today, from you or to this address; try again in ${outcome.retryAfter} s`,
      );
    }
    return this.tx.run(async (m) => {
      const { team, competition } = await this.lockTeam(m, teamId, actor);
      if (team.leaderId !== actor.id) throw forbidden('Only the team leader can invite');
      this.assertBeforeClose(competition);
      await this.assertRosterOpen(m, team);
      const existing = await findUserByEmail(m, email);
      if (existing && (await m.existsBy(TeamMember, { teamId, userId: existing.id }))) {
        throw conflict('This person is already in the team');
      }
      // A new invitation to the same address replaces the earlier link.
      await m.update(
        TeamInvitation,
        { teamId, email, status: 'pending' },
        { status: 'revoked', respondedAt: this.clock.now() },
      );
      const token = newToken();
      const expiresAt = new Date(this.clock.now().getTime() + INVITATION_TTL_DAYS * 86400_000);
      const invitation = await m.save(
        TeamInvitation,
        m.create(TeamInvitation, {
          teamId,
          email,
          tokenHash: hashToken(token),
          invitedById: actor.id,
          expiresAt,
        }),
      );
      await this.outbox.enqueue(m, {
        type: 'team.invitation',
        recipient: {
          userId: existing?.id ?? null,
          email,
          locale: existing?.locale ?? actor.locale,
        },
        payload: {
          inviterName: actor.displayName,
          teamName: team.name,
          competitionTitle: competition.title,
          link: tokenLink(this.config.PUBLIC_URL, 'teamInvitation', token),
          expiresAt: expiresAt.toISOString(),
        },
      });
      return { ...toInvitationDto(invitation), teamId };
    });
  }

  /** What an emailed link shows before its recipient signs in: no one else's data beyond the team. */
  async preview(token: string): Promise<InvitationPreviewDto> {
    const invitation = await this.tx.manager
      .getRepository(TeamInvitation)
      .findOneBy({ tokenHash: hashToken(token) });
    if (!invitation) throw tokenInvalid();
    const team = await this.tx.manager
      .getRepository(Team)
      .findOneByOrFail({ id: invitation.teamId });
    const competition = await this.tx.manager
      .getRepository(Competition)
      .findOneByOrFail({ id: team.competitionId });
    const inviter = await findUser(this.tx.manager, invitation.invitedById);
    const expired = invitation.status === 'pending' && invitation.expiresAt <= this.clock.now();
    return {
      teamId: team.id,
      teamName: team.name,
      competitionId: competition.id,
      competitionTitle: competition.title,
      inviterName: inviter?.displayName ?? null,
      email: invitation.email,
      status: expired ? 'expired' : invitation.status,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  async accept(actor: Principal, token: string): Promise<TeamResponseDto> {
    return this.tx
      .run(async (m) => {
        const invitation = await this.lockInvitation(m, actor, token);
        const { team, competition } = await this.lockTeam(m, invitation.teamId);
        this.assertBeforeClose(competition);
        await this.assertRosterOpen(m, team);
        if (await m.existsBy(TeamMember, { competitionId: team.competitionId, userId: actor.id })) {
          throw alreadyInTeam();
        }
        const size = await m.countBy(TeamMember, { teamId: team.id });
        const max = competition.eligibility.maxTeamSize;
        if (max !== undefined && size >= max) {
          throw conflict(`The team is full: this competition allows ${max} members`, 'TEAM_FULL');
        }
        await m.insert(TeamMember, {
          teamId: team.id,
          userId: actor.id,
          competitionId: team.competitionId,
        });
        await m.update(
          TeamInvitation,
          { id: invitation.id },
          { status: 'accepted', respondedAt: this.clock.now() },
        );
        return this.view(m, team, true);
      })
      .catch((err: unknown) => {
        throw isUniqueViolation(err) ? alreadyInTeam() : err;
      });
  }

  async decline(actor: Principal, token: string): Promise<InvitationDeclinedDto> {
    return this.tx.run(async (m) => {
      const invitation = await this.lockInvitation(m, actor, token);
      await m.update(
        TeamInvitation,
        { id: invitation.id },
        { status: 'declined', respondedAt: this.clock.now() },
      );
      return { id: invitation.id, teamId: invitation.teamId, status: 'declined' };
    });
  }

  async leave(actor: Principal, teamId: string): Promise<void> {
    await this.tx.run(async (m) => {
      const { team, competition } = await this.lockTeam(m, teamId, actor);
      this.assertBeforeClose(competition);
      await this.assertRosterOpen(m, team);
      const others = (await rosterOf(m, teamId)).filter((r) => r.userId !== actor.id);
      if (others.length === 0) {
        if (await m.existsBy(Submission, { teamId })) {
          throw conflict(
            'You are the last member of a team with an entry: withdraw it, or invite someone first',
          );
        }
        await m.delete(Team, { id: teamId });
        return;
      }
      await m.delete(TeamMember, { teamId, userId: actor.id });
      if (team.leaderId === actor.id) {
        // The longest-standing member takes over, so a team is never without a leader.
        await m.update(Team, { id: teamId }, { leaderId: others[0].userId });
      }
    });
  }

  async removeMember(actor: Principal, teamId: string, userId: string): Promise<void> {
    await this.tx.run(async (m) => {
      const { team, competition } = await this.lockTeam(m, teamId, actor);
      if (team.leaderId !== actor.id) throw forbidden('Only the team leader can remove members');
      if (userId === actor.id)
        throw badRequest('VALIDATION_FAILED', 'To leave the team, use leave');
      this.assertBeforeClose(competition);
      await this.assertRosterOpen(m, team);
      const result = await m.delete(TeamMember, { teamId, userId });
      if (!result.affected) throw notFound('Team member');
    });
  }

  /** The team row locked; with `member`, 404 unless they belong to it. */
  private async lockTeam(m: EntityManager, teamId: string, member?: Principal) {
    const team = await m.findOne(Team, {
      where: { id: teamId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!team) throw notFound('Team');
    if (member && !(await m.existsBy(TeamMember, { teamId, userId: member.id }))) {
      throw notFound('Team');
    }
    const competition = await m.findOneByOrFail(Competition, { id: team.competitionId });
    return { team, competition };
  }

  private async lockInvitation(m: EntityManager, actor: Principal, token: string) {
    const invitation = await m.findOne(TeamInvitation, {
      where: { tokenHash: hashToken(token) },
      lock: { mode: 'pessimistic_write' },
    });
    if (!invitation) throw tokenInvalid();
    if (invitation.email !== actor.email.toLowerCase()) {
      throw forbidden('This invitation was sent to another email address');
    }
    if (invitation.status !== 'pending' || invitation.expiresAt <= this.clock.now()) {
      throw tokenInvalid();
    }
    return invitation;
  }

  private assertBeforeClose(competition: Competition): void {
    if (this.clock.now() >= competition.submissionClosesAt) {
      throw deadlinePassed('The competition has closed: teams can no longer change');
    }
  }

  /** Once the entry is submitted its team is what was checked; withdrawing frees it again. */
  private async assertRosterOpen(m: EntityManager, team: Team): Promise<void> {
    const locked = await m.existsBy(Submission, {
      teamId: team.id,
      status: 'submitted',
    });
    if (locked) {
      throw new AppError(
        409,
        'SUBMISSION_LOCKED',
        'The team has a submitted entry: its members cannot change until the deadline passes or it is withdrawn',
      );
    }
  }

  async view(m: EntityManager, team: Team, withInvitations: boolean): Promise<TeamResponseDto> {
    const fresh = await m.findOneByOrFail(Team, { id: team.id });
    const roster = await rosterOf(m, team.id);
    const invitations = withInvitations
      ? await m.find(TeamInvitation, {
          where: { teamId: team.id, status: 'pending', expiresAt: MoreThan(this.clock.now()) },
          order: { createdAt: 'ASC' },
          take: 100,
        })
      : [];
    return toTeamDto(fresh, roster, invitations);
  }
}
