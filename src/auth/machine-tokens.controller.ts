import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiError } from '../domain/errors.js';
import { AuthService, type IssuedMachineToken } from './auth.service.js';
import { CreateMachineTokenDto, MachineTokenParamsDto } from './dto/machine-token.dto.js';
import type { MachineTokenRecord } from './machine-tokens.store.js';
import type { Principal } from './principal.js';
import { CurrentPrincipal, SystemOnly } from './public.decorator.js';
import { reachProblems } from './reach.js';

/** Long-lived tokens for scripts and portals; system administrators issue, list and revoke them. */
@ApiTags('auth')
@SystemOnly()
@Controller('api/v1/auth/machine_tokens')
export class MachineTokensController {
  constructor(private readonly auth: AuthService) {}

  @Post()
  @ApiOperation({ summary: 'Issue a machine token (shown once: only its id is kept)' })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateMachineTokenDto): Promise<IssuedMachineToken> {
    // A machine token cannot mint others: a leaked one must not be able to outlive its revocation.
    if (principal.kind !== 'user')
      throw ApiError.forbidden('FORBIDDEN', 'Machine tokens are issued by a logged-in system administrator');
    const problems = reachProblems(body, 'body');
    if (problems.length > 0)
      throw ApiError.badRequest(
        'VALIDATION_FAILED',
        `Invalid request: ${problems.join('; ')}`,
        problems.map((p) => ({ field: 'body', reasons: [p] })),
      );
    return this.auth.issueMachineToken(principal, body.name, {
      level: body.level,
      tenants: body.tenants ?? [],
      groups: body.groups ?? [],
    });
  }

  @Get()
  @ApiOperation({ summary: 'The machine tokens in force (never the tokens themselves)' })
  async list(): Promise<{ machine_tokens: MachineTokenRecord[] }> {
    return { machine_tokens: await this.auth.listMachineTokens() };
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Revoke a machine token: it is refused from the next request on, by every replica, restarts included',
  })
  async remove(@CurrentPrincipal() principal: Principal, @Param() p: MachineTokenParamsDto): Promise<void> {
    if (principal.kind !== 'user')
      throw ApiError.forbidden('FORBIDDEN', 'Machine tokens are revoked by a logged-in system administrator');
    await this.auth.revokeMachineToken(p.id);
  }
}
