import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageMetaDto, PageQuery } from '../../common/http/pagination';
import { CONTACT_KINDS, type ContactKind } from '../detector/contact-detector';
import { REPORT_REASONS } from '../moderation-case.entity';

export const MAX_LETTER_LENGTH = 20_000;

export class WriteLetterDto {
  @ApiProperty({ minLength: 1, maxLength: MAX_LETTER_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_LETTER_LENGTH)
  @Matches(/\S/, { message: 'body must not be blank' })
  body: string;

  @ApiPropertyOptional({
    description: 'ISO 639-1 code; the writer’s language when left out',
    example: 'ko',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, { message: 'language must be a language code' })
  language?: string;
}

export class WrittenLetterDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['scheduled', 'delivered', 'held'] }) status:
    'scheduled' | 'delivered' | 'held';
  @ApiProperty({ format: 'date-time' }) deliverAt: Date;
  @ApiPropertyOptional({ enum: ['contact_details'], description: 'Why the letter is held' })
  heldReason?: string;
  @ApiPropertyOptional({ enum: CONTACT_KINDS, isArray: true })
  heldKinds?: string[];
}

export class LetterDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['me', 'penpal'] }) from: 'me' | 'penpal';
  @ApiProperty() body: string;
  @ApiProperty({ nullable: true, type: String }) language: string | null;
  @ApiProperty({ enum: ['scheduled', 'delivered', 'held', 'removed'] }) status:
    'scheduled' | 'delivered' | 'held' | 'removed';
  @ApiProperty({ format: 'date-time' }) deliverAt: Date;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiPropertyOptional({ enum: ['contact_details'], description: 'Own held letters only' })
  heldReason?: string;
}

export class LetterPageDto extends PageMetaDto {
  @ApiProperty({ type: [LetterDto] }) items: LetterDto[];
}

export class LetterReadDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) readAt: Date;
}

export class MatchUnreadDto {
  @ApiProperty({ format: 'uuid' }) matchId: string;
  @ApiProperty({ minimum: 1 }) unread: number;
}

export class UnreadLettersDto {
  @ApiProperty({ description: 'Unread letters over all my matches' }) total: number;
  @ApiProperty({ type: [MatchUnreadDto], description: 'Only matches with unread letters' })
  matches: MatchUnreadDto[];
}

export class MatchReadDto {
  @ApiProperty({ format: 'uuid' }) matchId: string;
  @ApiProperty({ description: 'How many letters were marked read now' }) marked: number;
}

export class ReportLetterDto {
  @ApiProperty({ enum: REPORT_REASONS })
  @IsIn(REPORT_REASONS)
  reason: (typeof REPORT_REASONS)[number];

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  detail?: string;
}

export class ReportedDto {
  @ApiProperty({ format: 'uuid', description: 'The moderation case' }) id: string;
  @ApiProperty({ enum: ['report'] }) kind: 'report';
  @ApiProperty({ enum: REPORT_REASONS }) reason: (typeof REPORT_REASONS)[number];
  @ApiProperty({ enum: ['open'] }) status: 'open';
}

export class DecidedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['decided'] }) status: 'decided';
  @ApiProperty({ enum: ['release', 'remove', 'end_match'] }) decision:
    'release' | 'remove' | 'end_match';
  @ApiProperty({ format: 'date-time' }) decidedAt: Date;
}

export class EndMatchDto {
  @ApiPropertyOptional({
    maxLength: 2000,
    description: 'Kept for the coordinators; the pen pal is not told',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class MatchEndedDto {
  @ApiProperty({ format: 'uuid' }) matchId: string;
  @ApiProperty({ enum: ['ended'] }) status: 'ended';
}

export class CaseQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'decided'] })
  @IsOptional()
  @IsIn(['open', 'decided'])
  status?: 'open' | 'decided';
}

export class DecisionDto {
  @ApiProperty({ enum: ['release', 'remove', 'end_match'] })
  @IsIn(['release', 'remove', 'end_match'])
  action: 'release' | 'remove' | 'end_match';

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class CasePersonDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ nullable: true, type: String }) country: string | null;
  @ApiProperty() minor: boolean;
}

export class FindingDto {
  @ApiProperty({ enum: CONTACT_KINDS }) kind: ContactKind;
  @ApiProperty({
    description:
      'The contact detail as the detector read it: usually the words of the letter, else normalised (full-width or local digits as ASCII, spacing undone)',
  })
  text: string;
}

export class CaseLetterDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) matchId: string;
  @ApiProperty() body: string;
  @ApiProperty({ enum: ['scheduled', 'delivered', 'held', 'removed'] }) status:
    'scheduled' | 'delivered' | 'held' | 'removed';
  @ApiProperty({ enum: CONTACT_KINDS, isArray: true }) heldKinds: string[];
  @ApiProperty({
    type: [FindingDto],
    description: 'What the contact-details detector finds in the letter now, for the moderator',
  })
  findings: FindingDto[];
  @ApiProperty({ type: CasePersonDto }) from: CasePersonDto;
  @ApiProperty({ type: CasePersonDto }) to: CasePersonDto;
}

export class ModerationCaseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['held', 'report'] }) kind: 'held' | 'report';
  @ApiProperty() reason: string;
  @ApiProperty({ nullable: true, type: String }) detail: string | null;
  @ApiProperty({ enum: ['open', 'decided'] }) status: 'open' | 'decided';
  @ApiProperty({ enum: ['release', 'remove', 'end_match'], nullable: true, type: String })
  decision: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) decidedAt: Date | null;
  @ApiProperty({ type: CaseLetterDto }) letter: CaseLetterDto;
}

export class ModerationCasePageDto extends PageMetaDto {
  @ApiProperty({ type: [ModerationCaseDto] }) items: ModerationCaseDto[];
}

export class PromptQuery {
  @ApiPropertyOptional({
    description: 'An interest tag (GET /interests); generic starters when left out or unknown',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  interest?: string;

  @ApiPropertyOptional({
    enum: ['en', 'ko', 'id', 'ms', 'th', 'vi', 'fil', 'km', 'lo', 'my', 'zh'],
    default: 'en',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  locale?: string;
}

export class PromptsDto {
  @ApiProperty() locale: string;
  @ApiProperty({ nullable: true, type: String }) interest: string | null;
  @ApiProperty({ type: [String] }) prompts: string[];
}
