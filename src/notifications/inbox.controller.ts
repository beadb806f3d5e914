import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/http/uuid-param';
import { CurrentUser } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { InboxItemDto, InboxPageDto, InboxQuery } from './dto/inbox.dto';
import { InboxService } from './inbox.service';
import { ApiErrors } from '../common/openapi/api-errors';

@ApiTags('notifications')
@Controller('me/notifications')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ApiOperation({ summary: 'My in-app notifications, newest first' })
  @ApiOkResponse({ type: InboxPageDto })
  list(@CurrentUser() me: Principal, @Query() q: InboxQuery): Promise<InboxPageDto> {
    return this.inbox.list(me.id, me.locale, q);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of my notifications as read' })
  @ApiOkResponse({ type: InboxItemDto })
  @ApiErrors(404)
  read(@CurrentUser() me: Principal, @Param('id', UuidParam) id: string): Promise<InboxItemDto> {
    return this.inbox.markRead(me.id, me.locale, id);
  }
}
