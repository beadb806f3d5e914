import {
  Body,
  Controller,
  Get,
  Header,
  Param,
  Patch,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, Roles, VerifiedEmail } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { PageQuery } from '../common/http/pagination';
import { JSON_TYPE, type SentJson } from '../common/http/precompressed';
import { UuidParam } from '../common/http/uuid-param';
import { CompetitionsService } from './competitions.service';
import {
  CompetitionPageDto,
  CompetitionListPageDto,
  CompetitionListQuery,
  CompetitionResponseDto,
  CreateCompetitionDto,
  UpdateCompetitionDto,
} from './dto/competition.dto';
import {
  CreateSubmissionDto,
  SubmissionListPageDto,
  SubmissionListQuery,
  SubmissionResponseDto,
} from './dto/submission.dto';
import { CreateTeamDto, TeamResponseDto } from './dto/team.dto';
import { SubmissionListService } from './submission-list.service';
import { SubmissionsService } from './submissions.service';
import { TeamsService } from './teams.service';
import { ApiOkJsonOrCsv } from '../common/openapi/api-csv';
import { ApiErrors } from '../common/openapi/api-errors';

@ApiTags('competitions')
@Controller()
export class CompetitionsController {
  constructor(
    private readonly competitions: CompetitionsService,
    private readonly teams: TeamsService,
    private readonly submissions: SubmissionsService,
    private readonly lists: SubmissionListService,
  ) {}

  @Post('programmes/:id/competitions')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: "Create a competition in a programme (the programme's coordinators)" })
  @ApiCreatedResponse({ type: CompetitionResponseDto })
  @ApiErrors(404, { 409: 'SLUG_TAKEN' })
  create(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) programmeId: string,
    @Body() dto: CreateCompetitionDto,
  ): Promise<CompetitionResponseDto> {
    return this.competitions.create(me, programmeId, dto);
  }

  @Get('programmes/:id/competitions')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: "A programme's competitions (the programme's coordinators)" })
  @ApiOkResponse({ type: CompetitionPageDto })
  @ApiErrors(404)
  listForProgramme(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) programmeId: string,
    @Query() q: PageQuery,
  ): Promise<CompetitionPageDto> {
    return this.competitions.listForProgramme(me, programmeId, q);
  }

  @Public()
  @Get('competitions')
  @ApiOperation({
    summary:
      'Competitions of every programme: open now, opening later, and closed in the last year',
    description:
      'Open ones first (closing soonest first), then upcoming (opening soonest), then closed (latest first).',
  })
  @ApiOkResponse({ type: CompetitionListPageDto })
  browse(@Query() q: CompetitionListQuery): Promise<CompetitionListPageDto> {
    return this.competitions.list(q);
  }

  @Public()
  @Get('competitions/:id')
  @ApiOperation({
    summary: 'A competition for entrants; the window also in the programme time zone',
  })
  @ApiOkResponse({ type: CompetitionResponseDto })
  @ApiErrors(404)
  @Header('content-type', JSON_TYPE)
  get(@Param('id', UuidParam) id: string): Promise<SentJson<CompetitionResponseDto>> {
    return this.competitions.get(id);
  }

  @Patch('competitions/:id')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'Change any field given at creation, e.g. extend or close the window',
    description:
      'Moving the close moves the deadline reminders. The rubric is frozen once judges have scored (409 RUBRIC_LOCKED).',
  })
  @ApiOkResponse({ type: CompetitionResponseDto })
  @ApiErrors(404, { 409: ['SLUG_TAKEN', 'RUBRIC_LOCKED', 'CONFLICT'] })
  update(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateCompetitionDto,
  ): Promise<CompetitionResponseDto> {
    return this.competitions.update(me, id, dto);
  }

  @Post('competitions/:id/teams')
  @VerifiedEmail()
  @ApiOperation({
    summary: 'Form a team; the caller leads it (one team per person per competition)',
  })
  @ApiCreatedResponse({ type: TeamResponseDto })
  @ApiErrors(404, { 409: ['ALREADY_IN_TEAM', 'DEADLINE_PASSED'] })
  createTeam(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: CreateTeamDto,
  ): Promise<TeamResponseDto> {
    return this.teams.create(me, id, dto.name);
  }

  @Post('competitions/:id/submissions')
  @VerifiedEmail()
  @ApiOperation({ summary: "Start a draft entry for the caller's team" })
  @ApiCreatedResponse({ type: SubmissionResponseDto })
  @ApiErrors(403, 404, { 409: ['DEADLINE_PASSED', 'SUBMISSION_EXISTS', 'CONFLICT'] })
  createSubmission(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: CreateSubmissionDto,
  ): Promise<SubmissionResponseDto> {
    return this.submissions.create(me, id, dto);
  }

  @Get('competitions/:id/submissions')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'Entries with filters, pagination and counts per status; ?format=csv exports them',
  })
  @ApiOkJsonOrCsv(SubmissionListPageDto)
  @ApiErrors(404)
  async list(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Query() q: SubmissionListQuery,
  ) {
    if (q.format !== 'csv') return this.lists.list(me, id, q);
    const { filename, stream } = await this.lists.exportCsv(me, id, q);
    return new StreamableFile(stream, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${filename}"`,
    });
  }
}
