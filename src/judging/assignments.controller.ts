import {
  Body,
  Controller,
  Get,
  Header,
  Headers,
  HttpCode,
  Param,
  Post,
  Put,
  StreamableFile,
} from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CallerCheck, CurrentUser, Roles, SessionInStatement } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import type { SessionCheck } from '../common/auth/session-check';
import { JSON_TYPE, type SentJson } from '../common/http/precompressed';
import { UuidParam } from '../common/http/uuid-param';
import { AssignmentsService } from './assignments.service';
import { MyAssignmentDto, RecusedDto, RecuseDto, ScoreDto } from './dto/judging.dto';
import { ApiErrors } from '../common/openapi/api-errors';

/** The judge's side: assigned entries (blind where the round says so), scores and recusals. */
@ApiTags('judging')
@Controller()
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Get('me/assignments')
  @Roles('judge')
  @SessionInStatement()
  @ApiOperation({
    summary: 'My assignments; in a blind round the entry carries no team, member or file name',
  })
  @ApiOkResponse({ type: [MyAssignmentDto] })
  @Header('content-type', JSON_TYPE)
  mine(@CallerCheck() check: SessionCheck): Promise<SentJson<MyAssignmentDto[]>> {
    return this.assignments.mine(check);
  }

  @Get('assignments/:id')
  @Roles('judge', 'coordinator', 'admin')
  @ApiOperation({
    summary: 'One assignment (its judge, or the programme’s staff)',
    description:
      'The judge sees the entry only while they may read it (`access: "open"`): a recused or withdrawn assignment, a closed round, published results, a judge out of the pool or without the role show the status, `access` and the score, with `submission: null`.',
  })
  @ApiOkResponse({ type: MyAssignmentDto })
  @ApiErrors(404)
  get(@CurrentUser() me: Principal, @Param('id', UuidParam) id: string): Promise<MyAssignmentDto> {
    return this.assignments.get(me, id);
  }

  @Get('assignments/:id/assets/:assetId')
  @Roles('judge')
  @ApiOperation({
    summary: 'Download a file of the assigned entry (named by its id only)',
    description:
      'In a blind round, images and PDFs come without the metadata that names people (EXIF, XMP, comments, PDF document information); 404 once the judge may no longer read the entry.',
  })
  @ApiErrors(404)
  async asset(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Param('assetId', UuidParam) assetId: string,
  ) {
    const { asset, stream, length } = await this.assignments.asset(me, id, assetId);
    return new StreamableFile(stream, {
      type: asset.mime,
      length,
      disposition: `attachment; filename="${asset.id}"`,
    });
  }

  @Put('assignments/:id/score')
  @Roles('judge')
  @ApiOperation({
    summary: 'Save a draft or final score (409 once final or once the round closes)',
    description:
      'Send the score version you edited as `version` or `If-Match`: if it changed meanwhile, 409 instead of overwriting. 409 CONFLICTS_UNDER_REVIEW while conflicts the judge declared are being applied (see POST /competitions/{id}/judges/me/conflicts).',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'the score version, e.g. "2"' })
  @ApiOkResponse({ type: MyAssignmentDto })
  @ApiErrors(404, {
    409: [
      'NOT_ACTIVE',
      'ROUND_CLOSED',
      'ROUND_NOT_OPEN',
      'SCORE_FINAL',
      'CONFLICTS_UNDER_REVIEW',
      'CONFLICT',
    ],
  })
  score(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: ScoreDto,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<MyAssignmentDto> {
    return this.assignments.score(me, id, dto, ifMatch);
  }

  @Post('assignments/:id/recuse')
  @HttpCode(200)
  @Roles('judge')
  @ApiOperation({
    summary: 'Step back from an entry; another unconflicted judge takes it over',
    description:
      'Answers once the recusal is recorded; a top-up run (`reassignment.jobIds`) then gives the entry to another unconflicted judge and tells the coordinators whether one took it over.',
  })
  @ApiOkResponse({ type: RecusedDto })
  @ApiErrors(404, { 409: ['NOT_ACTIVE', 'ROUND_CLOSED', 'SCORE_FINAL'] })
  recuse(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: RecuseDto,
  ): Promise<RecusedDto> {
    return this.assignments.recuse(me, id, dto.reason);
  }
}
