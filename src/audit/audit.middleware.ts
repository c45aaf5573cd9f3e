import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { RequestJournal, withJournal } from '../domain/request-journal.js';
import { requestIdOf } from '../logging/request-id.js';
import { AuditRecorder } from './audit-recorder.js';

/** Reads change nothing; every other method under the API is a write, whatever route serves it. */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const API_PREFIX = '/api/v1/';
const JOURNAL = Symbol('requestJournal');

type JournaledRequest = Request & { [JOURNAL]?: RequestJournal; id?: unknown };

/**
 * Opens each request's journal (domain/request-journal.ts) and runs the rest of the request in
 * it, so the OCI-P documents it causes carry its id and are noted, with the domain's events. A
 * write under /api/v1 (any method but GET, HEAD, OPTIONS) is recorded when its answer is ended,
 * refused or not: routes added later are recorded without knowing of the audit.
 *
 * Two steps: `openJournal` runs before the body parser (bootstrap.ts), so that a body refused
 * unread (malformed JSON, too large) is recorded too; `use`, a Nest middleware after the body
 * parser, runs the request in the journal's async context (a stream's callbacks would lose it).
 */
@Injectable()
export class AuditMiddleware implements NestMiddleware {
  constructor(private readonly recorder: AuditRecorder) {}

  readonly openJournal = (req: Request, res: Response, next: NextFunction): void => {
    this.open(req, res);
    next();
  };

  use(req: Request, res: Response, next: NextFunction): void {
    withJournal(this.open(req, res), next);
  }

  private open(req: JournaledRequest, res: Response): RequestJournal {
    const opened = req[JOURNAL];
    if (opened) return opened;
    // The request's id, made here once: pino-http keeps an id the request already has.
    const id = typeof req.id === 'string' ? req.id : requestIdOf(req, res);
    req.id = id;
    const isWrite = !READ_METHODS.has(req.method) && req.originalUrl.startsWith(API_PREFIX);
    const journal = new RequestJournal(id, isWrite);
    req[JOURNAL] = journal;
    if (isWrite) this.recordWhenAnswered(req, res, journal);
    return journal;
  }

  /**
   * Records the write when its answer is ended (status and error code set, the write run to its
   * end), whether or not the client is still there to get it: a client that hangs up does not
   * undo a change BroadWorks made.
   */
  private recordWhenAnswered(req: Request, res: Response, journal: RequestJournal): void {
    let recorded = false;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.end = ((...args: unknown[]) => {
      const result = end(...args);
      if (!recorded) {
        recorded = true;
        void this.recorder.record(req, res, journal);
      }
      return result;
    }) as Response['end'];
  }
}
