import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageMetaDto } from '../../common/http/pagination';
import { GENDERS, LanguageDto } from '../../identity/dto/profile.dto';
import { ASEAN_COUNTRIES, COUNTRIES, type Country } from '../../common/reference-data';
import type { RunStatus } from '../matching-run.entity';
import {
  type AseanCountry,
  type ShortfallReason,
  UNMATCHED_REASONS,
  type UnmatchedReason,
} from '../matching';
import type { MatchResponse, MatchStatus } from '../penpal-match.entity';
import { CountryBalanceDto, RoundRulesDto, RoundWeightsDto } from './round.dto';

// Typed against the entity unions so a renamed value fails to compile here.
const RUN_STATUSES: RunStatus[] = ['queued', 'running', 'succeeded', 'failed'];
const MATCH_STATUSES: MatchStatus[] = [
  'proposed',
  'published',
  'accepted',
  'declined',
  'carried',
  'cancelled',
  'ended',
];
const MATCH_RESPONSES: MatchResponse[] = ['pending', 'accepted', 'declined'];
const SHORTFALL_REASONS: ShortfallReason[] = [
  'too_few_participants',
  'too_few_korean_partners',
  'too_few_compatible_partners',
];

// Rounds

export class PenpalRoundLocalWindowDto {
  @ApiProperty({ example: 'Asia/Seoul' }) timezone: string;
  @ApiProperty({ format: 'date-time', example: '2027-03-01T09:00:00+09:00' })
  enrolmentOpensAt: string;
  @ApiProperty({ format: 'date-time', example: '2027-03-15T23:59:00+09:00' })
  enrolmentClosesAt: string;
}

export class PenpalRoundDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) enrolmentOpensAt: Date;
  @ApiProperty({ format: 'date-time' }) enrolmentClosesAt: Date;
  @ApiProperty({
    type: PenpalRoundLocalWindowDto,
    description: "the same window in the programme's time zone",
  })
  local: PenpalRoundLocalWindowDto;
  @ApiProperty({ enum: ['not_open', 'open', 'closed'] }) enrolment: 'not_open' | 'open' | 'closed';
  @ApiProperty() penpalsPerParticipant: number;
  @ApiProperty({ type: RoundRulesDto }) rules: RoundRulesDto;
  @ApiProperty({ type: RoundWeightsDto }) weights: RoundWeightsDto;
  @ApiProperty({ type: CountryBalanceDto }) countryBalance: CountryBalanceDto;
  @ApiProperty({ enum: ['none', 'distance'] }) letterDelay: 'none' | 'distance';
  @ApiProperty() lettersPerDay: number;
  @ApiProperty() screenAdultLetters: boolean;
}

/** A round in its programme's list, with how far it has come. */
export class ProgrammeRoundDto extends PenpalRoundDto {
  @ApiProperty({ description: 'people enrolled now' }) enrolled: number;
  @ApiProperty({ description: 'matching runs started' }) runs: number;
  @ApiProperty({
    format: 'date-time',
    type: String,
    nullable: true,
    description: 'when a run was last published',
  })
  publishedAt: Date | null;
}

// Enrolments

export class PenpalEnrolmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ enum: COUNTRIES, isArray: true }) preferredCountries: string[];
  @ApiProperty({ type: [String], description: 'ISO 639-1 codes' }) practiseLanguages: string[];
  @ApiProperty({ enum: GENDERS, nullable: true, type: String }) genderPreference: string | null;
  @ApiProperty() capacity: number;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

/** A round a person may enrol in, or is enrolled in, with their own enrolment. */
export class MyPenpalRoundDto extends PenpalRoundDto {
  @ApiProperty({
    type: PenpalEnrolmentDto,
    nullable: true,
    description: "the caller's enrolment in this round, or null",
  })
  myEnrolment: PenpalEnrolmentDto | null;
}

export class EnrolledPersonDto {
  @ApiProperty({ format: 'uuid', description: 'the enrolment' }) id: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: COUNTRIES, nullable: true, type: String }) country: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2003-05-05' })
  dateOfBirth: string | null;
  @ApiProperty() capacity: number;
  @ApiProperty({ enum: COUNTRIES, isArray: true }) preferredCountries: string[];
  @ApiProperty({ type: [String], description: 'ISO 639-1 codes' }) practiseLanguages: string[];
  @ApiProperty({ enum: GENDERS, nullable: true, type: String }) genderPreference: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class EnrolledPersonPageDto extends PageMetaDto {
  @ApiProperty({ type: [EnrolledPersonDto] }) items: EnrolledPersonDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'People enrolled in the whole round per country code (whatever the page)',
    example: { KR: 2, LA: 1 },
  })
  byCountry: Record<string, number>;
}

