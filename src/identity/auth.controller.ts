import {
  Body,
  Controller,
  Get,
  Header,
  Headers,
  HttpCode,
  Param,
  Post,
  Res,
  UseGuards,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  answerLinkForm,
  emailVerifiedPage,
  type HtmlPage,
  passwordDonePage,
  setPasswordPage,
  verifyEmailPage,
} from './link-pages';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Public } from '../common/auth/decorators';
import type { Principal } from '../common/auth/principal';
import { RateLimited, RateLimitGuard } from '../common/http/rate-limit.guard';
import { AuthService } from './auth.service';
import {
  AuthResponseDto,
  LoginDto,
  LogoutDto,
  PasswordResetRequestDto,
  PasswordSetDto,
  RefreshDto,
  RegisterDto,
  ResetRequestedDto,
  SetPasswordDto,
  UserDto,
  VerifyEmailSentDto,
} from './dto/auth.dto';
import { EmailVerificationService } from './email-verification.service';
import { PasswordService } from './password.service';
import { ApiErrors } from '../common/openapi/api-errors';

@ApiTags('auth')
@Controller('auth')
@UseGuards(RateLimitGuard)
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly passwords: PasswordService,
    private readonly verification: EmailVerificationService,
  ) {}

  @Public()
  @Post('register')
  @RateLimited('register')
  @ApiOperation({ summary: 'Sign up as an applicant (password of 10 characters or more)' })
  @ApiCreatedResponse({ type: AuthResponseDto })
  @ApiErrors({ 409: 'EMAIL_TAKEN' }, 429)
  register(@Body() dto: RegisterDto): Promise<AuthResponseDto> {
    return this.auth.register(dto);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @RateLimited('login')
  @ApiOperation({ summary: 'Sign in; the same 401 for an unknown email and a wrong password' })
  @ApiOkResponse({ type: AuthResponseDto })
  @ApiErrors(401, { 429: ['RATE_LIMITED', 'ACCOUNT_RATE_LIMITED'] })
  login(@Body() dto: LoginDto): Promise<AuthResponseDto> {
    return this.auth.login(dto);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Trade a refresh token for a new pair; reusing an old one ends the session',
  })
  @ApiOkResponse({ type: AuthResponseDto })
  @ApiErrors(401)
  refresh(@Body() dto: RefreshDto): Promise<AuthResponseDto> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the current session (its refresh tokens stop working)' })
  @ApiNoContentResponse()
  async logout(@CurrentUser() me: Principal, @Body() dto: LogoutDto) {
    await this.auth.logout(me, dto?.refreshToken);
  }

  @Post('logout-all')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign out everywhere: every session of the caller ends, this one included',
  })
  @ApiNoContentResponse()
  async logoutAll(@CurrentUser() me: Principal) {
    await this.auth.logoutAll(me);
  }

  @Public()
  @Post('password-reset')
  @HttpCode(202)
  @RateLimited('password-reset')
  @ApiOperation({
    summary: 'Email a single-use reset link; the same answer whether the account exists or not',
  })
  @ApiAcceptedResponse({ type: ResetRequestedDto })
  @ApiErrors({ 429: ['RATE_LIMITED', 'ACCOUNT_RATE_LIMITED'] })
  async requestReset(@Body() dto: PasswordResetRequestDto): Promise<ResetRequestedDto> {
    await this.passwords.requestReset(dto.email);
    return { status: 'accepted' };
  }

  @Public()
  @Get('password-reset/:token')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'The page the emailed link opens: a form to choose a password' })
  @ApiProduces('text/html')
  setPasswordPage(@Param('token') token: string) {
    return setPasswordPage(token);
  }

  @Public()
  @Post('password-reset/:token')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Set a password from an emailed link (reset, or a new staff account); JSON, or HTML for the form',
  })
  @ApiOkResponse({ type: PasswordSetDto, description: 'JSON; an HTML page for the form' })
  @ApiErrors({ 400: 'TOKEN_INVALID' })
  async setPassword(
    @Param('token') token: string,
    @Body() dto: SetPasswordDto,
    @Headers() headers: Record<string, string>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PasswordSetDto | HtmlPage> {
    return answerLinkForm(
      headers,
      reply,
      () => this.passwords.setPassword(token, dto.password),
      passwordDonePage,
    );
  }

  @Post('verify-email')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Email me a new link to confirm my address (earlier links stop working)',
    description: `At most VERIFY_EMAILS_PER_HOUR (default 5) an hour.`,
  })
  @ApiAcceptedResponse({ type: VerifyEmailSentDto })
  @ApiErrors({ 409: 'EMAIL_ALREADY_VERIFIED' })
  @ApiErrors({ 429: 'TOO_MANY_EMAILS' })
  resendVerification(@CurrentUser() me: Principal): Promise<VerifyEmailSentDto> {
    return this.verification.resend(me);
  }

  @Public()
  @Get('verify-email/:token')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'The page the emailed link opens: a button to confirm the address' })
  @ApiProduces('text/html')
  verifyEmailPage(@Param('token') token: string) {
    return verifyEmailPage(token);
  }

  @Public()
  @Post('verify-email/:token')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm my email address with the emailed link (JSON, or HTML for the form)',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors({ 400: 'TOKEN_INVALID' })
  async verifyEmail(
    @Param('token') token: string,
    @Headers() headers: Record<string, string>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserDto | HtmlPage> {
    return answerLinkForm(headers, reply, () => this.verification.verify(token), emailVerifiedPage);
  }
}
