import {
  Body,
  Controller,
  Get,
  Header,
  Headers,
  HttpCode,
  Param,
  Post,
  Put,
  Res,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AppError, badRequest } from '../common/errors/app-error';
import { consentDonePage, consentPage, errorPage, wantsHtml } from './link-pages';
import { CurrentUser, Public } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { GuardianConsentDetailsDto, MeDto, ProfileDto } from './dto/profile.dto';
import { DataExportService } from './data-export.service';
import { GuardianConsentService } from './guardian-consent.service';
import { ProfileService } from './profile.service';
import { INTERESTS } from './reference-data';

@ApiTags('identity')
@Controller()
export class MeController {
  constructor(
    private readonly profiles: ProfileService,
    private readonly consents: GuardianConsentService,
    private readonly exports: DataExportService,
  ) {}

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who I am: account, profile and guardian-consent state' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() me: Principal) {
    return this.profiles.me(me.id);
  }

  @Get('me/export')
  @ApiBearerAuth()
  @Header('content-type', 'application/json; charset=utf-8')
  @ApiOperation({
    summary: 'Download everything Kenal holds about me (JSON)',
    description:
      'Account, profile, guardian consents, sessions, pen-pal enrolments and matches, teams and their entries, scores given as a judge, notifications and my actions. No password or token.',
  })
  async export(@CurrentUser() me: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    const data = await this.exports.export(me.id);
    const day = data.exportedAt.slice(0, 10);
    void reply.header('content-disposition', `attachment; filename="kenal-data-${day}.json"`);
    return data;
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
  @Get('guardian-consents/:token')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({
    summary: 'The page the emailed consent link opens: who asks, and a button to agree',
  })
  @ApiProduces('text/html')
  async consentPage(@Param('token') token: string) {
    return consentPage(token, await this.consents.describe(token));
  }

  @Public()
  @Get('guardian-consents/:token/details')
  @ApiOperation({
    summary: 'Who asks for consent, for the web page the emailed link opens (/consent/{token})',
    description: 'A used, replaced or expired link → 400 TOKEN_INVALID.',
  })
  @ApiOkResponse({ type: GuardianConsentDetailsDto })
  async consentDetails(@Param('token') token: string): Promise<GuardianConsentDetailsDto> {
    const details = await this.consents.describe(token);
    if (!details) {
      throw badRequest(
        'TOKEN_INVALID',
        'This consent link has already been used, was replaced, or has expired',
      );
    }
    return details;
  }

  @Public()
  @Post('guardian-consents/:token/confirm')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'A guardian confirms consent with the link they were emailed (JSON, or HTML for the form)',
  })
  async confirm(
    @Param('token') token: string,
    @Headers() headers: Record<string, string>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!wantsHtml(headers)) return this.consents.confirm(token);
    reply.type('text/html; charset=utf-8');
    try {
      return consentDonePage((await this.consents.confirm(token)).participantName);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      reply.status(err.status);
      return errorPage(err.message);
    }
  }

  @Public()
  @Get('interests')
  @ApiOperation({ summary: 'The controlled list of interest tags, with English and Korean labels' })
  interests() {
    return INTERESTS;
  }
}
