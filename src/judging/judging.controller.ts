import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Public, Roles } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { UuidParam } from '../common/http/uuid-param';
import { ASSIGNMENT_OBJECTIVE } from './assignment';
import { AssignmentsService } from './assignments.service';
import {
  AddJudgeDto,
  ConflictsDto,
  CreateJudgingRoundDto,
  JobAcceptedDto,
  JudgePoolDto,
  JudgeRemovedDto,
  JudgeUpdatedDto,
  UpdateJudgeDto,
  JudgeResponseDto,
  ManualAssignmentDto,
  ProgressDto,
  RankingQuery,
  RankingRowDto,
  RecordResultsDto,
  RemindResponseDto,
  ResultsDto,
  RoundResponseDto,
  ShortlistDto,
  ShortlistResponseDto,
  UpdateJudgingRoundDto,
} from './dto/judging.dto';
import { JudgePoolService } from './judge-pool.service';
import { RANKING_FORMULA, TIE_BREAK_RULES } from './ranking';
import { ResultsService } from './results.service';
import { RoundsService } from './rounds.service';

/** The coordinator's side of judging: pools, rounds, assignment, rankings and results. */
@ApiTags('judging')
@ApiBearerAuth()
@Controller()
export class JudgingController {
  constructor(
    private readonly pool: JudgePoolService,
    private readonly rounds: RoundsService,
    private readonly assignments: AssignmentsService,
    private readonly results: ResultsService,
  ) {}

