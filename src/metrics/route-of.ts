import type { NextFunction, Request, Response } from 'express';

/** Label of requests no route matched (404s): one series, whatever URLs scanners try. */
export const UNMATCHED_ROUTE = '(unmatched)';

const ROUTE_LABEL = Symbol('routeLabel');

interface LabelledRequest extends Request {
  [ROUTE_LABEL]?: string;
}

/**
 * A middleware naming the requests it sees, for requests served without an Express route (the API
 * docs' static files). A route that matches afterwards names the request itself; one that ends in
 * 404 stays `(unmatched)`.
 */
export function labelRoute(label: string): (req: Request, res: Response, next: NextFunction) => void {
  return (req, _res, next) => {
    (req as LabelledRequest)[ROUTE_LABEL] = label;
    next();
  };
}

/**
 * The route pattern that handled a request (`/api/v1/tenants/:tenantId/…/:name`), never the raw
 * URL: ids in URLs would make one time series per hunt group. Express sets `req.route` when a
 * route matches; read it when the answer is done. Nest mounts middleware as wildcard routes
 * (`{/*splat}`), so a wildcard left there means no controller route matched: then the label a
 * `labelRoute` middleware gave, unless the answer is a 404.
 */
export function routeOf(req: Request): string {
  const route: unknown = req.route;
  const path: unknown = typeof route === 'object' && route !== null ? (route as { path?: unknown }).path : undefined;
  if (typeof path === 'string' && !path.includes('*')) return path;
  const label = (req as LabelledRequest)[ROUTE_LABEL];
  return label !== undefined && req.res?.statusCode !== 404 ? label : UNMATCHED_ROUTE;
}
