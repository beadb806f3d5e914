import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { CurrentUser, Public, VerifiedEmail } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { UuidParam } from '../common/http/uuid-param';
import {
  InvitationDto,
  InvitationPreviewDto,
  InviteDto,
  TeamResponseDto,
  UpdateTeamDto,
} from './dto/team.dto';
import { TeamsService } from './teams.service';

@ApiTags('competitions')
@ApiBearerAuth()
@Controller()
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get('teams/:id')
  @ApiOperation({ summary: 'A team, its members and pending invitations (members and staff)' })
  @ApiOkResponse({ type: TeamResponseDto })
  get(@CurrentUser() me: Principal, @Param('id', UuidParam) id: string) {
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
  ) {
    return this.teams.update(me, id, dto);
  }

  @Post('teams/:id/invitations')
  @VerifiedEmail()
  @ApiOperation({ summary: 'Invite someone by email (the leader); the link is single use' })
  @ApiCreatedResponse({ type: InvitationDto })
  @ApiTooManyRequestsResponse({
    description:
      'TOO_MANY_EMAILS (Retry-After): INVITATIONS_PER_SENDER_PER_DAY (default 20) from the caller, or INVITATIONS_PER_RECIPIENT_PER_DAY (default 5) to the address',
  })
  invite(@CurrentUser() me: Principal, @Param('id', UuidParam) id: string, @Body() dto: InviteDto) {
    return this.teams.invite(me, id, dto.email);
  }

  @Public()
  @Get('team-invitations/:token')
  @ApiOperation({
    summary: 'What the emailed link shows: team, competition, invited email and status',
    description: 'Sign in with the invited email, then POST …/accept or …/decline.',
  })
  @ApiOkResponse({ type: InvitationPreviewDto })
  preview(@Param('token') token: string) {
    return this.teams.preview(token);
  }

  @Post('team-invitations/:token/accept')
  @VerifiedEmail()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept an invitation: only the invited email may, while the team has room',
  })
  @ApiOkResponse({ type: TeamResponseDto })
  accept(@CurrentUser() me: Principal, @Param('token') token: string) {
    return this.teams.accept(me, token);
  }

  @Post('team-invitations/:token/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline an invitation' })
  decline(@CurrentUser() me: Principal, @Param('token') token: string) {
    return this.teams.decline(me, token);
  }

  @Post('teams/:id/leave')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Leave a team; a leaving leader hands over to the longest-standing member',
  })
  async leave(@CurrentUser() me: Principal, @Param('id', UuidParam) id: string) {
    await this.teams.leave(me, id);
  }

  @Delete('teams/:id/members/:userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a member (the leader)' })
  async remove(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Param('userId', UuidParam) userId: string,
  ) {
    await this.teams.removeMember(me, id, userId);
  }
}
