import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { UuidParam } from '../common/http/uuid-param';
import { ApiErrors } from '../common/openapi/api-errors';
import { PipelinePageDto, PipelineQuery, RetriedDto } from './dto/pipeline.dto';
import { PipelineService } from './pipeline.service';

@ApiTags('admin')
@Roles('admin')
@Controller('admin/notifications')
export class PipelineController {
  constructor(private readonly pipeline: PipelineService) {}

  @Get()
  @ApiOperation({
    summary: 'The notification pipeline: messages by status, newest first, with the last error',
  })
  @ApiOkResponse({ type: PipelinePageDto })
  list(@Query() q: PipelineQuery): Promise<PipelinePageDto> {
    return this.pipeline.list(q);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send a failed notification again (audited)',
    description:
      '409 NOT_FAILED unless it failed; 409 LINK_FORGOTTEN when its single-use link was forgotten on failing (send a new link instead).',
  })
  @ApiOkResponse({ type: RetriedDto })
  @ApiErrors(404, { 409: ['NOT_FAILED', 'LINK_FORGOTTEN'], 503: 'DEPENDENCY_UNAVAILABLE' })
  retry(@CurrentUser() me: Principal, @Param('id', UuidParam) id: string): Promise<RetriedDto> {
    return this.pipeline.retry(me, id);
  }
}
