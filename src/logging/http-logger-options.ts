import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request } from 'express';
import pino from 'pino';
import type { Options } from 'pino-http';
import type { LogConfig } from '../config/namespaces.js';
import { routeOf } from '../metrics/route-of.js';
import { REDACTED, redactUrl } from './redact.js';
import { requestIdOf } from './request-id.js';

interface RequestLine {
  method: string | undefined;
  route: string;
  url: string;
  status: number;
  durationMs: number;
}

function requestLine(req: IncomingMessage, res: ServerResponse, durationMs: unknown): RequestLine {
  return {
    method: req.method,
    route: routeOf(req as Request),
    // A token or password sent in the query string (`?access_token=`) never reaches the log.
    url: redactUrl((req as Request).originalUrl ?? req.url ?? ''),
    status: res.statusCode,
    durationMs: typeof durationMs === 'number' ? durationMs : 0,
  };
}

/**
 * pino-http settings: one line per request (method, route pattern, URL, status, duration) tagged
 * with the request id, which every other log line made while serving the request carries too.
 */
export function httpLoggerOptions(config: LogConfig): Options {
  return {
    level: config.level,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // Headers are not logged, but a log call elsewhere might pass them: never write credentials.
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie'],
      censor: REDACTED,
    },
    genReqId: requestIdOf,
    customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
    // Bind only the request id to in-request logs; the request line says the rest once.
    quietReqLogger: true,
    quietResLogger: true,
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    customSuccessMessage: (req, res, ms) => `${req.method} ${routeOf(req as Request)} ${res.statusCode} ${ms}ms`,
    customSuccessObject: (req, res, value: { durationMs?: unknown }) => requestLine(req, res, value.durationMs),
    customErrorMessage: (req, res) => `${req.method} ${routeOf(req as Request)} ${res.statusCode}`,
    customErrorObject: (req, res, _error, value: { durationMs?: unknown }) => requestLine(req, res, value.durationMs),
  };
}
