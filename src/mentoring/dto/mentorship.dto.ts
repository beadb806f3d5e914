import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { trim } from '../../common/http/transforms';
import { SECTORS, type Sector } from '../core/types';

export class CheckInDto {
  @ApiProperty({ example: '2027-06-14', description: 'YYYY-MM-DD, not in the future' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'happenedOn must be a date as YYYY-MM-DD' })
  happenedOn: string;

  @ApiProperty({ maxLength: 4000, description: 'what was discussed' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  summary: string;

  @ApiPropertyOptional({ maxLength: 4000, nullable: true, type: String })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(4000)
  nextSteps?: string | null;
}

export class CheckInViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() happenedOn: string;
  @ApiProperty() summary: string;
  @ApiProperty({ type: String, nullable: true }) nextSteps: string | null;
  @ApiProperty({ description: 'who wrote it ("Former member" once deleted)' }) authorName: string;
  @ApiProperty() createdAt: Date;
}

export class MemberViewDto {
  @ApiProperty() displayName: string;
  @ApiProperty({ type: String, nullable: true }) country: string | null;
}

export class MentorshipTeamDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [MemberViewDto] }) members: MemberViewDto[];
}

export class MentorshipProjectDto {
  @ApiProperty({ format: 'uuid' }) submissionId: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) problem: string | null;
  @ApiProperty({ type: [Number] }) sdgs: number[];
  @ApiProperty({ type: [String] }) targetCountries: string[];
}

export class MentorshipMentorDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() organisation: string;
  @ApiProperty({
    enum: SECTORS,
    nullable: true,
    description: 'null once the mentor erased their account (their profile is gone)',
  })
  sector: Sector | null;
  @ApiProperty({ type: String, nullable: true }) bio: string | null;
}

export class MyMentorshipDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['mentor', 'team'], description: 'my side of the mentorship' })
  as: 'mentor' | 'team';
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty() roundName: string;
  @ApiProperty({ type: MentorshipTeamDto }) team: MentorshipTeamDto;
  @ApiProperty({ type: MentorshipProjectDto }) project: MentorshipProjectDto;
  @ApiProperty({ type: MentorshipMentorDto }) mentor: MentorshipMentorDto;
  @ApiProperty({ type: [String], description: 'why this pair, in my language' }) reasons: string[];
  @ApiProperty({ enum: ['active', 'ended'] }) status: 'active' | 'ended';
  @ApiProperty() startedAt: Date;
  @ApiProperty() lastActivityAt: Date;
  @ApiProperty({ type: [CheckInViewDto] }) checkIns: CheckInViewDto[];
}

export class ReportRowDto {
  @ApiProperty({ format: 'uuid' }) mentorshipId: string;
  @ApiProperty({ format: 'uuid' }) submissionId: string;
  @ApiProperty() teamName: string;
  @ApiProperty() projectTitle: string;
  @ApiProperty({ type: MentorshipMentorDto }) mentor: MentorshipMentorDto;
  @ApiProperty({ enum: ['active', 'ended'] }) status: 'active' | 'ended';
  @ApiProperty({ description: 'active with no check-in for 30 days' }) silent: boolean;
  @ApiProperty() checkInCount: number;
  @ApiProperty() lastActivityAt: Date;
  @ApiProperty({ type: [CheckInViewDto] }) checkIns: CheckInViewDto[];
}

export class MentoringReportDto {
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty() roundName: string;
  @ApiProperty() mentorships: number;
  @ApiProperty() active: number;
  @ApiProperty() silent: number;
  @ApiProperty() checkIns: number;
  @ApiProperty({ type: [ReportRowDto] }) items: ReportRowDto[];
}
