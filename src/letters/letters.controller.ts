import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CallerCheck, CurrentUser, Public, SessionInStatement } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import type { SessionCheck } from '../common/auth/session-check';
import { PageQuery } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import {
  CaseQuery,
  DecidedDto,
  DecisionDto,
  EndMatchDto,
  LetterPageDto,
  LetterReadDto,
  MatchReadDto,
  MatchEndedDto,
  ModerationCasePageDto,
  PromptQuery,
  PromptsDto,
  ReportedDto,
  ReportLetterDto,
  UnreadLettersDto,
  WriteLetterDto,
  WrittenLetterDto,
} from './dto/letter.dto';
import { LettersService } from './letters.service';
import { ModerationService } from './moderation.service';
import { letterPrompts } from './prompts/letter-prompts';

const bad = (description: string) => ApiResponse({ status: 400, description });
const unauthenticated = ApiResponse({ status: 401, description: 'UNAUTHENTICATED' });
const forbidden = (description: string) => ApiResponse({ status: 403, description });
const notFound = (description: string) => ApiResponse({ status: 404, description });
const conflict = (description: string) => ApiResponse({ status: 409, description });

@ApiTags('letters')
@Controller()
export class LettersController {
  constructor(
    private readonly letters: LettersService,
    private readonly moderation: ModerationService,
  ) {}

