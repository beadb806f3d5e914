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
import { AppError } from '../common/errors/app-error';
import { errorPage, passwordDonePage, setPasswordPage, wantsHtml } from './link-pages';
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
} from './dto/auth.dto';
import { PasswordService } from './password.service';
import { ApiErrors } from '../common/openapi/api-errors';

@ApiTags('auth')
@Controller('auth')
@UseGuards(RateLimitGuard)
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly passwords: PasswordService,
  ) {}

  @Public()
  @Post('register')
  @RateLimited('register')
  @ApiOperation({ summary: 'Sign up as an applicant (password of 10 characters or more)' })
  @ApiCreatedResponse({ type: AuthResponseDto })
  @ApiErrors({ 409: 'EMAIL_TAKEN' }, 429)
  register(@Body() dto: RegisterDto) {
    return this.auth.register(dto);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @RateLimited('login')
  @ApiOperation({ summary: 'Sign in; the same 401 for an unknown email and a wrong password' })
  @ApiOkResponse({ type: AuthResponseDto })
  @ApiErrors(401, 429)
  login(@Body() dto: LoginDto) {
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
  refresh(@Body() dto: RefreshDto) {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the current session (its refresh tokens stop working)' })
  @ApiNoContentResponse()
  async logout(@CurrentUser() me: Principal, @Body() dto: LogoutDto) {
    await this.auth.logout(me, dto?.refreshToken);
  }

  @Public()
  @Post('password-reset')
  @HttpCode(202)
  @RateLimited('password-reset')
  @ApiOperation({
    summary: 'Email a single-use reset link; the same answer whether the account exists or not',
  })
  @ApiAcceptedResponse({ type: ResetRequestedDto })
  @ApiErrors(429)
  async requestReset(@Body() dto: PasswordResetRequestDto) {
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
  ) {
    if (!wantsHtml(headers)) return this.passwords.setPassword(token, dto.password);
    reply.type('text/html; charset=utf-8');
    try {
      await this.passwords.setPassword(token, dto.password);
      return passwordDonePage();
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      reply.status(err.status);
      return errorPage(err.message);
    }
  }
}
