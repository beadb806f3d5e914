import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { MeDto, ProfileDto } from './dto/profile.dto';
import { GuardianConsentService } from './guardian-consent.service';
import { ProfileService } from './profile.service';
import { INTERESTS } from './reference-data';

@ApiTags('identity')
@Controller()
export class MeController {
  constructor(
    private readonly profiles: ProfileService,
    private readonly consents: GuardianConsentService,
  ) {}

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who I am: account, profile and guardian-consent state' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() me: Principal) {
    return this.profiles.me(me.id);
  }

  @Put('me/profile')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Create or replace my profile',
    description:
      'Under 18 a guardian (name, email) is required: they are emailed a link to confirm consent.',
  })
  @ApiOkResponse({ type: MeDto })
  putProfile(@CurrentUser() me: Principal, @Body() dto: ProfileDto) {
    return this.profiles.put(me.id, dto);
  }

  @Post('me/guardian-consent/resend')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Email my guardian a fresh consent link' })
  @ApiOkResponse({ type: MeDto })
  resend(@CurrentUser() me: Principal) {
    return this.profiles.resendConsent(me.id);
  }

  @Public()
  @Post('guardian-consents/:token/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'A guardian confirms consent with the link they were emailed' })
  confirm(@Param('token') token: string) {
    return this.consents.confirm(token);
  }

  @Public()
  @Get('interests')
  @ApiOperation({ summary: 'The controlled list of interest tags, with English and Korean labels' })
  interests() {
    return INTERESTS;
  }
}
