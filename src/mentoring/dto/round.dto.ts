import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsOptional,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { WITH_ZONE } from '../../competitions/dto/competition.dto';
import { trim } from '../../common/http/transforms';
import { PageMetaDto, PageQuery } from '../../common/http/pagination';
import { SECTORS, type Sector } from '../core/types';

export class TeamSourceDto {
  @ApiProperty({ enum: ['awarded', 'shortlist'] })
  @IsIn(['awarded', 'shortlist'])
  type: 'awarded' | 'shortlist';

  @ApiPropertyOptional({ format: 'uuid', description: 'with type shortlist: the judging round' })
  @ValidateIf((o: TeamSourceDto) => o.type === 'shortlist' || o.roundId !== undefined)
  @IsUUID()
  roundId?: string;
}

export class CreateMentoringRoundDto {
  @ApiProperty({ example: 'Mentoring 2027', maxLength: 120 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name: string;

  @ApiProperty({ type: TeamSourceDto })
  @ValidateNested()
  @Type(() => TeamSourceDto)
  teams: TeamSourceDto;

  @ApiProperty({ minimum: 1, maximum: 3 })
  @IsInt()
  @Min(1)
  @Max(3)
  mentorsPerTeam: number;

  @ApiProperty({ example: '2027-06-01T00:00:00+07:00' })
  @Matches(WITH_ZONE, { message: 'startsAt must be an ISO 8601 instant with Z or an offset' })
  startsAt: string;

  @ApiProperty({ example: '2027-09-30T23:59:59+07:00' })
  @Matches(WITH_ZONE, { message: 'endsAt must be an ISO 8601 instant with Z or an offset' })
  endsAt: string;
}

export class AddMentorDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId: string;
}

export class PairRuleDto {
  @ApiProperty({ format: 'uuid', description: 'the team entry (submission)' })
  @IsUUID()
  submissionId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  mentorId: string;

  @ApiProperty({ enum: ['pin', 'forbid'] })
  @IsIn(['pin', 'forbid'])
  type: 'pin' | 'forbid';
}

export class TeamSourceViewDto {
  @ApiProperty({ enum: ['awarded', 'shortlist'] }) type: 'awarded' | 'shortlist';
  @ApiPropertyOptional({ format: 'uuid' }) roundId?: string;
}

export class MentoringRoundViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) competitionId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: TeamSourceViewDto }) teams: TeamSourceViewDto;
  @ApiProperty() mentorsPerTeam: number;
  @ApiProperty() startsAt: Date;
  @ApiProperty() endsAt: Date;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ description: 'mentors added to the round' }) mentorCount: number;
  @ApiProperty({ description: 'team entries the round takes' }) teamCount: number;
  @ApiProperty({ description: 'published mentorships' }) mentorshipCount: number;
}

export class MentoringRoundListDto {
  @ApiProperty({ type: [MentoringRoundViewDto] }) items: MentoringRoundViewDto[];
}

export class RoundMentorDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() organisation: string;
  @ApiProperty({ enum: SECTORS }) sector: Sector;
  @ApiProperty() capacity: number;
  @ApiProperty({ type: [Number] }) sdgs: number[];
  @ApiProperty({ type: [String] }) countries: string[];
  @ApiProperty() addedAt: Date;
}

export class RoundTeamDto {
  @ApiProperty({ format: 'uuid' }) submissionId: string;
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty() teamName: string;
  @ApiProperty() projectTitle: string;
  @ApiProperty({ type: [Number] }) sdgs: number[];
  @ApiProperty({ type: [String] }) targetCountries: string[];
}

export class PairRuleViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) submissionId: string;
  @ApiProperty({ format: 'uuid' }) mentorId: string;
  @ApiProperty({ enum: ['pin', 'forbid'] }) type: 'pin' | 'forbid';
  @ApiProperty() createdAt: Date;
}

export class MentoringRoundDetailDto extends MentoringRoundViewDto {
  @ApiProperty({ type: [RoundMentorDto] }) mentors: RoundMentorDto[];
  @ApiProperty({ type: [RoundTeamDto] }) teamEntries: RoundTeamDto[];
  @ApiProperty({ type: [PairRuleViewDto] }) rules: PairRuleViewDto[];
}

export class MentorCandidateDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: String, nullable: true }) organisation: string | null;
  @ApiProperty({ type: String, nullable: true, enum: SECTORS }) sector: Sector | null;
  @ApiProperty({ description: 'has a mentor profile (only then can be added)' })
  hasProfile: boolean;
}

export class MentorCandidatePageDto extends PageMetaDto {
  @ApiProperty({ type: [MentorCandidateDto] }) items: MentorCandidateDto[];
}

export class MentorSearchQuery extends PageQuery {
  @ApiPropertyOptional({ maxLength: 100, description: 'part of a name or email address' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;
}
