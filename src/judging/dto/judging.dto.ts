import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
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
import { RubricCriterionDto, WITH_ZONE } from '../../competitions/dto/competition.dto';
import { COUNTRIES } from '../../common/reference-data';
import { trim, trimEach } from '../../common/http/transforms';
import type { CompetitionKind } from '../../competitions/rules/types';
import type { RoundStatus } from '../judging-round.entity';
import type { AssignmentOrigin, ScoreState } from '../judge-assignment.entity';
import { ASSET_ROLES, type AssetRole } from '../../competitions/rules/sniff';

export const COMMENT_MAX = 5000;
export const AWARDS = [
  'winner',
  'runner_up',
  'third_place',
  'special_mention',
  'audience_award',
  'best_directing',
  'best_screenplay',
  'best_impact',
] as const;
export type Award = (typeof AWARDS)[number];

export class ConflictsDto {
  @ApiPropertyOptional({ enum: COUNTRIES, isArray: true, description: 'entrants from these' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(11)
  @ArrayUnique()
  @IsIn(COUNTRIES, { each: true })
  countries?: string[];

  @ApiPropertyOptional({ type: [String], example: ['Seoul National University'] })
  @IsOptional()
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  institutions?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  teamIds?: string[];
}

export class UpdateJudgeDto {
  @ApiPropertyOptional({
    type: ConflictsDto,
    description: 'declared conflicts, added to any already there (none is ever removed)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConflictsDto)
  conflicts?: ConflictsDto;

  @ApiPropertyOptional({
    type: [String],
    description: 'topics assignment prefers to give this judge (replaces earlier ones)',
  })
  @IsOptional()
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(60, { each: true })
  expertise?: string[];
}

export class AddJudgeDto extends UpdateJudgeDto {
  @ApiProperty({ format: 'uuid', description: 'a user with the judge role' })
  @IsUUID()
  userId: string;
}

export class DeclaredConflictsDto {
  @ApiProperty({ enum: COUNTRIES, isArray: true }) countries: string[];
  @ApiProperty({ type: [String] }) institutions: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) teamIds: string[];
}

export class JudgeResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) competitionId: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: DeclaredConflictsDto }) conflicts: DeclaredConflictsDto;
  @ApiProperty({ type: [String] }) expertise: string[];
  @ApiProperty({
    description:
      'the judge declared conflicts not applied yet: their assignments here are on hold until the next assignment run, an edit of this judge, or the hourly maintenance',
  })
  conflictsUnderReview: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** The top-up runs a change queued: each round's view (GET /judging-rounds/{id}) follows one. */
export class ReassignmentDto {
  @ApiProperty({
    enum: ['queued', 'none'],
    description: 'queued: the worker gives the entries to other unconflicted judges shortly',
  })
  status: 'queued' | 'none';
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description:
      'one run per round; `assignment.jobId` of the round view, with `replaced` when done',
  })
  jobIds: string[];
}

export class JudgeUpdatedDto extends JudgeResponseDto {
  @ApiProperty({ description: 'assignments without a final score that now conflict, taken away' })
  assignmentsWithdrawn: number;
  @ApiProperty({ type: ReassignmentDto }) reassignment: ReassignmentDto;
}

export class JudgeRemovalPreviewDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({
    description:
      'their assignments without a final score in rounds not closed: these move to other judges, who are told',
  })
  assignmentsToMove: number;
  @ApiProperty({ description: 'their final scores, which stay and count' })
  finalScoresKept: number;
}

export class JudgeRemovedDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ description: 'assignments without a final score taken from them' })
  assignmentsWithdrawn: number;
  @ApiProperty({ description: 'their final scores, which stay and count' })
  finalScoresKept: number;
  @ApiProperty({ type: ReassignmentDto }) reassignment: ReassignmentDto;
}

/** A conflict the pool list detects between a judge and a live entry; assignment avoids the pair. */
export class DetectedConflictDto {
  @ApiProperty({ format: 'uuid' }) submissionId: string;
  @ApiProperty({ format: 'uuid' }) teamId: string;
  @ApiProperty({
    enum: [
      'declared_country',
      'declared_institution',
      'declared_team',
      'shared_institution',
      'team_member',
    ],
    isArray: true,
  })
  kinds: string[];
}

export class JudgePoolMemberDto extends JudgeResponseDto {
  @ApiProperty({ type: [DetectedConflictDto] }) detectedConflicts: DetectedConflictDto[];
}