  @Post('competitions/:id/judges')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'Add a user with the judge role to the pool, with declared conflicts and expertise',
    description:
      'The judge is told by email and in the app. Expertise tags are matched against an entry’s kind (short_movie, project) and a project’s goals (sdg-1 … sdg-17).',
  })
  @ApiCreatedResponse({ type: JudgeResponseDto })
  addJudge(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: AddJudgeDto,
  ) {
    return this.pool.add(me, id, dto);
  }

  @Get('competitions/:id/judges')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'The pool, with the conflicts detected against the submitted entries',
    description:
      'Detected: the judge shares an institution with a team member, or is one; declared: countries, institutions, teams.',
  })
  @ApiOkResponse({ type: JudgePoolDto })
  listJudges(@CurrentUser() me: Principal, @Param('id', UuidParam) id: string) {
    return this.pool.list(me, id);
  }

  @Patch('competitions/:id/judges/:userId')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'Add conflicts to a judge, or change their expertise',
    description:
      'Conflicts are only ever added. In rounds not closed, their assignments without a final score that now conflict go to other unconflicted judges at once.',
  })
  @ApiOkResponse({ type: JudgeUpdatedDto })
  updateJudge(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Param('userId', UuidParam) userId: string,
    @Body() dto: UpdateJudgeDto,
  ) {
    return this.pool.update(me, id, userId, dto);
  }

  @Delete('competitions/:id/judges/:userId')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'Take a judge out of the pool',
    description:
      'In every round not closed, their assignments without a final score are withdrawn and given to other unconflicted judges at once; final scores stay and count. The judge is told. 404 when they are not in the pool.',
  })
  @ApiOkResponse({ type: JudgeRemovedDto })
  removeJudge(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Param('userId', UuidParam) userId: string,
  ) {
    return this.pool.remove(me, id, userId);
  }

  @Post('competitions/:id/judges/me/conflicts')
  @HttpCode(200)
  @Roles('judge')
  @ApiOperation({ summary: 'A judge in the pool declares more conflicts (never fewer)' })
  @ApiOkResponse({ type: JudgeResponseDto })
  declareConflicts(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: ConflictsDto,
  ) {
    return this.pool.declareOwn(me, id, dto);
  }

  @Post('competitions/:id/judging-rounds')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'A judging round, in draft; reminders are planned 48 h and 12 h before it closes',
  })
  @ApiCreatedResponse({ type: RoundResponseDto })
  createRound(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: CreateJudgingRoundDto,
  ) {
    return this.rounds.create(me, id, dto);
  }

  @Get('judging-rounds/:id')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'A round with the state of its latest assignment run' })
  @ApiOkResponse({ type: RoundResponseDto })
  getRound(@CurrentUser() me: Principal, @Param('id', UuidParam) id: string) {
    return this.rounds.get(me, id);
  }

  @Patch('judging-rounds/:id')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'Open or close the round (draft → open → closed) or move its close',
    description:
      'Moving the close moves the reminders. A closed round stays closed (409 ROUND_CLOSED).',
  })
  @ApiOkResponse({ type: RoundResponseDto })
  updateRound(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateJudgingRoundDto,
  ) {
    return this.rounds.update(me, id, dto);
  }

  @Post('judging-rounds/:id/assignments')
  @HttpCode(202)
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'Assign judges (a job); a re-run tops up and keeps assignments and scores',
    description: ASSIGNMENT_OBJECTIVE,
  })
  @ApiAcceptedResponse({ type: JobAcceptedDto })
  assign(@CurrentUser() me: Principal, @Param('id', UuidParam) id: string) {
    return this.rounds.startAssignment(me, id);
  }

  @Post('judging-rounds/:id/assignments/manual')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Give one entry to one judge by hand (no conflict allowed: 409)' })
  @ApiCreatedResponse({ description: 'the assignment' })
  addAssignment(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: ManualAssignmentDto,
  ) {
    return this.assignments.addManual(me, id, dto);
  }

  @Delete('assignments/:id')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Take one assignment away (not one with a final score)' })
  @ApiOkResponse({ description: 'the assignment, now removed' })
  removeAssignment(@CurrentUser() me: Principal, @Param('id', UuidParam) id: string) {
    return this.assignments.removeManual(me, id);
  }

  @Post('judging-rounds/:id/remind')
  @HttpCode(200)
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Remind now every judge with an entry still lacking a final score' })
  @ApiOkResponse({ type: RemindResponseDto })
  remind(@CurrentUser() me: Principal, @Param('id', UuidParam) id: string) {
    return this.rounds.remindNow(me, id);
  }

  @Get('judging-rounds/:id/progress')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Assigned, drafted and final scores per judge and per entry' })
  @ApiOkResponse({ type: ProgressDto })
  progress(@CurrentUser() me: Principal, @Param('id', UuidParam) id: string) {
    return this.results.progress(me, id);
  }

  @Get('judging-rounds/:id/ranking')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary:
      'The normalised ranking of the round; ?format=csv adds every judge’s scores and comments',
    description: `${RANKING_FORMULA}\n\nTie-break rules, in order: ${TIE_BREAK_RULES.join(', ')}.`,
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: [RankingRowDto], description: 'or text/csv with ?format=csv' })
  async ranking(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Query() q: RankingQuery,
  ) {
    if (q.format !== 'csv') return this.results.ranking(me, id);
    const { filename, body } = await this.results.rankingCsv(me, id);
    return new StreamableFile(body, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${filename}"`,
    });
  }

  @Post('judging-rounds/:id/shortlist')
  @HttpCode(200)
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary:
      'Shortlist the top n or chosen entries: they become shortlisted and feed a later round',
  })
  @ApiOkResponse({ type: ShortlistResponseDto })
  shortlist(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: ShortlistDto,
  ) {
    return this.results.shortlist(me, id, dto);
  }

  @Post('competitions/:id/results')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Record the awards (replaces earlier ones until published)' })
  @ApiCreatedResponse({ type: ResultsDto })
  recordResults(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: RecordResultsDto,
  ) {
    return this.results.record(me, id, dto);
  }

  @Post('competitions/:id/results/publish')
  @HttpCode(200)
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Publish the results: entries become awarded, every member is told' })
  @ApiOkResponse({ type: ResultsDto })
  publish(@CurrentUser() me: Principal, @Param('id', UuidParam) id: string) {
    return this.results.publish(me, id);
  }

  @Public({ readsCaller: true })
  @Get('competitions/:id/results')
  @ApiOperation({
    summary: 'The results: public once published, before that only for the programme’s staff',
  })
  @ApiOkResponse({ type: ResultsDto })
  getResults(@CurrentUser() me: Principal | undefined, @Param('id', UuidParam) id: string) {
    return this.results.get(me, id);
  }
}