  @Post('penpal-matches/:id/letters')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Write a letter to my pen pal',
    description:
      "Delivered at once, or after a travel time by distance when the round's letterDelay is 'distance'. A letter to or from a minor (or any letter, when the round screens adults too) that carries contact details is held for a coordinator; heldReason and heldKinds say why.",
  })
  @ApiCreatedResponse({ type: WrittenLetterDto })
  @bad('VALIDATION_FAILED: body empty, blank or over 20,000 characters; unknown fields')
  @unauthenticated
  @forbidden('FORBIDDEN: not one of the two pen pals (staff included)')
  @notFound('NOT_FOUND: no such match')
  @conflict(
    'MATCH_NOT_ACTIVE: the match is not active (not accepted by both, or ended); CONFLICT: the match kept changing while the letter was written (nothing written; try again)',
  )
  @ApiResponse({
    status: 429,
    description: "TOO_MANY_LETTERS: the round's lettersPerDay in 24 hours (Retry-After header)",
  })
  @SessionInStatement()
  write(
    @CallerCheck() check: SessionCheck,
    @Param('id', UuidParam) id: string,
    @Body() dto: WriteLetterDto,
  ): Promise<WrittenLetterDto> {
    return this.letters.write(check, id, dto);
  }

  @Get('penpal-matches/:id/letters')
  @ApiBearerAuth()
  @ApiOperation({
    summary: "The match's letters, newest first (the two pen pals only)",
    description:
      'The recipient sees a letter once it is delivered (not while they have an open report on it); the writer sees their own scheduled, held and removed letters too.',
  })
  @ApiOkResponse({ type: LetterPageDto })
  @bad('VALIDATION_FAILED: page or pageSize out of range')
  @unauthenticated
  @forbidden('FORBIDDEN: not one of the two pen pals (coordinators and admins included)')
  @notFound('NOT_FOUND: no such match')
  list(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Query() q: PageQuery,
  ): Promise<LetterPageDto> {
    return this.letters.list(me, id, q);
  }

  @Get('me/letters/unread')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'How many letters wait unread for me, in all and per match',
    description:
      'Delivered to me, not read yet, not hidden by my own open report: the letters the threads show me unread.',
  })
  @ApiOkResponse({ type: UnreadLettersDto })
  @unauthenticated
  unread(@CurrentUser() me: Principal): Promise<UnreadLettersDto> {
    return this.letters.unread(me);
  }

  @Post('penpal-matches/:id/letters/read')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Mark every letter I received on this match as read (I opened the thread)',
  })
  @ApiOkResponse({ type: MatchReadDto })
  @unauthenticated
  @forbidden('FORBIDDEN: not one of the two pen pals (staff included)')
  @notFound('NOT_FOUND: no such match')
  readAll(@CurrentUser() me: Principal, @Param('id', UuidParam) id: string): Promise<MatchReadDto> {
    return this.letters.markMatchRead(me, id);
  }

  @Post('letters/:id/read')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Mark a letter I received as read' })
  @ApiOkResponse({ type: LetterReadDto })
  @unauthenticated
  @forbidden('FORBIDDEN: not the recipient')
  @notFound('NOT_FOUND: no such letter, or not delivered to me')
  read(@CurrentUser() me: Principal, @Param('id', UuidParam) id: string): Promise<LetterReadDto> {
    return this.letters.markRead(me, id);
  }

  @Post('letters/:id/report')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Report a letter I received',
    description:
      "Opens a moderation case for the programme's coordinators; the letter is hidden from me until it is decided.",
  })
  @ApiCreatedResponse({ type: ReportedDto })
  @bad('VALIDATION_FAILED: unknown reason, detail over 2,000 characters')
  @unauthenticated
  @forbidden('FORBIDDEN: not the recipient')
  @notFound('NOT_FOUND: no such letter, or not delivered to me')
  @conflict('ALREADY_REPORTED')
  report(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: ReportLetterDto,
  ): Promise<ReportedDto> {
    return this.letters.report(me, id, dto);
  }

  @Post('penpal-matches/:id/end')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'End my pen-pal match',
    description:
      'No more letters either way (letters still travelling are not delivered); the other is told it ended, not the reason; the two are never matched again.',
  })
  @ApiOkResponse({ type: MatchEndedDto })
  @bad('VALIDATION_FAILED: reason over 2,000 characters')
  @unauthenticated
  @forbidden('FORBIDDEN: not one of the two pen pals')
  @notFound('NOT_FOUND: no such match')
  @conflict('MATCH_NOT_ACTIVE: declined, cancelled or ended already')
  end(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: EndMatchDto,
  ): Promise<MatchEndedDto> {
    return this.letters.end(me, id, dto);
  }

  @Get('programmes/:id/moderation-cases')
  @ApiBearerAuth()
  @ApiOperation({
    summary: "The programme's moderation queue (coordinators): held and reported letters",
    description:
      'Each case shows that one letter, its writer and recipient (name, country, minor); open cases oldest first, decided ones newest first.',
  })
  @ApiOkResponse({ type: ModerationCasePageDto })
  @bad('VALIDATION_FAILED: unknown status, page out of range')
  @unauthenticated
  @forbidden('FORBIDDEN: not an admin or a coordinator of this programme')
  @notFound('NOT_FOUND: no such programme')
  cases(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Query() q: CaseQuery,
  ): Promise<ModerationCasePageDto> {
    return this.moderation.list(me, id, q);
  }

  @Post('moderation-cases/:id/decision')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Decide a moderation case (coordinators); audited',
    description:
      'release: a held letter is delivered (a reported one is shown again); remove: the recipient never sees it; end_match: removed, and the match ends, both told. The writer is told what became of their letter.',
  })
  @ApiOkResponse({ type: DecidedDto })
  @bad('VALIDATION_FAILED: unknown action, note over 2,000 characters')
  @unauthenticated
  @forbidden("FORBIDDEN: not an admin or a coordinator of the case's programme")
  @notFound('NOT_FOUND: no such case')
  @conflict('CASE_DECIDED')
  decide(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: DecisionDto,
  ): Promise<DecidedDto> {
    return this.moderation.decide(me, id, dto);
  }

  @Public()
  @Get('letter-prompts')
  @ApiOperation({
    summary: 'Conversation starters for an empty letter, per interest tag, in 11 languages',
  })
  @ApiOkResponse({ type: PromptsDto })
  @bad('VALIDATION_FAILED: unknown query parameters')
  prompts(@Query() q: PromptQuery): PromptsDto {
    return letterPrompts(q.interest, q.locale);
  }
}