export class JudgePoolDto {
  @ApiProperty({ type: [JudgePoolMemberDto] }) items: JudgePoolMemberDto[];
}

export class RoundSourceDto {
  @ApiProperty({ enum: ['all_submitted', 'shortlist'] })
  @IsIn(['all_submitted', 'shortlist'])
  type: 'all_submitted' | 'shortlist';

  @ApiPropertyOptional({ format: 'uuid', description: 'with type shortlist: the earlier round' })
  @ValidateIf((o: RoundSourceDto) => o.type === 'shortlist' || o.roundId !== undefined)
  @IsUUID()
  roundId?: string;
}

export class CreateJudgingRoundDto {
  @ApiProperty({ example: 'First round', maxLength: 120 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name: string;

  @ApiProperty({ minimum: 1, maximum: 20 })
  @IsInt()
  @Min(1)
  @Max(20)
  judgesPerEntry: number;

  @ApiProperty({ description: 'judges see no team, member or file names' })
  @IsBoolean()
  blind: boolean;

  @ApiProperty({ example: '2027-04-30T23:59:59+07:00' })
  @Matches(WITH_ZONE, {
    message: 'closesAt must be an ISO 8601 instant with Z or an offset',
  })
  closesAt: string;

  @ApiProperty({ type: RoundSourceDto })
  @ValidateNested()
  @Type(() => RoundSourceDto)
  source: RoundSourceDto;

  @ApiPropertyOptional({ minimum: 1, maximum: 10000, nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  maxLoad?: number | null;
}

export class UpdateJudgingRoundDto {
  @ApiPropertyOptional({ enum: ['open', 'closed'], description: 'draft → open → closed' })
  @IsOptional()
  @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';

  @ApiPropertyOptional({ description: 'moves the reminders with it' })
  @IsOptional()
  @Matches(WITH_ZONE, {
    message: 'closesAt must be an ISO 8601 instant with Z or an offset',
  })
  closesAt?: string;
}

export class JudgeLoadDto {
  @ApiProperty({ format: 'uuid', description: 'the judge user id' }) judgeId: string;
  @ApiProperty() load: number;
  @ApiProperty() added: number;
}

export class UnassignedDto {
  @ApiProperty({ format: 'uuid' }) entryId: string;
  @ApiProperty() assigned: number;
  @ApiProperty() needed: number;
  @ApiProperty({ enum: ['conflicts', 'capacity'] }) cause: 'conflicts' | 'capacity';
  @ApiProperty({ example: 'not enough unconflicted judges: 2 of 3' }) reason: string;
}

export class AssignmentStateDto {
  @ApiProperty({ enum: ['none', 'queued', 'running', 'succeeded', 'failed'] }) status:
    'none' | 'queued' | 'running' | 'succeeded' | 'failed';
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) jobId: string | null;
  @ApiProperty({ type: [JudgeLoadDto] }) perJudgeLoad: JudgeLoadDto[];
  @ApiProperty({ type: [UnassignedDto] }) unassigned: UnassignedDto[];
  @ApiPropertyOptional() added?: number;
  @ApiPropertyOptional() conflictCount?: number;
  @ApiPropertyOptional({
    enum: ['run', 'recusal', 'withdrawal'],
    description:
      "run: the coordinator's; recusal or withdrawal: a top-up after a judge stepped back or their open work was taken",
  })
  cause?: string;
  @ApiPropertyOptional({
    description: 'a finished top-up: how many of the entries it was for went to another judge',
  })
  replaced?: number;
  @ApiPropertyOptional({ nullable: true, type: String }) error?: string | null;
}

export class RoundResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) competitionId: string;
  @ApiProperty() name: string;
  @ApiProperty() judgesPerEntry: number;
  @ApiProperty() blind: boolean;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
  @ApiProperty({ type: RoundSourceDto }) source: RoundSourceDto;
  @ApiProperty({ nullable: true, type: Number }) maxLoad: number | null;
  @ApiProperty({
    enum: ['draft', 'open', 'closed'],
    description: 'an open round is closed once closesAt passes (server clock)',
  })
  status: RoundStatus;
  @ApiProperty({ type: [String], format: 'uuid' }) shortlist: string[];
  @ApiProperty({ type: AssignmentStateDto }) assignment: AssignmentStateDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class JobAcceptedDto {
  @ApiProperty({ format: 'uuid', description: 'the assignment run; GET the round for its state' })
  jobId: string;
}

export class ManualAssignmentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  submissionId: string;

  @ApiProperty({ format: 'uuid', description: 'the judge user id (in the pool)' })
  @IsUUID()
  judgeId: string;
}

export class AssetViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ASSET_ROLES }) role: AssetRole;
  @ApiProperty() mime: string;
  @ApiProperty() size: number;
  @ApiProperty({ description: 'download through the assignment' }) href: string;
}

