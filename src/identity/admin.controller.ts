import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService } from '../audit/audit.service';
import { CurrentUser, Roles } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { UuidParam } from '../common/http/uuid-param';
import { AdminUsersService } from './admin-users.service';
import {
  AuditEventPageDto,
  AuditQuery,
  CreateStaffDto,
  SetRolesDto,
  UserListQuery,
  UserPageDto,
} from './dto/admin.dto';
import { UserDto } from './dto/auth.dto';
import type { Role } from './user.entity';
import { ApiErrors } from '../common/openapi/api-errors';

@ApiTags('admin')
@Roles('admin')
@Controller('admin')
export class AdminController {
  constructor(
    private readonly users: AdminUsersService,
    private readonly audit: AuditService,
  ) {}

  @Post('users')
  @ApiOperation({
    summary: 'Create a staff account; the person is emailed a link to set a password',
  })
  @ApiCreatedResponse({ type: UserDto })
  @ApiErrors({ 409: 'EMAIL_TAKEN' })
  create(@CurrentUser() me: Principal, @Body() dto: CreateStaffDto) {
    return this.users.createStaff(me, dto);
  }

  @Get('users')
  @ApiOperation({ summary: 'Find accounts by role or email' })
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() q: UserListQuery) {
    return this.users.list(q);
  }

  @Put('users/:id/roles')
  @ApiOperation({ summary: "Replace a user's roles (Kenal keeps at least one admin)" })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(404, { 409: 'LAST_ADMIN' })
  setRoles(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: SetRolesDto,
  ) {
    return this.users.setRoles(me, id, dto.roles as Role[]);
  }

  @Get('audit-events')
  @ApiOperation({ summary: 'The audit log: who did what to which row, newest first' })
  @ApiOkResponse({ type: AuditEventPageDto })
  auditEvents(@Query() q: AuditQuery) {
    return this.audit.list(q);
  }
}
