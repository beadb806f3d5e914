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
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { AppError } from '../common/errors/app-error';
import {
  answerLinkForm,
  consentDonePage,
  consentPage,
  errorPage,
  wantsHtml,
  withdrawDonePage,
  withdrawPage,
} from './link-pages';
import { CurrentUser, Public } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { ConsentWithdrawnDto, MeDto, ProfileDto } from './dto/profile.dto';
import { DataExportService } from './data-export.service';
import { GuardianConsentService } from './guardian-consent.service';
import { ProfileService } from './profile.service';
import { INTERESTS } from './reference-data';
import { precompressJson, sendPrecompressed } from '../common/http/precompressed';

const INTERESTS_BODY = precompressJson(INTERESTS);

const CONSENT_LIMIT =
  'TOO_MANY_EMAILS (Retry-After): the minor, or the guardian address, has had CONSENT_EMAILS_PER_DAY (default 3) consent emails today';

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
    return this.profiles.mine(me);
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
      'Under 18 a guardian (name, email) is required: they are emailed a link to confirm consent. ' +
      'Once set, the date of birth changes only through staff (PUT /admin/users/{id}/date-of-birth): ' +
      'a different dateOfBirth answers 409 DATE_OF_BIRTH_LOCKED and changes nothing.',
  })
  @ApiOkResponse({ type: MeDto })
  @ApiTooManyRequestsResponse({ description: CONSENT_LIMIT })
  putProfile(@CurrentUser() me: Principal, @Body() dto: ProfileDto) {
    return this.profiles.put(me.id, dto);
  }

  @Post('me/guardian-consent/resend')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Email my guardian a fresh consent link',
    description: 'Also how to ask again after the guardian withdrew their consent.',
  })
  @ApiOkResponse({ type: MeDto })
  @ApiTooManyRequestsResponse({ description: CONSENT_LIMIT })
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
    return answerLinkForm(
      headers,
      reply,
      () => this.consents.confirm(token),
      (r) => consentDonePage(r.participantName),
    );
  }

  @Public()
  @Get('guardian-consents/:token/withdraw')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({
    summary: "The page the link in the guardian's receipt opens: a button to withdraw consent",
  })
  @ApiProduces('text/html')
  async withdrawPage(@Param('token') token: string) {
    return withdrawPage(token, await this.consents.describeWithdrawal(token));
  }

  @Public()
  @Post('guardian-consents/:token/withdraw')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A guardian withdraws consent (or declines) with the link in their receipt',
    description:
      "Works after confirming and after the request expired, until a newer request replaces it. The participant's " +
      "pen-pal enrolments are withdrawn, their published matches end (both people are told), their team's entry " +
      'cannot be edited or submitted, and they cannot enrol until a guardian confirms again (POST /me/guardian-consent/resend). ' +
      "Withdrawing again answers 200 with the first withdrawal's time. Unknown or replaced link: 400 TOKEN_INVALID. JSON, or HTML for the form.",
  })
  @ApiOkResponse({ type: ConsentWithdrawnDto })
  async withdraw(
    @Param('token') token: string,
    @Headers() headers: Record<string, string>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!wantsHtml(headers)) return this.consents.withdraw(token);
    reply.type('text/html; charset=utf-8');
    try {
      return withdrawDonePage((await this.consents.withdraw(token)).participantName);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      reply.status(err.status);
      return errorPage(err.message);
    }
  }

  @Public()
  @Get('interests')
  @ApiOperation({ summary: 'The controlled list of interest tags, with English and Korean labels' })
  @ApiOkResponse({ description: 'InterestTag[]' })
  interests(
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    // Static: serialized and compressed once, not on every request.
    return sendPrecompressed(reply, acceptEncoding, INTERESTS_BODY);
  }
}
