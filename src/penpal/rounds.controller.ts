import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles, VerifiedEmail } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { PageQuery } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { ConstraintDto } from './dto/constraint.dto';
import { EnrolDto } from './dto/enrolment.dto';
import {
  EnrolledPersonPageDto,
  MatchingRunPageDto,
  MyPenpalRoundDto,
  PenpalConstraintDto,
  PenpalEnrolmentDto,
  PenpalRoundDto,
  ProgrammeRoundDto,
  RunStartedDto,
} from './dto/responses.dto';
import { CreatePenpalRoundDto, UpdatePenpalRoundDto } from './dto/round.dto';
import { EnrolmentQuery, StartRunDto } from './dto/run.dto';
import { MatchingRunsService } from './matching-runs.service';
import { RoundsService } from './rounds.service';
import { ApiErrors } from '../common/openapi/api-errors';

@ApiTags('pen pals')
@Controller()
export class RoundsController {
  constructor(
    private readonly rounds: RoundsService,
    private readonly runs: MatchingRunsService,
  ) {}

  @Post('programmes/:id/penpal-rounds')
  @ApiOperation({ summary: 'Create a pen-pal round (coordinators of the programme)' })
  @ApiCreatedResponse({ type: PenpalRoundDto })
  @ApiErrors(403, 404)
  create(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) programmeId: string,
    @Body() dto: CreatePenpalRoundDto,
  ): Promise<PenpalRoundDto> {
    return this.rounds.create(me, programmeId, dto);
  }

  @Get('programmes/:id/penpal-rounds')
  @ApiOperation({
    summary:
      "The programme's pen-pal rounds, newest first, with enrolments and runs (its coordinators and admins)",
  })
  @ApiOkResponse({ type: [ProgrammeRoundDto] })
  @ApiErrors(403, 404)
  listForProgramme(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) programmeId: string,
  ): Promise<ProgrammeRoundDto[]> {
    return this.rounds.listForProgramme(me, programmeId);
  }

  @Get('me/penpal-rounds')
  @ApiOperation({
    summary: 'Rounds open for enrolment now, and the rounds I am enrolled in, with my enrolment',
    description:
      'Any signed-in person; the soonest to close first. `myEnrolment` is null where I am not enrolled.',
  })
  @ApiOkResponse({ type: [MyPenpalRoundDto] })
  mine(@CurrentUser() me: Principal): Promise<MyPenpalRoundDto[]> {
    return this.rounds.listForMe(me);
  }

  @Get('penpal-rounds/:id')
  @ApiOperation({
    summary: 'A round: its window (also in the programme time zone), rules and weights',
  })
  @ApiOkResponse({ type: PenpalRoundDto })
  @ApiErrors(404)
  get(@Param('id', UuidParam) id: string): Promise<PenpalRoundDto> {
    return this.rounds.get(id);
  }

  @Patch('penpal-rounds/:id')
  @ApiOperation({ summary: 'Change any field given at creation, e.g. close enrolment early' })
  @ApiOkResponse({ type: PenpalRoundDto })
  @ApiErrors(403, 404)
  update(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdatePenpalRoundDto,
  ): Promise<PenpalRoundDto> {
    return this.rounds.update(me, id, dto);
  }

  @Post('penpal-rounds/:id/enrolments')
  @Roles('applicant')
  @VerifiedEmail()
  @ApiOperation({
    summary: 'Enrol in a round',
    description:
      '409 DEADLINE_PASSED outside the window; 422 NOT_ELIGIBLE or GUARDIAN_CONSENT_REQUIRED; 409 when enrolled already.',
  })
  @ApiCreatedResponse({ type: PenpalEnrolmentDto })
  @ApiErrors(404, {
    409: ['DEADLINE_PASSED', 'ALREADY_ENROLLED'],
    422: ['NOT_ELIGIBLE', 'PROFILE_REQUIRED', 'GUARDIAN_CONSENT_REQUIRED'],
  })
  enrol(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: EnrolDto,
  ): Promise<PenpalEnrolmentDto> {
    return this.rounds.enrol(me, id, dto);
  }

  @Delete('penpal-rounds/:id/enrolments/me')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw my enrolment (until I have a pen pal in this round)' })
  @ApiNoContentResponse()
  @ApiErrors(404, { 409: 'ALREADY_MATCHED' })
  async withdraw(@CurrentUser() me: Principal, @Param('id', UuidParam) id: string) {
    await this.rounds.withdraw(me, id);
  }

  @Get('penpal-rounds/:id/enrolments')
  @ApiOperation({
    summary: 'Enrolments of the round (coordinators)',
    description: '`byCountry` counts the whole round, whatever the page or the country filter.',
  })
  @ApiOkResponse({ type: EnrolledPersonPageDto })
  @ApiErrors(403, 404)
  enrolments(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Query() q: EnrolmentQuery,
  ): Promise<EnrolledPersonPageDto> {
    return this.rounds.listEnrolments(me, id, q);
  }

  @Post('penpal-rounds/:id/constraints')
  @ApiOperation({ summary: 'Pin or forbid a pair for the next runs (coordinators)' })
  @ApiCreatedResponse({ type: PenpalConstraintDto })
  @ApiErrors(403, 404, 409, { 422: ['NOT_ENROLLED', 'NOT_ELIGIBLE'] })
  addConstraint(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: ConstraintDto,
  ): Promise<PenpalConstraintDto> {
    return this.rounds.addConstraint(me, id, dto);
  }

  @Get('penpal-rounds/:id/constraints')
  @ApiOperation({ summary: 'Pins and forbids of the round (coordinators)' })
  @ApiOkResponse({ type: [PenpalConstraintDto] })
  @ApiErrors(403, 404)
  constraints(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<PenpalConstraintDto[]> {
    return this.rounds.listConstraints(me, id);
  }

  @Delete('penpal-rounds/:id/constraints/:constraintId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a pin or forbid (coordinators)' })
  @ApiNoContentResponse()
  @ApiErrors(403, 404)
  async removeConstraint(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Param('constraintId', UuidParam) constraintId: string,
  ) {
    await this.rounds.removeConstraint(me, id, constraintId);
  }

  @Post('penpal-rounds/:id/matching-runs')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Start a matching run (a background job)',
    description:
      '409 ENROLMENT_OPEN while enrolment is open; 409 RUN_IN_PROGRESS while another run is queued or running; ' +
      '503 DEPENDENCY_UNAVAILABLE (with Retry-After) while the job queue is unavailable: nothing is written.',
  })
  @ApiAcceptedResponse({ type: RunStartedDto })
  @ApiErrors(403, 404, { 409: ['ENROLMENT_OPEN', 'RUN_IN_PROGRESS'] })
  startRun(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: StartRunDto,
  ): Promise<RunStartedDto> {
    return this.runs.start(me, id, dto.seed);
  }

  @Get('penpal-rounds/:id/matching-runs')
  @ApiOperation({ summary: 'Every run of the round, newest first (coordinators)' })
  @ApiOkResponse({ type: MatchingRunPageDto })
  @ApiErrors(403, 404)
  listRuns(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Query() q: PageQuery,
  ): Promise<MatchingRunPageDto> {
    return this.runs.list(me, id, q);
  }
}
