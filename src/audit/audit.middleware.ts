import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { RequestJournal, withJournal } from '../domain/request-journal.js';
import { AuditRecorder } from './audit-recorder.js';

/** Reads change nothing; every other method under the API is a write, whatever route serves it. */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const API_PREFIX = '/api/v1/';

/**
 * Opens each request's journal (domain/request-journal.ts) and runs the rest of the request in
 * it, so the OCI-P documents it causes carry its id and are noted, with the domain's events. A
 * write under /api/v1 (any method but GET, HEAD, OPTIONS) is recorded when its answer is sent,
 * refused or not: routes added later are recorded without knowing of the audit.
 */
@Injectable()
export class AuditMiddleware implements NestMiddleware {
  constructor(private readonly recorder: AuditRecorder) {}

  use(req: Request, res: Response, next: NextFunction): void {
    // pino-http's middleware ran first (LoggingModule is imported before AuditModule): its id is the log's.
    const id = (req as Request & { id?: unknown }).id;
    const journal = new RequestJournal(typeof id === 'string' ? id : String(res.getHeader('X-Request-Id') ?? ''));
    if (!READ_METHODS.has(req.method) && req.originalUrl.startsWith(API_PREFIX)) {
      res.once('finish', () => void this.recorder.record(req, res, journal));
    }
    withJournal(journal, next);
  }
}
