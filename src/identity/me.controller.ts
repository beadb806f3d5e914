import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  Headers,
  HttpCode,
  Param,
  Post,
  Put,
  Res,
  UseGuards,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  ApiAcceptedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { RateLimited, RateLimitGuard } from '../common/http/rate-limit.guard';
import { AccountDeletionService } from './account-deletion.service';
import { AccountDeletedDto, DeleteAccountDto } from './dto/auth.dto';
import { AppError, badRequest } from '../common/errors/app-error';
import {
  answerLinkForm,
  consentDonePage,
  consentPage,
  errorPage,
  type HtmlPage,
  wantsHtml,
  withdrawDonePage,
  withdrawPage,
} from './link-pages';
import { CallerCheck, CurrentUser, Public, SessionInStatement } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import type { SessionCheck } from '../common/auth/session-check';
import {
  ConsentConfirmedDto,
  ConsentWithdrawnDto,
  GuardianConsentDetailsDto,
  InterestTagDto,
  MeDto,
  LocaleDto,
  ProfileDto,
} from './dto/profile.dto';
import { DataExportService } from './data-export.service';
import { GuardianConsentService } from './guardian-consent.service';
import { ProfileService } from './profile.service';
import { INTERESTS } from '../common/reference-data';
import { ApiErrors } from '../common/openapi/api-errors';
import { precompressJson, type SentJson, sendPrecompressed } from '../common/http/precompressed';

/** Served by Fastify directly (servePrecompressed in bootstrap.ts); the route below declares it. */
export const INTERESTS_BODY = precompressJson<InterestTagDto[]>(INTERESTS);

@ApiTags('identity')
@Controller()
export class MeController {
  constructor(
    private readonly profiles: ProfileService,
    private readonly consents: GuardianConsentService,
    private readonly exports: DataExportService,
    private readonly deletion: AccountDeletionService,
  ) {}

  @Get('me')
  @SessionInStatement()
  @ApiOperation({ summary: 'Who I am: account, profile and guardian-consent state' })
  @ApiOkResponse({ type: MeDto })
  me(@CallerCheck() check: SessionCheck): Promise<MeDto> {
    return this.profiles.mine(check);
  }

  @Get('me/export')
  @Header('content-type', 'application/json; charset=utf-8')
  @ApiOperation({
    summary: 'Download everything Kenal holds about me (JSON)',
    description:
      'Account, profile, guardian consents, sessions, pen-pal enrolments and matches, teams and their entries, scores given as a judge, notifications and my actions. No password or token.',
  })
  @ApiOkResponse({
    description: 'a JSON attachment (kenal-data-YYYY-MM-DD.json)',
    schema: {
      type: 'object',
      required: ['exportedAt'],
      properties: { exportedAt: { type: 'string', format: 'date-time' } },
      additionalProperties: true,
    },
  })
  async export(@CurrentUser() me: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    const data = await this.exports.export(me.id);
    const day = data.exportedAt.slice(0, 10);
    void reply.header('content-disposition', `attachment; filename="kenal-data-${day}.json"`);
    return data;
  }

  @Delete('me')
  @HttpCode(202)
  // The password check must not become a way to guess passwords with a stolen access token.
  @UseGuards(RateLimitGuard)
  @RateLimited('delete-account')
  @ApiOperation({
    summary: 'Delete my account (confirm with the password)',
    description:
      'The account closes at once: every session and refresh token stops working, sign-in is refused, ' +
      'and the email address is free to register again. Personal data is erased as the retention ' +
      'policy says (README, "Retention policy"): profile, guardian, enrolments, draft work of a team ' +
      'of one with its files, notifications. What others rely on stays under the name "Former member": ' +
      "a team's submitted entry, final scores given as a judge, the audit trail. Published pen-pal " +
      'matches end and the pen pal is told, without details.',
  })
  @ApiAcceptedResponse({ type: AccountDeletedDto })
  @ApiErrors({ 400: 'VALIDATION_FAILED' })
  @ApiErrors({ 401: 'UNAUTHENTICATED' })
  @ApiErrors({ 403: 'PASSWORD_INCORRECT' })
  @ApiErrors({ 409: 'LAST_ADMIN' })
  @ApiErrors({ 429: 'RATE_LIMITED' })
  deleteMe(
    @CurrentUser() me: Principal,
    @Body() dto: DeleteAccountDto,
  ): Promise<AccountDeletedDto> {
    return this.deletion.deleteAccount(me, dto.password);
  }

  @Put('me/profile')
  @ApiOperation({
    summary: 'Create or replace my profile',
    description:
      'Under 18 a guardian (name, email) is required: they are emailed a link to confirm consent. ' +
      'Once set, the date of birth changes only through staff (PUT /admin/users/{id}/date-of-birth): ' +
      'a different dateOfBirth answers 409 DATE_OF_BIRTH_LOCKED and changes nothing.',
  })
  @ApiOkResponse({ type: MeDto })
  @ApiErrors({
    400: 'GUARDIAN_CONSENT_REQUIRED',
    409: 'DATE_OF_BIRTH_LOCKED',
    429: 'TOO_MANY_EMAILS',
  })
  putProfile(@CurrentUser() me: Principal, @Body() dto: ProfileDto): Promise<MeDto> {
    return this.profiles.put(me.id, dto);
  }

  @Put('me/locale')
  @ApiOperation({
    summary: 'Choose my language',
    description:
      'The language of the web app for this account, of its emails and of its in-app notifications. ' +
      'Needs no profile (staff often have none); PUT /me/profile can set it too.',
  })
  @ApiOkResponse({ type: MeDto })
  @ApiErrors({ 400: 'VALIDATION_FAILED' })
  putLocale(@CurrentUser() me: Principal, @Body() dto: LocaleDto): Promise<MeDto> {
    return this.profiles.setLocale(me.id, dto.locale);
  }

  @Post('me/guardian-consent/resend')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Email my guardian a fresh consent link',
    description: 'Also how to ask again after the guardian withdrew their consent.',
  })
  @ApiOkResponse({ type: MeDto })
  @ApiErrors({ 400: 'NO_CONSENT_PENDING', 429: 'TOO_MANY_EMAILS' })
  resend(@CurrentUser() me: Principal): Promise<MeDto> {
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
  @ApiErrors({ 400: 'TOKEN_INVALID' })
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
  @ApiErrors({ 400: 'TOKEN_INVALID' })
  @ApiOkResponse({ type: ConsentConfirmedDto, description: 'JSON; an HTML page for the form' })
  async confirm(
    @Param('token') token: string,
    @Headers() headers: Record<string, string>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConsentConfirmedDto | HtmlPage> {
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
  @ApiErrors({ 400: 'TOKEN_INVALID' })
  async withdraw(
    @Param('token') token: string,
    @Headers() headers: Record<string, string>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConsentWithdrawnDto | HtmlPage> {
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
  @ApiOkResponse({ type: [InterestTagDto] })
  interests(
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): SentJson<InterestTagDto[]> {
    // Static: serialized and compressed once; in the running API Fastify answers it before Nest.
    return sendPrecompressed(reply, headers, INTERESTS_BODY);
  }
}
