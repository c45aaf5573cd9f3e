import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** A caller's id is kept only when it is a plain token: it is written into every log line of the request. */
const ACCEPTABLE_ID = /^[\w.:@/+=-]{1,128}$/;

/**
 * The id of a request: the caller's `X-Request-Id` (a portal or proxy correlating its own logs), or
 * a fresh UUID. Echoed in the answer's header, so a client can quote it when reporting a problem.
 */
export function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const candidate = Array.isArray(given) ? given[0] : given;
  const id = candidate !== undefined && ACCEPTABLE_ID.test(candidate) ? candidate : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}
