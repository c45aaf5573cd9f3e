import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { PRINCIPAL, type Principal } from './principal.js';

export const IS_PUBLIC = 'auth:public';
export const SYSTEM_ONLY = 'auth:system-only';

/** A route anybody may call without a token (a login, a probe). Everything else needs one. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

export const OWN_REACH = 'auth:own-reach';

/**
 * A route with no tenant in its path that every authenticated caller may use, because it bounds
 * what it reads or writes by the caller's reach itself (the audit records, the webhooks), or checks
 * the caller's reach against the resource it names (a job: 404 for one out of reach, so that its
 * existence is not revealed).
 */
export const BoundedByReach = (): MethodDecorator & ClassDecorator => SetMetadata(OWN_REACH, true);

/** A route for system administrators only, whatever its path parameters. */
export const SystemOnly = (): MethodDecorator & ClassDecorator => SetMetadata(SYSTEM_ONLY, true);

/**
 * Operational controllers outside the API, public by their mount path: the load balancer's probes
 * (/health/*) and Prometheus (/metrics) carry no token. A controller there may say @Public() itself
 * instead; the list is the one place where a path decides.
 */
export const PUBLIC_CONTROLLER_PATHS: readonly string[] = ['health', 'metrics'];

/** The principal the guard authenticated, for handlers that need it. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  return (ctx.switchToHttp().getRequest<Request>() as Request & { [PRINCIPAL]: Principal })[PRINCIPAL];
});
