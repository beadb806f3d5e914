import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { conflict, notFound } from '../common/errors/app-error';
import { PageQuery, pageOf, skipTake } from '../common/http/pagination';
import { AppConfig } from '../config/app-config';
import { OutboxService } from '../notifications/outbox.service';
import { CreateStaffDto } from './dto/admin.dto';
import { hashPassword } from './passwords';
import { PasswordService } from './password.service';
import { Role, User } from './user.entity';
import { userView, UserView } from './user-view';
import { isUniqueViolation } from '../database/errors';

@Injectable()
export class AdminUsersService {
  private readonly logger = new Logger(AdminUsersService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly passwords: PasswordService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** A staff account starts without a password; its owner sets one from the emailed link. */
  async createStaff(actor: Principal, dto: CreateStaffDto): Promise<UserView> {
    try {
      return await this.db.transaction(async (m) => {
        if (await m.existsBy(User, { email: dto.email })) {
          throw conflict(
            'An account with this email already exists; change its roles instead',
            'EMAIL_TAKEN',
          );
        }
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
        const { link, expiresAt } = await this.passwords.createLink(m, user, 'invite');
        await this.outbox.enqueue(m, {
          type: 'staff.invited',
          recipient: { userId: user.id, email: user.email, locale: user.locale },
          payload: {
            displayName: user.displayName,
            roles: user.roles.join(', '),
            link,
            expiresAt: expiresAt.toISOString(),
          },
        });
        await this.audit.record(m, {
          actorId: actor.id,
          action: 'user.created',
          targetType: 'user',
          targetId: user.id,
          details: { email: user.email, roles: user.roles },
        });
        return userView(user);
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw conflict('An account with this email already exists', 'EMAIL_TAKEN');
      throw err;
    }
  }

  async setRoles(actor: Principal, userId: string, roles: Role[]): Promise<UserView> {
    return this.db.transaction(async (m) => {
      const user = await m.findOne(User, {
        where: { id: userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user || user.deletedAt) throw notFound('User');
      if (user.roles.includes('admin') && !roles.includes('admin')) {
        // Serialise demotions so two admins cannot remove each other at once.
        await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['kenal:admins']);
        const admins: { n: number }[] = await m.query(
          `SELECT count(*)::int AS n FROM users WHERE 'admin' = ANY(roles)`,
        );
        if (admins[0].n <= 1) throw conflict('Kenal needs at least one admin', 'LAST_ADMIN');
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

  async list(q: PageQuery & { role?: Role; email?: string }) {
    const qb = this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .where('u.deleted_at IS NULL')
      .orderBy('u.created_at', 'ASC')
      .addOrderBy('u.id');
    if (q.role) qb.andWhere(':role = ANY(u.roles)', { role: q.role });
    if (q.email)
      qb.andWhere('u.email LIKE :email', {
        email: `%${q.email.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`,
      });
    const [items, total] = await qb.skip(skipTake(q).skip).take(q.pageSize).getManyAndCount();
    return pageOf(items.map(userView), total, q);
  }

  /**
   * The first admin, from ADMIN_EMAIL and ADMIN_PASSWORD, when Kenal has none. An advisory lock
   * keeps two API processes starting together from both creating one.
   */
  async ensureFirstAdmin(): Promise<void> {
    const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = this.config;
    if (!email || !password) return;
    const passwordHash = await hashPassword(password);
    await this.db.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['kenal:admins']);
      const admins: { n: number }[] = await m.query(
        `SELECT count(*)::int AS n FROM users WHERE 'admin' = ANY(roles)`,
      );
      if (admins[0].n > 0) return;
      const existing = await m.findOneBy(User, { email: email.toLowerCase() });
      let userId: string;
      if (existing) {
        await m.update(
          User,
          { id: existing.id },
          { roles: [...new Set([...existing.roles, 'admin' as const])] },
        );
        userId = existing.id;
      } else {
        const created = await m.save(
          User,
          m.create(User, {
            email: email.toLowerCase(),
            displayName: 'Administrator',
            passwordHash,
            roles: ['admin'],
          }),
        );
        userId = created.id;
      }
      await this.audit.record(m, {
        actorId: null,
        action: 'user.first_admin',
        targetType: 'user',
        targetId: userId,
      });
      this.logger.log(`Created the first admin ${email.toLowerCase()}`);
    });
  }
}
