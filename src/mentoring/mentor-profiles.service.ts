import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { notFound } from '../common/errors/app-error';
import type { MentorProfileDto, MentorProfileViewDto } from './dto/mentor-profile.dto';
import { MentorProfile } from './mentor-profile.entity';
import { mentorProfileView } from './mentor-profile-view';
import { Transactions } from '../database/transactions';

@Injectable()
export class MentorProfilesService {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditService,
  ) {}

  async get(me: Principal): Promise<MentorProfileViewDto> {
    const profile = await this.tx.manager.getRepository(MentorProfile).findOneBy({ userId: me.id });
    if (!profile) throw notFound('Mentor profile');
    return mentorProfileView(profile);
  }

  async put(me: Principal, dto: MentorProfileDto): Promise<MentorProfileViewDto> {
    const saved = await this.tx.run(async (m) => {
      await m.upsert(
        MentorProfile,
        {
          userId: me.id,
          organisation: dto.organisation,
          sector: dto.sector,
          sdgs: [...dto.expertise.sdgs].sort((a, b) => a - b),
          topics: [...new Set((dto.expertise.topics ?? []).map((t) => t.trim()).filter(Boolean))],
          countries: dto.countries,
          languages: dto.languages.map((l) => ({ code: l.code, level: l.level })),
          capacity: dto.capacity,
          bio: dto.bio?.trim() || null,
        },
        ['userId'],
      );
      await this.audit.record(m, {
        actorId: me.id,
        action: 'mentor_profile.saved',
        targetType: 'user',
        targetId: me.id,
        details: { sector: dto.sector, capacity: dto.capacity },
      });
      return m.findOneByOrFail(MentorProfile, { userId: me.id });
    });
    return mentorProfileView(saved);
  }
}