export class JudgeSubmissionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['short_movie', 'project'] }) kind: CompetitionKind;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'content fields; in a blind round without credits and videoUrl',
  })
  fields: Record<string, unknown>;
  @ApiProperty({ type: [AssetViewDto] }) assets: AssetViewDto[];
  @ApiPropertyOptional({ description: 'only in rounds that are not blind' }) teamName?: string;
  @ApiPropertyOptional({ type: [String], description: 'only in rounds that are not blind' })
  memberNames?: string[];
}

export class ScoreViewDto {
  @ApiProperty({ enum: ['none', 'draft', 'final'] }) state: ScoreState;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  scores: Record<string, number>;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty({ description: 'send it back as `version` to save over this draft' })
  version: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) scoredAt: string | null;
}

export class MyAssignmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty() roundName: string;
  @ApiProperty({ format: 'uuid' }) competitionId: string;
  @ApiProperty() competitionTitle: string;
  @ApiProperty({
    example: 'Asia/Jakarta',
    description: 'the programme’s time zone, in which its deadlines are set',
  })
  timezone: string;
  @ApiProperty({
    type: [RubricCriterionDto],
    description: 'the criteria to score, each inside its [min, max]; the total weighs them',
  })
  rubric: RubricCriterionDto[];
  @ApiProperty() blind: boolean;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
  @ApiProperty({ enum: ['draft', 'open', 'closed'] }) roundStatus: 'draft' | 'open' | 'closed';
  @ApiProperty({ enum: ['active', 'recused', 'withdrawn'] }) status:
    'active' | 'recused' | 'withdrawn';
  @ApiProperty({
    enum: [
      'open',
      'recused',
      'withdrawn',
      'not_a_judge',
      'not_in_pool',
      'results_published',
      'round_closed',
      'conflict_review',
    ],
    description:
      'whether the judge may read the entry now (`open`), and if not why: the entry is then null',
  })
  access: string;
  @ApiProperty({
    type: JudgeSubmissionDto,
    nullable: true,
    description: 'null once the judge may no longer read the entry (see `access`)',
  })
  submission: JudgeSubmissionDto | null;
  @ApiProperty({ type: ScoreViewDto }) score: ScoreViewDto;
}

