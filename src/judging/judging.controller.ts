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
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, OptionalAuth, Roles } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { UuidParam } from '../common/http/uuid-param';
import { ASSIGNMENT_OBJECTIVE } from './assignment';
import { AssignmentsService } from './assignments.service';
import {
  AddJudgeDto,
  ConflictsDto,
  CreateJudgingRoundDto,
  JobAcceptedDto,
  JudgeCandidatesDto,
  JudgeCandidatesQuery,
  JudgePoolDto,
  JudgingRoundListDto,
  RemindDto,
  RoundAssignmentsDto,
  StaffCompetitionsDto,
  JudgeRemovalPreviewDto,
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
  ResultsPublishPreviewDto,
  RoundResponseDto,
  ShortlistDto,
  ShortlistResponseDto,
  StaffAssignmentDto,
  UpdateJudgingRoundDto,
} from './dto/judging.dto';
import { JudgePoolService } from './judge-pool.service';
import { RANKING_FORMULA, TIE_BREAK_RULES } from './ranking';
import { ResultsService } from './results.service';
import { RoundsService } from './rounds.service';
import { ApiOkJsonOrCsv } from '../common/openapi/api-csv';
import { ApiErrors } from '../common/openapi/api-errors';

/** The coordinator's side of judging: pools, rounds, assignment, rankings and results. */
@ApiTags('judging')
@Controller()
export class JudgingController {
  constructor(
    private readonly pool: JudgePoolService,
    private readonly rounds: RoundsService,
    private readonly assignments: AssignmentsService,
    private readonly results: ResultsService,
  ) {}

