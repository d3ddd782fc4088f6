import { Controller, Get, HttpCode, HttpStatus, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBody, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { Configuration } from '../config/configuration.js';
import { SIGN_IN_PER_USERNAME } from '../rate-limit/rate-limit-names.js';
import type { User } from '../users/entities/user.entity.js';
import type { SessionState } from './auth-responses.js';
import { ChallengeResponse } from '../verification/dto/challenge.view.js';
import { LoginDto } from './dto/login.dto.js';
import { SessionStateView } from './dto/session-state.view.js';
import { LocalAuthGuard } from './guards/local-auth.guard.js';
import { SecondFactorPendingGuard } from './guards/second-factor-pending.guard.js';
import { SignInThrottleGuard, usernameTracker } from './guards/sign-in-throttle.guard.js';
import { SignInService } from './sign-in.service.js';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  private readonly cookie: { name: string; secure: boolean };

  constructor(
    private readonly signIn: SignInService,
    config: ConfigService<Configuration, true>,
  ) {
    const session = config.get('session', { infer: true });
    this.cookie = { name: session.cookieName, secure: session.secureCookie };
  }

  @Post('login')
  @HttpCode(HttpStatus.OK)
  // Counted before anything else runs, malformed attempts included.
  @UseGuards(SignInThrottleGuard, LocalAuthGuard)
  @Throttle({ [SIGN_IN_PER_USERNAME]: { getTracker: usernameTracker } })
  @ApiOperation({ summary: 'First factor: check the password, then place the call' })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: SessionStateView, description: 'second-factor-pending, with the code' })
  @ApiResponse({ status: 400, description: 'Malformed body' })
  @ApiResponse({ status: 401, description: 'Wrong username or password (one message for both)' })
  @ApiResponse({ status: 403, description: 'No verified phone number' })
  @ApiResponse({ status: 423, description: 'Account locked (retryAfter seconds, or null)' })
  @ApiResponse({
    status: 429,
    description: 'Too many attempts from this address or on this username, or too many calls',
  })
  login(@Req() request: Request): Promise<SessionState> {
    return this.signIn.begin(request, request.user as User);
  }

  @Get('session')
  @ApiOperation({ summary: 'Where this browser session stands' })
  @ApiOkResponse({ type: SessionStateView })
  session(@Req() request: Request): Promise<SessionState> {
    return this.signIn.describe(request);
  }

  @Post('second-factor/complete')
  @HttpCode(HttpStatus.OK)
  @UseGuards(SecondFactorPendingGuard)
  @ApiOperation({ summary: 'After `verified`: become signed in (with a new session id)' })
  @ApiOkResponse({ type: SessionStateView, description: 'authenticated' })
  @ApiResponse({ status: 409, description: 'The code has not been entered yet' })
  @ApiResponse({ status: 401, description: 'The phone check failed or expired; signed out' })
  complete(@Req() request: Request): Promise<SessionState> {
    return this.signIn.complete(request);
  }

  @Post('second-factor/call')
  @HttpCode(HttpStatus.OK)
  @UseGuards(SecondFactorPendingGuard)
  @ApiOperation({ summary: 'Call again, with a new code' })
  @ApiOkResponse({ type: ChallengeResponse })
  @ApiResponse({
    status: 429,
    description:
      'Within the cooldown or past the hourly call limits (retryAfter seconds), or past the per-sign-in call limit (retryAfter null)',
  })
  callAgain(@Req() request: Request) {
    return this.signIn.callAgain(request);
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Sign out; closes this session’s sockets' })
  async logout(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.signIn.end(request);
    // With the same attributes it was set with: a browser ignores a `__Host-` cookie
    // cleared without `Secure`.
    response.clearCookie(this.cookie.name, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: this.cookie.secure,
    });
  }
}
