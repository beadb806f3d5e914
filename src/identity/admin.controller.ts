import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Res,
  UseGuards,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { RateLimited, RateLimitGuard } from '../common/http/rate-limit.guard';
import { AuditEventPageDto } from '../audit/audit-event.dto';
import { AuditService } from '../audit/audit.service';
import { CurrentUser, OptionalAuth, Public, Roles } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { UuidParam } from '../common/http/uuid-param';
import { AdminUsersService, RESENDS_PER_DAY } from './admin-users.service';
import {
  AcceptStaffInvitationDto,
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
import { AuthResponseDto, UserDto } from './dto/auth.dto';
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
  ): Promise<UserDto | StaffInvitationDto> {
    const outcome = await this.users.createStaff(me, dto);
    if ('created' in outcome) return outcome.created;
    reply.status(202);
    return outcome.invited;
  }

  @Get('users')
  @ApiOperation({ summary: 'Find accounts by role or email' })
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() q: UserListQuery): Promise<UserPageDto> {
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
  ): Promise<UserDto> {
    return this.users.setRoles(me, id, dto.roles as Role[]);
  }

  @Post('users/:id/invitation')
  @HttpCode(200)
  @ApiOperation({
    summary: "Send a staff member's invitation again with a new link (the old one stops working)",
    description:
      'For a new account that has not chosen its password, or roles still on offer to an existing account; ' +
      `409 NO_OPEN_INVITATION otherwise. At most ${RESENDS_PER_DAY} a day per account (429 RATE_LIMITED).`,
  })
  @ApiOkResponse({ type: StaffInvitationDto })
  @ApiErrors(404, { 409: 'NO_OPEN_INVITATION', 429: 'RATE_LIMITED' })
  resendInvitation(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
  ): Promise<StaffInvitationDto> {
    return this.users.resendInvitation(me, id);
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
  ): Promise<MeDto> {
    return this.profiles.changeDateOfBirth(me, id, dto);
  }

  @Get('audit-events')
  @ApiOperation({
    summary: 'The audit log: who did what to which row, newest first',
    description:
      'Filters: action (or its prefix), actor (id or part of the email), target, time range.',
  })
  @ApiOkResponse({ type: AuditEventPageDto })
  auditEvents(@Query() q: AuditQuery): Promise<AuditEventPageDto> {
    return this.audit.list(q);
  }
}

/**
 * The emailed staff invitation: a new account's owner chooses a password (and is signed in), an
 * existing account's owner accepts the roles signed in.
 */
@ApiTags('identity')
@Controller('staff-invitations')
@UseGuards(RateLimitGuard)
@ApiExtraModels(UserDto, AuthResponseDto)
export class StaffInvitationsController {
  constructor(private readonly users: AdminUsersService) {}

  @Public()
  @Get(':token')
  @ApiOperation({
    summary: 'What the emailed link shows: who invited whom, the roles offered, whether it works',
    description:
      'kind new_account: POST …/accept with a password; existing_account: sign in as the invited account, then POST …/accept.',
  })
  @ApiOkResponse({ type: StaffInvitationPreviewDto })
  @ApiErrors(404)
  preview(@Param('token') token: string): Promise<StaffInvitationPreviewDto> {
    return this.users.describeInvitation(token);
  }

  @OptionalAuth()
  @Post(':token/accept')
  @HttpCode(200)
  @RateLimited('staff-invitation')
  @ApiOperation({
    summary: 'Accept a staff invitation',
    description:
      'A new account (kind new_account) sends its password and is signed in: the answer is a session like POST /auth/login. ' +
      'An existing account accepts signed in as the invited account: the answer is the account with its new roles. ' +
      'The link came by email, so accepting also confirms the address.',
  })
  @ApiOkResponse({
    schema: { oneOf: [{ $ref: getSchemaPath(AuthResponseDto) }, { $ref: getSchemaPath(UserDto) }] },
  })
  @ApiErrors(401, { 400: ['TOKEN_INVALID', 'VALIDATION_FAILED'], 403: 'FORBIDDEN' }, 429)
  accept(
    @CurrentUser() me: Principal | undefined,
    @Param('token') token: string,
    @Body() dto: AcceptStaffInvitationDto,
  ): Promise<AuthResponseDto | UserDto> {
    return this.users.acceptInvitation(me, token, dto?.password);
  }
}
