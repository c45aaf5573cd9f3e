import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AuthService, type LoginTokens } from './auth.service.js';
import { bearerToken } from './auth.guard.js';
import { LoginDto } from './dto/login.dto.js';
import { Public } from './public.decorator.js';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Log in: an access token (short-lived) and a refresh token',
    description:
      'Failed logins are bounded per user name and per client address (429 with Retry-After), across all replicas. ' +
      'The client address is the peer, or with TRUST_PROXY the one the trusted proxies forward.',
  })
  login(@Body() body: LoginDto, @Req() request: Request): Promise<LoginTokens> {
    return this.auth.login(body.username, body.password, request.ip ?? request.socket.remoteAddress ?? 'unknown');
  }

  /** Public to the guard, which wants access tokens: this route checks its own (refresh) token. */
  @Get('access_token')
  @Public()
  @ApiOperation({ summary: 'A new access token, for the refresh token sent as the bearer' })
  accessToken(@Req() request: Request): Promise<{ access_token: string }> {
    return this.auth.refresh(bearerToken(request));
  }
}