  @Get('judging/competitions')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'The competitions whose judging the caller runs',
    description:
      'Those of the programmes the caller coordinates (every one for an admin), with their rounds and pool sizes.',
  })
  @ApiOkResponse({ type: StaffCompetitionsDto })
  staffCompetitions(@CurrentUser() me: Principal): Promise<StaffCompetitionsDto> {
    return this.pool.staffCompetitions(me);
  }

  @Get('judging/judge-candidates')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'Find users with the judge role by part of their name or email (at most 20)',
  })
  @ApiOkResponse({ type: JudgeCandidatesDto })
  candidates(@Query() q: JudgeCandidatesQuery): Promise<JudgeCandidatesDto> {
    return this.pool.candidates(q.q);
  }

  @Post('competitions/:id/judges')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'Add a user with the judge role to the pool, with declared conflicts and expertise',
    description:
      'The judge is told by email and in the app. Expertise tags are matched against an entry’s kind (short_movie, project) and a project’s goals (sdg-1 … sdg-17).',
  })
  @ApiCreatedResponse({ type: JudgeResponseDto })
  @ApiErrors(404, { 409: 'ALREADY_IN_POOL', 422: 'NOT_A_JUDGE' })
  addJudge(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: AddJudgeDto,
  ): Promise<JudgeResponseDto> {
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
  @ApiErrors(404)
  listJudges(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<JudgePoolDto> {
    return this.pool.list(me, id);
  }

  @Patch('competitions/:id/judges/:userId')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'Add conflicts to a judge, or change their expertise',
    description:
      'Conflicts are only ever added. In rounds not closed, their assignments without a final score that now conflict are taken away at once, and a top-up run per round (`reassignment.jobIds`, followed on GET /judging-rounds/{id}) gives them to other unconflicted judges.',
  })
  @ApiOkResponse({ type: JudgeUpdatedDto })
  @ApiErrors(404)
  updateJudge(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Param('userId', UuidParam) userId: string,
    @Body() dto: UpdateJudgeDto,
  ): Promise<JudgeUpdatedDto> {
    return this.pool.update(me, id, userId, dto);
  }

  @Get('competitions/:id/judges/:userId/removal-preview')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'What taking a judge out would do: their entries to move, their final scores kept',
    description: 'For the confirmation before DELETE; changes nothing. 404 when not in the pool.',
  })
  @ApiOkResponse({ type: JudgeRemovalPreviewDto })
  @ApiErrors(404)
  removalPreview(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Param('userId', UuidParam) userId: string,
  ): Promise<JudgeRemovalPreviewDto> {
    return this.pool.removalPreview(me, id, userId);
  }

  @Delete('competitions/:id/judges/:userId')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'Take a judge out of the pool',
    description:
      'In every round not closed, their assignments without a final score are withdrawn at once, and a top-up run per round (`reassignment.jobIds`, followed on GET /judging-rounds/{id}) gives them to other unconflicted judges; final scores stay and count. The judge is told. 404 when they are not in the pool.',
  })
  @ApiOkResponse({ type: JudgeRemovedDto })
  @ApiErrors(404)
  removeJudge(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Param('userId', UuidParam) userId: string,
  ): Promise<JudgeRemovedDto> {
    return this.pool.remove(me, id, userId);
  }

  @Post('competitions/:id/judges/me/conflicts')
  @HttpCode(200)
  @Roles('judge')
  @ApiOperation({
    summary: 'A judge in the pool declares more conflicts (never fewer)',
    description:
      'Nothing changes at once that would show which entries match: the judge’s assignments in this competition go on hold (`access: "conflict_review"`, no entry, no scores) until the coordinator’s next assignment run, an edit of this judge, or the hourly maintenance applies the conflicts.',
  })
  @ApiOkResponse({ type: JudgeResponseDto })
  @ApiErrors(404)
  declareConflicts(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: ConflictsDto,
  ): Promise<JudgeResponseDto> {
    return this.pool.declareOwn(me, id, dto);
  }

  @Post('competitions/:id/judging-rounds')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'A judging round, in draft; reminders are planned 48 h and 12 h before it closes',
  })
  @ApiCreatedResponse({ type: RoundResponseDto })
  @ApiErrors(404, { 422: 'UNKNOWN_ROUND' })
  createRound(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: CreateJudgingRoundDto,
  ): Promise<RoundResponseDto> {
    return this.rounds.create(me, id, dto);
  }

  @Get('competitions/:id/judging-rounds')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'The competition’s judging rounds, oldest first' })
  @ApiOkResponse({ type: JudgingRoundListDto })
  @ApiErrors(404)
  listRounds(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<JudgingRoundListDto> {
    return this.rounds.list(me, id);
  }

  @Get('judging-rounds/:id/assignments')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary:
      'The round’s active assignments, for review (team names included: staff are not blind)',
  })
  @ApiOkResponse({ type: RoundAssignmentsDto })
  @ApiErrors(404)
  roundAssignments(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<RoundAssignmentsDto> {
    return this.assignments.roundList(me, id);
  }

  @Get('judging-rounds/:id')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'A round with the state of its latest assignment run' })
  @ApiOkResponse({ type: RoundResponseDto })
  @ApiErrors(404)
  getRound(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<RoundResponseDto> {
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
  @ApiErrors(404, { 409: ['ROUND_CLOSED', 'INVALID_TRANSITION'] })
  updateRound(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateJudgingRoundDto,
  ): Promise<RoundResponseDto> {
    return this.rounds.update(me, id, dto);
  }

  @Post('judging-rounds/:id/assignments')
  @HttpCode(202)
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'Assign judges (a job); a re-run tops up and keeps assignments and scores',
    description:
      ASSIGNMENT_OBJECTIVE +
      '\n\n503 DEPENDENCY_UNAVAILABLE (with Retry-After) while the job queue is unavailable: nothing is written.',
  })
  @ApiAcceptedResponse({ type: JobAcceptedDto })
  @ApiErrors(404, { 409: ['ROUND_CLOSED', 'RUN_IN_PROGRESS'] })
  assign(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<JobAcceptedDto> {
    return this.rounds.startAssignment(me, id);
  }

  @Post('judging-rounds/:id/assignments/manual')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Give one entry to one judge by hand (no conflict allowed: 409)' })
  @ApiCreatedResponse({ type: StaffAssignmentDto })
  @ApiErrors(404, {
    409: ['ROUND_CLOSED', 'CONFLICT_OF_INTEREST', 'ALREADY_ASSIGNED', 'JUDGE_RECUSED'],
    422: ['NOT_IN_ROUND', 'NOT_IN_POOL'],
  })
  addAssignment(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: ManualAssignmentDto,
  ): Promise<StaffAssignmentDto> {
    return this.assignments.addManual(me, id, dto);
  }

  @Delete('assignments/:id')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Take one assignment away (not one with a final score)' })
  @ApiOkResponse({ type: StaffAssignmentDto, description: 'the assignment, now removed' })
  @ApiErrors(404, { 409: ['ROUND_CLOSED', 'NOT_ACTIVE', 'SCORE_FINAL'] })
  removeAssignment(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<StaffAssignmentDto> {
    return this.assignments.removeManual(me, id);
  }

  @Post('judging-rounds/:id/remind')
  @HttpCode(200)
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary:
      'Remind now the judges (all, or those named) with an entry still lacking a final score',
    description:
      'Judges who may not score now (on hold for conflicts they declared, out of the pool, or without the judge role) are not reminded. At most 5 calls a coordinator per round per hour (429 RATE_LIMITED).',
  })
  @ApiOkResponse({ type: RemindResponseDto })
  @ApiErrors(404, { 409: 'ROUND_CLOSED', 429: 'RATE_LIMITED' })
  remind(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: RemindDto,
  ): Promise<RemindResponseDto> {
    return this.rounds.remindNow(me, id, dto);
  }

  @Get('judging-rounds/:id/progress')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Assigned, drafted and final scores per judge and per entry' })
  @ApiOkResponse({ type: ProgressDto })
  @ApiErrors(404)
  progress(@CurrentUser() me: Principal, @Param('id', UuidParam) id: string): Promise<ProgressDto> {
    return this.results.progress(me, id);
  }

  @Get('judging-rounds/:id/ranking')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary:
      'The normalised ranking of the round; ?format=csv adds every judge’s scores and comments',
    description: `${RANKING_FORMULA}\n\nTie-break rules, in order: ${TIE_BREAK_RULES.join(', ')}.`,
  })
  @ApiOkJsonOrCsv([RankingRowDto])
  @ApiErrors(404)
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
  @ApiErrors(404, { 422: 'NOT_IN_ROUND' })
  shortlist(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: ShortlistDto,
  ): Promise<ShortlistResponseDto> {
    return this.results.shortlist(me, id, dto);
  }

  @Post('competitions/:id/results')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Record the awards (replaces earlier ones until published)' })
  @ApiCreatedResponse({ type: ResultsDto })
  @ApiErrors(404, { 409: 'RESULTS_PUBLISHED', 422: 'NOT_IN_COMPETITION' })
  recordResults(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: RecordResultsDto,
  ): Promise<ResultsDto> {
    return this.results.record(me, id, dto);
  }

  @Get('competitions/:id/results/publish-preview')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: 'How many people publishing the results now would tell, and about how many entries',
  })
  @ApiOkResponse({ type: ResultsPublishPreviewDto })
  @ApiErrors(404, { 409: ['NO_RESULTS', 'RESULTS_PUBLISHED'] })
  publishPreview(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<ResultsPublishPreviewDto> {
    return this.results.publishPreview(me, id);
  }

  @Post('competitions/:id/results/publish')
  @HttpCode(200)
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Publish the results: entries become awarded, every member is told' })
  @ApiOkResponse({ type: ResultsDto })
  @ApiErrors(404, { 409: ['NO_RESULTS', 'RESULTS_PUBLISHED'] })
  publish(@CurrentUser() me: Principal, @Param('id', UuidParam) id: string): Promise<ResultsDto> {
    return this.results.publish(me, id);
  }

  @OptionalAuth()
  @Get('competitions/:id/results')
  @ApiOperation({
    summary: 'The results: public once published, before that only for the programme’s staff',
  })
  @ApiOkResponse({ type: ResultsDto })
  @ApiErrors(404)
  getResults(
    @CurrentUser() me: Principal | undefined,
    @Param('id', UuidParam) id: string,
  ): Promise<ResultsDto> {
    return this.results.get(me, id);
  }
}
