import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { UuidParam } from '../common/http/uuid-param';
import { ApiErrors } from '../common/openapi/api-errors';
import { MentorProfileDto, MentorProfileViewDto } from './dto/mentor-profile.dto';
import { CheckInDto, CheckInViewDto, MyMentorshipDto } from './dto/mentorship.dto';
import { MentorProfilesService } from './mentor-profiles.service';
import { MentorshipsService } from './mentorships.service';

/** Mentors and mentored teams: the mentor's profile, my mentorships, check-ins. */
@ApiTags('mentoring')
@Controller()
export class MentorshipsController {
  constructor(
    private readonly profiles: MentorProfilesService,
    private readonly mentorships: MentorshipsService,
  ) {}

  @Get('me/mentor-profile')
  @Roles('mentor')
  @ApiOperation({ summary: 'My mentor profile (mentors)' })
  @ApiOkResponse({ type: MentorProfileViewDto })
  @ApiErrors(404)
  getProfile(@CurrentUser() me: Principal): Promise<MentorProfileViewDto> {
    return this.profiles.get(me);
  }

  @Put('me/mentor-profile')
  @Roles('mentor')
  @ApiOperation({ summary: 'Create or replace my mentor profile (mentors)' })
  @ApiOkResponse({ type: MentorProfileViewDto })
  putProfile(
    @CurrentUser() me: Principal,
    @Body() dto: MentorProfileDto,
  ): Promise<MentorProfileViewDto> {
    return this.profiles.put(me, dto);
  }

  @Get('me/mentorships')
  @ApiOperation({
    summary: 'My mentorships: as a mentor, or as a member of a mentored team, with check-ins',
  })
  @ApiOkResponse({ type: [MyMentorshipDto] })
  mine(@CurrentUser() me: Principal): Promise<MyMentorshipDto[]> {
    return this.mentorships.mine(me);
  }

  @Post('mentorships/:id/check-ins')
  @ApiOperation({
    summary: 'Record a check-in (the mentor or a team member)',
    description: '403 for anyone else; 409 MENTORSHIP_ENDED once it has ended.',
  })
  @ApiCreatedResponse({ type: CheckInViewDto })
  @ApiErrors(403, 404, { 409: 'MENTORSHIP_ENDED' })
  checkIn(
    @CurrentUser() me: Principal,
    @Param('id', UuidParam) id: string,
    @Body() dto: CheckInDto,
  ): Promise<CheckInViewDto> {
    return this.mentorships.checkIn(me, id, dto);
  }
}