// Constraints

export class PenpalConstraintDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['pin', 'forbid'] }) type: 'pin' | 'forbid';
  @ApiProperty({ type: [String], format: 'uuid', minItems: 2, maxItems: 2, description: 'sorted' })
  userIds: string[];
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

// Matching runs

export class RunStartedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: RUN_STATUSES, example: 'queued' }) status: RunStatus;
}

export class CountryShortfallDto {
  @ApiProperty({ enum: ASEAN_COUNTRIES }) country: AseanCountry;
  @ApiProperty() minimum: number;
  @ApiProperty() achieved: number;
  @ApiProperty() shortfall: number;
  @ApiProperty({ enum: SHORTFALL_REASONS }) reason: ShortfallReason;
  @ApiProperty() detail: string;
}

export class MatchingObjectiveDto {
  @ApiProperty({ description: 'sum over ASEAN countries of min(pairs, minimum)' })
  quotaPairs: number;
  @ApiProperty({ description: 'sum of shortfalls against the minimum' }) shortfall: number;
  @ApiProperty() matchedPeople: number;
  @ApiProperty() totalScore: number;
  @ApiProperty({ description: 'optimum of the min-cost-flow network, in its own units' })
  flowCost: number;
  @ApiProperty({ enum: ['assignment', 'cost-scaling', 'network-simplex'] })
  method: 'assignment' | 'cost-scaling' | 'network-simplex';
  @ApiProperty() quotaWeight: number;
  @ApiProperty() personWeight: number;
}

export class RunDurationsDto {
  @ApiProperty() load: number;
  @ApiProperty() prepare: number;
  @ApiProperty() candidates: number;
  @ApiProperty() solve: number;
  @ApiProperty() report: number;
  @ApiProperty() save: number;
  @ApiProperty() total: number;
}

export class RunStatsDto {
  @ApiProperty() enrolled: number;
  @ApiProperty({ description: 'consented, within the age rules, with capacity' })
  eligible: number;
  @ApiProperty({ description: 'people with at least one pair' }) matched: number;
  @ApiProperty() unmatched: number;
  @ApiProperty() pairs: number;
  @ApiProperty() pinnedPairs: number;
  @ApiProperty() meanScore: number;
  @ApiProperty() medianScore: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'pairs per country code; KR counts every pair',
  })
  byCountry: Record<string, number>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'country code → people enrolled',
  })
  enrolledByCountry: Record<string, number>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'country code → people matched',
  })
  matchedByCountry: Record<string, number>;
  @ApiProperty() minPerCountry: number;
  @ApiProperty({ type: [CountryShortfallDto] }) shortfalls: CountryShortfallDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: `reason (${UNMATCHED_REASONS.join(', ')}) → people`,
  })
  unmatchedByReason: Record<string, number>;
  @ApiProperty() candidateEdges: number;
  @ApiProperty({ type: MatchingObjectiveDto }) objective: MatchingObjectiveDto;
  @ApiProperty({ type: RunDurationsDto, description: 'milliseconds per phase' })
  durationMs: RunDurationsDto;
  @ApiProperty({ type: [String] }) warnings: string[];
}

export class MatchingRunDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty({ enum: RUN_STATUSES }) status: RunStatus;
  @ApiProperty({ minimum: 0, maximum: 1 }) progress: number;
  @ApiProperty() seed: string;
  @ApiPropertyOptional({ type: RunStatsDto, description: 'once the run has succeeded' })
  stats?: RunStatsDto;
  @ApiPropertyOptional({ description: 'once the run has failed' }) error?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) startedAt: Date | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt: Date | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) publishedAt: Date | null;
}

export class MatchingRunPageDto extends PageMetaDto {
  @ApiProperty({ type: [MatchingRunDto] }) items: MatchingRunDto[];
}

export class MatchSideDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: COUNTRIES }) country: Country;
}

export class ProposedMatchDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: MatchSideDto, description: 'the Korean participant' }) a: MatchSideDto;
  @ApiProperty({ type: MatchSideDto, description: 'the ASEAN participant' }) b: MatchSideDto;
  @ApiProperty({ minimum: 0, maximum: 100 }) score: number;
  @ApiProperty({ type: [String], example: ['both speak English'] }) reasons: string[];
  @ApiProperty() pinned: boolean;
  @ApiProperty({ enum: MATCH_STATUSES }) status: MatchStatus;
}

export class ProposedMatchPageDto extends PageMetaDto {
  @ApiProperty({ type: [ProposedMatchDto] }) items: ProposedMatchDto[];
}

