import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ApiError } from '../domain/errors.js';
import { AuthService } from './auth.service.js';
import { PRINCIPAL } from './principal.js';
import { IS_PUBLIC, PUBLIC_CONTROLLER_PATHS, REACH_CHECKED_BY_ROUTE, SYSTEM_ONLY } from './public.decorator.js';
import { canReach } from './reach.js';

/**
 * The global guard (APP_GUARD): every route needs a valid bearer token unless it is marked
 * @Public() (or is an operational controller, see PUBLIC_CONTROLLER_PATHS), and the token's
 * reach must cover the route's :tenantId and :groupId. A route without them is for system admins.
 * It runs before the pipes, so a refused request is refused before its input is even validated.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http' || this.isPublic(context)) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const principal = await this.auth.authenticate(bearerToken(request));
    (request as Request & { [PRINCIPAL]: unknown })[PRINCIPAL] = principal;
    const systemOnly = this.reflector.getAllAndOverride<boolean | undefined>(SYSTEM_ONLY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (systemOnly && principal.level !== 'system')
      throw ApiError.forbidden('FORBIDDEN', 'Only system administrators may do this');
    const { tenantId, groupId } = request.params as { tenantId?: string; groupId?: string };
    const byRoute = this.reflector.getAllAndOverride<boolean | undefined>(REACH_CHECKED_BY_ROUTE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (byRoute && tenantId === undefined) return true;
    if (!canReach(principal, tenantId, groupId))
      throw ApiError.forbidden(
        'FORBIDDEN',
        forbiddenMessage(principal.kind === 'user' ? 'user' : 'machine token', tenantId, groupId),
      );
    return true;
  }

  private isPublic(context: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [context.getHandler(), context.getClass()]))
      return true;
    const path = (Reflect.getMetadata(PATH_METADATA, context.getClass()) as string | undefined) ?? '';
    return PUBLIC_CONTROLLER_PATHS.includes(path.replace(/^\/+|\/+$/g, ''));
  }
}

/** The token of `Authorization: Bearer <token>`; undefined when there is no such header. */
export function bearerToken(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(header);
  if (!match)
    throw ApiError.unauthorized('INVALID_TOKEN', 'The Authorization header must be: Bearer <token>', 'invalid_token');
  return match[1];
}

function forbiddenMessage(who: string, tenantId: string | undefined, groupId: string | undefined): string {
  if (tenantId === undefined) return 'Only system administrators may do this';
  return groupId === undefined
    ? `This ${who} may not manage tenant ${tenantId}`
    : `This ${who} may not manage group ${groupId} of tenant ${tenantId}`;
}
