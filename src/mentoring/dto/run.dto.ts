import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageMetaDto } from '../../common/http/pagination';
import { SECTORS, type Sector } from '../core/types';

export class RunAcceptedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
}

export class ShortTeamDto {
  @ApiProperty({ format: 'uuid' }) submissionId: string;
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty() wanted: number;
  @ApiProperty() got: number;
  @ApiProperty({ enum: ['no_mentors', 'institution_conflict', 'forbidden', 'mentors_full'] })
  reason: string;
  @ApiProperty({ description: 'the reason in the reader’s language' }) reasonText: string;
  @ApiProperty({ description: 'mentors ruled out: a member is from their institution' })
  conflicted: number;
  @ApiProperty({ description: 'mentors ruled out by the coordinator' }) forbidden: number;
}

export class SolverStatsDto {
  @ApiProperty({ description: 'pairs handed to the solver (of teams × mentors)' })
  candidatePairs: number;
  @ApiProperty({ description: 'solves until pricing found no better pair' }) pricedRounds: number;
  @ApiProperty() pivots: number;
  @ApiProperty({ description: 'total score less the sector-repeat costs' }) objective: number;
  @ApiProperty() loadMs: number;
  @ApiProperty() solveMs: number;
  @ApiProperty() saveMs: number;
}

export class MentoringRunStatsDto {
  @ApiProperty() teams: number;
  @ApiProperty() mentors: number;
  @ApiProperty() pairs: number;
  @ApiProperty() pinnedPairs: number;
  @ApiProperty() teamsFull: number;
  @ApiProperty() teamsShort: number;
  @ApiProperty() meanScore: number;
  @ApiProperty({ description: 'teams whose mentors all come from different sectors' })
  mixedTeams: number;
  @ApiProperty({ type: [ShortTeamDto] }) short: ShortTeamDto[];
  @ApiProperty({ type: [String] }) warnings: string[];
  @ApiProperty({ type: SolverStatsDto }) solver: SolverStatsDto;
}

export class MentoringRunDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty({ enum: ['queued', 'running', 'succeeded', 'failed'] }) status:
    'queued' | 'running' | 'succeeded' | 'failed';
  @ApiProperty({ minimum: 0, maximum: 1 }) progress: number;
  @ApiPropertyOptional({ type: MentoringRunStatsDto }) stats?: MentoringRunStatsDto;
  @ApiPropertyOptional() error?: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) finishedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) publishedAt: Date | null;
}

export class MentoringRunListDto {
  @ApiProperty({ type: [MentoringRunDto] }) items: MentoringRunDto[];
}

export class MatchMentorDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() organisation: string;
  @ApiProperty({
    enum: SECTORS,
    nullable: true,
    description: 'null once the mentor erased their account (their profile is gone)',
  })
  sector: Sector | null;
}

export class MentoringMatchDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty({ format: 'uuid' }) submissionId: string;
  @ApiProperty() teamName: string;
  @ApiProperty({ type: MatchMentorDto }) mentor: MatchMentorDto;
  @ApiProperty() score: number;
  @ApiProperty({ type: [String], description: 'in the reader’s language' }) reasons: string[];
  @ApiProperty() pinned: boolean;
}

export class MentoringMatchPageDto extends PageMetaDto {
  @ApiProperty({ type: [MentoringMatchDto] }) items: MentoringMatchDto[];
}

export class MentoringPublishedDto {
  @ApiProperty({ format: 'uuid' }) runId: string;
  @ApiProperty({ description: 'new mentorships' }) mentorships: number;
  @ApiProperty({ description: 'introductions queued (mentors and team members)' })
  introductions: number;
}
