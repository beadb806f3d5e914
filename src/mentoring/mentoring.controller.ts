import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { PageQuery } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { ApiErrors } from '../common/openapi/api-errors';
import { MentoringReportDto } from './dto/mentorship.dto';
import {
  AddMentorDto,
  CreateMentoringRoundDto,
  MentorCandidatePageDto,
  MentoringRoundDetailDto,
  MentoringRoundListDto,
  MentoringRoundViewDto,
  MentorSearchQuery,
  PairRuleDto,
} from './dto/round.dto';
import {
  MentoringMatchPageDto,
  MentoringPublishedDto,
  MentoringRunDto,
  MentoringRunListDto,
  RunAcceptedDto,
} from './dto/run.dto';
import { MentoringRoundsService } from './mentoring-rounds.service';
import { MentoringRunsService } from './mentoring-runs.service';
import { MentorshipsService } from './mentorships.service';

/** The coordinator's side of mentoring: rounds, their mentors, runs, publication and report. */
@ApiTags('mentoring')
@Roles('coordinator', 'admin')
@Controller()
export class MentoringController {
  constructor(
    private readonly rounds: MentoringRoundsService,
    private readonly runs: MentoringRunsService,
    private readonly mentorships: MentorshipsService,
  ) {}

  @Post('competitions/:id/mentoring-rounds')
  @ApiOperation({
    summary: 'Open a mentoring round for a project competition (its coordinators)',
    description:
      'teams: the awarded entries, or a judging round’s shortlist. 422 NOT_A_PROJECT_COMPETITION, UNKNOWN_ROUND.',
  })
  @ApiCreatedResponse({ type: MentoringRoundViewDto })
  @ApiErrors(404, { 422: ['NOT_A_PROJECT_COMPETITION', 'UNKNOWN_ROUND'] })
  create(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) competitionId: string,
    @Body() dto: CreateMentoringRoundDto,
  ): Promise<MentoringRoundViewDto> {
    return this.rounds.create(me, competitionId, dto);
  }

  @Get('competitions/:id/mentoring-rounds')
  @ApiOperation({ summary: 'The competition’s mentoring rounds, oldest first' })
  @ApiOkResponse({ type: MentoringRoundListDto })
  @ApiErrors(404)
  list(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) competitionId: string,
  ): Promise<MentoringRoundListDto> {
    return this.rounds.list(me, competitionId);
  }

  @Get('mentoring-rounds/:id')
  @ApiOperation({ summary: 'A round with its mentors, team entries, pins and forbids' })
  @ApiOkResponse({ type: MentoringRoundDetailDto })
  @ApiErrors(404)
  get(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<MentoringRoundDetailDto> {
    return this.rounds.detail(me, id);
  }

  @Get('mentoring-rounds/:id/mentor-candidates')
  @ApiOperation({ summary: 'Accounts with the mentor role, to add to the round (search by q)' })
  @ApiOkResponse({ type: MentorCandidatePageDto })
  @ApiErrors(404)
  candidates(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Query() q: MentorSearchQuery,
  ): Promise<MentorCandidatePageDto> {
    return this.rounds.candidates(me, id, q);
  }

  @Post('mentoring-rounds/:id/mentors')
  @ApiOperation({
    summary: 'Add a mentor to the round',
    description: '422 NOT_ELIGIBLE unless the user has the mentor role and a mentor profile.',
  })
  @ApiCreatedResponse({ type: MentoringRoundDetailDto })
  @ApiErrors(404, { 422: 'NOT_ELIGIBLE' })
  addMentor(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: AddMentorDto,
  ): Promise<MentoringRoundDetailDto> {
    return this.rounds.addMentor(me, id, dto.userId);
  }

  @Delete('mentoring-rounds/:id/mentors/:userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Take a mentor out of the next runs (published mentorships stay)' })
  @ApiNoContentResponse()
  @ApiErrors(404)
  async removeMentor(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Param('userId', UuidParam) userId: string,
  ) {
    await this.rounds.removeMentor(me, id, userId);
  }

  @Post('mentoring-rounds/:id/rules')
  @ApiOperation({
    summary: 'Pin or forbid a team–mentor pair for the next runs',
    description:
      '422 NOT_IN_ROUND for a mentor or entry outside the round; INSTITUTION_CONFLICT for a pin the hard rules refuse.',
  })
  @ApiCreatedResponse({ type: MentoringRoundDetailDto })
  @ApiErrors(404, { 422: ['NOT_IN_ROUND', 'INSTITUTION_CONFLICT'] })
  setRule(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: PairRuleDto,
  ): Promise<MentoringRoundDetailDto> {
    return this.rounds.setRule(me, id, dto);
  }

  @Delete('mentoring-rounds/:id/rules/:ruleId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a pin or forbid' })
  @ApiNoContentResponse()
  @ApiErrors(404)
  async removeRule(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Param('ruleId', UuidParam) ruleId: string,
  ) {
    await this.rounds.removeRule(me, id, ruleId);
  }

  @Post('mentoring-rounds/:id/matching-runs')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Start a matching run (a job on the exact solver); poll GET /mentoring-runs/{id}',
  })
  @ApiAcceptedResponse({ type: RunAcceptedDto })
  @ApiErrors(404, { 409: 'RUN_IN_PROGRESS', 503: 'DEPENDENCY_UNAVAILABLE' })
  start(@CurrentUser() me: Principal, @Param('id', UuidParam) id: string): Promise<RunAcceptedDto> {
    return this.runs.start(me, id);
  }

  @Get('mentoring-rounds/:id/matching-runs')
  @ApiOperation({ summary: 'The round’s runs, newest first' })
  @ApiOkResponse({ type: MentoringRunListDto })
  @ApiErrors(404)
  listRuns(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<MentoringRunListDto> {
    return this.runs.list(me, id);
  }

  @Get('mentoring-runs/:id')
  @ApiOperation({ summary: 'A run: status, progress, and its report (teams left short and why)' })
  @ApiOkResponse({ type: MentoringRunDto })
  @ApiErrors(404)
  getRun(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<MentoringRunDto> {
    return this.runs.get(me, id);
  }

  @Get('mentoring-runs/:id/matches')
  @ApiOperation({ summary: 'The run’s proposed pairs with score and reasons, by team' })
  @ApiOkResponse({ type: MentoringMatchPageDto })
  @ApiErrors(404)
  matches(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Query() q: PageQuery,
  ): Promise<MentoringMatchPageDto> {
    return this.runs.matches(me, id, q);
  }

  @Post('mentoring-runs/:id/publish')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Publish the run: mentorships start and everyone gets an introduction',
    description:
      'Each mentor and each team member is introduced by email and in-app, in their language. 409 RUN_NOT_FINISHED, ALREADY_PUBLISHED, STALE_RUN (a newer run of the round exists).',
  })
  @ApiOkResponse({ type: MentoringPublishedDto })
  @ApiErrors(404, { 409: ['RUN_NOT_FINISHED', 'ALREADY_PUBLISHED', 'STALE_RUN'] })
  publish(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<MentoringPublishedDto> {
    return this.runs.publish(me, id);
  }

  @Get('mentoring-rounds/:id/report')
  @ApiOperation({ summary: 'Every mentorship of the round: check-ins, last activity, status' })
  @ApiOkResponse({ type: MentoringReportDto })
  @ApiErrors(404)
  report(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<MentoringReportDto> {
    return this.mentorships.report(me, id);
  }
}
