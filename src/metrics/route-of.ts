import type { Request } from 'express';

/** Label of requests no route matched (404s): one series, whatever URLs scanners try. */
export const UNMATCHED_ROUTE = '(unmatched)';

/**
 * The route pattern that handled a request (`/api/v1/tenants/:tenantId/…/:name`), never the raw
 * URL: ids in URLs would make one time series per hunt group. Express sets `req.route` when a
 * route matches; read it when the answer is done. Nest mounts middleware as wildcard routes
 * (`{/*splat}`), so a wildcard left there means no controller route matched.
 */
export function routeOf(req: Request): string {
  const route: unknown = req.route;
  const path: unknown = typeof route === 'object' && route !== null ? (route as { path?: unknown }).path : undefined;
  return typeof path === 'string' && !path.includes('*') ? path : UNMATCHED_ROUTE;
}
