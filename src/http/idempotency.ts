/**
 * `Idempotency-Key` on every write route (`@Write()`): a retried write replays its first answer
 * instead of running again; a write whose answer BroadWorks lost is settled by the retry (see
 * WriteOptions.settle). Keys live in the shared store, per caller, for IDEMPOTENCY_RETENTION_S.
 */
import { createHash } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, of, throwError, type Observable } from 'rxjs';
import { PRINCIPAL, type Principal } from '../auth/principal.js';
import { appConfig } from '../config/namespaces.js';
import { ApiError, ValidationFailed } from '../domain/errors.js';
import type { WriteOptions } from '../domain/writes.js';
import { IdempotencyRepository } from '../store/repositories/idempotency.repository.js';
import { ErrorEnvelopeFilter } from './error-envelope.filter.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** The write routes (set by `@Write()`). */
export const WRITE_ROUTE = 'writeRoute';
/** Where the interceptor leaves what the write's use case needs to know (read by `@WriteOpts()`). */
export const IDEMPOTENCY = Symbol('idempotency');

/** How long a request holds its key before another replica may presume it dead and settle it. */
const LEASE_MS = 60_000;
/** 1 to 255 printable ASCII characters. */
const KEY_FORMAT = /^[\x20-\x7e]{1,255}$/;

/** The part of WriteOptions the key gives a write: settle mode, and a place to note what it creates. */
export type IdempotentWrite = Pick<WriteOptions, 'settle' | 'intent' | 'noteIntent'>;

/** JSON with keys sorted at every level: two bodies that mean the same give the same fingerprint. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** What makes two requests "the same request": method, path (with its query) and body. */
function fingerprintOf(req: Request): string {
  const target = decodeURIComponent(req.originalUrl).replace(/\/(?=\?|$)/, '');
  return createHash('sha256')
    .update(`${req.method} ${target}\n${canonical(req.body)}`)
    .digest('hex');
}

/** Which answers a retry replays, which leave the outcome unknown, and which free the key. */
function endingOf(status: number): 'done' | 'unknown' | 'release' {
  if (status < 500) return 'done';
  // 504 (no answer, or the connection lost after the change was sent) and 502 (an answer that is not
  // OCI-P) may follow an applied change: the retry reads BroadWorks to settle it.
  if (status === 502 || status === 504) return 'unknown';
  // 503 (BroadWorks or the store unreachable: nothing was sent) and 500: nothing was done.
  return 'release';
}

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Idempotency');
  private readonly envelope = new ErrorEnvelopeFilter();
  private pruning?: NodeJS.Timeout;

  constructor(
    private readonly reflector: Reflector,
    private readonly keys: IdempotencyRepository,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  /** Expired keys are forgotten every few minutes, a bounded batch at a time, by whichever replica. */
  onModuleInit(): void {
    this.pruning = setInterval(() => {
      this.keys.prune().catch((e: unknown) => this.logger.warn(`Pruning idempotency keys failed: ${String(e)}`));
    }, 5 * 60_000);
    this.pruning.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.pruning);
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    const key = req.headers[IDEMPOTENCY_HEADER];
    const isWrite = this.reflector.get<boolean | undefined>(WRITE_ROUTE, context.getHandler()) === true;
    // A dry-run never consumes a key: it writes nothing, so there is nothing to replay.
    if (!isWrite || key === undefined || (req.query as Record<string, unknown>).dryRun === 'true') {
      return next.handle();
    }
    if (typeof key !== 'string' || !KEY_FORMAT.test(key)) {
      throw new ValidationFailed([
        { field: 'Idempotency-Key', reasons: ['must be 1 to 255 printable ASCII characters'] },
      ]);
    }
    const principal = (req as unknown as Record<string, Principal | undefined>)[PRINCIPAL];
    const caller = principal ? `${principal.kind}:${principal.id}` : 'anonymous';
    const fingerprint = fingerprintOf(req);
    const retentionMs = this.app.idempotencyRetentionS * 1000;
    const claim = await this.keys.claim(caller, key, fingerprint, LEASE_MS, retentionMs);
    const response = context.switchToHttp().getResponse<Response>();

    if (claim.kind === 'existing') {
      const { record } = claim;
      if (record.fingerprint !== fingerprint) {
        throw new ApiError(
          'unprocessable',
          'IDEMPOTENCY_KEY_REUSED',
          `Idempotency-Key ${key} was used for another request (another method, path or body): use a new key for a new request`,
        );
      }
      if (record.state === 'running') {
        const retryAfterS = Math.max(1, Math.ceil((record.leaseUntil.getTime() - Date.now()) / 1000));
        throw new ApiError(
          'conflict',
          'IDEMPOTENCY_IN_PROGRESS',
          `A request with Idempotency-Key ${key} is still running: retry once it has ended`,
          { retry_after_s: Math.min(retryAfterS, 5) },
          { 'Retry-After': String(Math.min(retryAfterS, 5)) },
        );
      }
      response.status(record.status ?? 200);
      response.set({ ...(record.headers ?? {}), 'Idempotency-Replayed': 'true' });
      return of(record.body);
    }

    const write: IdempotentWrite = {
      settle: claim.kind === 'settle',
      intent: claim.kind === 'settle' ? (claim.record.intent ?? undefined) : undefined,
      noteIntent: (intent) => this.keys.noteIntent(caller, key, intent),
    };
    (req as unknown as Record<symbol, IdempotentWrite>)[IDEMPOTENCY] = write;
    return next.handle().pipe(
      mergeMap((body: unknown) =>
        from(this.end(caller, key, response.statusCode, this.replayedHeaders(response), body).then(() => body)),
      ),
      catchError((error: unknown) => {
        const { status, body } = this.envelope.toEnvelope(error);
        const headers = error instanceof ApiError && error.headers ? { ...error.headers } : {};
        // Recorded, then passed on as it was (to the error filter).
        return from(this.end(caller, key, status, headers, body)).pipe(mergeMap(() => throwError(() => error)));
      }),
    );
  }

  /** The headers a replay repeats: the resource's version. */
  /** The headers an answer means something by: its version, and where a created job or resource is. */
  private replayedHeaders(response: Response): Record<string, string> {
    const kept: Record<string, string> = {};
    for (const name of ['ETag', 'Location']) {
      const value = response.getHeader(name);
      if (typeof value === 'string') kept[name] = value;
    }
    return kept;
  }

  private async end(caller: string, key: string, status: number, headers: Record<string, string>, body: unknown) {
    const ending = endingOf(status);
    try {
      if (ending === 'release') await this.keys.release(caller, key);
      else await this.keys.finish(caller, key, ending, { status, headers, body });
    } catch (e) {
      // The write itself is done: its answer goes out. A retry with this key will find it running
      // until the lease ends, then settle it by reading BroadWorks.
      this.logger.warn(`Could not record the end of the write under Idempotency-Key ${key}: ${String(e)}`);
    }
  }
}
