import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuditService } from '../audit/audit.service';
import { CurrentUser, Roles } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { UuidParam } from '../common/http/uuid-param';
import { AdminUsersService } from './admin-users.service';
import {
  AuditQuery,
  CreateStaffDto,
  SetDateOfBirthDto,
  SetRolesDto,
  UserListQuery,
} from './dto/admin.dto';
import { MeDto } from './dto/profile.dto';
import { ProfileService } from './profile.service';
import { UserDto } from './dto/auth.dto';
import type { Role } from './user.entity';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin')
export class AdminController {
  constructor(
    private readonly users: AdminUsersService,
    private readonly audit: AuditService,
    private readonly profiles: ProfileService,
  ) {}

  @Post('users')
  @ApiOperation({
    summary: 'Create a staff account; the person is emailed a link to set a password',
  })
  @ApiCreatedResponse({ type: UserDto })
  create(@CurrentUser() me: Principal, @Body() dto: CreateStaffDto) {
    return this.users.createStaff(me, dto);
  }

  @Get('users')
  @ApiOperation({ summary: 'Find accounts by role or email' })
  list(@Query() q: UserListQuery) {
    return this.users.list(q);
  }

  @Put('users/:id/roles')
  @ApiOperation({ summary: "Replace a user's roles (Kenal keeps at least one admin)" })
  @ApiOkResponse({ type: UserDto })
  setRoles(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: SetRolesDto,
  ) {
    return this.users.setRoles(me, id, dto.roles as Role[]);
  }

  @Put('users/:id/date-of-birth')
  @ApiOperation({
    summary: "Correct a person's date of birth, with the reason (audited)",
    description:
      'The only way to change a birth date once set (PUT /me/profile answers 409 DATE_OF_BIRTH_LOCKED). ' +
      'Someone who becomes a minor needs guardian consent again (their guardian, if named before, is asked afresh); ' +
      'published pen-pal matches no longer allowed (a minor without consent, a minor with an adult) end and both people are told. ' +
      '422 PROFILE_REQUIRED when the person has no profile.',
  })
  @ApiOkResponse({ type: MeDto })
  setDateOfBirth(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: SetDateOfBirthDto,
  ) {
    return this.profiles.changeDateOfBirth(me, id, dto);
  }

  @Get('audit-events')
  @ApiOperation({ summary: 'The audit log: who did what to which row, newest first' })
  auditEvents(@Query() q: AuditQuery) {
    return this.audit.list(q);
  }
}
