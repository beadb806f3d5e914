import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { trim, trimLower } from '../../common/http/transforms';
import { PageMetaDto } from '../../common/http/pagination';
import { COMPETITION_KINDS, SUBMISSION_STATUSES } from '../rules/types';
import type { CompetitionKind, SubmissionStatus } from '../rules/types';

export class CreateTeamDto {
  @ApiProperty({ example: 'Seoul–Hanoi Crew', maxLength: 120 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name: string;
}

export class UpdateTeamDto {
  @ApiPropertyOptional({ example: 'Seoul–Hanoi Crew', maxLength: 120 })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name?: string;

  @ApiPropertyOptional({
    example: 'Paper Boats Crew',
    maxLength: 120,
    nullable: true,
    type: String,
    description: 'the name published results show; null goes back to the neutral "Team <code>"',
  })
  @Transform(trim)
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  publicName?: string | null;
}

export class InviteDto {
  @ApiProperty({ example: 'friend@example.com' })
  @Transform(trimLower)
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class TeamMemberDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ nullable: true, type: String }) country: string | null;
  @ApiProperty({ enum: ['leader', 'member'] }) role: 'leader' | 'member';
  @ApiProperty({ format: 'date-time' }) joinedAt: string;
}

export class InvitationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ['pending', 'accepted', 'declined', 'revoked'] }) status:
    'pending' | 'accepted' | 'declined' | 'revoked';
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

/** The invitation just sent, with the team it is for. */
export class SentInvitationDto extends InvitationDto {
  @ApiProperty({ format: 'uuid' }) teamId: string;
}

export class TeamResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) competitionId: string;
  @ApiProperty() name: string;
  @ApiProperty({
    description: 'the name published results show: chosen by the leader, else "Team <code>"',
  })
  publicName: string;
  @ApiProperty({ format: 'uuid' }) leaderId: string;
  @ApiProperty({ type: [TeamMemberDto] }) members: TeamMemberDto[];
  @ApiProperty({ type: [InvitationDto], description: 'pending invitations' })
  invitations: InvitationDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class InvitationPreviewDto {
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty() teamName: string;
  @ApiProperty({ format: 'uuid' }) competitionId: string;
  @ApiProperty() competitionTitle: string;
  @ApiProperty({ nullable: true, type: String }) inviterName: string | null;
  @ApiProperty({ description: 'only this account may accept' }) email: string;
  @ApiProperty({ enum: ['pending', 'accepted', 'declined', 'revoked', 'expired'] }) status:
    'pending' | 'accepted' | 'declined' | 'revoked' | 'expired';
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class InvitationDeclinedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty({ enum: ['declined'] }) status: 'declined';
}

export class MyTeamEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: SUBMISSION_STATUSES }) status: SubmissionStatus;
}

export class MyTeamDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) competitionId: string;
  @ApiProperty() competitionTitle: string;
  @ApiProperty({ enum: COMPETITION_KINDS }) competitionKind: CompetitionKind;
  @ApiProperty({ format: 'date-time' }) submissionClosesAt: string;
  @ApiProperty() name: string;
  @ApiProperty() publicName: string;
  @ApiProperty({ format: 'uuid' }) leaderId: string;
  @ApiProperty({ enum: ['leader', 'member'] }) myRole: 'leader' | 'member';
  @ApiProperty({ type: [TeamMemberDto] }) members: TeamMemberDto[];
  @ApiProperty({
    type: MyTeamEntryDto,
    nullable: true,
    description: "the team's entry, or null while none was started",
  })
  entry: MyTeamEntryDto | null;
  @ApiProperty({ type: [InvitationDto], description: 'pending invitations the caller sent' })
  invitationsSent: InvitationDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class MyTeamPageDto extends PageMetaDto {
  @ApiProperty({ type: [MyTeamDto] }) items: MyTeamDto[];
}
