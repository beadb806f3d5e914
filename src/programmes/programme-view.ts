import type { CoordinatorDto, ProgrammeResponseDto } from './dto/programme.dto';
import type { Programme } from './programme.entity';
import type { CoordinatorRow } from './programmes.store';

export const toProgrammeDto = (p: Programme): ProgrammeResponseDto => ({
  id: p.id,
  name: p.name,
  slug: p.slug,
  description: p.description,
  timezone: p.timezone,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

export const toCoordinatorDto = (c: CoordinatorRow): CoordinatorDto => ({
  userId: c.userId,
  displayName: c.displayName,
  email: c.email,
  since: c.since.toISOString(),
});
