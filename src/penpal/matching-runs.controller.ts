import { Body, Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CallerCheck, CurrentUser, SessionInStatement } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import type { SessionCheck } from '../common/auth/session-check';
import { JSON_TYPE, type SentJson } from '../common/http/precompressed';
import { UuidParam } from '../common/http/uuid-param';
import {
  MatchingRunDto,
  MatchRespondedDto,
  MyPenpalDto,
  ProposedMatchPageDto,
  PublishPreviewDto,
  RunPublishedDto,
  UnmatchedPersonPageDto,
  MatchCancelledDto,
  RunComparisonDto,
} from './dto/responses.dto';
import { CancelMatchDto, MatchesQuery, RespondDto, UnmatchedQuery } from './dto/run.dto';
import { MatchingRunsService } from './matching-runs.service';
import { PenpalMatchesService } from './penpal-matches.service';
import { ApiErrors } from '../common/openapi/api-errors';

@ApiTags('pen pals')
@Controller()
export class MatchingRunsController {
  constructor(
    private readonly runs: MatchingRunsService,
    private readonly matches: PenpalMatchesService,
  ) {}

  @Get('matching-runs/:id')
  @ApiOperation({ summary: 'A run: status, progress, report (stats) or error (coordinators)' })
  @ApiOkResponse({ type: MatchingRunDto })
  @ApiErrors(403, 404)
  get(@CurrentUser() me: Principal, @Param('id', UuidParam) id: string): Promise<MatchingRunDto> {
    return this.runs.get(me, id);
  }

  @Get('matching-runs/:id/matches')
  @ApiOperation({
    summary: 'Proposed pairs with names, score and reasons, best first (coordinators)',
    description: 'q keeps the pairs with someone whose name contains it, or from that country.',
  })
  @ApiOkResponse({ type: ProposedMatchPageDto })
  @ApiErrors(403, 404)
  list(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Query() q: MatchesQuery,
  ): Promise<ProposedMatchPageDto> {
    return this.runs.matches(me, id, q);
  }

  @Get('matching-runs/:id/compare/:otherId')
  @ApiOperation({
    summary:
      'Compare two finished runs of one round: pairs kept, lost, gained; coverage per country (coordinators)',
  })
  @ApiOkResponse({ type: RunComparisonDto })
  @ApiErrors(403, 404, { 422: 'RUNS_NOT_COMPARABLE' })
  compare(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Param('otherId', UuidParam) otherId: string,
  ): Promise<RunComparisonDto> {
    return this.runs.compare(me, id, otherId);
  }

  @Get('matching-runs/:id/unmatched')
  @ApiOperation({
    summary: 'People the run left without a new pen pal, with the reason (coordinators)',
    description:
      'Filter by reason (consent, age_rules, no_shared_language, gender_preference, excluded_pairs, no_candidate, no_capacity) or country.',
  })
  @ApiOkResponse({ type: UnmatchedPersonPageDto })
  @ApiErrors(403, 404)
  unmatched(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Query() q: UnmatchedQuery,
  ): Promise<UnmatchedPersonPageDto> {
    return this.runs.unmatched(me, id, q);
  }

  @Get('matching-runs/:id/publish-preview')
  @ApiOperation({
    summary: 'How many people publishing the run now would tell (coordinators)',
    description: 'Counted as publishing counts them, for the confirmation before it.',
  })
  @ApiOkResponse({ type: PublishPreviewDto })
  @ApiErrors(403, 404, { 409: ['RUN_NOT_FINISHED', 'ALREADY_PUBLISHED'] })
  publishPreview(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<PublishPreviewDto> {
    return this.runs.publishPreview(me, id);
  }

  @Post('matching-runs/:id/publish')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Show the pairs to participants; everyone enrolled is notified',
    description:
      'Consent and birth dates are checked again: a pair with a minor who lacks confirmed guardian consent, or a minor with an adult, stays unpublished and is listed in skipped with the reason.',
  })
  @ApiOkResponse({ type: RunPublishedDto })
  @ApiErrors(403, 404, { 409: ['RUN_NOT_FINISHED', 'ALREADY_PUBLISHED', 'STALE_RUN'] })
  publish(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<RunPublishedDto> {
    return this.runs.publish(me, id);
  }

  @Get('me/penpals')
  @SessionInStatement()
  @ApiOperation({ summary: 'My published pen pals (name, country, languages, interests only)' })
  @ApiOkResponse({ type: [MyPenpalDto] })
  @Header('content-type', JSON_TYPE)
  mine(@CallerCheck() check: SessionCheck): Promise<SentJson<MyPenpalDto[]>> {
    return this.matches.mine(check);
  }

  @Post('penpal-matches/:id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'End a published match (coordinators), e.g. on a safeguarding concern',
    description:
      'Both people are told the match was ended; it leaves their pen pals and is never proposed again. 409 MATCH_NOT_PUBLISHED for a pair not published (forbid it instead), MATCH_DECLINED, MATCH_CANCELLED or MATCH_ENDED when it has ended already.',
  })
  @ApiOkResponse({ type: MatchCancelledDto })
  @ApiErrors(403, 404, {
    409: ['MATCH_NOT_PUBLISHED', 'MATCH_CANCELLED', 'MATCH_DECLINED', 'MATCH_ENDED'],
  })
  cancel(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: CancelMatchDto,
  ): Promise<MatchCancelledDto> {
    return this.matches.cancel(me, id, dto.reason ?? null);
  }

  @Post('penpal-matches/:id/respond')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept or decline a pen pal',
    description:
      '422 GUARDIAN_CONSENT_REQUIRED when the responder, a minor, lacks confirmed guardian consent; 409 MATCH_NOT_ELIGIBLE when the pen pal may no longer take part or one of the two is now a minor and the other an adult.',
  })
  @ApiOkResponse({ type: MatchRespondedDto })
  @ApiErrors(403, 404, {
    409: ['MATCH_CANCELLED', 'MATCH_DECLINED', 'MATCH_ENDED', 'ALREADY_RESPONDED'],
  })
  respond(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: RespondDto,
  ): Promise<MatchRespondedDto> {
    return this.matches.respond(me, id, dto.accept);
  }
}
