/**
 * What a request must look like before any route sees it: a body only as JSON (or what a route
 * declares it takes), valid UTF-8, and query parameters only those the route declares.
 */
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import { Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { ApiError } from '../domain/errors.js';

/** The media types a route's body may have; `application/json` when a route says nothing. */
export const BODY_MEDIA_TYPES = 'bodyMediaTypes';
export const BodyMediaTypes = (...types: string[]): MethodDecorator => SetMetadata(BODY_MEDIA_TYPES, types);

/** The query parameters a route takes besides its @Query() DTO's (or instead, for a route without one). */
export const QUERY_PARAMETERS = 'queryParameters';
export const QueryParameters = (...names: string[]): MethodDecorator => SetMetadata(QUERY_PARAMETERS, names);

const hasBody = (req: IncomingMessage): boolean =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/** `application/json`, optionally `; charset=utf-8` (any case), and nothing else. */
function mediaTypeOf(header: string | undefined): { type: string; charset?: string } | undefined {
  if (!header) return undefined;
  const [type, ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/^"|"$/g, '');
  return { type, charset };
}

/**
 * Refuses (415) a body whose media type the route does not take: a body of another type would
 * otherwise be skipped by the JSON parser and the request served as if it had none. Refuses (400)
 * query parameters the route does not declare: a misspelt filter must not return the unfiltered
 * list. Runs after the guard, so an unauthenticated caller learns nothing about routes.
 */
@Injectable()
export class RequestShapeInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    const handler = context.getHandler();
    this.assertMediaType(req, this.reflector.get<string[] | undefined>(BODY_MEDIA_TYPES, handler));
    this.assertQuery(req, handler, context.getClass());
    return next.handle();
  }

  private assertMediaType(req: Request, accepted = ['application/json']): void {
    if (!hasBody(req)) return;
    const media = mediaTypeOf(req.headers['content-type']);
    const charsetOk = media?.charset === undefined || media.charset === 'utf-8';
    if (media && accepted.includes(media.type) && charsetOk) return;
    const given = req.headers['content-type'] ? `Content-Type ${req.headers['content-type']}` : 'no Content-Type';
    throw new ApiError(
      'unsupported-media-type',
      'UNSUPPORTED_MEDIA_TYPE',
      `The body must be ${accepted.join(' or ')} (charset utf-8); this request has ${given}`,
      { accepted },
    );
  }

  /** Routes with a @Query() DTO leave unknown names to its validation (forbidNonWhitelisted). */
  private assertQuery(req: Request, handler: object, controller: object): void {
    const query = req.query as Record<string, unknown>;
    const names = Object.keys(query);
    if (names.length === 0 || takesQueryDto(controller, handler)) return;
    const allowed = new Set(this.reflector.get<string[] | undefined>(QUERY_PARAMETERS, handler as () => void) ?? []);
    const unknown = names.filter((n) => !allowed.has(n));
    if (unknown.length === 0) return;
    throw new ApiError(
      'bad-request',
      'UNKNOWN_PARAMETER',
      `Unknown query parameter${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}` +
        (allowed.size > 0 ? ` (this route takes ${[...allowed].join(', ')})` : ' (this route takes none)'),
      unknown.map((field) => ({ field, reasons: ['not a parameter of this route'] })),
    );
  }
}

/** Whether the handler validates its whole query with a DTO class (a @Query() parameter of a class type). */
function takesQueryDto(controller: object, handler: object): boolean {
  const method = (handler as { name: string }).name;
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<
    string,
    { index: number; data?: unknown }
  >;
  const prototype = (controller as { prototype: object }).prototype;
  const types = (Reflect.getMetadata('design:paramtypes', prototype, method) ?? []) as unknown[];
  return Object.entries(args).some(([key, arg]) => {
    if (!key.startsWith(`${RouteParamtypes.QUERY}:`) || arg.data !== undefined) return false;
    const type = types[arg.index];
    return typeof type === 'function' && type !== Object;
  });
}

/**
 * Whether the JSON parser takes a body: `application/json` in UTF-8. Others are left unparsed, for
 * RequestShapeInterceptor to refuse with the route's accepted types (or for a route that takes them).
 */
export function isJsonBody(req: IncomingMessage): boolean {
  const media = mediaTypeOf(req.headers['content-type']);
  return media?.type === 'application/json' && (media.charset === undefined || media.charset === 'utf-8');
}

/** The bulk upload route: its body may be far larger than any other (MAX_BULK_ITEMS rows). */
const BULK_UPLOAD = /^\/api\/v1\/tenants\/[^/]+\/groups\/[^/]+\/services\/hunt_groups\/bulk\/?(\?|$)/;
export const isBulkUpload = (req: IncomingMessage): boolean => req.method === 'POST' && BULK_UPLOAD.test(req.url ?? '');

/** A CSV body of the bulk upload, in UTF-8. */
export function isBulkCsv(req: IncomingMessage): boolean {
  const media = mediaTypeOf(req.headers['content-type']);
  return isBulkUpload(req) && media?.type === 'text/csv' && (media.charset === undefined || media.charset === 'utf-8');
}

/** The JSON parser's check that a body is UTF-8: a byte sequence that is not would be decoded to U+FFFD and stored. */
export function assertUtf8(_req: IncomingMessage, _res: unknown, body: Buffer): void {
  if (!isUtf8(body)) {
    throw new ApiError(
      'bad-request',
      'INVALID_CHARACTERS',
      'The body is not valid UTF-8: a byte sequence of it encodes no character',
      [{ field: 'body', reasons: ['not valid UTF-8'] }],
    );
  }
}
