import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { AccountErasure } from '../common/erasure/account-erasure';
import { badRequest, conflict, notFound, unprocessable } from '../common/errors/app-error';
import { PageQuery, pageOf } from '../common/http/pagination';
import { findUser, findUserByEmail } from '../identity/user-rows';
import { isUniqueViolation } from '../database/errors';
import { Transactions } from '../database/transactions';
import {
  CoordinatorAddedDto,
  CoordinatorDto,
  CreateProgrammeDto,
  ProgrammePageDto,
  ProgrammeResponseDto,
} from './dto/programme.dto';
import { ProgrammeAccess } from './programme-access';
import { ProgrammeCoordinator } from './programme-coordinator.entity';
import { Programme } from './programme.entity';
import { pageProgrammes, programmeCoordinators } from './programmes.store';
import { toCoordinatorDto, toProgrammeDto } from './programme-view';
import { isTimeZone } from '../common/time-zones';

@Injectable()
export class ProgrammesService {
  constructor(
    private readonly tx: Transactions,
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

  async create(actor: Principal, dto: CreateProgrammeDto): Promise<ProgrammeResponseDto> {
    if (!isTimeZone(dto.timezone)) {
      throw badRequest(
        'VALIDATION_FAILED',
        'timezone must be an IANA time zone such as Asia/Seoul',
        [{ path: 'timezone', message: 'unknown time zone' }],
      );
    }
    try {
      return await this.tx.run(async (m) => {
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
        return toProgrammeDto(programme);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw slugTaken();
      throw err;
    }
  }

  /** Every programme, or (coordinatorId) the ones that person coordinates; newest first. */
  async list(q: PageQuery, coordinatorId?: string): Promise<ProgrammePageDto> {
    const [items, total] = await pageProgrammes(this.tx.manager, q, coordinatorId);
    return pageOf(items.map(toProgrammeDto), total, q);
  }

  async get(id: string): Promise<ProgrammeResponseDto> {
    const programme = await this.tx.manager.findOneBy(Programme, { id });
    if (!programme) throw notFound('Programme');
    return toProgrammeDto(programme);
  }

  async coordinators(actor: Principal, programmeId: string): Promise<CoordinatorDto[]> {
    await this.access.assertCanManage(actor, programmeId);
    return (await programmeCoordinators(this.tx.manager, programmeId)).map(toCoordinatorDto);
  }

  async addCoordinator(
    actor: Principal,
    programmeId: string,
    who: { userId?: string; email?: string },
  ): Promise<CoordinatorAddedDto> {
    return this.tx.run(async (m) => {
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
    await this.tx.run(async (m) => {
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