export class UnmatchedPersonDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: COUNTRIES }) country: Country;
  @ApiProperty({ enum: UNMATCHED_REASONS }) reason: UnmatchedReason;
  @ApiProperty({ description: 'a sentence for the coordinator' }) detail: string;
}

export class UnmatchedPersonPageDto extends PageMetaDto {
  @ApiProperty({ type: [UnmatchedPersonDto] }) items: UnmatchedPersonDto[];
}

export class PublishNotifiedDto {
  @ApiProperty({ description: 'people told about a new pen pal' }) matched: number;
  @ApiProperty({ description: 'people told they stay in the queue' }) unmatched: number;
}

export class PublishPreviewDto {
  @ApiProperty({ description: 'people who would be told about a new pen pal' }) matched: number;
  @ApiProperty({ description: 'people who would be told they stay in the queue' })
  unmatched: number;
  @ApiProperty({
    description: 'pairs that would stay unpublished (consent or age class changed since the run)',
  })
  skipped: number;
}

export class PublishSkippedDto {
  @ApiProperty({ format: 'uuid' }) matchId: string;
  @ApiProperty({
    enum: ['consent', 'age_class'],
    description:
      'consent: a member may no longer take part (a minor without confirmed guardian consent); age_class: a minor with an adult after a birth-date correction',
  })
  reason: string;
}

export class RunPublishedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: RUN_STATUSES, example: 'succeeded' }) status: RunStatus;
  @ApiProperty({ format: 'date-time' }) publishedAt: Date;
  @ApiProperty({ type: PublishNotifiedDto }) notified: PublishNotifiedDto;
  @ApiProperty({
    type: [PublishSkippedDto],
    description:
      'proposed pairs left unpublished because consent or a birth date changed since the run',
  })
  skipped: PublishSkippedDto[];
}

// A participant's own matches

export class PenpalProfileDto {
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: COUNTRIES, nullable: true, type: String }) country: string | null;
  @ApiProperty({ type: [LanguageDto], nullable: true }) languages: LanguageDto[] | null;
  @ApiProperty({ type: [String], nullable: true }) interests: string[] | null;
}

export class MyPenpalDto {
  @ApiProperty({ format: 'uuid' }) matchId: string;
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty() roundName: string;
  @ApiProperty({
    enum: ['published', 'accepted', 'declined', 'ended'],
    description: 'ended: one of the two ended it (letters stay readable, no new ones)',
  })
  status: 'published' | 'accepted' | 'declined' | 'ended';
  @ApiProperty({ enum: MATCH_RESPONSES }) myResponse: MatchResponse;
  @ApiProperty({ enum: MATCH_RESPONSES }) penpalResponse: MatchResponse;
  @ApiProperty({ minimum: 0, maximum: 100 }) score: number;
  @ApiProperty({ type: [String] }) reasons: string[];
  @ApiProperty({ type: PenpalProfileDto, description: 'never email, birth date or institution' })
  penpal: PenpalProfileDto;
}

export class MatchCancelledDto {
  @ApiProperty({ format: 'uuid' }) matchId: string;
  @ApiProperty({ enum: ['cancelled'] }) status: 'cancelled';
}

export class MatchRespondedDto {
  @ApiProperty({ format: 'uuid' }) matchId: string;
  @ApiProperty({ enum: ['published', 'accepted', 'declined'] }) status:
    'published' | 'accepted' | 'declined';
  @ApiProperty({ enum: ['accepted', 'declined'] }) myResponse: 'accepted' | 'declined';
}

export class CountryComparisonDto {
  @ApiProperty({ example: 'LA' }) country: string;
  @ApiProperty() pairsBefore: number;
  @ApiProperty() pairsAfter: number;
  @ApiProperty() kept: number;
  @ApiProperty() lost: number;
  @ApiProperty() gained: number;
  @ApiProperty({ description: 'people of the country with a pair in the first run' })
  matchedBefore: number;
  @ApiProperty({ description: 'people of the country with a pair in the second run' })
  matchedAfter: number;
  @ApiProperty({ description: 'people of the country enrolled (from the second run)' })
  enrolled: number;
}

export class RunComparisonDto {
  @ApiProperty({ format: 'uuid' }) runId: string;
  @ApiProperty({ format: 'uuid' }) otherRunId: string;
  @ApiProperty({ description: 'pairs in both runs' }) kept: number;
  @ApiProperty({ description: 'pairs of the first run the second does not have' }) lost: number;
  @ApiProperty({ description: 'pairs of the second run the first did not have' }) gained: number;
  @ApiProperty({ type: [CountryComparisonDto] }) byCountry: CountryComparisonDto[];
}
