import type { MentorProfileViewDto } from './dto/mentor-profile.dto';
import type { MentorProfile } from './mentor-profile.entity';

export const mentorProfileView = (p: MentorProfile): MentorProfileViewDto => ({
  userId: p.userId,
  organisation: p.organisation,
  sector: p.sector,
  expertise: { sdgs: p.sdgs, topics: p.topics },
  countries: p.countries,
  languages: p.languages,
  capacity: p.capacity,
  bio: p.bio,
  updatedAt: p.updatedAt,
});
