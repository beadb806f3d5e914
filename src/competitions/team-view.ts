import type { InvitationDto, TeamMemberDto, TeamResponseDto } from './dto/team.dto';
import type { RosterMember } from './roster.store';
import { publicTeamName, type Team, type TeamInvitation } from './team.entity';

export const toInvitationDto = (i: TeamInvitation): InvitationDto => ({
  id: i.id,
  email: i.email,
  status: i.status,
  expiresAt: i.expiresAt.toISOString(),
});

export const toTeamMemberDto = (r: RosterMember, leaderId: string): TeamMemberDto => ({
  userId: r.userId,
  displayName: r.displayName,
  country: r.country,
  role: r.userId === leaderId ? 'leader' : 'member',
  joinedAt: r.joinedAt.toISOString(),
});

export const toTeamDto = (
  team: Team,
  roster: RosterMember[],
  invitations: TeamInvitation[],
): TeamResponseDto => ({
  id: team.id,
  competitionId: team.competitionId,
  name: team.name,
  publicName: publicTeamName(team),
  leaderId: team.leaderId,
  members: roster.map((r) => toTeamMemberDto(r, team.leaderId)),
  invitations: invitations.map(toInvitationDto),
  createdAt: team.createdAt.toISOString(),
});
