/**
 * The HTTP side of writes and versions: `?dryRun=true`, `If-Match`, `If-None-Match` into the
 * domain's WriteOptions; the ETag of a versioned resource; a dry-run answered 200 whatever the
 * route's usual status.
 */
import {
  applyDecorators,
  createParamDecorator,
  Injectable,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiExtraModels, ApiHeader, ApiQuery } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import { ValidationFailed } from '../domain/errors.js';
import { etagOf, isDryRun, type DryRun, type WriteOptions } from '../domain/writes.js';
import { DryRunAnswerDto } from './openapi/dry-run.dto.js';
import { IDEMPOTENCY, WRITE_ROUTE, type IdempotentWrite } from './idempotency.js';
import { ApiErrorResponses } from './openapi/error-responses.js';
import { QueryParameters } from './request-shape.js';

const VERSIONED = 'versionedResource';

/**
 * A route whose retry with the same Idempotency-Key replays the first answer (IdempotencyInterceptor):
 * every write, and the bulk upload (a retried upload must not start a second job).
 */
export const Idempotent = (): MethodDecorator =>
  applyDecorators(
    SetMetadata(WRITE_ROUTE, true),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        '1 to 255 printable characters, new for each new write: a retry with the same key and request replays the first answer (Idempotency-Replayed: true); with another request it is 422; while the first runs, 409 with Retry-After',
    }),
    ApiErrorResponses(409, 422),
  );

/** A write route: takes `?dryRun=true`, and If-Match where it changes an existing resource. */
export function Write({ ifMatch = true, ifNoneMatch = false } = {}): MethodDecorator {
  return applyDecorators(
    Idempotent(),
    QueryParameters('dryRun'),
    ApiExtraModels(DryRunAnswerDto),
    ApiQuery({
      name: 'dryRun',
      required: false,
      schema: { type: 'boolean' },
      description:
        'true: run every check and answer 200 {dryRun, result, changes, commands} (what the write would do); nothing is written',
    }),
    ...(ifMatch
      ? [
          ApiHeader({
            name: 'If-Match',
            required: false,
            description:
              'The ETag read with GET: a write of a version that changed since is refused with 412 (required when API_REQUIRE_IF_MATCH is on: 428)',
          }),
        ]
      : []),
    ...(ifNoneMatch
      ? [ApiHeader({ name: 'If-None-Match', required: false, description: '`*`: refuse (412) when the id exists' })]
      : []),
  );
}

/** The route answers a resource whose ETag it sends (GET, and the writes that answer the resource). */
export const Versioned = (): MethodDecorator =>
  applyDecorators(
    SetMetadata(VERSIONED, true),
    ApiHeader({ name: 'ETag', required: false, description: 'The version of the resource (strong)' }),
  );

/**
 * The request's WriteOptions: `dryRun` from the query (true or false only), If-Match,
 * If-None-Match, and what its Idempotency-Key says (IdempotencyInterceptor).
 */
export const WriteOpts = createParamDecorator((_data: unknown, context: ExecutionContext): WriteOptions => {
  const req = context.switchToHttp().getRequest<Request>();
  const idempotent = (req as unknown as Record<symbol, IdempotentWrite | undefined>)[IDEMPOTENCY];
  const dryRun = (req.query as Record<string, unknown>).dryRun;
  if (dryRun !== undefined && dryRun !== 'true' && dryRun !== 'false') {
    throw new ValidationFailed([{ field: 'dryRun', reasons: ['dryRun must be true or false'] }]);
  }
  return {
    dryRun: dryRun === 'true',
    ifMatch: req.headers['if-match'],
    ifNoneMatch: req.headers['if-none-match'],
    ...idempotent,
  };
});

/** An answer of a use case that may be a dry-run, shaped for HTTP either way. */
export function answerOf<T, A>(answer: T | DryRun<T>, shape: (result: T) => A): A | DryRun<A> {
  return isDryRun(answer) ? { ...answer, result: shape(answer.result) } : shape(answer);
}

/** A dry-run answers 200 (even where the write would answer 201); a versioned resource gets its ETag. */
@Injectable()
export class WriteAnswerInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const response = context.switchToHttp().getResponse<Response>();
    const versioned = this.reflector.get<boolean | undefined>(VERSIONED, context.getHandler()) === true;
    return next.handle().pipe(
      map((body: unknown) => {
        if (isDryRun(body)) response.status(200);
        else if (versioned && body !== undefined) response.setHeader('ETag', etagOf(body));
        return body;
      }),
    );
  }
}
