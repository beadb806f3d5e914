import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { AccountErasure } from '../common/erasure/account-erasure';
import { badRequest, conflict, notFound, unprocessable } from '../common/errors/app-error';
import { PageQuery, pageOf, skipTake } from '../common/http/pagination';
import { findUser, findUserByEmail } from '../identity/user-rows';
import { isUniqueViolation } from '../database/errors';
import { CreateProgrammeDto } from './dto/programme.dto';
import { ProgrammeAccess } from './programme-access';
import { ProgrammeCoordinator } from './programme-coordinator.entity';
import { Programme } from './programme.entity';
import { isTimeZone } from '../common/time-zones';

@Injectable()
export class ProgrammesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: ProgrammeAccess,
    private readonly audit: AuditService,
    erasure: AccountErasure,
  ) {
    // A coordinator who deletes their account stops coordinating; admins still manage the programme.
    erasure.register('programmes', async (m, person) => {
      const result = await m.delete(ProgrammeCoordinator, { userId: person.id });
      return { coordinatorships: result.affected ?? 0 };
    });
  }

  async create(actor: Principal, dto: CreateProgrammeDto): Promise<Programme> {
    if (!isTimeZone(dto.timezone)) {
      throw badRequest(
        'VALIDATION_FAILED',
        'timezone must be an IANA time zone such as Asia/Seoul',
        [{ path: 'timezone', message: 'unknown time zone' }],
      );
    }
    try {
      return await this.db.transaction(async (m) => {
        if (await m.existsBy(Programme, { slug: dto.slug })) throw slugTaken();
        const programme = await m.save(
          Programme,
          m.create(Programme, {
            name: dto.name,
            slug: dto.slug,
            description: dto.description ?? null,
            timezone: dto.timezone,
          }),
        );
        await m.insert(ProgrammeCoordinator, { programmeId: programme.id, userId: actor.id });
        await this.audit.record(m, {
          actorId: actor.id,
          action: 'programme.created',
          targetType: 'programme',
          targetId: programme.id,
          details: { slug: programme.slug },
        });
        return programme;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw slugTaken();
      throw err;
    }
  }

  /** Every programme, or (coordinatorId) the ones that person coordinates; newest first. */
  async list(q: PageQuery, coordinatorId?: string) {
    const qb = this.db
      .getRepository(Programme)
      .createQueryBuilder('p')
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'ASC')
      .skip(skipTake(q).skip)
      .take(q.pageSize);
    if (coordinatorId) {
      qb.innerJoin(ProgrammeCoordinator, 'pc', 'pc.programme_id = p.id AND pc.user_id = :me', {
        me: coordinatorId,
      });
    }
    const [items, total] = await qb.getManyAndCount();
    return pageOf(items, total, q);
  }

  async get(id: string): Promise<Programme> {
    const programme = await this.db.getRepository(Programme).findOneBy({ id });
    if (!programme) throw notFound('Programme');
    return programme;
  }

  async coordinators(actor: Principal, programmeId: string) {
    await this.access.assertCanManage(actor, programmeId);
    const rows: { userId: string; displayName: string; email: string; since: Date }[] =
      await this.db.query(
        `SELECT u.id AS "userId", u.display_name AS "displayName", u.email, pc.created_at AS since
         FROM programme_coordinators pc JOIN users u ON u.id = pc.user_id
        WHERE pc.programme_id = $1 ORDER BY pc.created_at, u.id LIMIT 500`,
        [programmeId],
      );
    return rows;
  }

  async addCoordinator(
    actor: Principal,
    programmeId: string,
    who: { userId?: string; email?: string },
  ) {
    return this.db.transaction(async (m) => {
      await this.access.assertCanManage(actor, programmeId, m);
      const user = who.userId
        ? await findUser(m, who.userId)
        : await findUserByEmail(m, who.email!.toLowerCase());
      if (!user || user.deletedAt) throw notFound('User');
      const userId = user.id;
      if (!user.roles.includes('coordinator') && !user.roles.includes('admin')) {
        throw unprocessable(
          'NOT_ELIGIBLE',
          'Only users with the coordinator role can coordinate a programme',
        );
      }
      if (await m.existsBy(ProgrammeCoordinator, { programmeId, userId })) {
        throw conflict('This user already coordinates the programme');
      }
      await m.insert(ProgrammeCoordinator, { programmeId, userId });
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'programme.coordinator_added',
        targetType: 'programme',
        targetId: programmeId,
        details: { userId },
      });
      return { programmeId, userId, displayName: user.displayName };
    });
  }

  async removeCoordinator(actor: Principal, programmeId: string, userId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await this.access.assertCanManage(actor, programmeId, m);
      const result = await m.delete(ProgrammeCoordinator, { programmeId, userId });
      if (!result.affected) throw notFound('Coordinator');
      await this.audit.record(m, {
        actorId: actor.id,
        action: 'programme.coordinator_removed',
        targetType: 'programme',
        targetId: programmeId,
        details: { userId },
      });
    });
  }
}

const slugTaken = () => conflict('A programme with this slug already exists', 'SLUG_TAKEN');
