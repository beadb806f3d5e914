import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';
import { EntityManager, In, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { hashToken } from '../common/crypto/tokens';
import {
  badRequest,
  conflict,
  emailUnverified,
  forbidden,
  notFound,
  unauthenticated,
} from '../common/errors/app-error';
import { RateLimiter } from '../common/redis/rate-limiter';
import { PageQuery, pageOf, skipTake } from '../common/http/pagination';
import { AppConfig } from '../config/app-config';
import { OutboxService } from '../notifications/outbox.service';
import { CreateStaffDto } from './dto/admin.dto';
import { hashPassword } from './passwords';
import { PasswordToken } from './password-token.entity';
import { PasswordService } from './password.service';
import { SessionTokens } from './session-tokens.service';
import { Role, STAFF_ROLES } from '../common/auth/roles';
import { User } from './user.entity';
import { userView } from './user-view';
import type { AuthResponseDto, UserDto } from './dto/auth.dto';
import type { StaffInvitationDto, StaffInvitationPreviewDto, UserPageDto } from './dto/admin.dto';
import { isUniqueViolation } from '../database/errors';
import { Transactions } from '../database/transactions';
import { countAdmins, lockAdmins, openInvitationRows } from './identity.store';

/** How many times a day an admin may send one account's invitation again. */
export const RESENDS_PER_DAY = 5;

const noInvitation = () =>
  conflict(
    'This account has no invitation waiting: it has set its password, or holds the roles offered',
    'NO_OPEN_INVITATION',
  );

@Injectable()
export class AdminUsersService {
  private readonly logger = new Logger(AdminUsersService.name);

  constructor(
    private readonly tx: Transactions,
    private readonly passwords: PasswordService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly sessions: SessionTokens,
    private readonly limiter: RateLimiter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * A staff account starts without a password; its owner sets one from the emailed link. For an
   * address that already has an account nothing changes yet: its owner is emailed an invitation
   * to accept the roles (POST /staff-invitations/{token}/accept, signed in as that account).
   */
  async createStaff(
    actor: Principal,
    dto: CreateStaffDto,
  ): Promise<{ created: UserDto } | { invited: StaffInvitationDto }> {
    try {
      return await this.tx.run(async (m) => {
        const existing = await m.findOneBy(User, { email: dto.email });
        if (existing) return { invited: await this.offerRoles(m, actor, existing, dto.roles) };
        const user = await m.save(
          User,
          m.create(User, {
            email: dto.email,
            displayName: dto.displayName,
            passwordHash: null,
            roles: dto.roles as Role[],
            locale: dto.locale ?? 'en',
          }),
        );
        await this.sendInvite(m, actor, user);
        await this.audit.record(m, {
          actorId: actor.id,
          action: 'user.created',
          targetType: 'user',
          targetId: user.id,
          details: { email: user.email, roles: user.roles },
        });
        return { created: userView(user) };
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw conflict('An account with this email already exists', 'EMAIL_TAKEN');
      throw err;
    }
  }

  /** A new account's invitation: the link sets its first password (earlier links stop working). */
  private async sendInvite(m: EntityManager, actor: Principal, user: User): Promise<Date> {
    const { link, expiresAt } = await this.passwords.createLink(
      m,
      user,
      'invite',
      user.roles,
      actor.id,
    );
    await this.outbox.enqueue(m, {
      type: 'staff.invited',
      recipient: { userId: user.id, email: user.email, locale: user.locale },
      payload: {
        displayName: user.displayName,
        roles: user.roles, // codes: named in the reader's language
        link,
        expiresAt: expiresAt.toISOString(),
      },
    });
    return expiresAt;
  }

  private async offerRoles(
    m: EntityManager,
    actor: Principal,
    user: User,
    requested: string[],
  ): Promise<StaffInvitationDto> {
    const roles = requested.filter((r) => !user.roles.includes(r as Role));
    if (roles.length === 0) {
      throw conflict('This account already holds these roles', 'ROLES_ALREADY_HELD');
    }
    return this.sendRolesOffer(m, actor, user, roles);
  }

  private async sendRolesOffer(
    m: EntityManager,
    actor: Principal,
    user: User,
    roles: string[],
  ): Promise<StaffInvitationDto> {
    const { link, expiresAt } = await this.passwords.createLink(
      m,
      user,
      'staff_roles',
      roles,
      actor.id,
    );
    await this.outbox.enqueue(m, {
      type: 'staff.roles_offered',
      recipient: { userId: user.id, email: user.email, locale: user.locale },
      channels: ['email'],
      payload: {
        displayName: user.displayName,
        roles,
        link,
        expiresAt: expiresAt.toISOString(),
      },
    });
    await this.audit.record(m, {
      actorId: actor.id,
      action: 'user.staff_roles_offered',
      targetType: 'user',
      targetId: user.id,
      details: { roles },
    });
    return { status: 'invited', userId: user.id, roles, expiresAt };
  }

  /**
   * The emailed invitation link. A new account's owner (an `invite` link) chooses a password and
   * is signed in; an existing account's owner (a `staff_roles` link) accepts the roles signed in
   * as that account. The link came by email, so the address is verified too.
   */
  async acceptInvitation(
    actor: Principal | undefined,
    token: string,
    password: string | undefined,
  ): Promise<UserDto | AuthResponseDto> {
    const row = await this.tx.manager
      .getRepository(PasswordToken)
      .findOneBy({ tokenHash: hashToken(token) });
    if (row?.purpose === 'invite') {
      if (!password) {
        throw badRequest('VALIDATION_FAILED', 'Choose a password of 10 characters or more', [
          { path: 'password', message: 'Choose a password of 10 characters or more' },
        ]);
      }
      const { userId } = await this.passwords.setPassword(token, password, ['invite']);
      return this.tx.run(async (m) => {
        const user = await m.findOneByOrFail(User, { id: userId });
        return { user: userView(user), ...(await this.sessions.startSession(m, userId)) };
      });
    }
    if (!actor) throw unauthenticated('Sign in as the invited account to accept');
    return this.acceptRoles(actor, token);
  }

  /** The owner of an existing account accepts the roles an admin offered, signed in as it. */
  async acceptRoles(actor: Principal, token: string): Promise<UserDto> {
    return this.tx.run(async (m) => {
      const row = await m.findOne(PasswordToken, {
        where: { tokenHash: hashToken(token), purpose: 'staff_roles' },
      });
      if (row && row.userId !== actor.id) {
        throw forbidden('This invitation was sent to another account: sign in as its owner');
      }
      const used = await this.passwords.consume(m, token, ['staff_roles']);
      const user = await m.findOne(User, {
        where: { id: used.userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw notFound('User');
      const roles = [...new Set([...user.roles, ...((used.roles ?? []) as Role[])])];
      await m.update(User, { id: user.id }, { roles });
      await this.passwords.markVerified(m, user.id);
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'user.roles_changed',
        targetType: 'user',
        targetId: user.id,
        details: { before: user.roles, after: roles, via: 'staff_invitation' },
      });
      return userView(await m.findOneByOrFail(User, { id: user.id }));
    });
  }

  /**
   * What the emailed invitation link shows before anything is done: for whom, which roles, who
   * sent it, and whether the owner sets a password (a new account) or signs in to accept.
   */
  async describeInvitation(token: string): Promise<StaffInvitationPreviewDto> {
    const row = await this.tx.manager.getRepository(PasswordToken).findOneBy({
      tokenHash: hashToken(token),
      purpose: In(['invite', 'staff_roles']),
    });
    if (!row) throw notFound('Invitation');
    const [user, sender] = await Promise.all([
      this.tx.manager.getRepository(User).findOneBy({ id: row.userId }),
      row.createdBy ? this.tx.manager.getRepository(User).findOneBy({ id: row.createdBy }) : null,
    ]);
    if (!user || user.deletedAt) throw notFound('Invitation');
    const status = row.usedAt
      ? ('used' as const)
      : row.expiresAt.getTime() <= this.clock.now().getTime()
        ? ('expired' as const)
        : ('pending' as const);
    return {
      kind: row.purpose === 'invite' ? ('new_account' as const) : ('existing_account' as const),
      roles: row.roles ?? (row.purpose === 'invite' ? user.roles : []),
      status,
      expiresAt: row.expiresAt,
      email: user.email,
      displayName: user.displayName,
      invitedBy: sender && !sender.deletedAt ? sender.displayName : null,
    };
  }

  /**
   * Sends a staff member's invitation again, with a new link (the old one stops working): a new
   * account that has not set its password yet, or an existing account with roles still on offer.
   * At most RESENDS_PER_DAY a day per account.
   */
  async resendInvitation(actor: Principal, userId: string): Promise<StaffInvitationDto> {
    await this.limiter.enforce(`staff-invitation-resend:${userId}`, RESENDS_PER_DAY, 24 * 3600);
    return this.tx.run(async (m) => {
      const user = await m.findOne(User, {
        where: { id: userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user || user.deletedAt) throw notFound('User');
      const last = await m.findOne(PasswordToken, {
        where: { userId, purpose: In(['invite', 'staff_roles']) },
        order: { createdAt: 'DESC' },
      });
      let view: StaffInvitationDto;
      if (!user.passwordHash) {
        const expiresAt = await this.sendInvite(m, actor, user);
        view = { status: 'invited', userId, roles: user.roles, expiresAt };
      } else if (last?.purpose === 'staff_roles' && !last.usedAt) {
        const roles = (last.roles ?? []).filter((r) => !user.roles.includes(r as Role));
        if (roles.length === 0) throw noInvitation();
        view = await this.sendRolesOffer(m, actor, user, roles);
      } else throw noInvitation();
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'user.invitation_resent',
        targetType: 'user',
        targetId: userId,
        details: { roles: view.roles },
      });
      return view;
    });
  }

  /** For each account, its invitation still waiting for an answer (pending or expired). */
  async openInvitations(
    userIds: string[],
  ): Promise<Map<string, { status: 'pending' | 'expired'; expiresAt: Date }>> {
    if (userIds.length === 0) return new Map();
    const rows = await openInvitationRows(this.tx.manager, userIds);
    return new Map(
      rows.map((r) => [
        r.user_id,
        {
          status: r.expires_at.getTime() <= this.clock.now().getTime() ? 'expired' : 'pending',
          expiresAt: r.expires_at,
        },
      ]),
    );
  }

  async setRoles(actor: Principal, userId: string, roles: Role[]): Promise<UserDto> {
    return this.tx.run(async (m) => {
      const user = await m.findOne(User, {
        where: { id: userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user || user.deletedAt) throw notFound('User');
      const granted = roles.filter((r) => !user.roles.includes(r));
      if (!user.emailVerifiedAt && granted.some((r) => STAFF_ROLES.includes(r))) {
        throw emailUnverified(
          'This account has not confirmed its email address: a staff role needs a proven address',
        );
      }
      if (user.roles.includes('admin') && !roles.includes('admin')) {
        // Serialise demotions so two admins cannot remove each other at once.
        await lockAdmins(m);
        if ((await countAdmins(m)) <= 1)
          throw conflict('Kenal needs at least one admin', 'LAST_ADMIN');
      }
      const before = user.roles;
      await m.update(User, { id: userId }, { roles });
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'user.roles_changed',
        targetType: 'user',
        targetId: userId,
        details: { before, after: roles },
      });
      return userView({ ...user, roles });
    });
  }

  async list(
    q: PageQuery & { role?: Role; email?: string; staff?: boolean },
  ): Promise<UserPageDto> {
    const qb = this.tx.manager
      .getRepository(User)
      .createQueryBuilder('u')
      .where('u.deleted_at IS NULL')
      .orderBy('u.created_at', 'ASC')
      .addOrderBy('u.id');
    if (q.role) qb.andWhere(':role = ANY(u.roles)', { role: q.role });
    if (q.staff) qb.andWhere('u.roles && :staff', { staff: STAFF_ROLES });
    if (q.email)
      qb.andWhere('u.email LIKE :email', {
        email: `%${q.email.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`,
      });
    const [items, total] = await qb.skip(skipTake(q).skip).take(q.pageSize).getManyAndCount();
    const invitations = await this.openInvitations(items.map((u) => u.id));
    return pageOf(
      items.map((u) => ({ ...userView(u), invitation: invitations.get(u.id) ?? null })),
      total,
      q,
    );
  }

  /**
   * The first admin, from ADMIN_EMAIL and ADMIN_PASSWORD, when Kenal has none. An advisory lock
   * keeps two API processes starting together from both creating one.
   *
   * Anyone may have signed up with ADMIN_EMAIL before the first start (nobody proved they own
   * it), so an existing account is not promoted as it is: the operator takes the address over.
   * Its password becomes ADMIN_PASSWORD, its sessions and unused emailed links end, and a
   * warning is logged; whoever signed up loses access.
   */
  async ensureFirstAdmin(): Promise<void> {
    const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = this.config;
    if (!email || !password) return;
    const passwordHash = await hashPassword(password);
    await this.tx.run(async (m) => {
      await lockAdmins(m);
      if ((await countAdmins(m)) > 0) return;
      const existing = await m.findOneBy(User, { email: email.toLowerCase() });
      let userId: string;
      if (existing) {
        await m.update(
          User,
          { id: existing.id },
          { passwordHash, roles: [...new Set([...existing.roles, 'admin' as const])] },
        );
        await this.sessions.revokeAllSessions(m, existing.id, 'first_admin_takeover');
        await m.update(
          PasswordToken,
          { userId: existing.id, usedAt: IsNull() },
          { usedAt: this.clock.now() },
        );
        userId = existing.id;
        this.logger.warn(
          `ADMIN_EMAIL ${email.toLowerCase()} already had an account (signed up, address never proven): ` +
            'it is now the first admin with ADMIN_PASSWORD; its old password, sessions and links no longer work',
        );
      } else {
        const created = await m.save(
          User,
          m.create(User, {
            email: email.toLowerCase(),
            displayName: 'Administrator',
            passwordHash,
            roles: ['admin'],
            // The operator chose this address in the configuration.
            emailVerifiedAt: this.clock.now(),
          }),
        );
        userId = created.id;
      }
      await this.audit.record(m, {
        actorId: null,
        action: existing ? 'user.first_admin_takeover' : 'user.first_admin',
        targetType: 'user',
        targetId: userId,
        details: existing ? { rolesBefore: existing.roles } : undefined,
      });
      this.logger.log(`Created the first admin ${email.toLowerCase()}`);
    });
  }
}
