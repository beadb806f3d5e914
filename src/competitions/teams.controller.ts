import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, VerifiedEmail } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { PageQuery } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import {
  InvitationDeclinedDto,
  InvitationPreviewDto,
  InviteDto,
  MyTeamPageDto,
  SentInvitationDto,
  TeamResponseDto,
  UpdateTeamDto,
} from './dto/team.dto';
import { TeamsService } from './teams.service';
import { ApiErrors } from '../common/openapi/api-errors';

@ApiTags('competitions')
@Controller()
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get('me/teams')
  @ApiOperation({
    summary:
      'My teams across competitions: my role, the members, the entry if any, invitations I sent',
  })
  @ApiOkResponse({ type: MyTeamPageDto })
  mine(@CurrentUser() me: Principal, @Query() q: PageQuery): Promise<MyTeamPageDto> {
    return this.teams.mine(me, q);
  }

  @Get('teams/:id')
  @ApiOperation({ summary: 'A team, its members and pending invitations (members and staff)' })
  @ApiOkResponse({ type: TeamResponseDto })
  @ApiErrors(404)
  get(@CurrentUser() me: Principal, @Param('id', UuidParam) id: string): Promise<TeamResponseDto> {
    return this.teams.get(me, id);
  }

  @Patch('teams/:id')
  @ApiOperation({
    summary: 'Rename the team or choose its public name, shown in published results (the leader)',
    description:
      'A team started without a name is "Team <code>", and results publish that neutral name until the leader sets `publicName` (null goes back to it). 400 VALIDATION_FAILED, 403 FORBIDDEN for members who are not the leader, 404 NOT_FOUND for others.',
  })
  @ApiOkResponse({ type: TeamResponseDto })
  update(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateTeamDto,
  ): Promise<TeamResponseDto> {
    return this.teams.update(me, id, dto);
  }

  @Post('teams/:id/invitations')
  @VerifiedEmail()
  @ApiOperation({ summary: 'Invite someone by email (the leader); the link is single use' })
  @ApiCreatedResponse({ type: SentInvitationDto })
  @ApiErrors(
    403,
    404,
    { 409: ['DEADLINE_PASSED', 'SUBMISSION_LOCKED', 'CONFLICT'] },
    { 429: 'TOO_MANY_EMAILS' },
  )
  invite(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: InviteDto,
  ): Promise<SentInvitationDto> {
    return this.teams.invite(me, id, dto.email);
  }

  @Public()
  @Get('team-invitations/:token')
  @ApiOperation({
    summary: 'What the emailed link shows: team, competition, invited email and status',
    description: 'Sign in with the invited email, then POST …/accept or …/decline.',
  })
  @ApiOkResponse({ type: InvitationPreviewDto })
  @ApiErrors({ 400: 'TOKEN_INVALID' })
  preview(@Param('token') token: string): Promise<InvitationPreviewDto> {
    return this.teams.preview(token);
  }

  @Post('team-invitations/:token/accept')
  @VerifiedEmail()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept an invitation: only the invited email may, while the team has room',
  })
  @ApiOkResponse({ type: TeamResponseDto })
  @ApiErrors({ 400: 'TOKEN_INVALID' }, 403, {
    409: ['DEADLINE_PASSED', 'SUBMISSION_LOCKED', 'ALREADY_IN_TEAM', 'TEAM_FULL'],
  })
  accept(@CurrentUser() me: Principal, @Param('token') token: string): Promise<TeamResponseDto> {
    return this.teams.accept(me, token);
  }

  @Post('team-invitations/:token/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline an invitation' })
  @ApiErrors({ 400: 'TOKEN_INVALID' }, 403)
  @ApiOkResponse({ type: InvitationDeclinedDto })
  decline(
    @CurrentUser() me: Principal,
    @Param('token') token: string,
  ): Promise<InvitationDeclinedDto> {
    return this.teams.decline(me, token);
  }

  @Post('teams/:id/leave')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Leave a team; a leaving leader hands over to the longest-standing member',
  })
  @ApiErrors(404, { 409: ['DEADLINE_PASSED', 'SUBMISSION_LOCKED', 'CONFLICT'] })
  async leave(@CurrentUser() me: Principal, @Param('id', UuidParam) id: string) {
    await this.teams.leave(me, id);
  }

  @Delete('teams/:id/members/:userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a member (the leader)' })
  @ApiErrors({ 400: 'VALIDATION_FAILED' }, 403, 404, {
    409: ['DEADLINE_PASSED', 'SUBMISSION_LOCKED'],
  })
  async remove(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Param('userId', UuidParam) userId: string,
  ) {
    await this.teams.removeMember(me, id, userId);
  }
}
