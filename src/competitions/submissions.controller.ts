import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  CallerCheck,
  CurrentUser,
  Roles,
  SessionInStatement,
  VerifiedEmail,
} from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import type { SessionCheck } from '../common/auth/session-check';
import { AppError } from '../common/errors/app-error';
import { PageQuery } from '../common/http/pagination';
import { JSON_TYPE, type SentJson } from '../common/http/precompressed';
import { UuidParam } from '../common/http/uuid-param';
import { AssetsService } from './assets.service';
import {
  AssetResponseDto,
  ExtensionDto,
  SubmissionResponseDto,
  SubmissionVersionPageDto,
  MySubmissionPageDto,
  UpdateSubmissionDto,
  UploadAssetDto,
} from './dto/submission.dto';
import { SubmissionsService } from './submissions.service';
import { ApiErrors } from '../common/openapi/api-errors';

/** The entry's version is its ETag (what If-Match sends back). */
const versionTag = (reply: FastifyReply, version: number) => reply.header('ETag', `"${version}"`);

const etag = <T extends { version: number }>(reply: FastifyReply, body: T): T => {
  versionTag(reply, body.version);
  return body;
};

@ApiTags('competitions')
@Controller()
export class SubmissionsController {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly assets: AssetsService,
  ) {}

  @Get('me/submissions')
  @ApiOperation({ summary: 'Entries of every team I am in' })
  @ApiOkResponse({ type: MySubmissionPageDto })
  mine(@CurrentUser() me: Principal, @Query() q: PageQuery): Promise<MySubmissionPageDto> {
    return this.submissions.mine(me, q);
  }

  @Get('submissions/:id')
  @ApiOperation({
    summary:
      'An entry (its team, coordinators of its programme, admins; judges through assignments)',
  })
  @ApiOkResponse({ type: SubmissionResponseDto })
  @ApiErrors(404)
  @SessionInStatement()
  @Header('content-type', JSON_TYPE)
  async get(
    @CallerCheck() check: SessionCheck,
    @Param('id', UuidParam) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SentJson<SubmissionResponseDto>> {
    const { version, body } = await this.submissions.get(check, id);
    versionTag(reply, version);
    return body;
  }

  @Patch('submissions/:id')
  @VerifiedEmail()
  @ApiOperation({
    summary: 'Edit until the deadline; every change is a new version',
    description:
      'Send the version you edited as `version` or `If-Match`: if a teammate saved first, 409 instead of overwriting.',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'the version, e.g. "3"' })
  @ApiOkResponse({ type: SubmissionResponseDto })
  @ApiErrors(403, 404, {
    409: ['DEADLINE_PASSED', 'CONFLICT'],
    422: ['SUBMISSION_INCOMPLETE', 'NOT_ELIGIBLE', 'GUARDIAN_CONSENT_REQUIRED'],
  })
  async update(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateSubmissionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubmissionResponseDto> {
    return etag(reply, await this.submissions.update(me, id, dto, ifMatch));
  }

  @Post('submissions/:id/submit')
  @VerifiedEmail()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Submit: checks completeness and eligibility (422 with one entry per problem)',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'a repeat with the same key gets the stored answer (kept 24 h)',
  })
  @ApiOkResponse({ type: SubmissionResponseDto })
  @ApiErrors({ 400: 'VALIDATION_FAILED' }, 403, 404, {
    409: ['DEADLINE_PASSED', 'SUBMISSIONS_NOT_OPEN', 'ALREADY_SUBMITTED', 'CONFLICT'],
    422: [
      'SUBMISSION_INCOMPLETE',
      'NOT_ELIGIBLE',
      'GUARDIAN_CONSENT_REQUIRED',
      'IDEMPOTENCY_KEY_REUSED',
    ],
  })
  async submit(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubmissionResponseDto> {
    const { body, replayed } = await this.submissions.submit(me, id, key);
    if (replayed) reply.header('Idempotent-Replayed', 'true');
    return body;
  }

  @Post('submissions/:id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw the entry; every member is told' })
  @ApiOkResponse({ type: SubmissionResponseDto })
  @ApiErrors(403, 404, 409)
  withdraw(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<SubmissionResponseDto> {
    return this.submissions.withdraw(me, id);
  }

  @Get('submissions/:id/versions')
  @ApiOperation({ summary: 'Every change: who, when, what' })
  @ApiOkResponse({ type: SubmissionVersionPageDto })
  @ApiErrors(404)
  versions(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Query() q: PageQuery,
  ): Promise<SubmissionVersionPageDto> {
    return this.submissions.versions(me, id, q);
  }

  @Post('submissions/:id/extension')
  @HttpCode(200)
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary:
      'Give this team until `until` to edit and submit (audited, with the reason given); every member is told the new deadline in their time zone',
  })
  @ApiOkResponse({ type: SubmissionResponseDto })
  @ApiErrors(404, 409)
  extend(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: ExtensionDto,
  ): Promise<SubmissionResponseDto> {
    return this.submissions.extend(me, id, dto.until, dto.reason);
  }

  @Post('submissions/:id/assets')
  @VerifiedEmail()
  @ApiOperation({
    summary:
      'Upload a video, poster or document (streamed; 413 over the limit, 415 if the content is not of the role)',
    description:
      'Quotas: UPLOAD_MAX_FILES_PER_SUBMISSION files per entry (409 QUOTA_EXCEEDED), UPLOAD_MAX_BYTES_PER_SUBMISSION bytes per entry and UPLOAD_MAX_BYTES_PER_USER bytes per uploader (413 QUOTA_EXCEEDED); 507 INSUFFICIENT_STORAGE while the disk has less than UPLOAD_MIN_FREE_BYTES free. A refused upload leaves nothing behind.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadAssetDto })
  @ApiCreatedResponse({ type: AssetResponseDto })
  @ApiErrors(
    { 400: ['VALIDATION_FAILED', 'UPLOAD_ABORTED'] },
    403,
    404,
    { 409: ['DEADLINE_PASSED', 'CONFLICT', 'QUOTA_EXCEEDED'] },
    { 413: ['PAYLOAD_TOO_LARGE', 'QUOTA_EXCEEDED'] },
    415,
    { 507: 'INSUFFICIENT_STORAGE' },
  )
  upload(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Query('role') roleQuery: string | undefined,
    @Req() req: FastifyRequest,
  ): Promise<AssetResponseDto> {
    return this.assets.upload(me, id, async (maxBytes) => {
      if (!req.isMultipart()) {
        throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data');
      }
      const part = await req.file({ limits: { fileSize: maxBytes }, throwFileSizeLimit: false });
      if (!part) return undefined;
      const field = part.fields.role;
      const role =
        field && !Array.isArray(field) && field.type === 'field' ? String(field.value) : roleQuery;
      return {
        role,
        filename: part.filename,
        stream: part.file,
        truncated: () => part.file.truncated,
      };
    });
  }

  @Delete('submissions/:id/assets/:assetId')
  @VerifiedEmail()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove an uploaded file (team members, until the deadline; a new version)',
  })
  @ApiErrors(403, 404, { 409: ['DEADLINE_PASSED', 'CONFLICT'] })
  async removeAsset(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Param('assetId', UuidParam) assetId: string,
  ) {
    await this.assets.remove(me, id, assetId);
  }

  @Get('submissions/:id/assets/:assetId')
  @ApiOperation({ summary: 'Download an uploaded file (whoever may read the entry)' })
  @ApiErrors(404)
  async download(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Param('assetId', UuidParam) assetId: string,
  ) {
    const { asset, stream } = await this.assets.download(me, id, assetId);
    return new StreamableFile(stream, {
      type: asset.mime,
      length: asset.size,
      disposition: `attachment; filename="${asset.id}"`,
    });
  }
}