export class ScoreDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { story: 8, craft: 7 },
    description: "one value per rubric criterion, inside the criterion's [min, max]",
  })
  @IsObject()
  scores: Record<string, unknown>;

  @ApiPropertyOptional({ maxLength: COMMENT_MAX, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(COMMENT_MAX)
  comment?: string | null;

  @ApiProperty({ description: 'a final score can no longer change' })
  @IsBoolean()
  final: boolean;

  @ApiPropertyOptional({
    description: 'the score version this edit starts from (or If-Match); a stale one → 409',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  version?: number;
}

export class RecuseDto {
  @ApiProperty({ example: 'I taught one of the team members', maxLength: 1000 })
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason: string;
}

export class JudgeProgressDto {
  @ApiProperty({ format: 'uuid' }) judgeId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() assigned: number;
  @ApiProperty({ description: 'with a draft score' }) drafted: number;
  @ApiProperty() final: number;
}

export class EntryProgressDto {
  @ApiProperty({ format: 'uuid' }) submissionId: string;
  @ApiProperty() title: string;
  @ApiProperty() assigned: number;
  @ApiProperty() drafted: number;
  @ApiProperty() final: number;
  @ApiProperty() needed: number;
}

export class ProgressDto {
  @ApiProperty({ type: [JudgeProgressDto] }) judges: JudgeProgressDto[];
  @ApiProperty({ type: [EntryProgressDto] }) entries: EntryProgressDto[];
}

export class RankingRowDto {
  @ApiProperty({ format: 'uuid' }) submissionId: string;
  @ApiProperty() title: string;
  @ApiProperty() rank: number;
  @ApiProperty({ nullable: true, type: Number }) score: number | null;
  @ApiProperty({ nullable: true, type: Number }) rawMean: number | null;
  @ApiProperty() judgeCount: number;
  @ApiPropertyOptional({
    enum: ['median_judge_total', 'first_quartile_ranks', 'earliest_submission', 'submission_id'],
  })
  tieBreak?: string;
}

export class RankingQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv'] })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class ShortlistDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 10000, description: 'the top n of the ranking' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  top?: number;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  submissionIds?: string[];
}

export class ShortlistResponseDto {
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty({ type: [String], format: 'uuid' }) shortlist: string[];
}

export class AwardDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  submissionId: string;

  @ApiProperty({ enum: AWARDS })
  @IsIn(AWARDS)
  award: Award;
}

export class RecordResultsDto {
  @ApiProperty({ type: [AwardDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AwardDto)
  awards: AwardDto[];
}

export class ResultAwardDto {
  @ApiProperty({ format: 'uuid' }) submissionId: string;
  @ApiProperty() title: string;
  @ApiProperty() teamName: string;
  @ApiProperty({ enum: AWARDS }) award: Award;
}

export class ResultsPublishPreviewDto {
  @ApiProperty({ description: 'people publishing would tell: every member of a live entry' })
  people: number;
  @ApiProperty({ description: 'entries still in the competition, whose teams are told' })
  entries: number;
}

export class ResultsDto {
  @ApiProperty({ format: 'uuid' }) competitionId: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) publishedAt: string | null;
  @ApiProperty({ type: [ResultAwardDto] }) awards: ResultAwardDto[];
}

export class RemindResponseDto {
  @ApiProperty({ description: 'judges reminded' }) reminded: number;
}

/** An assignment as the programme's staff see it (no score). */
export class StaffAssignmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty({ format: 'uuid' }) submissionId: string;
  @ApiProperty({ format: 'uuid' }) judgeId: string;
  @ApiProperty({ enum: ['active', 'recused', 'removed'] }) status: 'active' | 'recused' | 'removed';
  @ApiProperty({
    enum: ['solver', 'manual'],
    description: 'how it was made: by the job or by hand',
  })
  origin: AssignmentOrigin;
  @ApiProperty({ enum: ['none', 'draft', 'final'] }) scoreState: ScoreState;
}

export class RecusedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['recused'] }) status: 'recused';
  @ApiProperty({
    type: ReassignmentDto,
    description: 'the top-up that gives the entry to another judge; the coordinators are told',
  })
  reassignment: ReassignmentDto;
}

/** "Remind now", to every judge with unfinished entries or to the ones named. */
export class RemindDto {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'only these judges (each still needs unfinished entries to be reminded)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  judgeIds?: string[];
}

/** An active assignment in the coordinator's review: coordinators are never blind. */
export class RoundAssignmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) submissionId: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'the team’s own name (staff only, also in blind rounds)' })
  teamName: string;
  @ApiProperty({ format: 'uuid' }) judgeId: string;
  @ApiProperty() judgeName: string;
  @ApiProperty({
    enum: ['solver', 'manual'],
    description: 'how it was made: by the job or by hand',
  })
  origin: AssignmentOrigin;
  @ApiProperty({ enum: ['none', 'draft', 'final'] }) scoreState: ScoreState;
}

export class RoundAssignmentsDto {
  @ApiProperty({ type: [RoundAssignmentDto] }) items: RoundAssignmentDto[];
}

export class JudgingRoundListDto {
  @ApiProperty({ type: [RoundResponseDto] }) items: RoundResponseDto[];
}

export class JudgeCandidatesQuery {
  @ApiProperty({ minLength: 2, maxLength: 100, description: 'part of a name or email' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  q: string;
}

export class JudgeCandidateDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() email: string;
}

export class JudgeCandidatesDto {
  @ApiProperty({ type: [JudgeCandidateDto] }) items: JudgeCandidateDto[];
}

export class StaffCompetitionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() programmeName: string;
  @ApiProperty({ example: 'Asia/Jakarta' }) timezone: string;
  @ApiProperty({ description: 'judging rounds so far' }) rounds: number;
  @ApiProperty({ description: 'judges in the pool' }) judges: number;
}

export class StaffCompetitionsDto {
  @ApiProperty({ type: [StaffCompetitionDto] }) items: StaffCompetitionDto[];
}
