import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuditService } from '../audit/audit.service';
import { CurrentUser, Public, Roles } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { UuidParam } from '../common/http/uuid-param';
import { AdminUsersService } from './admin-users.service';
import {
  AuditEventPageDto,
  AuditQuery,
  CreateStaffDto,
  SetDateOfBirthDto,
  SetRolesDto,
  StaffInvitationDto,
  StaffInvitationPreviewDto,
  UserListQuery,
  UserPageDto,
} from './dto/admin.dto';
import { MeDto } from './dto/profile.dto';
import { ProfileService } from './profile.service';
import { UserDto } from './dto/auth.dto';
import type { Role } from '../common/auth/roles';
import { ApiErrors } from '../common/openapi/api-errors';

@ApiTags('admin')
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
    description:
      'For an address that already has an account, no role changes: its owner is emailed an invitation (202) and gets the roles by accepting it (POST /staff-invitations/{token}/accept, signed in). 409 ROLES_ALREADY_HELD when the account already holds every role asked for.',
  })
  @ApiCreatedResponse({ type: UserDto, description: 'a new account' })
  @ApiAcceptedResponse({ type: StaffInvitationDto, description: 'an existing account: invited' })
  @ApiErrors({ 409: 'ROLES_ALREADY_HELD' })
  async create(
    @CurrentUser() me: Principal,
    @Body() dto: CreateStaffDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const outcome = await this.users.createStaff(me, dto);
    if ('created' in outcome) return outcome.created;
    reply.status(202);
    return outcome.invited;
  }

  @Get('users')
  @ApiOperation({ summary: 'Find accounts by role or email' })
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() q: UserListQuery) {
    return this.users.list(q);
  }

  @Put('users/:id/roles')
  @ApiOperation({
    summary: "Replace a user's roles (Kenal keeps at least one admin)",
    description:
      'Granting a staff role to an account whose email is unconfirmed: 403 EMAIL_UNVERIFIED.',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(404, { 403: 'EMAIL_UNVERIFIED', 409: 'LAST_ADMIN' })
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
  @ApiOkResponse({ type: AuditEventPageDto })
  auditEvents(@Query() q: AuditQuery) {
    return this.audit.list(q);
  }
}

/** An admin's offer of staff roles to an existing account, accepted by its owner. */
@ApiTags('identity')
@Controller('staff-invitations')
export class StaffInvitationsController {
  constructor(private readonly users: AdminUsersService) {}

  @Public()
  @Get(':token')
  @ApiOperation({
    summary: 'What the emailed link shows: the roles offered and whether it still works',
    description: 'Sign in as the invited account, then POST …/accept.',
  })
  @ApiOkResponse({ type: StaffInvitationPreviewDto })
  @ApiErrors(404)
  preview(@Param('token') token: string) {
    return this.users.describeInvitation(token);
  }

  @Post(':token/accept')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept the staff roles an admin offered (signed in as the invited account)',
    description: 'The link came by email, so accepting also confirms the address.',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors({ 400: 'TOKEN_INVALID' })
  @ApiErrors({ 403: 'FORBIDDEN' })
  accept(@CurrentUser() me: Principal, @Param('token') token: string) {
    return this.users.acceptRoles(me, token);
  }
}
