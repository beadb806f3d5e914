import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Req,
  Res,
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
import type { Readable } from 'node:stream';
import { CurrentUser, VerifiedEmail } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { AppError } from '../common/errors/app-error';
import { UuidParam } from '../common/http/uuid-param';
import { ApiErrors } from '../common/openapi/api-errors';
import { BeginUploadDto, UploadProgressDto, UploadSessionDto } from './dto/upload.dto';
import { offsetHeader, ResumableUploadsService } from './resumable-uploads.service';

/** The media type of a piece of a resumable upload (as tus uses it). */
export const PIECE_TYPE = 'application/offset+octet-stream';

const withOffset = <T extends { offset: number }>(reply: FastifyReply, body: T): T => {
  reply.header('Upload-Offset', String(body.offset));
  reply.header('Cache-Control', 'no-store');
  return body;
};

@ApiTags('competitions')
@Controller()
export class UploadsController {
  constructor(private readonly uploads: ResumableUploadsService) {}

  @Post('submissions/:id/uploads')
  @VerifiedEmail()
  @ApiOperation({
    summary: 'Begin a resumable upload of a file of the entry: its role, size and name',
    description:
      'Then PATCH /uploads/{id} with the bytes from Upload-Offset; after a dropped connection, GET (or HEAD) /uploads/{id} says where to go on. The same checks as POST /submissions/{id}/assets: who and when now, the size against the limit and quotas now (413), the content with the last byte (415). An upload not finished in 24 hours is removed.',
  })
  @ApiCreatedResponse({ type: UploadSessionDto })
  @ApiErrors(
    403,
    404,
    { 409: ['DEADLINE_PASSED', 'CONFLICT', 'QUOTA_EXCEEDED'] },
    { 413: ['PAYLOAD_TOO_LARGE', 'QUOTA_EXCEEDED'] },
    { 507: 'INSUFFICIENT_STORAGE' },
  )
  begin(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: BeginUploadDto,
  ): Promise<UploadSessionDto> {
    return this.uploads.begin(me, id, dto);
  }

  @Get('uploads/:id')
  @ApiOperation({
    summary:
      'Where my resumable upload stands: the offset to send from (HEAD gives it as Upload-Offset)',
  })
  @ApiOkResponse({ type: UploadSessionDto })
  @ApiErrors(404, { 410: 'UPLOAD_EXPIRED' })
  async status(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UploadSessionDto> {
    return withOffset(reply, await this.uploads.status(me, id));
  }

  @Patch('uploads/:id')
  @VerifiedEmail()
  @ApiOperation({
    summary:
      'Send a piece of the file from Upload-Offset; the last byte makes it a file of the entry',
    description:
      'Body: the raw bytes, Content-Type application/offset+octet-stream. Bytes that arrive before a connection drops are kept. With the last byte the file is checked like a direct upload and `asset` is the new file (its sha256 to compare); a refused file (413, 415, quotas, deadline) ends the upload.',
  })
  @ApiHeader({ name: 'Upload-Offset', required: true, description: 'where this piece starts' })
  @ApiConsumes(PIECE_TYPE)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: UploadProgressDto })
  @ApiErrors(
    { 400: ['VALIDATION_FAILED', 'UPLOAD_ABORTED'] },
    403,
    404,
    {
      409: [
        'UPLOAD_OFFSET_MISMATCH',
        'UPLOAD_BUSY',
        'DEADLINE_PASSED',
        'CONFLICT',
        'QUOTA_EXCEEDED',
      ],
    },
    { 410: 'UPLOAD_EXPIRED' },
    { 413: ['PAYLOAD_TOO_LARGE', 'QUOTA_EXCEEDED'] },
    415,
    { 507: 'INSUFFICIENT_STORAGE' },
  )
  async append(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Headers('upload-offset') offset: string | undefined,
    @Headers('content-length') length: string | undefined,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UploadProgressDto> {
    if (req.headers['content-type']?.split(';')[0].trim() !== PIECE_TYPE) {
      throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `Send the bytes as ${PIECE_TYPE}`);
    }
    const from = offsetHeader(offset);
    const bytes = length !== undefined && /^\d+$/.test(length) ? Number(length) : undefined;
    return withOffset(reply, await this.uploads.append(me, id, from, bytes, req.body as Readable));
  }

  @Delete('uploads/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Give up a resumable upload: its bytes go' })
  @ApiErrors(404, { 410: 'UPLOAD_EXPIRED' })
  async cancel(@CurrentUser() me: Principal, @Param('id', UuidParam) id: string) {
    await this.uploads.cancel(me, id);
  }
}
